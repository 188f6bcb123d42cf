// CompactAssessment: scorecards and rollups of offices in compact form equal those of their
// Assessments, and both equal a model written here from the rules of docs/guide/rules.md
// with the public catalog queries only (so a change in the engine's arrays that moves a
// count fails here, not just a disagreement between its two paths).
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>
#include <electsec/scorecard.hpp>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <algorithm>
#include <functional>
#include <random>

using namespace electsec;
using electsec::test::sample_catalog;
using electsec::test::sample_data;

namespace {

double ratio(std::size_t done, std::size_t applicable) {
  return applicable == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(applicable);
}

// ---- the model -------------------------------------------------------------------------

// One office's scorecard, straight from the rules: an action applies at M when its block's
// lowest level is at most M and its practice is not out of scope at M.
Scorecard model_score(const Catalog& c, const Assessment& a) {
  for (const auto& entry : a.statuses) c.action(entry.first);  // NotFound for an unknown id
  const Maturity m = a.maturity;
  Scorecard card;
  card.jurisdiction = a.jurisdiction;
  card.maturity = m;
  card.priorities_complete = true;
  for (const Practice& p : c.practices()) {
    if (p.scope_at(m) == Scope::out_of_scope) continue;
    PracticeScore s{p.id, p.scope_at(m), 0, 0, 0, 0.0};
    for (const Action& action : p.actions) {
      if (action.first_level() > m) continue;
      const Status status = a.status_of(action.id);
      if (status == Status::not_applicable) continue;
      ++s.actions_applicable;
      s.actions_done += status == Status::done;
      s.actions_in_progress += status == Status::in_progress;
    }
    s.completion = ratio(s.actions_done, s.actions_applicable);
    if (p.scope_at(m) == Scope::priority && s.actions_done < s.actions_applicable) card.priorities_complete = false;
    card.actions_applicable += s.actions_applicable;
    card.actions_done += s.actions_done;
    card.actions_in_progress += s.actions_in_progress;
    card.practices.push_back(s);
  }
  card.completion = ratio(card.actions_done, card.actions_applicable);
  for (const Safeguard& g : c.safeguards()) {
    SafeguardScore s{g.id, 0, 0, 0.0};
    bool counted = false;
    for (const MappedPractice& mapped : c.practices_of_safeguard(g.id)) {
      if (mapped.practice->scope_at(m) == Scope::out_of_scope || (mapped.maturity && *mapped.maturity > m)) continue;
      counted = true;
      for (const PracticeScore& p : card.practices)
        if (p.practice == mapped.practice->id) {
          s.actions_applicable += p.actions_applicable;
          s.actions_done += p.actions_done;
        }
    }
    s.completion = ratio(s.actions_done, s.actions_applicable);
    if (counted) card.safeguards.push_back(s);
  }
  return card;
}

// The rollup as the sum of the model's scorecards.
Rollup model_rollup(const Catalog& c, const std::vector<Assessment>& offices) {
  Rollup r;
  std::vector<Scorecard> cards;
  for (const Assessment& a : offices) cards.push_back(model_score(c, a));
  r.jurisdictions = cards.size();
  for (const Practice& p : c.practices()) {
    PracticeRollup sum{p.id, 0, 0, 0.0, 0};
    for (const Scorecard& card : cards)
      for (const PracticeScore& s : card.practices)
        if (s.practice == p.id) {
          sum.actions_applicable += s.actions_applicable;
          sum.actions_done += s.actions_done;
          sum.offices_complete += s.actions_applicable > 0 && s.actions_done == s.actions_applicable;
        }
    sum.completion = ratio(sum.actions_done, sum.actions_applicable);
    r.actions_applicable += sum.actions_applicable;
    r.actions_done += sum.actions_done;
    r.practices.push_back(sum);
  }
  r.completion = ratio(r.actions_done, r.actions_applicable);
  std::vector<PracticeRollup> order;
  for (const auto& p : r.practices)
    if (p.actions_applicable > 0) order.push_back(p);
  std::stable_sort(order.begin(), order.end(),
                   [](const PracticeRollup& x, const PracticeRollup& y) { return x.completion < y.completion; });
  for (std::size_t i = 0; i < order.size() && i < 5; ++i) r.least_complete.push_back(order[i].practice);
  for (const Safeguard& g : c.safeguards()) {
    SafeguardScore sum{g.id, 0, 0, 0.0};
    bool counted = false;
    for (const Scorecard& card : cards)
      for (const SafeguardScore& s : card.safeguards)
        if (s.safeguard == g.id) {
          counted = true;
          sum.actions_applicable += s.actions_applicable;
          sum.actions_done += s.actions_done;
        }
    sum.completion = ratio(sum.actions_done, sum.actions_applicable);
    if (counted) r.safeguards.push_back(sum);
  }
  for (const Scorecard& card : cards) {
    ++r.maturity_distribution[static_cast<std::size_t>(card.maturity) - 1];
    r.offices.push_back({card.jurisdiction, card.maturity, card.actions_applicable, card.actions_done, card.completion,
                         card.priorities_complete});
  }
  std::stable_sort(r.offices.begin(), r.offices.end(), [](const OfficeSummary& x, const OfficeSummary& y) {
    if (x.completion != y.completion) return x.completion < y.completion;
    return x.jurisdiction.id < y.jurisdiction.id;
  });
  return r;
}

// ---- offices to score --------------------------------------------------------------------

std::vector<std::string> action_ids(const Catalog& c) {
  std::vector<std::string> ids;
  for (const Action* a : c.actions()) ids.push_back(a->id);
  return ids;
}

Assessment office(const std::string& id, Maturity m) { return test::sample_office(id, m); }

// How a case fills an office's statuses, from its random generator.
enum class Fill { random, none, all_done, all_not_applicable, applicable_done };

Assessment filled(const Catalog& c, const std::string& id, Maturity m, Fill fill, std::mt19937& rng) {
  Assessment a = office(id, m);
  const std::vector<std::string> ids = action_ids(c);
  switch (fill) {
    case Fill::none:
      break;
    case Fill::all_done:
    case Fill::all_not_applicable:
      for (const auto& action : ids)
        a.set(c, action, fill == Fill::all_done ? Status::done : Status::not_applicable, "", "2026-01-02");
      break;
    case Fill::applicable_done:  // done where it counts at m, anything elsewhere
      for (const Practice& p : c.practices())
        for (const Action* action : c.applicable_actions(p.id, m)) a.set(c, action->id, Status::done, "", "2026-01-02");
      break;
    case Fill::random: {
      // Any number of statuses, of any kind, on any action: some apply at m, some belong
      // to a higher level, some to a practice out of scope at m.
      const std::size_t n = rng() % (ids.size() + 1);
      for (std::size_t k = 0; k < n; ++k)
        a.set(c, ids[rng() % ids.size()], static_cast<Status>(rng() % 4), "a note", "2026-01-02");
      break;
    }
  }
  return a;
}

// A catalog larger than the engine's stack buffers (more than 512 actions, more than 64
// practices): the sample catalog plus 70 copies of its practices, and one practice of 600
// actions (the engine counts a practice in runs of at most 256).
const Catalog& large_catalog() {
  static const Catalog c = [] {
    CatalogData d = sample_data();
    const std::vector<Practice> base = d.practices;
    for (int k = 0; k < 70; ++k) {
      Practice p = base[static_cast<std::size_t>(k) % base.size()];
      const std::string old_id = p.id;
      p.id = "copy" + std::to_string(k) + "_" + old_id;
      p.order = 10 + k;
      p.handbook.clear();
      for (auto& goal : p.goals) goal.id = p.id + goal.id.substr(old_id.size());
      for (auto& action : p.actions) action.id = p.id + action.id.substr(old_id.size());
      for (int extra = 1; extra <= 3; ++extra) {  // more actions, from Level 2 and from Level 3
        p.actions.push_back(
            {p.id + ".l2.extra." + std::to_string(extra), {Maturity::level2}, std::string("Extra"), "Do more.", {}});
        p.actions.push_back({p.id + ".l3.extra." + std::to_string(extra),
                             {Maturity::level3},
                             std::string("Extra"),
                             "Do still more.",
                             {}});
      }
      d.practices.push_back(p);
    }
    Practice many;
    many.id = "many";
    many.title = "Many Actions";
    many.order = 100;
    many.scopes = {Scope::in_scope, Scope::priority, Scope::in_scope};
    many.summary = "A practice with more actions than one run counts.";
    for (int n = 1; n <= 300; ++n) {
      many.actions.push_back({"many.l1." + std::to_string(n), {Maturity::level1}, std::nullopt, "Do it.", {}});
      many.actions.push_back({"many.l3." + std::to_string(n), {Maturity::level3}, std::nullopt, "Do it later.", {}});
    }
    many.safeguards = {{"4.1", std::nullopt}};
    d.practices.push_back(many);
    return CatalogBuilder(std::move(d)).build();
  }();
  return c;
}

struct Case {
  const char* name;
  std::function<const Catalog&()> catalog;
  std::size_t offices;
  unsigned seed;
  Fill fill;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << c.name; }

const Case cases[] = {
    {"default catalog, random statuses", [] { return std::cref(default_catalog()); }, 120, 1, Fill::random},
    {"default catalog, one office", [] { return std::cref(default_catalog()); }, 1, 2, Fill::random},
    {"default catalog, empty offices", [] { return std::cref(default_catalog()); }, 20, 3, Fill::none},
    {"default catalog, everything done", [] { return std::cref(default_catalog()); }, 17, 4, Fill::all_done},
    {"default catalog, nothing applicable", [] { return std::cref(default_catalog()); }, 17, 5,
     Fill::all_not_applicable},
    {"default catalog, what applies done", [] { return std::cref(default_catalog()); }, 33, 6, Fill::applicable_done},
    {"sample catalog, random statuses", [] { return std::cref(sample_catalog()); }, 200, 7, Fill::random},
    {"sample catalog, empty offices", [] { return std::cref(sample_catalog()); }, 3, 8, Fill::none},
    {"sample catalog, what applies done", [] { return std::cref(sample_catalog()); }, 9, 9, Fill::applicable_done},
    {"large catalog, random statuses", [] { return std::cref(large_catalog()); }, 40, 10, Fill::random},
    {"large catalog, what applies done", [] { return std::cref(large_catalog()); }, 5, 11, Fill::applicable_done},
};

// The offices of a case: all three levels in turn, each its own id.
std::vector<Assessment> offices_of(const Case& k) {
  const Catalog& c = k.catalog();
  std::mt19937 rng(k.seed);
  std::vector<Assessment> out;
  for (std::size_t i = 0; i < k.offices; ++i)
    out.push_back(filled(c, "us-xx-" + std::to_string(k.seed) + "-" + std::to_string(i),
                         static_cast<Maturity>(1 + i % 3), k.fill, rng));
  return out;
}

std::vector<CompactAssessment> compact_all(const Catalog& c, const std::vector<Assessment>& offices) {
  std::vector<CompactAssessment> out;
  for (const Assessment& a : offices) out.push_back(compact(c, a));
  return out;
}

// The message of what `f` throws, or "" when it throws nothing.
template <typename F>
std::string message_of(F f) {
  try {
    f();
  } catch (const NotFound& e) {
    return std::string("NotFound: ") + e.what();
  } catch (const Error& e) {
    return std::string("Error: ") + e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_compact_assessment)

BOOST_DATA_TEST_CASE(scorecards_equal_the_model_and_each_other, boost::unit_test::data::make(cases), k) {
  const Catalog& c = k.catalog();
  for (const Assessment& a : offices_of(k)) {
    const Scorecard expected = model_score(c, a);
    BOOST_TEST((score(c, a) == expected), a.jurisdiction.id);
    BOOST_TEST((score(c, compact(c, a)) == expected), a.jurisdiction.id);
  }
}

BOOST_DATA_TEST_CASE(rollups_equal_the_model_and_each_other, boost::unit_test::data::make(cases), k) {
  const Catalog& c = k.catalog();
  const std::vector<Assessment> offices = offices_of(k);
  const std::vector<CompactAssessment> compacts = compact_all(c, offices);
  const Rollup expected = model_rollup(c, offices);
  BOOST_TEST((rollup(c, offices) == expected));
  BOOST_TEST((rollup(c, compacts) == expected));
  // One office at a time, alternating the two forms, over two builders merged.
  RollupBuilder first(c), second(c);
  for (std::size_t i = 0; i < offices.size(); ++i) {
    RollupBuilder& b = i < offices.size() / 2 ? first : second;
    if (i % 2 == 0)
      b.add(offices[i]);
    else
      b.add(compacts[i]);
  }
  first.merge(second);
  BOOST_TEST((first.finish() == expected));
  BOOST_TEST((first.finish() == expected));  // finish leaves the builder as it was
}

BOOST_AUTO_TEST_CASE(statuses_follow_the_catalogs_action_order) {
  for (const Catalog* c : {&default_catalog(), &sample_catalog(), &large_catalog()}) {
    const std::vector<const Action*> actions = c->actions();
    Assessment a = office("us-xx-order", Maturity::level2);
    a.set(*c, actions.front()->id, Status::in_progress);
    a.set(*c, actions[actions.size() / 2]->id, Status::done);
    a.set(*c, actions.back()->id, Status::not_applicable);
    const CompactAssessment flat = compact(*c, a);
    BOOST_TEST_REQUIRE(flat.statuses.size() == actions.size());
    for (std::size_t n = 0; n < actions.size(); ++n)
      BOOST_TEST(flat.statuses[n] == static_cast<std::uint8_t>(a.status_of(actions[n]->id)), actions[n]->id);
    BOOST_TEST((flat.jurisdiction == a.jurisdiction));
    BOOST_TEST((flat.maturity == Maturity::level2));
  }
  // The sample catalog lists beta before alpha in its data; the numbering follows the index.
  BOOST_TEST(sample_catalog().actions().front()->id == "alpha.l1.user-recommendations.1");
}

BOOST_AUTO_TEST_CASE(an_unknown_action_is_the_same_not_found_everywhere) {
  const Catalog& c = default_catalog();
  Assessment bad = office("us-xx-bad", Maturity::level1);
  bad.set(c, "asset_management.l1.1", Status::done);
  // Written directly: `set` would refuse them. The first in id order is the one named.
  bad.statuses["zzz_not_a_practice.l1.1"] = ActionStatus{Status::done, "", ""};
  bad.statuses["asset_managment.l1.1"] = ActionStatus{Status::done, "", ""};
  const std::string expected = message_of([&] { score(c, bad); });
  BOOST_TEST(expected.rfind("NotFound: ", 0) == 0u);
  BOOST_TEST(expected.find("asset_managment.l1.1") != std::string::npos);
  BOOST_TEST(expected.find("zzz_not_a_practice") == std::string::npos);
  BOOST_TEST(message_of([&] { compact(c, bad); }) == expected);
  BOOST_TEST(message_of([&] { model_score(c, bad); }) == expected);
  RollupBuilder b(c);
  b.add(office("us-xx-good", Maturity::level1));
  BOOST_TEST(message_of([&] { b.add(bad); }) == expected);
  BOOST_TEST(b.finish().jurisdictions == 1u);  // nothing of the bad office was added
  // In a rollup of many, the first bad office in order is the one named, wherever it sits
  // among the offices walked together.
  for (const std::size_t at : {std::size_t{0}, std::size_t{5}, std::size_t{15}, std::size_t{16}, std::size_t{39}}) {
    std::vector<Assessment> offices;
    for (int i = 0; i < 40; ++i) offices.push_back(office("us-xx-" + std::to_string(i), Maturity::level2));
    offices[at] = bad;
    if (at + 3 < offices.size()) {
      offices[at + 3] = bad;
      offices[at + 3].statuses.erase("asset_managment.l1.1");  // a later office, another id
    }
    BOOST_TEST(message_of([&] { rollup(c, offices); }) == expected, "bad office at " << at);
  }
}

BOOST_AUTO_TEST_CASE(a_compact_assessment_that_does_not_fit_is_an_error) {
  const Catalog& c = sample_catalog();
  const CompactAssessment good = compact(c, office("us-xx-fit", Maturity::level1));
  struct Bad {
    const char* name;
    std::function<void(CompactAssessment&)> spoil;
    const char* message;
  };
  const Bad bad[] = {
      {"one status short", [](CompactAssessment& a) { a.statuses.pop_back(); },
       "Error: CompactAssessment of office 'us-xx-fit' has 5 statuses, but the catalog has 6 actions: make it with "
       "compact() against the same catalog"},
      {"made for another catalog",
       [](CompactAssessment& a) { a = compact(default_catalog(), office("us-xx-fit", Maturity::level1)); },
       "Error: CompactAssessment of office 'us-xx-fit' has 159 statuses, but the catalog has 6 actions: make it "
       "with compact() against the same catalog"},
      {"no statuses", [](CompactAssessment& a) { a.statuses.clear(); },
       "Error: CompactAssessment of office 'us-xx-fit' has 0 statuses, but the catalog has 6 actions: make it with "
       "compact() against the same catalog"},
      {"a byte that is no status", [](CompactAssessment& a) { a.statuses[3] = 4; },
       "Error: CompactAssessment of office 'us-xx-fit': status 4 of action alpha.l23.1 is not a Status (0 to 3)"},
      {"no-status byte of the store", [](CompactAssessment& a) { a.statuses[0] = 255; },
       "Error: CompactAssessment of office 'us-xx-fit': status 255 of action alpha.l1.user-recommendations.1 is "
       "not a Status (0 to 3)"},
      {"a level that does not exist", [](CompactAssessment& a) { a.maturity = static_cast<Maturity>(4); },
       "Error: CompactAssessment of office 'us-xx-fit': maturity 4 is not a level (1 to 3)"},
      {"a control character in the id",
       [](CompactAssessment& a) {
         a.jurisdiction.id = "us-\x1b[31m";
         a.statuses.pop_back();
       },
       "Error: CompactAssessment of office 'us-\\x1b[31m' has 5 statuses, but the catalog has 6 actions: make it "
       "with compact() against the same catalog"},
  };
  for (const Bad& k : bad) {
    CompactAssessment a = good;
    k.spoil(a);
    BOOST_TEST(message_of([&] { score(c, a); }) == k.message, k.name);
    BOOST_TEST(message_of([&] { rollup(c, std::vector<CompactAssessment>{good, a}); }) == k.message, k.name);
    RollupBuilder b(c);
    BOOST_TEST(message_of([&] { b.add(a); }) == k.message, k.name);
    BOOST_TEST(b.finish().jurisdictions == 0u, k.name);  // nothing was added
  }
  BOOST_TEST(message_of([&] { score(c, good); }) == "");
}

BOOST_AUTO_TEST_CASE(offices_that_tie_keep_the_order_they_were_added_in) {
  // Same completion and the same id (two records of one office): the rollup lists them as
  // added, whichever form they came in.
  const Catalog& c = sample_catalog();
  Assessment a = office("us-xx-same", Maturity::level1), b = office("us-xx-same", Maturity::level1);
  a.jurisdiction.name = "First";
  b.jurisdiction.name = "Second";
  for (const auto& [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
    const std::vector<Assessment> offices{office("us-xx-0", Maturity::level1), x, y,
                                          office("us-xx-z", Maturity::level1)};
    const Rollup r = rollup(c, offices);
    BOOST_TEST_REQUIRE(r.offices.size() == 4u);
    BOOST_TEST(r.offices[0].jurisdiction.id == "us-xx-0");
    BOOST_TEST(r.offices[1].jurisdiction.name == x.jurisdiction.name);
    BOOST_TEST(r.offices[2].jurisdiction.name == y.jurisdiction.name);
    BOOST_TEST(r.offices[3].jurisdiction.id == "us-xx-z");
    BOOST_TEST((rollup(c, compact_all(c, offices)) == r));
  }
}

BOOST_AUTO_TEST_CASE(offices_order_by_id_past_sixteen_characters) {
  // The sort compares the first 16 bytes of ids as numbers; ids that share them, or end
  // inside them, still order as strings do.
  const Catalog& c = sample_catalog();
  const std::vector<std::string> ids = {"us-xx-county-number-2",
                                        "us-xx-county-number-10",
                                        "us-xx-county-numbe",
                                        "us-xx-county-number",
                                        "us-xx-a",
                                        "us-xx-county-number-1",
                                        "us-xx-county-numbex",
                                        "\xc3\xa9-xx",
                                        "us"};
  std::vector<Assessment> offices;
  for (const auto& id : ids) offices.push_back(office(id, Maturity::level1));
  std::vector<std::string> expected = ids;
  std::sort(expected.begin(), expected.end());
  const Rollup r = rollup(c, offices);
  std::vector<std::string> got;
  for (const auto& o : r.offices) got.push_back(o.jurisdiction.id);
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(compact_assessments_compare_by_value) {
  const Catalog& c = sample_catalog();
  Assessment a = office("us-xx-eq", Maturity::level3);
  const CompactAssessment x = compact(c, a);
  BOOST_TEST((x == compact(c, a)));
  a.set(c, "beta.l3.1", Status::done);
  BOOST_TEST((x != compact(c, a)));
  CompactAssessment y = x;
  y.maturity = Maturity::level2;
  BOOST_TEST((x != y));
  y = x;
  y.jurisdiction.name = "Other";
  BOOST_TEST((x != y));
  // A note or a date is not part of the compact form; an unrecorded action and a recorded
  // not_started are alike in it, as in the scorecard.
  Assessment noted = office("us-xx-eq", Maturity::level3);
  noted.set(c, "alpha.l23.1", Status::not_started, "a note", "2020-01-01");
  BOOST_TEST((compact(c, noted) == x));
}

BOOST_AUTO_TEST_SUITE_END()  // test_compact_assessment
