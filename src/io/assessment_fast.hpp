#pragma once
// The assessment reader's fast path (not public API).

#include <electsec/assessment.hpp>

#include <optional>
#include <set>
#include <string_view>

namespace electsec::detail {

/// The assessment, when `text` is a valid document of the plain expected shape; none
/// otherwise (the caller then runs the full reader, which explains what is wrong). With
/// `catalog` null, action and statement ids are not checked.
std::optional<Assessment> read_assessment_fast(std::string_view text, const Catalog* catalog);

}  // namespace electsec::detail
