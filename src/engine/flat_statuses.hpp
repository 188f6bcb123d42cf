#pragma once
// Offices held as one status byte per action (not public API): for the parts of the library
// that hold many offices at once (the history store), scoring them without building an
// Assessment's map gives the same sums as scoring the Assessment. The public
// CompactAssessment (scorecard.hpp) has the same layout without `no_status`, which the store
// keeps so that it can tell a recorded not_started from no record when it rebuilds a map.

#include <electsec/scorecard.hpp>

#include <cstdint>
#include <string_view>

namespace electsec::detail {

/// No status recorded for the action.
inline constexpr std::int8_t no_status = -1;

/// How many actions the catalog has; they are numbered 0..n-1 in the catalog's order,
/// practice by practice.
std::size_t action_count(const Catalog& catalog);
/// The number of action `id`, or -1 when the catalog has no such action.
int action_number(const Catalog& catalog, std::string_view id);
/// The action numbered `number`.
const Action& action_numbered(const Catalog& catalog, std::size_t number);

/// Add one office to `builder` from `statuses`, one per action number (a Status as a byte,
/// or no_status): the same as adding the Assessment with those statuses.
void add_statuses(RollupBuilder& builder, const Jurisdiction& jurisdiction, Maturity maturity,
                  const std::int8_t* statuses);

/// builder.finish(), moving the offices out of `builder` instead of copying them: for a
/// caller done with the builder, which is left without offices.
Rollup finish_taking(RollupBuilder& builder);

}  // namespace electsec::detail
