// The results codec: every result written and read back equal; bad documents named.
#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/results_json.hpp>

#include <boost/test/unit_test.hpp>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_results_json)

BOOST_AUTO_TEST_CASE(results_round_trip) {
  const Catalog& c = default_catalog();
  Assessment a;
  a.jurisdiction = {"x", "X County", "XX", JurisdictionKind::county};
  a.catalog_version = c.guide().version;
  a.maturity = Maturity::level2;
  a.set(c, "backups.l1.1", Status::done, std::string("weekly"), "2026-01-02");
  a.set(c, "mdbr.all.1", Status::in_progress, std::nullopt, "2026-01-02");
  for (Maturity m : {Maturity::level1, Maturity::level2, Maturity::level3}) {
    BOOST_TEST_CONTEXT("Level " << static_cast<int>(m)) {
      const Plan plan = build_plan(c, m, a);
      BOOST_TEST((parse_plan(to_json(plan)) == plan));
      BOOST_TEST((parse_plan(to_json(plan, -1)) == plan));
      BOOST_TEST(to_json(plan, -1).find('\n') == std::string::npos);
    }
  }
  const Scorecard card = score(c, a);
  BOOST_TEST((parse_scorecard(to_json(card)) == card));
  Assessment b = a;
  b.jurisdiction.id = "y";
  const Rollup r = rollup(c, {a, b});
  BOOST_TEST((parse_rollup(to_json(r)) == r));
  BOOST_TEST((parse_rollup(to_json(r)) != rollup(c, {a})));
  BOOST_TEST(to_json(diff(c, c)).find("\"added\"") != std::string::npos);
  BOOST_TEST(to_json(determine_maturity(c, {})).find("\"unsure\": true") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_documents_name_the_field) {
  struct Case {
    const char* text;
    const char* field;
  };
  const Case cases[] = {
      {R"({"maturity": 4, "steps": []})", "/maturity"},
      {R"({"maturity": 1, "steps": [{"rank": 1, "kind": "chore", "id": "x", "practice": null, "actions": [], "reason": ""}]})",
       "/steps/0/kind"},
      {R"({"maturity": 1, "steps": [], "extra": 1})", "/extra"},
      {R"({"maturity": 1})", ""},  // steps may be left out: an empty plan
  };
  for (const Case& tc : cases) {
    BOOST_TEST_CONTEXT(tc.text) {
      if (std::string(tc.field).empty()) {
        BOOST_TEST(parse_plan(tc.text).steps.empty());
        continue;
      }
      BOOST_CHECK_EXCEPTION(parse_plan(tc.text, "p.json"), ParseError,
                            [&](const ParseError& e) { return e.field() == tc.field && e.source() == "p.json"; });
    }
  }
  BOOST_CHECK_THROW(parse_rollup(R"({"jurisdictions": 1})"), ParseError);
  BOOST_CHECK_THROW(parse_scorecard("[]"), ParseError);
}

BOOST_AUTO_TEST_SUITE_END()  // test_results_json
