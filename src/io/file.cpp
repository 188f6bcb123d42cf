#include "file.hpp"

#include <electsec/files.hpp>

#include <electsec/error.hpp>
#include <electsec/limits.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace electsec::detail {

namespace {

std::string too_large(std::uint64_t size) {
  return "file of " + std::to_string(size) + " bytes is over the limit of " + std::to_string(max_input_bytes) +
         " bytes";
}

}  // namespace

std::string read_fd(int fd, const std::string& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
  if (!S_ISREG(st.st_mode))
    throw IoError(path,
                  std::string("cannot read: ") + (S_ISDIR(st.st_mode) ? "is a directory" : "is not a regular file"));
  if (static_cast<std::uint64_t>(st.st_size) > max_input_bytes)
    throw ParseError(path, 0, 0, "", too_large(static_cast<std::uint64_t>(st.st_size)));
  // One read into a buffer of the file's size (the size may change while reading), with a
  // byte to spare: the read that finds the end then needs no larger buffer, which would
  // have copied the whole file.
  std::string content(static_cast<std::size_t>(st.st_size) + 1, '\0');
  std::size_t have = 0;
  while (true) {
    if (have == content.size()) content.resize(content.size() + 4096);
    const ssize_t n = ::read(fd, content.data() + have, content.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
    if (have > max_input_bytes)
      throw ParseError(path, 0, 0, "", "file grew over the limit of " + std::to_string(max_input_bytes) + " bytes");
  }
  content.resize(have);
  return content;
}

std::string read_file(const std::string& path) {
  if (path.find('\0') != std::string::npos) throw IoError(path, "cannot read: the path contains a NUL character");
  // O_NONBLOCK: opening a FIFO must not wait for a writer; read_fd then refuses it as
  // not a regular file before reading anything.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
  try {
    std::string content = read_fd(fd, path);
    ::close(fd);
    return content;
  } catch (...) {
    ::close(fd);
    throw;
  }
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
      fs::directory_iterator it(path, ec), end;
      for (; !ec && it != end; it.increment(ec)) take(*it);
    }
    if (ec) throw IoError(path, "cannot list: " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace electsec::detail

namespace electsec {

std::string read_file(const std::string& path) { return detail::read_file(path); }

}  // namespace electsec
