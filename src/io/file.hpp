#pragma once
// Reading whole files (not public API).

#include <electsec/files.hpp>

#include <string>

namespace electsec::detail {

/// The whole content of the regular file `path`. Never blocks on a FIFO or device: any
/// path that is not a regular file is refused. Throws IoError naming the path and the
/// reason, or ParseError for a file over the size limit.
std::string read_file(const std::string& path);

/// The whole content of the open file `fd` (read from its current offset), which must
/// be a regular file; errors name `path`.
std::string read_fd(int fd, const std::string& path);

}  // namespace electsec::detail
