// Scorecards and rollups against hand-computed figures on the sample catalog:
//   alpha: priority, priority, in_scope; actions: 3 at Level 1 (one group has 2), 1 at
//          Levels 2-3; maps 4.1 (Level 1) and 5.2 (untagged)
//   beta:  out_of_scope, in_scope, priority; actions: 1 for all levels, 1 at Level 3;
//          maps 4.1 (Level 2) and 14.9 (Level 3)
#include <electsec/assessment_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/scorecard.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <random>

using namespace electsec;
using electsec::test::sample_catalog;

namespace {

Assessment office(const std::string& id, Maturity m) { return test::sample_office(id, m); }

// The statuses of the worked example, at a given maturity.
Assessment worked(const std::string& id, Maturity m) {
  Assessment a = office(id, m);
  const Catalog& c = sample_catalog();
  a.set(c, "alpha.l1.user-recommendations.1", Status::done);
  a.set(c, "alpha.l1.user-recommendations.2", Status::not_applicable);
  a.set(c, "alpha.l1.organizational-recommendations.1", Status::in_progress);
  a.set(c, "alpha.l23.1", Status::done);  // does not apply at Level 1
  a.set(c, "beta.all.1", Status::done);   // beta is out of scope at Level 1
  return a;
}

const SafeguardScore& safeguard(const std::vector<SafeguardScore>& list, const std::string& id) {
  for (const auto& s : list)
    if (s.safeguard == id) return s;
  throw std::logic_error("no safeguard " + id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_scorecard)

BOOST_AUTO_TEST_CASE(level1_scorecard_by_hand) {
  const Scorecard card = score(sample_catalog(), worked("a", Maturity::level1));
  BOOST_TEST_REQUIRE(card.practices.size() == 1u);  // beta is out of scope
  const PracticeScore& alpha = card.practices[0];
  BOOST_TEST(alpha.practice == "alpha");
  BOOST_TEST(alpha.actions_applicable == 2u);  // 3 at Level 1, one not applicable
  BOOST_TEST(alpha.actions_done == 1u);
  BOOST_TEST(alpha.actions_in_progress == 1u);
  BOOST_TEST(alpha.completion == 0.5);
  BOOST_TEST(!card.priorities_complete);
  BOOST_TEST(card.actions_applicable == 2u);
  BOOST_TEST(card.completion == 0.5);
  BOOST_TEST_REQUIRE(card.safeguards.size() == 2u);
  BOOST_TEST(safeguard(card.safeguards, "4.1").actions_applicable == 2u);
  BOOST_TEST(safeguard(card.safeguards, "4.1").completion == 0.5);
  BOOST_TEST(safeguard(card.safeguards, "5.2").actions_done == 1u);
}

BOOST_AUTO_TEST_CASE(level3_scorecard_by_hand) {
  const Scorecard card = score(sample_catalog(), worked("a", Maturity::level3));
  BOOST_TEST_REQUIRE(card.practices.size() == 2u);
  BOOST_TEST(card.practices[0].actions_applicable == 3u);  // 4 apply, one not applicable
  BOOST_TEST(card.practices[0].actions_done == 2u);
  BOOST_TEST((card.practices[1].scope == Scope::priority));
  BOOST_TEST(card.practices[1].actions_applicable == 2u);
  BOOST_TEST(card.practices[1].actions_done == 1u);
  BOOST_TEST(!card.priorities_complete);  // beta, the priority, is half done
  BOOST_TEST(card.actions_applicable == 5u);
  BOOST_TEST(card.actions_done == 3u);
  BOOST_TEST(card.completion == 0.6);
  // 4.1: alpha (3 applicable, 2 done) + beta, mapped from Level 2 (2, 1).
  BOOST_TEST(safeguard(card.safeguards, "4.1").actions_applicable == 5u);
  BOOST_TEST(safeguard(card.safeguards, "4.1").actions_done == 3u);
  BOOST_TEST(safeguard(card.safeguards, "14.9").actions_applicable == 2u);
}

BOOST_AUTO_TEST_CASE(a_mapping_counts_from_its_level) {
  Assessment a = office("b", Maturity::level2);
  const Scorecard card = score(sample_catalog(), a);
  // beta maps 14.9 from Level 3 only: not yet counted at Level 2.
  for (const auto& s : card.safeguards) BOOST_TEST(s.safeguard != "14.9");
  BOOST_TEST(safeguard(card.safeguards, "4.1").actions_applicable == 5u);  // alpha 4 + beta 1
  BOOST_TEST(card.completion == 0.0);
}

BOOST_AUTO_TEST_CASE(priorities_complete_when_every_priority_action_is_done) {
  const Catalog& c = sample_catalog();
  Assessment a = office("c", Maturity::level1);
  for (const Action* action : c.applicable_actions("alpha", Maturity::level1)) a.set(c, action->id, Status::done);
  const Scorecard card = score(c, a);
  BOOST_TEST(card.priorities_complete);
  BOOST_TEST(card.completion == 1.0);
}

BOOST_AUTO_TEST_CASE(nothing_applicable_means_zero_completion) {
  const Catalog& c = sample_catalog();
  Assessment a = office("d", Maturity::level1);
  for (const Action* action : c.applicable_actions("alpha", Maturity::level1))
    a.set(c, action->id, Status::not_applicable);
  const Scorecard card = score(c, a);
  BOOST_TEST(card.practices[0].actions_applicable == 0u);
  BOOST_TEST(card.practices[0].completion == 0.0);
  BOOST_TEST(card.priorities_complete);  // nothing left to do in the priority practice
}

BOOST_AUTO_TEST_CASE(rollup_by_hand) {
  const Catalog& c = sample_catalog();
  const Rollup r =
      rollup(c, {worked("l1", Maturity::level1), worked("l3", Maturity::level3), office("l2", Maturity::level2)});
  BOOST_TEST(r.jurisdictions == 3u);
  BOOST_TEST((r.maturity_distribution == std::array<std::size_t, 3>{1, 1, 1}));
  BOOST_TEST_REQUIRE(r.practices.size() == 2u);
  // alpha: 2 (Level 1) + 3 (Level 3) + 4 (Level 2, nothing done); done 1 + 2 + 0.
  BOOST_TEST(r.practices[0].actions_applicable == 9u);
  BOOST_TEST(r.practices[0].actions_done == 3u);
  BOOST_TEST(r.practices[0].offices_complete == 0u);
  // beta: out of scope at Level 1; 2 at Level 3 (1 done); 1 at Level 2.
  BOOST_TEST(r.practices[1].actions_applicable == 3u);
  BOOST_TEST(r.practices[1].actions_done == 1u);
  BOOST_TEST(r.actions_applicable == 12u);
  BOOST_TEST(r.actions_done == 4u);
  BOOST_TEST(r.least_complete == (std::vector<std::string>{"alpha", "beta"}));  // both a third, index order
  BOOST_TEST(r.offices[0].jurisdiction.id == "l2");
  BOOST_TEST(r.offices[1].jurisdiction.id == "l1");
  BOOST_TEST(r.offices[2].jurisdiction.id == "l3");
  BOOST_TEST(r.offices[2].completion == 0.6);
  // 4.1: (2,1) + (5,3) + alpha (4,0) and beta from Level 2 (1,0) at Level 2.
  BOOST_TEST(safeguard(r.safeguards, "4.1").actions_applicable == 12u);
  BOOST_TEST(safeguard(r.safeguards, "4.1").actions_done == 4u);
}

BOOST_AUTO_TEST_CASE(offices_complete_counts_finished_practices) {
  const Catalog& c = sample_catalog();
  Assessment done = office("done", Maturity::level1);
  for (const Action* action : c.applicable_actions("alpha", Maturity::level1)) done.set(c, action->id, Status::done);
  const Rollup r = rollup(c, {done, office("none", Maturity::level1)});
  BOOST_TEST(r.practices[0].offices_complete == 1u);
  BOOST_TEST(r.practices[1].offices_complete == 0u);  // beta applies to neither
  BOOST_TEST(r.offices.back().priorities_complete);
}

BOOST_AUTO_TEST_CASE(rollup_equals_the_sum_of_scorecards) {
  // Random offices on the real catalog: the rollup's totals are the scorecards' sums,
  // and merging two halves gives the same rollup as one builder.
  const Catalog& c = default_catalog();
  std::mt19937 rng(7);
  std::vector<std::string> ids;
  for (const auto& p : c.practices())
    for (const auto& a : p.actions) ids.push_back(a.id);
  std::vector<Assessment> offices;
  for (int i = 0; i < 60; ++i) {
    Assessment a = office("o" + std::to_string(i), static_cast<Maturity>(1 + rng() % 3));
    for (int k = 0; k < 40; ++k) a.set(c, ids[rng() % ids.size()], static_cast<Status>(rng() % 4));
    offices.push_back(a);
  }
  const Rollup r = rollup(c, offices);
  std::size_t applicable = 0, done = 0;
  for (const auto& a : offices) {
    const Scorecard card = score(c, a);
    applicable += card.actions_applicable;
    done += card.actions_done;
  }
  BOOST_TEST(r.actions_applicable == applicable);
  BOOST_TEST(r.actions_done == done);
  RollupBuilder first(c), second(c);
  for (std::size_t i = 0; i < offices.size(); ++i) (i < 25 ? first : second).add(offices[i]);
  first.merge(second);
  const Rollup merged = first.finish();
  BOOST_TEST(merged.actions_done == r.actions_done);
  BOOST_TEST(merged.offices.size() == r.offices.size());
  for (std::size_t i = 0; i < r.practices.size(); ++i)
    BOOST_TEST(merged.practices[i].offices_complete == r.practices[i].offices_complete);
}

BOOST_AUTO_TEST_SUITE_END()  // test_scorecard
