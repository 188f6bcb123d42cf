#include <electsec/assessment_json.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/maturity.hpp>
#include <electsec/oscal.hpp>
#include <electsec/plan.hpp>
#include <electsec/report.hpp>
#include <electsec/results_json.hpp>
#include <electsec/rst_import.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/search.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>
#include <electsec/version.hpp>

#include "format.hpp"
#include "io/atomic_file.hpp"
#include "io/json_codec.hpp"
#include "text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace electsec {

namespace {

using detail::json;
using detail::Table;

/// A mistake in how the command was called (exit code 2).
struct UsageError {
  std::string message;
};

enum class Format { table, json, csv, markdown, oscal_catalog, oscal_profile, oscal_assessment_results, html };

// Options that take no value.
const std::vector<std::string> flag_options = {"force", "with-guidance", "save", "recursive", "skip-invalid"};

// Exit code of a rollup that succeeded on the files it could read and skipped others.
constexpr int exit_skipped = 4;

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::vector<std::string> flags;
  bool help = false;

  bool flag(const std::string& name) const {
    return std::find(flags.begin(), flags.end(), name) != flags.end();
  }

  std::optional<std::string> option(const std::string& name) const {
    const auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
  }
};

/// The streams a command reads and writes; `interactive` when `in` is a terminal.
struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;  // warnings; errors are reported by run_cli itself
  bool interactive;
  int exit_code = 0;  // a command that succeeded only in part sets it
};

struct Command;
using Runner = void (*)(const Command&, const Catalog&, const Args&, Format, Io&);

struct Command {
  const char* name;
  const char* summary;
  const char* usage;    // after "electsec "
  const char* details;  // option lines for --help
  std::vector<std::string> options;  // options that take a value, besides --format
  std::size_t min_positional;
  std::size_t max_positional;
  std::vector<Format> formats;
  Runner run;
};

const char* format_name(Format f) {
  switch (f) {
    case Format::table: return "table";
    case Format::json: return "json";
    case Format::csv: return "csv";
    case Format::markdown: return "markdown";
    case Format::oscal_catalog: return "oscal-catalog";
    case Format::oscal_profile: return "oscal-profile";
    case Format::html: return "html";
    default: return "oscal-assessment-results";
  }
}

std::string groups_text(const Safeguard& s) {
  std::vector<std::string> out;
  for (auto g : s.implementation_groups) out.emplace_back(to_string(g));
  return detail::join(out, " ");
}

std::string maturity_tag(const std::optional<Maturity>& m) { return m ? level_name(*m) : ""; }

// The block of an action id ("l1", "all", ...) in words.
std::string block_title(const Action& a) {
  if (a.levels.size() == 3) return "All levels";
  std::vector<std::string> names;
  for (auto m : a.levels) names.emplace_back(to_string(m));
  return (a.levels.size() == 1 ? "Level " : "Levels ") + detail::join(names, " and ");
}

template <typename T>
const T& deref(const T& item) { return item; }
template <typename T>
const T& deref(const T* item) { return *item; }

// A JSON array of the items (values or pointers to them) in the catalog format.
template <typename T>
void write_json_items(std::ostream& out, const std::vector<T>& items) {
  json list = json::array();
  for (const auto& item : items) list.push_back(detail::encode(deref(item)));
  out << list.dump(2) << '\n';
}

void write_rows(std::ostream& out, Format f, const Table& t, const char* noun) {
  if (f == Format::csv) return detail::write_csv(out, t);
  detail::write_table(out, t);
  out << t.rows.size() << ' ' << noun << '\n';
}

int parse_int_option(const Args& a, const std::string& name, int lo, int hi) {
  const std::string text = *a.option(name);
  int value = 0;
  try {
    std::size_t used = 0;
    value = std::stoi(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
  } catch (const std::exception&) {
    throw UsageError{"--" + name + " expects a number, not '" + text + "'"};
  }
  if (value < lo || value > hi)
    throw UsageError{"--" + name + " must be between " + std::to_string(lo) + " and " +
                     std::to_string(hi) + ", not " + text};
  return value;
}

int parse_int_option_text(const std::string& text, const std::string& what) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  throw UsageError{what + " must be a number, not '" + text + "'"};
}

template <typename F>
auto parse_enum_option(const Args& a, const std::string& name, F parse) {
  try {
    return parse(*a.option(name));
  } catch (const Error& e) {
    throw UsageError{"--" + name + ": " + e.what()};
  }
}

Table safeguard_rows(const std::vector<const Safeguard*>& list, Format f) {
  Table t;
  if (f == Format::csv)
    t.headers = {"id", "control", "title", "asset_type", "security_function",
                 "implementation_groups", "depends_on"};
  else
    t.headers = {"ID", "IGs", "Asset type", "Function", "Title"};
  for (const Safeguard* s : list) {
    if (f == Format::csv)
      t.rows.push_back({s->id, std::to_string(s->control), s->title, std::string(to_string(s->asset_type)),
                        std::string(to_string(s->security_function)), groups_text(*s),
                        detail::join(s->depends_on, " ")});
    else
      t.rows.push_back({s->id, groups_text(*s), std::string(to_string(s->asset_type)),
                        std::string(to_string(s->security_function)), s->title});
  }
  return t;
}

void run_controls(const Command&, const Catalog& c, const Args&, Format f, Io& io) {
  std::ostream& out = io.out;
  if (f == Format::json) return write_json_items(out, c.controls());
  Table t;
  t.headers = f == Format::csv ? std::vector<std::string>{"id", "title", "safeguards"}
                               : std::vector<std::string>{"ID", "Safeguards", "Title"};
  for (const auto& control : c.controls()) {
    SafeguardFilter filter;
    filter.control = control.id;
    const std::string count = std::to_string(c.safeguards(filter).size());
    if (f == Format::csv)
      t.rows.push_back({std::to_string(control.id), control.title, count});
    else
      t.rows.push_back({std::to_string(control.id), count, control.title});
  }
  write_rows(out, f, t, "controls");
}

void run_safeguards(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  SafeguardFilter filter;
  if (a.option("ig")) filter.ig = parse_enum_option(a, "ig", parse_implementation_group);
  if (a.option("control")) filter.control = parse_int_option(a, "control", 1, 1000);
  if (a.option("asset-type")) filter.asset_type = parse_enum_option(a, "asset-type", parse_asset_type);
  if (a.option("function"))
    filter.function = parse_enum_option(a, "function", parse_security_function);
  const auto list = c.safeguards(filter);
  if (f == Format::json) return write_json_items(out, list);
  write_rows(out, f, safeguard_rows(list, f), "safeguards");
}

void run_safeguard(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Safeguard& s = c.safeguard(a.positional[1]);
  if (f == Format::json) {
    out << detail::encode(s).dump(2) << '\n';
    return;
  }
  if (f == Format::csv) return detail::write_csv(out, safeguard_rows({&s}, f));
  const Control& control = c.control(s.control);
  out << "Safeguard " << s.id << ": " << s.title << '\n'
      << "  Control:        " << control.id << ' ' << control.title << '\n'
      << "  Asset type:     " << to_string(s.asset_type) << '\n'
      << "  Function:       " << to_string(s.security_function) << '\n'
      << "  IGs:            " << groups_text(s) << '\n'
      << "  Depends on:     " << (s.depends_on.empty() ? "-" : detail::join(s.depends_on, ", ")) << '\n';
  const auto& mapped = c.practices_of_safeguard(s.id);
  out << (mapped.empty() ? "  Best practices: none map to it\n" : "  Best practices:\n");
  for (const auto& m : mapped)
    out << "    " << m.practice->id << " (" << m.practice->title << ")"
        << (m.maturity ? ", " + level_name(*m.maturity) : std::string()) << '\n';
}

void run_practices(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  PracticeFilter filter;
  if (a.option("maturity")) filter.maturity = parse_enum_option(a, "maturity", parse_maturity);
  if (a.option("scope")) filter.scope = parse_enum_option(a, "scope", parse_scope);
  const auto list = c.practices(filter);
  if (f == Format::json) return write_json_items(out, list);
  Table t;
  t.headers = f == Format::csv
                  ? std::vector<std::string>{"id", "order", "title", "scope_level1", "scope_level2",
                                             "scope_level3", "actions", "safeguards"}
                  : std::vector<std::string>{"#", "ID", "Level 1", "Level 2", "Level 3", "Title"};
  for (const Practice* p : list) {
    const std::string s1(to_string(p->scopes[0])), s2(to_string(p->scopes[1])),
        s3(to_string(p->scopes[2]));
    if (f == Format::csv)
      t.rows.push_back({p->id, std::to_string(p->order), p->title, s1, s2, s3,
                        std::to_string(p->actions.size()), std::to_string(p->safeguards.size())});
    else
      t.rows.push_back({std::to_string(p->order), p->id, s1, s2, s3, p->title});
  }
  write_rows(out, f, t, "practices");
}

void run_actions(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::optional<Maturity> m;
  if (a.option("maturity")) m = parse_enum_option(a, "maturity", parse_maturity);
  std::vector<const Practice*> practices;
  if (const auto id = a.option("practice")) practices.push_back(&c.practice(*id));
  else for (const auto& p : c.practices()) practices.push_back(&p);
  std::vector<std::pair<const Practice*, const Action*>> rows;
  for (const Practice* p : practices) {
    if (m) {
      for (const Action* action : c.applicable_actions(p->id, *m)) rows.emplace_back(p, action);
    } else {
      for (const auto& action : p->actions) rows.emplace_back(p, &action);
    }
  }
  if (f == Format::json) {
    json list = json::array();
    for (const auto& [p, action] : rows) list.push_back(detail::encode(*action));
    out << list.dump(2) << '\n';
    return;
  }
  Table t{f == Format::csv ? std::vector<std::string>{"id", "practice", "levels", "group", "text"}
                           : std::vector<std::string>{"ID", "Levels", "Text"},
          {}};
  for (const auto& [p, action] : rows) {
    std::vector<std::string> levels;
    for (auto l : action->levels) levels.emplace_back(to_string(l));
    if (f == Format::csv)
      t.rows.push_back({action->id, p->id, detail::join(levels, " "), action->group.value_or(""), action->text});
    else
      t.rows.push_back({action->id, detail::join(levels, " "), action->text});
  }
  write_rows(out, f, t, "actions");
}

// A document goes to -o FILE (atomically) or to standard output.
// True when `path` is this process's standard output under another name (/dev/stdout,
// /dev/fd/1, /proc/self/fd/1): the document then goes to the output stream itself, so it
// cannot be interleaved with, or overwritten by, what the command prints.
bool is_standard_output(const std::string& path) {
  struct stat named {}, out {};
  return ::stat(path.c_str(), &named) == 0 && ::fstat(STDOUT_FILENO, &out) == 0 && named.st_dev == out.st_dev &&
         named.st_ino == out.st_ino;
}

// A document goes to -o FILE (atomically) or to standard output; `summary` follows
// "wrote FILE" when it goes to a file.
void write_result(const Args& a, Io& io, const std::string& text, const std::string& summary = "") {
  const auto output = a.option("output");
  if (!output || *output == "-" || is_standard_output(*output)) {
    io.out << text;
    return;
  }
  detail::write_file_atomically(*output, text);
  io.out << "wrote " << *output << summary << '\n';
}

void run_export(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  OscalOptions options;
  if (const auto ts = a.option("timestamp")) {
    if (!is_iso_timestamp(*ts) || ts->size() == 10)
      throw UsageError{"--timestamp must be a UTC date-time such as 2026-01-01T00:00:00Z, not '" + *ts + "'"};
    options.timestamp = *ts;
  }
  std::string text;
  if (f == Format::oscal_catalog) {
    text = to_oscal_catalog(c, options);
  } else if (f == Format::oscal_profile) {
    if (!a.option("maturity")) throw UsageError{"--format oscal-profile needs --maturity N"};
    text = to_oscal_profile(c, parse_enum_option(a, "maturity", parse_maturity), options);
  } else {
    if (!a.option("assessment")) throw UsageError{"--format oscal-assessment-results needs --assessment FILE"};
    text = to_oscal_assessment_results(c, load_assessment(*a.option("assessment"), c), options);
  }
  write_result(a, io, text);
}

void run_report(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::string text;
  if (const auto file = a.option("assessment")) {
    if (a.option("rollup") || a.positional.size() > 1) throw UsageError{"report takes --assessment FILE or --rollup FILE|DIR..., not both"};
    const Assessment x = load_assessment(*file, c);
    text = f == Format::html ? office_report_html(c, x) : office_report_markdown(c, x);
  } else if (const auto first = a.option("rollup")) {
    std::vector<std::string> paths{*first};
    paths.insert(paths.end(), a.positional.begin() + 1, a.positional.end());
    const Rollup r = rollup_files(c, paths);
    text = f == Format::html ? rollup_report_html(c, r) : rollup_report_markdown(c, r);
  } else {
    throw UsageError{"report needs --assessment FILE or --rollup FILE|DIR..."};
  }
  write_result(a, io, text);
}

void show_practice_text(const Catalog& c, const Practice& p, std::ostream& out) {
  out << p.title << " (" << p.id << "), practice " << p.order << " of " << c.practices().size()
      << '\n';
  for (Maturity m : all_maturities)
    out << (m == Maturity::level1 ? "  " : "   ") << level_name(m) << ": " << to_string(p.scope_at(m));
  out << "\n\n";
  if (!p.summary.empty()) out << p.summary << "\n\n";
  if (!p.goals.empty()) {
    out << "Goals\n";
    for (std::size_t i = 0; i < p.goals.size(); ++i)
      out << "  " << i + 1 << ". " << p.goals[i].text
          << (p.goals[i].maturity ? " (" + level_name(*p.goals[i].maturity) + ")" : std::string())
          << '\n';
    out << '\n';
  }
  if (!p.actions.empty()) {
    out << "Actions\n";
    std::string heading;
    for (const auto& a : p.actions) {
      const std::string h = block_title(a) + (a.group ? ", " + *a.group : std::string());
      if (h != heading) out << "  " << (heading = h) << '\n';
      out << "    - " << a.text << "  [" << a.id << "]\n";
    }
    out << '\n';
  }
  if (!p.tools.empty()) {
    out << "Cost-effective tools\n";
    for (const auto& t : p.tools)
      out << "  - " << t.name << " <" << t.url << ">" << (t.description.empty() ? "" : ": ")
          << t.description << '\n';
    out << '\n';
  }
  if (!p.learn_more.empty()) {
    out << "Learn more\n";
    for (const auto& l : p.learn_more) out << "  - " << l.title << " <" << l.url << ">\n";
    out << '\n';
  }
  out << "CIS Safeguards\n";
  const auto& mapped = c.safeguards_of_practice(p.id);
  if (mapped.empty()) out << "  none\n";
  for (const auto& m : mapped)
    out << "  " << m.safeguard->id << "  " << m.safeguard->title
        << (m.maturity ? " (" + maturity_tag(m.maturity) + ")" : std::string()) << '\n';
  const auto& guidance = c.recommendations_of_practice(p.id);
  if (!guidance.empty()) {
    out << "\nRelated guidance\n";
    for (const Recommendation* r : guidance)
      for (const auto& rp : r->practices)
        if (rp.practice == p.id)
          out << "  " << r->id << "  " << r->title << " (" << r->audience << "): " << rp.reason << '\n';
  }
  std::vector<std::string> numbers;
  for (int n : p.handbook) numbers.push_back(std::to_string(n));
  out << "\n2018 Handbook practices: " << (numbers.empty() ? "none" : detail::join(numbers, ", "))
      << '\n';
}

void run_show(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Practice& p = c.practice(a.positional[1]);
  if (f == Format::json) {
    out << detail::encode(p).dump(2) << '\n';
    return;
  }
  if (f == Format::table) return show_practice_text(c, p, out);
  Table t;
  t.headers = {"id", "levels", "group", "text"};
  for (const auto& action : p.actions) {
    std::vector<std::string> levels;
    for (auto m : action.levels) levels.emplace_back(to_string(m));
    t.rows.push_back({action.id, detail::join(levels, " "), action.group.value_or(""), action.text});
  }
  detail::write_csv(out, t);
}

void run_catalog(const Command&, const Catalog& c, const Args&, Format f, Io& io) {
  std::ostream& out = io.out;
  if (f == Format::json) {
    out << to_json(c);
    return;
  }
  std::size_t actions = 0, goals = 0;
  for (const auto& p : c.practices()) {
    actions += p.actions.size();
    goals += p.goals.size();
  }
  const auto row = [](std::string what, std::size_t n) {
    return std::vector<std::string>{std::move(what), std::to_string(n)};
  };
  Table t;
  t.headers = {"Content", "Count"};
  t.rows = {row("best practices", c.practices().size()),
            row("goals", goals),
            row("actions", actions),
            row("maturity statements", c.maturity_statements().size()),
            row("CIS Controls", c.controls().size()),
            row("CIS Safeguards", c.safeguards().size()),
            row("Level 1 worksheets", c.priorities().level1_baseline.size()),
            row("CDM-ranked Safeguards", c.priorities().cdm_ranking.size()),
            row("2018 Handbook practices", c.handbook().size()),
            row("glossary terms", c.glossary().size()),
            row("acronyms", c.acronyms().size()),
            row("guidance recommendations", c.guidance().recommendations.size())};
  out << c.guide().title << ", version " << c.guide().version << "\n\n";
  detail::write_table(out, t);
}


std::string practice_ids(const std::vector<const Practice*>& list) {
  std::vector<std::string> ids;
  for (const Practice* p : list) ids.push_back(p->id);
  return detail::join(ids, " ");
}

void run_handbook(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  if (a.positional.size() == 2) {
    const int number = parse_int_option_text(a.positional[1], "Handbook practice number");
    const HandbookPractice& h = c.handbook_practice(number);
    if (f == Format::json) {
      out << detail::encode(h).dump(2) << '\n';
      return;
    }
    const auto mapped = c.practices_of_handbook(number);
    if (f == Format::csv) {
      Table t{{"number", "title", "practices"}, {{std::to_string(h.number), h.title, practice_ids(mapped)}}};
      return detail::write_csv(out, t);
    }
    out << "2018 Handbook practice " << h.number << ": " << h.title << '\n';
    out << "  EGES practices (guide's appendix):" << (mapped.empty() ? " none" : "") << '\n';
    for (const Practice* p : mapped) out << "    " << p->id << " (" << p->title << ")\n";
    std::vector<std::string> pages;
    for (const auto& p : c.practices())
      if (std::find(p.handbook.begin(), p.handbook.end(), number) != p.handbook.end() &&
          std::find(mapped.begin(), mapped.end(), &p) == mapped.end())
        pages.push_back(p.id);
    if (!pages.empty())
      out << "  Also listed on the page of: " << detail::join(pages, ", ") << '\n';
    return;
  }
  if (f == Format::json) return write_json_items(out, c.handbook());
  Table t;
  t.headers = f == Format::csv ? std::vector<std::string>{"number", "title", "practices"}
                               : std::vector<std::string>{"#", "EGES practices", "Title"};
  for (const auto& h : c.handbook()) {
    const std::string ids = practice_ids(c.practices_of_handbook(h.number));
    if (f == Format::csv)
      t.rows.push_back({std::to_string(h.number), h.title, ids});
    else
      t.rows.push_back({std::to_string(h.number), ids.empty() ? "-" : ids, h.title});
  }
  write_rows(out, f, t, "Handbook practices");
}

void run_glossary(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  if (a.positional.size() == 2) {
    const std::string& term = a.positional[1];
    // A term may be a glossary entry, an acronym, or both; an unknown one names the
    // closest of either kind.
    std::vector<GlossaryEntry> found;
    try {
      found.push_back(c.glossary_entry(term));
    } catch (const NotFound&) {
    }
    std::vector<Acronym> acronyms;
    for (const auto& x : c.acronyms())
      if (detail::lower_case(x.term) == detail::lower_case(term)) acronyms.push_back(x);
    if (found.empty() && acronyms.empty()) {
      std::vector<std::string> terms;
      for (const auto& g : c.glossary()) terms.push_back(g.term);
      for (const auto& x : c.acronyms()) terms.push_back(x.term);
      throw NotFound("term", term, detail::closest(term, terms));
    }
    if (f == Format::json) {
      json o = json::object();
      o["glossary"] = json::array();
      for (const auto& g : found) o["glossary"].push_back(detail::encode(g));
      o["acronyms"] = json::array();
      for (const auto& x : acronyms) o["acronyms"].push_back(detail::encode(x));
      out << o.dump(2) << '\n';
      return;
    }
    Table t{{"term", "kind", "text"}, {}};
    for (const auto& g : found) t.rows.push_back({g.term, "definition", g.definition});
    for (const auto& x : acronyms) t.rows.push_back({x.term, "acronym", x.expansion});
    if (f == Format::csv) return detail::write_csv(out, t);
    for (const auto& row : t.rows) out << row[0] << (row[1] == "acronym" ? " stands for: " : ": ") << row[2] << '\n';
    return;
  }
  if (f == Format::json) return write_json_items(out, c.glossary());
  Table t{f == Format::csv ? std::vector<std::string>{"term", "definition"}
                           : std::vector<std::string>{"Term", "Definition"},
          {}};
  for (const auto& g : c.glossary()) t.rows.push_back({g.term, g.definition});
  write_rows(out, f, t, "terms");
}

void run_acronyms(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::vector<Acronym> list;
  if (a.positional.size() == 2) {
    const auto expansions = c.acronym_expansions(a.positional[1]);  // throws NotFound
    for (const auto& x : c.acronyms())
      if (detail::lower_case(x.term) == detail::lower_case(a.positional[1])) list.push_back(x);
  } else {
    list = c.acronyms();
  }
  if (f == Format::json) return write_json_items(out, list);
  Table t{f == Format::csv ? std::vector<std::string>{"term", "expansion"}
                           : std::vector<std::string>{"Acronym", "Stands for"},
          {}};
  for (const auto& x : list) t.rows.push_back({x.term, x.expansion});
  write_rows(out, f, t, "expansions");
}

void run_statements(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::vector<MaturityStatement> list;
  if (a.option("maturity")) {
    for (const auto* s : c.maturity_statements(parse_enum_option(a, "maturity", parse_maturity)))
      list.push_back(*s);
  } else {
    list = c.maturity_statements();
  }
  if (f == Format::json) return write_json_items(out, list);
  Table t{f == Format::csv ? std::vector<std::string>{"id", "level", "text"}
                           : std::vector<std::string>{"ID", "Level", "Statement"},
          {}};
  for (const auto& s : list) t.rows.push_back({s.id, std::string(to_string(s.level)), s.text});
  write_rows(out, f, t, "statements");
}

void run_priorities(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Priorities& pr = c.priorities();
  std::optional<Maturity> m;
  if (a.option("maturity")) m = parse_enum_option(a, "maturity", parse_maturity);
  const bool level1 = !m || *m == Maturity::level1;
  const bool higher = !m || *m != Maturity::level1;
  if (f == Format::json) {
    json o = json::object();
    const json all = detail::encode(pr);
    if (level1) {
      o["level1_baseline"] = all["level1_baseline"];
      o["level1_election"] = all["level1_election"];
    }
    if (higher) o["cdm_ranking"] = all["cdm_ranking"];
    out << o.dump(2) << '\n';
    return;
  }
  // One table for every format: kind, position, what, and the practice/actions it concerns.
  Table t{f == Format::csv ? std::vector<std::string>{"list", "position", "id", "name", "practice", "actions"}
                           : std::vector<std::string>{"List", "#", "ID", "Practice", "Name"},
          {}};
  const auto add = [&](std::string list, std::size_t pos, std::string id, std::string name,
                       std::string practice, std::string actions) {
    if (f == Format::csv)
      t.rows.push_back({list, std::to_string(pos), id, name, practice, actions});
    else
      t.rows.push_back({list, std::to_string(pos), id, practice, name});
  };
  if (level1) {
    for (std::size_t i = 0; i < pr.level1_baseline.size(); ++i) {
      const Worksheet& w = pr.level1_baseline[i];
      std::vector<std::string> practices;
      for (const auto& action : w.actions) {
        const std::string pid = c.practice_of_action(action).id;
        if (std::find(practices.begin(), practices.end(), pid) == practices.end()) practices.push_back(pid);
      }
      add("level1_baseline", i + 1, w.id, w.name + " (" + w.group + ")", detail::join(practices, " "),
          detail::join(w.actions, " "));
    }
    for (std::size_t i = 0; i < pr.level1_election.size(); ++i) {
      const Practice& p = c.practice(pr.level1_election[i]);
      add("level1_election", i + 1, p.id, p.title, p.id, "");
    }
  }
  if (higher)
    for (const auto& r : pr.cdm_ranking)
      add("cdm_ranking", static_cast<std::size_t>(r.rank), r.safeguard, c.safeguard(r.safeguard).title,
          r.practice, "");
  write_rows(out, f, t, "entries");
}

std::string percent(double x) { return std::to_string(static_cast<int>(x * 100 + 0.5)) + "%"; }

// ---- maturity ----

MaturityAnswers ask(const Catalog& c, Io& io) {
  MaturityAnswers answers;
  io.out << "For each statement, answer y (it applies to your office), n (it does not) or s (skip).\n";
  for (const auto& s : c.maturity_statements()) {
    while (true) {
      io.out << "\n[" << s.id << "] " << s.text << "\n  applies? (y/n/s): " << std::flush;
      std::string line;
      if (!std::getline(io.in, line)) {
        io.out << "\n(input ended; the remaining statements are skipped)\n";
        return answers;
      }
      const std::string reply = detail::lower_case(line);
      if (reply == "y" || reply == "yes") answers[s.id] = true;
      else if (reply == "n" || reply == "no") answers[s.id] = false;
      else if (!(reply.empty() || reply == "s" || reply == "skip")) {
        io.out << "  please answer y, n or s";
        continue;
      }
      break;
    }
  }
  return answers;
}

void write_maturity(const MaturityResult& r, Format f, std::ostream& out) {
  if (f == Format::json) {
    out << to_json(r) << '\n';
    return;
  }
  out << "Maturity: " << level_name(r.level) << (r.conflict ? " (answers conflict)" : "")
      << (r.unsure ? " (too few answers: unsure)" : "") << "\n\n" << r.rationale << '\n';
}

// Answers from --answers FILE ('-': standard input), else asked on a terminal, else none.
std::optional<MaturityAnswers> answers_option(const Catalog& c, const Args& a, Io& io) {
  if (const auto file = a.option("answers")) {
    if (*file != "-") return load_answers(*file, c);
    std::string text;
    text.assign(std::istreambuf_iterator<char>(io.in), std::istreambuf_iterator<char>());
    if (text.size() > max_input_bytes) throw Error("<stdin>: answers over the size limit");
    return parse_answers(text, c, "<stdin>");
  }
  if (io.interactive) {
    MaturityAnswers answers = ask(c, io);
    io.out << '\n';
    return answers;
  }
  return std::nullopt;
}

void write_level_change(const std::string& file, Maturity from, Maturity to, const std::vector<std::string>& no_longer,
                        std::ostream& out) {
  out << file << ": " << level_name(from) << " -> " << level_name(to) << "; every status kept";
  if (no_longer.empty()) {
    out << '\n';
    return;
  }
  out << "; " << no_longer.size() << " recorded actions no longer apply (kept, and counted again at "
      << level_name(from) << "):\n";
  for (const auto& id : no_longer) out << "  " << id << '\n';
}

void run_maturity(const Command& cmd, const Catalog& c, const Args& a, Format f, Io& io) {
  const auto assessment_file = a.option("assessment");
  if (a.flag("save") && !assessment_file) throw UsageError{"maturity --save needs --assessment FILE"};
  std::optional<Assessment> stored;
  if (assessment_file) stored = load_assessment(*assessment_file, c);  // a bad file is an error even without --save
  const std::optional<MaturityAnswers> given = answers_option(c, a, io);
  if (!given && !stored)
    throw UsageError{std::string("maturity needs --answers FILE (or -) when standard input is not a terminal (usage: electsec ") +
                     cmd.usage + ")"};
  // Answers given replace the office's answers to the same statements; its others stay.
  const auto merged = [&](MaturityAnswers base) {
    if (given)
      for (const auto& [id, yes] : *given) base[id] = yes;
    return base;
  };
  const MaturityAnswers answers = merged(stored ? stored->answers : MaturityAnswers{});
  if (!a.flag("save")) {
    write_maturity(determine_maturity(c, answers), f, io.out);
    return;
  }
  if (answers.empty())
    throw Error(*assessment_file + ": no answers to save (give --answers FILE, or answer the questionnaire on a terminal)");
  Maturity before = Maturity::level1;
  std::optional<MaturityResult> result;
  std::vector<std::string> no_longer;
  update_assessment(*assessment_file, c, [&](Assessment& x) {
    before = x.maturity;
    x.answers = merged(x.answers);
    result = determine_maturity(c, x.answers);
    no_longer = x.set_level(c, result->level);
  });
  write_maturity(*result, f, io.out);
  std::ostream& note = f == Format::json ? io.err : io.out;
  note << (f == Format::json ? "" : "\n") << "saved the answers in ";
  write_level_change(*assessment_file, before, result->level, no_longer, note);
}

// ---- plan ----

void run_plan(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::optional<Assessment> assessment;
  if (const auto file = a.option("assessment")) assessment = load_assessment(*file, c);
  Maturity m;
  if (a.option("maturity"))
    m = parse_enum_option(a, "maturity", parse_maturity);
  else if (assessment)
    m = assessment->maturity;
  else
    throw UsageError{"plan needs --maturity N or --assessment FILE"};
  const Plan plan = build_plan(c, m, assessment ? &*assessment : nullptr);
  const bool with_guidance = a.flag("with-guidance");
  const auto guidance_of = [&](const PlanStep& s) {
    std::vector<std::string> ids;
    if (s.kind == StepKind::practice)
      for (const Recommendation* r : c.recommendations_of_practice(s.practice)) ids.push_back(r->id);
    return ids;
  };
  if (f == Format::json) {
    if (!with_guidance) {
      out << to_json(plan) << '\n';
      return;
    }
    json doc = json::parse(to_json(plan));
    if (with_guidance)
      for (std::size_t i = 0; i < plan.steps.size(); ++i) doc["steps"][i]["guidance"] = guidance_of(plan.steps[i]);
    out << doc.dump(2) << '\n';
    return;
  }
  if (f == Format::csv) {
    Table t{{"rank", "kind", "id", "practice", "action", "reason"}, {}};
    for (const auto& s : plan.steps)
      for (const auto& action : s.actions)
        t.rows.push_back({std::to_string(s.rank), std::string(to_string(s.kind)), s.id, s.practice, action, s.reason});
    return detail::write_csv(out, t);
  }
  const auto title = [&](const PlanStep& s) {
    return s.kind == StepKind::worksheet ? c.worksheet(s.id).name + " worksheet" : c.practice(s.id).title;
  };
  if (f == Format::markdown) {
    out << "# Plan for an office at " << level_name(m) << "\n";
    for (const auto& s : plan.steps) {
      out << "\n## " << s.rank << ". " << title(s) << "\n\n*" << s.reason << "*\n\n";
      for (const auto& action : s.actions) out << "- [ ] " << c.action(action).text << " (`" << action << "`)\n";
      if (with_guidance)
        for (const auto& id : guidance_of(s))
          out << "- Related guidance: " << c.recommendation(id).title << " (`" << id << "`)\n";
    }
    return;
  }
  Table t{{"#", "Step", "Actions", "Why"}, {}};
  for (const auto& s : plan.steps) t.rows.push_back({std::to_string(s.rank), title(s), std::to_string(s.actions.size()), s.reason});
  out << "Plan for an office at " << level_name(m) << "\n\n";
  write_rows(out, f, t, "steps");
  if (a.flag("with-guidance")) {
    out << "\nRelated guidance\n";
    for (const auto& s : plan.steps)
      if (s.kind == StepKind::practice)
        for (const Recommendation* r : c.recommendations_of_practice(s.practice))
          out << "  step " << s.rank << ": " << r->id << "  " << r->title << " (" << r->audience << ")\n";
  }
}

Catalog catalog_from(const std::string& spec, std::ostream* warnings_to);

// ---- assessments ----

void write_scorecard(const Catalog& c, const Scorecard& card, Format f, std::ostream& out) {
  if (f == Format::json) {
    out << to_json(card) << '\n';
    return;
  }
  Table t{f == Format::csv ? std::vector<std::string>{"id", "scope", "actions_applicable", "actions_done",
                                                      "actions_in_progress", "completion"}
                           : std::vector<std::string>{"Practice", "Scope", "Done", "In progress", "Applicable", "Complete"},
          {}};
  for (const auto& p : card.practices) {
    if (f == Format::csv)
      t.rows.push_back({p.practice, std::string(to_string(p.scope)), std::to_string(p.actions_applicable),
                        std::to_string(p.actions_done), std::to_string(p.actions_in_progress), std::to_string(p.completion)});
    else
      t.rows.push_back({c.practice(p.practice).title, std::string(to_string(p.scope)), std::to_string(p.actions_done),
                        std::to_string(p.actions_in_progress), std::to_string(p.actions_applicable), percent(p.completion)});
  }
  if (f == Format::csv) return detail::write_csv(out, t);
  out << card.jurisdiction.name << " (" << card.jurisdiction.id << "), " << level_name(card.maturity) << ": "
      << card.actions_done << " of " << card.actions_applicable << " applicable actions done ("
      << percent(card.completion) << "), " << card.actions_in_progress << " in progress; priority practices "
      << (card.priorities_complete ? "complete" : "not yet complete") << "\n\n";
  detail::write_table(out, t);
}

const char* const assess_usage =
    "assess init FILE --id ID --name NAME --state STATE --kind KIND (--maturity N | --answers FILE|-) [--force]\n"
    "       electsec assess set FILE ACTION_ID... STATUS [--practice ID] [--note TEXT] [--date DATE]\n"
    "       electsec assess level FILE N\n"
    "       electsec assess show FILE [--practice ID] [--status S] [--format table|json|csv|markdown]\n"
    "       electsec assess import FILE CSV\n"
    "       electsec assess score FILE [--format table|json|csv]\n"
    "       electsec assess migrate FILE --to CATALOG";

Status status_argument(const std::string& text) {
  try {
    return parse_status(text);
  } catch (const Error& e) {
    throw UsageError{e.what()};
  }
}

void assess_init(const Catalog& c, const Args& a, Io& io) {
  const std::string& file = a.positional[2];
  for (const char* field : {"id", "name", "state", "kind"})
    if (!a.option(field)) throw UsageError{std::string("assess init needs --") + field};
  if (!a.option("maturity") && !a.option("answers"))
    throw UsageError{"assess init needs --maturity N, or --answers FILE to determine it"};
  Assessment x;
  x.jurisdiction = {*a.option("id"), *a.option("name"), *a.option("state"),
                    parse_enum_option(a, "kind", parse_jurisdiction_kind)};
  x.catalog_version = c.guide().version;
  if (a.option("answers")) {
    x.answers = *answers_option(c, a, io);
    x.maturity = determine_maturity(c, x.answers).level;
  }
  if (a.option("maturity")) x.maturity = parse_enum_option(a, "maturity", parse_maturity);
  if (a.flag("force")) {
    save_assessment(x, file, c);
  } else {
    try {
      create_assessment(x, file, c);
    } catch (const IoError& e) {
      const std::string what = e.what();
      if (what.size() < 16 || what.compare(what.size() - 16, 16, ": already exists") != 0) throw;
      throw Error(file + ": already exists; pass --force to overwrite it");
    }
  }
  io.out << "wrote " << file << ": " << x.jurisdiction.name << " at " << level_name(x.maturity) << '\n';
}

void assess_set(const Catalog& c, const Args& a, Io& io) {
  const std::string& file = a.positional[2];
  if (a.positional.size() < 4) throw UsageError{"usage: electsec assess set FILE ACTION_ID... STATUS [--practice ID]"};
  const Status status = status_argument(a.positional.back());
  std::vector<std::string> ids(a.positional.begin() + 3, a.positional.end() - 1);
  const auto practice = a.option("practice");
  if (ids.empty() && !practice) throw UsageError{"assess set needs at least one ACTION_ID or --practice ID"};
  if (practice) c.practice(*practice);  // NotFound for a typo, before anything else
  const std::optional<std::string> note = a.option("note");
  if (note && !detail::is_utf8(*note)) throw UsageError{"--note is not valid UTF-8 text"};
  const std::string date = a.option("date").value_or("");
  if (!date.empty() && !is_iso_timestamp(date))
    throw UsageError{"--date must be an ISO 8601 date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDThh:mm:ssZ), not '" +
                     date + "'"};
  update_assessment(file, c, [&](Assessment& x) {
    if (practice)
      for (const Action* action : c.applicable_actions(*practice, x.maturity))
        if (std::find(ids.begin(), ids.end(), action->id) == ids.end()) ids.push_back(action->id);
    for (const auto& id : ids) x.set(c, id, status, note, date);
  });
  for (const auto& id : ids) io.out << id << ": " << to_string(status) << '\n';
}

void assess_show(const Catalog& c, const Args& a, Format f, Io& io) {
  Assessment x = load_assessment(a.positional[2], c);
  const auto practice = a.option("practice");
  if (practice) c.practice(*practice);
  std::optional<Status> status;
  if (const auto s = a.option("status")) status = status_argument(*s);
  const std::size_t recorded = x.statuses.size();
  for (auto it = x.statuses.begin(); it != x.statuses.end();) {
    const bool keep = (!practice || c.practice_of_action(it->first).id == *practice) &&
                      (!status || it->second.status == *status);
    it = keep ? std::next(it) : x.statuses.erase(it);
  }
  if (f == Format::csv) {
    io.out << to_status_csv(x);
    return;
  }
  if (f == Format::json) {
    json doc = json::object();
    for (const auto& [id, st] : x.statuses)
      doc[id] = {{"status", std::string(to_string(st.status))}, {"note", st.note}, {"updated", st.updated}};
    io.out << doc.dump(2) << '\n';
    return;
  }
  if (f == Format::markdown) {
    io.out << "# " << markdown_escape(x.jurisdiction.name) << ": recorded statuses (" << level_name(x.maturity) << ")\n\n";
    if (x.statuses.empty()) io.out << "No status recorded yet.\n";
    else io.out << "| Action | Status | Updated | Note |\n| --- | --- | --- | --- |\n";
    for (const auto& [id, st] : x.statuses)
      io.out << "| `" << id << "` | " << to_string(st.status) << " | " << st.updated << " | "
             << markdown_escape(st.note) << " |\n";
    return;
  }
  Table t{{"Action", "Status", "Updated", "Note"}, {}};
  for (const auto& [id, st] : x.statuses) t.rows.push_back({id, std::string(to_string(st.status)), st.updated, st.note});
  io.out << printable(x.jurisdiction.name) << " (" << printable(x.jurisdiction.id) << "), " << level_name(x.maturity)
         << ": ";
  if (practice || status) io.out << x.statuses.size() << " of " << recorded << " recorded statuses shown\n\n";
  else io.out << recorded << " statuses recorded\n\n";
  detail::write_table(io.out, t);
}

void run_assess(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const std::string& sub = a.positional.size() > 1 ? a.positional[1] : std::string();
  const auto need = [&](std::size_t n, const char* usage) {
    if (a.positional.size() != n) throw UsageError{std::string("usage: electsec ") + usage};
  };
  const auto only = [&](std::initializer_list<const char*> allowed) {
    const auto allowed_name = [&](const std::string& name) {
      return std::any_of(allowed.begin(), allowed.end(), [&](const char* x) { return name == x; });
    };
    for (const auto& option : a.options)
      if (option.first != "format" && option.first != "catalog" && !allowed_name(option.first))
        throw UsageError{"'assess " + sub + "' has no option --" + option.first};
    for (const auto& flag : a.flags)
      if (!allowed_name(flag)) throw UsageError{"'assess " + sub + "' has no option --" + flag};
  };
  const auto formats = [&](std::initializer_list<Format> allowed) {
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end())
      throw UsageError{"'assess " + sub + "' does not support --format " + format_name(f)};
  };
  if (sub != "show" && sub != "score") formats({Format::table});
  if (sub == "init") {
    need(3, "assess init FILE --id ID --name NAME --state STATE --kind KIND (--maturity N | --answers FILE|-) [--force]");
    only({"id", "name", "state", "kind", "maturity", "answers", "force"});
    assess_init(c, a, io);
  } else if (sub == "set") {
    only({"note", "date", "practice"});
    if (a.positional.size() < 4) throw UsageError{"usage: electsec assess set FILE ACTION_ID... STATUS [--practice ID] [--note TEXT] [--date DATE]"};
    assess_set(c, a, io);
  } else if (sub == "level") {
    need(4, "assess level FILE N");
    only({});
    const std::string& file = a.positional[2];
    const Maturity to = [&] {
      try {
        return parse_maturity(a.positional[3]);
      } catch (const Error&) {
        throw UsageError{"assess level: the level must be 1, 2 or 3, not '" + a.positional[3] + "'"};
      }
    }();
    Maturity from = to;
    std::vector<std::string> no_longer;
    update_assessment(file, c, [&](Assessment& x) {
      from = x.maturity;
      no_longer = x.set_level(c, to);
    });
    write_level_change(file, from, to, no_longer, out);
  } else if (sub == "show") {
    need(3, "assess show FILE [--practice ID] [--status S] [--format table|json|csv|markdown]");
    only({"practice", "status"});
    assess_show(c, a, f, io);
  } else if (sub == "import") {
    need(4, "assess import FILE CSV");
    only({});
    const std::vector<StatusRow> rows = load_status_csv(a.positional[3], c);
    update_assessment(a.positional[2], c, [&](Assessment& x) {
      for (const auto& r : rows) x.set(c, r.action, r.status, r.note, r.updated);
    });
    out << a.positional[2] << ": " << rows.size() << " statuses set from " << a.positional[3] << '\n';
  } else if (sub == "migrate") {
    need(3, "assess migrate FILE --to CATALOG");
    only({"to"});
    if (!a.option("to")) throw UsageError{"assess migrate needs --to CATALOG (a catalog file, a guide folder or 'default')"};
    const std::string& file = a.positional[2];
    const Catalog target = catalog_from(*a.option("to"), &io.err);
    const Migration m = migrate_assessment_file(file, target);
    out << file << ": from " << m.from_version << " to " << m.assessment.catalog_version << ": kept " << m.kept.size() << " statuses";
    if (m.retired.empty()) {
      out << ", retired none\n";
    } else {
      out << ", retired " << m.retired.size() << " (kept in the file's \"retired\" section):\n";
      for (const auto& id : m.retired) out << "  " << id << '\n';
    }
  } else if (sub == "score") {
    need(3, "assess score FILE [--format table|json|csv]");
    only({});
    formats({Format::table, Format::json, Format::csv});
    write_scorecard(c, score(c, load_assessment(a.positional[2], c)), f, out);
  } else {
    throw UsageError{(sub.empty() ? std::string("'assess' needs a subcommand") : "unknown subcommand 'assess " + sub + "'") +
                     ": init, set, level, show, import, score or migrate (see electsec assess --help)"};
  }
}

// ---- rollup ----

void run_rollup(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const std::vector<std::string> paths(a.positional.begin() + 1, a.positional.end());
  RollupOptions options;
  options.threads = a.option("threads") ? static_cast<unsigned>(parse_int_option(a, "threads", 1, 256)) : 0;
  options.recursive = a.flag("recursive");
  options.skip_invalid = a.flag("skip-invalid");
  const FileRollup read = rollup_files(c, paths, options);
  if (!read.skipped.empty()) {
    io.err << "electsec: skipped " << read.skipped.size() << " files that do not load:\n";
    for (const auto& s : read.skipped) io.err << "  " << s.path << ": " << s.reason << '\n';
    io.exit_code = exit_skipped;
  }
  const Rollup& r = read.rollup;
  if (f == Format::json) {
    out << to_json(r) << '\n';
    return;
  }
  Table t{f == Format::csv ? std::vector<std::string>{"id", "actions_applicable", "actions_done", "completion", "offices_complete"}
                           : std::vector<std::string>{"Practice", "Done", "Applicable", "Complete", "Offices complete"},
          {}};
  for (const auto& p : r.practices) {
    if (f == Format::csv)
      t.rows.push_back({p.practice, std::to_string(p.actions_applicable), std::to_string(p.actions_done),
                        std::to_string(p.completion), std::to_string(p.offices_complete)});
    else if (p.actions_applicable > 0)
      t.rows.push_back({c.practice(p.practice).title, std::to_string(p.actions_done), std::to_string(p.actions_applicable),
                        percent(p.completion), std::to_string(p.offices_complete)});
  }
  if (f == Format::csv) return detail::write_csv(out, t);
  out << r.jurisdictions << " offices: " << r.maturity_distribution[0] << " at Level 1, " << r.maturity_distribution[1]
      << " at Level 2, " << r.maturity_distribution[2] << " at Level 3; " << r.actions_done << " of "
      << r.actions_applicable << " applicable actions done (" << percent(r.completion) << ")\n\n";
  detail::write_table(out, t);
  std::vector<std::string> least;
  for (const auto& id : r.least_complete) least.push_back(c.practice(id).title);
  out << "\nLeast complete: " << (least.empty() ? "-" : detail::join(least, "; ")) << '\n';
  out << "Furthest behind:";
  for (std::size_t i = 0; i < r.offices.size() && i < 5; ++i)
    out << (i ? ";" : "") << ' ' << r.offices[i].jurisdiction.name << " (" << percent(r.offices[i].completion) << ")";
  out << '\n';
}

// ---- guidance and search ----

void run_guidance(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  RecommendationFilter filter{a.option("source"), a.option("audience"), a.option("category"), a.option("practice")};
  if (filter.source) c.guidance_source(*filter.source);        // NotFound for a typo
  if (filter.practice) c.practice(*filter.practice);
  const auto list = c.recommendations(filter);
  if (f == Format::json) return write_json_items(out, list);
  Table t{f == Format::csv ? std::vector<std::string>{"id", "source", "audience", "category", "title", "text", "practices"}
                           : std::vector<std::string>{"ID", "Audience", "Title", "Practices"},
          {}};
  std::string category;
  for (const Recommendation* r : list) {
    std::vector<std::string> practices;
    for (const auto& rp : r->practices) practices.push_back(rp.practice);
    if (f == Format::csv)
      t.rows.push_back({r->id, r->source, r->audience, r->category, r->title, r->text, detail::join(practices, " ")});
    else
      t.rows.push_back({r->id, r->audience, r->title, practices.empty() ? "-" : detail::join(practices, " ")});
  }
  if (f == Format::csv) return detail::write_csv(out, t);
  // Grouped as the source groups them.
  std::vector<std::string> shown;
  for (const Recommendation* r : list) {
    const std::string group = c.guidance_source(r->source).title + " / " + r->category;
    if (std::find(shown.begin(), shown.end(), group) == shown.end()) shown.push_back(group);
  }
  for (const auto& group : shown) {
    out << group << '\n';
    Table part{t.headers, {}};
    for (std::size_t i = 0; i < list.size(); ++i)
      if (c.guidance_source(list[i]->source).title + " / " + list[i]->category == group) part.rows.push_back(t.rows[i]);
    detail::write_table(out, part);
    out << '\n';
  }
  out << list.size() << " recommendations\n";
}

void run_search(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  SearchOptions options;
  if (a.option("kind")) options.kind = parse_enum_option(a, "kind", parse_hit_kind);
  if (a.option("limit")) options.limit = static_cast<std::size_t>(parse_int_option(a, "limit", 1, 1000));
  std::string query;
  for (std::size_t i = 1; i < a.positional.size(); ++i) query += (i > 1 ? " " : "") + a.positional[i];
  const auto hits = search(c, query, options);
  if (f == Format::json) {
    json list = json::array();
    for (const auto& h : hits)
      list.push_back({{"kind", std::string(to_string(h.kind))},
                      {"id", h.id},
                      {"title", h.title},
                      {"practice", h.practice.empty() ? json(nullptr) : json(h.practice)},
                      {"score", h.score},
                      {"snippet", h.snippet}});
    out << list.dump(2) << '\n';
    return;
  }
  Table t{f == Format::csv ? std::vector<std::string>{"rank", "kind", "id", "title", "score", "snippet"}
                           : std::vector<std::string>{"#", "Kind", "ID", "Title", "Score"},
          {}};
  for (std::size_t i = 0; i < hits.size(); ++i) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", hits[i].score);
    if (f == Format::csv)
      t.rows.push_back({std::to_string(i + 1), std::string(to_string(hits[i].kind)), hits[i].id, hits[i].title, score,
                        hits[i].snippet});
    else
      t.rows.push_back({std::to_string(i + 1), std::string(to_string(hits[i].kind)), hits[i].id, hits[i].title, score});
  }
  if (f == Format::csv) return detail::write_csv(out, t);
  if (hits.empty()) {
    out << "no matches for '" << query << "'\n";
    return;
  }
  detail::write_table(out, t);
  out << "\nbest match: " << hits[0].snippet << '\n';
}

// ---- releases: import, diff, migrate ----

// What the importer could not find in the guide folder `dir`, a line each.
void write_import_warnings(std::ostream& err, const std::string& dir, const ImportResult& r) {
  for (const auto& w : r.warnings)
    err << "electsec: warning: " << dir << "/" << w.file << (w.line ? ":" + std::to_string(w.line) : "") << ": "
        << w.message << '\n';
}

// A catalog named on the command line: "default", a guide directory, or a catalog file.
Catalog catalog_from(const std::string& spec, std::ostream* warnings_to) {
  if (spec == "default") return default_catalog();
  std::error_code ec;
  if (std::filesystem::is_directory(spec, ec)) {
    ImportResult r = import_eges_rst(spec);
    if (warnings_to != nullptr) write_import_warnings(*warnings_to, spec, r);
    return r.catalog;
  }
  return load_catalog(spec);
}

void run_import(const Command& cmd, const Catalog&, const Args& a, Format f, Io& io) {
  const std::string& dir = a.positional[1];
  const ImportResult r = import_eges_rst(dir);
  write_import_warnings(io.err, dir, r);
  if (f == Format::json || a.option("output")) {
    return write_result(a, io, to_json(r.catalog),
                        ": " + std::to_string(r.catalog.practices().size()) + " practices of guide " +
                            r.catalog.guide().version + ", " + std::to_string(r.warnings.size()) + " warnings");
  }
  run_catalog(cmd, r.catalog, Args{}, Format::table, io);
  io.out << r.warnings.size() << " warnings\n";
}

void run_diff(const Command&, const Catalog&, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Catalog old_catalog = catalog_from(a.positional[1], &io.err);
  const Catalog new_catalog = catalog_from(a.positional[2], &io.err);
  const CatalogDiff d = diff(old_catalog, new_catalog);
  if (f == Format::json) {
    out << to_json(d) << '\n';
    return;
  }
  const bool md = f == Format::markdown;
  const auto list = [](const std::vector<std::string>& items) { return detail::join(items, ", "); };
  out << (md ? "# " : "") << "From " << old_catalog.guide().version << " to " << new_catalog.guide().version << "\n\n";
  if (d.empty()) {
    out << "No differences.\n";
    return;
  }
  if (!d.added.empty()) out << (md ? "- **Added practices:** " : "Added practices: ") << list(d.added) << '\n';
  if (!d.removed.empty()) out << (md ? "- **Removed practices:** " : "Removed practices: ") << list(d.removed) << '\n';
  for (const auto& c : d.changed) {
    out << '\n' << (md ? "## " : "") << c.id << (md ? "\n\n" : "\n");
    const std::string bullet = md ? "- " : "  ";
    if (c.title) out << bullet << "title: " << c.title->first << " -> " << c.title->second << '\n';
    if (c.scopes) {
      const auto s = [](const std::array<Scope, 3>& x) {
        return std::string(to_string(x[0])) + "/" + std::string(to_string(x[1])) + "/" + std::string(to_string(x[2]));
      };
      out << bullet << "scopes: " << s(c.scopes->first) << " -> " << s(c.scopes->second) << '\n';
    }
    if (c.goals_changed) out << bullet << "goals changed\n";
    const auto line = [&](const char* what, const std::vector<std::string>& items) {
      if (!items.empty()) out << bullet << what << ": " << list(items) << '\n';
    };
    line("actions added", c.actions_added);
    line("actions removed", c.actions_removed);
    line("actions changed", c.actions_changed);
    line("tools added", c.tools_added);
    line("tools removed", c.tools_removed);
    line("Safeguards added", c.safeguards_added);
    line("Safeguards removed", c.safeguards_removed);
    line("Safeguards with another level", c.safeguards_retagged);
    std::vector<std::string> ha, hr;
    for (int n : c.handbook_added) ha.push_back(std::to_string(n));
    for (int n : c.handbook_removed) hr.push_back(std::to_string(n));
    line("Handbook practices added", ha);
    line("Handbook practices removed", hr);
  }
}

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"controls", "list the 18 CIS Controls", "controls [--format table|json|csv]", "", {}, 0, 0,
       {Format::table, Format::json, Format::csv}, run_controls},
      {"safeguards", "list CIS Safeguards, optionally filtered",
       "safeguards [--ig N] [--control N] [--asset-type T] [--function F] [--format table|json|csv]",
       "  --ig N          Implementation Group 1, 2 or 3 (IG2 includes IG1's Safeguards)\n"
       "  --control N     only the Safeguards of CIS Control N\n"
       "  --asset-type T  Devices, Applications, Data, Users, Network or N/A\n"
       "  --function F    Identify, Protect, Detect, Respond or Recover\n",
       {"ig", "control", "asset-type", "function"}, 0, 0,
       {Format::table, Format::json, Format::csv}, run_safeguards},
      {"safeguard", "show one CIS Safeguard and the practices that map to it",
       "safeguard ID [--format table|json|csv]", "  ID              a Safeguard id such as 4.1\n",
       {}, 1, 1, {Format::table, Format::json, Format::csv}, run_safeguard},
      {"practices", "list the best practices, optionally by maturity and scope",
       "practices [--maturity N] [--scope S] [--format table|json|csv]",
       "  --maturity N    1, 2 or 3: the practices not out of scope at that level\n"
       "  --scope S       priority, in_scope or out_of_scope (at --maturity if given,\n"
       "                  otherwise at any level)\n",
       {"maturity", "scope"}, 0, 0, {Format::table, Format::json, Format::csv}, run_practices},
      {"actions", "list the actions of every practice, or of one, optionally those that apply at a level",
       "actions [--practice ID] [--maturity N] [--format table|json|csv]",
       "  --practice ID   only this practice's actions\n"
       "  --maturity N    only the actions that apply at Level N (the cumulative rule)\n",
       {"practice", "maturity"}, 0, 0, {Format::table, Format::json, Format::csv}, run_actions},
      {"show", "show one best practice completely", "show ID [--format table|json|csv]",
       "  ID              a best-practice id such as asset_management\n"
       "  --format csv    lists the practice's actions\n",
       {}, 1, 1, {Format::table, Format::json, Format::csv}, run_show},
      {"statements", "list the maturity statements (\"most of these apply\" per level)",
       "statements [--maturity N] [--format table|json|csv]",
       "  --maturity N    only the statements of Level N\n", {"maturity"}, 0, 0,
       {Format::table, Format::json, Format::csv}, run_statements},
      {"priorities", "list the guide's priority lists (Level 1 baseline and election; CDM ranking)",
       "priorities [--maturity N] [--format table|json|csv]",
       "  --maturity N    1: the Level 1 lists; 2 or 3: the CDM ranking\n", {"maturity"}, 0, 0,
       {Format::table, Format::json, Format::csv}, run_priorities},
      {"handbook", "list the 2018 Handbook practices, or show one with its EGES practices",
       "handbook [N] [--format table|json|csv]", "  N               a Handbook practice number, 1 to 88\n",
       {}, 0, 1, {Format::table, Format::json, Format::csv}, run_handbook},
      {"glossary", "list the glossary, or look up a term (glossary and acronyms)",
       "glossary [TERM] [--format table|json|csv]", "  TERM            a term or acronym, any case\n",
       {}, 0, 1, {Format::table, Format::json, Format::csv}, run_glossary},
      {"acronyms", "list the acronyms, or expand one", "acronyms [TERM] [--format table|json|csv]",
       "  TERM            an acronym, any case\n", {}, 0, 1,
       {Format::table, Format::json, Format::csv}, run_acronyms},
      {"maturity", "determine an office's maturity level from its answers to the statements",
       "maturity [--answers FILE|-] [--assessment FILE [--save]] [--format table|json]",
       "  --answers FILE     {\"answers\": {\"l1.1\": true, ...}} ('-': standard input); without it, on a\n"
       "                     terminal, a questionnaire asks each statement in turn\n"
       "  --assessment FILE  the office: without --answers, its stored answers are used\n"
       "  --save             store the answers and the level they give in the assessment\n"
       "                     (every status is kept; see 'assess level')\n",
       {"answers", "assessment", "save"}, 0, 0, {Format::table, Format::json}, run_maturity},
      {"plan", "an office's next steps, in the guide's order",
       "plan (--maturity N | --assessment FILE) [--format table|json|csv|markdown]",
       "  --maturity N       1, 2 or 3 (default: the assessment's)\n"
       "  --assessment FILE  leave out what the office has done or marked not applicable\n"
       "  --with-guidance    add the related recommendations of other guidance\n",
       {"maturity", "assessment", "with-guidance"}, 0, 0, {Format::table, Format::json, Format::csv, Format::markdown},
       run_plan},
      {"assess", "create, update, show and score an office's self-assessment",
       assess_usage,
       "  KIND              state, county, municipality or territory\n"
       "  STATUS            not_started, in_progress, done or not_applicable\n"
       "  --maturity N      the office's level, 1, 2 or 3 (init; with --answers: instead of the determined one)\n"
       "  --answers FILE    answers to the maturity statements, stored with the level they give ('-': stdin)\n"
       "  --force           let init overwrite an existing file\n"
       "  --practice ID     set: every action of the practice that applies; show: only that practice\n"
       "  --note TEXT       set: the note recorded with the status (default: keep the note; \"\" clears it)\n"
       "  --date DATE       set: YYYY-MM-DD or a UTC date-time (default: today, UTC)\n"
       "  --status S        show: only actions with this status\n"
       "  CSV               import: columns id,status[,note][,updated], as show --format csv writes;\n"
       "                    all rows are checked before any is applied\n",
       {"id", "name", "state", "kind", "maturity", "answers", "note", "date", "force", "to", "practice", "status"}, 0,
       1000000, {Format::table, Format::json, Format::csv, Format::markdown}, run_assess},
      {"rollup", "sum up many offices' assessments (files or directories of *.json)",
       "rollup FILE|DIR... [--recursive] [--skip-invalid] [--threads N] [--format table|json|csv]",
       "  --recursive     read the *.json files in subfolders of DIR too\n"
       "  --skip-invalid  leave out files that do not load, list them on stderr, exit 4\n"
       "  --threads N     read files on N threads (default: one per core)\n",
       {"threads", "recursive", "skip-invalid"}, 1, 1000000,
       {Format::table, Format::json, Format::csv}, run_rollup},
      {"guidance", "recommendations of other guidance (DHS/CISA, the mayors' ten steps)",
       "guidance [--source ID] [--audience A] [--category C] [--practice ID] [--format table|json|csv]",
       "  --source ID     dhs_cisa or cap_mayors\n"
       "  --audience A    e.g. mayor, \"state and local election officials\", DHS/CISA\n"
       "  --practice ID   only recommendations related to a best practice\n",
       {"source", "audience", "category", "practice"}, 0, 0, {Format::table, Format::json, Format::csv}, run_guidance},
      {"search", "ranked search across practices, actions, tools, Safeguards, glossary and guidance",
       "search TEXT... [--kind K] [--limit N] [--format table|json|csv]",
       "  --kind K        practice, goal, action, tool, safeguard, glossary, acronym or recommendation\n"
       "  --limit N       at most N hits (default 10)\n",
       {"kind", "limit"}, 1, 100, {Format::table, Format::json, Format::csv}, run_search},
      {"import-rst", "read a release of the guide from its reStructuredText sources",
       "import-rst DIR [-o FILE] [--format table|json]",
       "  DIR             the guide's docs/source folder\n"
       "  -o, --output F  write the catalog JSON to F (atomically)\n"
       "  warnings (what the importer could not find) go to stderr\n",
       {"output"}, 1, 1, {Format::table, Format::json}, run_import},
      {"diff", "what changed between two releases",
       "diff OLD NEW [--format table|json|markdown]",
       "  OLD, NEW        each a catalog JSON file, a guide source folder, or 'default'\n", {}, 2, 2,
       {Format::table, Format::json, Format::markdown}, run_diff},
      {"export", "OSCAL 1.0.6 JSON: the guide as a catalog, a level as a profile, an office's assessment results",
       "export --format oscal-catalog|oscal-profile|oscal-assessment-results [--maturity N] [--assessment FILE]\n"
       "       [--timestamp RFC3339] [-o FILE]",
       "  --maturity N       the level a profile selects (oscal-profile)\n"
       "  --assessment FILE  the office (oscal-assessment-results)\n"
       "  --timestamp T      the time written into the document (default 2026-01-01T00:00:00Z),\n"
       "                     so the same input always gives the same bytes\n",
       {"maturity", "assessment", "timestamp", "output"}, 0, 0,
       {Format::oscal_catalog, Format::oscal_profile, Format::oscal_assessment_results}, run_export},
      {"report", "a report to read: one office, or a state's rollup, as Markdown or self-contained HTML",
       "report (--assessment FILE | --rollup FILE|DIR...) [--format markdown|html] [-o FILE]",
       "  --assessment FILE  level, scorecard, next steps and gaps by CIS Safeguard of one office\n"
       "  --rollup PATH...   maturity distribution, completion by practice, offices furthest behind\n"
       "  -o FILE            write the report to FILE (atomically)\n",
       {"assessment", "rollup", "output"}, 0, 100000, {Format::markdown, Format::html}, run_report},
      {"catalog", "summarise the catalog, or print it whole as JSON",
       "catalog [--format table|json]", "", {}, 0, 0, {Format::table, Format::json}, run_catalog},
  };
  return list;
}

void print_help(std::ostream& out) {
  out << "electsec " << version_string
      << ": the CIS Essential Guide to Election Security as a queryable model\n\n"
      << "usage: electsec [--catalog FILE] <command> [options]\n\ncommands:\n";
  for (const auto& c : commands()) {
    std::string name = c.name;
    name.resize(12, ' ');
    out << "  " << name << c.summary << '\n';
  }
  out << "\noptions for every command:\n"
      << "  --catalog FILE  use a catalog JSON file instead of the embedded catalog\n"
      << "  --format F      output format (table by default)\n"
      << "  --help          help for the command\n"
      << "\nexit codes: 0 success, 1 user error (unknown id, bad file), 2 usage error,\n"
         "            4 rollup --skip-invalid left out files that do not load\n";
}

// The column where the descriptions of a command's options start ("  --x N   text"), so
// that the --catalog line added below lines up with them; 18 when there are none.
std::size_t description_column(std::string_view details) {
  std::size_t start = 0;
  while (start < details.size()) {
    const std::size_t end = std::min(details.find('\n', start), details.size());
    const std::string_view line = details.substr(start, end - start);
    if (line.size() > 3 && line.substr(0, 2) == "  " && line[2] != ' ') {
      const std::size_t gap = line.find("  ", 2);
      const std::size_t text = gap == std::string_view::npos ? gap : line.find_first_not_of(' ', gap);
      if (text != std::string_view::npos) return text;
    }
    start = end + 1;
  }
  return 18;
}

void print_command_help(const Command& c, std::ostream& out) {
  out << "usage: electsec " << c.usage << "\n\n" << c.summary << "\n";
  out << '\n' << c.details;
  std::string option = "  --catalog FILE";
  option.resize(std::max(description_column(c.details), option.size() + 2), ' ');
  out << option << "use a catalog JSON file instead of the embedded catalog\n";
}

Args parse_args(const std::vector<std::string>& argv) {
  Args a;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      a.help = true;
    } else if (arg == "-o") {
      if (i + 1 >= argv.size()) throw UsageError{"option -o needs a value"};
      if (a.options.count("output")) throw UsageError{"option --output given twice"};
      a.options.emplace("output", argv[++i]);
    } else if (arg.size() > 2 && arg.compare(0, 2, "--") == 0) {
      const auto eq = arg.find('=');
      std::string name = arg.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      std::string value;
      if (std::find(flag_options.begin(), flag_options.end(), name) != flag_options.end()) {
        if (eq != std::string::npos) throw UsageError{"option --" + name + " takes no value"};
        a.flags.push_back(name);
        continue;
      }
      if (eq != std::string::npos) {
        value = arg.substr(eq + 1);
      } else {
        if (i + 1 >= argv.size()) throw UsageError{"option --" + name + " needs a value"};
        value = argv[++i];
      }
      if (a.options.count(name)) throw UsageError{"option --" + name + " given twice"};
      a.options.emplace(std::move(name), std::move(value));
    } else {
      a.positional.push_back(arg);
    }
  }
  return a;
}

Format parse_format(const Args& a, const Command& c) {
  const std::string text = a.option("format").value_or(format_name(c.formats.front()));
  for (Format f : c.formats)
    if (text == format_name(f)) return f;
  std::vector<std::string> names;
  for (Format f : c.formats) names.emplace_back(format_name(f));
  throw UsageError{"'" + std::string(c.name) + "' does not support --format " + text +
                   " (use " + detail::join(names, ", ") + ")"};
}

const Command& find_command(const std::string& name) {
  for (const auto& c : commands())
    if (name == c.name) return c;
  std::vector<std::string> names;
  for (const auto& c : commands()) names.emplace_back(c.name);
  const auto near = detail::closest(name, names, 1);
  throw UsageError{"unknown command '" + name + "'" +
                   (near.empty() ? std::string() : "; did you mean '" + near[0] + "'?") +
                   " (see electsec --help)"};
}

}  // namespace

int run_cli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  return run_cli(argv, std::cin, out, err, ::isatty(STDIN_FILENO) == 1);
}

int run_cli(const std::vector<std::string>& argv, std::istream& in, std::ostream& out, std::ostream& err,
            bool interactive) {
  Io io{in, out, err, interactive};
  // Whatever was printed must have been written: a full disk or a closed output is an error.
  const auto finished = [&](int code) {
    errno = 0;
    out.flush();
    if (out.fail()) {
      const int error = errno;
      throw IoError("<stdout>", std::string("cannot write the output") +
                                    (error ? std::string(": ") + std::strerror(error)
                                           : " (the disk is full, or the output was closed)"));
    }
    return code;
  };
  try {
    if (argv.size() == 1 && argv[0] == "--version") {
      out << "electsec " << version_string << '\n';
      return finished(0);
    }
    const Args a = parse_args(argv);
    if (a.positional.empty()) {
      if (a.help && a.options.empty()) {
        print_help(out);
        return finished(0);
      }
      print_help(err);
      return 2;
    }
    const Command& c = find_command(a.positional[0]);
    if (a.help) {
      print_command_help(c, out);
      return finished(0);
    }
    const auto require_known = [&c](const std::string& name) {
      if (std::find(c.options.begin(), c.options.end(), name) == c.options.end())
        throw UsageError{"'" + std::string(c.name) + "' has no option --" + name + " (see electsec " + c.name + " --help)"};
    };
    for (const auto& name : a.flags) require_known(name);
    for (const auto& [name, value] : a.options)
      if (name != "format" && name != "catalog") require_known(name);
    const std::size_t given = a.positional.size() - 1;
    if (given < c.min_positional || given > c.max_positional)
      throw UsageError{std::string("usage: electsec ") + c.usage};
    const Format f = parse_format(a, c);
    if (const auto path = a.option("catalog")) {
      c.run(c, load_catalog(*path), a, f, io);
    } else {
      c.run(c, default_catalog(), a, f, io);
    }
    return finished(io.exit_code);
  } catch (const UsageError& e) {
    // One line: a multi-line usage is cut to its first line, with where to find the rest.
    const auto end = e.message.find('\n');
    err << "electsec: " << printable(e.message.substr(0, end))
        << (end == std::string::npos ? "" : " (see --help for the other forms)") << '\n';
    return 2;
  } catch (const ValidationError& e) {
    // One line: the summary, then every problem.
    const std::string what = e.what();
    std::string line = what.substr(0, what.find('\n'));
    const std::size_t listed = std::min(e.problems().size(), max_listed_problems);
    for (std::size_t i = 0; i < listed; ++i)
      line += (i ? "; " : ": ") + printable(e.problems()[i].where) + ": " + printable(e.problems()[i].message);
    if (e.problems().size() > listed) line += "; ... and " + std::to_string(e.problems().size() - listed) + " more";
    err << "electsec: " << line << '\n';
    return 1;
  } catch (const Error& e) {
    err << "electsec: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace electsec
