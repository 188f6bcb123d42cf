// libFuzzer target: reading OSCAL assessment results back (assess import-oscal). Whatever it
// accepts names only actions of the catalog, each once, with a known status; everything
// else is an Error, never a crash.
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>
#include <electsec/oscal.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const electsec::Catalog& catalog = electsec::default_catalog();
  electsec::Assessment office;
  office.jurisdiction = {"us-xx-f", "F County", "XX", electsec::JurisdictionKind::county};
  office.catalog_version = "1.4.1";
  try {
    const auto read = electsec::parse_oscal_assessment_results(
        std::string_view(reinterpret_cast<const char*>(data), size), catalog, office, "fuzz");
    std::set<std::string> seen;
    for (const auto& row : read.statuses)
      if (catalog.find_action(row.action) == nullptr || !seen.insert(row.action).second || !row.note) std::abort();
  } catch (const electsec::Error&) {
  }
  return 0;
}
