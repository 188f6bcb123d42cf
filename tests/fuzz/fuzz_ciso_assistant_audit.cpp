// libFuzzer target: reading a CISO Assistant audit export back (assess import-ciso-assistant).
// Whatever it accepts names only actions of the catalog, each once, and every change it
// lists is in the record it returns, which still validates; everything else is an Error,
// never a crash.
#include <electsec/assessment_json.hpp>
#include <electsec/ciso_assistant.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const electsec::Catalog& catalog = electsec::default_catalog();
  electsec::Assessment office;
  office.jurisdiction = {"us-xx-f", "F County", "XX", electsec::JurisdictionKind::county};
  office.catalog_version = catalog.guide().version;
  office.set(catalog, "backups.l1.1", electsec::Status::in_progress, std::string("tapes"), "2026-01-05");
  try {
    const auto read = electsec::import_ciso_assistant_audit(std::string_view(reinterpret_cast<const char*>(data), size),
                                                            catalog, office, "fuzz", "2026-03-02");
    std::set<std::string> seen;
    for (const auto& row : read.statuses)
      if (catalog.find_action(row.action) == nullptr || !seen.insert(row.action).second) std::abort();
    if (read.changed.size() > read.statuses.size()) std::abort();
    electsec::validate_assessment(read.assessment, catalog);
  } catch (const electsec::Error&) {
  }
  return 0;
}
