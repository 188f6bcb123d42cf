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

// The CSV tables of results: the same columns the CLI writes, one row per entry, numbers as
// std::to_string writes them.
BOOST_AUTO_TEST_SUITE(test_result_tables)

BOOST_AUTO_TEST_CASE(each_table_has_its_columns_and_a_row_per_entry) {
  Rollup r;
  r.practices = {{"backups", 4, 1, 0.25, 0}, {"mdbr", 2, 2, 1.0, 1}};
  OfficeSummary o;
  o.jurisdiction = {"us-xx-a", "A, \"the\" county", "XX", JurisdictionKind::county};
  o.maturity = Maturity::level2;
  o.actions_applicable = 8;
  o.actions_done = 2;
  o.completion = 0.25;
  r.offices = {o};
  TrendPoint p;
  p.period = "2026-03";
  p.as_of = "2026-03-31";
  p.offices = 1;
  p.actions_applicable = 8;
  p.actions_done = 2;
  p.completion = 0.25;
  p.practices = {{"backups", 4, 1, 0.25, 0}};
  PeerComparison c;
  c.completion = 0.5;
  c.peers = {3, 0.1, 0.2, 0.3, 0.4, 0.9};
  c.percentile_rank = 66.5;
  c.practices = {{"backups", 0.25, {0, 0, 0, 0, 0, 0}, 0}};

  struct Case {
    const char* name;
    Table table;
    const char* csv;
  };
  const Case cases[] = {
      {"practices", practices_table(r),
       "practice,actions_applicable,actions_done,completion,offices_complete\r\n"
       "backups,4,1,0.250000,0\r\nmdbr,2,2,1.000000,1\r\n"},
      {"offices", offices_table(r.offices),
       "id,name,state,kind,maturity,actions_done,actions_applicable,completion\r\n"
       "us-xx-a,\"A, \"\"the\"\" county\",XX,county,2,2,8,0.250000\r\n"},
      {"trend", trend_table({p}),
       "period,as_of,practice,offices,actions_applicable,actions_done,completion\r\n"
       "2026-03,2026-03-31,,1,8,2,0.250000\r\n2026-03,2026-03-31,backups,1,4,1,0.250000\r\n"},
      {"comparison", comparison_table(c),
       "practice,completion,peers,median,q1,q3,percentile_rank\r\n"
       ",0.500000,3,0.300000,0.200000,0.400000,66.500000\r\n"
       "backups,0.250000,0,0.000000,0.000000,0.000000,0.000000\r\n"},
  };
  for (const Case& k : cases) {
    BOOST_TEST_CONTEXT(k.name) { BOOST_TEST(csv_text(k.table) == k.csv); }
  }
  BOOST_TEST(practices_table(Rollup{}).rows.empty());
  BOOST_TEST(trend_table({}).rows.empty());
}

BOOST_AUTO_TEST_SUITE_END()  // test_result_tables
