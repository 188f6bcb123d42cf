// The terminal table and CSV writers of table.hpp.
#include <electsec/table.hpp>

#include <electsec/error.hpp>

#include <algorithm>

namespace electsec {

namespace {
std::size_t display_width(std::string_view s) {
  // UTF-8 continuation bytes do not start a new character.
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
}  // namespace

void write_table(std::ostream& out, const Table& raw) {
  // A table is for a terminal: what a file holds is shown, never acted on.
  Table table{{}, {}};
  for (const auto& h : raw.headers) table.headers.push_back(printable(h));
  for (const auto& row : raw.rows) {
    table.rows.emplace_back();
    for (const auto& cell : row) table.rows.back().push_back(printable(cell));
  }
  std::vector<std::size_t> widths;
  for (const auto& h : table.headers) widths.push_back(display_width(h));
  for (const auto& row : table.rows)
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) text += "  ";
      text += cells[i];
      if (i + 1 < cells.size()) text.append(widths[i] - display_width(cells[i]), ' ');
    }
    out << text << '\n';
  };
  line(table.headers);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : table.rows) line(row);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

void write_csv(std::ostream& out, const Table& table) {
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i > 0 ? "," : "") << csv_field(cells[i]);
    out << "\r\n";
  };
  line(table.headers);
  for (const auto& row : table.rows) line(row);
}

}  // namespace electsec
