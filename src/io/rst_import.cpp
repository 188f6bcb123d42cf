// The importer of the guide's reStructuredText sources: the whole guide (the practice
// pages through rst_practice.cpp, then the index, priorities, Handbook and glossary). It
// reads only the constructs the guide uses, line by line, which is what makes it fast;
// anything it cannot place becomes a warning rather than a guess. rst_document.hpp has the
// map of the importer's files.

#include "embedded_catalog.hpp"

#include "file.hpp"
#include "enum_names.hpp"
#include "rst_blocks.hpp"
#include "threads.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <exception>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_set>

namespace electsec {

namespace {
constexpr detail::EnumNames<ImportWarningKind, 5> warning_kind_names{
    "import warning kind",
    {ImportWarningKind::missing, ImportWarningKind::unreadable, ImportWarningKind::unresolved,
     ImportWarningKind::duplicate, ImportWarningKind::inferred},
    {"missing", "unreadable", "unresolved", "duplicate", "inferred"}};
}  // namespace

std::string_view to_string(ImportWarningKind kind) { return warning_kind_names.name(kind); }

namespace {

using namespace detail::rst;

struct Guide {
  fs::path root;
  const ImportOptions& options;
  std::vector<ImportWarning>& warnings;
  std::map<std::string, Document> docs;   // by relative path
  std::set<std::string> unreadable;       // pages that could not be read (warned once)
  Substitutions inherited;                // substitutions of conf.py's rst_prolog
  std::optional<ParseError> first_error;  // the first page that could not be read

  // Definitions ".. |name| replace:: value" anywhere in `text`, also inside a Python string.
  static void definitions_in(const std::string& text, Substitutions& into) {
    std::size_t start = 0;
    while (start < text.size()) {
      const auto eol = text.find('\n', start);
      std::string line = text.substr(start, eol == std::string::npos ? std::string::npos : eol - start);
      start = eol == std::string::npos ? text.size() : eol + 1;
      const auto at = line.find(".. |");
      if (at == std::string::npos) continue;
      line = line.substr(at);
      for (const char* end : {"\"\"\"", "'''", "\\n"})
        if (const auto e = line.find(end); e != std::string::npos) line.resize(e);
      std::string name, value;
      // Only text: a value that is not UTF-8 would put bytes into the catalog that no page had.
      if (detail::substitution_definition(trim(line), name, value) && detail::is_utf8(name) && detail::is_utf8(value))
        into[name] = value;
    }
  }

  // A page read on its own, nothing recorded yet: its document, or why there is none.
  struct Loaded {
    std::optional<Document> doc;
    std::optional<std::vector<Table>> tables;  // the page's tables, when read with it
    std::optional<ParseError> parse_error;     // its text could not be read
    std::optional<std::string> error;          // any other reason it could not be read
  };
  std::map<std::string, Loaded> preloaded;                // pages read ahead on another thread, not yet opened
  std::map<std::string, std::vector<Table>> page_tables;  // by relative path

  // Reads a page and records nothing, so pages can be read on several threads at once:
  // `root`, `options` and `inherited` are only read.
  Loaded load(const std::string& relative, bool with_tables = false) const {
    Loaded out;
    const fs::path path = root / relative;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return out;
    try {
      std::string text = detail::read_file(path.string());
      // Substitutions a page takes from a file it includes (".. include:: /subs.rst").
      Substitutions included;
      for (std::size_t at = text.find(".. include::"); at != std::string::npos;
           at = text.find(".. include::", at + 1)) {
        const auto eol = text.find('\n', at);
        const std::string target =
            trim(text.substr(at + 12, eol == std::string::npos ? std::string::npos : eol - at - 12));
        if (target.empty()) continue;
        const fs::path file = target[0] == '/' ? root / target.substr(1) : (root / relative).parent_path() / target;
        try {  // an include that cannot be read costs its substitutions, not the page
          if (fs::is_regular_file(file, ec)) definitions_in(detail::read_file(file.string()), included);
        } catch (const Error&) {
        }
      }
      out.doc.emplace(relative, std::move(text), options, &inherited, std::move(included));
      if (with_tables) out.tables = read_tables(*out.doc, 0, out.doc->lines().size());
    } catch (const ParseError& e) {
      out.parse_error = e;
    } catch (const Error& e) {
      out.error = e.what();
    }
    return out;
  }

  // What a loaded page leaves in the guide: the document kept, or the page warned of once.
  const Document* keep(const std::string& relative, Loaded loaded) {
    if (loaded.doc) {
      if (loaded.tables) page_tables.emplace(relative, std::move(*loaded.tables));
      return &docs.emplace(relative, std::move(*loaded.doc)).first->second;
    }
    if (loaded.parse_error) {
      const ParseError& e = *loaded.parse_error;
      unreadable.insert(relative);
      if (!first_error) first_error = e;
      warn(relative, e.line(), e.expected() + "; the page is left out", ImportWarningKind::unreadable);
    } else if (loaded.error) {
      unreadable.insert(relative);
      warn(relative, 0, *loaded.error + "; the page is left out", ImportWarningKind::unreadable);
    }
    return nullptr;
  }

  const Document* open(const std::string& relative) {
    const auto it = docs.find(relative);
    if (it != docs.end()) return &it->second;
    if (unreadable.count(relative)) return nullptr;
    if (const auto ready = preloaded.find(relative); ready != preloaded.end()) {
      Loaded loaded = std::move(ready->second);
      preloaded.erase(ready);
      return keep(relative, std::move(loaded));
    }
    return keep(relative, load(relative));
  }

  // The tables of a whole page that open() gave, read once.
  const std::vector<Table>& tables(const Document& doc) {
    auto it = page_tables.find(doc.source());
    if (it == page_tables.end()) it = page_tables.emplace(doc.source(), read_tables(doc, 0, doc.lines().size())).first;
    return it->second;
  }

  void warn(std::string file, std::size_t line, std::string message, ImportWarningKind kind) {
    warnings.push_back({std::move(file), line, std::move(message), kind});
  }
  // A file the release lacks (one it has but could not read was reported already).
  void missing(const std::string& file, std::string message) {
    if (!unreadable.count(file)) warn(file, 0, std::move(message), ImportWarningKind::missing);
  }
};

std::string label_of(std::string_view line) {
  if (line.rfind(".. _", 0) != 0) return {};  // cheap test first: most lines are not labels
  return detail::label_definition(line);
}

// A name reduced for matching: lower case, "&" as "and", words of letters and digits.
std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 8);  // each "&" grows by " and"; room for two without a move
  bool space = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == '&') {
      out += out.empty() ? "and" : " and";
      space = true;
      continue;
    }
    if (detail::ascii_alnum(static_cast<char>(c)) || c >= 0x80) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += detail::ascii_lower(static_cast<char>(c));
    } else {
      space = true;
    }
  }
  return out;
}

// A scope cell: "Priority", "In scope", "Out of Scope" (any case, any spacing), "Not in scope".
std::optional<Scope> scope_word(const std::string& cell) {
  const std::string c = name_key(cell);
  if (c == "priority") return Scope::priority;
  if (c == "in scope") return Scope::in_scope;
  if (c == "out of scope" || c == "not in scope") return Scope::out_of_scope;
  return std::nullopt;
}

constexpr std::size_t none = std::string::npos;

// The body cells of column `c` that are not empty.
std::vector<std::string> column_cells(const Table& t, std::size_t c) {
  std::vector<std::string> out;
  for (const auto& r : t.rows)
    if (c < r.cells.size())
      if (std::string cell = join_cell(r.cells[c]); !cell.empty()) out.push_back(std::move(cell));
  return out;
}

// The first column whose header (as a name key) satisfies `f`, not one of `taken`, or none.
std::size_t header_column(const Document& doc, const Table& t, const std::function<bool(const std::string&)>& f,
                          const std::set<std::size_t>& taken = {}) {
  for (std::size_t c = 0; c < t.header.size(); ++c)
    if (!taken.count(c) && f(name_key(doc.plain(t.header[c])))) return c;
  return none;
}

bool has(const std::string& text, const char* word) { return text.find(word) != std::string::npos; }

// The columns of an index table: the practice's and one scope column per level, from the
// header ("Best Practice", "|Maturity1|", "Level 2"), or from the cells when the header does
// not say (columns of scope words, left to right; the widest column of text).
struct IndexColumns {
  std::size_t name = none;
  std::array<std::size_t, 3> level{none, none, none};
  bool complete() const { return name != none && level[0] != none && level[1] != none && level[2] != none; }
};

IndexColumns index_columns(const Document& doc, const Table& t) {
  IndexColumns cols;
  std::set<std::size_t> taken;
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    std::set<int> levels;
    for (int n : detail::maturity_substitutions(t.header[c])) levels.insert(n);
    for (int n : detail::level_numbers(doc.plain(t.header[c]))) levels.insert(n);
    const std::string key = name_key(doc.plain(t.header[c]));  // "L1".."L3"
    if (key.size() == 2 && key[0] == 'l' && key[1] >= '1' && key[1] <= '3') levels.insert(key[1] - '0');
    if (levels.size() == 1 && cols.level[*levels.begin() - 1] == none) {
      cols.level[*levels.begin() - 1] = c;
      taken.insert(c);
    }
  }
  const std::size_t columns = t.rows.empty() ? t.header.size() : t.rows.front().cells.size();
  if (std::count(cols.level.begin(), cols.level.end(), none) > 0) {
    std::vector<std::size_t> scopes;
    for (std::size_t c = 0; c < columns; ++c) {
      if (taken.count(c)) continue;
      const auto cells = column_cells(t, c);
      const auto words = std::count_if(cells.begin(), cells.end(), [](const std::string& x) { return scope_word(x); });
      if (!cells.empty() && static_cast<std::size_t>(words) * 2 >= cells.size()) scopes.push_back(c);
    }
    std::size_t k = 0;
    for (auto& l : cols.level)
      if (l == none && k < scopes.size()) taken.insert(l = scopes[k++]);
  }
  cols.name = header_column(
      doc, t, [](const std::string& h) { return has(h, "practice"); }, taken);
  if (cols.name == none) {  // the widest column of text that is not a scope
    std::size_t best = 0;
    for (std::size_t c = 0; c < columns; ++c) {
      if (taken.count(c)) continue;
      std::size_t length = 0;
      for (const auto& cell : column_cells(t, c)) length += cell.size();
      if (length > best) best = length, cols.name = c;
    }
  }
  return cols;
}

// A label on a practice page (".. _name:"), with the maturity block of the first heading
// after it ("all" when that heading names no level, or there is none).
struct PageLabel {
  std::string label;
  std::string block;
};

std::vector<PageLabel> page_labels(const Document& doc) {
  std::vector<PageLabel> out;
  const auto& lines = doc.lines();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string label = label_of(lines[i]);
    if (label.empty()) continue;
    std::string block = "all";
    for (const auto& h : doc.headings())
      if (h.line > i) {
        const auto levels = heading_levels(doc, h);
        if (!levels.empty()) block = block_name(levels);
        break;
      }
    out.push_back({std::move(label), std::move(block)});
  }
  return out;
}

// What one practice page gave, read on its own (on any thread): nothing is recorded in the
// guide until the pages are taken in order.
struct PracticePage {
  bool regular = false;           // a regular file (or a link to one)
  bool read = false;              // its text made a document (dropped once read: `labels` is what is kept)
  Guide::Loaded loaded;           // the document until read, or why there is none
  std::vector<PageLabel> labels;  // in line order
  std::optional<Practice> practice;
  std::vector<ImportWarning> warnings;  // the practice reader's, in its order
  std::optional<ParseError> error;      // the page could not be read as a practice
  std::exception_ptr failure;           // anything else, raised when the page's turn comes
};

PracticePage read_practice_page(const Guide& g, const std::string& stem) {
  PracticePage page;
  try {
    const std::string file = "bp/" + stem + ".rst";
    std::error_code ec;
    page.regular = fs::is_regular_file(g.root / file, ec);
    if (!page.regular) return page;
    page.loaded = g.load(file);
    if (!page.loaded.doc) return page;
    page.read = true;
    try {
      page.practice = read_practice(*page.loaded.doc, page.warnings, stem);
    } catch (const ParseError& e) {
      page.error = e;
    }
    // Later steps need only the page's labels: the document goes now, and the memory it
    // held serves the next page on this thread.
    if (page.practice) page.labels = page_labels(*page.loaded.doc);
    page.loaded.doc.reset();
  } catch (...) {
    page.failure = std::current_exception();
  }
  return page;
}

// The primer, read on its own (on any thread) through a guide of its own over the same
// release: no other part of the import reads its pages. Its warnings keep their order and
// join the import's where the primer's place is.
struct PrimerResult {
  Primer primer;
  std::vector<ImportWarning> warnings;
  std::exception_ptr failure;  // raised at the primer's place
};

PrimerResult read_primer_alone(const Guide& g) {
  PrimerResult out;
  try {
    Guide own{g.root, g.options, out.warnings, {}, {}, g.inherited, {}, {}, {}};
    out.primer =
        read_primer({own.root, [&](const std::string& file) { return own.open(file); },
                     [&](const std::string& file, std::string message) { own.missing(file, std::move(message)); }},
                    out.warnings);
  } catch (...) {
    out.failure = std::current_exception();
  }
  return out;
}

// The catalog the pages make. What validation still refuses (a practice file whose name is
// not an id, an item it holds twice) is left out with a warning, practice by practice, so
// one unusual page never costs the release; what cannot be left out is an error naming the
// release.
Catalog build_salvaging(CatalogData& data, const std::string& directory, Guide& g) {
  for (int attempt = 0;; ++attempt) {
    // The data is moved, not copied, into the builder: a build() that refuses it throws
    // before taking it, so on the rare retry it is taken back from the builder.
    CatalogBuilder builder(std::move(data));
    try {
      return std::move(builder).build();
    } catch (const ValidationError& e) {
      data = builder.data();
      std::set<std::string> drop;
      bool changed = false;
      for (const Problem& problem : e.problems()) {
        const auto open = problem.where.find('\'');
        const auto close = open == std::string::npos ? open : problem.where.find('\'', open + 1);
        const std::string quoted =
            close == std::string::npos ? std::string() : problem.where.substr(open + 1, close - open - 1);
        const std::string first = quoted.substr(0, quoted.find('.'));
        const bool about_practice = problem.where.rfind("practice ", 0) == 0 || problem.where.rfind("goal ", 0) == 0 ||
                                    problem.where.rfind("action ", 0) == 0 || problem.where.rfind("paragraph ", 0) == 0;
        if (about_practice && std::any_of(data.practices.begin(), data.practices.end(),
                                          [&](const Practice& p) { return p.id == first; })) {
          if (drop.insert(first).second)
            g.warn("bp/" + first + ".rst", 0, problem.text() + "; the practice is left out",
                   ImportWarningKind::unreadable);
        } else if (problem.where.rfind("system component ", 0) == 0 || problem.where.rfind("system risk ", 0) == 0 ||
                   problem.where.rfind("connectedness class ", 0) == 0) {
          // The primer is read page by page with checks of its own; should it still not
          // validate, the release keeps its practices without it.
          if (!data.primer.components.empty() || !data.primer.classes.empty() || !data.primer.risks.empty()) {
            g.warn("ei_primer", 0, problem.text() + "; the primer is left out", ImportWarningKind::unreadable);
            data.primer = Primer{};
            changed = true;
          }
        } else if (problem.where.rfind("worksheet ", 0) == 0) {
          auto& w = data.priorities.level1_baseline;
          const auto before = w.size();
          w.erase(std::remove_if(w.begin(), w.end(), [&](const Worksheet& x) { return x.id == quoted; }), w.end());
          if (w.size() != before) {
            g.warn("maturity/maturity_bp_mapping_L1.rst", 0, problem.text() + "; left out",
                   ImportWarningKind::unreadable);
            changed = true;
          }
        }
      }
      if (!drop.empty()) {
        changed = true;
        data.practices.erase(std::remove_if(data.practices.begin(), data.practices.end(),
                                            [&](const Practice& p) { return drop.count(p.id) > 0; }),
                             data.practices.end());
        auto& pr = data.priorities;
        pr.level1_election.erase(std::remove_if(pr.level1_election.begin(), pr.level1_election.end(),
                                                [&](const std::string& id) { return drop.count(id) > 0; }),
                                 pr.level1_election.end());
        pr.cdm_ranking.erase(std::remove_if(pr.cdm_ranking.begin(), pr.cdm_ranking.end(),
                                            [&](const CdmRank& r) { return drop.count(r.practice) > 0; }),
                             pr.cdm_ranking.end());
        for (auto& w : pr.level1_baseline)
          w.actions.erase(
              std::remove_if(w.actions.begin(), w.actions.end(),
                             [&](const std::string& a) { return drop.count(a.substr(0, a.find('.'))) > 0; }),
              w.actions.end());
        for (auto& h : data.handbook)
          h.practices.erase(std::remove_if(h.practices.begin(), h.practices.end(),
                                           [&](const std::string& id) { return drop.count(id) > 0; }),
                            h.practices.end());
      }
      if (!changed || attempt >= 3 || data.practices.empty()) {
        std::vector<Problem> problems = e.problems();
        throw ValidationError(std::move(problems), directory +
                                                       ": the guide's pages do not make a consistent catalog (" +
                                                       std::to_string(e.problems().size()) + " problems)");
      }
    }
  }
}

}  // namespace

ImportResult import_eges_rst(const std::string& directory, const ImportOptions& options) {
  std::vector<ImportWarning> warnings;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) throw Error(directory + ": not a directory");
  Guide g{directory, options, warnings, {}, {}, {}, {}, {}, {}};
  // Substitutions the release defines for every page (Sphinx's rst_prolog in conf.py).
  if (fs::is_regular_file(g.root / "conf.py", ec)) {
    try {
      Guide::definitions_in(detail::read_file((g.root / "conf.py").string()), g.inherited);
    } catch (const Error& e) {
      g.warn("conf.py", 0, std::string(e.what()) + "; its substitutions are not used", ImportWarningKind::unreadable);
    }
  }
  // Practices: every bp/*.rst but the index.
  std::map<std::string, Practice> practices;
  std::map<std::string, std::string> label_owner;           // label -> stem
  std::map<std::string, std::vector<PageLabel>> labels_of;  // stem -> the labels of its page
  std::vector<std::string> stems;
  if (fs::is_directory(g.root / "bp", ec)) {
    stems = detail::stems_in((g.root / "bp").string(), ".rst", ec);
    if (ec) throw IoError((g.root / "bp").string(), "cannot list the folder: " + ec.message());
    stems.erase(std::remove(stems.begin(), stems.end(), "bp_index"), stems.end());
  }
  std::sort(stems.begin(), stems.end());
  // The practice pages are independent of each other and are most of the work: they are
  // read on two threads when the machine has two cores, each page on its own (Guide::load
  // and read_practice record nothing shared). Each thread first does a part that takes
  // about as long and that the pages need or that needs no page: this one readies the
  // embedded catalog (the pages check their Safeguards against it), the other reads the
  // primer, which no other part reads. What each page gave is then taken in file order,
  // and the primer at its place, so warnings, errors and the catalog are the same as on
  // one thread.
  // The pages read after the practices, each named once: the other thread reads them
  // ahead (with their tables where marked), and this one opens them in its order.
  const std::string index_file = "bp/bp_index.rst";
  const std::string levels_file = "maturity/maturities.rst";
  const std::string statements_file = "maturity/determine_maturity.rst";
  const std::string l1_file = "maturity/maturity_bp_mapping_L1.rst";
  const std::string l23_file = "maturity/maturity_bp_mapping_L2_L3.rst";
  const std::string handbook_file = "appendices/handbook_bp_mapping.rst";
  const std::string glossary_file = "glossary.rst";
  const std::string acronyms_file = "acronyms.rst";
  std::vector<PracticePage> pages(stems.size());
  const std::vector<std::pair<std::string, bool>> later_pages = {
      // (page, with its tables)
      {index_file, true}, {levels_file, false},  {statements_file, false}, {l1_file, true},
      {l23_file, true},   {handbook_file, true}, {glossary_file, false},   {acronyms_file, false}};
  std::atomic<std::size_t> next_page{0};
  std::mutex read_mutex;
  std::condition_variable page_read;
  std::size_t pages_read = 0;  // under read_mutex
  const auto read_pages = [&] {
    for (std::size_t i; (i = next_page.fetch_add(1)) < pages.size();) {
      pages[i] = read_practice_page(g, stems[i]);
      {
        const std::lock_guard<std::mutex> lock(read_mutex);
        ++pages_read;
      }
      page_read.notify_all();
    }
  };
  std::optional<PrimerResult> primer_read;
  // The other pages this import reads after the practices (their tables too), read ahead
  // by the other thread; nothing is recorded until this thread opens them, in its order.
  std::map<std::string, Guide::Loaded> read_ahead;
  bool read_ahead_done = false;  // under read_mutex
  detail::HelperThread helper;   // (when none can be had, all runs on this thread)
  if (pages.size() >= 4 && std::thread::hardware_concurrency() > 1) {
    helper.start([&] {
      primer_read = read_primer_alone(g);
      std::map<std::string, Guide::Loaded> ahead;
      try {
        for (const auto& [file, with_tables] : later_pages) ahead.emplace(file, g.load(file, with_tables));
      } catch (...) {  // (only memory can run out here) these pages are read when opened
        ahead.clear();
      }
      {
        const std::lock_guard<std::mutex> lock(read_mutex);
        read_ahead = std::move(ahead);
        read_ahead_done = true;
      }
      page_read.notify_all();
      read_pages();
    });
  }
  const detail::ControlsAndSafeguards& cis = detail::embedded_controls_and_safeguards();
  read_pages();
  {  // the pages the other thread still reads, and the pages it reads ahead
    std::unique_lock<std::mutex> lock(read_mutex);
    page_read.wait(lock, [&] { return pages_read == pages.size() && (read_ahead_done || !helper.running()); });
    g.preloaded = std::move(read_ahead);
  }
  CatalogData data;
  data.controls = cis.controls;
  data.safeguards = cis.safeguards;

  std::vector<std::string> read;
  for (std::size_t i = 0; i < stems.size(); ++i) {
    const std::string& stem = stems[i];
    const std::string file = "bp/" + stem + ".rst";
    PracticePage& page = pages[i];
    // A directory, FIFO, device or broken link named like a practice file is not one.
    if (!page.regular) {
      g.warn(file, 0, "not a regular file: left out", ImportWarningKind::unreadable);
      continue;
    }
    if (page.failure) std::rethrow_exception(page.failure);
    if (!page.read) {
      g.keep(file, std::move(page.loaded));  // warns why, when it can say
      continue;
    }
    warnings.insert(warnings.end(), std::make_move_iterator(page.warnings.begin()),
                    std::make_move_iterator(page.warnings.end()));
    if (page.error) {  // one unusual page does not stop the release
      if (!g.first_error) g.first_error = page.error;
      g.warn(file, page.error->line(), page.error->expected() + "; the page is left out",
             ImportWarningKind::unreadable);
      continue;
    }
    practices.emplace(stem, std::move(*page.practice));
    read.push_back(stem);
    for (const PageLabel& l : page.labels) label_owner[l.label] = stem;
    labels_of.emplace(stem, std::move(page.labels));
  }
  stems = read;
  // A folder without practices is not a release of the guide: an empty catalog would
  // make `assess migrate --to` it retire every status. When pages were there but none could
  // be read, the first one's error says why.
  if (practices.empty()) {
    if (g.first_error) throw *g.first_error;
    throw Error(directory +
                ": no best practices found (looked for bp/*.rst files other than bp/bp_index.rst; "
                "give the guide's docs/source folder)");
  }
  std::map<std::string, std::string> by_title;
  for (const auto& [stem, p] : practices) by_title[name_key(p.title)] = stem;

  // A practice named in a cell: by :doc: link, by :ref: to a label of its page, or by
  // title; `shown` receives the name as the cell gives it.
  enum class Named { nothing, link, ref, title, title_of_broken_link };
  const auto named_in = [&](const Document& doc, const std::string& cell,
                            std::string& shown) -> std::pair<std::string, Named> {
    std::string target;
    if (detail::doc_link(cell, shown, target)) {
      const std::string stem = fs::path(target).filename().string();
      if (practices.count(stem)) return {stem, Named::link};
      if (const auto it = by_title.find(name_key(shown)); it != by_title.end())
        return {it->second, Named::title_of_broken_link};
      if (shown.empty()) shown = target;
      return {std::string(), Named::nothing};
    }
    shown = doc.plain(cell);
    if (const auto ref = cell.find(":ref:`"); ref != std::string::npos) {
      const auto lt = cell.find('<', ref), gt = cell.find(">`", ref);
      if (lt != std::string::npos && gt != std::string::npos && lt < gt)
        if (const auto it = label_owner.find(cell.substr(lt + 1, gt - lt - 1)); it != label_owner.end())
          return {it->second, Named::ref};
    }
    if (const auto at = cell.find(":doc:`"); at != std::string::npos) {  // :doc:`name` without a shown text
      const auto end = cell.find('`', at + 6);
      if (end != std::string::npos) {
        const std::string stem = fs::path(trim(cell.substr(at + 6, end - at - 6))).filename().string();
        if (practices.count(stem)) return {stem, Named::link};
      }
    }
    if (const auto it = by_title.find(name_key(shown)); it != by_title.end()) return {it->second, Named::title};
    return {std::string(), Named::nothing};
  };

  // The index: order and scopes, from the first table with a practice column and a scope
  // column for each level, whatever other columns it has.
  std::map<std::string, std::string> index_names;  // name in the index (as a key) -> stem
  const Table* index_table = nullptr;
  IndexColumns cols;
  const Document* index = g.open(index_file);
  if (index != nullptr) {
    for (const auto& t : g.tables(*index)) {
      cols = index_columns(*index, t);
      if (cols.complete()) {
        index_table = &t;
        break;
      }
    }
    if (index_table == nullptr)
      g.warn(index->source(), 0,
             "no table of best practices with a practice column and a scope column for each level; practices keep "
             "file order and are in scope at every level",
             ImportWarningKind::missing);
    else if (!index_table->problem.empty())
      g.warn(index->source(), index_table->problem_line + 1, index_table->problem + "; the rows before it are read",
             ImportWarningKind::unreadable);
  } else {
    g.missing(index_file, "missing: practices keep file order and are in scope at every level");
  }
  if (index_table != nullptr) {
    int order = 0;
    std::set<std::string> seen;
    for (const auto& row : index_table->rows) {
      const std::size_t line = row.line + 1;
      const std::string name_cell = join_cell(row.cells[cols.name]);
      if (name_cell.empty()) continue;  // a row that only groups others
      std::string shown;
      const auto [stem, how] = named_in(*index, name_cell, shown);
      if (how == Named::nothing) {
        g.warn(index->source(), line, "index row '" + shown + "' names no best-practice file; left out",
               ImportWarningKind::unresolved);
        continue;
      }
      if (how == Named::title_of_broken_link)
        g.warn(index->source(), line,
               "index row '" + shown + "' links to a file that does not exist; taken as '" + stem + "' by its title",
               ImportWarningKind::inferred);
      if (!seen.insert(stem).second) {
        g.warn(index->source(), line, "practice '" + stem + "' has two index rows; the first is kept",
               ImportWarningKind::duplicate);
        continue;
      }
      index_names[name_key(shown)] = stem;
      Practice& p = practices.at(stem);
      p.order = ++order;
      for (std::size_t l = 0; l < 3; ++l) {
        const std::string cell = join_cell(row.cells[cols.level[l]]);
        if (const auto scope = scope_word(index->plain(cell))) {
          p.scopes[l] = *scope;
        } else {
          p.scopes[l] = Scope::in_scope;
          g.warn(index->source(), line,
                 "field Level " + std::to_string(l + 1) + " of '" + stem + "': unknown scope '" +
                     collapse_spaces(cell) + "' (expected Priority, In scope or Out of Scope); read as In scope",
                 ImportWarningKind::unreadable);
        }
      }
    }
    for (const auto& stem : stems)
      if (!seen.count(stem))
        g.warn("bp/" + stem + ".rst", 0, "no row in the index (a draft?): left out of the catalog",
               ImportWarningKind::unresolved);
    for (const auto& stem : stems)
      if (seen.count(stem)) data.practices.push_back(std::move(practices.at(stem)));  // only the keys are used on
  } else {
    int order = 0;
    for (const auto& stem : stems) {
      data.practices.push_back(std::move(practices.at(stem)));
      data.practices.back().order = ++order;
    }
  }
  std::sort(data.practices.begin(), data.practices.end(),
            [](const Practice& a, const Practice& b) { return a.order < b.order; });
  std::set<std::string> included;
  for (const auto& p : data.practices) included.insert(p.id);
  std::vector<std::string> title_keys;  // of data.practices, in its order
  for (const auto& p : data.practices) title_keys.push_back(name_key(p.title));
  const auto practice_named = [&](const std::string& name) -> std::string {
    const std::string key = name_key(name);
    if (key.empty()) return {};
    if (const auto it = by_title.find(key); it != by_title.end() && included.count(it->second)) return it->second;
    if (const auto it = index_names.find(key); it != index_names.end()) return it->second;
    for (std::size_t i = 0; i < data.practices.size(); ++i)  // "Incident Response" for "Incident Response Planning"
      if (title_keys[i].find(key) != std::string::npos) return data.practices[i].id;
    return {};
  };

  // Maturity levels and statements.
  if (const Document* doc = g.open(levels_file)) {
    for (const auto& item : list_items(*doc, 0, doc->lines().size(), true)) {
      int n = 0;
      std::string text;
      std::string raw = trim(item.raw);
      // Releases that wrote the level out: "Level 1: ..." as "|Maturity1|: ...".
      if (raw.rfind("Level ", 0) == 0 && raw.size() > 7) raw = "|Maturity" + raw.substr(6, 1) + "|" + raw.substr(7);
      if (detail::maturity_level_item(raw, n, text) &&
          std::none_of(data.maturity_levels.begin(), data.maturity_levels.end(),
                       [&](const MaturityLevel& l) { return static_cast<int>(l.level) == n; }))
        data.maturity_levels.push_back(
            {static_cast<Maturity>(n), doc->substitution("Maturity" + std::to_string(n)), doc->plain(text)});
    }
    if (data.maturity_levels.size() != 3)
      g.warn(doc->source(), 0, "no list describing the three levels: maturity levels have names only",
             ImportWarningKind::missing);
  } else {
    g.missing(levels_file, "missing: maturity levels have names only");
  }
  if (data.maturity_levels.size() != 3) {
    data.maturity_levels.clear();
    for (Maturity m : all_maturities) data.maturity_levels.push_back({m, level_name(m), ""});
  }
  for (auto& l : data.maturity_levels)
    if (l.name.empty() || l.name.find('|') != std::string::npos) l.name = level_name(l.level);
  std::sort(data.maturity_levels.begin(), data.maturity_levels.end(),
            [](const MaturityLevel& a, const MaturityLevel& b) { return a.level < b.level; });
  if (const Document* doc = g.open(statements_file)) {
    int count[4] = {0, 0, 0, 0};  // numbers run on when a level has two headings
    for (const auto& h : doc->headings()) {
      const auto levels = heading_levels(*doc, h);
      if (levels.size() != 1 || h.level == 0) continue;
      const auto [begin, end] = doc->body(h);
      for (const auto& item : list_items(*doc, begin, end, true)) {
        const int level = static_cast<int>(levels[0]);
        MaturityStatement statement{"", levels[0], "", {}};
        statement.text = plain_with_links(*doc, item.raw, statement.links);
        if (statement.text.empty()) continue;
        statement.id = "l" + std::to_string(level) + "." + std::to_string(++count[level]);
        data.maturity_statements.push_back(std::move(statement));
      }
    }
    if (data.maturity_statements.empty())
      g.warn(doc->source(), 0, "no statements under headings that name one level", ImportWarningKind::missing);
  } else {
    g.missing(statements_file, "missing: no maturity statements");
  }

  // Level 1 priorities: the worksheet table and the election priorities.
  // Views of the ids in data.practices, whose actions do not change from here on.
  std::unordered_set<std::string_view> action_ids;
  std::size_t action_count = 0;
  for (const auto& p : data.practices) action_count += p.actions.size();
  action_ids.reserve(action_count);
  for (const auto& p : data.practices)
    for (const auto& a : p.actions) action_ids.insert(a.id);
  if (const Document* doc = g.open(l1_file)) {
    // The worksheet table: a column naming worksheets and one naming actions (by header),
    // or else the first table of two columns or more.
    const auto& tables = g.tables(*doc);
    const Table* table = nullptr;
    std::size_t names_col = 0, actions_col = 1;
    for (const auto& t : tables) {
      const std::size_t w = header_column(*doc, t, [](const std::string& h) { return has(h, "worksheet"); });
      const std::size_t a = header_column(*doc, t, [](const std::string& h) { return has(h, "action"); }, {w});
      if (w != none && a != none) {
        table = &t, names_col = w, actions_col = a;
        break;
      }
    }
    if (table == nullptr)
      for (const auto& t : tables)
        if (t.header.size() >= 2) {
          table = &t;
          break;
        }
    if (table != nullptr) {
      if (!table->problem.empty())
        g.warn(l1_file, table->problem_line + 1, table->problem + "; the rows before it are read",
               ImportWarningKind::unreadable);
      for (const auto& row : table->rows) {
        const std::size_t line = row.line + 1;
        std::vector<std::string> names;
        for (const auto& cell_line : row.cells[names_col]) {
          std::string name = trim(cell_line);
          if (name.rfind("* ", 0) == 0 || name.rfind("- ", 0) == 0) name = trim(name.substr(2));
          name = doc->plain(name);
          if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
        std::vector<std::string> actions;
        for (const auto& cell_line : row.cells[actions_col]) {
          std::string s = trim(cell_line);
          if (s.rfind("* ", 0) == 0 || s.rfind("- ", 0) == 0) s = trim(s.substr(2));
          if (s.empty()) continue;
          const auto m = detail::worksheet_spec(s);
          if (!m) {
            g.warn(l1_file, line, "cannot read worksheet actions '" + s + "'", ImportWarningKind::unreadable);
            continue;
          }
          const std::string label = m->label;
          const auto owner = label_owner.find(label);
          if (owner == label_owner.end() || !included.count(owner->second)) {
            g.warn(l1_file, line, "reference '" + label + "' names no practice", ImportWarningKind::unresolved);
            continue;
          }
          const Practice& p = *std::find_if(data.practices.begin(), data.practices.end(),
                                            [&](const Practice& x) { return x.id == owner->second; });
          // The label stands before the maturity heading it names (or, unsplit, anywhere).
          const auto& on_page = labels_of.at(owner->second);
          const std::string& block =
              std::find_if(on_page.begin(), on_page.end(), [&](const PageLabel& l) { return l.label == label; })->block;
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
              if (n >= 1 && n <= pool.size())
                actions.push_back(pool[n - 1]->id);
              else
                g.warn(l1_file, line, "no action " + std::string(digits) + " in " + label,
                       ImportWarningKind::unresolved);
            }
          } else {
            for (const Action* a : pool) actions.push_back(a->id);
          }
        }
        for (const auto& name : names) {
          // The guide's first five worksheets are its IT inventory worksheets.
          const bool inventory = detail::lower_case(name).find("inventory") != std::string::npos;
          const std::string id = detail::kebab_case(name);
          if (id.empty()) continue;
          if (std::any_of(data.priorities.level1_baseline.begin(), data.priorities.level1_baseline.end(),
                          [&](const Worksheet& w) { return w.id == id; })) {
            g.warn(l1_file, line, "worksheet '" + name + "' is listed twice; the first listing is kept",
                   ImportWarningKind::duplicate);
            continue;
          }
          data.priorities.level1_baseline.push_back(
              {id, name, inventory ? "IT inventory" : "cybersecurity action", actions});
        }
      }
    } else {
      g.warn(l1_file, 0, "no worksheet table", ImportWarningKind::missing);
    }
    const Heading* election = doc->heading_where(
        [](const std::string& t) { return detail::lower_case(t).find("election priorities") != std::string::npos; });
    if (election != nullptr) {
      const auto [begin, end] = doc->body(*election);
      for (const auto& item : list_items(*doc, begin, end, true)) {
        std::string shown;
        auto [stem, how] = named_in(*doc, item.raw, shown);
        if (how == Named::nothing) {
          // An item that names its practice in passing ("Join the EI-ISAC"): the one
          // practice whose title the item's text holds.
          std::vector<std::string> holding;
          const std::string text = " " + name_key(doc->plain(item.raw)) + " ";
          for (const auto& p : data.practices)
            if (text.find(" " + name_key(p.title) + " ") != std::string::npos) holding.push_back(p.id);
          if (holding.size() == 1) {
            stem = holding[0];
            g.warn(doc->source(), item.line + 1,
                   "election priority '" + shown + "' taken as '" + stem + "', the practice whose title it holds",
                   ImportWarningKind::inferred);
          }
        }
        if (stem.empty() || !included.count(stem)) {
          g.warn(doc->source(), item.line + 1,
                 "election priority '" + (stem.empty() ? shown : stem) + "' is not a practice",
                 ImportWarningKind::unresolved);
          continue;
        }
        if (std::find(data.priorities.level1_election.begin(), data.priorities.level1_election.end(), stem) !=
            data.priorities.level1_election.end()) {
          g.warn(doc->source(), item.line + 1, "election priority '" + stem + "' is listed twice",
                 ImportWarningKind::duplicate);
          continue;
        }
        data.priorities.level1_election.push_back(stem);
      }
    } else {
      g.warn(doc->source(), 0, "no election priorities section", ImportWarningKind::missing);
    }
  } else {
    g.missing(l1_file, "missing: no Level 1 priorities");
  }

  // The CDM ranking: a table with a rank, a Safeguard and a practice column (by header, or
  // Safeguard ids and references in the cells), grid or simple; the practice by :ref:,
  // :doc: or title.
  if (const Document* doc = g.open(l23_file)) {
    const auto& tables = g.tables(*doc);
    const Table* table = nullptr;
    std::size_t rank_col = none, safeguard_col = none, practice_col = none;
    const auto safeguard_like = [](const std::string& cell) {
      std::string id, rest;
      return detail::safeguard_item(trim(cell) + " x", id, rest) && trim(cell) == id;
    };
    for (const auto& t : tables) {
      const std::size_t columns = t.header.size();
      std::size_t r = header_column(*doc, t, [](const std::string& h) { return has(h, "rank"); });
      std::size_t s = none, p = none;
      for (std::size_t c = 0; c < columns && s == none; ++c) {
        const auto cells = column_cells(t, c);
        if (c != r && !cells.empty() && std::all_of(cells.begin(), cells.end(), safeguard_like)) s = c;
      }
      p = header_column(*doc, t, [](const std::string& h) { return has(h, "practice") || has(h, "essential guide"); },
                        {r, s});
      if (p == none)
        for (std::size_t c = 0; c < columns && p == none; ++c) {
          const auto cells = column_cells(t, c);
          if (c != r && c != s && !cells.empty() && cells.front().find(":ref:`") != std::string::npos) p = c;
        }
      if (s != none && p != none) {
        table = &t, rank_col = r, safeguard_col = s, practice_col = p;
        break;
      }
    }
    if (table != nullptr) {
      if (!table->problem.empty())
        g.warn(l23_file, table->problem_line + 1, table->problem + "; the rows before it are read",
               ImportWarningKind::unreadable);
      int position = 0;
      for (const auto& row : table->rows) {
        const std::size_t line = row.line + 1;
        ++position;
        const std::string safeguard = join_cell(row.cells[safeguard_col]);
        int rank = position;  // without a rank column, rows are in rank order
        if (rank_col != none) {
          const std::string cell = join_cell(row.cells[rank_col]);
          const auto n = small_int(cell);
          if (!n || *n < 1) {
            g.warn(l23_file, line, "field Rank: '" + cell + "' is not a rank; the row is left out",
                   ImportWarningKind::unreadable);
            continue;
          }
          rank = *n;
        }
        if (!detail::embedded_safeguard(safeguard)) {
          g.warn(l23_file, line, "Safeguard " + safeguard + " is not a CIS Controls v8 Safeguard; left out",
                 ImportWarningKind::unresolved);
          continue;
        }
        std::string shown;
        const std::string cell = join_cell(row.cells[practice_col]);
        auto [stem, how] = named_in(*doc, cell, shown);
        if (how == Named::nothing || !included.count(stem)) {
          g.warn(l23_file, line, "reference '" + shown + "' names no practice", ImportWarningKind::unresolved);
          continue;
        }
        if (std::any_of(data.priorities.cdm_ranking.begin(), data.priorities.cdm_ranking.end(),
                        [&](const CdmRank& c) { return c.rank == rank; })) {
          g.warn(l23_file, line, "rank " + std::to_string(rank) + " is listed twice; the first listing is kept",
                 ImportWarningKind::duplicate);
          continue;
        }
        data.priorities.cdm_ranking.push_back({rank, safeguard, stem});
      }
    } else {
      g.warn(l23_file, 0, "no table of ranked Safeguards and best practices: no CDM ranking",
             ImportWarningKind::missing);
    }
  } else {
    g.missing(l23_file, "missing: no CDM ranking");
  }

  // The 2018 Handbook appendix: a table of numbers, titles and the practices each names.
  if (const Document* doc = g.open(handbook_file)) {
    const Table* table = nullptr;
    std::size_t number_col = none, title_col = none, names_col = none;
    const auto& tables = g.tables(*doc);
    for (const auto& t : tables) {
      const std::size_t columns = t.header.size();
      for (std::size_t c = 0; c < columns && number_col == none; ++c) {
        const auto cells = column_cells(t, c);
        const auto numeric = std::count_if(cells.begin(), cells.end(), [](const std::string& x) {
          return !x.empty() && std::all_of(x.begin(), x.end(), detail::ascii_digit);
        });
        if (!cells.empty() && static_cast<std::size_t>(numeric) * 2 > cells.size()) number_col = c;
      }
      if (number_col == none || columns < 3) {
        number_col = none;
        continue;
      }
      names_col = header_column(*doc, t, [](const std::string& h) { return has(h, "essential guide"); }, {number_col});
      if (names_col == none) names_col = columns - 1;
      for (std::size_t c = 0; c < columns && title_col == none; ++c)
        if (c != number_col && c != names_col) title_col = c;
      table = &t;
      break;
    }
    if (table == nullptr) {
      g.warn(handbook_file, 0, "no table of Handbook practices", ImportWarningKind::missing);
    } else if (!table->problem.empty()) {
      g.warn(handbook_file, table->problem_line + 1, table->problem + "; the rows before it are read",
             ImportWarningKind::unreadable);
    }
    static const std::vector<TableRow> no_rows;
    for (const auto& row : table == nullptr ? no_rows : table->rows) {  // (a reference: no copy of the rows)
      const std::size_t line = row.line + 1;
      const std::string number = join_cell(row.cells[number_col]);
      if (number.empty() || !std::all_of(number.begin(), number.end(), detail::ascii_digit)) continue;
      const auto n = small_int(number);
      if (!n || *n < 1) {
        g.warn(handbook_file, line, "Handbook number '" + number + "' is out of range; left out",
               ImportWarningKind::unreadable);
        continue;
      }
      if (std::any_of(data.handbook.begin(), data.handbook.end(),
                      [&](const HandbookPractice& h) { return h.number == *n; })) {
        g.warn(handbook_file, line, "Handbook " + number + " is listed twice; the first listing is kept",
               ImportWarningKind::duplicate);
        continue;
      }
      HandbookPractice h{*n, doc->plain(join_cell(row.cells[title_col])), {}};
      if (h.title.empty()) {
        g.warn(handbook_file, line, "Handbook " + number + " has no title; left out", ImportWarningKind::unreadable);
        continue;
      }
      std::vector<std::string> names;
      for (const auto& cell_line : row.cells[names_col]) {
        const std::string t = trim(cell_line);
        if (t.empty()) continue;
        if (t.rfind("* ", 0) == 0 || names.empty())
          names.push_back(trim(t.rfind("* ", 0) == 0 ? t.substr(2) : t));
        else
          names.back() += " " + t;
      }
      for (const auto& raw_name : names) {
        std::string shown;
        auto [stem, how] = named_in(*doc, raw_name, shown);
        const std::string name = doc->plain(raw_name);
        if (how == Named::nothing || !included.count(stem)) stem = practice_named(name);
        if (stem.empty()) {
          // A name from an earlier release: the one practice whose page lists this number.
          std::vector<std::string> listing;
          for (const auto& p : data.practices)
            if (std::find(p.handbook.begin(), p.handbook.end(), h.number) != p.handbook.end()) listing.push_back(p.id);
          std::vector<std::string> unnamed;
          for (const auto& id : listing)
            if (std::none_of(names.begin(), names.end(),
                             [&](const std::string& x) { return practice_named(doc->plain(x)) == id; }))
              unnamed.push_back(id);
          if (unnamed.size() == 1) {
            stem = unnamed[0];
            g.warn(handbook_file, line,
                   "Handbook " + number + ": '" + name + "' taken as '" + stem + "', the practice whose page lists it",
                   ImportWarningKind::inferred);
          } else {
            g.warn(handbook_file, line, "Handbook " + number + ": no practice named '" + name + "'",
                   ImportWarningKind::unresolved);
            continue;
          }
        }
        if (std::find(h.practices.begin(), h.practices.end(), stem) == h.practices.end()) h.practices.push_back(stem);
      }
      data.handbook.push_back(std::move(h));
    }
  } else {
    g.missing(handbook_file, "missing: no Handbook practices");
  }
  std::sort(data.handbook.begin(), data.handbook.end(),
            [](const HandbookPractice& a, const HandbookPractice& b) { return a.number < b.number; });
  // Practice pages may list Handbook numbers the appendix lacks.
  std::set<int> numbers;
  for (const auto& h : data.handbook) numbers.insert(h.number);
  for (auto& p : data.practices) {
    const auto before = p.handbook.size();
    if (!data.handbook.empty())
      p.handbook.erase(std::remove_if(p.handbook.begin(), p.handbook.end(), [&](int n) { return !numbers.count(n); }),
                       p.handbook.end());
    if (p.handbook.size() != before)
      g.warn("bp/" + p.id + ".rst", 0, "Handbook numbers the appendix lacks were left out",
             ImportWarningKind::unresolved);
  }

  // Glossary and acronyms.
  const auto read_glossary =
      [&](const std::string& file,
          const std::function<void(const Document&, const std::string&, std::vector<std::string>)>& add) {
        const Document* doc = g.open(file);
        if (doc == nullptr) {
          g.missing(file, "missing");
          return;
        }
        const auto start = find_line(*doc, 0, [](std::string_view l) { return trim(l) == ".. glossary::"; });
        if (!start) {
          g.warn(file, 0, "no glossary directive", ImportWarningKind::missing);
          return;
        }
        std::string term;
        std::vector<std::string> lines;
        std::size_t term_indent = 0;
        for (std::size_t i = *start + 1; i < doc->lines().size(); ++i) {
          const std::string_view line = doc->lines()[i];
          if (blank(line)) continue;
          const std::size_t indent = indent_of(line);
          if (indent == 0) break;
          if (term_indent == 0) term_indent = indent;
          if (indent == term_indent) {
            if (!term.empty()) add(*doc, term, lines);
            term = trim(line);
            lines.clear();
          } else {
            lines.push_back(trim(line));
          }
        }
        if (!term.empty()) add(*doc, term, lines);
      };
  std::set<std::string> terms;
  read_glossary(glossary_file, [&](const Document& doc, const std::string& term, std::vector<std::string> lines) {
    std::string text;
    for (const auto& l : lines) text += " " + l;
    GlossaryEntry entry{term, "", {}};
    entry.definition = plain_with_links(doc, text, entry.links);
    if (entry.definition.empty() || !terms.insert(term).second) {
      g.warn(doc.source(), 0, "glossary term '" + term + "' is empty or listed twice; left out",
             ImportWarningKind::duplicate);
      return;
    }
    data.glossary.push_back(std::move(entry));
  });
  read_glossary(acronyms_file, [&](const Document& doc, const std::string& term, std::vector<std::string> lines) {
    for (const auto& l : lines) {
      Acronym a{term, doc.plain(l)};
      if (a.expansion.empty()) continue;
      if (std::find(data.acronyms.begin(), data.acronyms.end(), a) != data.acronyms.end()) {
        g.warn(doc.source(), 0, "acronym '" + term + "' gives one expansion twice; the first is kept",
               ImportWarningKind::duplicate);
        continue;
      }
      data.acronyms.push_back(std::move(a));
    }
  });

  // Which release: the README or index may not say; the directory name often does.
  data.guide.title = "Essential Guide to Election Security";
  data.guide.version = fs::path(directory).lexically_normal().filename().string();
  if (data.guide.version.empty())
    data.guide.version = fs::path(directory).lexically_normal().parent_path().filename().string();
  if (const std::string v = detail::first_version(data.guide.version); !v.empty()) data.guide.version = v;
  if (data.guide.version.empty()) data.guide.version = "unknown";

  // The election-infrastructure primer, where the release has one.
  helper.join();
  PrimerResult primer = primer_read ? std::move(*primer_read) : read_primer_alone(g);
  if (primer.failure) std::rethrow_exception(primer.failure);
  data.primer = std::move(primer.primer);
  warnings.insert(warnings.end(), std::make_move_iterator(primer.warnings.begin()),
                  std::make_move_iterator(primer.warnings.end()));

  // Worksheet actions and priorities must name actions that exist (validation checks the rest).
  for (auto& w : data.priorities.level1_baseline)
    w.actions.erase(
        std::remove_if(w.actions.begin(), w.actions.end(), [&](const std::string& a) { return !action_ids.count(a); }),
        w.actions.end());
  return {build_salvaging(data, directory, g), std::move(warnings)};
}

}  // namespace electsec
