#pragma once
// Finds where a JSON pointer's value stands in a JSON text, so that errors found after
// parsing (wrong types, unknown enum strings) can name a line and column. Only called
// on the error path; the text must already have parsed as JSON.

#include <cstddef>
#include <string_view>

namespace electsec::detail {

struct TextPosition {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in bytes
};

/// Line and column of a byte offset.
TextPosition position_of(std::string_view text, std::size_t offset);

/// Byte offset of the value `pointer` (RFC 6901) names in `text`; when the pointer runs
/// past what exists, the offset of the deepest value on its way that does.
std::size_t locate(std::string_view text, std::string_view pointer);

}  // namespace electsec::detail
