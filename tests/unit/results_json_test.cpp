// The results codec: every result written and read back equal; bad documents named.
#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/results_json.hpp>

#include <electsec/limits.hpp>

#include "io/json_codec.hpp"
#include "io/json_writer.hpp"

#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

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

// A rollup is written without a tree; the tree's encoder stays the definition of its bytes.
BOOST_AUTO_TEST_CASE(rollup_written_directly_as_the_tree_dumps_it) {
  const Catalog& c = default_catalog();
  std::vector<Assessment> offices;
  const char* ids[] = {"backups.l1.1", "mdbr.all.1", "join_ei_isac.all.1", "physical_threats.all.1"};
  for (int i = 0; i < 7; ++i) {
    Assessment a;
    a.jurisdiction = {"office-" + std::to_string(i), "Office \"" + std::to_string(i) + "\"\tCounty \u00e9", "XX",
                      i % 2 ? JurisdictionKind::county : JurisdictionKind::municipality};
    a.catalog_version = c.guide().version;
    a.maturity = static_cast<Maturity>(1 + i % 3);
    for (int k = 0; k < i && k < 4; ++k) a.set(c, ids[k], k % 2 ? Status::done : Status::not_applicable);
    offices.push_back(a);
  }
  const struct {
    const char* name;
    Rollup r;
  } cases[] = {{"empty", Rollup{}}, {"one office", rollup(c, {offices[0]})}, {"seven offices", rollup(c, offices)}};
  for (const auto& tc : cases)
    for (const int indent : {-1, 0, 1, 2, 4, max_json_indent}) {
      BOOST_TEST_CONTEXT(tc.name << ", indent " << indent) {
        BOOST_TEST(detail::write_rollup_json(tc.r, indent) == detail::dump(detail::encode(tc.r), indent));
        BOOST_TEST(to_json(tc.r, indent) == detail::dump(detail::encode(tc.r), indent));
      }
    }
  // Numbers in nlohmann's own form, whatever their size.
  Rollup odd;
  const double numbers[] = {0.0,          -0.0,
                            1.0,          0.1,
                            1.0 / 3,      1e-5,
                            1.5e-7,       1e15,
                            1e16,         123456789.0,
                            1e300,        std::numeric_limits<double>::denorm_min(),
                            std::nan(""), std::numeric_limits<double>::infinity()};
  for (const double x : numbers)
    odd.offices.push_back({{"x", "X", "XX", JurisdictionKind::county}, Maturity::level1, 0, 0, x, true});
  odd.completion = 2.0 / 3;
  BOOST_TEST(detail::write_rollup_json(odd, 2) == detail::dump(detail::encode(odd), 2));
  // What is not UTF-8 goes the tree's way, which says where; an indent over the limit too.
  Rollup bad = cases[1].r;
  bad.offices[0].jurisdiction.name = "a\x80";
  BOOST_CHECK_THROW(detail::write_rollup_json(bad, 2), detail::JsonWriter::NotUtf8);
  BOOST_CHECK_THROW(to_json(bad), nlohmann::json::type_error);
  BOOST_CHECK_THROW(to_json(cases[1].r, max_json_indent + 1), Error);
}

BOOST_AUTO_TEST_SUITE_END()  // test_results_json
