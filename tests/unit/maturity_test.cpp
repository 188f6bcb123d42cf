#include <electsec/default_catalog.hpp>
#include <electsec/maturity.hpp>

#include <boost/test/unit_test.hpp>

using namespace electsec;

namespace {

// Answers from one pattern per level: 'y' applies, 'n' does not, '-' unanswered.
// Level 1 has 6 statements, Levels 2 and 3 have 7.
MaturityAnswers answers(const std::string& l1, const std::string& l2, const std::string& l3) {
  MaturityAnswers a;
  const std::string* patterns[] = {&l1, &l2, &l3};
  for (int level = 1; level <= 3; ++level) {
    const std::string& p = *patterns[level - 1];
    for (std::size_t i = 0; i < p.size(); ++i)
      if (p[i] != '-') a["l" + std::to_string(level) + "." + std::to_string(i + 1)] = p[i] == 'y';
  }
  return a;
}

struct Case {
  const char* name;
  const char* l1;
  const char* l2;
  const char* l3;
  int level;
  bool conflict;
  bool unsure;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(test_maturity)

BOOST_AUTO_TEST_CASE(every_branch_of_the_rule) {
  const Case cases[] = {
      {"all no", "nnnnnn", "nnnnnnn", "nnnnnnn", 1, false, false},
      {"nothing answered", "------", "-------", "-------", 1, false, true},
      {"level 1 statements apply", "yyyyyy", "nnnnnnn", "nnnnnnn", 1, false, false},
      {"bare majority at level 2", "nnnnnn", "yyyynnn", "nnnnnnn", 2, false, false},
      {"bare majority, rest unanswered", "nnnnnn", "yyyy---", "nnn----", 2, false, false},
      {"level 3 on top of level 2", "nnnnnn", "yyyynnn", "yyyynnn", 3, false, false},
      {"level 3 without level 2 is level 1", "nnnnnn", "yyynnnn", "yyyyyyy", 1, false, false},
      {"level 2 and level 1 majorities conflict", "yyyynn", "yyyynnn", "nnnnnnn", 1, true, false},
      {"level 3 and level 1 majorities conflict", "yyyyyy", "yyyyyyy", "yyyyyyy", 1, true, false},
      {"a tie at level 1 is no majority", "yyynnn", "yyyynnn", "nnnnnnn", 2, false, false},
      {"three of seven is no majority", "nnnnnn", "yyynnnn", "nnnnnnn", 1, false, false},
      {"nine of twenty answered is unsure", "yy----", "yyyy---", "yyy----", 1, false, true},
      {"ten of twenty answered is enough", "nnn---", "yyyy---", "yyy----", 2, false, false},
      {"unsure and conflict together", "yyyy--", "yyyy---", "-------", 1, true, true},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      const MaturityResult r = determine_maturity(default_catalog(), answers(tc.l1, tc.l2, tc.l3));
      BOOST_TEST(static_cast<int>(r.level) == tc.level);
      BOOST_TEST(r.conflict == tc.conflict);
      BOOST_TEST(r.unsure == tc.unsure);
      BOOST_TEST(!r.rationale.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(tallies_applied_statements_and_rationale) {
  const MaturityResult r = determine_maturity(default_catalog(), answers("nyn---", "yyyy-nn", "n"));
  BOOST_TEST(r.tallies[0].yes == 1u);
  BOOST_TEST(r.tallies[0].answered == 3u);
  BOOST_TEST(r.tallies[0].total == 6u);
  BOOST_TEST(r.tallies[1].yes == 4u);
  BOOST_TEST(r.tallies[1].answered == 6u);
  BOOST_TEST(r.tallies[1].majority());
  BOOST_TEST(r.tallies[2].answered == 1u);
  BOOST_TEST(r.applied == (std::vector<std::string>{"l1.2", "l2.1", "l2.2", "l2.3", "l2.4"}));
  BOOST_TEST(static_cast<int>(r.level) == 2);
  BOOST_TEST(r.rationale.find("Level 2: 4 of 7 statements apply (6 answered), a majority.") != std::string::npos,
             r.rationale);
  BOOST_TEST(r.rationale.find("so the office is at Level 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_statement_is_not_found) {
  MaturityAnswers a{{"l1.7", true}};
  BOOST_CHECK_THROW(determine_maturity(default_catalog(), a), NotFound);
}

BOOST_AUTO_TEST_SUITE_END()  // test_maturity
