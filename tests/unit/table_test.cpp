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

std::string table_text(const Table& t, std::size_t width) {
  std::ostringstream out;
  write_table(out, t, width);
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

BOOST_AUTO_TEST_CASE(a_table_fits_the_terminal_width_by_wrapping_its_widest_column) {
  const Table t{{"id", "text"}, {{"a", "one two three four five six seven eight nine ten"}, {"b", "short"}}};
  BOOST_TEST(table_text(t, 0) == table_text(t));    // 0: no limit
  BOOST_TEST(table_text(t, 200) == table_text(t));  // wide enough: unchanged
  BOOST_TEST(table_text(t, 30) ==
             "id  text\n"
             "--  --------------------------\n"
             "a   one two three four five\n"
             "    six seven eight nine ten\n"
             "b   short\n");
}

BOOST_AUTO_TEST_CASE(wrapping_cuts_long_words_between_characters_and_keeps_a_minimum) {
  // 25 characters of two bytes each: cut at 20 characters, never inside one.
  std::string word;
  for (int i = 0; i < 25; ++i) word += "\xc3\xa9";
  const Table t{{"id", "text"}, {{"a", word}}};
  const std::string text = table_text(t, 24);
  std::string first(word.substr(0, 40)), rest(word.substr(40));
  BOOST_TEST(text == "id  text\n--  --------------------\na   " + first + "\n    " + rest + "\n");
  // A terminal narrower than the minimum: columns stop at 20 characters, still aligned.
  const Table wide{{"id", "text"}, {{"a", std::string(30, 'x') + " " + std::string(5, 'y')}}};
  BOOST_TEST(table_text(wide, 10) ==
             "id  text\n--  --------------------\na   xxxxxxxxxxxxxxxxxxxx\n    xxxxxxxxxx yyyyy\n");
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
