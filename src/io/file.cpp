#include "file.hpp"

#include <electsec/files.hpp>

#include <electsec/error.hpp>
#include <electsec/limits.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iterator>
#include <string_view>
#include <system_error>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace electsec::detail {

namespace {

std::string too_large(std::uint64_t size) {
  return "file of " + std::to_string(size) + " bytes is over the limit of " + std::to_string(max_input_bytes) +
         " bytes";
}

// Calls `take` with each entry of directory `dir` (its "." and ".." too), closing the
// directory however the listing ends; `ec` set when it cannot be opened or read to the end.
template <typename Take>
void each_entry(const std::string& dir, std::error_code& ec, const Take& take) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) {
    ec = std::error_code(errno, std::generic_category());
    return;
  }
  struct Close {  // (`take` may throw: a name may not find memory)
    DIR* d;
    ~Close() { ::closedir(d); }
  } close{d};
  while (true) {
    errno = 0;
    const dirent* entry = ::readdir(d);
    if (entry == nullptr) {
      if (errno != 0) ec = std::error_code(errno, std::generic_category());
      return;
    }
    take(*entry);
  }
}

// The *.json entries of directory `dir` that are not directories (a symlink counts as what
// it points to), as `dir`/name, into `found`; `ec` set when it cannot be listed. The same
// choice as std::filesystem's iterator with path::extension() and is_directory() makes, with
// no path object per entry: most entries say their type, and only symlinks and entries of
// unknown type cost a stat.
void list_json_files(const std::string& dir, std::vector<std::string>& found, std::error_code& ec) {
  const std::string prefix = dir.empty() || dir.back() == '/' ? dir : dir + '/';
  each_entry(dir, ec, [&](const dirent& entry) {
    const std::string_view name(entry.d_name);
    // ".json" alone is a hidden file's name with no extension, as path::extension() reads it.
    if (name.size() <= 5 || name.substr(name.size() - 5) != ".json") return;
    std::string full = prefix;
    full += name;
    if (entry.d_type == DT_DIR) return;
    if (entry.d_type == DT_LNK || entry.d_type == DT_UNKNOWN) {
      struct stat st {};
      if (::stat(full.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return;
    }
    found.push_back(std::move(full));
  });
}

}  // namespace

std::vector<std::string> stems_in(const std::string& dir, std::string_view extension, std::error_code& ec) {
  std::vector<std::string> stems;
  std::error_code listing;
  each_entry(dir, listing, [&](const dirent& entry) {
    const std::string_view name(entry.d_name);
    if (name.size() > extension.size() && name.substr(name.size() - extension.size()) == extension)
      stems.emplace_back(name.substr(0, name.size() - extension.size()));
  });
  if (listing) {
    ec = listing;
    stems.clear();
  }
  return stems;
}

std::string_view read_fd_into(int fd, const std::string& path, std::string& buffer) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode))
    throw IoError(path,
                  std::string("cannot read: ") + (S_ISDIR(st.st_mode) ? "is a directory" : "is not a regular file"));
  if (static_cast<std::uint64_t>(st.st_size) > max_input_bytes)
    throw ParseError(path, 0, 0, "", too_large(static_cast<std::uint64_t>(st.st_size)));
  // Room for a byte more than the file's size, so that a whole file comes in one read that
  // stops short of what was asked. The size may change while reading: the loop then reads
  // on until the end.
  const auto size = static_cast<std::size_t>(st.st_size);
  if (buffer.size() <= size) buffer.resize(size + 1);
  std::size_t have = 0;
  while (true) {
    if (have == buffer.size()) buffer.resize(buffer.size() + 4096);
    const ssize_t n = ::read(fd, buffer.data() + have, buffer.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
    if (have > max_input_bytes)
      throw ParseError(path, 0, 0, "", "file grew over the limit of " + std::to_string(max_input_bytes) + " bytes");
    // A read of a regular file gives less than asked only at its end; when that end is the
    // size fstat gave, asking again (for the 0 that says "end") would tell nothing new.
    if (have == size && have < buffer.size()) break;
  }
  return std::string_view(buffer.data(), have);
}

std::string read_fd(int fd, const std::string& path) {
  std::string content;
  content.resize(read_fd_into(fd, path, content).size());
  return content;
}

std::string_view read_file_into(const std::string& path, std::string& buffer) {
  if (path.find('\0') != std::string::npos) throw IoError(path, "cannot read: the path contains a NUL character");
  // O_NONBLOCK: opening a FIFO must not wait for a writer; read_fd_into then refuses it as
  // not a regular file before reading anything.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
  try {
    const std::string_view content = read_fd_into(fd, path, buffer);
    ::close(fd);
    return content;
  } catch (...) {
    ::close(fd);
    throw;
  }
}

std::string read_file(const std::string& path) {
  std::string content;
  content.resize(read_file_into(path, content).size());
  return content;
}

std::vector<std::string> assessment_inputs(const std::vector<std::string>& paths, bool recursive) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    const auto take = [&](const fs::directory_entry& entry) {
      std::error_code type_ec;
      if (entry.path().extension() == ".json" && !entry.is_directory(type_ec)) found.push_back(entry.path().string());
    };
    if (recursive) {
      fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
      for (; !ec && it != end; it.increment(ec)) take(*it);
    } else {
      list_json_files(path, found, ec);
    }
    if (ec) throw IoError(path, "cannot list: " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  return files;
}

}  // namespace electsec::detail

namespace electsec {

std::string read_file(const std::string& path) { return detail::read_file(path); }

}  // namespace electsec
