// The terminal table and CSV writers of table.hpp.
#include <electsec/table.hpp>

#include <electsec/error.hpp>

#include <algorithm>

namespace electsec {

namespace {
bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

std::size_t display_width(std::string_view s) {
  // UTF-8 continuation bytes do not start a new character.
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), starts_character));
}

// `text` in pieces of at most `room` characters, broken at spaces where it can be, between
// characters where a word is longer than the room.
std::vector<std::string> wrapped(const std::string& text, std::size_t room) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    std::string word = text.substr(i, end - i);
    i = end + 1;
    while (display_width(word) > room) {  // a word longer than a whole line: cut it
      if (line_width > 0) lines.push_back(std::move(line)), line.clear(), line_width = 0;
      std::size_t cut = 0, count = 0;
      while (cut < word.size() && (count < room || !starts_character(word[cut])))
        count += starts_character(word[cut++]);
      lines.push_back(word.substr(0, cut));
      word.erase(0, cut);
    }
    const std::size_t w = display_width(word);
    if (line_width > 0 && line_width + 1 + w > room) lines.push_back(std::move(line)), line.clear(), line_width = 0;
    if (line_width > 0) line += ' ', ++line_width;
    line += word;
    line_width += w;
  }
  if (line_width > 0 || lines.empty()) lines.push_back(std::move(line));
  return lines;
}
}  // namespace

void write_table(std::ostream& out, const Table& raw, std::size_t width) {
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
  // Too wide for the terminal: the widest columns are narrowed, one after another, to no
  // less than 20 characters each, and their text wrapped.
  std::size_t total = 0;
  for (std::size_t w : widths) total += w;
  if (!widths.empty()) total += 2 * (widths.size() - 1);
  std::vector<bool> wraps(widths.size(), false);
  constexpr std::size_t narrowest = 20;
  while (width > 0 && total > width) {
    std::size_t widest = widths.size();
    // The first column (ids, to be copied whole) is never narrowed.
    for (std::size_t i = 1; i < widths.size(); ++i)
      if (widths[i] > narrowest && (widest == widths.size() || widths[i] > widths[widest])) widest = i;
    if (widest == widths.size()) break;  // every column is as narrow as it may be
    const std::size_t cut = std::min(total - width, widths[widest] - narrowest);
    widths[widest] -= cut;
    total -= cut;
    wraps[widest] = true;
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> pieces;
    std::size_t height = 1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const bool wrap = i < wraps.size() && wraps[i] && display_width(cells[i]) > widths[i];
      pieces.push_back(wrap ? wrapped(cells[i], widths[i]) : std::vector<std::string>{cells[i]});
      height = std::max(height, pieces.back().size());
    }
    for (std::size_t k = 0; k < height; ++k) {
      std::string text;
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) text += "  ";
        const std::string piece = k < pieces[i].size() ? pieces[i][k] : std::string();
        text += piece;
        if (i + 1 < cells.size()) text.append(widths[i] - std::min(widths[i], display_width(piece)), ' ');
      }
      while (k > 0 && !text.empty() && text.back() == ' ') text.pop_back();  // continuation lines end clean
      out << text << '\n';
    }
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
