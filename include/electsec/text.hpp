#pragma once
/// \file
/// Small text helpers the library uses and front ends need too: UTF-8 checking, the
/// "did you mean" suggestions of NotFound, case folding for ids and terms, joining, and the
/// percentages reports and tables show.

#include <electsec/export.hpp>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// True when `text` is well-formed UTF-8 (no stray bytes, overlong forms, surrogates or
/// code points past U+10FFFF).
ELECTSEC_API bool is_utf8(std::string_view text);

/// Up to `limit` candidates closest to `query`, best first, ties in candidate order: those
/// within a small edit distance for the query's length (ASCII case ignored) or starting
/// with it. Empty when nothing is close. NotFound::closest() is filled this way.
ELECTSEC_API std::vector<std::string> closest(std::string_view query, const std::vector<std::string>& candidates,
                                              std::size_t limit = 3);

/// ASCII letters lowered; other bytes kept.
ELECTSEC_API std::string lower_case(std::string_view text);

/// A completion fraction as a whole percentage, rounded half up: 0.456 -> "46%".
ELECTSEC_API std::string percent(double fraction);

/// The items with `separator` between them.
ELECTSEC_API std::string join(const std::vector<std::string>& items, std::string_view separator);

}  // namespace electsec
