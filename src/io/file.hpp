#pragma once
// Reading whole files (not public API).

#include <electsec/files.hpp>

#include <string>
#include <vector>

namespace electsec::detail {

/// The whole content of the regular file `path`. Never blocks on a FIFO or device: any
/// path that is not a regular file is refused. Throws IoError naming the path and the
/// reason, or ParseError for a file over the size limit.
std::string read_file(const std::string& path);

/// The assessment files `paths` stand for: files as given, a directory as the *.json files
/// in it (below it too with `recursive`), each directory's files sorted. Throws IoError for
/// a directory that cannot be listed.
std::vector<std::string> assessment_inputs(const std::vector<std::string>& paths, bool recursive);

/// The whole content of the open file `fd` (read from its current offset), which must
/// be a regular file; errors name `path`.
std::string read_fd(int fd, const std::string& path);

}  // namespace electsec::detail
