#include <electsec/default_catalog.hpp>
#include <electsec/plan.hpp>

#include <boost/test/unit_test.hpp>

#include <set>

namespace electsec {
// Lets std::find compare steps with ids below.
inline bool operator==(const PlanStep& s, const char* id) { return s.id == id; }
}  // namespace electsec

using namespace electsec;

namespace {

std::vector<std::string> step_ids(const Plan& p, std::size_t from = 0, std::size_t count = 1000) {
  std::vector<std::string> ids;
  for (std::size_t i = from; i < p.steps.size() && i < from + count; ++i) ids.push_back(p.steps[i].id);
  return ids;
}

Assessment office(Maturity m) {
  Assessment a;
  a.jurisdiction = {"x", "X County", "XX", JurisdictionKind::county};
  a.catalog_version = "1.4.1";
  a.maturity = m;
  return a;
}

using Ids = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(test_plan)

BOOST_AUTO_TEST_CASE(level1_order_is_worksheets_then_election_then_priority_then_in_scope) {
  const Catalog& c = default_catalog();
  const Plan p = build_plan(c, Maturity::level1);
  BOOST_TEST(step_ids(p, 0, 10) ==
             (Ids{"hardware-inventory", "software-inventory", "data-inventory", "service-provider-inventory",
                  "account-inventory", "asset-protection", "account-security", "backup-recovery", "incident-response",
                  "cyber-education"}));
  for (std::size_t i = 0; i < 10; ++i) BOOST_TEST((p.steps[i].kind == StepKind::worksheet));
  BOOST_TEST(step_ids(p, 10, 5) == (Ids{"join_ei_isac", "websites", "endpoint_protection", "mdbr", "removable_media"}));
  BOOST_TEST(p.steps[11].reason == "After the baseline: Level 1 election priority 2 of 5");
  // Then the other priority practices in index order, each with the actions no worksheet
  // covers: both encryption practices are wholly in the Asset Protection worksheet.
  BOOST_TEST(step_ids(p, 15, 7) == (Ids{"physical_threats", "asset_management", "managing_infrastructure",
                                        "user_management", "backups", "incident_response", "managing_staff"}));
  BOOST_TEST(p.steps[15].reason == "Priority practice at Level 1");
  BOOST_TEST(p.steps[16].actions == (Ids{"asset_management.l1.2", "asset_management.l1.3"}));
  BOOST_TEST(p.steps[18].actions.size() == 10u);  // user_management: its 15 minus the worksheet's 5
  BOOST_TEST(p.steps[22].reason == "Part of Level 1, after the priorities");
  BOOST_TEST(p.steps[22].id == "patching_vuln_management");
  for (const char* out : {"network_monitoring", "internal_pentest", "remediate_pen_test_findings"})
    BOOST_TEST((std::find(p.steps.begin(), p.steps.end(), out) == p.steps.end()), out);
  for (std::size_t i = 0; i < p.steps.size(); ++i) BOOST_TEST(p.steps[i].rank == static_cast<int>(i + 1));
}

BOOST_AUTO_TEST_CASE(every_applicable_action_is_in_the_plan_once_outside_worksheets) {
  const Catalog& c = default_catalog();
  for (Maturity m : all_maturities) {
    BOOST_TEST_CONTEXT(level_name(m)) {
      const Plan p = build_plan(c, m);
      std::set<std::string> all, in_practices;
      for (const auto& s : p.steps)
        for (const auto& a : s.actions) {
          all.insert(a);
          if (s.kind == StepKind::practice) BOOST_TEST(in_practices.insert(a).second, "twice: " << a);
        }
      std::size_t applicable = 0;
      for (const auto& pr : c.practices()) applicable += c.applicable_actions(pr.id, m).size();
      BOOST_TEST(all.size() == applicable);
    }
  }
}

BOOST_AUTO_TEST_CASE(level2_orders_priority_practices_by_best_cdm_rank) {
  const Plan p = build_plan(default_catalog(), Maturity::level2);
  BOOST_TEST(step_ids(p, 0, 6) == (Ids{"managing_infrastructure", "user_management", "network_segmentation",
                                       "managing_remote_connections", "asset_management", "firewalls_ports"}));
  BOOST_TEST(p.steps[0].reason ==
             "Priority; Safeguard 4.1 ranks 1 against common attacks in the CIS Community Defense Model");
  BOOST_TEST(p.steps[1].reason ==
             "Priority; Safeguard 5.3 ranks 3 against common attacks in the CIS Community Defense Model");
  BOOST_TEST(p.steps[5].reason ==
             "Priority; Safeguard 4.4 ranks 19 against common attacks in the CIS Community Defense Model");
  BOOST_TEST(step_ids(p, 6, 7) == (Ids{"physical_threats", "join_ei_isac", "encrypt_data_at_rest",
                                       "encrypt_data_in_transit", "backups", "incident_response", "managing_staff"}));
  BOOST_TEST(p.steps[6].reason == "Priority practice at Level 2");
  // Lower-level actions first within a practice.
  const auto& um = p.steps[1].actions;
  BOOST_TEST(um.front() == "user_management.l1.user-recommendations.1");
  BOOST_TEST(um.back() == "user_management.l23.4");
  for (const char* out : {"internal_pentest", "remediate_pen_test_findings"})
    BOOST_TEST((std::find(p.steps.begin(), p.steps.end(), out) == p.steps.end()), out);
}

BOOST_AUTO_TEST_CASE(level3_ranked_practices_out_of_priority_stay_in_scope_order) {
  const Plan p = build_plan(default_catalog(), Maturity::level3);
  BOOST_TEST(p.steps[0].id == "managing_infrastructure");
  const auto at = [&](const char* id) {
    return std::find_if(p.steps.begin(), p.steps.end(), [&](const PlanStep& s) { return s.id == id; }) -
           p.steps.begin();
  };
  // remediate_pen_test_findings has CDM rank 7 but is only in scope at Level 3.
  BOOST_TEST(p.steps[at("remediate_pen_test_findings")].reason == "Part of Level 3, after the priorities");
  BOOST_TEST(at("patching_vuln_management") < at("remediate_pen_test_findings"));
  BOOST_TEST(at("remediate_pen_test_findings") < at("internal_pentest"));
}

BOOST_AUTO_TEST_CASE(an_assessment_removes_what_is_done_and_keeps_the_order) {
  const Catalog& c = default_catalog();
  Assessment a = office(Maturity::level1);
  a.set(c, "asset_management.l1.1", Status::done);
  for (const auto* action : c.applicable_actions("join_ei_isac", Maturity::level1))
    a.set(c, action->id, Status::not_applicable);
  a.set(c, "user_management.l1.user-recommendations.1", Status::in_progress);  // still to do
  const Plan p = build_plan(c, Maturity::level1, a);
  BOOST_TEST(step_ids(p, 0, 6) == (Ids{"asset-protection", "account-security", "backup-recovery", "incident-response",
                                       "cyber-education", "websites"}));
  BOOST_TEST(p.steps[1].actions.size() == 5u);
  BOOST_TEST(p.steps[0].rank == 1);
  for (const auto& s : p.steps) {
    BOOST_TEST(!s.actions.empty());
    BOOST_TEST(s.id != "join_ei_isac");
    for (const auto& id : s.actions) BOOST_TEST(id != "asset_management.l1.1");
  }
}

BOOST_AUTO_TEST_SUITE_END()  // test_plan
