// An office's system profile (assessment.hpp, the readers and writer) and its risk picture
// (systems.hpp), with the plan's weighting and the marks on electsec's links.
#include <electsec/assessment_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/plan.hpp>
#include <electsec/report.hpp>
#include <electsec/results_json.hpp>
#include <electsec/systems.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "io/assessment_fast.hpp"
#include "io/assessment_reader.hpp"
#include "support.hpp"

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>

using namespace electsec;

namespace {

const std::string profiled = R"({
  "schema": "electsec.assessment/1",
  "jurisdiction": {"id": "us-xx-a", "name": "A County", "state": "XX", "kind": "county"},
  "catalog_version": "1.4.1",
  "maturity": 2,
  "systems": [
    {"component": "pollbooks", "connectedness": "indirect", "note": "loaded by USB"},
    {"component": "pollbooks", "connectedness": "none"},
    {"component": "vote_capture", "connectedness": "indirect", "note": ""}
  ],
  "statuses": {
    "backups.l1.1": {"status": "done", "note": "weekly", "updated": "2026-01-02"}
  }
})";

std::string replaced(const std::string& from, const std::string& to) { return test::replace_once(profiled, from, to); }

// The document with `value` in place of the whole "systems" list.
std::string with_systems(const std::string& value) {
  const auto start = profiled.find("\"systems\": ") + 11, end = profiled.find("],\n  \"statuses\"") + 1;
  return profiled.substr(0, start) + value + profiled.substr(end);
}

struct BadProfile {
  const char* name;
  std::string text;
  const char* field;    // JSON pointer of the problem
  const char* message;  // substring of what()
};

using test::Run;
using test::run;

std::string write_profiled(const std::string& name) {
  const std::string path = test::temp_path(name);
  std::ofstream(path) << profiled;
  return path;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); !what.empty() && at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Every one of electsec's link reasons that `text` shows is shown marked: as many marked
// occurrences ("electsec: <reason>", escaped as the format escapes) as occurrences at all.
void every_reason_is_marked(const std::string& text, std::string (*escape)(std::string_view), const char* what) {
  std::size_t seen = 0;
  for (const SystemLink& link : default_catalog().system_links()) {
    const std::string plain = escape(link.reason), marked = escape("electsec: " + link.reason);
    const std::size_t all = count(text, plain);
    seen += all;
    BOOST_TEST_CONTEXT(what << ": " << link.reason) { BOOST_TEST(count(text, marked) == all); }
  }
  BOOST_TEST(seen > 0u, what << " shows no link at all, so the check proves nothing");
}

std::string as_is(std::string_view s) { return std::string(s); }

}  // namespace

BOOST_AUTO_TEST_SUITE(test_systems)

BOOST_AUTO_TEST_CASE(a_profile_loads_round_trips_and_both_readers_agree) {
  const Catalog& c = default_catalog();
  const Assessment a = parse_assessment(profiled, c, "a.json");
  BOOST_TEST_REQUIRE(a.systems.size() == 3u);
  BOOST_TEST((a.systems[0] == SystemUse{"pollbooks", Connectedness::indirect, "loaded by USB"}));
  BOOST_TEST((a.systems[1] == SystemUse{"pollbooks", Connectedness::none, ""}));
  BOOST_TEST((parse_assessment(to_json(a), c) == a));
  BOOST_TEST(to_json(parse_assessment(to_json(a), c)) == to_json(a));
  const auto fast = detail::read_assessment_fast(profiled, &c);
  BOOST_TEST_REQUIRE(fast.has_value(), "the fast path gave up on a plain profile");
  BOOST_TEST((*fast == detail::read_assessment_full(profiled, &c, "x")));
  const auto again = detail::read_assessment_fast(to_json(a), &c);
  BOOST_TEST_REQUIRE(again.has_value(), "the fast path gave up on what electsec wrote");
  BOOST_TEST((*again == a));
  // Without a profile the document is written as before: no "systems" key at all.
  Assessment without = a;
  without.systems.clear();
  BOOST_TEST(to_json(without).find("systems") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_kind_of_bad_profile_is_a_clear_error_and_the_fast_path_gives_up) {
  const Catalog& c = default_catalog();
  const BadProfile cases[] = {
      {"unknown component", replaced("\"vote_capture\"", "\"vote_capturing\""), "/systems/2/component",
       "unknown system component 'vote_capturing'; did you mean 'vote_capture'"},
      {"unknown connectedness", replaced("\"connectedness\": \"none\"", "\"connectedness\": \"offline\""),
       "/systems/1/connectedness", "unknown connectedness 'offline'"},
      {"the same pair twice", replaced("\"connectedness\": \"none\"", "\"connectedness\": \"indirect\""), "/systems/1",
       "'pollbooks' with connectedness 'indirect' is listed twice"},
      {"missing connectedness", replaced(", \"connectedness\": \"none\"", ""), "/systems/1/connectedness",
       "missing required field 'connectedness'"},
      {"missing component", replaced("\"component\": \"vote_capture\", ", ""), "/systems/2/component",
       "missing required field 'component'"},
      {"empty component", replaced("\"vote_capture\"", "\"\""), "/systems/2/component", "must not be empty"},
      {"not a list", with_systems("{\"pollbooks\": \"none\"}"), "/systems", "expected an array"},
      {"entry not an object", replaced("{\"component\": \"pollbooks\", \"connectedness\": \"none\"}", "\"pollbooks\""),
       "/systems/1", "expected an object, found a string"},
      {"note not a string", replaced("\"note\": \"\"", "\"note\": 3"), "/systems/2/note",
       "expected a string, found a number"},
      {"unknown field", replaced("\"note\": \"\"", "\"notes\": \"\""), "/systems/2/notes", "unknown field 'notes'"},
      {"connectedness not a string", replaced("\"connectedness\": \"none\"", "\"connectedness\": 2"),
       "/systems/1/connectedness", "expected a string, found a number"},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      const std::string& text = tc.text;
      BOOST_TEST(!detail::read_assessment_fast(text, &c).has_value());
      try {
        parse_assessment(text, c, "office.json");
        BOOST_ERROR("parsed");
      } catch (const ParseError& e) {
        BOOST_TEST(e.source() == "office.json");
        BOOST_TEST(e.field() == tc.field);
        BOOST_TEST(e.line() > 0u);
        BOOST_TEST(std::string(e.what()).find(tc.message) != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find('\n') == std::string::npos);  // one line
      }
    }
  }
  // Without a catalog (a file read for migration) components are not checked, in both readers.
  const std::string other = replaced("\"vote_capture\"", "\"ballot_printer\"");
  const auto fast = detail::read_assessment_fast(other, nullptr);
  BOOST_TEST_REQUIRE(fast.has_value());
  BOOST_TEST((*fast == detail::read_assessment_full(other, nullptr, "x")));
}

BOOST_AUTO_TEST_CASE(add_and_remove_keep_what_they_do_not_mention) {
  const Catalog& c = default_catalog();
  Assessment a = test::office();
  BOOST_TEST(a.add_system(c, "pollbooks", Connectedness::indirect, std::string("USB")));
  BOOST_TEST(a.add_system(c, "pollbooks", Connectedness::none));       // another entry of the same kind
  BOOST_TEST(!a.add_system(c, "pollbooks", Connectedness::indirect));  // there already: note kept
  BOOST_TEST(a.systems[0].note == "USB");
  BOOST_TEST(!a.add_system(c, "pollbooks", Connectedness::indirect, std::string()));  // "" clears it
  BOOST_TEST(a.systems[0].note.empty());
  BOOST_CHECK_EXCEPTION(a.add_system(c, "polbooks", Connectedness::network), NotFound, [](const NotFound& e) {
    return std::string(e.what()).find("did you mean 'pollbooks'") != std::string::npos;
  });
  BOOST_TEST(a.systems.size() == 2u);
  BOOST_TEST(a.remove_system("pollbooks", Connectedness::network) == 0u);
  BOOST_TEST(a.remove_system("pollbooks", Connectedness::none) == 1u);
  BOOST_TEST(a.add_system(c, "pollbooks", Connectedness::none));
  BOOST_TEST(a.remove_system("pollbooks") == 2u);
  BOOST_TEST(a.systems.empty());
}

BOOST_AUTO_TEST_CASE(the_risks_that_apply_follow_the_primer) {
  const Catalog& c = default_catalog();
  struct Case {
    const char* name;
    SystemUse use;
    bool risks;   // the component's risks apply
    bool occurs;  // the guide says this class occurs for it
  };
  const Case cases[] = {
      {"networked registration", {"voter_registration", Connectedness::network, ""}, true, true},
      {"registration on paper", {"voter_registration", Connectedness::none, ""}, false, true},
      {"registration indirect: seldom", {"voter_registration", Connectedness::indirect, ""}, true, false},
      {"pollbooks indirect", {"pollbooks", Connectedness::indirect, ""}, true, true},
      {"pollbooks transmitted", {"pollbooks", Connectedness::transmission, ""}, true, true},
      {"EMS not connected: never", {"ems", Connectedness::none, ""}, false, false},
      {"hand-counted ballots", {"vote_capture", Connectedness::none, ""}, false, true},
      {"tabulation transmitted: never", {"tabulation", Connectedness::transmission, ""}, true, false},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      const RiskPicture p = risk_picture(c, {tc.use}, Maturity::level2);
      BOOST_TEST_REQUIRE(p.systems.size() == 1u);
      const SystemUseRisks& s = p.systems[0];
      BOOST_TEST((s.use == tc.use));
      BOOST_TEST(s.occurs == tc.occurs);
      BOOST_TEST(!s.connection.empty());
      if (tc.risks)
        BOOST_TEST(s.risks == c.system_component(tc.use.component).risks);
      else
        BOOST_TEST(s.risks.empty());
    }
  }
  BOOST_CHECK_THROW(risk_picture(c, {SystemUse{"polbooks", Connectedness::none, ""}}, Maturity::level1), NotFound);
}

BOOST_AUTO_TEST_CASE(practices_come_from_electsecs_links_in_the_guides_plan_order) {
  const Catalog& c = default_catalog();
  const std::vector<SystemUse> profile = {{"vote_capture", Connectedness::network, ""},
                                          {"pollbooks", Connectedness::none, ""}};
  for (const Maturity m : all_maturities) {
    BOOST_TEST_CONTEXT(level_name(m)) {
      const RiskPicture p = risk_picture(c, profile, m);
      BOOST_TEST((p.maturity == m));
      BOOST_TEST(!p.practices.empty());
      std::set<std::string> seen;
      int last = 0;
      for (const auto& sp : p.practices) {
        BOOST_TEST(seen.insert(sp.practice).second, sp.practice << " listed twice");
        BOOST_TEST(sp.plan_rank >= last);  // the plan's order
        last = sp.plan_rank;
        BOOST_TEST(sp.plan_rank > 0);
        BOOST_TEST((sp.scope != Scope::out_of_scope));
        BOOST_TEST((sp.scope == c.practice(sp.practice).scopes[static_cast<int>(m) - 1]));
      }
      for (const auto& sp : p.out_of_scope) {
        BOOST_TEST(seen.insert(sp.practice).second, sp.practice << " listed twice");
        BOOST_TEST((sp.scope == Scope::out_of_scope));
        BOOST_TEST(sp.plan_rank == 0);
      }
      // Every link that brought a practice in is one of electsec's and names its source:
      // the entry's component, one of its applicable risks, or its class.
      for (const auto* list : {&p.practices, &p.out_of_scope})
        for (const auto& sp : *list) {
          BOOST_TEST(!sp.links.empty());
          for (const auto& l : sp.links) {
            BOOST_TEST(l.provenance == "electsec");
            BOOST_TEST(editorial_reason(l) == "electsec: " + l.reason);
            const auto of = c.system_links_of(l.subject);
            BOOST_TEST((std::find_if(of.begin(), of.end(), [&](const SystemLink* x) {
                          return x->practice == sp.practice && x->reason == l.reason;
                        }) != of.end()));
            const bool from_use = l.subject == l.component || l.subject == to_string(l.connectedness);
            const auto& risks = c.system_component(l.component).risks;
            const bool from_risk = l.connectedness != Connectedness::none &&
                                   std::find(risks.begin(), risks.end(), l.subject) != risks.end();
            BOOST_TEST((from_use || from_risk), l.subject);
          }
        }
    }
  }
  // Paper pollbooks bring in only what is linked to the kind of system and to 'none'.
  const RiskPicture paper = risk_picture(c, {{"pollbooks", Connectedness::none, ""}}, Maturity::level1);
  for (const auto* list : {&paper.practices, &paper.out_of_scope})
    for (const auto& sp : *list)
      for (const auto& l : sp.links) BOOST_TEST((l.subject == "pollbooks" || l.subject == "none"), l.subject);
  // At Level 1 network monitoring is out of scope: listed apart, never dropped.
  const RiskPicture l1 = risk_picture(c, {{"vote_capture", Connectedness::network, ""}}, Maturity::level1);
  BOOST_TEST((std::find_if(l1.out_of_scope.begin(), l1.out_of_scope.end(), [](const SystemPractice& sp) {
                return sp.practice == "network_monitoring";
              }) != l1.out_of_scope.end()));
  BOOST_TEST(risk_picture(c, {}, Maturity::level1).practices.empty());
  // The JSON carries every link's provenance.
  const auto doc = nlohmann::json::parse(to_json(l1));
  for (const char* list : {"practices", "out_of_scope"})
    for (const auto& sp : doc[list])
      for (const auto& l : sp["links"]) BOOST_TEST(l["provenance"] == "electsec");
}

BOOST_AUTO_TEST_CASE(the_plan_weighs_systems_only_when_asked) {
  const Catalog& c = default_catalog();
  for (const Maturity m : all_maturities) {
    BOOST_TEST_CONTEXT(level_name(m)) {
      Assessment a = test::office("us-xx-a", m);
      a.add_system(c, "vote_capture", Connectedness::indirect);
      a.add_system(c, "enr", Connectedness::network);
      const Plan guide = build_plan(c, m, a);
      BOOST_TEST((build_plan(c, m, a, PlanOptions{}) == guide));  // off by default
      const Plan weighted = build_plan(c, m, a, PlanOptions{true});
      BOOST_TEST_REQUIRE(weighted.steps.size() == guide.steps.size());
      const RiskPicture picture = risk_picture(c, a);
      std::set<std::string> addressing;
      for (const auto& sp : picture.practices) addressing.insert(sp.practice);
      // Moved steps first, then the rest; each group in the guide's order.
      std::size_t moved = 0;
      while (moved < weighted.steps.size() && weighted.steps[moved].reason.rfind("electsec: addresses your ", 0) == 0)
        ++moved;
      BOOST_TEST(moved > 0u);
      for (std::size_t i = moved; i < weighted.steps.size(); ++i)
        BOOST_TEST(weighted.steps[i].reason.find("electsec") == std::string::npos);
      std::vector<std::string> first, rest, guide_first, guide_rest;
      for (std::size_t i = 0; i < weighted.steps.size(); ++i) {
        BOOST_TEST(weighted.steps[i].rank == static_cast<int>(i + 1));
        (i < moved ? first : rest).push_back(weighted.steps[i].id);
      }
      for (const auto& s : guide.steps) {
        bool serves = s.kind == StepKind::practice && addressing.count(s.practice) > 0;
        if (s.kind == StepKind::worksheet)
          for (const auto& action : s.actions) serves = serves || addressing.count(c.practice_of_action(action).id);
        (serves ? guide_first : guide_rest).push_back(s.id);
      }
      BOOST_TEST(first == guide_first);
      BOOST_TEST(rest == guide_rest);
      // A moved step says which of the office's systems it serves, and keeps the guide's reason.
      for (std::size_t i = 0; i < moved; ++i) {
        const auto& s = weighted.steps[i];
        const auto original =
            std::find_if(guide.steps.begin(), guide.steps.end(), [&](const PlanStep& g) { return g.id == s.id; });
        BOOST_TEST(s.reason.find("; in the guide's order: " + original->reason) != std::string::npos, s.reason);
        BOOST_TEST((s.reason.find("vote_capture (indirect)") != std::string::npos ||
                    s.reason.find("enr (network)") != std::string::npos),
                   s.reason);
        BOOST_TEST(s.actions == original->actions);
      }
    }
  }
  // Without a profile, asking changes nothing.
  const Assessment plain = test::office("us-xx-b", Maturity::level2);
  BOOST_TEST((build_plan(c, Maturity::level2, plain, PlanOptions{true}) == build_plan(c, Maturity::level2, plain)));
}

BOOST_AUTO_TEST_CASE(every_rendered_editorial_link_carries_electsecs_mark) {
  const Catalog& c = default_catalog();
  const std::string path = write_profiled("marked.json");
  Assessment a = load_assessment(path, c);
  a.add_system(c, "enr", Connectedness::network);
  a.add_system(c, "voter_registration", Connectedness::network);
  save_assessment(a, path, c);
  // Text for people: the CLI's table, the reports, the weighted plan.
  const Run table = run({"assess", "systems", path});
  BOOST_TEST_REQUIRE(table.code == 0, table.err);
  every_reason_is_marked(table.out, &as_is, "assess systems");
  BOOST_TEST(table.out.find("The links are electsec's, not the guide's") != std::string::npos);
  every_reason_is_marked(office_report_markdown(c, a), &markdown_escape, "Markdown report");
  every_reason_is_marked(office_report_html(c, a), &html_escape, "HTML report");
  for (const char* format : {"table", "markdown", "csv", "json"}) {
    BOOST_TEST_CONTEXT(format) {
      const Run plan = run({"plan", "--assessment", path, "--systems-first", "--format", format});
      BOOST_TEST_REQUIRE(plan.code == 0, plan.err);
      BOOST_TEST(plan.out.find("electsec: addresses your ") != std::string::npos);
    }
  }
  // Data for programs: every link with a reason has its provenance beside it.
  const Run json = run({"assess", "systems", path, "--format", "json"});
  BOOST_TEST_REQUIRE(json.code == 0, json.err);
  std::size_t links = 0;
  const auto doc = nlohmann::json::parse(json.out);
  for (const char* list : {"practices", "out_of_scope"})
    for (const auto& sp : doc[list])
      for (const auto& l : sp["links"]) {
        ++links;
        BOOST_TEST(l["provenance"] == "electsec");
      }
  BOOST_TEST(links > 0u);
  const Run csv = run({"assess", "systems", path, "--format", "csv"});
  BOOST_TEST_REQUIRE(csv.code == 0, csv.err);
  std::istringstream lines(csv.out);
  std::string line;
  std::getline(lines, line);
  BOOST_TEST(line == "plan_rank,practice,scope,component,connectedness,subject,reason,provenance\r");
  std::size_t rows = 0;
  while (std::getline(lines, line)) {
    ++rows;
    BOOST_TEST(line.size() > 10u);
    BOOST_TEST(line.compare(line.size() - 10, 10, ",electsec\r") == 0, line);
  }
  BOOST_TEST(rows == links);
}

BOOST_AUTO_TEST_CASE(assess_systems_on_the_command_line) {
  const std::string path = write_profiled("cli_systems.json");
  const Run shown = run({"assess", "systems", path});
  BOOST_TEST(shown.code == 0);
  BOOST_TEST(shown.out.find("A County (us-xx-a), Level 2: 3 systems in its profile") != std::string::npos, shown.out);
  BOOST_TEST(shown.out.find("none (not digital)") != std::string::npos);
  const Run added = run({"assess", "systems", path, "--add", "ems", "--connectedness", "none"});
  BOOST_TEST(added.code == 0, added.err);
  BOOST_TEST(added.out == path + ": added ems (none)\n");
  BOOST_TEST(added.err.find("warning: the guide's primer says ems (none) does not occur") != std::string::npos,
             added.err);
  BOOST_TEST(run({"assess", "systems", path}).out.find("warning: the guide's primer says ems (none)") !=
             std::string::npos);
  const Run noted = run({"assess", "systems", path, "--add", "EMS", "--connectedness", "none"});
  BOOST_TEST(noted.code == 1);  // ids are exact
  const Run kept = run({"assess", "systems", path, "--add", "ems", "--connectedness", "NONE", "--note", "x"});
  BOOST_TEST(kept.out == path + ": kept ems (none), note replaced\n");
  const Run removed = run({"assess", "systems", path, "--remove", "pollbooks", "--connectedness", "none"});
  BOOST_TEST(removed.out == path + ": removed 1 entry for pollbooks\n");
  const Assessment a = load_assessment(path, default_catalog());
  BOOST_TEST(a.systems.size() == 3u);
  BOOST_TEST(a.systems.back().note == "x");
  BOOST_TEST(a.statuses.size() == 1u);  // every status kept
}

BOOST_AUTO_TEST_CASE(assess_systems_errors_leave_the_file_as_it_was) {
  const std::string path = write_profiled("cli_systems_errors.json");
  const std::string before = test::read_text(path);
  struct Case {
    const char* name;
    std::vector<std::string> args;
    int code;
    const char* err_has;
  };
  const Case cases[] = {
      {"unknown component",
       {"--add", "polbooks", "--connectedness", "none"},
       1,
       "unknown system component 'polbooks'; did you mean 'pollbooks'"},
      {"bad connectedness",
       {"--add", "pollbooks", "--connectedness", "wifi"},
       2,
       "--connectedness: unknown connectedness 'wifi'"},
      {"no connectedness", {"--add", "pollbooks"}, 2, "--add needs --connectedness"},
      {"add and remove", {"--add", "pollbooks", "--remove", "ems"}, 2, "not both"},
      {"note alone", {"--note", "x"}, 2, "go with --add or --remove"},
      {"remove what is not there", {"--remove", "ems"}, 1, "the system profile has no 'ems'; nothing changed"},
      {"remove one class that is not there",
       {"--remove", "pollbooks", "--connectedness", "network"},
       1,
       "has no pollbooks (network)"},
      {"unknown option", {"--component", "ems"}, 2, "--component"},
      {"json for a change",
       {"--add", "ems", "--connectedness", "network", "--format", "markdown"},
       2,
       "does not support --format markdown"},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      std::vector<std::string> args{"assess", "systems", path};
      args.insert(args.end(), tc.args.begin(), tc.args.end());
      const Run r = run(args);
      BOOST_TEST(r.code == tc.code);
      BOOST_TEST(r.err.find(tc.err_has) != std::string::npos, r.err);
      BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') <= 2);
      BOOST_TEST(test::read_text(path) == before);
    }
  }
  // A file that does not load is named with its line and field, and left alone.
  const std::string invalid = test::temp_path("cli_systems_invalid.json");
  std::ofstream(invalid) << replaced("\"connectedness\": \"none\"", "\"connectedness\": \"paper\"");
  const std::string bad = test::read_text(invalid);
  const Run r = run({"assess", "systems", invalid, "--add", "ems", "--connectedness", "network"});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.err.find(invalid + ":8:") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("/systems/1/connectedness") != std::string::npos, r.err);
  BOOST_TEST(test::read_text(invalid) == bad);
}

BOOST_AUTO_TEST_CASE(a_locked_file_is_left_as_it_was) {
  const Catalog& c = default_catalog();
  const std::string path = write_profiled("cli_systems_locked.json");
  test::HeldLock lock(path, c);
  Assessment a = load_assessment(path, c);
  BOOST_CHECK_EXCEPTION(update_assessment(
                            path, c, [&](Assessment& x) { x.add_system(c, "ems", Connectedness::network); },
                            std::chrono::milliseconds(50)),
                        IoError, [](const IoError& e) {
                          return std::string(e.what()).find("another writer holds the file's lock") !=
                                 std::string::npos;
                        });
  lock.release();
  BOOST_TEST(load_assessment(path, c).systems == a.systems);  // no ems: the refused change wrote nothing
}

BOOST_AUTO_TEST_SUITE_END()  // test_systems
