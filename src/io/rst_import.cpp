// The importer of the guide's reStructuredText sources: the whole guide (the practice
// pages through rst_practice.cpp, then the index, priorities, Handbook and glossary). It
// reads only the constructs the guide uses, line by line, which is what makes it fast;
// anything it cannot place becomes a warning rather than a guess. rst_document.hpp has the
// map of the importer's files.

#include <electsec/default_catalog.hpp>

#include "file.hpp"
#include "rst_blocks.hpp"

#include <set>

namespace electsec {

namespace {

using namespace detail::rst;

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
    practices.emplace(stem, read_practice(*doc, warnings, stem));
    for (const auto& line : doc->lines())
      if (const std::string l = label_of(line); !l.empty()) label_owner[l] = stem;
  }
  // A folder without practices is not a release of the guide: an empty catalog would
  // make `assess migrate --to` it retire every status.
  if (practices.empty())
    throw Error(directory +
                ": no best practices found (looked for bp/*.rst files other than bp/bp_index.rst; "
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
      if (!seen.count(stem))
        g.warn("bp/" + stem + ".rst", 0, "no row in the index (a draft?): left out of the catalog");
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
  std::sort(data.practices.begin(), data.practices.end(),
            [](const Practice& a, const Practice& b) { return a.order < b.order; });
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
        MaturityStatement statement{id, levels[0], "", {}};
        statement.text = plain_with_links(*doc, item.raw, statement.links);
        data.maturity_statements.push_back(std::move(statement));
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
              if (n >= 1 && n <= pool.size())
                actions.push_back(pool[n - 1]->id);
              else
                g.warn("maturity/maturity_bp_mapping_L1.rst", *table + 1,
                       "no action " + std::string(digits) + " in " + label);
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
          if (included.count(stem))
            data.priorities.level1_election.push_back(stem);
          else
            g.warn(doc->source(), item.line + 1, "election priority '" + stem + "' is not a practice");
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
        if (t.rfind("* ", 0) == 0 || names.empty())
          names.push_back(trim(t.rfind("* ", 0) == 0 ? t.substr(2) : t));
        else
          names.back() += " " + t;
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
            g.warn(doc->source(), 0,
                   "Handbook " + number + ": '" + name + "' taken as '" + stem + "', the practice whose page lists it");
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
    if (p.handbook.size() != before)
      g.warn("bp/" + p.id + ".rst", 0, "Handbook numbers the appendix lacks were left out");
  }

  // Glossary and acronyms.
  const auto read_glossary = [&](const char* file,
                                 const std::function<void(const std::string&, std::vector<std::string>)>& add) {
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
    GlossaryEntry entry{term, "", {}};
    entry.definition = plain_with_links(g.docs.at("glossary.rst"), text, entry.links);
    data.glossary.push_back(std::move(entry));
  });
  read_glossary("acronyms.rst", [&](const std::string& term, std::vector<std::string> lines) {
    for (const auto& l : lines) data.acronyms.push_back({term, g.docs.at("acronyms.rst").plain(l)});
  });

  // Which release: the README or index may not say; the directory name often does.
  data.guide.title = "Essential Guide to Election Security";
  data.guide.version = fs::path(directory).lexically_normal().filename().string();
  if (data.guide.version.empty())
    data.guide.version = fs::path(directory).lexically_normal().parent_path().filename().string();
  if (const std::string v = detail::first_version(data.guide.version); !v.empty()) data.guide.version = v;

  // Worksheet actions and priorities must name actions that exist (validation checks the rest).
  for (auto& w : data.priorities.level1_baseline)
    w.actions.erase(
        std::remove_if(w.actions.begin(), w.actions.end(), [&](const std::string& a) { return !action_ids.count(a); }),
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
