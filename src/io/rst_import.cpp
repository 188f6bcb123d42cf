// The importer of the guide's reStructuredText sources. It reads only the constructs the
// guide uses (section headings, enumerated and bullet lists, grid and simple tables, link
// targets, substitutions, the glossary directive) line by line, which is what makes it
// fast; anything it cannot place becomes a warning rather than a guess.

#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>
#include <electsec/rst_import.hpp>

#include "file.hpp"
#include "rst_internal.hpp"
#include "rst_patterns.hpp"
#include "text.hpp"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

namespace electsec {

namespace {

namespace fs = std::filesystem;

const std::map<std::string, std::string>& default_substitutions() {
  static const std::map<std::string, std::string> subs{
      {"Maturity1", "Level 1"},
      {"Maturity2", "Level 2"},
      {"Maturity3", "Level 3"},
      {"eges_email", "essentialguide@cisecurity.org"},
      {"eiisac_email", "elections@cisecurity.org"},
      {"controls_email", "controlsinfo@cisecurity.org"},
      {"soc_email", "soc@cisecurity.org"},
      {"CISA_vuln_email", "vulnerability_info@cisa.dhs.gov"},
  };
  return subs;
}

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

// A number of at most 6 digits, or none: the guide's numbers are small, and a longer run of
// digits is not a number the importer can use (fuzzing found stoi overflowing on them).
std::optional<int> small_int(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::size_t indent_of(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

bool blank(std::string_view s) { return trim(s).empty(); }

std::string collapse_spaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

struct Link {
  std::string text;
  std::string url;
};

struct Heading {
  std::size_t line;  // index of the title line
  int level;
  std::string raw;    // title as written
  std::string plain;  // title as text
};

// One .rst file: its lines, substitutions, link targets and headings.
class Document {
 public:
  Document(std::string source, const std::string& text, const ImportOptions& options) : source_(std::move(source)) {
    std::size_t start = 0;
    while (start <= text.size()) {
      const auto end = text.find('\n', start);
      std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines_.push_back(std::move(line));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    // The catalog is text for JSON, terminals and reports: a page that is not UTF-8 is
    // refused here, naming the first line that is not, rather than failing on output.
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (!detail::is_utf8(lines_[i])) fail(i, "not valid UTF-8 text (save the file as UTF-8)");
    subs_ = default_substitutions();
    std::string name, value;
    for (const auto& line : lines_) {
      if (line.rfind("..", 0) != 0) continue;  // definitions are explicit markup lines
      if (detail::substitution_definition(line, name, value)) subs_[name] = value;
      if (detail::target_definition(line, name, value)) targets_[detail::lower_case(trim(name))] = value;
    }
    for (const auto& [k, v] : options.substitutions) subs_[k] = v;
    find_headings();
    for (auto& h : headings_) h.plain = plain(h.raw);
  }

  const std::string& source() const { return source_; }
  const std::vector<std::string>& lines() const { return lines_; }
  const std::vector<Heading>& headings() const { return headings_; }

  std::string substitution(const std::string& name) const {
    const auto it = subs_.find(name);
    return it == subs_.end() ? std::string() : it->second;
  }

  [[noreturn]] void fail(std::size_t line_index, const std::string& message) const {
    throw ParseError(source_, line_index + 1, 1, "", message);
  }

  // Replace |name| with its value (unknown names stay as written).
  std::string substitute(std::string_view text) const {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
      if (text[i] == '|') {
        const auto end = text.find('|', i + 1);
        if (end != std::string_view::npos && end > i + 1) {
          const std::string name(text.substr(i + 1, end - i - 1));
          const auto it = subs_.find(name);
          if (it != subs_.end() && name.find(' ') == std::string::npos) {
            out += it->second;
            i = end + 1;
            continue;
          }
        }
      }
      out += text[i++];
    }
    return out;
  }

  // Inline markup reduced to plain text; links found on the way go to `links`. One pass
  // over the text: roles (:term:`x <y>` -> x), hyperlinks (`text <url>`_, `name`_),
  // substitutions, strong, emphasis and literal markers, backslash escapes.
  std::string plain(std::string_view text, std::vector<Link>* links = nullptr) const {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    const auto closing_backtick = [&](std::size_t from) { return text.find('`', from); };
    while (i < text.size()) {
      const char c = text[i];
      // :role:`...`
      if (c == ':' && i + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
        std::size_t j = i + 1;
        while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-')) ++j;
        if (j + 1 < text.size() && text[j] == ':' && text[j + 1] == '`') {
          const std::size_t end = closing_backtick(j + 2);
          if (end != std::string_view::npos) {
            std::string_view inner = text.substr(j + 2, end - j - 2);
            const auto lt = inner.rfind('<');
            if (lt != std::string_view::npos && inner.back() == '>') inner = inner.substr(0, lt);
            out += substitute(trim(inner));
            i = end + 1;
            continue;
          }
        }
      }
      // `text <url>`_ , `name`_ , ``literal``
      if (c == '`') {
        if (i + 1 < text.size() && text[i + 1] == '`') {
          const auto end = text.find("``", i + 2);
          if (end != std::string_view::npos) {
            out += text.substr(i + 2, end - i - 2);
            i = end + 2;
            continue;
          }
        }
        const std::size_t end = closing_backtick(i + 1);
        if (end != std::string_view::npos && end + 1 < text.size() && text[end + 1] == '_') {
          std::string_view inner = text.substr(i + 1, end - i - 1);
          std::string label, url;
          const auto lt = inner.rfind('<');
          if (lt != std::string_view::npos && !inner.empty() && inner.back() == '>') {
            label = trim(inner.substr(0, lt));
            url = trim(inner.substr(lt + 1, inner.size() - lt - 2));
          } else {
            label = trim(inner);
            const auto it = targets_.find(detail::lower_case(label));
            if (it != targets_.end()) url = it->second;
          }
          const std::string shown = substitute(label.empty() ? url : label);
          if (links != nullptr && !url.empty()) links->push_back({shown, url});
          out += shown;
          i = end + 2;
          if (i < text.size() && text[i] == '_') ++i;  // anonymous `...`__
          continue;
        }
      }
      // |substitution|
      if (c == '|') {
        const auto end = text.find('|', i + 1);
        if (end != std::string_view::npos && end > i + 1) {
          const auto it = subs_.find(std::string(text.substr(i + 1, end - i - 1)));
          if (it != subs_.end()) {
            out += it->second;
            i = end + 1;
            continue;
          }
        }
      }
      if (c == '*') {  // **strong** and *emphasis* markers: drop the stars that open or close
        const bool opens = i + 1 < text.size() && text[i + 1] != ' ';
        const bool closes = i > 0 && text[i - 1] != ' ';
        if (opens || closes) {
          ++i;
          continue;
        }
      }
      if (c == '\\' && i + 1 < text.size()) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      out += c;
      ++i;
    }
    return collapse_spaces(out);
  }

  // The first heading whose plain title satisfies `match`, or none.
  const Heading* heading_where(const std::function<bool(const std::string&)>& match) const {
    for (const auto& h : headings_)
      if (match(h.plain)) return &h;
    return nullptr;
  }

  // Line range [begin, end) of a section's body: after its heading, up to the next
  // heading of the same or a higher level.
  std::pair<std::size_t, std::size_t> body(const Heading& h) const {
    std::size_t end = lines_.size();
    for (const auto& other : headings_)
      if (other.line > h.line && other.level <= h.level) {
        end = other.line - overline_offset(other);
        break;
      }
    return {h.line + 2, end};
  }

  // Headings strictly inside a section.
  std::vector<const Heading*> inside(const Heading& h) const {
    const auto [begin, end] = body(h);
    std::vector<const Heading*> out;
    for (const auto& other : headings_)
      if (other.line >= begin && other.line < end) out.push_back(&other);
    return out;
  }

  bool is_underline_at(std::size_t i) const { return i < lines_.size() && underline_char(lines_[i]) != 0; }

 private:
  static char underline_char(const std::string& line) {
    if (line.size() < 3) return 0;
    const char c = line[0];
    if (std::string("=-~^&*#\"+'`:.").find(c) == std::string::npos) return 0;
    for (char x : line)
      if (x != c) return 0;
    return c;
  }

  std::size_t overline_offset(const Heading& h) const {
    return h.line > 0 && underline_char(lines_[h.line - 1]) != 0 ? 1 : 0;
  }

  void find_headings() {
    std::map<std::pair<char, bool>, int> levels;
    for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
      const std::string& title = lines_[i];
      if (blank(title) || title[0] == ' ' || underline_char(title) != 0) continue;
      const char u = underline_char(lines_[i + 1]);
      if (u == 0) continue;
      if (title.rfind("..", 0) == 0 || (title[0] == '|' && title.find("replace::") != std::string::npos)) continue;
      if (title[0] == '+' || (title[0] == '|' && title.back() == '|' && title.size() > 2 && title[1] == ' ')) continue;
      const bool over = i > 0 && underline_char(lines_[i - 1]) == u;
      const auto key = std::make_pair(u, over);
      const auto it = levels.find(key);
      const int level = it == levels.end() ? static_cast<int>(levels.size()) : it->second;
      if (it == levels.end()) levels[key] = level;
      headings_.push_back({i, level, trim(title), {}});
      ++i;
    }
  }

  std::string source_;
  std::vector<std::string> lines_;
  std::map<std::string, std::string> subs_;
  std::map<std::string, std::string> targets_;
  std::vector<Heading> headings_;
};

// A list item: where it starts and its raw text (continuation lines joined; nested list
// markers kept as " - ").
struct Item {
  std::size_t line;
  std::string raw;
};


// A list marker at the start of `line`: its indentation and where the item's text starts.
struct Marker {
  std::size_t indent;
  std::size_t text;
};

std::optional<Marker> enumerated_at(const std::string& line) {
  const std::size_t i = indent_of(line);
  std::size_t j = i;
  if (j < line.size() && line[j] == '#') {
    ++j;
  } else {
    while (j < line.size() && std::isdigit(static_cast<unsigned char>(line[j]))) ++j;
    if (j == i) return std::nullopt;
  }
  if (j >= line.size() || (line[j] != '.' && line[j] != ')')) return std::nullopt;
  ++j;
  if (j >= line.size() || (line[j] != ' ' && line[j] != '\t')) return std::nullopt;
  while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
  return Marker{i, j};
}

std::optional<Marker> bullet_at(const std::string& line) {
  const std::size_t i = indent_of(line);
  if (i + 1 >= line.size() || (line[i] != '*' && line[i] != '+' && line[i] != '-') || line[i + 1] != ' ') return std::nullopt;
  std::size_t j = i + 1;
  while (j < line.size() && line[j] == ' ') ++j;
  return Marker{i, j};
}

// Items of the outermost list of `kind` in lines [begin, end).
std::vector<Item> list_items(const Document& doc, std::size_t begin, std::size_t end, bool enumerated) {
  const auto& lines = doc.lines();
  const auto marker = [&](const std::string& line) { return enumerated ? enumerated_at(line) : bullet_at(line); };
  std::size_t base = std::string::npos;
  for (std::size_t i = begin; i < end; ++i)
    if (const auto m = marker(lines[i]); m && !doc.is_underline_at(i)) base = std::min(base, m->indent);
  std::vector<Item> items;
  if (base == std::string::npos) return items;
  Item* current = nullptr;
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& line = lines[i];
    if (doc.is_underline_at(i)) continue;
    const auto m = marker(line);
    if (m && m->indent == base) {
      items.push_back({i, line.substr(m->text)});
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

std::string first_paragraph(const Document& doc, std::size_t begin, std::size_t end) {
  std::string text;
  const auto& lines = doc.lines();
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& line = lines[i];
    if (blank(line)) {
      if (!text.empty()) break;
      continue;
    }
    if (line.rfind("..", 0) == 0 || line[0] == ' ' || line[0] == '#' || line[0] == '*') {
      if (!text.empty()) break;
      continue;
    }
    text += " " + line;
  }
  return doc.plain(text);
}

// Levels named by a maturity heading: the |MaturityN| it references, else "Level N" in
// its text. Empty when it names none.
std::vector<Maturity> heading_levels(const Document& doc, const Heading& h) {
  std::set<int> found;
  if (h.raw.find('|') == std::string::npos && h.plain.find("Level") == std::string::npos) return {};
  for (int n : detail::maturity_substitutions(h.raw)) found.insert(n);
  if (found.empty())
    for (int n : detail::level_mentions(doc.plain(h.raw))) found.insert(n);
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
  if (raw.find("|Maturity") == std::string::npos) return std::nullopt;
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

struct PracticeReader {
  const Document& doc;
  std::vector<ImportWarning>& warnings;
  std::string stem;

  void warn(std::size_t line, std::string message) { warnings.push_back({doc.source(), line, std::move(message)}); }

  const Heading* section(const char* name) const {
    return doc.heading_where([&](const std::string& t) { return detail::lower_case(t) == detail::lower_case(name); });
  }

  Practice read() {
    Practice p;
    p.id = stem;
    p.title = trim(doc.substitution("bp_title"));
    if (p.title.empty()) doc.fail(0, "no |bp_title| substitution: a best-practice file must name its title");
    p.order = 1;
    p.scopes = {Scope::in_scope, Scope::in_scope, Scope::in_scope};
    const Heading* title = doc.headings().empty() ? nullptr : &doc.headings().front();
    const Heading* goals = section("Goals");
    if (title != nullptr) {
      const std::size_t end = goals != nullptr ? goals->line : doc.lines().size();
      p.summary = first_paragraph(doc, title->line + 2, end);
    }
    if (goals != nullptr) read_goals(*goals, p);
    else warn(0, "no Goals section");
    if (const Heading* actions = section("Actions")) read_actions(*actions, p);
    else warn(0, "no Actions section");
    if (const Heading* tools = section("Cost-Effective Tools")) read_tools(*tools, p);
    if (const Heading* more = section("Learn More")) read_learn_more(*more, p);
    if (const Heading* mapping = section("Mapping to CIS Controls and Safeguards")) read_mappings(*mapping, p);
    else warn(0, "no Mapping to CIS Controls and Safeguards section");
    if (const Heading* handbook = section("Mapping to CIS Handbook Best Practices")) read_handbook(*handbook, p);
    return p;
  }

  void read_goals(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (auto& item : list_items(doc, begin, end, true)) {
      std::string raw = item.raw;
      const auto tag = trailing_tag(raw);
      p.goals.push_back({p.id + ".goal." + std::to_string(p.goals.size() + 1), doc.plain(raw), tag});
    }
  }

  void add_actions(std::size_t begin, std::size_t end, const std::string& block, const std::vector<Maturity>& levels,
                   const std::optional<std::string>& group, Practice& p) {
    int n = 0;
    for (const auto& item : list_items(doc, begin, end, true)) {
      std::string id = p.id + "." + block + (group ? "." + detail::kebab_case(*group) : "") + "." + std::to_string(++n);
      p.actions.push_back({std::move(id), levels, group, doc.plain(item.raw)});
    }
  }

  void read_actions(const Heading& actions, Practice& p) {
    const auto [begin, end] = doc.body(actions);
    const auto subs = doc.inside(actions);
    const std::vector<Maturity> all{Maturity::level1, Maturity::level2, Maturity::level3};
    if (subs.empty()) {
      add_actions(begin, end, "all", all, std::nullopt, p);
      return;
    }
    // Headings that name levels split the actions into blocks; headings below them that
    // do not are groups within a block.
    const int block_level = subs.front()->level;
    std::vector<Maturity> levels = all;
    std::string block = "all";
    std::optional<std::string> group;
    if (!list_items(doc, begin, subs.front()->line, true).empty())
      warn(subs.front()->line, "actions before the first maturity heading are read as applying to all levels");
    add_actions(begin, subs.front()->line, "all", all, std::nullopt, p);
    for (std::size_t i = 0; i < subs.size(); ++i) {
      const Heading& h = *subs[i];
      const std::size_t stop = i + 1 < subs.size() ? subs[i + 1]->line : end;
      if (h.level == block_level) {
        levels = heading_levels(doc, h);
        if (levels.empty()) {
          warn(h.line + 1, "heading '" + doc.plain(h.raw) + "' names no maturity level; its actions apply to all levels");
          levels = all;
        }
        block = block_name(levels);
        group.reset();
      } else {
        group = doc.plain(h.raw);
      }
      add_actions(h.line + 2, stop, block, levels, group, p);
    }
  }

  void read_tools(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (const auto& item : list_items(doc, begin, end, false)) {
      std::vector<Link> links;
      const std::string text = doc.plain(item.raw, &links);
      if (!links.empty()) {
        for (const auto& l : links) p.tools.push_back({l.text, l.url, text});
        continue;
      }
      // A tool the guide names without a link: named by its lead phrase.
      std::string name = text.substr(0, std::min(text.find_first_of(":."), text.size()));
      if (name.size() > 80) name = name.substr(0, 80);
      p.tools.push_back({trim(name), first_email_link(doc, item.raw), text});
    }
  }

  void read_learn_more(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (const auto& item : list_items(doc, begin, end, false)) {
      std::vector<Link> links;
      const std::string text = doc.plain(item.raw, &links);
      for (const auto& l : links) p.learn_more.push_back({l.text, l.url});
      if (links.empty()) {
        const std::string mail = first_email_link(doc, item.raw);
        if (mail.empty())
          warn(item.line + 1, "a Learn More item without a link or address is left out");
        else
          p.learn_more.push_back({text, mail});
      }
    }
  }

  void read_mappings(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    const Catalog& cis = default_catalog();
    for (auto& item : list_items(doc, begin, end, false)) {
      std::string id, rest;
      // Prose such as "There are no relevant CIS Controls." is not a mapping.
      if (!detail::safeguard_item(trim(item.raw), id, rest)) continue;
      const auto tag = trailing_tag(rest);
      try {
        cis.safeguard(id);
      } catch (const NotFound&) {
        warn(item.line + 1, "Safeguard " + id + " is not a CIS Controls v8 Safeguard; left out");
        continue;
      }
      const auto same = std::find_if(p.safeguards.begin(), p.safeguards.end(),
                                     [&](const SafeguardMapping& s) { return s.safeguard == id; });
      if (same != p.safeguards.end()) {
        warn(item.line + 1, "Safeguard " + id + " is listed twice; the first listing is kept");
        continue;
      }
      p.safeguards.push_back({id, tag});
    }
  }

  void read_handbook(const Heading& h, Practice& p) {
    const auto [begin, end] = doc.body(h);
    for (const auto& item : list_items(doc, begin, end, false))
      for (const std::string_view digits : detail::digit_runs(item.raw)) {
        const auto n = small_int(digits);
        if (!n) {
          warn(item.line + 1, "Handbook number '" + std::string(digits) + "' is out of range; left out");
          continue;
        }
        if (std::find(p.handbook.begin(), p.handbook.end(), *n) == p.handbook.end()) p.handbook.push_back(*n);
      }
  }
};

// ---- tables ----

// Byte offsets of each code point of a UTF-8 line (and one past the end): grid tables
// align columns by characters, not bytes.
std::vector<std::size_t> code_points(const std::string& line) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) at.push_back(i);
  at.push_back(line.size());
  return at;
}

// The body rows of a grid table starting at `start` (a '+---' line): one vector of cell
// lines per row. Rows above a '+===' border are the header and are skipped.
std::vector<std::vector<std::vector<std::string>>> grid_rows(const Document& doc, std::size_t start, std::size_t* end_line) {
  const auto& lines = doc.lines();
  std::vector<std::size_t> cols;
  for (std::size_t i = 0; i < lines[start].size(); ++i)
    if (lines[start][i] == '+') cols.push_back(i);
  if (cols.size() < 2) doc.fail(start, "a grid table border needs at least two '+'");
  std::vector<std::vector<std::vector<std::string>>> rows;
  std::vector<std::vector<std::string>> row;
  bool header_done = false;
  std::size_t i = start + 1;
  for (; i < lines.size(); ++i) {
    const std::string line = trim(lines[i]).empty() ? std::string() : lines[i];
    if (line.empty()) break;
    const std::string t = trim(line);
    if (t[0] == '+') {
      const bool header_border = t.find('=') != std::string::npos;
      if (header_border) {
        header_done = true;
        rows.clear();
      } else if (!row.empty()) {
        rows.push_back(row);
      }
      row.clear();
      continue;
    }
    if (t[0] != '|') doc.fail(i, "a grid table line must start with '|' or '+'");
    std::vector<std::string> cells;
    const auto cp = code_points(line);
    const auto byte_at = [&](std::size_t column) { return cp[std::min(column, cp.size() - 1)]; };
    for (std::size_t c = 0; c + 1 < cols.size(); ++c) {
      const std::size_t from = byte_at(cols[c] + 1);
      const std::size_t to = byte_at(cols[c + 1]);
      cells.push_back(from < to ? line.substr(from, to - from) : std::string());
    }
    if (row.empty()) row.resize(cells.size());
    for (std::size_t c = 0; c < cells.size() && c < row.size(); ++c) row[c].push_back(cells[c]);
  }
  if (!header_done) rows.insert(rows.begin(), {});  // keep indices simple: no header
  if (end_line != nullptr) *end_line = i;
  rows.erase(std::remove_if(rows.begin(), rows.end(), [](const auto& r) { return r.empty(); }), rows.end());
  return rows;
}

// Join a cell's lines, mending words broken at a line end with a hyphen ("non-" + "election").
std::string join_cell(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& raw : lines) {
    const std::string line = trim(raw);
    if (line.empty()) continue;
    if (!out.empty() && out.back() == '-' && out.size() > 1 && std::isalnum(static_cast<unsigned char>(out[out.size() - 2])))
      out += line;
    else
      out += (out.empty() ? "" : " ") + line;
  }
  return out;
}

std::optional<std::size_t> find_line(const Document& doc, std::size_t from, const std::function<bool(const std::string&)>& f) {
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

// ---- the whole guide ----

struct Guide {
  fs::path root;
  const ImportOptions& options;
  std::vector<ImportWarning>& warnings;
  std::map<std::string, Document> docs;  // by relative path

  const Document* open(const std::string& relative) {
    const auto it = docs.find(relative);
    if (it != docs.end()) return &it->second;
    const fs::path path = root / relative;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return nullptr;
    return &docs.emplace(relative, Document(relative, detail::read_file(path.string()), options)).first->second;
  }

  void warn(std::string file, std::size_t line, std::string message) {
    warnings.push_back({std::move(file), line, std::move(message)});
  }
};

std::string label_of(const std::string& line) {
  if (line.rfind(".. _", 0) != 0) return {};  // cheap test first: most lines are not labels
  return detail::label_definition(line);
}

}  // namespace

Practice detail::import_practice_text(const std::string& text, const std::string& source, const ImportOptions& options,
                                      std::vector<ImportWarning>& warnings) {
  const Document doc(source, text, options);
  PracticeReader reader{doc, warnings, fs::path(source).stem().string()};
  return reader.read();
}

Practice import_practice_rst(const std::string& path, const ImportOptions& options, std::vector<ImportWarning>* warnings) {
  std::vector<ImportWarning> local;
  return detail::import_practice_text(detail::read_file(path), path, options, warnings != nullptr ? *warnings : local);
}

ImportResult import_eges_rst(const std::string& directory, const ImportOptions& options) {
  std::vector<ImportWarning> warnings;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error(directory + ": not a directory");
  Guide g{directory, options, warnings, {}};
  const Catalog& cis = default_catalog();
  CatalogData data;
  data.controls = cis.controls();
  data.safeguards = cis.safeguards();

  // Practices: every bp/*.rst but the index.
  std::map<std::string, Practice> practices;
  std::map<std::string, std::string> label_owner;  // label -> stem
  std::vector<std::string> stems;
  if (fs::is_directory(g.root / "bp", ec))
    for (const auto& e : fs::directory_iterator(g.root / "bp", ec))
      if (e.path().extension() == ".rst" && e.path().stem() != "bp_index") stems.push_back(e.path().stem().string());
  std::sort(stems.begin(), stems.end());
  for (const auto& stem : stems) {
    // A directory, FIFO, device or broken link named like a practice file is not one.
    const Document* doc = g.open("bp/" + stem + ".rst");
    if (doc == nullptr) {
      g.warn("bp/" + stem + ".rst", 0, "not a regular file: left out");
      continue;
    }
    PracticeReader reader{*doc, warnings, stem};
    practices.emplace(stem, reader.read());
    for (const auto& line : doc->lines())
      if (const std::string l = label_of(line); !l.empty()) label_owner[l] = stem;
  }
  // A folder without practices is not a release of the guide: an empty catalog would
  // make `assess migrate --to` it retire every status.
  if (practices.empty())
    throw Error(directory + ": no best practices found (looked for bp/*.rst files other than bp/bp_index.rst; "
                            "give the guide's docs/source folder)");
  std::map<std::string, std::string> by_title;
  for (const auto& [stem, p] : practices) by_title[detail::lower_case(p.title)] = stem;

  // The index: order and scopes; rows name practices by :doc: link or by title.
  std::map<std::string, std::string> index_names;  // display name in the index -> stem
  if (const Document* index = g.open("bp/bp_index.rst")) {
    const auto table = find_line(*index, 0, [](const std::string& l) { return trim(l).rfind("+-", 0) == 0; });
    if (!table) index->fail(0, "no grid table of best practices");
    std::size_t end = 0;
    const auto rows = grid_rows(*index, *table, &end);
    int order = 0;
    std::set<std::string> seen;
    for (const auto& row : rows) {
      if (row.size() < 5) index->fail(*table, "an index row needs a practice and three scopes");
      const std::string name_cell = join_cell(row[1]);
      std::string stem, shown, target;
      if (detail::doc_link(name_cell, shown, target)) {
        stem = fs::path(target).filename().string();
        shown = trim(shown);
      } else {
        shown = index->plain(name_cell);
        const auto it = by_title.find(detail::lower_case(shown));
        stem = it == by_title.end() ? std::string() : it->second;
      }
      const auto p = practices.find(stem);
      if (p == practices.end()) {
        g.warn("bp/bp_index.rst", 0, "index row '" + shown + "' names no best-practice file; left out");
        continue;
      }
      if (!seen.insert(stem).second) {
        g.warn("bp/bp_index.rst", 0, "practice '" + stem + "' has two index rows; the first is kept");
        continue;
      }
      index_names[detail::lower_case(shown)] = stem;
      p->second.order = ++order;
      for (std::size_t l = 0; l < 3; ++l) p->second.scopes[l] = parse_scope_cell(*index, *table, join_cell(row[2 + l]));
    }
    for (const auto& [stem, pr] : practices)
      if (!seen.count(stem)) g.warn("bp/" + stem + ".rst", 0, "no row in the index (a draft?): left out of the catalog");
    for (const auto& stem : stems)
      if (seen.count(stem)) data.practices.push_back(practices.at(stem));
  } else {
    g.warn("bp/bp_index.rst", 0, "missing: practices keep file order and are in scope at every level");
    int order = 0;
    for (const auto& stem : stems) {
      data.practices.push_back(practices.at(stem));
      data.practices.back().order = ++order;
    }
  }
  std::sort(data.practices.begin(), data.practices.end(), [](const Practice& a, const Practice& b) { return a.order < b.order; });
  std::set<std::string> included;
  for (const auto& p : data.practices) included.insert(p.id);
  const auto practice_named = [&](const std::string& name) -> std::string {
    const std::string key = detail::lower_case(collapse_spaces(name));
    if (const auto it = by_title.find(key); it != by_title.end() && included.count(it->second)) return it->second;
    if (const auto it = index_names.find(key); it != index_names.end()) return it->second;
    for (const auto& p : data.practices)  // "Incident Response" for "Incident Response Planning"
      if (detail::lower_case(p.title).find(key) != std::string::npos) return p.id;
    return {};
  };

  // Maturity levels and statements.
  if (const Document* doc = g.open("maturity/maturities.rst")) {
    for (const auto& item : list_items(*doc, 0, doc->lines().size(), true)) {
      int n = 0;
      std::string text;
      if (detail::maturity_level_item(trim(item.raw), n, text))
        data.maturity_levels.push_back(
            {static_cast<Maturity>(n), doc->substitution("Maturity" + std::to_string(n)), doc->plain(text)});
    }
  } else {
    g.warn("maturity/maturities.rst", 0, "missing: maturity levels have names only");
  }
  if (data.maturity_levels.size() != 3) {
    data.maturity_levels.clear();
    for (Maturity m : all_maturities) data.maturity_levels.push_back({m, level_name(m), ""});
  }
  if (const Document* doc = g.open("maturity/determine_maturity.rst")) {
    for (const auto& h : doc->headings()) {
      const auto levels = heading_levels(*doc, h);
      if (levels.size() != 1 || h.level == 0) continue;
      const auto [begin, end] = doc->body(h);
      int n = 0;
      for (const auto& item : list_items(*doc, begin, end, true)) {
        const std::string id = "l" + std::string(to_string(levels[0])) + "." + std::to_string(++n);
        data.maturity_statements.push_back({id, levels[0], doc->plain(item.raw)});
      }
    }
  } else {
    g.warn("maturity/determine_maturity.rst", 0, "missing: no maturity statements");
  }

  // Level 1 priorities: the worksheet table and the election priorities.
  std::set<std::string> action_ids;
  for (const auto& p : data.practices)
    for (const auto& a : p.actions) action_ids.insert(a.id);
  if (const Document* doc = g.open("maturity/maturity_bp_mapping_L1.rst")) {
    const auto table = find_line(*doc, 0, [](const std::string& l) { return trim(l).rfind("+-", 0) == 0; });
    if (table) {
      for (const auto& row : grid_rows(*doc, *table, nullptr)) {
        if (row.size() < 2) continue;
        std::vector<std::string> names;
        for (const auto& line : row[0]) {
          std::string name = trim(line);
          if (name.rfind("* ", 0) == 0) name = trim(name.substr(2));
          if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
        std::vector<std::string> actions;
        for (const auto& line : row[1]) {
          std::string s = trim(line);
          if (s.rfind("* ", 0) == 0) s = trim(s.substr(2));
          if (s.empty()) continue;
          const auto m = detail::worksheet_spec(s);
          if (!m) {
            g.warn("maturity/maturity_bp_mapping_L1.rst", *table + 1, "cannot read worksheet actions '" + s + "'");
            continue;
          }
          const std::string label = m->label;
          const auto owner = label_owner.find(label);
          if (owner == label_owner.end() || !included.count(owner->second)) {
            g.warn("maturity/maturity_bp_mapping_L1.rst", *table + 1, "reference '" + label + "' names no practice");
            continue;
          }
          const Practice& p = *std::find_if(data.practices.begin(), data.practices.end(),
                                            [&](const Practice& x) { return x.id == owner->second; });
          // The label stands before the maturity heading it names (or, unsplit, anywhere).
          const Document* bp = g.open("bp/" + p.id + ".rst");
          std::string block = "all";
          const auto at = find_line(*bp, 0, [&](const std::string& l) { return label_of(l) == label; });
          for (const auto& h : bp->headings())
            if (at && h.line > *at) {
              const auto levels = heading_levels(*bp, h);
              if (!levels.empty()) block = block_name(levels);
              break;
            }
          std::vector<const Action*> pool;
          for (const auto& a : p.actions) {
            const auto parts = detail::split(a.id, '.');
            if (parts[1] != block) continue;
            if (m->group && (!a.group || detail::kebab_case(*a.group) != detail::kebab_case(*m->group))) continue;
            pool.push_back(&a);
          }
          if (m->numbers) {
            for (const std::string_view digits : detail::digit_runs(*m->numbers)) {
              const auto n = static_cast<std::size_t>(small_int(digits).value_or(0));
              if (n >= 1 && n <= pool.size()) actions.push_back(pool[n - 1]->id);
              else g.warn("maturity/maturity_bp_mapping_L1.rst", *table + 1, "no action " + std::string(digits) + " in " + label);
            }
          } else {
            for (const Action* a : pool) actions.push_back(a->id);
          }
        }
        for (const auto& name : names) {
          // The guide's first five worksheets are its IT inventory worksheets.
          const bool inventory = detail::lower_case(name).find("inventory") != std::string::npos;
          data.priorities.level1_baseline.push_back(
              {detail::kebab_case(name), name, inventory ? "IT inventory" : "cybersecurity action", actions});
        }
      }
    } else {
      g.warn("maturity/maturity_bp_mapping_L1.rst", 0, "no worksheet table");
    }
    const Heading* election = doc->heading_where(
        [](const std::string& t) { return detail::lower_case(t).find("election priorities") != std::string::npos; });
    if (election != nullptr) {
      const auto [begin, end] = doc->body(*election);
      for (const auto& item : list_items(*doc, begin, end, true)) {
        std::string shown, target;
        if (detail::doc_link(item.raw, shown, target)) {
          const std::string stem = fs::path(target).filename().string();
          if (included.count(stem)) data.priorities.level1_election.push_back(stem);
          else g.warn(doc->source(), item.line + 1, "election priority '" + stem + "' is not a practice");
        }
      }
    } else {
      g.warn(doc->source(), 0, "no election priorities section");
    }
  } else {
    g.warn("maturity/maturity_bp_mapping_L1.rst", 0, "missing: no Level 1 priorities");
  }
  if (const Document* doc = g.open("maturity/maturity_bp_mapping_L2_L3.rst")) {
    for (std::size_t i = 0; i < doc->lines().size(); ++i) {
      if (doc->lines()[i].find(":ref:") == std::string::npos) continue;
      const auto m = detail::cdm_row(doc->lines()[i]);
      if (!m) continue;
      const auto owner = label_owner.find(m->label);
      if (owner == label_owner.end() || !included.count(owner->second)) {
        g.warn(doc->source(), i + 1, "reference '" + m->label + "' names no practice");
        continue;
      }
      const auto rank = small_int(m->rank);
      if (!rank) {
        g.warn(doc->source(), i + 1, "rank '" + m->rank + "' is out of range; left out");
        continue;
      }
      data.priorities.cdm_ranking.push_back({*rank, m->safeguard, owner->second});
    }
  } else {
    g.warn("maturity/maturity_bp_mapping_L2_L3.rst", 0, "missing: no CDM ranking");
  }

  // The 2018 Handbook appendix.
  if (const Document* doc = g.open("appendices/handbook_bp_mapping.rst")) {
    const auto table = find_line(*doc, 0, [](const std::string& l) { return trim(l).rfind("+-", 0) == 0; });
    if (!table) doc->fail(0, "no grid table of Handbook practices");
    for (const auto& row : grid_rows(*doc, *table, nullptr)) {
      if (row.size() < 3) continue;
      const std::string number = join_cell(row[0]);
      if (number.empty() || !std::all_of(number.begin(), number.end(), ::isdigit)) continue;
      const auto n = small_int(number);
      if (!n) {
        g.warn(doc->source(), 0, "Handbook number '" + number + "' is out of range; left out");
        continue;
      }
      HandbookPractice h{*n, doc->plain(join_cell(row[1])), {}};
      std::vector<std::string> names;
      for (const auto& line : row[2]) {
        const std::string t = trim(line);
        if (t.empty()) continue;
        if (t.rfind("* ", 0) == 0 || names.empty()) names.push_back(trim(t.rfind("* ", 0) == 0 ? t.substr(2) : t));
        else names.back() += " " + t;
      }
      for (const auto& name : names) {
        std::string stem = practice_named(name);
        if (stem.empty()) {
          // A name from an earlier release: the one practice whose page lists this number.
          std::vector<std::string> listing;
          for (const auto& p : data.practices)
            if (std::find(p.handbook.begin(), p.handbook.end(), h.number) != p.handbook.end()) listing.push_back(p.id);
          std::vector<std::string> unnamed;
          for (const auto& id : listing)
            if (std::none_of(names.begin(), names.end(), [&](const std::string& n) { return practice_named(n) == id; }))
              unnamed.push_back(id);
          if (unnamed.size() == 1) {
            stem = unnamed[0];
            g.warn(doc->source(), 0, "Handbook " + number + ": '" + name + "' taken as '" + stem +
                                         "', the practice whose page lists it");
          } else {
            g.warn(doc->source(), 0, "Handbook " + number + ": no practice named '" + name + "'");
            continue;
          }
        }
        if (std::find(h.practices.begin(), h.practices.end(), stem) == h.practices.end()) h.practices.push_back(stem);
      }
      data.handbook.push_back(std::move(h));
    }
  } else {
    g.warn("appendices/handbook_bp_mapping.rst", 0, "missing: no Handbook practices");
  }
  // Practice pages may list Handbook numbers the appendix lacks.
  std::set<int> numbers;
  for (const auto& h : data.handbook) numbers.insert(h.number);
  for (auto& p : data.practices) {
    const auto before = p.handbook.size();
    if (!data.handbook.empty())
      p.handbook.erase(std::remove_if(p.handbook.begin(), p.handbook.end(), [&](int n) { return !numbers.count(n); }),
                       p.handbook.end());
    if (p.handbook.size() != before) g.warn("bp/" + p.id + ".rst", 0, "Handbook numbers the appendix lacks were left out");
  }

  // Glossary and acronyms.
  const auto read_glossary = [&](const char* file, const std::function<void(const std::string&, std::vector<std::string>)>& add) {
    const Document* doc = g.open(file);
    if (doc == nullptr) {
      g.warn(file, 0, "missing");
      return;
    }
    const auto start = find_line(*doc, 0, [](const std::string& l) { return trim(l) == ".. glossary::"; });
    if (!start) return;
    std::string term;
    std::vector<std::string> lines;
    std::size_t term_indent = 0;
    for (std::size_t i = *start + 1; i < doc->lines().size(); ++i) {
      const std::string& line = doc->lines()[i];
      if (blank(line)) continue;
      const std::size_t indent = indent_of(line);
      if (indent == 0) break;
      if (term_indent == 0) term_indent = indent;
      if (indent == term_indent) {
        if (!term.empty()) add(term, lines);
        term = trim(line);
        lines.clear();
      } else {
        lines.push_back(trim(line));
      }
    }
    if (!term.empty()) add(term, lines);
  };
  read_glossary("glossary.rst", [&](const std::string& term, std::vector<std::string> lines) {
    std::string text;
    for (const auto& l : lines) text += " " + l;
    data.glossary.push_back({term, g.docs.at("glossary.rst").plain(text)});
  });
  read_glossary("acronyms.rst", [&](const std::string& term, std::vector<std::string> lines) {
    for (const auto& l : lines) data.acronyms.push_back({term, g.docs.at("acronyms.rst").plain(l)});
  });

  // Which release: the README or index may not say; the directory name often does.
  data.guide.title = "Essential Guide to Election Security";
  data.guide.version = fs::path(directory).lexically_normal().filename().string();
  if (data.guide.version.empty()) data.guide.version = fs::path(directory).lexically_normal().parent_path().filename().string();
  if (const std::string v = detail::first_version(data.guide.version); !v.empty()) data.guide.version = v;

  // Worksheet actions and priorities must name actions that exist (validation checks the rest).
  for (auto& w : data.priorities.level1_baseline)
    w.actions.erase(std::remove_if(w.actions.begin(), w.actions.end(), [&](const std::string& a) { return !action_ids.count(a); }),
                    w.actions.end());
  // What the pages hold must still make a consistent catalog; say which release did not.
  try {
    return {CatalogBuilder(std::move(data)).build(), std::move(warnings)};
  } catch (const ValidationError& e) {
    std::vector<Problem> problems = e.problems();
    throw ValidationError(std::move(problems), directory + ": the guide's pages do not make a consistent catalog (" +
                                                   std::to_string(e.problems().size()) + " problems)");
  }
}

}  // namespace electsec
