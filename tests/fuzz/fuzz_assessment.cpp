// libFuzzer target: the assessment loader, then everything that reads an assessment.
#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/plan.hpp>
#include <electsec/scorecard.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const electsec::Catalog& catalog = electsec::default_catalog();
  try {
    const auto a = electsec::parse_assessment(std::string_view(reinterpret_cast<const char*>(data), size), catalog, "fuzz");
    electsec::score(catalog, a);
    electsec::build_plan(catalog, a.maturity, &a);
    electsec::parse_assessment(electsec::to_json(a), catalog);  // what we write, we read
  } catch (const electsec::Error&) {
  }
  return 0;
}
