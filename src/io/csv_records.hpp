#pragma once
// Splitting CSV text into records (RFC 4180 quoting), shared by the readers of status
// tables and of CISO Assistant audit exports.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace electsec::detail {

/// One record of a CSV text: its cells, and the 1-based line it starts on.
struct CsvRecord {
  std::vector<std::string> cells;
  std::size_t line = 0;
};

/// Splits `text` into records separated by `delimiter`; a quoted field may hold the
/// delimiter, quotes ("") and line breaks. A leading byte-order mark and blank lines are
/// skipped. Returns false, with `bad_line` set, on a quote that is never closed or text
/// after a closing quote.
bool split_records(std::string_view text, std::vector<CsvRecord>& out, std::size_t& bad_line, char delimiter = ',');

}  // namespace electsec::detail
