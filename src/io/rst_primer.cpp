// The guide's primer on election infrastructure (ei_primer/*.rst): its connectedness
// classes, the kinds of election system it describes, each one's risks, connection table
// and varieties. Every page is optional: what a release lacks or lays out otherwise is a
// warning, and the rest of the primer is still read.
#include "file.hpp"
#include "rst_blocks.hpp"

#include <set>

namespace electsec::detail::rst {

namespace {

// How the components' connection tables name each class, when no table says otherwise.
struct ClassName {
  Connectedness id;
  const char* label;
};
constexpr ClassName class_labels[] = {
    {Connectedness::network, "Network Connected"},
    {Connectedness::indirect, "Indirectly Connected"},
    {Connectedness::none, "Not Connected"},
    {Connectedness::transmission, "Additional Transmission-based Risks"},
};

// The primer's pages that describe a kind of election system, and the id each gets
// (DESIGN.md); other pages of the folder are read as components only if they look like one.
struct KnownPage {
  const char* stem;
  const char* id;
};
constexpr KnownPage known_pages[] = {
    {"voter_reg", "voter_registration"}, {"pollbooks", "pollbooks"},   {"ems", "ems"},
    {"vote_capture", "vote_capture"},    {"tabulation", "tabulation"}, {"enr", "enr"},
};
// Pages of the folder that introduce the primer rather than describe a system.
constexpr const char* intro_pages[] = {"election_infrastructure", "connectedness_classes"};

// Words of a risk bullet (lower case) and the risk they name; the first that a bullet
// holds wins, so the more specific phrases come first.
struct RiskWords {
  const char* words;
  const char* id;
};
constexpr RiskWords risk_words[] = {
    {"internet connectivity", "internet_connectivity"},
    {"network connectivity", "network_connectivity"},
    {"other internal systems", "internal_connections"},
    {"underlying cots", "cots_weaknesses"},
    {"dedicated components", "dedicated_weaknesses"},
    {"proprietary products", "dedicated_weaknesses"},
    {"authentication and access control", "access_control"},
    {"rolling back", "undetected_changes"},
    {"backup and auditing", "backup_and_audit"},
    {"misconfiguration", "misconfiguration"},
    {"removable media", "removable_media"},
    {"protection for transmitted", "unprotected_transmission"},
};

std::string lower(std::string_view s) { return detail::lower_case(std::string(s)); }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// A list item's text without the punctuation that joins it to the next ("...,", "...; and").
std::string item_text(std::string text) {
  for (bool cut = true; cut;) {
    cut = false;
    while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == '.' || text.back() == ' ')) {
      text.pop_back();
      cut = true;
    }
    for (const char* tail : {" and", " or"})
      if (text.size() > std::char_traits<char>::length(tail) &&
          text.compare(text.size() - std::char_traits<char>::length(tail), std::string::npos, tail) == 0) {
        text.resize(text.size() - std::char_traits<char>::length(tail));
        cut = true;
      }
  }
  return text;
}

std::optional<Connectedness> class_of_label(const std::string& cell) {
  const std::string key = collapse_spaces(lower(cell));
  for (const auto& c : class_labels)
    if (key == lower(c.label)) return c.id;
  return std::nullopt;
}

class PrimerReader {
 public:
  PrimerReader(const PrimerSources& sources, std::vector<ImportWarning>& warnings)
      : src_(sources), warnings_(warnings) {}

  Primer read() {
    std::error_code ec;
    if (!fs::is_directory(src_.root / "ei_primer", ec)) {
      warn("ei_primer", 0, "missing: the release has no election-infrastructure primer", ImportWarningKind::missing);
      return {};
    }
    read_classes();
    for (const auto& stem : page_order()) read_component(stem);
    for (auto& c : primer_.classes)
      if (const auto it = labels_.find(c.id); it != labels_.end()) c.label = it->second;
    return std::move(primer_);
  }

 private:
  void warn(std::string file, std::size_t line, std::string message, ImportWarningKind kind) {
    warnings_.push_back({std::move(file), line, std::move(message), kind});
  }

  // The pages in the order of the release's table of contents (index.rst), then the
  // folder's other pages by name.
  std::vector<std::string> page_order() {
    std::vector<std::string> order;
    std::set<std::string> seen;
    std::error_code ec;
    std::set<std::string> in_folder;
    for (std::string& stem : detail::stems_in((src_.root / "ei_primer").string(), ".rst", ec))
      in_folder.insert(std::move(stem));
    // A release without the folder has no primer; one whose folder cannot be read says so.
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
      throw IoError((src_.root / "ei_primer").string(), "cannot list the folder: " + ec.message());
    if (const Document* index = src_.open("index.rst"))
      for (const auto& line : index->lines()) {
        const std::string t = trim(line);
        if (!starts_with(t, "ei_primer/") && !starts_with(t, "/ei_primer/")) continue;
        std::string stem = t.substr(t.find('/', 1) + 1);
        if (stem.size() > 4 && stem.compare(stem.size() - 4, 4, ".rst") == 0) stem.resize(stem.size() - 4);
        if (stem.empty() || stem.find('/') != std::string::npos || !seen.insert(stem).second) continue;
        if (!in_folder.count(stem)) {
          src_.missing("ei_primer/" + stem + ".rst", "missing: the table of contents lists this primer page");
          continue;
        }
        order.push_back(stem);
      }
    for (const auto& stem : in_folder)
      if (seen.insert(stem).second) order.push_back(stem);
    return order;
  }

  // connectedness_classes.rst: the numbered classes, each a bold title, a paragraph and
  // its examples; then the section on transmission.
  void read_classes() {
    const std::string file = "ei_primer/connectedness_classes.rst";
    std::map<Connectedness, ConnectednessClass> found;
    const Document* doc = src_.open(file);
    if (doc == nullptr) {
      src_.missing(file, "missing: the primer's connectedness classes are not read");
    } else {
      const auto& lines = doc->lines();
      for (const auto& item : list_items(*doc, 0, lines.size(), true)) {
        const auto open = item.raw.find("**");
        const auto close = open == std::string::npos ? open : item.raw.find("**", open + 2);
        if (open != 0 || close == std::string::npos) continue;  // a numbered list of something else
        ConnectednessClass c;
        c.title = item_text(doc->plain(item.raw.substr(2, close - 2)));
        const std::string t = lower(c.title);
        if (t.find("indirect") != std::string::npos)
          c.id = Connectedness::indirect;
        else if (t.find("non-digital") != std::string::npos || t.find("not connected") != std::string::npos ||
                 t.find("non digital") != std::string::npos)
          c.id = Connectedness::none;
        else if (t.find("network") != std::string::npos)
          c.id = Connectedness::network;
        else {
          warn(file, item.line + 1, "numbered item '" + c.title + "' names no connectedness class; left out",
               ImportWarningKind::unresolved);
          continue;
        }
        read_class_item(*doc, item.line, c);
        if (c.title.empty()) c.title = label_of(c.id);
        if (!found.emplace(c.id, c).second)
          warn(file, item.line + 1,
               "connectedness class '" + std::string(to_string(c.id)) + "' is described twice; the first is kept",
               ImportWarningKind::duplicate);
      }
      const Heading* h = doc->heading_where(
          [](const std::string& title) { return lower(title).find("transmi") != std::string::npos; });
      if (h != nullptr) {
        const auto [begin, end] = doc->body(*h);
        ConnectednessClass c{Connectedness::transmission,
                             h->plain,
                             label_of(Connectedness::transmission),
                             first_paragraph(*doc, begin, end),
                             {}};
        for (const auto& b : list_items(*doc, begin, end, false)) c.examples.push_back(doc->plain(b.raw));
        if (c.title.empty()) c.title = c.label;
        found.emplace(c.id, std::move(c));
      }
      for (const auto& c : class_labels)
        if (!found.count(c.id))
          warn(file, 0, "no description of the class '" + std::string(c.label) + "'", ImportWarningKind::missing);
    }
    for (auto& [id, c] : found) {
      c.label = label_of(id);
      primer_.classes.push_back(std::move(c));
    }
  }

  static std::string label_of(Connectedness c) {
    for (const auto& x : class_labels)
      if (x.id == c) return x.label;
    return {};
  }

  // The paragraph of a class's numbered item (its bold title left out) and the bullets
  // under it; a class the guide illustrates in a sentence ("An example would be ...") has
  // that sentence's subject as its one example.
  static void read_class_item(const Document& doc, std::size_t at, ConnectednessClass& c) {
    const auto& lines = doc.lines();
    const std::size_t base = indent_of(lines[at]);
    std::size_t end = at + 1;
    while (end < lines.size() && (blank(lines[end]) || indent_of(lines[end]) > base)) ++end;
    std::string raw = trim(lines[at]);
    raw = raw.substr(raw.find("**") == std::string::npos ? 0 : raw.find("**"));
    std::size_t i = at + 1;
    for (; i < end && !blank(lines[i]); ++i) raw += " " + trim(lines[i]);
    const auto close = raw.find("**", 2);
    std::string text = trim(close == std::string::npos ? raw : raw.substr(close + 2));
    while (!text.empty() && (text[0] == '.' || text[0] == ':' || text[0] == ' ')) text.erase(0, 1);
    c.text = doc.plain(text);
    for (const char* lead : {" Examples include:", " Examples:"})
      if (const auto at_lead = c.text.rfind(lead);
          at_lead != std::string::npos && at_lead + std::char_traits<char>::length(lead) == c.text.size())
        c.text.resize(at_lead);
    for (const auto& b : list_items(doc, i, end, false)) c.examples.push_back(doc.plain(b.raw));
    if (c.examples.empty())
      for (const char* lead : {"An example would be ", "An example is ", "For example, "})
        if (const auto e = c.text.find(lead); e != std::string::npos) {
          std::string example = c.text.substr(e + std::char_traits<char>::length(lead));
          example =
              example.substr(0, example.find(". ") == std::string::npos ? std::string::npos : example.find(". ") + 1);
          if (!example.empty() && example[0] >= 'a' && example[0] <= 'z')
            example[0] = static_cast<char>(example[0] - 'a' + 'A');
          c.examples.push_back(example);
          break;
        }
  }

  // The id a page gets: its known id, else its stem made an id when the page reads like
  // a component (a risks section or a connection table), else none.
  std::string component_id(const std::string& stem, bool looks_like_one) {
    for (const auto& k : known_pages)
      if (stem == k.stem) return k.id;
    const std::string file = "ei_primer/" + stem + ".rst";
    if (!looks_like_one) {
      warn(file, 0, "a primer page electsec does not know, with no risks and no connection table; left out",
           ImportWarningKind::unresolved);
      return {};
    }
    std::string id;
    for (char ch : lower(stem)) id += detail::ascii_alnum(ch) ? ch : '_';
    warn(file, 0, "a primer page electsec does not know; read as the component '" + id + "'",
         ImportWarningKind::inferred);
    return id;
  }

  // The first table of the page that is a connection table: under a ".. table::
  // Connection Types" directive, else any table whose first column names a class.
  static const Table* connection_table(const Document& doc, const std::vector<Table>& tables) {
    for (const auto& t : tables) {
      if (t.rows.empty() || t.rows.front().cells.size() < 2) continue;
      for (std::size_t k = t.line; k-- > 0 && k + 6 > t.line;) {
        const std::string l = lower(trim(doc.lines()[k]));
        if (starts_with(l, ".. table::")) {
          if (trim(l.substr(10)).rfind("connection types", 0) == 0) return &t;
          break;
        }
      }
    }
    for (const auto& t : tables)
      if (!t.rows.empty() && t.rows.front().cells.size() >= 2 &&
          std::any_of(t.rows.begin(), t.rows.end(),
                      [](const TableRow& r) { return class_of_label(join_cell(r.cells[0])).has_value(); }))
        return &t;
    return nullptr;
  }

  void read_component(const std::string& stem) {
    for (const char* intro : intro_pages)
      if (stem == intro) return;
    raw_rows_.clear();
    const std::string file = "ei_primer/" + stem + ".rst";
    std::error_code ec;
    if (!fs::is_regular_file(src_.root / file, ec)) {
      warn(file, 0, "not a regular file: left out", ImportWarningKind::unreadable);
      return;
    }
    const Document* doc = src_.open(file);
    if (doc == nullptr) return;  // warned
    const auto& lines = doc->lines();
    const Heading* risks_heading =
        doc->heading_where([](const std::string& title) { return lower(title).find("risks") != std::string::npos; });
    const auto tables = read_tables(*doc, 0, lines.size());
    const Table* table = connection_table(*doc, tables);
    SystemComponent c;
    c.id = component_id(stem, risks_heading != nullptr || table != nullptr);
    if (c.id.empty()) return;
    if (std::any_of(primer_.components.begin(), primer_.components.end(),
                    [&](const SystemComponent& x) { return x.id == c.id; })) {
      warn(file, 0, "a second page for the component '" + c.id + "'; the first is kept", ImportWarningKind::duplicate);
      return;
    }
    if (doc->headings().empty()) {
      warn(file, 0, "a primer page with no heading; left out", ImportWarningKind::unreadable);
      return;
    }
    const Heading& top = doc->headings().front();
    c.title = top.plain.empty() ? stem : top.plain;  // a heading of markup alone
    c.page = "ei_primer/" + stem;
    {
      const auto [begin, end] = doc->body(top);
      const auto inner = doc->inside(top);
      c.summary = first_paragraph(*doc, begin, inner.empty() ? end : inner.front()->line);
    }
    if (risks_heading != nullptr)
      read_risks(*doc, *risks_heading, c);
    else
      warn(file, 0, "no 'Risks and threats' section: the component lists no risks", ImportWarningKind::missing);
    if (table != nullptr)
      read_connections(*doc, *table, c);
    else
      warn(file, 0, "no connection table: the component's connections are not read", ImportWarningKind::missing);
    const Heading* types =
        doc->heading_where([](const std::string& title) { return starts_with(lower(title), "types of"); });
    if (types != nullptr) read_variants(*doc, *types, c);
    primer_.components.push_back(std::move(c));
  }

  void read_risks(const Document& doc, const Heading& h, SystemComponent& c) {
    const auto [begin, end] = doc.body(h);
    const auto items = list_items(doc, begin, end, false);
    if (items.empty())
      warn(doc.source(), h.line + 1, "no bulleted list of risks: the component lists no risks",
           ImportWarningKind::missing);
    for (const auto& item : items) {
      const std::string text = item_text(doc.plain(item.raw));
      const std::string key = collapse_spaces(lower(text));
      const RiskWords* match = nullptr;
      for (const auto& r : risk_words)
        if (key.find(r.words) != std::string::npos) {
          match = &r;
          break;
        }
      if (match == nullptr) {
        warn(doc.source(), item.line + 1, "risk '" + text + "' matches no risk electsec knows; left out",
             ImportWarningKind::unresolved);
        continue;
      }
      if (std::find(c.risks.begin(), c.risks.end(), match->id) != c.risks.end()) {
        warn(doc.source(), item.line + 1, "risk '" + std::string(match->id) + "' is listed twice; the first is kept",
             ImportWarningKind::duplicate);
        continue;
      }
      c.risks.push_back(match->id);
      if (std::none_of(primer_.risks.begin(), primer_.risks.end(),
                       [&](const SystemRisk& r) { return r.id == match->id; }))
        primer_.risks.push_back({match->id, text, text});
    }
  }

  void read_connections(const Document& doc, const Table& t, SystemComponent& c) {
    if (!t.problem.empty())
      warn(doc.source(), t.problem_line + 1, t.problem + "; the rows before it are read",
           ImportWarningKind::unreadable);
    for (const auto& row : t.rows) {
      const std::string label = doc.plain(join_cell(row.cells[0]));
      const auto id = class_of_label(label);
      if (!id) {
        warn(doc.source(), row.line + 1, "connection row '" + label + "' names no connectedness class; left out",
             ImportWarningKind::unresolved);
        continue;
      }
      if (std::any_of(c.connections.begin(), c.connections.end(),
                      [&](const ComponentConnection& x) { return x.connectedness == *id; })) {
        warn(doc.source(), row.line + 1,
             "two connection rows for '" + std::string(to_string(*id)) + "'; the first is kept",
             ImportWarningKind::duplicate);
        continue;
      }
      labels_.emplace(*id, label);
      std::vector<std::string_view> cell;
      for (std::size_t k = 1; k < row.cells.size(); ++k)
        cell.insert(cell.end(), row.cells[k].begin(), row.cells[k].end());
      ComponentConnection conn{*id, true, doc.plain(join_cell(cell))};
      conn.occurs = !starts_with(lower(conn.text), "not applicable");
      c.connections.push_back(std::move(conn));
      raw_rows_.push_back({*id, lower(join_cell(cell))});
    }
  }

  // "Type N" as a whole number in `row` (not the start of "Type 12" for N = 1).
  static bool names_type(const std::string& row, std::size_t n) {
    const std::string word = "type " + std::to_string(n);
    for (auto at = row.find(word); at != std::string::npos; at = row.find(word, at + 1)) {
      const std::size_t after = at + word.size();
      if (after >= row.size() || !detail::ascii_digit(row[after])) return true;
    }
    return false;
  }

  // The numbered varieties under "Types of ...": an italic name ("*Name*. What it is") or a
  // name before a colon ("Name: what it is"); each in the first connection row that names
  // it, by "Type N" when the rows number them, else by name.
  void read_variants(const Document& doc, const Heading& h, SystemComponent& c) {
    const auto [begin, end] = doc.body(h);
    const auto items = list_items(doc, begin, end, true);
    bool numbered = false;
    for (const auto& [id, text] : raw_rows_) numbered = numbered || names_type(text, 1) || names_type(text, 2);
    std::size_t n = 0;
    for (const auto& item : items) {
      ++n;
      ComponentVariant v;
      const std::string raw = trim(item.raw);
      if (starts_with(raw, "*") && !starts_with(raw, "**")) {
        const auto close = raw.find('*', 1);
        v.name = close == std::string::npos ? std::string() : doc.plain(raw.substr(1, close - 1));
        v.text = close == std::string::npos ? std::string() : doc.plain(raw.substr(close + 1));
      } else {
        const std::string plain = doc.plain(raw);
        const auto colon = plain.find(':');
        if (colon != std::string::npos && colon < 80) {
          v.name = trim(plain.substr(0, colon));
          v.text = trim(plain.substr(colon + 1));
        }
      }
      v.name = item_text(v.name);
      while (!v.text.empty() && (v.text[0] == '.' || v.text[0] == ' ')) v.text.erase(0, 1);
      if (v.name.empty()) {
        warn(doc.source(), item.line + 1, "a variety with neither an italic name nor a name before ':'; left out",
             ImportWarningKind::unreadable);
        continue;
      }
      const std::string name = lower(v.name);
      for (const auto& [id, text] : raw_rows_)
        if (numbered ? names_type(text, n) : text.find(name) != std::string::npos) {
          v.connectedness = id;
          break;
        }
      c.variants.push_back(std::move(v));
    }
    if (items.empty())
      warn(doc.source(), h.line + 1, "no numbered list of varieties under '" + h.plain + "'",
           ImportWarningKind::missing);
  }

  const PrimerSources& src_;
  std::vector<ImportWarning>& warnings_;
  Primer primer_;
  std::map<Connectedness, std::string> labels_;                  // as the first table names each class
  std::vector<std::pair<Connectedness, std::string>> raw_rows_;  // the current page's rows, lower case
};

}  // namespace

Primer read_primer(const PrimerSources& sources, std::vector<ImportWarning>& warnings) {
  return PrimerReader(sources, warnings).read();
}

}  // namespace electsec::detail::rst
