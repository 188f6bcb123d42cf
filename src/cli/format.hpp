#pragma once
// Output helpers of the command line: aligned text tables and RFC 4180 CSV.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace electsec::detail {

struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
};

/// Columns padded to their widest cell (counted in UTF-8 code points), two spaces
/// apart, a dashed line under the headers; the last column is not padded.
void write_table(std::ostream& out, const Table& table);

/// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote,
/// CR or LF, quotes doubled.
void write_csv(std::ostream& out, const Table& table);

std::string csv_field(std::string_view text);

/// Items joined by `sep`.
std::string join(const std::vector<std::string>& items, std::string_view sep);

}  // namespace electsec::detail
