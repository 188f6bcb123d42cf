// ciso_assistant.hpp: the libraries as written for the embedded catalog (golden files;
// tests/python/test_ciso_assistant.py parses them back with PyYAML and checks them against
// what CISO Assistant's loader requires), YAML quoting of any text a catalog may hold, and
// audits of the framework read back as CISO Assistant's audit CSV export writes them.
#include <electsec/assessment_json.hpp>
#include <electsec/ciso_assistant.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace electsec;

namespace {

// What CISO Assistant's audit CSV export holds for one action (its defaults: not assessed,
// to do, no observation).
struct Row {
  std::string result = "not_assessed";
  std::string progress = "to_do";
  std::string observation;
};

// A field as Python's csv module writes it with ';' (QUOTE_MINIMAL): quoted when it holds
// the delimiter, a quote or a line break, quotes doubled.
std::string field(const std::string& s) {
  if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

// An audit of the framework to_ciso_assistant_library writes, as CISO Assistant's audit CSV
// export writes it: the header, then one row per node (ref_id and text for a practice, which
// is not assessable; result, progress, score and observation too for an action and for the
// maturity nodes), every action at its defaults unless `rows` says otherwise.
std::string audit_export(const Catalog& c, const std::map<std::string, Row>& rows = {}) {
  std::string out = "ref_id;description;compliance_result;progress;score;observations\r\n";
  const auto assessable = [&](const std::string& id, const std::string& text) {
    const auto it = rows.find(id);
    const Row r = it == rows.end() ? Row{} : it->second;
    out += field(id) + ";" + field(text) + ";" + field(r.result) + ";" + field(r.progress) + ";;" +
           field(r.observation) + "\r\n";
  };
  for (const Practice& p : c.practices()) {
    out += field(p.id) + ";" + field(p.summary) + "\r\n";
    for (const Action& a : p.actions) assessable(a.id, a.text);
  }
  out += "maturity;Statements that describe an office at each level.\r\n";
  for (const char* level : {"1", "2", "3"})
    assessable(std::string("maturity.level-") + level, std::string("Level ") + level + " statements");
  return out;
}

Assessment an_office() {
  Assessment a = test::office("us-xx-c");
  const Catalog& c = default_catalog();
  a.set(c, "backups.l1.1", Status::in_progress, std::string("tapes"), "2026-01-05");
  a.set(c, "backups.l1.2", Status::done, std::nullopt, "2026-01-06");
  a.set(c, "asset_management.l1.1", Status::done, std::string("inventory"), "2026-01-07");
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_ciso_assistant)

BOOST_AUTO_TEST_CASE(the_libraries_of_the_embedded_catalog_are_as_reviewed) {
  const Catalog& c = default_catalog();
  const std::string library = to_ciso_assistant_library(c), mapping = to_ciso_assistant_mapping(c);
  BOOST_TEST(library == test::golden("ciso-assistant-library.yaml", library));
  BOOST_TEST(mapping == test::golden("ciso-assistant-mapping.yaml", mapping));
  BOOST_TEST(library == to_ciso_assistant_library(c));  // the same bytes each time
}

BOOST_AUTO_TEST_CASE(the_cis_packager_names_the_urns_and_must_be_one_ciso_assistant_takes) {
  CisoAssistantOptions o;
  o.cis_packager = "my-org_1";
  const std::string mapping = to_ciso_assistant_mapping(default_catalog(), o);
  BOOST_TEST(mapping.find("\"urn:my-org_1:risk:req_node:cis-controls-v8:1.1\"") != std::string::npos);
  BOOST_TEST(mapping.find("urn:intuitem:") == std::string::npos);
  for (const char* bad : {"", "My-Org", "a b", "a:b", "x\n"}) {
    o.cis_packager = bad;
    BOOST_CHECK_THROW(to_ciso_assistant_mapping(default_catalog(), o), Error);
  }
}

BOOST_AUTO_TEST_CASE(the_synthesized_audit_names_the_nodes_of_the_exported_framework) {
  const Catalog& c = default_catalog();
  const std::string library = to_ciso_assistant_library(c);
  std::istringstream rows(audit_export(c));
  std::string line;
  std::getline(rows, line);
  std::size_t nodes = 0;
  while (std::getline(rows, line)) {
    const std::string ref_id = line.substr(0, line.find(';'));
    BOOST_TEST(library.find("ref_id: \"" + ref_id + "\"\n") != std::string::npos, ref_id);
    ++nodes;
  }
  BOOST_TEST(nodes == c.practices().size() + c.actions().size() + 4);  // with "maturity" and its three levels
}

BOOST_AUTO_TEST_CASE(an_untouched_audit_changes_nothing) {
  const Catalog& c = default_catalog();
  const Assessment office = an_office();
  const CisoAssistantImport read = import_ciso_assistant_audit(audit_export(c), c, office, "audit.csv");
  BOOST_TEST((read.assessment == office));
  BOOST_TEST(read.statuses.empty());
  BOOST_TEST(read.changed.empty());
  BOOST_TEST(read.unmatched.empty());
  BOOST_TEST(read.not_assessed == c.actions().size());
}

BOOST_AUTO_TEST_CASE(each_result_becomes_a_status_and_an_observation_the_note) {
  struct Case {
    const char* name;
    const char* action;
    Row row;
    std::optional<Status> status;  // none: the office's record of the action is left as it is
    std::string note;              // the note afterwards
    std::string changed;           // the line in `changed`, or "" for none
  };
  const Case cases[] = {
      {"compliant is done",
       "backups.l1.1",
       {"compliant", "done", ""},
       Status::done,
       "tapes",
       "backups.l1.1: in_progress -> done"},
      {"shown as CISO Assistant shows it",
       "backups.l1.1",
       {"Compliant", "Done", ""},
       Status::done,
       "tapes",
       "backups.l1.1: in_progress -> done"},
      {"partially compliant is in progress",
       "backups.l1.2",
       {"partially_compliant", "in_review", ""},
       Status::in_progress,
       "",
       "backups.l1.2: done -> in_progress"},
      {"non-compliant leaves work in progress as it is",
       "backups.l1.1",
       {"non_compliant", "done", ""},
       Status::in_progress,
       "tapes",
       ""},
      {"non-compliant undoes done",
       "asset_management.l1.1",
       {"Non-compliant", "done", ""},
       Status::not_started,
       "inventory",
       "asset_management.l1.1: done -> not_started"},
      {"non-compliant of an action without a status records nothing",
       "user_management.l1.organizational-"
       "recommendations.1",
       {"non_compliant", "done", ""},
       std::nullopt,
       "",
       ""},
      {"not applicable",
       "asset_management.l1.2",
       {"not_applicable", "done", ""},
       Status::not_applicable,
       "",
       "asset_management.l1.2: not_applicable"},
      {"an observation is the note",
       "backups.l1.2",
       {"compliant", "done", "restore tested; \"monthly\"\nin May"},
       Status::done,
       "restore tested; \"monthly\"\nin May",
       "backups.l1.2: note added"},
      {"a new status with a note",
       "asset_management.l1.2",
       {"partially_compliant", "in_progress", "half done"},
       Status::in_progress,
       "half done",
       "asset_management.l1.2: in_progress, with a note"},
      {"status and note at once",
       "backups.l1.1",
       {"compliant", "done", "offsite copies"},
       Status::done,
       "offsite copies",
       "backups.l1.1: in_progress -> done, and its note"},
      {"an empty observation keeps the note",
       "asset_management.l1.1",
       {"compliant", "done", ""},
       Status::done,
       "inventory",
       ""},
      {"not assessed with a new observation changes the note only",
       "asset_management.l1.1",
       {"not_assessed", "in_progress", "recount in June"},
       Status::done,
       "recount in June",
       "asset_management.l1.1: note changed"},
      {"not assessed says nothing", "backups.l1.2", {"not_assessed", "in_progress", ""}, Status::done, "", ""},
      {"an empty result is not assessed", "backups.l1.2", {"", "", ""}, Status::done, "", ""},
  };
  const Catalog& c = default_catalog();
  for (const Case& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      const Assessment office = an_office();
      const CisoAssistantImport read =
          import_ciso_assistant_audit(audit_export(c, {{tc.action, tc.row}}), c, office, "audit.csv", "2026-03-02");
      Assessment expected = office;
      if (tc.status && (!office.statuses.count(tc.action) || office.statuses.at(tc.action).status != *tc.status ||
                        office.statuses.at(tc.action).note != tc.note))
        expected.set(c, tc.action, *tc.status, tc.note, "2026-03-02");
      BOOST_TEST((read.assessment == expected));  // the edited record, nothing else changed
      if (tc.changed.empty())
        BOOST_TEST(read.changed.empty());
      else
        BOOST_TEST(read.changed == std::vector<std::string>{tc.changed}, read.changed.size());
      BOOST_TEST(read.unmatched.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_round_trip_with_many_edits_gives_the_edited_record) {
  const Catalog& c = default_catalog();
  const Assessment office = an_office();
  const std::map<std::string, Row> edits = {
      {"backups.l1.1", {"compliant", "done", "restored from tape"}},
      {"backups.l1.2", {"partially_compliant", "in_progress", ""}},
      {"network_segmentation.all.1", {"not_applicable", "done", "no network"}},
  };
  const CisoAssistantImport read =
      import_ciso_assistant_audit(audit_export(c, edits), c, office, "a.csv", "2026-03-02");
  Assessment expected = office;
  expected.set(c, "backups.l1.1", Status::done, std::string("restored from tape"), "2026-03-02");
  expected.set(c, "backups.l1.2", Status::in_progress, std::nullopt, "2026-03-02");
  expected.set(c, "network_segmentation.all.1", Status::not_applicable, std::string("no network"), "2026-03-02");
  BOOST_TEST((read.assessment == expected));
  BOOST_TEST(read.statuses.size() == 3u);
  BOOST_TEST(read.changed.size() == 3u);
  BOOST_TEST(read.not_assessed == c.actions().size() - 3);
  // Applying it again finds nothing to change.
  const CisoAssistantImport again = import_ciso_assistant_audit(audit_export(c, edits), c, read.assessment, "a.csv");
  BOOST_TEST(again.changed.empty());
  BOOST_TEST((again.assessment == read.assessment));
}

BOOST_AUTO_TEST_CASE(nodes_it_cannot_match_are_reported_and_left_alone) {
  const Catalog& c = default_catalog();
  const Assessment office = an_office();
  std::string text =
      audit_export(c, {{"backups.l1.1", {"compliant", "done", ""}}, {"maturity.level-2", {"compliant", "done", ""}}});
  text += "backups.l9.9;An action of no release;compliant;done;;\r\n";
  text += "A.5.1;Policies for information security;compliant;done;;\r\n";
  text += ";;compliant;done;;\r\n";
  text = test::replace_once(text, "\r\nbackups;", "\r\nbackups;Back up.;compliant;done;;\r\nbackups-x;");
  const CisoAssistantImport read = import_ciso_assistant_audit(text, c, office, "audit.csv");
  const std::vector<std::string> unmatched = read.unmatched;
  BOOST_TEST_REQUIRE(unmatched.size() == 6u);
  BOOST_TEST(unmatched[0].find(": backups: a practice, which the framework assesses through its actions") !=
             std::string::npos);
  BOOST_TEST(unmatched[1].find(": 'backups-x' is no node of the guide's framework") != std::string::npos);
  BOOST_TEST(unmatched[2].find(": maturity.level-2: maturity statements are not read back") != std::string::npos);
  BOOST_TEST(unmatched[3].find("'backups.l9.9' is no node") != std::string::npos);
  BOOST_TEST(unmatched[4].find("'A.5.1' is no node") != std::string::npos);
  BOOST_TEST(unmatched[5].find(": the row names no node (its ref_id is empty)") != std::string::npos);
  BOOST_TEST(read.changed == std::vector<std::string>{"backups.l1.1: in_progress -> done"});
  BOOST_TEST(read.assessment.statuses.size() == office.statuses.size());
  BOOST_TEST((read.assessment.statuses.at("backups.l1.1").status == Status::done));

  // An observation of an action with neither a result nor a recorded status.
  const CisoAssistantImport lone = import_ciso_assistant_audit(
      audit_export(c, {{"backups.l23.1", {"not_assessed", "to_do", "ask IT"}}}), c, office, "audit.csv");
  BOOST_TEST_REQUIRE(lone.unmatched.size() == 1u);
  BOOST_TEST(lone.unmatched[0].find("backups.l23.1: an observation without a result") != std::string::npos);
  BOOST_TEST((lone.assessment == office));
}

BOOST_AUTO_TEST_CASE(newer_exports_name_nodes_by_urn_and_add_columns) {
  const Catalog& c = default_catalog();
  const std::string urn = "urn:electsec:risk:req_node:cis-eges-" + c.guide().version + ":";
  // As CISO Assistant's own importer reads an audit: urn, requirement_progress; an answers
  // column, a URN in capitals and a comma-separated file (a spreadsheet saved it again) too.
  const std::string text =
      "assessable,urn,ref_id,compliance_result,requirement_progress,score,observations,answers\n"
      "True," +
      urn +
      "backups.l1.1,,compliant,done,3,\"offsite, weekly\",\n"
      "True,URN:ELECTSEC" +
      urn.substr(12) +
      "backups.l1.2,backups.l1.2,Not applicable,,,,\n"
      "True,urn:intuitem:risk:req_node:iso27001-2022:a.5.1,A.5.1,compliant,done,,,\n";
  const CisoAssistantImport read = import_ciso_assistant_audit(text, c, an_office(), "audit.csv");
  BOOST_TEST(read.changed == (std::vector<std::string>{"backups.l1.1: in_progress -> done, and its note",
                                                       "backups.l1.2: done -> not_applicable"}),
             boost::test_tools::per_element());
  BOOST_TEST(read.assessment.statuses.at("backups.l1.1").note == "offsite, weekly");
  BOOST_TEST_REQUIRE(read.unmatched.size() == 1u);
  BOOST_TEST(read.unmatched[0].find("line 4: 'urn:intuitem:risk:req_node:iso27001-2022:a.5.1' is no node") == 0u);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_no_audit_export_of_the_framework_is_refused_with_its_place) {
  const Catalog& c = default_catalog();
  const std::string good = audit_export(c, {{"backups.l1.1", {"compliant", "done", ""}}});
  const std::string header = "ref_id;description;compliance_result;progress;score;observations\r\n";
  const std::string urn = "urn:electsec:risk:req_node:cis-eges-" + c.guide().version + ":";
  // The line of backups.l1.1's row.
  const std::size_t at = good.find("\r\nbackups.l1.1;") + 2;
  const std::string line = std::to_string(std::count(good.begin(), good.begin() + static_cast<long>(at), '\n') + 1);
  struct Case {
    const char* name;
    std::string text;
    std::string says;  // a part of the message, with the place
  };
  const Case cases[] = {
      {"empty", "", "audit.csv:1: expected the header row of a CISO Assistant audit export"},
      {"a status CSV", "id,status\r\nbackups.l1.1,done\r\n",
       "audit.csv:1: expected the header row of a CISO Assistant audit export (columns ref_id or urn, and "
       "compliance_result), found 'id,...'"},
      {"header only", header, "audit.csv:2: expected a row per requirement node after the header; there is none"},
      {"a column twice", "ref_id;compliance_result;observations;observation\r\nbackups.l1.1;done;;\r\n",
       "audit.csv:1: field observation: the header names this column twice"},
      {"unknown result", test::replace_once(good, ";compliant;done;;", ";finished;done;;"),
       ": field compliance_result: unknown result 'finished' (expected not_assessed, compliant, partially_compliant, "
       "non_compliant or not_applicable)"},
      {"unknown progress", test::replace_once(good, ";compliant;done;", ";compliant;ongoing;"),
       ": field progress: unknown progress 'ongoing' (expected to_do, in_progress, in_review or done)"},
      {"an action twice", good + "backups.l1.1;again;compliant;done;;\r\n",
       ": field ref_id: backups.l1.1 is on line " + line + " already; an action may appear once"},
      {"too many fields", test::replace_once(good, ";compliant;done;;", ";compliant;done;;;extra"),
       "audit.csv:" + line + ": expected at most 6 fields, as the header has, found 7"},
      {"an unclosed quote", good + "backups.l1.3;\"open;compliant;done;;\r\n",
       ": a quoted field is not closed, or text follows its closing quote"},
      {"another release by urn",
       "urn;compliance_result\r\nurn:electsec:risk:req_node:cis-eges-0.9:backups.l1.1;done\r\n",
       "audit.csv:2: field urn: this node is of release '0.9' of the guide's framework, and the catalog is release " +
           c.guide().version},
      {"another framework", header + "A.5.1;Policies;compliant;done;;\r\nA.5.2;Roles;non_compliant;done;;\r\n",
       "audit.csv:2: no row names a node of the guide's framework (release " + c.guide().version +
           "): is this an audit of another framework?"},
      {"not UTF-8", test::replace_once(good, ";compliant;done;;", ";compliant;done;;\xff"),
       "audit.csv:" + line + ": field observations: not valid UTF-8 text"},
  };
  for (const Case& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      try {
        import_ciso_assistant_audit(tc.text, c, an_office(), "audit.csv");
        BOOST_TEST(tc.says == "", "no error");
      } catch (const ParseError& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find(tc.says) != std::string::npos, what);
        BOOST_TEST(what.rfind("audit.csv:", 0) == 0u, what);
        BOOST_TEST(what.find('\n') == std::string::npos);
      }
    }
  }
  BOOST_CHECK_THROW(import_ciso_assistant_audit(good, c, an_office(), "audit.csv", "March"), Error);
}

BOOST_AUTO_TEST_CASE(the_cli_applies_an_audit_atomically_and_a_bad_one_changes_nothing) {
  const Catalog& c = default_catalog();
  const std::string file = test::temp_path("ciso_office.json"), audit = test::temp_path("ciso_audit.csv");
  save_assessment(an_office(), file, c);
  const auto run = [](std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = run_cli(args, out, err);
    return std::make_tuple(code, out.str(), err.str());
  };
  std::ofstream(audit, std::ios::binary) << audit_export(
                                                c, {{"backups.l1.1", {"compliant", "done", "restored"}}, {"A.1", {}}}) +
                                                "A.5.1;Policies;compliant;done;;\r\n";
  {
    const auto [code, out, err] = run({"assess", "import-ciso-assistant", file, audit, "--date", "2026-03-02"});
    BOOST_TEST(code == 0, err);
    BOOST_TEST(out.find(file + ": 1 action changed from " + audit + ", 0 as they were, ") == 0u, out);
    BOOST_TEST(out.find("\n  backups.l1.1: in_progress -> done, and its note\nnot matched, left alone:\n  line ") !=
                   std::string::npos,
               out);
    const Assessment after = load_assessment(file, c);
    BOOST_TEST(after.statuses.at("backups.l1.1").note == "restored");
    BOOST_TEST(after.statuses.at("backups.l1.1").updated == "2026-03-02");
    BOOST_TEST(after.statuses.size() == an_office().statuses.size());
  }
  const std::string before = test::read_text(file);
  std::ofstream(audit, std::ios::binary) << test::replace_once(
      audit_export(c, {{"backups.l1.2", {"not_applicable", "done", ""}}}), ";not_applicable;done;",
      ";not_applicable;finished;");
  {
    const auto [code, out, err] = run({"assess", "import-ciso-assistant", file, audit});
    BOOST_TEST(code == 1);
    BOOST_TEST(err.find("electsec: " + audit + ":") == 0u, err);
    BOOST_TEST(
        err.find(": field progress: unknown progress 'finished' (expected to_do, in_progress, in_review or done)\n") !=
            std::string::npos,
        err);
    BOOST_TEST(out.empty());
  }
  BOOST_TEST(test::read_text(file) == before);
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"assess", "import-ciso-assistant", file},
                                             {"assess", "import-ciso-assistant", file, audit, "--date", "May"},
                                             {"assess", "import-ciso-assistant", file, audit, "--note", "x"}}) {
    const auto [code, out, err] = run(args);
    BOOST_TEST(code == 2, err);
  }
  {
    const auto [code, out, err] = run({"assess", "import-ciso-assistant", file, audit + ".missing"});
    BOOST_TEST(code == 1);
    BOOST_TEST(err.find(audit + ".missing") != std::string::npos, err);
  }
  BOOST_TEST(test::read_text(file) == before);
}

BOOST_AUTO_TEST_SUITE_END()  // test_ciso_assistant
