#pragma once
// Reading whole files (not public API).

#include <electsec/files.hpp>

#include <string>
#include <system_error>
#include <string_view>
#include <vector>

namespace electsec::detail {

/// The whole content of the regular file `path`. Never blocks on a FIFO or device: any
/// path that is not a regular file is refused. Throws IoError naming the path and the
/// reason, or ParseError for a file over the size limit.
std::string read_file(const std::string& path);

/// The same, read into `buffer`, which is kept for the next file (grown as needed, never
/// shrunk; its bytes past the content are unspecified): the content's view into it, valid
/// until the buffer changes. For readers of many files, to spare an allocation per file.
std::string_view read_file_into(const std::string& path, std::string& buffer);

/// The assessment files `paths` stand for: files as given, a directory as the *.json files
/// in it (below it too with `recursive`), each directory's files sorted. Throws IoError for
/// a directory that cannot be listed.
std::vector<std::string> assessment_inputs(const std::vector<std::string>& paths, bool recursive);

/// The names in directory `dir` that end in `extension` (".rst"), the extension taken off,
/// whatever each entry is (file, directory, link), in the directory's order: the names
/// std::filesystem's path::stem() gives for the entries whose path::extension() is
/// `extension` (so ".rst" alone is a hidden file's name, not an extension), with no path
/// object per entry. Empty, with `ec` set, when `dir` cannot be listed.
std::vector<std::string> stems_in(const std::string& dir, std::string_view extension, std::error_code& ec);

/// The whole content of the open file `fd` (read from its current offset), which must
/// be a regular file; errors name `path`.
std::string read_fd(int fd, const std::string& path);
/// The same, into `buffer` as read_file_into does.
std::string_view read_fd_into(int fd, const std::string& path, std::string& buffer);

}  // namespace electsec::detail
