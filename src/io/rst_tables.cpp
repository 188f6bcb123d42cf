// Tables of the guide's pages, grid and simple, read by their structure: columns from the
// borders, header rows (a cell that spans columns heads each of them), body rows with the
// line each starts on. Nothing here decides what a table means; rst_import.cpp recognises
// a table by its header and its cells.
#include "rst_blocks.hpp"

#include <cstdint>
#include <cstring>
#include <set>

namespace electsec::detail::rst {

namespace {

// Byte offsets of each code point of a UTF-8 line (and one past the end): tables align
// columns by characters, not bytes. A line of ASCII, as most are, needs no table: there
// each character is a byte. Otherwise its memory is reused from line to line: it only
// grows, and only what it grows by is initialised.
class CodePoints {
 public:
  CodePoints() = default;
  explicit CodePoints(std::string_view line) { read(line); }

  void read(std::string_view line) {
    n_ = line.size() + 1;
    ascii_ = is_ascii(line);
    if (ascii_) return;
    if (at_.size() < line.size() + 1) at_.resize(line.size() + 1);
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) at_[n++] = i;
    at_[n++] = line.size();
    n_ = n;
  }
  std::size_t size() const { return n_; }
  std::size_t operator[](std::size_t k) const { return ascii_ ? k : at_[k]; }
  bool ascii() const { return ascii_; }

 private:
  static bool is_ascii(std::string_view line) {
    std::size_t i = 0;
    for (std::uint64_t word; i + 8 <= line.size(); i += 8) {
      std::memcpy(&word, line.data() + i, 8);
      if (word & 0x8080808080808080ULL) return false;
    }
    for (; i < line.size(); ++i)
      if (static_cast<unsigned char>(line[i]) >= 0x80) return false;
    return true;
  }

  std::vector<std::size_t> at_;
  std::size_t n_ = 0;
  bool ascii_ = true;
};

// Whether every character of `t` is '+', '-' or '='. (A loop of our own: find_first_not_of
// searches the set of three once per character.)
bool only_border_chars(std::string_view t) {
  for (const char c : t)
    if (c != '+' && c != '-' && c != '=') return false;
  return true;
}

// The text of code points [from, to) of a line (clamped to the line), as a view into it.
std::string_view columns_of(std::string_view line, const CodePoints& cp, std::size_t from, std::size_t to) {
  const auto byte = [&](std::size_t column) { return cp[std::min(column, cp.size() - 1)]; };
  const std::size_t b = byte(from), e = byte(to);
  return b < e ? line.substr(b, e - b) : std::string_view();
}

bool grid_border(std::string_view t) {
  if (t.size() < 2 || t[0] != '+' || (t[1] != '-' && t[1] != '=')) return false;
  return only_border_chars(t);
}

// A simple table's border: runs of '=' separated by spaces; `runs` gets [start, end) of each.
bool simple_border(std::string_view line, std::vector<std::pair<std::size_t, std::size_t>>* runs = nullptr,
                   char c = '=') {
  const std::string_view t = trim_view(line);
  const char allowed[] = {c, ' '};
  if (t.empty() || t.find_first_not_of(std::string_view(allowed, 2)) != std::string_view::npos) return false;
  const CodePoints cp(line);
  std::vector<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t k = 0; k + 1 < cp.size(); ++k) {
    if (line[cp[k]] != c) continue;
    if (found.empty() || found.back().second != k)
      found.push_back({k, k + 1});
    else
      found.back().second = k + 1;
  }
  if (runs != nullptr) *runs = found;
  return !found.empty();
}

// A grid table from its top border at `start`.
Table read_grid(const Document& doc, std::size_t start, std::size_t limit) {
  const auto& lines = doc.lines();
  Table t;
  t.line = start;
  std::size_t i = start;
  while (i < limit && !blank(lines[i])) {
    const std::string_view s = trim_view(lines[i]);
    if (s[0] != '+' && s[0] != '|') {
      t.problem = "a grid table line must start with '|' or '+'";
      t.problem_line = i;
      break;
    }
    ++i;
  }
  t.end = i;
  // Column boundaries: every '+' of a border, and of a partial border inside a row.
  std::set<std::size_t> bounds;
  CodePoints cp;
  for (std::size_t k = start; k < t.end; ++k) {
    const std::string_view line = lines[k];
    cp.read(line);
    const bool border = grid_border(trim_view(line));
    const auto bound_at = [&](std::size_t c) {  // code point c is a '+'
      const char next = cp[c + 1] < line.size() ? line[cp[c + 1]] : '\0';
      if (border || next == '-' || next == '=') bounds.insert(c);
    };
    if (cp.ascii()) {  // a character is a byte: straight to each '+'
      for (std::size_t c = line.find('+'); c != std::string_view::npos; c = line.find('+', c + 1)) bound_at(c);
    } else {
      for (std::size_t c = 0; c + 1 < cp.size(); ++c)
        if (line[cp[c]] == '+') bound_at(c);
    }
  }
  const std::vector<std::size_t> cols(bounds.begin(), bounds.end());
  if (cols.size() < 2) {
    if (t.problem.empty()) {
      t.problem = "a grid table border needs at least two '+'";
      t.problem_line = start;
    }
    return t;
  }
  const std::size_t n = cols.size() - 1;
  t.header.assign(n, std::string());
  // Rows so far, each with its cells and the text heading each column (a cell that spans
  // columns heads all of them), line by line as (column, text): the rows turn out to be the
  // header when a '+===' follows, and only then is that text joined.
  struct Pending {
    TableRow row;
    std::vector<std::pair<std::size_t, std::string_view>> heads;
  };
  std::vector<Pending> pending;
  Pending row;
  const auto flush = [&]() {
    bool any = false;
    for (const auto& c : row.row.cells)
      for (const auto& l : c) any = any || !blank(l);
    if (any) pending.push_back(std::move(row));
    row = Pending{};
  };
  // Reused from line to line.
  std::vector<std::size_t> real;
  std::vector<std::pair<std::size_t, std::string_view>> cells;  // (first column, text), (spanned column, "")
  std::vector<std::pair<std::size_t, std::string_view>> heads;
  for (std::size_t k = start + 1; k < t.end; ++k) {
    const std::string_view line = lines[k];
    const std::string_view s = trim_view(line);
    if (grid_border(s)) {
      flush();
      if (s.find('=') != std::string::npos) {  // the header's lower border
        for (const auto& r : pending)
          for (const auto& [c, text] : r.heads) append_collapsed(t.header[c], text);
        pending.clear();
        t.has_header = true;
      }
      continue;
    }
    // The boundaries this line marks with '|' (or '+' of a partial border), and the cells
    // between them; a cell that spans columns belongs to the first of them.
    cp.read(line);
    real.clear();
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (cols[c] + 1 < cp.size()) {
        const char ch = line[cp[cols[c]]];
        if (ch == '|' || ch == '+') real.push_back(c);
      }
    bool partial_border = false;
    cells.clear();
    heads.clear();
    for (std::size_t r = 0; r + 1 < real.size(); ++r) {
      const std::string_view text = columns_of(line, cp, cols[real[r]] + 1, cols[real[r + 1]]);
      const std::string_view tt = trim_view(text);
      if (!tt.empty() && only_border_chars(tt)) {
        partial_border = true;
        continue;
      }
      for (std::size_t c = real[r]; c < real[r + 1]; ++c) {
        cells.push_back({c, c == real[r] ? text : std::string_view()});
        heads.push_back({c, tt});
      }
    }
    if (partial_border) flush();
    if (row.row.cells.empty()) {
      row.row.line = k;
      row.row.cells.assign(n, {});
    }
    for (const auto& [c, text] : cells) row.row.cells[c].push_back(text);
    row.heads.insert(row.heads.end(), heads.begin(), heads.end());
  }
  flush();
  for (auto& p : pending) t.rows.push_back(std::move(p.row));
  if (t.problem.empty() && !grid_border(trim_view(lines[t.end - 1]))) {
    t.problem = "a grid table must end with a border line ('+---+')";
    t.problem_line = t.end - 1;
  }
  return t;
}

// A simple table from its top border at `start`.
Table read_simple(const Document& doc, std::size_t start, std::size_t limit) {
  const auto& lines = doc.lines();
  Table t;
  t.grid = false;
  t.line = start;
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  simple_border(lines[start], &runs);
  // Its extent: up to the border followed by a blank line or the end.
  std::vector<std::size_t> borders{start};
  std::size_t i = start + 1;
  for (; i < limit; ++i) {
    if (!simple_border(lines[i])) continue;
    borders.push_back(i);
    if (i + 1 >= limit || blank(lines[i + 1])) break;
  }
  if (i >= limit) {
    t.end = limit;
    t.problem = "a simple table must end with a border line ('=== ===')";
    t.problem_line = start;
    return t;
  }
  t.end = i + 1;
  const std::size_t n = runs.size();
  t.header.assign(n, std::string());
  const auto cells_of = [&](std::string_view line) {
    const CodePoints cp(line);
    std::vector<std::string_view> cells(n);
    for (std::size_t c = 0; c < n; ++c)
      cells[c] = columns_of(line, cp, runs[c].first, c + 1 < n ? runs[c + 1].first : cp.size());
    return cells;
  };
  std::size_t body = start + 1;
  if (borders.size() >= 3) {  // a header between the first two borders
    t.has_header = true;
    for (std::size_t k = start + 1; k < borders[1]; ++k) {
      if (blank(lines[k]) || simple_border(lines[k], nullptr, '-')) continue;
      std::vector<std::pair<std::size_t, std::size_t>> spans;
      if (k + 1 < borders[1] && simple_border(lines[k + 1], &spans, '-')) {
        const CodePoints cp(lines[k]);
        for (const auto& [from, to] : spans) {
          const std::string text = trim(columns_of(lines[k], cp, from, to));
          for (std::size_t c = 0; c < n; ++c)
            if (runs[c].first >= from && runs[c].first < to) t.header[c] = collapse_spaces(t.header[c] + " " + text);
        }
        continue;
      }
      const auto cells = cells_of(lines[k]);
      for (std::size_t c = 0; c < n; ++c) t.header[c] = collapse_spaces(t.header[c] + " " + trim(cells[c]));
    }
    body = borders[1] + 1;
  }
  for (std::size_t k = body; k < i; ++k) {
    if (blank(lines[k]) || simple_border(lines[k]) || simple_border(lines[k], nullptr, '-')) continue;
    const auto cells = cells_of(lines[k]);
    if (!blank(cells[0]) || t.rows.empty()) {
      t.rows.push_back({k, std::vector<std::vector<std::string_view>>(n)});
    }
    for (std::size_t c = 0; c < n; ++c) t.rows.back().cells[c].push_back(cells[c]);
  }
  return t;
}

}  // namespace

std::vector<Table> read_tables(const Document& doc, std::size_t begin, std::size_t end) {
  const auto& lines = doc.lines();
  end = std::min(end, lines.size());
  std::vector<Table> out;
  for (std::size_t i = begin; i < end; ++i) {
    if (grid_border(trim_view(lines[i]))) {
      out.push_back(read_grid(doc, i, end));
    } else {
      std::vector<std::pair<std::size_t, std::size_t>> runs;
      // Two columns at least: a single run of '=' is a heading's underline or overline.
      if (!simple_border(lines[i], &runs) || runs.size() < 2 || doc.is_underline_at(i)) continue;
      out.push_back(read_simple(doc, i, end));
    }
    i = std::max(i, out.back().end == 0 ? i : out.back().end - 1);
  }
  return out;
}

// Join a cell's lines, mending words broken at a line end with a hyphen ("non-" + "election").
std::string join_cell(const std::vector<std::string_view>& lines) {
  std::string out;
  for (const auto& raw : lines) {
    const std::string_view line = trim_view(raw);
    if (line.empty()) continue;
    if (!out.empty() && !(out.back() == '-' && out.size() > 1 && detail::ascii_alnum(out[out.size() - 2]))) out += ' ';
    out += line;
  }
  return out;
}

}  // namespace electsec::detail::rst
