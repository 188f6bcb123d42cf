#include <electsec/catalog.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <functional>

using namespace electsec;
using electsec::test::sample_data;

namespace {

constexpr Maturity L1 = Maturity::level1, L2 = Maturity::level2, L3 = Maturity::level3;

Practice& practice(CatalogData& d, const std::string& id) {
  for (auto& p : d.practices)
    if (p.id == id) return p;
  throw std::logic_error("no practice " + id);
}

Safeguard& safeguard(CatalogData& d, const std::string& id) {
  for (auto& s : d.safeguards)
    if (s.id == id) return s;
  throw std::logic_error("no safeguard " + id);
}

struct InvalidCase {
  const char* name;
  std::function<void(CatalogData&)> mutate;
  Problem expected;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(test_catalog_builder)

BOOST_AUTO_TEST_CASE(sample_data_is_consistent) { BOOST_TEST(CatalogBuilder(sample_data()).problems().empty()); }

BOOST_AUTO_TEST_CASE(every_kind_of_inconsistency_is_named) {
  const InvalidCase cases[] = {
      {"empty guide title", [](CatalogData& d) { d.guide.title.clear(); }, {"guide", "title is empty"}},
      {"duplicate practice",
       [](CatalogData& d) {
         d.practices.push_back(d.practices[0]);
         d.practices.back().order = 9;
       },
       {"practice 'beta'", "duplicate id"}},
      {"bad practice id",
       [](CatalogData& d) { practice(d, "beta").id = "Beta Practice"; },
       {"practice 'Beta Practice'", "id must use only a-z, 0-9 and '_'"}},
      {"shared order",
       [](CatalogData& d) { practice(d, "beta").order = 1; },
       {"practice 'alpha'", "order 1 is used by another practice"}},
      {"paragraph after an unknown action",
       [](CatalogData& d) {
         practice(d, "alpha")
             .paragraphs.push_back({"l23", std::nullopt, "alpha.l23.9", ParagraphKind::context, "x", {}});
       },
       {"paragraph 1 of practice 'alpha'", "follows unknown action 'alpha.l23.9'"}},
      {"paragraph after an action of another block",
       [](CatalogData& d) {
         practice(d, "alpha")
             .paragraphs.push_back(
                 {"l23", std::nullopt, "alpha.l1.user-recommendations.1", ParagraphKind::instruction, "x", {}});
       },
       {"paragraph 1 of practice 'alpha'",
        "follows action 'alpha.l1.user-recommendations.1' of another block or group"}},
      {"paragraph in an unknown block",
       [](CatalogData& d) {
         practice(d, "alpha").paragraphs.push_back({"l4", std::nullopt, "", ParagraphKind::context, "x", {}});
       },
       {"paragraph 1 of practice 'alpha'", "unknown block 'l4' (expected all, l1, l2, l3, l12, l23, ...)"}},
      {"empty paragraph",
       [](CatalogData& d) {
         practice(d, "alpha")
             .paragraphs.push_back({"l23", std::nullopt, "alpha.l23.1", ParagraphKind::context, "", {}});
       },
       {"paragraph 1 of practice 'alpha'", "text is empty"}},
      {"action link without a URL",
       [](CatalogData& d) {
         practice(d, "alpha").actions[0].links.push_back({"a title", ""});
       },
       {"action 'alpha.l1.user-recommendations.1'", "a link needs a title and a URL"}},
      {"statement link without a title",
       [](CatalogData& d) {
         d.maturity_statements[0].links.push_back({"", "https://example.org"});
       },
       {"maturity statement 'l1.1'", "a link needs a title and a URL"}},
      {"order zero",
       [](CatalogData& d) { practice(d, "beta").order = 0; },
       {"practice 'beta'", "order must be positive"}},
      {"bad scope value",
       [](CatalogData& d) { practice(d, "beta").scopes[1] = static_cast<Scope>(7); },
       {"practice 'beta'", "scope at Level 2 is invalid"}},
      {"unknown mapped safeguard",
       [](CatalogData& d) {
         practice(d, "alpha").safeguards.push_back({"19.1", L1});
       },
       {"practice 'alpha'", "maps to unknown safeguard '19.1'"}},
      {"safeguard mapped twice",
       [](CatalogData& d) {
         practice(d, "alpha").safeguards.push_back({"4.1", L2});
       },
       {"practice 'alpha'", "maps to safeguard '4.1' twice"}},
      {"bad mapping maturity",
       [](CatalogData& d) { practice(d, "alpha").safeguards[0].maturity = static_cast<Maturity>(4); },
       {"practice 'alpha'", "mapping to safeguard '4.1': maturity must be 1, 2 or 3"}},
      {"unknown handbook number",
       [](CatalogData& d) { practice(d, "alpha").handbook.push_back(3); },
       {"practice 'alpha'", "unknown Handbook practice 3"}},
      {"handbook number twice",
       [](CatalogData& d) { practice(d, "alpha").handbook.push_back(1); },
       {"practice 'alpha'", "lists Handbook practice 1 twice"}},
      {"goal id out of place",
       [](CatalogData& d) { practice(d, "alpha").goals[1].id = "alpha.goal.3"; },
       {"goal 'alpha.goal.3'", "id must be 'alpha.goal.2' (its position)"}},
      {"bad goal maturity",
       [](CatalogData& d) { practice(d, "alpha").goals[0].maturity = static_cast<Maturity>(0); },
       {"goal 'alpha.goal.1'", "maturity must be 1, 2 or 3"}},
      {"action of another practice",
       [](CatalogData& d) { practice(d, "beta").actions[1].id = "alpha.l3.1"; },
       {"action 'alpha.l3.1'", "id must be 'beta.<block>[.<group>].<n>'"}},
      {"duplicate action",
       [](CatalogData& d) { practice(d, "beta").actions.push_back(practice(d, "beta").actions[1]); },
       {"action 'beta.l3.1'", "duplicate id"}},
      {"unknown block",
       [](CatalogData& d) { practice(d, "beta").actions[1].id = "beta.l4.1"; },
       {"action 'beta.l4.1'", "unknown block 'l4' (expected all, l1, l2, l3, l12, l23, ...)"}},
      {"levels differ from block",
       [](CatalogData& d) {
         practice(d, "beta").actions[1].levels = {L2, L3};
       },
       {"action 'beta.l3.1'", "levels [2, 3] do not match block 'l3' [3]"}},
      {"no levels",
       [](CatalogData& d) { practice(d, "beta").actions[1].levels.clear(); },
       {"action 'beta.l3.1'", "levels must be 1, 2 or 3, each once, ascending"}},
      {"level out of range",
       [](CatalogData& d) { practice(d, "beta").actions[1].levels = {static_cast<Maturity>(5)}; },
       {"action 'beta.l3.1'", "levels must be 1, 2 or 3, each once, ascending"}},
      {"levels descending",
       [](CatalogData& d) {
         practice(d, "beta").actions[0].levels = {L3, L2, L1};
       },
       {"action 'beta.all.1'", "levels must be 1, 2 or 3, each once, ascending"}},
      {"group missing from id",
       [](CatalogData& d) { practice(d, "beta").actions[1].group = "User Recommendations"; },
       {"action 'beta.l3.1'", "id must name group 'user-recommendations'"}},
      {"group only in id",
       [](CatalogData& d) { practice(d, "alpha").actions[0].group.reset(); },
       {"action 'alpha.l1.user-recommendations.1'", "id names group 'user-recommendations' but the action has none"}},
      {"position gap",
       [](CatalogData& d) { practice(d, "alpha").actions[1].id = "alpha.l1.user-recommendations.3"; },
       {"action 'alpha.l1.user-recommendations.3'", "position must be 2 (guide order within its block)"}},
      {"empty action text",
       [](CatalogData& d) { practice(d, "beta").actions[0].text.clear(); },
       {"action 'beta.all.1'", "text is empty"}},
      {"tool without name",
       [](CatalogData& d) { practice(d, "alpha").tools[0].name.clear(); },
       {"practice 'alpha'", "a tool needs a name"}},
      {"acronym expansion twice",
       [](CatalogData& d) { d.acronyms.push_back(d.acronyms[0]); },
       {"acronym 'MFA'", "expansion listed twice"}},
      {"link without title",
       [](CatalogData& d) { practice(d, "alpha").learn_more[0].title.clear(); },
       {"practice 'alpha'", "a link needs a title and a URL"}},
      {"duplicate safeguard",
       [](CatalogData& d) { d.safeguards.push_back(d.safeguards[0]); },
       {"safeguard '1.1'", "duplicate id"}},
      {"safeguard of unknown control",
       [](CatalogData& d) {
         d.safeguards.push_back(
             {"19.1", 19, "x", AssetType::data, SecurityFunction::identify, {ImplementationGroup::ig3}, {}});
       },
       {"safeguard '19.1'", "unknown control 19"}},
      {"safeguard id not of its control",
       [](CatalogData& d) { safeguard(d, "4.1").control = 5; },
       {"safeguard '4.1'", "id does not belong to control 5"}},
      {"malformed safeguard id",
       [](CatalogData& d) { safeguard(d, "4.1").id = "4-1"; },
       {"safeguard '4-1'", "id must be '<control>.<n>'"}},
      {"unknown dependency",
       [](CatalogData& d) { safeguard(d, "4.1").depends_on.push_back("4.99"); },
       {"safeguard '4.1'", "depends on unknown safeguard '4.99'"}},
      {"self dependency",
       [](CatalogData& d) { safeguard(d, "4.1").depends_on.push_back("4.1"); },
       {"safeguard '4.1'", "depends on itself"}},
      {"no implementation group",
       [](CatalogData& d) { safeguard(d, "4.1").implementation_groups.clear(); },
       {"safeguard '4.1'", "belongs to no implementation group"}},
      {"group not cumulative",
       [](CatalogData& d) { safeguard(d, "4.1").implementation_groups = {ImplementationGroup::ig1}; },
       {"safeguard '4.1'", "implementation groups must run from its lowest group up to 3"}},
      {"group gap",
       [](CatalogData& d) {
         safeguard(d, "4.1").implementation_groups = {ImplementationGroup::ig1, ImplementationGroup::ig3};
       },
       {"safeguard '4.1'", "implementation groups must run from its lowest group up to 3"}},
      {"group out of range",
       [](CatalogData& d) { safeguard(d, "4.1").implementation_groups = {static_cast<ImplementationGroup>(4)}; },
       {"safeguard '4.1'", "implementation group must be 1, 2 or 3"}},
      {"duplicate control", [](CatalogData& d) { d.controls.push_back(d.controls[0]); }, {"control 1", "duplicate id"}},
      {"duplicate level",
       [](CatalogData& d) { d.maturity_levels.push_back(d.maturity_levels[0]); },
       {"maturity level 1", "duplicate id"}},
      {"statement id of another level",
       [](CatalogData& d) { d.maturity_statements[0].level = L2; },
       {"maturity statement 'l1.1'", "id must be 'l2.<n>' for a statement of Level 2"}},
      {"statement with bad level",
       [](CatalogData& d) { d.maturity_statements[0].level = static_cast<Maturity>(9); },
       {"maturity statement 'l1.1'", "level must be 1, 2 or 3"}},
      {"handbook of unknown practice",
       [](CatalogData& d) { d.handbook[0].practices.push_back("gamma"); },
       {"handbook practice 1", "unknown practice 'gamma'"}},
      {"worksheet of unknown action",
       [](CatalogData& d) { d.priorities.level1_baseline[0].actions.push_back("alpha.l1.9"); },
       {"worksheet 'account-security'", "unknown action 'alpha.l1.9'"}},
      {"worksheet id not its name",
       [](CatalogData& d) { d.priorities.level1_baseline[0].id = "accounts"; },
       {"worksheet 'accounts'", "id must be the kebab-case of its name 'account-security'"}},
      {"worksheet group",
       [](CatalogData& d) { d.priorities.level1_baseline[0].group = "other"; },
       {"worksheet 'account-security'", "group must be 'IT inventory' or 'cybersecurity action'"}},
      {"election priority unknown",
       [](CatalogData& d) { d.priorities.level1_election.push_back("gamma"); },
       {"level1_election", "unknown practice 'gamma'"}},
      {"cdm unknown safeguard",
       [](CatalogData& d) { d.priorities.cdm_ranking[0].safeguard = "99.1"; },
       {"cdm rank 1", "unknown safeguard '99.1'"}},
      {"cdm duplicate rank",
       [](CatalogData& d) {
         d.priorities.cdm_ranking.push_back({1, "4.1", "beta"});
       },
       {"cdm rank 1", "duplicate id"}},
      {"duplicate glossary term",
       [](CatalogData& d) { d.glossary.push_back(d.glossary[0]); },
       {"glossary term 'Asset'", "duplicate term"}},
      {"acronym without expansion",
       [](CatalogData& d) { d.acronyms[0].expansion.clear(); },
       {"acronym 'MFA'", "term and expansion must be set"}},
      {"recommendation of unknown source",
       [](CatalogData& d) { d.guidance.recommendations[0].source = "cap"; },
       {"recommendation 'cisa.1'", "unknown source 'cap'"}},
      {"recommendation id",
       [](CatalogData& d) { d.guidance.recommendations[0].id = "cisa-1"; },
       {"recommendation 'cisa-1'", "id must be 'cisa.<n>'"}},
      {"recommendation unknown practice",
       [](CatalogData& d) { d.guidance.recommendations[0].practices[0].practice = "gamma"; },
       {"recommendation 'cisa.1'", "unknown practice 'gamma'"}},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      CatalogData d = sample_data();
      tc.mutate(d);
      const auto problems = CatalogBuilder(d).problems();
      const bool found = std::find(problems.begin(), problems.end(), tc.expected) != problems.end();
      BOOST_TEST(found, "expected '" << tc.expected.where << ": " << tc.expected.message << "'");
      if (!found)
        for (const auto& p : problems) BOOST_TEST_MESSAGE("  got: " << p.where << ": " << p.message);
      BOOST_CHECK_THROW(CatalogBuilder(d).build(), ValidationError);
    }
  }
}

BOOST_AUTO_TEST_CASE(build_reports_every_problem_at_once) {
  CatalogData d = sample_data();
  practice(d, "alpha").safeguards.push_back({"19.1", L1});
  practice(d, "beta").actions[1].levels = {L1};
  d.priorities.level1_election.push_back("gamma");
  try {
    CatalogBuilder(d).build();
    BOOST_ERROR("built an inconsistent catalog");
  } catch (const ValidationError& e) {
    BOOST_TEST(e.problems().size() == 3u);
    const std::string what = e.what();
    BOOST_TEST(what.find("catalog is inconsistent (3 problems)") == 0u);
    BOOST_TEST(what.find("maps to unknown safeguard '19.1'") != std::string::npos);
    BOOST_TEST(what.find("do not match block 'l3'") != std::string::npos);
    BOOST_TEST(what.find("unknown practice 'gamma'") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(builder_methods_collect_content) {
  CatalogData base = sample_data();
  CatalogBuilder b;
  b.guide(base.guide);
  for (auto& x : base.controls) b.add(x);
  for (auto& x : base.safeguards) b.add(x);
  for (auto& x : base.handbook) b.add(x);
  for (auto& x : base.practices) b.add(x);
  for (auto& x : base.maturity_levels) b.add(x);
  for (auto& x : base.maturity_statements) b.add(x);
  for (auto& x : base.glossary) b.add(x);
  for (auto& x : base.acronyms) b.add(x);
  for (auto& x : base.guidance.sources) b.add(x);
  for (auto& x : base.guidance.recommendations) b.add(x);
  b.priorities(base.priorities);
  const Catalog first = b.build();
  const Catalog again = b.build();  // a builder stays usable after build()
  BOOST_TEST((first == again));
  BOOST_TEST((first == CatalogBuilder(sample_data()).build()));
  BOOST_TEST(first.practices().front().id == "alpha");
}

BOOST_AUTO_TEST_SUITE_END()  // test_catalog_builder
