#include <electsec/catalog_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

#include <fstream>
#include <sstream>

using namespace electsec;

namespace {

using test::Run;
using test::run;

std::size_t count_lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Files the cases below use with --catalog, written once.
struct Files {
  std::string sample = test::temp_path("cli_sample.json");
  std::string broken = test::temp_path("cli_broken.json");
  std::string inconsistent = test::temp_path("cli_inconsistent.json");
  Files() {
    const std::string text = to_json(test::sample_catalog());
    std::ofstream(sample) << text;
    std::ofstream(broken) << text.substr(0, text.size() / 2);
    std::string bad = text;
    bad.replace(bad.find("\"5.2\""), 5, "\"5.99\"");
    std::ofstream(inconsistent) << bad;
  }
};
const Files& files() {
  static const Files f;
  return f;
}

struct CliCase {
  const char* name;
  std::vector<std::string> args;
  int code;
  std::vector<std::string> out_has;  // substrings of stdout
  std::string err_has;               // substring of stderr ("" = stderr must be empty)
};

}  // namespace

BOOST_AUTO_TEST_SUITE(test_cli)

BOOST_AUTO_TEST_CASE(outputs_and_exit_codes) {
  const std::string sample = files().sample;
  const CliCase cases[] = {
      {"help", {"--help"}, 0, {"usage: electsec [--catalog FILE] <command>", "safeguards"}, ""},
      {"version", {"--version"}, 0, {"electsec 0.1.0"}, ""},
      {"no command", {}, 2, {}, "usage: electsec"},
      {"command help", {"safeguards", "--help"}, 0, {"usage: electsec safeguards [--ig N]"}, ""},
      {"controls", {"controls"}, 0, {"Penetration Testing", "18 controls"}, ""},
      {"controls csv",
       {"controls", "--format", "csv"},
       0,
       {"id,title,safeguards\r\n1,Inventory and Control of Enterprise Assets,5\r\n"},
       ""},
      {"controls json", {"controls", "--format=json"}, 0, {"\"id\": 18,\n    \"title\": \"Penetration Testing\""}, ""},
      {"safeguards ig1", {"safeguards", "--ig", "1"}, 0, {"56 safeguards"}, ""},
      {"safeguards ig2", {"safeguards", "--ig", "2"}, 0, {"130 safeguards"}, ""},
      {"safeguards all", {"safeguards"}, 0, {"153 safeguards", "18.5"}, ""},
      {"safeguards of a control", {"safeguards", "--control", "17"}, 0, {"9 safeguards", "17.9"}, ""},
      {"safeguards by asset type and function",
       {"safeguards", "--asset-type", "N/A", "--function", "Recover"},
       0,
       {"17.9  3    N/A         Recover", "3 safeguards"},
       ""},
      {"csv quotes commas",
       {"safeguards", "--control", "12", "--format", "csv"},
       0,
       {"12.5,12,\"Centralize Network Authentication, Authorization, and Auditing (AAA)\",Network,Protect,2 3,2.1\r\n"},
       ""},
      {"safeguard",
       {"safeguard", "14.9"},
       0,
       {"Safeguard 14.9:", "IGs:            2 3", "managing_staff (Building and Managing Staff), Level 2"},
       ""},
      {"safeguard no practice maps to", {"safeguard", "1.5"}, 0, {"Best practices: none map to it"}, ""},
      {"safeguard json",
       {"safeguard", "17.9", "--format", "json"},
       0,
       {"\"security_function\": \"Recover\"", "\"implementation_groups\": [\n    3\n  ]"},
       ""},
      {"unknown safeguard", {"safeguard", "99.9"}, 1, {}, "electsec: unknown safeguard '99.9'; did you mean"},
      {"safeguard without id", {"safeguard"}, 2, {}, "usage: electsec safeguard ID"},
      {"safeguard with two ids", {"safeguard", "1.1", "1.2"}, 2, {}, "usage: electsec safeguard ID"},
      {"bad ig", {"safeguards", "--ig", "4"}, 2, {}, "--ig: unknown implementation group '4'"},
      {"bad control", {"safeguards", "--control", "x"}, 2, {}, "--control expects a number, not 'x'"},
      {"bad asset type", {"safeguards", "--asset-type", "Laptops"}, 2, {}, "unknown asset type 'Laptops'"},
      {"option without value", {"safeguards", "--ig"}, 2, {}, "option --ig needs a value"},
      {"option twice", {"safeguards", "--ig", "1", "--ig", "2"}, 2, {}, "option --ig given twice"},
      {"option of another command", {"controls", "--ig", "1"}, 2, {}, "'controls' has no option --ig"},
      {"unsupported format",
       {"catalog", "--format", "csv"},
       2,
       {},
       "'catalog' does not support --format csv (use table, json)"},
      {"unknown format", {"practices", "--format", "xml"}, 2, {}, "does not support --format xml"},
      {"unknown command", {"safegaurds"}, 2, {}, "unknown command 'safegaurds'; did you mean 'safeguards'?"},
      {"catalog summary",
       {"catalog"},
       0,
       {"Essential Guide to Election Security, version 1.4.1", "CIS Safeguards            153"},
       ""},
      {"practices of the sample",
       {"--catalog", sample, "practices"},
       0,
       {"1  alpha  priority      priority  in_scope  Alpha Practice", "2 practices"},
       ""},
      {"practices filtered",
       {"practices", "--catalog", sample, "--maturity", "3", "--scope", "priority"},
       0,
       {"beta", "1 practice\n"},
       ""},
      {"practices csv",
       {"practices", "--catalog", sample, "--format", "csv"},
       0,
       {"id,order,title,scope_level1,scope_level2,scope_level3,actions,safeguards\r\nalpha,1,Alpha "
        "Practice,priority,priority,in_scope,4,2\r\n"},
       ""},
      {"bad maturity", {"practices", "--maturity", "0"}, 2, {}, "--maturity: unknown maturity '0'"},
      {"practice",
       {"--catalog", sample, "practice", "alpha"},
       0,
       {"Alpha Practice (alpha), practice 1 of 2", "2018 Handbook practices: 1, 2"},
       ""},
      {"practice --help names the older name",
       {"practice", "--help"},
       0,
       {"usage: electsec practice ID", "'show' is an older name of this command and still works."},
       ""},
      {"a typo of the older name suggests it", {"sho", "alpha"}, 2, {}, "did you mean 'show'?"},
      {"an unknown option given last is named as unknown",
       {"practices", "--bogus"},
       2,
       {},
       "'practices' has no option --bogus"},
      {"a known option given last needs its value",
       {"practices", "--maturity"},
       2,
       {},
       "option --maturity needs a value"},
      {"--format given last needs its value", {"practices", "--format"}, 2, {}, "option --format needs a value"},
      {"enum options in any case",
       {"safeguards", "--function", "protect", "--asset-type", "DEVICES"},
       0,
       {"17 safeguards\n"},
       ""},
      {"an enum typo still lists what is accepted",
       {"safeguards", "--function", "protekt"},
       2,
       {},
       "expected one of 'Identify', 'Protect'"},
      {"--format in any case", {"controls", "--format", "CSV"}, 0, {"id,title,safeguards\r\n"}, ""},
      {"one row is counted in the singular", {"acronyms", "MFA"}, 0, {"\n1 expansion\n"}, ""},
      {"guidance filters in any case", {"guidance", "--audience", "MAYOR"}, 0, {"10 recommendations\n"}, ""},
      {"a guidance filter typo suggests the value",
       {"guidance", "--audience", "mayorz"},
       2,
       {},
       "did you mean 'mayor'?"},
      {"search finds an id", {"search", "4.1", "--kind", "safeguard"}, 0, {"1  safeguard  4.1  Establish"}, ""},
      {"export asks which document", {"export"}, 2, {}, "export needs --format oscal-catalog"},
      {"show, the older name, still works",
       {"--catalog", sample, "show", "alpha"},
       0,
       {"Alpha Practice (alpha), practice 1 of 2", "Level 1, User Recommendations\n    - Do the thing",
        "[alpha.l1.user-recommendations.2]", "Levels 2 and 3\n", "Configuration Process (Level 1)",
        "5.2  Use Unique Passwords\n", "2018 Handbook practices: 1, 2"},
       ""},
      {"show csv lists actions",
       {"--catalog", sample, "show", "beta", "--format", "csv"},
       0,
       {"id,levels,group,text\r\nbeta.all.1,1 2 3,,Do the thing this test names.\r\n"},
       ""},
      {"show unknown practice",
       {"--catalog", sample, "show", "alpah"},
       1,
       {},
       "unknown practice 'alpah'; did you mean 'alpha'?"},
      {"safeguard lists practices",
       {"--catalog", sample, "safeguard", "4.1"},
       0,
       {"alpha (Alpha Practice), Level 1", "beta (Beta Practice), Level 2"},
       ""},
      {"practices at level 1 priority",
       {"practices", "--maturity", "1", "--scope", "priority"},
       0,
       {"7   user_management", "10 practices"},
       ""},
      {"show a guide practice",
       {"show", "user_management"},
       0,
       {"User Management (user_management), practice 7 of 30", "Level 1, Organizational Recommendations",
        "10 or fewer invalid login attempts", "Levels 2 and 3\n", "2018 Handbook practices: 24, 25, 26"},
       ""},
      {"show unknown guide practice", {"show", "user-management"}, 1, {}, "did you mean 'user_management'"},
      {"handbook list", {"handbook"}, 0, {"2   public_asset_scanning", "88 Handbook practices"}, ""},
      {"handbook csv",
       {"handbook", "--format", "csv"},
       0,
       {"number,title,practices\r\n1,Whitelist which IPs can access the device,\r\n"},
       ""},
      {"handbook entry",
       {"handbook", "73"},
       0,
       {"2018 Handbook practice 73:", "incident_response (Incident Response Planning)", "managing_vendors"},
       ""},
      {"handbook entry pages disagree",
       {"handbook", "6"},
       0,
       {"EGES practices (guide's appendix): none", "Also listed on the page of: network_segmentation"},
       ""},
      {"handbook unknown", {"handbook", "89"}, 1, {}, "unknown Handbook practice '89'"},
      {"handbook not a number", {"handbook", "six"}, 2, {}, "Handbook practice number must be a number, not 'six'"},
      {"glossary list", {"glossary"}, 0, {"21 terms"}, ""},
      {"glossary term and acronym", {"glossary", "mfa"}, 0, {"MFA stands for: multi-factor authentication"}, ""},
      {"glossary term",
       {"glossary", "Ransomware", "--format", "csv"},
       0,
       {"term,kind,text\r\nransomware,definition,"},
       ""},
      {"glossary unknown", {"glossary", "hashng"}, 1, {}, "unknown term 'hashng'; did you mean 'hashing'?"},
      {"acronym expansions", {"acronyms", "cdm"}, 0, {"Continuous Diagnostics and Monitoring", "3 expansions"}, ""},
      {"acronym unknown", {"acronyms", "XYZZY"}, 1, {}, "unknown acronym 'XYZZY'"},
      {"statements of level 1", {"statements", "--maturity", "1"}, 0, {"l1.6", "6 statements"}, ""},
      {"all statements", {"statements", "--format", "csv"}, 0, {"id,level,text\r\nl1.1,1,"}, ""},
      {"priorities level 1",
       {"priorities", "--maturity", "1"},
       0,
       {"level1_baseline  1   hardware-inventory", "level1_election  5   removable_media", "15 entries"},
       ""},
      {"priorities level 2", {"priorities", "--maturity", "2"}, 0, {"cdm_ranking  20  6.3", "20 entries"}, ""},
      {"missing catalog file",
       {"--catalog", "/nonexistent/c.json", "practices"},
       1,
       {},
       "electsec: /nonexistent/c.json: cannot read: No such file or directory"},
      {"broken catalog file", {"--catalog", files().broken, "practices"}, 1, {}, files().broken + ":"},
      {"inconsistent catalog file",
       {"--catalog", files().inconsistent, "practices"},
       1,
       {},
       files().inconsistent + ": catalog is inconsistent (1 problem)"},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      const Run r = run(tc.args);
      BOOST_TEST(r.code == tc.code);
      for (const auto& s : tc.out_has)
        BOOST_TEST(r.out.find(s) != std::string::npos, "stdout lacks: " << s << "\n" << r.out);
      if (tc.err_has.empty())
        BOOST_TEST(r.err.empty(), r.err);
      else
        BOOST_TEST(r.err.find(tc.err_has) != std::string::npos, r.err);
      if (tc.code != 0 && !r.err.empty() && tc.code == 1)
        BOOST_TEST(count_lines(r.err) == 1u, "one line expected: " << r.err);
    }
  }
}

BOOST_AUTO_TEST_CASE(json_outputs_are_the_catalog_format_shapes) {
  using nlohmann::json;
  const json catalog = json::parse(to_json(default_catalog()));
  BOOST_TEST(json::parse(run({"safeguards", "--format", "json"}).out) == catalog["safeguards"]);
  BOOST_TEST(json::parse(run({"controls", "--format", "json"}).out) == catalog["controls"]);
  BOOST_TEST(json::parse(run({"practices", "--format", "json"}).out) == catalog["practices"]);
  BOOST_TEST((parse_catalog(run({"catalog", "--format", "json"}).out) == default_catalog()));
  BOOST_TEST(json::parse(run({"show", "user_management", "--format", "json"}).out) == catalog["practices"][6]);
  BOOST_TEST(json::parse(run({"handbook", "--format", "json"}).out) == catalog["handbook"]);
  BOOST_TEST(json::parse(run({"handbook", "12", "--format", "json"}).out) == catalog["handbook"][11]);
  BOOST_TEST(json::parse(run({"glossary", "--format", "json"}).out) == catalog["glossary"]);
  BOOST_TEST(json::parse(run({"acronyms", "--format", "json"}).out) == catalog["acronyms"]);
  BOOST_TEST(json::parse(run({"statements", "--format", "json"}).out) == catalog["maturity_statements"]);
  BOOST_TEST(json::parse(run({"priorities", "--format", "json"}).out) == catalog["priorities"]);
  const json cdm_only = json::parse(run({"priorities", "--maturity", "3", "--format", "json"}).out);
  BOOST_TEST(cdm_only == json({{"cdm_ranking", catalog["priorities"]["cdm_ranking"]}}));

  const json sample = json::parse(to_json(test::sample_catalog()));
  const std::string file = files().sample;
  BOOST_TEST(json::parse(run({"--catalog", file, "practices", "--format", "json"}).out) == sample["practices"]);
  BOOST_TEST(json::parse(run({"--catalog", file, "show", "beta", "--format", "json"}).out) == sample["practices"][1]);
  BOOST_TEST(json::parse(run({"safeguard", "4.1", "--format", "json"}).out) == catalog["safeguards"][26]);
}

BOOST_AUTO_TEST_CASE(csv_rows_match_the_list) {
  const Run ig1 = run({"safeguards", "--ig", "1", "--format", "csv"});
  BOOST_TEST(count_lines(ig1.out) == 57u);  // header + 56
  const Run all = run({"safeguards", "--format", "csv"});
  BOOST_TEST(count_lines(all.out) == 154u);
}

BOOST_AUTO_TEST_SUITE_END()  // test_cli
