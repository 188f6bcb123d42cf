#include "atomic_file.hpp"

#include <electsec/error.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <libgen.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace electsec::detail {

namespace {

[[noreturn]] void fail(const std::string& path, const char* step, int error) {
  throw Error(path + ": cannot save: " + step + " failed: " + std::strerror(error));
}

std::string directory_of(const std::string& path) {
  std::vector<char> copy(path.begin(), path.end());
  copy.push_back('\0');
  return ::dirname(copy.data());
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content, const WriteStage* fail_at) {
  const auto injected = [&](WriteStage s) { return fail_at != nullptr && *fail_at == s; };
  std::string temp = path + ".tmp.XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = injected(WriteStage::create) ? (errno = EACCES, -1) : ::mkstemp(name.data());
  if (fd < 0) {
    // Say what the user can act on: the folder, not the temporary file they never named.
    const int error = errno;
    const std::string folder = directory_of(path);
    if (error == ENOENT) throw Error(path + ": cannot save: folder '" + folder + "' does not exist");
    if (error == ENOTDIR) throw Error(path + ": cannot save: '" + folder + "' is not a folder");
    if (error == EACCES || error == EPERM)
      throw Error(path + ": cannot save: no permission to create files in folder '" + folder + "'");
    fail(path, "creating a temporary file", error);
  }
  temp = name.data();

  // From here on, any failure removes the temporary file before reporting.
  const auto abandon = [&](const char* step, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(path, step, error);
  };
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = injected(WriteStage::write) ? (errno = ENOSPC, -1)
                                                   : ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("writing", errno);
    }
    written += static_cast<std::size_t>(n);
  }
  if (injected(WriteStage::flush)) abandon("flushing", EIO);
  if ((injected(WriteStage::sync) ? (errno = EIO, -1) : ::fsync(fd)) != 0) abandon("syncing", errno);
  // mkstemp makes the file 0600: keep the mode of the file being replaced, or give a new
  // one the usual 0644 (umask is process-wide state a library must not touch).
  struct stat old {};
  ::fchmod(fd, ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "closing", error);
  }
  if ((injected(WriteStage::rename) ? (errno = EXDEV, -1) : std::rename(temp.c_str(), path.c_str())) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "renaming the temporary file", error);
  }
  // Make the rename itself durable; a failure here leaves a complete new file in place.
  const int dir = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace electsec::detail
