// The engine commands of the CLI: maturity, plan, assess, rollup.
#include <electsec/assessment_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/table.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

#include <filesystem>
#include <regex>
#include <fstream>
#include <sstream>

using namespace electsec;
namespace fs = std::filesystem;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run(const std::vector<std::string>& args, const std::string& input = "", bool interactive = false) {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = run_cli(args, in, out, err, interactive);
  return {code, out.str(), err.str()};
}

std::string write(const std::string& name, const std::string& text) {
  const std::string path = test::temp_path(name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_cli_engines)

BOOST_AUTO_TEST_CASE(maturity_from_a_file) {
  const std::string file = write("answers.json", R"({"answers": {"l1.1": false, "l1.2": false, "l1.3": false,
      "l2.1": true, "l2.2": true, "l2.3": true, "l2.4": true, "l2.5": false, "l3.1": false, "l3.2": false}})");
  const Run r = run({"maturity", "--answers", file});
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.find("Maturity: Level 2\n") == 0u, r.out);
  const Run j = run({"maturity", "--answers", file, "--format", "json"});
  const auto doc = nlohmann::json::parse(j.out);
  BOOST_TEST(doc["level"] == 2);
  BOOST_TEST(doc["tallies"][1]["yes"] == 4);
  BOOST_TEST(doc["tallies"][1]["majority"] == true);
}

BOOST_AUTO_TEST_CASE(maturity_questionnaire_on_a_terminal) {
  // 6 Level 1 answers, 7 Level 2, then input ends: Level 3 is skipped.
  const Run r = run({"maturity"}, "n\nno\nn\nn\ns\n\ny\nyes\nY\nmaybe\ny\nn\nn\nn\n", true);
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.find("[l1.1] ") != std::string::npos);
  BOOST_TEST(r.out.find("please answer y, n or s") != std::string::npos);
  BOOST_TEST(r.out.find("(input ended; the remaining statements are skipped)") != std::string::npos);
  BOOST_TEST(r.out.find("Maturity: Level 2") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(maturity_needs_a_file_or_a_terminal) {
  const Run r = run({"maturity"});
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.err.find("maturity needs --answers FILE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(plan_names_the_office_writes_to_a_file_and_says_when_nothing_is_left) {
  const std::string file = test::temp_path("plan-office.json");
  BOOST_TEST_REQUIRE(run({"assess", "init", file, "--id", "us-xx-p", "--name", "Plan County", "--state", "XX", "--kind",
                          "county", "--maturity", "1"})
                         .code == 0);
  const Run table = run({"plan", "--assessment", file});
  BOOST_TEST(table.out.rfind("Plan for Plan County at Level 1\n\n#", 0) == 0u, table.out.substr(0, 200));
  const std::string md = test::temp_path("plan.md");
  const Run written = run({"plan", "--assessment", file, "--format", "markdown", "-o", md});
  BOOST_TEST(written.code == 0, written.err);
  BOOST_TEST(written.out == "wrote " + md + "\n");
  BOOST_TEST(test::read_text(md).rfind("# Plan for Plan County at Level 1\n\n## 1. ", 0) == 0u);
  // A status in another case is still that status (and filters likewise).
  BOOST_TEST(run({"assess", "set", file, "backups.l1.1", "DONE"}).code == 0);
  BOOST_TEST(run({"assess", "show", file, "--status", "Done", "--format", "csv"}).out ==
             "id,status,note,updated\r\nbackups.l1.1,done,," + today_utc() + "\r\n");
  // Every practice marked not applicable: nothing is left, and the plan says what comes next.
  for (const Practice& p : default_catalog().practices())
    BOOST_TEST_REQUIRE(run({"assess", "set", file, "not_applicable", "--practice", p.id}).code == 0);
  const Run none = run({"plan", "--assessment", file});
  BOOST_TEST(none.out.find("Nothing left at Level 1: every applicable action is done or not applicable. Next: "
                           "electsec plan --maturity 2 --assessment FILE.") != std::string::npos,
             none.out);
  BOOST_TEST(none.out.find("0 steps") != std::string::npos, none.out);
}

BOOST_AUTO_TEST_CASE(plan_formats) {
  const Run table = run({"plan", "--maturity", "1"});
  BOOST_TEST(table.code == 0);
  BOOST_TEST(table.out.find("1   Hardware Inventory worksheet") != std::string::npos, table.out);
  const Run md = run({"plan", "--maturity", "2", "--format", "markdown"});
  BOOST_TEST(md.out.find("# Plan for an office at Level 2\n\n## 1. Managing Infrastructure with Secure "
                         "Configurations\n\n*Priority; Safeguard 4.1 ranks 1 against common attacks in the CIS "
                         "Community Defense Model*\n\n- [ ] ") == 0u,
             md.out.substr(0, 300));
  const Run csv = run({"plan", "--maturity", "3", "--format", "csv"});
  const Action& first = default_catalog().action("managing_infrastructure.l1.1");
  BOOST_TEST(csv.out.find("rank,kind,id,practice,action,text,status,note,reason\r\n1,practice,managing_"
                          "infrastructure,managing_infrastructure,managing_infrastructure.l1.1," +
                          csv_field(first.text) +
                          ",not_started,,Priority; Safeguard 4.1 ranks 1 against common attacks in the CIS "
                          "Community Defense Model\r\n") == 0u,
             csv.out.substr(0, 400));
  const auto doc = nlohmann::json::parse(run({"plan", "--maturity", "1", "--format", "json"}).out);
  BOOST_TEST(doc["steps"][0]["kind"] == "worksheet");
  BOOST_TEST(doc["steps"][0]["practice"].is_null());
  BOOST_TEST(doc["steps"][10]["id"] == "join_ei_isac");
  BOOST_TEST(run({"plan"}).code == 2);
  BOOST_TEST(run({"plan", "--maturity", "4"}).code == 2);
}

BOOST_AUTO_TEST_CASE(plan_shows_work_in_progress_and_notes) {
  const std::string file = test::temp_path("progress_plan.json");
  std::filesystem::remove(file);
  BOOST_TEST_REQUIRE(run({"assess", "init", file, "--id", "us-xx-p", "--name", "Pike County", "--state", "XX", "--kind",
                          "county", "--maturity", "1"})
                         .code == 0);
  BOOST_TEST_REQUIRE(
      run({"assess", "set", file, "asset_management.l1.1", "in_progress", "--note", "laptops \"first\""}).code == 0);
  BOOST_TEST_REQUIRE(
      run({"assess", "set", file, "backups.l1.1", "not_started", "--note", "waiting on the county"}).code == 0);
  // Table: a count of started actions per step, only when there is an office.
  const Run table = run({"plan", "--assessment", file});
  BOOST_TEST(table.out.find("Actions  In progress  Why") != std::string::npos, table.out);
  BOOST_TEST(
      std::regex_search(table.out, std::regex("\\n1 +Hardware Inventory worksheet +1 +1 +Start here: worksheet 1 "
                                              "of 10 of the Level 1 baseline\\n")),
      table.out);
  BOOST_TEST(run({"plan", "--maturity", "1"}).out.find("In progress") == std::string::npos);
  // CSV: the action's text, its status and note.
  const Run csv = run({"plan", "--assessment", file, "--format", "csv"});
  BOOST_TEST(csv.out.find(",in_progress,\"laptops \"\"first\"\"\",Start here: worksheet 1 of 10") != std::string::npos,
             csv.out.substr(0, 600));
  BOOST_TEST(csv.out.find(",not_started,waiting on the county,") != std::string::npos);
  // Markdown: marked in progress, with the note; a note on an action not started too.
  const Run md = run({"plan", "--assessment", file, "--format", "markdown"});
  BOOST_TEST(md.out.find("(`asset_management.l1.1`) — *in progress*: laptops \"first\"\n") != std::string::npos,
             md.out.substr(0, 800));
  BOOST_TEST(md.out.find("(`backups.l1.1`) — note: waiting on the county\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(assess_init_set_score_and_plan) {
  const std::string file = test::temp_path("county.json");
  const std::vector<std::string> init{"assess",  "init", file,     "--id",   "us-xx-s",    "--name", "Sample County",
                                      "--state", "XX",   "--kind", "county", "--maturity", "1"};
  Run r = run(init);
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out == "wrote " + file + ": Sample County at Level 1\n");
  r = run(init);
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.err == "electsec: " + file + ": already exists; pass --force to overwrite it\n");
  auto forced = init;
  forced.push_back("--force");
  BOOST_TEST(run(forced).code == 0);

  r = run({"assess", "set", file, "asset_management.l1.1", "done", "--note", "spreadsheet", "--date", "2026-03-01"});
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out == "asset_management.l1.1: done\n");
  BOOST_TEST(run({"assess", "set", file, "join_ei_isac.all.1", "not_applicable", "--date", "2026-03-01"}).code == 0);
  const Assessment a = load_assessment(file, default_catalog());
  BOOST_TEST(a.statuses.at("asset_management.l1.1").note == "spreadsheet");
  BOOST_TEST(a.statuses.at("asset_management.l1.1").updated == "2026-03-01");

  const std::string before = test::read_text(file);
  r = run({"assess", "set", file, "asset_management.l1.7", "done"});
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.err.find("unknown action 'asset_management.l1.7'; did you mean") != std::string::npos, r.err);
  BOOST_TEST(run({"assess", "set", file, "asset_management.l1.2", "finished"}).code == 2);
  BOOST_TEST(test::read_text(file) == before);  // failed commands leave the file as it was

  r = run({"assess", "score", file});
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.find("Sample County (us-xx-s), Level 1: 1 of 108 applicable actions done (1%)") == 0u, r.out);
  const auto card = nlohmann::json::parse(run({"assess", "score", file, "--format", "json"}).out);
  BOOST_TEST(card["actions_applicable"] == 108);  // 109 apply at Level 1, one marked not applicable
  BOOST_TEST(card["practices"][2]["id"] == "asset_management");
  BOOST_TEST(card["practices"][2]["actions_done"] == 1);

  r = run({"plan", "--assessment", file});
  BOOST_TEST(r.out.find("Hardware Inventory") == std::string::npos);  // done
  BOOST_TEST(r.out.find("1   Asset Protection worksheet") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(assess_usage_errors) {
  BOOST_TEST(run({"assess"}).code == 2);
  BOOST_TEST(
      run({"assess"}).err ==
      "electsec: 'assess' needs a subcommand: init, set, level, show, import, import-oscal, import-ciso-assistant, "
      "score, systems or migrate (see electsec assess --help)\n");
  BOOST_TEST(run({"assess", "frob", "x.json"}).code == 2);
  BOOST_TEST(run({"assess", "frob", "x.json"}).err.find("unknown subcommand 'assess frob'") != std::string::npos);
  BOOST_TEST(run({"assess", "init", test::temp_path("u.json"), "--id", "a"}).code == 2);
  const Run r = run({"assess", "score", "x.json", "--note", "n"});
  BOOST_TEST(r.code == 2);
  BOOST_TEST(r.err.find("'assess score' has no option --note") != std::string::npos);
  BOOST_TEST(run({"practices", "--force"}).code == 2);
}

BOOST_AUTO_TEST_CASE(bad_files_end_in_exit_1_with_one_line) {
  std::string deep(300000, '{');
  const std::pair<const char*, std::string> cases[] = {
      {"empty.json", ""},
      {"truncated.json", "{\"schema\": \"electsec.assessment/1\", \"jurisd"},
      {"array.json", "[]"},
      {"schema.json",
       R"({"schema": "x", "jurisdiction": {"id": "a", "name": "b", "state": "c", "kind": "county"}, "catalog_version": "1.4.1", "maturity": 1})"},
      {"types.json",
       R"({"schema": "electsec.assessment/1", "jurisdiction": "a", "catalog_version": 1, "maturity": "1"})"},
      {"deep.json", deep},
      {"utf8.json", "{\"schema\": \"electsec.assessment/\xff\"}"},
      {"binary.json", std::string("\0\1\2\3\xfe\xff", 6)},
  };
  for (const auto& [name, text] : cases) {
    BOOST_TEST_CONTEXT(name) {
      const std::string file = write(name, text);
      for (const auto& args :
           {std::vector<std::string>{"assess", "score", file}, std::vector<std::string>{"plan", "--assessment", file},
            std::vector<std::string>{"rollup", file},
            std::vector<std::string>{"assess", "set", file, "mdbr.all.1", "done"}}) {
        const Run r = run(args);
        BOOST_TEST(r.code == 1);
        BOOST_TEST(r.err.rfind("electsec: " + file, 0) == 0u, r.err);
        BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        BOOST_TEST(test::read_text(file) == text);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(rollup_of_a_directory) {
  const fs::path dir = test::temp_path("rollup_dir");
  fs::create_directories(dir);
  for (int i = 1; i <= 3; ++i) {
    const std::string file = (dir / ("o" + std::to_string(i) + ".json")).string();
    BOOST_TEST(run({"assess", "init", file, "--id", "o" + std::to_string(i), "--name", "Office " + std::to_string(i),
                    "--state", "XX", "--kind", "municipality", "--maturity", std::to_string(i)})
                   .code == 0);
  }
  BOOST_TEST(run({"assess", "set", (dir / "o1.json").string(), "mdbr.all.1", "done"}).code == 0);
  const Run r = run({"rollup", dir.string()});
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.find("3 offices: 1 at Level 1, 1 at Level 2, 1 at Level 3; 1 of ") == 0u, r.out);
  BOOST_TEST(r.out.find("Furthest behind: Office 2 (0%); Office 3 (0%); Office 1 (1%)") != std::string::npos, r.out);
  const auto doc = nlohmann::json::parse(run({"rollup", dir.string(), "--format", "json"}).out);
  BOOST_TEST(doc["jurisdictions"] == 3);
  BOOST_TEST(doc["maturity_distribution"]["2"] == 1);
  BOOST_TEST(doc["practices"][17]["id"] == "mdbr");
  BOOST_TEST(doc["practices"][17]["actions_done"] == 1);
  const Run csv = run({"rollup", dir.string(), "--format", "csv"});
  BOOST_TEST(csv.out.find("practice,actions_applicable,actions_done,completion,offices_complete\r\n") == 0u);
  BOOST_TEST(run({"rollup", dir.string(), "--threads", "0"}).out == r.out);  // 0: one thread per core
  BOOST_TEST(run({"rollup"}).code == 2);
  BOOST_TEST(run({"rollup", (dir / "none.json").string()}).code == 1);
}

BOOST_AUTO_TEST_CASE(actions_command) {
  Run r = run({"actions"});
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.find("159 actions") != std::string::npos);
  r = run({"actions", "--maturity", "1", "--format", "csv"});
  BOOST_TEST(std::count(r.out.begin(), r.out.end(), '\n') == 110);  // header + 109 that apply at Level 1
  BOOST_TEST(r.out.rfind("id,practice,levels,group,text\r\nphysical_threats.all.1,physical_threats,1 2 3,,", 0) == 0u);
  r = run({"actions", "--practice", "user_management", "--maturity", "2", "--format", "json"});
  BOOST_TEST(nlohmann::json::parse(r.out).size() == 19u);
  BOOST_TEST(run({"actions", "--practice", "nope"}).code == 1);
}

BOOST_AUTO_TEST_CASE(guidance_and_search_commands) {
  Run r = run({"guidance", "--audience", "mayor"});
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.find("10 Steps Mayors Can Take to Improve Election Security / Executive solutions\n") == 0u, r.out);
  BOOST_TEST(r.out.find("cap_mayors.4  mayor     Pay for mandatory security training") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("/ Use your role as a mayor to engage with election officials") != std::string::npos);
  BOOST_TEST(r.out.find("10 recommendations") != std::string::npos);
  r = run({"guidance", "--source", "dhs_cisa", "--format", "csv"});
  BOOST_TEST(std::count(r.out.begin(), r.out.end(), '\n') == 15);  // header + 14
  r = run({"guidance", "--practice", "network_monitoring", "--format", "json"});
  const auto doc = nlohmann::json::parse(r.out);
  BOOST_TEST(doc.size() == 2u);
  BOOST_TEST(doc[0]["id"] == "dhs_cisa.10");
  BOOST_TEST(run({"guidance", "--source", "cap"}).code == 1);
  BOOST_TEST(run({"guidance", "--practice", "backup"}).err.find("did you mean 'backups'") != std::string::npos);

  r = run({"search", "ransomware", "backups"});
  BOOST_TEST(r.code == 0, r.err);
  BOOST_TEST(r.out.find("1   practice   backups ") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("best match: ") != std::string::npos);
  r = run({"search", "MFA", "--kind", "safeguard", "--limit", "2", "--format", "json"});
  const auto hits = nlohmann::json::parse(r.out);
  BOOST_TEST(hits.size() == 2u);
  BOOST_TEST(hits[0]["kind"] == "safeguard");
  BOOST_TEST(hits[0]["practice"].is_null());
  BOOST_TEST(run({"search", "xylophone"}).out == "no matches for 'xylophone'\n");
  BOOST_TEST(run({"search"}).code == 2);
  BOOST_TEST(run({"search", "x", "--kind", "tools"}).code == 2);

  r = run({"show", "network_monitoring"});
  BOOST_TEST(r.out.find("Related guidance\n  dhs_cisa.10  Deploy sensors that detect attacks (DHS/CISA): ") !=
                 std::string::npos,
             r.out);
  r = run({"plan", "--maturity", "1", "--with-guidance"});
  BOOST_TEST(
      r.out.find("Related guidance\n  step 11: dhs_cisa.7  Share threat information (DHS/CISA)") != std::string::npos,
      r.out);
  const auto plan = nlohmann::json::parse(run({"plan", "--maturity", "1", "--with-guidance", "--format", "json"}).out);
  BOOST_TEST(plan["steps"][10]["guidance"][0] == "dhs_cisa.7");
  BOOST_TEST(!nlohmann::json::parse(run({"plan", "--maturity", "1", "--format", "json"}).out)["steps"][10].contains(
      "guidance"));
}

BOOST_AUTO_TEST_SUITE_END()  // test_cli_engines
