// Hostile input: messages that stay one printable line, reports that show what a file holds
// without obeying it, loaders that stay linear with capped lists, and JSON loaders that
// refuse duplicate keys and trailing bytes.

#include <electsec/assessment_json.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/oscal.hpp>
#include <electsec/report.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <filesystem>
#include <fstream>

using namespace electsec;
using test::office;

BOOST_AUTO_TEST_SUITE(test_hostile_input)
BOOST_AUTO_TEST_CASE(messages_are_one_printable_line) {
  struct Case {
    std::string raw, shown;
  };
  const Case cases[] = {
      {"plain ASCII, 'quoted' \\ kept", "plain ASCII, 'quoted' \\ kept"},
      {"two\nlines\r\n", "two\\nlines\\r\\n"},
      {"\x1b]0;retitled\x07\x1b[2J", "\\x1b]0;retitled\\x07\\x1b[2J"},
      {std::string("nul\0byte", 8), "nul\\x00byte"},
      {"tab\there\x7f", "tab\\there\\x7f"},
      {"bidi \xe2\x80\xae override", "bidi \\u202e override"},
      {"isolate \xe2\x81\xa6x\xe2\x81\xa9", "isolate \\u2066x\\u2069"},
      {"separator \xe2\x80\xa8 here", "separator \\u2028 here"},
      {"C1 \xc2\x9b control", "C1 \\u009b control"},
      {"broken \xff\xfe utf8 \xc3", "broken \\xff\\xfe utf8 \\xc3"},
      {"overlong \xc0\xaf slash", "overlong \\xc0\\xaf slash"},
      {"no such lead byte \xf8\x80\x80 \xff\x80\x80", "no such lead byte \\xf8\\x80\\x80 \\xff\\x80\\x80"},
      {"accents é, 中文, emoji \xf0\x9f\x97\xb3", "accents é, 中文, emoji \xf0\x9f\x97\xb3"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.shown) {
      BOOST_TEST(printable(c.raw) == c.shown);
      BOOST_TEST(std::string(Error(c.raw).what()) == c.shown);
    }
  }
  // Every error kind quotes ids and fields through it.
  const Catalog& c = default_catalog();
  const std::string evil = "x\n\x1b]0;t\x07";
  for (const std::string& what :
       std::vector<std::string>{[&] {
                                  try {
                                    c.action(evil);
                                  } catch (const Error& e) {
                                    return std::string(e.what());
                                  }
                                  return std::string();
                                }(),
                                ParseError(evil, 1, 2, evil, evil).what(), IoError(evil, evil).what(),
                                ValidationError({{evil, evil}}, evil).what()}) {
    BOOST_TEST_CONTEXT(what) {
      BOOST_TEST(what.find('\x1b') == std::string::npos);
      BOOST_TEST(what.find('\x07') == std::string::npos);
    }
  }
  BOOST_TEST(std::string(ParseError(evil, 1, 2, "", "m").what()).find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_show_what_files_hold_without_obeying_it) {
  const std::string evil = std::string("A\0B", 3) + "\xe2\x80\xae" + "\xe2\x80\xa8" + "<script>&\x1b[31m";
  const std::string html = html_escape(evil), markdown = markdown_escape(evil);
  for (const std::string& out : {html, markdown}) {
    BOOST_TEST_CONTEXT(out) {
      BOOST_TEST(out.find('\0') == std::string::npos);
      BOOST_TEST(out.find("\xe2\x80\xae") == std::string::npos);
      BOOST_TEST(out.find("\xe2\x80\xa8") == std::string::npos);
      BOOST_TEST(out.find('\x1b') == std::string::npos);
    }
  }
  BOOST_TEST(html.find("<script>") == std::string::npos);
  // A long label made of three-byte characters is cut between characters.
  Assessment a = office();
  a.jurisdiction.name = std::string(60, 'x');
  for (int i = 0; i < 40; ++i) a.jurisdiction.name += "\xe4\xb8\xad";
  const std::string report = office_report_html(default_catalog(), a);
  std::size_t bad = 0;
  for (std::size_t i = 0; i < report.size();) {
    const auto b = static_cast<unsigned char>(report[i]);
    const std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
    if (n == 0) {
      ++bad;
      ++i;
    } else {
      i += n;
    }
  }
  BOOST_TEST(bad == 0u);
}

BOOST_AUTO_TEST_CASE(loaders_stay_linear_and_lists_are_capped) {
  const Catalog& c = default_catalog();
  // 20,000 unknown ids: every one counted, 100 listed (each with its suggestions).
  std::string text = R"({"schema": "electsec.assessment/1", "jurisdiction": {"id": "x", "name": "X", "state": "XX",
    "kind": "county"}, "catalog_version": "1.4.1", "maturity": 1, "statuses": {)";
  for (int i = 0; i < 20000; ++i)
    text += (i ? ",\"nope.l1." : "\"nope.l1.") + std::to_string(i) + "\": {\"status\": \"done\"}";
  text += "}}";
  BOOST_CHECK_EXCEPTION(parse_assessment(text, c, "many.json"), ValidationError, [](const ValidationError& e) {
    return e.problems().size() == 100u &&
           std::string(e.what()).rfind("many.json: 20000 problems (the first 100 listed)", 0) == 0;
  });
  // One unknown id half a megabyte long gets no suggestions, and its message is one line.
  const std::string long_id(500000, 'q');
  BOOST_CHECK_EXCEPTION(c.action(long_id), NotFound, [](const NotFound& e) { return e.closest().empty(); });
  // 100,000 retired statuses save (and load back) in one pass each.
  Assessment a = office();
  for (int i = 0; i < 100000; ++i) a.retired["old.l1." + std::to_string(i)] = {Status::done, "", "2026-01-01"};
  const std::string path = test::temp_path("retired.json");
  save_assessment(a, path, c);
  BOOST_TEST(load_assessment(path, c).retired.size() == 100000u);
  // A status CSV with 50,000 bad rows: counted, 100 listed.
  std::string csv = "id,status\n";
  for (int i = 0; i < 50000; ++i) csv += "nope.l1." + std::to_string(i) + ",done\n";
  BOOST_CHECK_EXCEPTION(parse_status_csv(csv, c, "rows.csv"), ValidationError, [](const ValidationError& e) {
    return e.problems().size() == 100u && std::string(e.what()).rfind("rows.csv: 50000 problems", 0) == 0;
  });
  BOOST_CHECK_EXCEPTION(parse_status_csv("id,status,note\nbackups.l1.1,done,\"bad \xff\"\n", c, "u.csv"), ParseError,
                        [](const ParseError& e) { return e.line() == 2u && e.field() == "note"; });
}

BOOST_AUTO_TEST_CASE(every_json_loader_refuses_duplicate_keys_and_trailing_bytes) {
  const Catalog& c = default_catalog();
  const std::string catalog_text = to_json(c, 0);
  const std::string dup_catalog = "{\"schema\": \"x\", " + catalog_text.substr(1);
  BOOST_CHECK_EXCEPTION(parse_catalog(dup_catalog, "c.json"), ParseError, [](const ParseError& e) {
    return std::string(e.what()).find("key 'schema' given twice") != std::string::npos;
  });
  BOOST_CHECK_EXCEPTION(
      parse_catalog(catalog_text + std::string(1, '\0') + "{}", "c.json"), ParseError,
      [](const ParseError& e) { return std::string(e.what()).find("a NUL byte") != std::string::npos; });
  BOOST_CHECK_EXCEPTION(parse_answers(R"({"answers": {"l1.1": true, "l1.1": false}})", c, "a.json"), ParseError,
                        [](const ParseError& e) { return e.line() == 1u && e.column() == 28u; });
  // A number too large for a double is named with its place.
  BOOST_CHECK_EXCEPTION(parse_answers("{\"answers\":\n {\"l1.1\": 1e400}}", c, "n.json"), ParseError,
                        [](const ParseError& e) { return e.line() == 2u && e.column() == 11u; });
  // The same key in different objects is fine.
  BOOST_TEST(parse_answers(R"({"answers": {"l1.1": true}})", c).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()  // test_hostile_input
