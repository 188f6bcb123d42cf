// Lists, paragraphs, level headings and grid tables of the guide's pages.
#include "rst_blocks.hpp"

#include <set>

namespace electsec::detail::rst {

namespace {

struct Marker {
  std::size_t indent;
  std::size_t text;
};

std::optional<Marker> enumerated_at(std::string_view line) {
  const std::size_t i = indent_of(line);
  std::size_t j = i;
  if (j < line.size() && line[j] == '#') {
    ++j;
  } else {
    while (j < line.size() && detail::ascii_digit(line[j])) ++j;
    if (j == i) return std::nullopt;
  }
  if (j >= line.size() || (line[j] != '.' && line[j] != ')')) return std::nullopt;
  ++j;
  if (j >= line.size() || (line[j] != ' ' && line[j] != '\t')) return std::nullopt;
  while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
  return Marker{i, j};
}

std::optional<Marker> bullet_at(std::string_view line) {
  const std::size_t i = indent_of(line);
  if (i + 1 >= line.size() || (line[i] != '*' && line[i] != '+' && line[i] != '-') || line[i + 1] != ' ')
    return std::nullopt;
  std::size_t j = i + 1;
  while (j < line.size() && line[j] == ' ') ++j;
  return Marker{i, j};
}

}  // namespace

std::vector<Item> list_items(const Document& doc, std::size_t begin, std::size_t end, bool enumerated) {
  const auto& lines = doc.lines();
  const auto marker = [&](std::string_view line) { return enumerated ? enumerated_at(line) : bullet_at(line); };
  std::size_t base = std::string::npos;
  for (std::size_t i = begin; i < end; ++i)
    if (const auto m = marker(lines[i]); m && !doc.is_underline_at(i)) base = std::min(base, m->indent);
  std::vector<Item> items;
  if (base == std::string::npos) return items;
  Item* current = nullptr;
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view line = lines[i];
    if (doc.is_underline_at(i)) continue;
    const auto m = marker(line);
    if (m && m->indent == base) {
      items.push_back({i, std::string(line.substr(m->text))});
      current = &items.back();
      continue;
    }
    if (current == nullptr || blank(line)) continue;
    if (indent_of(line) <= base) {  // a paragraph or directive after the list item
      current = nullptr;
      continue;
    }
    std::string piece = trim(line);
    if (const auto nested = bullet_at(line) ? bullet_at(line) : enumerated_at(line))
      piece = "- " + trim(std::string_view(line).substr(nested->text));
    current->raw += " " + piece;
  }
  return items;
}

namespace {

bool admonition(std::string_view directive) {
  for (const std::string_view name : {"note::", "warning::", "important::", "tip::", "caution::", "attention::",
                                      "hint::", "danger::", "error::", "admonition::"})
    if (directive.substr(0, name.size()) == name) return true;
  return false;
}

// A line of a grid table ("+---+", "| a |") or a simple table's border ("=== ===").
bool table_line(std::string_view t) {
  if (t.empty()) return false;
  if (t[0] == '+' && t.size() > 1 && (t[1] == '-' || t[1] == '=')) return true;
  if (t[0] == '|' && t.back() == '|' && t.size() > 1) return true;
  return t.find_first_not_of("= ") == std::string_view::npos && t.find("==") != std::string_view::npos;
}

}  // namespace

std::vector<Prose> prose_outside_items(const Document& doc, std::size_t begin, std::size_t end) {
  const auto& lines = doc.lines();
  std::size_t base = std::string::npos;
  for (std::size_t i = begin; i < end; ++i)
    if (const auto m = enumerated_at(lines[i]); m && !doc.is_underline_at(i)) base = std::min(base, m->indent);
  if (base == std::string::npos) base = 0;
  std::vector<Prose> out;
  std::size_t items = 0;
  bool in_item = false;       // inside an item of the list: its continuation lines are its own
  bool in_directive = false;  // inside a directive or comment whose body is not text
  bool in_table = false;      // inside a table, kept apart
  bool open = false;          // the last paragraph continues on the next non-blank line
  std::size_t since = 0;      // items when the last paragraph started
  const auto start = [&](std::size_t i, std::string text, bool table) {
    out.push_back({i, std::move(text), items, table});
    since = items;
    open = true;
  };
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view line = lines[i];
    if (blank(line)) {
      open = false;
      in_table = false;
      continue;
    }
    if (doc.is_underline_at(i) || doc.is_underline_at(i + 1)) continue;  // a heading
    const std::size_t indent = indent_of(line);
    const std::string t = trim(line);
    if (indent <= base) in_directive = false;
    if (const auto m = enumerated_at(line); m && m->indent == base) {
      ++items;
      in_item = true;
      open = false;
      continue;
    }
    if (in_directive) continue;
    if (indent <= base && t.rfind("..", 0) == 0) {
      const std::string directive = trim(std::string_view(t).substr(2));
      in_item = false;
      open = false;
      if (admonition(directive)) {  // its text is prose: the title line's rest, then the body
        const auto colons = directive.find("::");
        start(i, trim(directive.substr(colons + 2)), false);
      } else {
        in_directive = true;
      }
      continue;
    }
    if (in_item && indent > base) continue;  // the item's own text
    if (indent <= base) in_item = false;
    if (table_line(t) || in_table) {
      if (!in_table) start(i, "", true);
      in_table = true;
      out.back().raw += (out.back().raw.empty() ? "" : " ") + t;
      continue;
    }
    std::string piece = t;
    if (const auto nested = bullet_at(line) ? bullet_at(line) : enumerated_at(line))
      piece = "- " + trim(std::string_view(line).substr(nested->text));
    // Indented text after a paragraph (a list under it) continues it; on its own it is a
    // block quote, a paragraph of its own.
    const bool continues = !out.empty() && !out.back().table && since == items && (open || indent > base);
    if (continues)
      out.back().raw += (out.back().raw.empty() ? "" : " ") + piece;
    else
      start(i, piece, false);
    open = true;
  }
  return out;
}

std::string plain_with_links(const Document& doc, std::string_view raw, std::vector<electsec::Link>& links) {
  std::vector<Link> found;
  std::string text = doc.plain(raw, &found);
  for (auto& l : found) links.push_back({std::move(l.text), std::move(l.url)});
  return text;
}

std::string first_paragraph(const Document& doc, std::size_t begin, std::size_t end) {
  std::string text;
  const auto& lines = doc.lines();
  for (std::size_t i = begin; i < end; ++i) {
    const std::string_view line = lines[i];
    if (blank(line)) {
      if (!text.empty()) break;
      continue;
    }
    if (line.rfind("..", 0) == 0 || line[0] == ' ' || line[0] == '#' || line[0] == '*') {
      if (!text.empty()) break;
      continue;
    }
    text += ' ';
    text += line;
  }
  return doc.plain(text);
}

// Levels named by a maturity heading: the |MaturityN| it references, else "Level N" in
// its text. Empty when it names none.
std::vector<Maturity> heading_levels(const Document& doc, const Heading& h) {
  std::set<int> found;
  const std::string lower = detail::lower_case(h.plain);
  if (h.raw.find('|') == std::string::npos && lower.find("level") == std::string::npos &&
      lower.find("maturit") == std::string::npos)
    return {};
  for (int n : detail::maturity_substitutions(h.raw)) found.insert(n);
  // Releases that wrote levels out: "Level 1", "Levels 2 and 3", "Maturity 2-3", "All Levels".
  if (found.empty())
    for (int n : detail::level_numbers(doc.plain(h.raw))) found.insert(n);
  std::vector<Maturity> levels;
  for (int n : found) levels.push_back(static_cast<Maturity>(n));
  return levels;
}

std::string block_name(const std::vector<Maturity>& levels) {
  if (levels.size() == 3) return "all";
  std::string b = "l";
  for (auto m : levels) b += std::to_string(static_cast<int>(m));
  return b;
}

std::optional<Maturity> trailing_tag(std::string& raw) {
  if (raw.find("|Maturity") == std::string::npos && raw.find("Level ") == std::string::npos) return std::nullopt;
  const auto tag = detail::trailing_maturity_tag(raw);
  if (!tag) return std::nullopt;
  raw = raw.substr(0, tag->second);
  return static_cast<Maturity>(tag->first);
}

std::string first_email_link(const Document& doc, const std::string& raw) {
  if (raw.find("_email|") == std::string::npos) return {};
  const std::string name = detail::first_email_substitution(raw);
  if (!name.empty()) {
    const std::string value = doc.substitution(name);
    if (!value.empty()) return "mailto:" + value;
  }
  return {};
}

std::optional<std::size_t> find_line(const Document& doc, std::size_t from,
                                     const std::function<bool(std::string_view)>& f) {
  for (std::size_t i = from; i < doc.lines().size(); ++i)
    if (f(doc.lines()[i])) return i;
  return std::nullopt;
}

Scope parse_scope_cell(const Document& doc, std::size_t line, const std::string& cell) {
  const std::string c = detail::lower_case(collapse_spaces(cell));
  if (c == "priority") return Scope::priority;
  if (c == "in scope") return Scope::in_scope;
  if (c == "out of scope") return Scope::out_of_scope;
  doc.fail(line, "unknown scope '" + collapse_spaces(cell) + "' (expected Priority, In scope or Out of Scope)");
}

}  // namespace electsec::detail::rst
