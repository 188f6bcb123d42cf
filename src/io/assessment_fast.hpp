#pragma once
// The assessment reader's fast path (not public API).

#include <electsec/assessment.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace electsec::detail {

/// The assessment, when `text` is a valid document of the plain expected shape; none
/// otherwise (the caller then runs the full reader, which explains what is wrong). With
/// `catalog` null, action and statement ids are not checked.
std::optional<Assessment> read_assessment_fast(std::string_view text, const Catalog* catalog);

/// The same for a reader that only sums statuses (a rollup of files): true when
/// read_assessment_fast would give an assessment, which is then `rest` with its statuses
/// left out of `rest.statuses` and set in `statuses` instead, one byte per action number
/// (engine/flat_statuses.hpp).
bool read_assessment_fast_flat(std::string_view text, const Catalog& catalog, Assessment& rest,
                               std::vector<std::int8_t>& statuses);

}  // namespace electsec::detail
