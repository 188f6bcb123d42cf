#pragma once
// Small text helpers shared by the library's parts (not public API).

#include <string>
#include <string_view>
#include <vector>

namespace electsec::detail {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points
/// past U+10FFFF).
bool is_utf8(std::string_view text);

/// Lower-case ASCII letters and digits, every other run of characters one '-', no '-'
/// at either end: "User Recommendations" -> "user-recommendations".
std::string kebab_case(std::string_view text);

/// ASCII lower case.
std::string lower_case(std::string_view text);

/// Edit distance (insertions, deletions, substitutions), ASCII case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Up to `limit` candidates closest to `query`, best first, ties in candidate order.
/// A candidate is close when its edit distance is small for the query's length or when
/// it starts with the query. Returns none when nothing is close.
std::vector<std::string> closest(std::string_view query, const std::vector<std::string>& candidates,
                                 std::size_t limit = 3);

/// Split on a single character; keeps empty pieces.
std::vector<std::string_view> split(std::string_view text, char sep);

}  // namespace electsec::detail
