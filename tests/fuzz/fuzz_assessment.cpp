// libFuzzer target: the assessment loader, then everything that reads an assessment.
#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/plan.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/systems.hpp>

#include "engine/flat_statuses.hpp"
#include "io/assessment_fast.hpp"
#include "io/assessment_reader.hpp"

#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const electsec::Catalog& catalog = electsec::default_catalog();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // The fast path may only accept what the full reader accepts, and read it the same way.
  const auto fast = electsec::detail::read_assessment_fast(text, &catalog);
  if (fast) {
    if (!(electsec::detail::read_assessment_full(text, &catalog, "fuzz") == *fast)) std::abort();
  }
  // The rollup's reader accepts the same documents, with the same statuses.
  electsec::Assessment rest;
  std::vector<std::int8_t> bytes;
  if (electsec::detail::read_assessment_fast_flat(text, catalog, rest, bytes) != fast.has_value()) std::abort();
  if (fast) {
    std::size_t counted = 0;
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      if (bytes[n] == electsec::detail::no_status) continue;
      ++counted;
      const auto it = fast->statuses.find(electsec::detail::action_numbered(catalog, n).id);
      if (it == fast->statuses.end() || static_cast<std::int8_t>(it->second.status) != bytes[n]) std::abort();
    }
    if (counted != fast->statuses.size() || !rest.statuses.empty() || !(rest.jurisdiction == fast->jurisdiction) ||
        rest.maturity != fast->maturity)
      std::abort();
  }
  try {
    const auto a =
        electsec::parse_assessment(std::string_view(reinterpret_cast<const char*>(data), size), catalog, "fuzz");
    electsec::score(catalog, a);
    electsec::build_plan(catalog, a.maturity, a);
    electsec::risk_picture(catalog, a);
    electsec::build_plan(catalog, a.maturity, a, electsec::PlanOptions{true});
    // What we write, we read back equal; and it passes the writers' validation.
    if (!(electsec::parse_assessment(electsec::to_json(a), catalog) == a)) std::abort();
    electsec::validate_assessment(a, catalog);
  } catch (const electsec::Error&) {
  }
  return 0;
}
