// oscal.hpp: deterministic OSCAL exports. (Schema validation of the exports runs in
// tests/cli against the OSCAL 1.0.6 JSON schemas; here: ids, determinism, checked input.)
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>
#include <electsec/oscal.hpp>
#include <electsec/plan.hpp>

#include <boost/test/unit_test.hpp>

#include "sha1.hpp"

#include <cstdio>

#include <string>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_oscal)

BOOST_AUTO_TEST_CASE(sha1_matches_the_standard_digests) {
  const auto hex = [](const std::string& message) {
    std::string out;
    char byte[3];
    for (auto b : detail::sha1(message)) {
      std::snprintf(byte, sizeof byte, "%02x", b);
      out += byte;
    }
    return out;
  };
  BOOST_TEST(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");                   // FIPS 180 example
  BOOST_TEST(hex(std::string(1000, 'a')) == "291e9a6c66994949b57ba5e650361e98fc36b1ba");  // many blocks
  BOOST_TEST(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
}

BOOST_AUTO_TEST_CASE(uuid_v5_matches_an_independent_implementation) {
  // Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL, "electsec"), name)
  BOOST_TEST(uuid_v5("asset_management") == "60a65354-eefe-5e39-905d-8c6eed9389f0");
  BOOST_TEST(uuid_v5("") == "2b2a9c77-82d3-54aa-8306-51f2c539e747");
}

BOOST_AUTO_TEST_CASE(the_same_input_gives_the_same_bytes) {
  const Catalog& c = default_catalog();
  BOOST_TEST(to_oscal_catalog(c) == to_oscal_catalog(c));
  BOOST_TEST(to_oscal_profile(c, Maturity::level2) == to_oscal_profile(c, Maturity::level2));
  OscalOptions later;
  later.timestamp = "2026-06-01T12:00:00Z";
  const std::string doc = to_oscal_catalog(c, later);
  BOOST_TEST(doc.find("2026-06-01T12:00:00Z") != std::string::npos);
  BOOST_TEST(doc != to_oscal_catalog(c));
}

BOOST_AUTO_TEST_CASE(every_practice_is_a_control_of_the_catalog) {
  const Catalog& c = default_catalog();
  const std::string doc = to_oscal_catalog(c);
  for (const Practice& p : c.practices()) BOOST_TEST(doc.find("\"id\": \"" + p.id + "\",") != std::string::npos, p.id);
}

BOOST_AUTO_TEST_CASE(a_timestamp_that_is_not_utc_rfc3339_is_refused) {
  for (const char* bad : {"2026-01-01", "2026-01-01T00:00:00+01:00", "yesterday", "2026-13-01T00:00:00Z"}) {
    OscalOptions o;
    o.timestamp = bad;
    BOOST_CHECK_THROW(to_oscal_catalog(default_catalog(), o), Error);
  }
}

BOOST_AUTO_TEST_CASE(a_plan_of_action_names_each_step_once_and_keeps_its_ids_across_changes) {
  const Catalog& c = default_catalog();
  Assessment a;
  a.jurisdiction = {"us-xx-p", "P County", "XX", JurisdictionKind::county};
  a.catalog_version = "1.4.1";
  a.maturity = Maturity::level2;
  const std::string before = to_oscal_poam(c, a);
  BOOST_TEST(before == to_oscal_poam(c, a));
  const Plan plan = build_plan(c, a.maturity, a);
  for (const PlanStep& step : plan.steps) {
    const std::string uuid = uuid_v5("poam/us-xx-p/1.4.1/item/" + std::string(to_string(step.kind)) + "/" + step.id);
    BOOST_TEST(before.find(uuid) != std::string::npos, step.id);
  }
  // A step that loses an action keeps its item's UUID; a step with nothing left goes.
  const PlanStep& first = plan.steps.front();
  for (const std::string& id : first.actions) a.set(c, id, Status::done);
  const std::string after = to_oscal_poam(c, a);
  BOOST_TEST(after.find(uuid_v5("poam/us-xx-p/1.4.1/item/" + std::string(to_string(first.kind)) + "/" + first.id)) ==
             std::string::npos);
  const PlanStep& second = plan.steps[1];
  BOOST_TEST(after.find(uuid_v5("poam/us-xx-p/1.4.1/item/" + std::string(to_string(second.kind)) + "/" + second.id)) !=
             std::string::npos);
  OscalOptions bad;
  bad.timestamp = "2026-01-01";
  BOOST_CHECK_THROW(to_oscal_poam(c, a, bad), Error);
}

BOOST_AUTO_TEST_SUITE_END()  // test_oscal
