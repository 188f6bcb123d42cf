// text.hpp: UTF-8 checking, suggestions, case folding, joining and percentages.
#include <electsec/text.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_text)

BOOST_AUTO_TEST_CASE(is_utf8_accepts_well_formed_text_only) {
  struct Case {
    std::string text;
    bool ok;
  };
  const Case cases[] = {
      {"", true},
      {"ascii", true},
      {"caf\xc3\xa9", true},
      {"\xf0\x9f\x97\xb3", true},   // U+1F5F3, four bytes
      {"\xff", false},              // never a UTF-8 byte
      {"\xc0\xaf", false},          // overlong '/'
      {"\xed\xa0\x80", false},      // a surrogate
      {"\xf4\x90\x80\x80", false},  // past U+10FFFF
      {"caf\xc3", false},           // cut short
  };
  for (const auto& c : cases) BOOST_TEST(is_utf8(c.text) == c.ok);
}

BOOST_AUTO_TEST_CASE(closest_suggests_near_names_best_first) {
  const std::vector<std::string> ids = {"asset_management", "access_control", "audit_logs"};
  BOOST_TEST(closest("asset_managment", ids) == std::vector<std::string>{"asset_management"});
  BOOST_TEST(closest("ASSET_MANAGEMENT", ids, 1) == std::vector<std::string>{"asset_management"});
  BOOST_TEST(closest("au", ids) == std::vector<std::string>{"audit_logs"});  // a prefix
  BOOST_TEST(closest("zzzzzzzz", ids).empty());
}

BOOST_AUTO_TEST_CASE(lower_case_join_and_percent) {
  BOOST_TEST(lower_case("MFA Ab-1") == "mfa ab-1");
  BOOST_TEST(join({"a", "b", "c"}, ", ") == "a, b, c");
  BOOST_TEST(join({}, ", ").empty());
  BOOST_TEST(percent(0) == "0%");
  BOOST_TEST(percent(0.456) == "46%");
  BOOST_TEST(percent(0.005) == "1%");  // half rounds up
  BOOST_TEST(percent(1) == "100%");
}

BOOST_AUTO_TEST_SUITE_END()  // test_text
