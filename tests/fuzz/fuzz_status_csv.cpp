// libFuzzer target: the status CSV reader, and the round trip through the writer.
#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const electsec::Catalog& catalog = electsec::default_catalog();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<electsec::StatusRow> rows;
  try {
    rows = electsec::parse_status_csv(text, catalog, "fuzz");
  } catch (const electsec::Error&) {
    return 0;
  }
  // Rows that parse apply to an assessment; what to_status_csv writes reads back the same.
  electsec::Assessment a;
  a.jurisdiction = {"x", "X", "XX", electsec::JurisdictionKind::county};
  a.catalog_version = catalog.guide().version;
  for (const auto& r : rows) a.set(catalog, r.action, r.status, r.note, r.updated.empty() ? "2026-01-01" : r.updated);
  electsec::Assessment b = a;
  b.statuses.clear();
  for (const auto& r : electsec::parse_status_csv(electsec::to_status_csv(a), catalog, "again"))
    b.set(catalog, r.action, r.status, r.note, r.updated);
  if (!(a == b)) std::abort();
  electsec::validate_assessment(a, catalog);  // what import would save is valid
  return 0;
}
