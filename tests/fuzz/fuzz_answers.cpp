// libFuzzer target: the maturity answers loader and the maturity rule.
#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/maturity.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const electsec::Catalog& catalog = electsec::default_catalog();
  try {
    const auto answers =
        electsec::parse_answers(std::string_view(reinterpret_cast<const char*>(data), size), catalog, "fuzz");
    electsec::determine_maturity(catalog, answers);
  } catch (const electsec::Error&) {
  }
  return 0;
}
