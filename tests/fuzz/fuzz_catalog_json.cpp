// libFuzzer target: the catalog JSON loader. Any input must end in a Catalog or an
// electsec::Error, never a crash, a hang or another exception.
#include <electsec/catalog_json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto catalog = electsec::parse_catalog(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz");
    electsec::to_json(catalog);
  } catch (const electsec::Error&) {
  }
  return 0;
}
