#include "file.hpp"

#include <electsec/error.hpp>
#include <electsec/limits.hpp>

#include <cstdint>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace electsec::detail {

std::string read_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw Error(path + ": cannot read: " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw Error(path + ": cannot read: is a directory");
  if (static_cast<std::uint64_t>(st.st_size) > max_input_bytes)
    throw ParseError(path, 0, 0, "",
                     "file of " + std::to_string(st.st_size) + " bytes is over the limit of " +
                         std::to_string(max_input_bytes) + " bytes");
  // One read into a buffer of the file's size (the size may change while reading).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(path + ": cannot read: " + std::strerror(errno));
  std::string content(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t have = 0;
  while (true) {
    if (have == content.size()) content.resize(content.size() + 4096);
    const ssize_t n = ::read(fd, content.data() + have, content.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      throw Error(path + ": cannot read: " + std::strerror(error));
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
    if (have > max_input_bytes) {
      ::close(fd);
      throw ParseError(path, 0, 0, "", "file grew over the limit of " + std::to_string(max_input_bytes) + " bytes");
    }
  }
  ::close(fd);
  content.resize(have);
  return content;
}

}  // namespace electsec::detail
