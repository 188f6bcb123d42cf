#include "atomic_file.hpp"

#include "file.hpp"
#include "text.hpp"

#include <electsec/error.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <climits>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <functional>
#include <ostream>
#include <streambuf>
#include <libgen.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace electsec::detail {

namespace {

[[noreturn]] void fail(const std::string& path, const char* step, int error) {
  throw IoError(path, std::string("cannot save: ") + step + " failed: " + std::strerror(error));
}

std::string directory_of(const std::string& path) {
  std::vector<char> copy(path.begin(), path.end());
  copy.push_back('\0');
  return ::dirname(copy.data());
}

std::string base_of(const std::string& path) {
  std::vector<char> copy(path.begin(), path.end());
  copy.push_back('\0');
  return ::basename(copy.data());
}

void check_path(const std::string& path) {
  if (path.empty()) throw IoError(path, "cannot save: the path is empty");
  if (path.find('\0') != std::string::npos) throw IoError(path, "cannot save: the path contains a NUL character");
}

std::string read_link(const std::string& path, const std::string& link) {
  // The size lstat reports is not reliable (/proc's links say 64): grow until it fits.
  std::vector<char> buffer(256);
  while (true) {
    const ssize_t n = ::readlink(link.c_str(), buffer.data(), buffer.size());
    if (n < 0) fail(path, "reading the symbolic link", errno);
    if (static_cast<std::size_t>(n) < buffer.size()) return std::string(buffer.data(), static_cast<std::size_t>(n));
    buffer.resize(buffer.size() * 2);
  }
}

// Every path a chain of symbolic links passes through, `path` first; the last is what a
// save writes (the link is kept). A dangling link ends in the path it names, which the
// save then creates.
std::vector<std::string> link_chain(const std::string& path) {
  std::vector<std::string> chain{path};
  for (int hops = 0; hops < 40; ++hops) {
    const std::string& p = chain.back();
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return chain;
    const std::string target = read_link(path, p);
    if (target.empty()) throw IoError(path, "cannot save: an empty symbolic link");
    chain.push_back(target.front() == '/' ? target : directory_of(p) + "/" + target);
  }
  throw IoError(path, "cannot save: too many levels of symbolic links");
}

// A path that names an open file of a process (/dev/stdout, /dev/fd/N, /proc/self/fd/N):
// what is behind it was opened by someone else (a shell's `>` or `>>`), so it is written
// through the path, appending, never replaced.
bool names_an_open_file(const std::string& path, const std::vector<std::string>& chain) {
  const auto in_proc = [](const std::string& p) { return p.rfind("/proc/", 0) == 0; };
  std::vector<char> real(PATH_MAX + 1);
  if (::realpath(directory_of(path).c_str(), real.data()) != nullptr && in_proc(real.data())) return true;
  return std::any_of(chain.begin(), chain.end(), in_proc);
}

// The process's umask, read without changing it (umask(2) would, for every thread).
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  return 022;
}

// Temporary files are named after their target and the writing process, so that a
// later save can remove those a killed process left behind.
std::string temp_prefix(const std::string& target) { return "." + base_of(target) + ".tmp-"; }

constexpr long abandoned_after_seconds = 600;

void remove_abandoned_temps(const std::string& target) {
  const std::string dir = directory_of(target);
  const std::string prefix = temp_prefix(target);
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    // Exactly the shape write_temp creates: PID, '-', the six characters mkstemp chose.
    const std::string rest = name.substr(prefix.size());
    const auto dash = rest.find('-');
    if (dash == std::string::npos || dash == 0 || rest.size() != dash + 7) continue;
    if (!std::all_of(rest.begin() + static_cast<long>(dash) + 1, rest.end(),
                     [](char c) { return detail::ascii_alnum(c); }))
      continue;
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    if (end != rest.c_str() + dash || pid <= 0) continue;
    // Its process is gone here, and it is old: on a folder shared between machines, a pid
    // says nothing of another machine's writer, but no save takes minutes.
    struct stat st {};
    const bool old = ::fstatat(::dirfd(d), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
                     std::time(nullptr) - st.st_mtime > abandoned_after_seconds;
    if (old && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) ::unlinkat(::dirfd(d), name.c_str(), 0);
  }
  ::closedir(d);
}

void sync_directory(const std::string& target) {
  const int dir = ::open(directory_of(target).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

bool write_all(int fd, std::string_view content, bool inject_failure) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n =
        inject_failure ? (errno = ENOSPC, -1) : ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// A stream buffer over an open file: 64 KiB are gathered and written at once; a piece at
// least that long is written as it is. A failed write is kept (error()) and every later
// output fails, so the stream goes bad.
class FdWriter : public std::streambuf {
 public:
  explicit FdWriter(int fd) : fd_(fd), buf_(1 << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n < static_cast<std::streamsize>(buf_.size())) return std::streambuf::xsputn(s, n);
    if (!drain() || !write_all(fd_, std::string_view(s, static_cast<std::size_t>(n)), false)) {
      if (error_ == 0) error_ = errno;
      return 0;
    }
    return n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (error_ != 0) return false;
    if (!write_all(fd_, std::string_view(pbase(), static_cast<std::size_t>(pptr() - pbase())), false)) {
      error_ = errno != 0 ? errno : EIO;
      return false;
    }
    setp(buf_.data(), buf_.data() + buf_.size());
    return true;
  }
  int fd_;
  std::vector<char> buf_;
  int error_ = 0;
};

// A file's new content: a text given whole, or what a writer puts into a stream.
struct Content {
  std::string_view text;
  const std::function<void(std::ostream&)>* writer = nullptr;

  // All of it into `fd`: false, with errno set, when writing failed. What the writer throws
  // is thrown on, and the caller cleans up.
  bool write_to(int fd, bool inject_failure) const {
    if (writer == nullptr) return write_all(fd, text, inject_failure);
    if (inject_failure) {
      errno = ENOSPC;
      return false;
    }
    FdWriter buf(fd);
    std::ostream out(&buf);
    try {
      (*writer)(out);
      out.flush();
    } catch (const std::ios_base::failure&) {  // a writer that asked its stream to throw
      if (buf.error() == 0) throw;             // not a failed write: the writer's own
    }
    if (buf.error() != 0 || !out) {
      errno = buf.error() != 0 ? buf.error() : EIO;  // (a writer that left the stream failed)
      return false;
    }
    return true;
  }
};

// A complete, synced temporary file beside `target` holding `content`, with the mode
// (and, where permitted, owner) of `old`, or 0666 less the umask for a new file.
std::string write_temp(const std::string& path, const std::string& target, const Content& content,
                       const struct stat* old, const WriteStage* fail_at) {
  const auto injected = [&](WriteStage s) { return fail_at != nullptr && *fail_at == s; };
  remove_abandoned_temps(target);
  std::string temp = directory_of(target) + "/" + temp_prefix(target) + std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> name(temp.begin(), temp.end());
  name.push_back('\0');
  const int fd = injected(WriteStage::create) ? (errno = EACCES, -1) : ::mkstemp(name.data());
  if (fd < 0) {
    // Say what the user can act on: the folder, not the temporary file they never named.
    const int error = errno;
    const std::string folder = directory_of(target);
    if (error == ENOENT) throw IoError(path, "cannot save: folder '" + folder + "' does not exist");
    if (error == ENOTDIR) throw IoError(path, "cannot save: '" + folder + "' is not a folder");
    if (error == EACCES || error == EPERM)
      throw IoError(path, "cannot save: no permission to create files in folder '" + folder + "'");
    fail(path, "creating a temporary file", error);
  }
  temp = name.data();
  // From here on, any failure removes the temporary file before reporting.
  const auto abandon = [&](const char* step, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(path, step, error);
  };
  bool written = false;
  try {
    written = content.write_to(fd, injected(WriteStage::write));
  } catch (...) {  // the writer failed: no file is left behind, and its reason goes on
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (!written) abandon("writing", errno);
  if (injected(WriteStage::flush)) abandon("flushing", EIO);
  if ((injected(WriteStage::sync) ? (errno = EIO, -1) : ::fsync(fd)) != 0) abandon("syncing", errno);
  if (old != nullptr) {
    // Another user's file keeps at least its group (a group member may set that), so a
    // file shared through its group stays shared.
    if (::fchown(fd, old->st_uid, old->st_gid) != 0 && ::fchown(fd, static_cast<uid_t>(-1), old->st_gid) != 0) {
    }
    ::fchmod(fd, old->st_mode & 07777);
  } else {
    ::fchmod(fd, 0666 & ~current_umask());
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "closing", error);
  }
  return temp;
}

void rename_into_place(const std::string& path, const std::string& temp, const std::string& target,
                       const WriteStage* fail_at) {
  const bool inject = fail_at != nullptr && *fail_at == WriteStage::rename;
  if ((inject ? (errno = EXDEV, -1) : std::rename(temp.c_str(), target.c_str())) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail(path, "renaming the temporary file", error);
  }
  // Make the rename itself durable; a failure here leaves a complete new file in place.
  sync_directory(target);
}

// Devices, FIFOs, terminals and other processes' open files are written where they are
// (appending), never replaced. A regular file is accepted only as an open file.
void write_in_place(const std::string& path, const std::string& target, const Content& content, bool open_file) {
  const int fd = ::open(target.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENXIO) throw IoError(path, "cannot save: a FIFO with no reader");
    fail(path, "opening", errno);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || (S_ISREG(st.st_mode) && !open_file)) {
    ::close(fd);
    throw IoError(path, "cannot save: the file changed while saving");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  bool written = false;
  try {
    written = content.write_to(fd, false);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (!written) {
    const int error = errno;
    ::close(fd);
    fail(path, "writing", error);
  }
  if (::close(fd) != 0) fail(path, "closing", errno);
}

void check_writable(const std::string& path, const std::string& target, const struct stat& st) {
  // Root passes access(2) for any file; a file with no write bit is read-only to all.
  if ((st.st_mode & 0222) == 0 || ::access(target.c_str(), W_OK) != 0)
    throw IoError(path, "cannot save: the file is read-only");
}

// The existing regular file `target` opened and exclusively locked, or -1 when it does not
// exist. The lock belongs to the file itself (its inode): after waiting, the path is
// checked to still name the locked file, since the previous writer replaced it.
int lock_existing(const std::string& path, const std::string& target, std::chrono::milliseconds wait, struct stat& st) {
  const auto deadline = std::chrono::steady_clock::now() + wait;
  auto pause = std::chrono::microseconds(200);
  while (true) {
    const int fd = ::open(target.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
      // No file to lock (or no folder: the save then says what is wrong with it).
      if (errno == ENOENT || errno == ENOTDIR) return -1;
      throw IoError(path, std::string("cannot open the file to read and lock it: ") + std::strerror(errno));
    }
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      throw IoError(path, "cannot lock: not a regular file");
    }
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      if (errno == EINTR) continue;
      if (errno != EWOULDBLOCK) {
        const int error = errno;
        ::close(fd);
        throw IoError(path, std::string("cannot lock: ") + std::strerror(error));
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        ::close(fd);
        throw IoError(path, "another writer holds the file's lock; gave up after " +
                                std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(wait).count()) +
                                " ms");
      }
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::microseconds(20000));
    }
    struct stat now {};
    if (::stat(target.c_str(), &now) == 0 && now.st_dev == st.st_dev && now.st_ino == st.st_ino) {
      ::fstat(fd, &st);
      return fd;
    }
    ::close(fd);  // replaced (or removed) while we waited: lock what the path names now
  }
}

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

namespace {

void write_atomically(const std::string& path, const Content& content, const WriteStage* fail_at,
                      std::chrono::milliseconds lock_wait) {
  check_path(path);
  struct stat st {};
  // What the path names in the end (through any links, including /proc's, whose targets
  // are not paths): a device, FIFO or terminal is written where it is.
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) throw IoError(path, "cannot save: is a directory");
    return write_in_place(path, path, content, false);
  }
  const std::vector<std::string> chain = link_chain(path);
  if (names_an_open_file(path, chain)) return write_in_place(path, path, content, true);
  const std::string& target = chain.back();
  if (::stat(target.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode)) throw IoError(path, "cannot save: the file changed while saving");
    check_writable(path, target, st);
  }
  const Fd lock{lock_existing(path, target, lock_wait, st)};
  const std::string temp = write_temp(path, target, content, lock.fd >= 0 ? &st : nullptr, fail_at);
  rename_into_place(path, temp, target, fail_at);
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content, const WriteStage* fail_at,
                           std::chrono::milliseconds lock_wait) {
  write_atomically(path, Content{content, nullptr}, fail_at, lock_wait);
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           const WriteStage* fail_at, std::chrono::milliseconds lock_wait) {
  write_atomically(path, Content{{}, &write}, fail_at, lock_wait);
}

void create_file_exclusively(const std::string& path, std::string_view content) {
  check_path(path);
  const std::string target = link_chain(path).back();
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0) throw IoError(path, "already exists");
  const std::string temp = write_temp(path, target, Content{content, nullptr}, nullptr, nullptr);
  // link(2) fails if the name exists, so of two creators exactly one wins.
  if (::link(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    if (error == EEXIST) throw IoError(path, "already exists");
    fail(path, "creating the file", error);
  }
  ::unlink(temp.c_str());
  sync_directory(target);
}

void update_file(const std::string& path, const std::function<std::string(const std::string&)>& change,
                 std::chrono::milliseconds lock_wait) {
  check_path(path);
  const std::string target = link_chain(path).back();
  struct stat st {};
  const Fd lock{lock_existing(path, target, lock_wait, st)};
  if (lock.fd < 0) throw IoError(path, "cannot update: No such file or directory");
  check_writable(path, target, st);
  const std::string updated = change(read_fd(lock.fd, path));
  const std::string temp = write_temp(path, target, Content{updated, nullptr}, &st, nullptr);
  rename_into_place(path, temp, target, nullptr);
}

}  // namespace electsec::detail

namespace electsec {

void write_file_atomically(const std::string& path, std::string_view content, std::chrono::milliseconds lock_wait) {
  detail::write_file_atomically(path, content, nullptr, lock_wait);
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           std::chrono::milliseconds lock_wait) {
  detail::write_file_atomically(path, write, nullptr, lock_wait);
}

}  // namespace electsec
