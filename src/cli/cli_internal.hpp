#pragma once
// What the command files of the CLI share: parsed arguments, the command table's entry,
// output formats, and small helpers. The CLI is a front end: it includes public headers
// only (tests/layers checks it).
//
// Map: cli.cpp holds the command table, help, argument parsing and run_cli; common.cpp the
// helpers below; catalog_commands.cpp the catalog lookups (controls ... priorities);
// export_commands.cpp export and report; maturity_commands.cpp maturity and plan;
// assess_commands.cpp assess and rollup; guidance_commands.cpp guidance and search;
// system_commands.cpp systems and system;
// release_commands.cpp import and diff.

#include <electsec/assessment_json.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/ciso_assistant.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>
#include <electsec/maturity.hpp>
#include <electsec/oscal.hpp>
#include <electsec/plan.hpp>
#include <electsec/report.hpp>
#include <electsec/results_json.hpp>
#include <electsec/rst_import.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/search.hpp>
#include <electsec/store.hpp>
#include <electsec/systems.hpp>
#include <electsec/table.hpp>
#include <electsec/text.hpp>
#include <electsec/version.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <functional>
#include <string>
#include <vector>

namespace electsec::cli {

using json = nlohmann::ordered_json;

/// A mistake in how the command was called (exit code 2).
struct UsageError {
  std::string message;
};

enum class Format {
  table,
  json,
  csv,
  markdown,
  oscal_catalog,
  oscal_profile,
  oscal_assessment_results,
  oscal_poam,
  ciso_assistant,
  ciso_assistant_mapping,
  html
};

// Options that take no value.
const std::vector<std::string> flag_options = {"force",        "with-guidance", "save",         "recursive",
                                               "skip-invalid", "wording",       "systems-first"};

// Exit code of a rollup that succeeded on the files it could read and skipped others.
constexpr int exit_skipped = 4;

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::vector<std::string> flags;
  bool help = false;
  std::optional<std::string> missing_value;  // an option given last, without its value

  bool flag(const std::string& name) const { return std::find(flags.begin(), flags.end(), name) != flags.end(); }

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
/// A command that reads no catalog of its own: the embedded one is not decoded for it.
using CatalogFreeRunner = void (*)(const Command&, const Args&, Format, Io&);

struct Command {
  const char* name;
  const char* summary;
  const char* usage;                 // after "electsec "
  const char* details;               // option lines for --help
  std::vector<std::string> options;  // options that take a value, besides --format
  std::size_t min_positional;
  std::size_t max_positional;
  std::vector<Format> formats;
  Runner run;                                       // nullptr for a catalog-free command
  const char* alias = nullptr;                      // an older name scripts may use, still accepted
  CatalogFreeRunner run_without_catalog = nullptr;  // instead of `run`
};

const char* format_name(Format f);
std::string groups_text(const Safeguard& s);
std::string maturity_tag(const std::optional<Maturity>& m);
/// The block of an action id ("l1", "all", ...) in words.
std::string block_title(const Action& a);
/// How a link from other guidance to a practice is labelled: " [linked by electsec]" for the
/// project's own links, " [linked by <source>]" for a source's, "" when unknown.
std::string provenance_label(const RelatedPractice& rp);
/// The same for the levels of a block: "All levels", "Level 1", "Levels 2 and 3".
std::string block_title(const std::vector<Maturity>& levels);
void write_rows(std::ostream& out, Format f, const Table& t, const char* noun);
int parse_int_option(const Args& a, const std::string& name, int lo, int hi);
/// A usage error naming `command` ("assess set") unless every option given is one of
/// `allowed` (--format and --catalog always are).
void allow_options(const Args& a, const std::string& command, std::initializer_list<const char*> allowed);
int parse_int_option_text(const std::string& text, const std::string& what);
/// A document goes to -o FILE (atomically) or to standard output; `summary` follows
/// "wrote FILE" when it goes to a file.
void write_result(const Args& a, Io& io, const std::string& text, const std::string& summary = "");
// The same, with the result written by `write` as it is made (a large document is never
// held whole).
void write_result(const Args& a, Io& io, const std::function<void(std::ostream&)>& write,
                  const std::string& summary = "");
/// A catalog named on the command line: "default", a guide directory, or a catalog file.
Catalog catalog_from(const std::string& spec, std::ostream* warnings_to);

/// Answers from --answers FILE ('-': standard input), else asked on a terminal, else none.
std::optional<MaturityAnswers> answers_option(const Catalog& c, const Args& a, Io& io);
/// "FILE: Level 1 -> Level 2; every status kept" and the practices no longer in scope.
void write_level_change(const std::string& file, Maturity from, Maturity to, const std::vector<std::string>& no_longer,
                        std::ostream& out);

/// The columns of the terminal the output goes to, for this run_cli call on this thread; 0
/// when the output is not a terminal (a file, a pipe, a string), which is never wrapped.
extern thread_local std::size_t terminal_width;

/// A value's JSON (the public codec's text) as a tree the commands can combine.
template <typename T>
json value_json(const T& value) {
  return json::parse(to_json(value, -1));
}

template <typename T>
const T& deref(const T& item) {
  return item;
}
template <typename T>
const T& deref(const T* item) {
  return *item;
}

// A JSON array of the items (values or pointers to them) in the catalog format.
template <typename T>
void write_json_items(std::ostream& out, const std::vector<T>& items) {
  json list = json::array();
  for (const auto& item : items) list.push_back(value_json(deref(item)));
  out << list.dump(2) << '\n';
}

/// `parse(text)`, or failing that `parse` of the same word in lower case, with a capital or
/// in upper case ("protect", "DEVICES", "n/a", "Done"); when none is known, the parser's own
/// error for what was typed, which names every accepted value.
template <typename F>
auto parse_in_any_case(F parse, const std::string& text) {
  try {
    return parse(text);
  } catch (const Error&) {
    std::string lower = lower_case(text), upper = text, capital = lower;
    for (char& ch : upper) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
    if (!capital.empty() && capital[0] >= 'a' && capital[0] <= 'z')
      capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    for (const std::string& other : {lower, capital, upper}) {
      try {
        return parse(other);
      } catch (const Error&) {
      }
    }
    return parse(text);  // throws
  }
}

/// An enum option as a person may type it (parse_in_any_case); a usage error otherwise.
template <typename F>
auto parse_enum_option(const Args& a, const std::string& name, F parse) {
  try {
    return parse_in_any_case(parse, *a.option(name));
  } catch (const Error& e) {
    throw UsageError{"--" + name + ": " + e.what()};
  }
}

extern const char* const assess_usage;
extern const char* const store_usage;

/// A status as typed on the command line (any case), or a usage error naming the statuses.
Status status_argument(const std::string& text);
/// An assessment's statuses as `assess show` prints them (--practice, --status filter).
void show_statuses(const Catalog& c, Assessment x, const Args& a, Format f, Io& io);

/// What `assess systems` and `store systems` were asked to do with a system profile: add an
/// entry, remove entries, or (neither) show it.
struct ProfileChange {
  std::optional<std::string> add, remove, note;
  std::optional<Connectedness> connectedness;
};
/// The change the options --add, --remove, --connectedness and --note ask for, checked
/// (UsageError, NotFound for an unknown component) before anything is read or written.
ProfileChange profile_change(const Catalog& c, const Args& a, const std::string& command);
/// Apply a change (add or remove) to `x`; returns what was done, e.g. "added ems (none)".
/// Error naming `where` when --remove matches no entry.
std::string apply_profile_change(const Catalog& c, const ProfileChange& change, Assessment& x,
                                 const std::string& where);
/// An entry's consequences for the office: "warning: ..." where the guide says its class does
/// not occur for that kind of system.
void warn_not_occurring(const RiskPicture& p, std::ostream& out);
/// The profile and its risk picture, in table, JSON or CSV; `how_to_add` is the command shown
/// when the profile is empty.
void write_risk_picture(const Catalog& c, const Assessment& x, const RiskPicture& p, Format f, Io& io,
                        const std::string& how_to_add);
/// A usage mistake when a filter by state, kind or level matched no office (`empty`):
/// an Error naming the store's states.
void refuse_empty(const Store& s, const OfficeFilter& f, bool empty);
/// A rollup as `rollup` prints it.
void write_rollup(const Catalog& c, const Rollup& r, Format f, std::ostream& out);

// The commands, one runner each.
void run_controls(const Command&, const Catalog&, const Args&, Format, Io&);
void run_safeguards(const Command&, const Catalog&, const Args&, Format, Io&);
void run_safeguard(const Command&, const Catalog&, const Args&, Format, Io&);
void run_practices(const Command&, const Catalog&, const Args&, Format, Io&);
void run_actions(const Command&, const Catalog&, const Args&, Format, Io&);
void run_practice(const Command&, const Catalog&, const Args&, Format, Io&);
void run_catalog(const Command&, const Catalog&, const Args&, Format, Io&);
void run_handbook(const Command&, const Catalog&, const Args&, Format, Io&);
void run_glossary(const Command&, const Catalog&, const Args&, Format, Io&);
void run_acronyms(const Command&, const Catalog&, const Args&, Format, Io&);
void run_statements(const Command&, const Catalog&, const Args&, Format, Io&);
void run_priorities(const Command&, const Catalog&, const Args&, Format, Io&);
void run_export(const Command&, const Catalog&, const Args&, Format, Io&);
void run_report(const Command&, const Catalog&, const Args&, Format, Io&);
void run_maturity(const Command&, const Catalog&, const Args&, Format, Io&);
void run_plan(const Command&, const Catalog&, const Args&, Format, Io&);
void run_assess(const Command&, const Catalog&, const Args&, Format, Io&);
void run_rollup(const Command&, const Catalog&, const Args&, Format, Io&);
void run_store(const Command&, const Catalog&, const Args&, Format, Io&);
void run_guidance(const Command&, const Catalog&, const Args&, Format, Io&);
void run_search(const Command&, const Catalog&, const Args&, Format, Io&);
void run_systems(const Command&, const Catalog&, const Args&, Format, Io&);
void run_system(const Command&, const Catalog&, const Args&, Format, Io&);
void run_import(const Command&, const Args&, Format, Io&);
void run_diff(const Command&, const Catalog&, const Args&, Format, Io&);

}  // namespace electsec::cli
