// error.hpp: what every error's message says, and printable().
#include <electsec/error.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_error)

BOOST_AUTO_TEST_CASE(errors_format_their_fields) {
  const ParseError p("cat.json", 3, 7, "/safeguards/0/title", "expected a string");
  BOOST_TEST(std::string(p.what()) == "cat.json:3:7: field /safeguards/0/title: expected a string");
  BOOST_TEST(p.line() == 3u);
  BOOST_TEST(p.column() == 7u);
  const NotFound n("practice", "asset", {"asset_management"});
  BOOST_TEST(std::string(n.what()) == "unknown practice 'asset'; did you mean 'asset_management'?");
  const NotFound none("safeguard", "x", {});
  BOOST_TEST(std::string(none.what()) == "unknown safeguard 'x'");
  const ValidationError v(std::vector<Problem>{{"a", "b"}, {"c", "d"}});
  BOOST_TEST(std::string(v.what()) == "catalog is inconsistent (2 problems)\n  a: b\n  c: d");
}

BOOST_AUTO_TEST_CASE(printable_escapes_what_a_terminal_would_obey) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"plain text", "plain text"},
      {"caf\xc3\xa9", "caf\xc3\xa9"},       // UTF-8 kept
      {"a\nb", "a\\nb"},                    // a line break cannot start a second line
      {"\x1b[31mred", "\\x1b[31mred"},      // escape sequences are shown, not obeyed
      {"bad \xff byte", "bad \\xff byte"},  // bytes that are not UTF-8
      {"ab\xe2\x80\xae"
       "cd",
       "ab\\u202e"
       "cd"},                          // a right-to-left override cannot reorder the line
      {"back\\slash", "back\\slash"},  // backslashes left alone
  };
  for (const auto& c : cases) BOOST_TEST(printable(c.in) == c.out, "printable(" << c.out << ")");
}

BOOST_AUTO_TEST_CASE(parse_error_keeps_its_parts) {
  const ParseError e("file.json", 3, 7, "/statuses/x", "a string");
  BOOST_TEST(e.source() == "file.json");
  BOOST_TEST(e.line() == 3u);
  BOOST_TEST(e.column() == 7u);
  BOOST_TEST(e.field() == "/statuses/x");
  BOOST_TEST(e.expected() == "a string");
}

BOOST_AUTO_TEST_SUITE_END()  // test_error
