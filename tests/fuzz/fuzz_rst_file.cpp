// libFuzzer target: one best-practice .rst file, read from memory.
#include "io/json_codec.hpp"
#include "io/rst_internal.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<electsec::ImportWarning> warnings;
  try {
    const electsec::Practice p = electsec::detail::import_practice_text(
        std::string(reinterpret_cast<const char*>(data), size), "bp/fuzz.rst", {}, warnings);
    (void)electsec::detail::encode(p).dump();  // what is imported can be written as JSON
  } catch (const electsec::Error&) {
  }
  return 0;
}
