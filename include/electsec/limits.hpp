#pragma once
/// \file
/// Limits every JSON loader (catalogs, assessments, answers) applies before parsing, so
/// that no input can exhaust memory or the stack. Exceeding one is a ParseError.

#include <cstddef>

namespace electsec {

/// Largest input accepted: 64 MiB (the whole embedded catalog is well under 1 MiB).
inline constexpr std::size_t max_input_bytes = 64u * 1024u * 1024u;
/// Deepest nesting of arrays and objects accepted (the formats need at most 6).
inline constexpr std::size_t max_nesting_depth = 64;

/// How many problems an error lists before it only counts the rest (a ValidationError's
/// what(), the loaders' and the CSV reader's problem lists, the rollup's bad files).
inline constexpr std::size_t max_listed_problems = 100;

/// The widest indentation the JSON writers accept (`to_json(..., indent)`); more is an
/// Error, not a document of mostly spaces.
inline constexpr int max_json_indent = 16;

}  // namespace electsec
