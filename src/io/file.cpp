#include "file.hpp"

#include <electsec/error.hpp>
#include <electsec/limits.hpp>

#include <cstdint>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

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
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot read: " + std::strerror(errno));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(path + ": cannot read: I/O error");
  return content.str();
}

}  // namespace electsec::detail
