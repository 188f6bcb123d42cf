#pragma once
// The assessment loader without the catalog's id checks (not public API).

#include <electsec/assessment.hpp>

#include <string_view>

namespace electsec::detail {

/// parse_assessment, except that with `catalog` null, action and statement ids are not
/// checked: for reading a file written for another release before migrating it.
Assessment read_assessment(std::string_view text, const Catalog* catalog, std::string_view source);

/// The full reader alone (every problem, with positions), without the fast path that
/// read_assessment tries first; for tests that compare the two.
Assessment read_assessment_full(std::string_view text, const Catalog* catalog, std::string_view source);

/// The full reader; without `positions`, errors name fields but no line or column (for
/// validating a document built in memory before it is written).
Assessment read_assessment_checked(std::string_view text, const Catalog* catalog, std::string_view source,
                                   bool positions);

}  // namespace electsec::detail
