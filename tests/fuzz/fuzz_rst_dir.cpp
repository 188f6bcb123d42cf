// libFuzzer target: a small guide directory. The input is split into files at lines
// "=== path ===" (the first part goes to bp/bp_index.rst), written to a fresh directory
// and imported whole.
#include <electsec/rst_import.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fs::path root = fs::temp_directory_path() / ("electsec_fuzz_dir_" + std::to_string(::getpid()));
  fs::remove_all(root);
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::string path = "bp/bp_index.rst";
  std::size_t start = 0;
  const auto flush = [&](std::size_t end) {
    // Only plain relative names under the root.
    if (path.empty() || path.find("..") != std::string::npos || path[0] == '/' || path.size() > 64) return;
    const fs::path file = root / path;
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::ofstream(file, std::ios::binary) << input.substr(start, end - start);
  };
  std::size_t at = 0;
  while ((at = input.find("\n=== ", at)) != std::string::npos) {
    const std::size_t eol = input.find(" ===\n", at + 5);
    if (eol == std::string::npos) break;
    flush(at + 1);
    path = input.substr(at + 5, eol - at - 5);
    start = eol + 5;
    at = start;
  }
  flush(input.size());
  try {
    electsec::import_eges_rst(root.string());
  } catch (const electsec::Error&) {
  }
  return 0;
}
