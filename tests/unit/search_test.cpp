#include <electsec/default_catalog.hpp>
#include <electsec/search.hpp>

#include <boost/test/unit_test.hpp>

#include <optional>

#include "support.hpp"

#include <thread>

using namespace electsec;

namespace {

struct Query {
  const char* text;
  HitKind kind;      // of the top hit
  const char* id;    // of the top hit
  const char* also;  // an id among the first five ("" for none)
};

bool among(const std::vector<SearchHit>& hits, const std::string& id, std::size_t n) {
  for (std::size_t i = 0; i < hits.size() && i < n; ++i)
    if (hits[i].id == id) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_search)

BOOST_AUTO_TEST_CASE(queries_find_what_a_person_means) {
  const Query queries[] = {
      {"ransomware backups", HitKind::practice, "backups", "ransomware"},
      {"MFA", HitKind::acronym, "MFA", "6.5"},
      {"mayor training", HitKind::recommendation, "cap_mayors.4", "14.9"},
      {"USB", HitKind::acronym, "USB", "removable_media.l1.2"},
      {"Doxing threats", HitKind::practice, "physical_threats", "physical_threats.goal.1"},
      {"voter registration database", HitKind::recommendation, "dhs_cisa.3", "backups.l1.1"},
      {"tabletop exercises", HitKind::tool, "exercising_plans.tool.2", "exercising_plans.l1.1"},
      {"salted hashes passwords", HitKind::action, "user_management.l1.organizational-recommendations.3", ""},
  };
  for (const auto& q : queries) {
    BOOST_TEST_CONTEXT(q.text) {
      const auto hits = search(default_catalog(), q.text);
      BOOST_TEST_REQUIRE(!hits.empty());
      BOOST_TEST(to_string(hits[0].kind) == to_string(q.kind));
      BOOST_TEST(hits[0].id == q.id);
      if (*q.also) BOOST_TEST(among(hits, q.also, 5), q.also);
      for (std::size_t i = 1; i < hits.size(); ++i) BOOST_TEST(hits[i - 1].score >= hits[i].score);
    }
  }
}

BOOST_AUTO_TEST_CASE(hits_carry_kind_title_practice_and_snippet) {
  const auto hits = search(default_catalog(), "lock screen idle", SearchOptions{HitKind::action, 3});
  BOOST_TEST_REQUIRE(!hits.empty());
  BOOST_TEST(hits.size() <= 3u);
  BOOST_TEST(hits[0].id == "managing_infrastructure.l1.2");
  BOOST_TEST(hits[0].practice == "managing_infrastructure");
  BOOST_TEST(hits[0].title == "Managing Infrastructure with Secure Configurations");
  BOOST_TEST(hits[0].snippet.find("Lock the screen") != std::string::npos, hits[0].snippet);
  for (const auto& h : hits) BOOST_TEST((h.kind == HitKind::action));
}

BOOST_AUTO_TEST_CASE(an_id_finds_its_item_first) {
  const auto& c = default_catalog();
  struct Case {
    std::string query;
    std::optional<HitKind> kind;
    std::string id;
  };
  const Case cases[] = {
      {"4.1", HitKind::safeguard, "4.1"},  // words alone ("4", "1") found no Safeguard
      {"4.1", std::nullopt, "4.1"},
      {"Backups", std::nullopt, "backups"},
      {" cap_mayors.4 ", std::nullopt, "cap_mayors.4"},
      {"asset_management.l1.1", HitKind::action, "asset_management.l1.1"},
  };
  for (const auto& k : cases) {
    SearchOptions options;
    options.kind = k.kind;
    const auto hits = search(c, k.query, options);
    BOOST_TEST_REQUIRE(!hits.empty(), k.query);
    BOOST_TEST(hits[0].id == k.id, k.query);
  }
}

BOOST_AUTO_TEST_CASE(case_plurals_and_empty_queries) {
  const auto& c = default_catalog();
  BOOST_TEST(search(c, "BACKUP")[0].id == search(c, "backups")[0].id);
  BOOST_TEST(search(c, "").empty());
  BOOST_TEST(search(c, "the and of").empty());  // common words only
  BOOST_TEST(search(c, "xylophone").empty());
  BOOST_TEST(search(c, "encryption", SearchOptions{{}, 1}).size() == 1u);
  BOOST_CHECK_THROW(parse_hit_kind("tools"), Error);
  BOOST_TEST((parse_hit_kind("glossary") == HitKind::glossary));
}

BOOST_AUTO_TEST_CASE(the_index_is_built_once_for_many_threads) {
  // A fresh catalog, searched first from 8 threads at once.
  const Catalog c = CatalogBuilder(test::sample_data()).build();
  std::vector<std::string> top(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) threads.emplace_back([&, t] { top[t] = search(c, "thing test")[0].id; });
  for (auto& th : threads) th.join();
  for (const auto& id : top) BOOST_TEST(id == top[0]);
  const Catalog copy = c;
  BOOST_TEST(search(copy, "Alpha")[0].id == "alpha");
}

BOOST_AUTO_TEST_SUITE_END()  // test_search
