// The DHS/CISA page and the mayors' ten steps as data, against the seeds' facts.
#include <electsec/default_catalog.hpp>

#include <boost/test/unit_test.hpp>

#include <map>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_guidance)

BOOST_AUTO_TEST_CASE(counts_per_source_and_group) {
  // 002: 6 roles of state and local officials, 4 of DHS, 3 benefits, 1 services statement.
  // 003/004: 10 steps in 3 groups of 4, 2 and 4.
  const std::map<std::pair<std::string, std::string>, std::size_t> expected{
      {{"dhs_cisa", "State and Local Officials Roles and Responsibilities"}, 6},
      {{"dhs_cisa", "DHS Roles and Responsibilities"}, 4},
      {{"dhs_cisa", "Benefits of states and DHS partnership among election infrastructure"}, 3},
      {{"dhs_cisa", "Our Election Services"}, 1},
      {{"cap_mayors", "Executive solutions"}, 4},
      {{"cap_mayors", "Use your role as a mayor to engage with election officials"}, 2},
      {{"cap_mayors", "Educate the public and advocate for improving election security preparedness"}, 4},
  };
  std::map<std::pair<std::string, std::string>, std::size_t> counted;
  for (const auto& r : default_catalog().guidance().recommendations) ++counted[{r.source, r.category}];
  BOOST_TEST((counted == expected));
}

BOOST_AUTO_TEST_CASE(the_mayors_steps_in_order_with_their_endnotes) {
  const auto steps = default_catalog().recommendations(RecommendationFilter{{}, std::string("mayor"), {}, {}});
  BOOST_TEST_REQUIRE(steps.size() == 10u);
  for (std::size_t i = 0; i < 10; ++i) BOOST_TEST(steps[i]->id == "cap_mayors." + std::to_string(i + 1));
  // Endnotes 1, 2 and 3 stand after steps 6, 7 and 10.
  BOOST_TEST(steps[5]->links.size() == 1u);
  BOOST_TEST(steps[6]->links.size() == 1u);
  BOOST_TEST(steps[9]->links.size() == 1u);
  BOOST_TEST(steps[9]->links[0].url ==
             "https://www.americanprogress.org/issues/democracy/reports/2017/10/26/441417/"
             "on-havas-15th-anniversary-congress-needs-to-make-u-s-elections-more-secure/");
  const GuidanceSource& cap = default_catalog().guidance_source("cap_mayors");
  BOOST_TEST(cap.title == "10 Steps Mayors Can Take to Improve Election Security");
  BOOST_TEST(cap.date == "2018-03-14");
}

BOOST_AUTO_TEST_CASE(dhs_partners_and_audiences) {
  const auto& c = default_catalog();
  const std::vector<std::string> partners{
      "National Association of Secretaries of State", "National Association of State Election Directors",
      "International Association of Government Officials", "National Association of Election Officials",
      "Elections Assistance Commission"};
  BOOST_TEST(c.guidance_source("dhs_cisa").partners == partners);
  BOOST_TEST(c.recommendations(RecommendationFilter{{}, std::string("DHS/CISA"), {}, {}}).size() == 4u);
  BOOST_TEST(c.recommendations(RecommendationFilter{std::string("dhs_cisa"), std::string("mayor"), {}, {}}).empty());
}

BOOST_AUTO_TEST_CASE(every_link_resolves_and_every_recommendation_has_prose) {
  const auto& c = default_catalog();
  for (const auto& r : c.guidance().recommendations) {
    BOOST_TEST_CONTEXT(r.id) {
      BOOST_TEST(!r.title.empty());
      BOOST_TEST(!r.text.empty());
      for (const auto& rp : r.practices) {
        BOOST_CHECK_NO_THROW(c.practice(rp.practice));
        BOOST_TEST(!rp.reason.empty());
      }
      for (const auto& s : r.safeguards) BOOST_CHECK_NO_THROW(c.safeguard(s));
      for (const auto& l : r.links) BOOST_TEST(l.url.rfind("https://", 0) == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(practice_to_guidance) {
  const auto& c = default_catalog();
  std::vector<std::string> ids;
  for (const auto* r : c.recommendations_of_practice("join_ei_isac")) ids.push_back(r->id);
  BOOST_TEST(ids ==
             (std::vector<std::string>{"dhs_cisa.7", "dhs_cisa.11", "dhs_cisa.12", "cap_mayors.3", "cap_mayors.5"}));
  BOOST_TEST(c.recommendations_of_practice("websites").empty());
  BOOST_CHECK_THROW(c.recommendations_of_practice("website"), NotFound);
  BOOST_CHECK_THROW(c.recommendation("cap_mayors.11"), NotFound);
}

BOOST_AUTO_TEST_SUITE_END()  // test_guidance
