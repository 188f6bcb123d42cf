// table.hpp: the terminal table and RFC 4180 CSV every `--format table|csv` prints.
#include <electsec/table.hpp>

#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>

using namespace electsec;

namespace {

std::string table_text(const Table& t) {
  std::ostringstream out;
  write_table(out, t);
  return out.str();
}

std::string csv_text(const Table& t) {
  std::ostringstream out;
  write_csv(out, t);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_table)

BOOST_AUTO_TEST_CASE(columns_line_up_by_characters_not_bytes) {
  const Table t{{"id", "title"}, {{"a", "first"}, {"\xc3\xa9t\xc3\xa9", "second"}}};
  // "été" is 3 characters in 5 bytes: the second column still starts at the same place.
  BOOST_TEST(table_text(t) == "id   title\n---  ------\na    first\n\xc3\xa9t\xc3\xa9  second\n");
}

BOOST_AUTO_TEST_CASE(a_cell_cannot_move_the_cursor_or_add_a_line) {
  const Table t{{"id", "note"}, {{"x", "one\ntwo \x1b[2J"}}};
  const std::string text = table_text(t);
  BOOST_TEST(text.find('\x1b') == std::string::npos);
  BOOST_TEST(std::count(text.begin(), text.end(), '\n') == 3);  // header, rule, one row
}

BOOST_AUTO_TEST_CASE(csv_quotes_only_what_needs_it) {
  struct Case {
    std::string cell, field;
  };
  const Case cases[] = {
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"", ""},
  };
  for (const auto& c : cases) BOOST_TEST(csv_field(c.cell) == c.field);
}

BOOST_AUTO_TEST_CASE(csv_rows_end_in_crlf_and_keep_every_cell) {
  const Table t{{"id", "note"}, {{"x", "a,b"}, {"y", ""}}};
  BOOST_TEST(csv_text(t) == "id,note\r\nx,\"a,b\"\r\ny,\r\n");
}

BOOST_AUTO_TEST_SUITE_END()  // test_table
