// The electsec command line: the command table, help, argument parsing and run_cli.
// The commands themselves live in the *_commands.cpp files beside this one.
#include "cli_internal.hpp"

#include <electsec/cli.hpp>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace electsec::cli {

namespace {

// The table is laid out by hand, one command to a block; clang-format would put each field
// on a line of its own.
// clang-format off
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
      {"practice", "show one best practice completely", "practice ID [--format table|json|csv]",
       "  ID              a best-practice id such as asset_management\n"
       "  --format csv    lists the practice's actions\n",
       {}, 1, 1, {Format::table, Format::json, Format::csv}, run_practice, "show"},
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
       "plan (--maturity N | --assessment FILE [--systems-first]) [--format table|json|csv|markdown] [-o FILE]",
       "  --maturity N       1, 2 or 3 (default: the assessment's)\n"
       "  --assessment FILE  leave out what the office has done or marked not applicable\n"
       "  --with-guidance    add the related recommendations of other guidance\n"
       "  --systems-first    electsec's weighting, off by default: steps that address the systems in\n"
       "                     the assessment's profile come first, each group in the guide's order\n"
       "  -o FILE            write the plan to FILE (atomically) instead of standard output\n",
       {"maturity", "assessment", "with-guidance", "systems-first", "output"}, 0, 0,
       {Format::table, Format::json, Format::csv, Format::markdown},
       run_plan},
      {"assess", "create, update, show and score an office's self-assessment",
       assess_usage,
       "  KIND              state, county, municipality or territory\n"
       "  STATUS            not_started, in_progress, done or not_applicable\n"
       "  --maturity N      the office's level, 1, 2 or 3 (init; with --answers: instead of the determined one)\n"
       "  --answers FILE    answers to the maturity statements, stored with the level they give ('-': stdin)\n"
       "  --force           let init overwrite an existing file\n"
       "  --practice ID     set: every action of the practice that applies; show: only that practice\n"
       "  --note TEXT       set, systems --add: the note recorded (default: keep the note; \"\" clears it)\n"
       "  --date DATE       set, import-oscal, import-ciso-assistant: YYYY-MM-DD or a UTC date-time\n"
       "                    (default: today, UTC)\n"
       "  --status S        show: only actions with this status\n"       "  --add COMPONENT   systems: add a kind of election system the office runs (see 'electsec systems')\n"
       "  --connectedness C systems: network, indirect, none or transmission (with --remove: only that entry)\n"
       "  --remove COMPONENT\n"
       "                    systems: take a kind of system out of the profile\n"
       "  CSV               import: columns id,status[,note][,updated], as show --format csv writes;\n"
       "                    all rows are checked before any is applied\n"
       "  RESULTS           import-oscal: OSCAL assessment results exported for this office\n"
       "  EXPORT            import-ciso-assistant: CISO Assistant's audit CSV of the framework that\n"
       "                    'export --format ciso-assistant' writes; compliant -> done,\n"
       "                    partially_compliant -> in_progress, non_compliant -> not_started (an\n"
       "                    action in progress stays so), not_applicable; observations -> notes\n",
       {"id", "name", "state", "kind", "maturity", "answers", "note", "date", "force", "to", "practice", "status", "add",
        "remove", "connectedness"},
       0,
       1000000, {Format::table, Format::json, Format::csv, Format::markdown}, run_assess},
      {"rollup", "sum up many offices' assessments (files or directories of *.json)",
       "rollup FILE|DIR... [--recursive] [--skip-invalid] [--threads N] [--format table|json|csv]",
       "  --recursive     read the *.json files in subfolders of DIR too\n"
       "  --skip-invalid  leave out files that do not load, list them on stderr, exit 4\n"
       "  --threads N     read files on N threads (default and 0: one per core)\n",
       {"threads", "recursive", "skip-invalid"}, 1, 1000000,
       {Format::table, Format::json, Format::csv}, run_rollup},
      {"store", "the history store: every change of many offices with its date; progress over time",
       store_usage,
       "  STORE             the store's file (SQLite); create it with 'store init'\n"
       "  OFFICE            an office's jurisdiction id, as in its assessment file\n"
       "  --date DATE       import, set, level, systems: when the change took effect (default: the files'\n"
       "                    dates, or today)\n"
       "  --author NAME     who records it (default: $USER)\n"
       "  --as-of DATE      show, systems, rollup, compare, export: the record as it stood at the end of that day\n"
       "  --add COMPONENT, --remove COMPONENT, --connectedness C, --note TEXT\n"
       "                    systems: change the office's system profile as 'assess systems' changes an\n"
       "                    assessment file\n"
       "  --period P        trend: day, week or month (default month)\n"
       "  --from, --to      trend: first and last day (default: the first change, and today)\n"
       "  --state, --kind, --maturity   trend, rollup: only offices of that state, kind or level\n"
       "  --peer-group G    compare: the other offices of its state (default), of its level, or all\n",
       {"date", "author", "practice", "note", "status", "as-of", "period", "from", "to", "state", "kind", "maturity",
        "peer-group", "recursive", "output", "add", "remove", "connectedness"},
       0, 1000000, {Format::table, Format::json, Format::csv, Format::markdown}, run_store},
      {"guidance", "recommendations of other guidance (DHS/CISA, the mayors' ten steps)",
       "guidance [--source ID] [--audience A] [--category C] [--practice ID] [--format table|json|csv]",
       "  --source ID     dhs_cisa or cap_mayors\n"
       "  --audience A    e.g. mayor, \"state and local election officials\", DHS/CISA\n"
       "  --practice ID   only recommendations related to a best practice\n",
       {"source", "audience", "category", "practice"}, 0, 0, {Format::table, Format::json, Format::csv}, run_guidance},
      {"systems", "list the kinds of election system the guide's primer describes",
       "systems [--connectedness C] [--risk ID] [--format table|json|csv]",
       "  --connectedness C  network, indirect, none or transmission: the systems for which the\n"
       "                     guide's table says that class occurs\n"
       "  --risk ID          only the systems the guide names this risk for\n",
       {"connectedness", "risk"}, 0, 0, {Format::table, Format::json, Format::csv}, run_systems},
      {"system", "show one kind of election system, connectedness class or risk, with the practices electsec links to it",
       "system ID [--format table|json]",
       "  ID              a system (voter_registration, pollbooks, ems, vote_capture, tabulation,\n"
       "                  enr), a connectedness class (network, indirect, none, transmission) or a\n"
       "                  risk (see `electsec system ID` of a system)\n",
       {}, 1, 1, {Format::table, Format::json}, run_system},
      {"search", "ranked search across practices, actions, tools, Safeguards, glossary, guidance and the primer",
       "search TEXT... [--kind K] [--limit N] [--format table|json|csv]",
       "  --kind K        practice, goal, action, paragraph, tool, safeguard, glossary, acronym,\n"
       "                  recommendation, system, connectedness or risk\n"
       "  --limit N       at most N hits (default 10)\n",
       {"kind", "limit"}, 1, 100, {Format::table, Format::json, Format::csv}, run_search},
      {"import-rst", "read a release of the guide from its reStructuredText sources",
       "import-rst DIR [-o FILE] [--format table|json]",
       "  DIR             the guide's docs/source folder\n"
       "  -o, --output F  write the catalog JSON to F (atomically)\n"
       "  warnings (what the importer could not find, with their kind) and a summary\n"
       "  of what it found go to stderr\n",
       {"output"}, 1, 1, {Format::table, Format::json}, nullptr, nullptr, run_import},
      {"diff", "what changed between two releases",
       "diff OLD NEW [--wording] [--format table|json|markdown]",
       "  OLD, NEW        each a catalog JSON file, a guide source folder, or 'default'\n"
       "  --wording       list where the wording differs too (facts are listed, wording\n"
       "                  counted); JSON gives every change with old and new values\n",
       {"wording"}, 2, 2,
       {Format::table, Format::json, Format::markdown}, run_diff},
      {"export",
       "for other tools: OSCAL 1.0.6 JSON (the guide, a level, an office's results or plan of action) and "
       "CISO Assistant libraries",
       "export --format oscal-catalog|oscal-profile|oscal-assessment-results|oscal-poam|ciso-assistant|\n"
       "       ciso-assistant-mapping [--maturity N] [--assessment FILE] [--timestamp RFC3339]\n"
       "       [--cis-packager NAME] [-o FILE]",
       "  --maturity N       the level a profile selects (oscal-profile)\n"
       "  --assessment FILE  the office (oscal-assessment-results, oscal-poam: its plan of action\n"
       "                     and milestones)\n"
       "  --timestamp T      the time written into the document (default 2026-01-01T00:00:00Z),\n"
       "                     so the same input always gives the same bytes\n"
       "  ciso-assistant     the guide as a CISO Assistant framework library (YAML)\n"
       "  ciso-assistant-mapping  its mapping to the CIS Controls v8 as a mapping library (YAML)\n"
       "  --cis-packager NAME the packager of the CIS Controls v8 library in that CISO Assistant\n"
       "                     (default intuitem), part of the URNs the mapping points to\n",
       {"maturity", "assessment", "timestamp", "cis-packager", "output"}, 0, 0,
       {Format::oscal_catalog, Format::oscal_profile, Format::oscal_assessment_results, Format::oscal_poam,
        Format::ciso_assistant, Format::ciso_assistant_mapping},
       run_export},
      {"report", "a report to read: one office, or a state's rollup, as Markdown or self-contained HTML",
       "report (--assessment FILE | --rollup FILE|DIR... | --store STORE [--office ID]) [--format markdown|html] [-o "
       "FILE]",
       "  --assessment FILE  level, scorecard, next steps and gaps by CIS Safeguard of one office\n"
       "  --rollup PATH...   maturity distribution, completion by practice, offices furthest behind\n"
       "  --store STORE      the same from a history store, with progress over time: with --office ID, one\n"
       "                     office against the other offices of its state and the changes it recorded;\n"
       "                     without, the state's trend, the offices that gained most and those stalling\n"
       "  --as-of DATE       the record as it stood at the end of that day (default: today)\n"
       "  --since DATE       where the progress starts (default: a year before --as-of)\n"
       "  --stalled-days N   stalling: no status change for N days or more (default 90)\n"
       "  --state, --kind, --maturity   with --store and no --office: only those offices\n"
       "  --title TEXT       the report's title (default: the office's name, or the rollup's)\n"
       "  --report-date DATE the day the report was made, printed under its title (default: today)\n"
       "  --next-steps N     one office: how many steps of its plan to list (default 5)\n"
       "  --max-offices N    a state: how many offices each table lists at most (default 10)\n"
       "  -o FILE            write the report to FILE (atomically)\n",
       {"assessment", "rollup", "output", "store", "office", "as-of", "since", "stalled-days", "state", "kind", "maturity",
        "title", "report-date", "next-steps", "max-offices"},
       0, 100000, {Format::markdown, Format::html}, run_report},
      {"catalog", "summarise the catalog, or print it whole as JSON",
       "catalog [--format table|json]", "", {}, 0, 0, {Format::table, Format::json}, run_catalog},
  };
  return list;
}
// clang-format on

void print_help(std::ostream& out) {
  out << "electsec " << version_string << ": the CIS Essential Guide to Election Security as a queryable model\n\n"
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
  if (c.alias != nullptr) out << "\n'" << c.alias << "' is an older name of this command and still works.\n";
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
        if (i + 1 >= argv.size()) {
          // Reported once the command is known: an option it lacks is named as such.
          a.missing_value = name;
          continue;
        }
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
  const std::string text = lower_case(a.option("format").value_or(format_name(c.formats.front())));
  for (Format f : c.formats)
    if (text == format_name(f)) return f;
  std::vector<std::string> names;
  for (Format f : c.formats) names.emplace_back(format_name(f));
  throw UsageError{"'" + std::string(c.name) + "' does not support --format " + text + " (use " + join(names, ", ") +
                   ")"};
}

const Command& find_command(const std::string& name) {
  for (const auto& c : commands())
    if (name == c.name || (c.alias != nullptr && name == c.alias)) return c;
  std::vector<std::string> names;  // older names too: "sho" still suggests "show"
  for (const auto& c : commands()) {
    names.emplace_back(c.name);
    if (c.alias != nullptr) names.emplace_back(c.alias);
  }
  const auto near = closest(name, names, 1);
  throw UsageError{"unknown command '" + name + "'" +
                   (near.empty() ? std::string() : "; did you mean '" + near[0] + "'?") + " (see electsec --help)"};
}

}  // namespace

}  // namespace electsec::cli

namespace electsec {

using namespace cli;

int run_cli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
  // Tables fit the terminal when they go to one; files and pipes get whole lines.
  struct winsize size {};
  const bool terminal = &out == &std::cout && ::isatty(STDOUT_FILENO) == 1;
  cli::terminal_width = terminal && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
  struct Reset {
    ~Reset() { cli::terminal_width = 0; }
  } reset;
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
      throw IoError("<stdout>",
                    std::string("cannot write the output") + (error ? std::string(": ") + std::strerror(error)
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
    const auto needs_value = [&a] { return UsageError{"option --" + *a.missing_value + " needs a value"}; };
    if (a.missing_value && a.positional.empty()) throw needs_value();
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
        throw UsageError{"'" + std::string(c.name) + "' has no option --" + name + " (see electsec " + c.name +
                         " --help)"};
    };
    for (const auto& name : a.flags) require_known(name);
    if (a.missing_value) {
      if (*a.missing_value != "format" && *a.missing_value != "catalog") require_known(*a.missing_value);
      throw needs_value();
    }
    for (const auto& [name, value] : a.options)
      if (name != "format" && name != "catalog") require_known(name);
    const std::size_t given = a.positional.size() - 1;
    if (given < c.min_positional || given > c.max_positional)
      throw UsageError{std::string("usage: electsec ") + c.usage};
    const Format f = parse_format(a, c);
    if (c.run_without_catalog != nullptr) {
      // The importer reads its release while the embedded catalog, which it needs only
      // for the Controls, is decoded beside it. A --catalog is still checked, as for
      // every command.
      if (const auto path = a.option("catalog")) (void)load_catalog(*path);
      c.run_without_catalog(c, a, f, io);
    } else if (const auto path = a.option("catalog")) {
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
    for (std::size_t i = 0; i < listed; ++i) line += (i ? "; " : ": ") + printable(e.problems()[i].text());
    if (e.problems().size() > listed) line += "; ... and " + std::to_string(e.problems().size() - listed) + " more";
    err << "electsec: " << line << '\n';
    return 1;
  } catch (const Error& e) {
    err << "electsec: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace electsec