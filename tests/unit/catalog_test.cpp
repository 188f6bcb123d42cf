#include <electsec/catalog.hpp>
#include <electsec/default_catalog.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <thread>

using namespace electsec;
using electsec::test::sample_catalog;

namespace {
template <typename T>
std::vector<std::string> ids(const std::vector<const T*>& items) {
  std::vector<std::string> out;
  for (const T* item : items) out.push_back(item->id);
  return out;
}
using Ids = std::vector<std::string>;
constexpr Maturity L1 = Maturity::level1, L2 = Maturity::level2, L3 = Maturity::level3;
}  // namespace

BOOST_AUTO_TEST_SUITE(test_catalog)

BOOST_AUTO_TEST_CASE(practices_are_in_index_order) {
  const auto& c = sample_catalog();
  BOOST_TEST(c.practices().size() == 2u);
  BOOST_TEST(c.practices()[0].id == "alpha");
  BOOST_TEST(c.practices()[1].id == "beta");
}

struct FilterCase {
  const char* name;
  PracticeFilter filter;
  Ids expected;
};

BOOST_AUTO_TEST_CASE(practice_filters) {
  const FilterCase cases[] = {
      {"no filter", {}, {"alpha", "beta"}},
      {"applicable at 1", {L1, std::nullopt}, {"alpha"}},
      {"applicable at 2", {L2, std::nullopt}, {"alpha", "beta"}},
      {"priority at 1", {L1, Scope::priority}, {"alpha"}},
      {"priority at 3", {L3, Scope::priority}, {"beta"}},
      {"out of scope at 1", {L1, Scope::out_of_scope}, {"beta"}},
      {"in scope at 1 (none)", {L1, Scope::in_scope}, {}},
      {"in_scope anywhere", {std::nullopt, Scope::in_scope}, {"alpha", "beta"}},
      {"out_of_scope anywhere", {std::nullopt, Scope::out_of_scope}, {"beta"}},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.name) {
      BOOST_TEST(ids(sample_catalog().practices(tc.filter)) == tc.expected);
    }
}

BOOST_AUTO_TEST_CASE(lookups_by_id) {
  const auto& c = sample_catalog();
  BOOST_TEST(c.practice("beta").title == "Beta Practice");
  BOOST_TEST(c.action("alpha.l23.1").levels.size() == 2u);
  BOOST_TEST(c.practice_of_action("beta.l3.1").id == "beta");
  BOOST_TEST(c.safeguard("14.9").title == default_catalog().safeguard("14.9").title);
  BOOST_TEST(c.control(18).title == "Penetration Testing");
}

struct MissCase {
  const char* name;
  std::function<void()> lookup;
  const char* kind;
  Ids closest;
};

BOOST_AUTO_TEST_CASE(missed_lookups_throw_not_found_with_the_closest_ids) {
  const auto& c = sample_catalog();
  const MissCase cases[] = {
      {"practice typo", [&] { c.practice("alhpa"); }, "practice", {"alpha"}},
      {"practice prefix", [&] { c.practice("bet"); }, "practice", {"beta"}},
      {"practice far off", [&] { c.practice("zzzzzzzzzzzz"); }, "practice", {}},
      {"action wrong position", [&] { c.action("alpha.l23.2"); }, "action", {"alpha.l23.1"}},
      {"safeguard", [&] { c.safeguard("4.13"); }, "safeguard", {"3.13", "4.1", "4.3"}},
      {"control", [&] { c.control(19); }, "control", {"1", "9", "10"}},
      {"practices of unknown safeguard", [&] { c.practices_of_safeguard("0.0"); }, "safeguard", {"1.1", "1.2", "1.3"}},
      {"safeguards of unknown practice", [&] { c.safeguards_of_practice("betta"); }, "practice", {"beta"}},
      {"actions of unknown practice", [&] { c.applicable_actions("", L1); }, "practice", {}},
      {"action list of unknown practice",
       [&] {
         c.actions(ActionFilter{"betta", {}});
       },
       "practice",
       {"beta"}},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      try {
        tc.lookup();
        BOOST_ERROR("no NotFound");
      } catch (const NotFound& e) {
        BOOST_TEST(e.kind() == tc.kind);
        BOOST_TEST(e.closest() == tc.closest);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(relations_carry_the_mapping_maturity) {
  const auto& c = sample_catalog();
  const auto& of_41 = c.practices_of_safeguard("4.1");
  BOOST_TEST_REQUIRE(of_41.size() == 2u);
  BOOST_TEST(of_41[0].practice->id == "alpha");
  BOOST_TEST((of_41[0].maturity == L1));
  BOOST_TEST(of_41[1].practice->id == "beta");
  BOOST_TEST((of_41[1].maturity == L2));
  BOOST_TEST(c.practices_of_safeguard("1.1").empty());

  const auto& of_alpha = c.safeguards_of_practice("alpha");
  BOOST_TEST_REQUIRE(of_alpha.size() == 2u);
  BOOST_TEST(of_alpha[0].safeguard->id == "4.1");
  BOOST_TEST(of_alpha[1].safeguard->id == "5.2");
  BOOST_TEST(!of_alpha[1].maturity.has_value());
}

struct ApplicableCase {
  const char* practice;
  Maturity maturity;
  Ids expected;
};

BOOST_AUTO_TEST_CASE(applicable_actions_follow_the_cumulative_rule) {
  const ApplicableCase cases[] = {
      {"alpha",
       L1,
       {"alpha.l1.user-recommendations.1", "alpha.l1.user-recommendations.2",
        "alpha.l1.organizational-recommendations.1"}},
      {"alpha",
       L2,
       {"alpha.l1.user-recommendations.1", "alpha.l1.user-recommendations.2",
        "alpha.l1.organizational-recommendations.1", "alpha.l23.1"}},
      {"beta", L1, {}},  // out of scope at Level 1, though beta.all.1 names Level 1
      {"beta", L2, {"beta.all.1"}},
      {"beta", L3, {"beta.all.1", "beta.l3.1"}},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.practice << " at " << level_name(tc.maturity)) {
      BOOST_TEST(ids(sample_catalog().applicable_actions(tc.practice, tc.maturity)) == tc.expected);
    }
}

// Catalog::actions: every action, one practice's, or those that apply at a level, in index order.
BOOST_AUTO_TEST_CASE(actions_filter_by_practice_and_level) {
  const auto& c = sample_catalog();
  const Ids alpha_l1 = {"alpha.l1.user-recommendations.1", "alpha.l1.user-recommendations.2",
                        "alpha.l1.organizational-recommendations.1"};
  Ids every;
  for (const auto& p : c.practices())
    for (const auto& a : p.actions) every.push_back(a.id);
  const struct {
    const char* practice;  // null: every practice
    std::optional<Maturity> maturity;
    Ids expected;
  } cases[] = {
      {nullptr, {}, every},    {"beta", {}, {"beta.all.1", "beta.l3.1"}}, {"beta", L1, {}}, {"alpha", L1, alpha_l1},
      {nullptr, L1, alpha_l1},  // beta is out of scope at Level 1
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT((tc.practice ? tc.practice : "every practice")) {
      ActionFilter filter;
      if (tc.practice) filter.practice = tc.practice;
      filter.maturity = tc.maturity;
      BOOST_TEST(ids(c.actions(filter)) == tc.expected);
    }
  // At a level, the list is the practices' applicable actions one after another.
  for (const Maturity m : {L1, L2, L3}) {
    Ids joined;
    for (const auto& p : c.practices())
      for (const Action* a : c.applicable_actions(p.id, m)) joined.push_back(a->id);
    BOOST_TEST(ids(c.actions(ActionFilter{{}, m})) == joined);
  }
}

BOOST_AUTO_TEST_CASE(coverage_splits_an_implementation_group) {
  const auto& c = sample_catalog();
  const Coverage ig1 = c.coverage(ImplementationGroup::ig1);
  BOOST_TEST(ig1.total == 56u);
  BOOST_TEST(ids(ig1.mapped) == (Ids{"4.1", "5.2"}));
  BOOST_TEST(ig1.unmapped.size() == 54u);
  const Coverage ig3 = c.coverage(ImplementationGroup::ig3);
  BOOST_TEST(ids(ig3.mapped) == (Ids{"4.1", "5.2", "14.9"}));
  BOOST_TEST(ig3.mapped.size() + ig3.unmapped.size() == 153u);
}

BOOST_AUTO_TEST_CASE(copies_share_data_and_compare_equal) {
  const Catalog copy = sample_catalog();
  BOOST_TEST(&copy.practice("alpha") == &sample_catalog().practice("alpha"));
  BOOST_TEST((copy == sample_catalog()));
  BOOST_TEST((copy != default_catalog()));
}

BOOST_AUTO_TEST_CASE(one_catalog_serves_many_threads) {
  // Not a proof (the TSan run of the hardening issue is), but every thread must see the
  // same answers while they query at once.
  const Catalog& c = default_catalog();
  std::vector<std::thread> threads;
  std::vector<int> seen(8, 0);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        seen[t] += static_cast<int>(c.safeguards(SafeguardFilter{ImplementationGroup::ig1, {}, {}, {}}).size());
        seen[t] += c.safeguard("14.9").control;
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) BOOST_TEST(seen[t] == 200 * (56 + 14));
}

BOOST_AUTO_TEST_SUITE_END()  // test_catalog
