#include <electsec/catalog_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/files.hpp>
#include <electsec/rst_import.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include "io/json_bytes.hpp"
#include "io/json_codec.hpp"
#include "io/json_writer.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace electsec;
using electsec::test::sample_catalog;

namespace {

// A valid minimal document; cases replace one marked part of it.
const std::string minimal = R"({
  "schema": "electsec.catalog/1",
  "guide": {"title": "T", "version": "1"},
  "controls": [{"id": 1, "title": "C"}],
  "safeguards": [
    {"id": "1.1", "control": 1, "title": "S", "asset_type": "Devices",
     "security_function": "Identify", "implementation_groups": [1, 2, 3], "depends_on": []}
  ],
  "practices": [
    {"id": "p", "title": "P", "order": 1, "scopes": ["priority", "in_scope", "in_scope"],
     "actions": [{"id": "p.l1.1", "levels": [1], "group": null, "text": "x"}],
     "safeguards": [{"id": "1.1", "maturity": null}]}
  ]
})";

std::string replaced(const std::string& from, const std::string& to) { return test::replace_once(minimal, from, to); }

struct BadJson {
  const char* name;
  std::string text;
  std::size_t line;
  std::size_t column;
  const char* field;
  const char* expected;  // substring of the message
};

}  // namespace

BOOST_AUTO_TEST_SUITE(test_catalog_json)

BOOST_AUTO_TEST_CASE(minimal_document_parses) {
  const Catalog c = parse_catalog(minimal);
  BOOST_TEST(c.practice("p").actions.size() == 1u);
  BOOST_TEST(c.practices_of_safeguard("1.1").size() == 1u);
}

BOOST_AUTO_TEST_CASE(round_trip_keeps_everything) {
  BOOST_TEST((parse_catalog(to_json(sample_catalog())) == sample_catalog()));
  BOOST_TEST((parse_catalog(to_json(default_catalog())) == default_catalog()));
  BOOST_TEST((parse_catalog(to_json(sample_catalog(), -1)) == sample_catalog()));
  // Writing is deterministic.
  BOOST_TEST(to_json(sample_catalog()) == to_json(parse_catalog(to_json(sample_catalog()))));
}

BOOST_AUTO_TEST_CASE(malformed_documents_name_line_column_and_field) {
  const BadJson cases[] = {
      {"truncated", minimal.substr(0, 120), 5, 1, "", "invalid JSON: syntax error"},
      {"empty", "", 1, 1, "", "invalid JSON"},
      {"trailing comma", replaced("\"depends_on\": []}", "\"depends_on\": [],}"), 7, 92, "",
       "invalid JSON: syntax error"},
      {"not an object", "[1, 2]", 1, 1, "/", "expected an object, found an array"},
      {"wrong schema", replaced("electsec.catalog/1", "electsec.catalog/2"), 2, 13, "/schema",
       "expected \"electsec.catalog/1\""},
      {"missing schema", replaced("\"schema\": \"electsec.catalog/1\",", ""), 1, 1, "/schema",
       "missing required field 'schema'"},
      {"title not a string", replaced("\"title\": \"S\"", "\"title\": 5"), 6, 42, "/safeguards/0/title",
       "expected a string, found a number"},
      {"unknown asset type", replaced("\"Devices\"", "\"Gadgets\""), 6, 61, "/safeguards/0/asset_type",
       "unknown asset type 'Gadgets'"},
      {"unknown function", replaced("\"Identify\"", "\"Guard\""), 7, 27, "/safeguards/0/security_function",
       "unknown security function 'Guard'"},
      {"ig out of range", replaced("[1, 2, 3]", "[1, 2, 4]"), 7, 71, "/safeguards/0/implementation_groups/2",
       "implementation group must be 1, 2 or 3"},
      {"ig as string", replaced("[1, 2, 3]", "[\"1\"]"), 7, 65, "/safeguards/0/implementation_groups/0",
       "expected an integer, found a string"},
      {"unknown scope", replaced("\"in_scope\", \"in_scope\"", "\"in_scope\", \"optional\""), 10, 78,
       "/practices/0/scopes/2", "unknown scope 'optional'"},
      {"two scopes", replaced("\"priority\", \"in_scope\", \"in_scope\"", "\"priority\", \"in_scope\""), 10, 53,
       "/practices/0/scopes", "expected an array of 3 scopes"},
      {"level out of range", replaced("\"levels\": [1]", "\"levels\": [4]"), 11, 46, "/practices/0/actions/0/levels/0",
       "maturity must be 1, 2 or 3, found 4"},
      {"levels missing", replaced("\"levels\": [1], ", ""), 11, 18, "/practices/0/actions/0/levels",
       "missing required field 'levels'"},
      {"fractional order", replaced("\"order\": 1", "\"order\": 1.5"), 10, 40, "/practices/0/order",
       "expected an integer, found a fractional number"},
      {"unknown field", replaced("\"title\": \"P\"", "\"titel\": \"P\""), 10, 26, "/practices/0/titel",
       "unknown field 'titel'"},
      {"maturity as string", replaced("\"maturity\": null", "\"maturity\": \"1\""), 12, 47,
       "/practices/0/safeguards/0/maturity", "expected an integer, found a string"},
      {"controls not a list", replaced("[{\"id\": 1, \"title\": \"C\"}]", "{}"), 4, 15, "/controls",
       "expected an array, found an object"},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      try {
        parse_catalog(tc.text, "cat.json");
        BOOST_ERROR("parsed");
      } catch (const ParseError& e) {
        BOOST_TEST(e.source() == "cat.json");
        BOOST_TEST(e.line() == tc.line);
        BOOST_TEST(e.column() == tc.column);
        BOOST_TEST(e.field() == tc.field);
        BOOST_TEST(std::string(e.what()).find(tc.expected) != std::string::npos, e.what());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(well_formed_but_inconsistent_is_a_validation_error) {
  const std::string text = replaced("{\"id\": \"1.1\", \"maturity\": null}", "{\"id\": \"9.9\", \"maturity\": null}");
  try {
    parse_catalog(text);
    BOOST_ERROR("parsed");
  } catch (const ValidationError& e) {
    BOOST_TEST(e.problems().size() == 1u);
    BOOST_TEST(e.problems()[0].message == "maps to unknown safeguard '9.9'");
  }
}

BOOST_AUTO_TEST_CASE(load_catalog_reads_files_and_names_them_in_errors) {
  const std::string good = test::temp_path("good.json");
  std::ofstream(good) << to_json(sample_catalog());
  BOOST_TEST((load_catalog(good) == sample_catalog()));

  const std::string bad = test::temp_path("bad.json");
  std::ofstream(bad) << replaced("\"Devices\"", "\"Gadgets\"");
  try {
    load_catalog(bad);
    BOOST_ERROR("loaded");
  } catch (const ParseError& e) {
    BOOST_TEST(e.source() == bad);
    BOOST_TEST(std::string(e.what()).rfind(bad + ":6:61: field /safeguards/0/asset_type:", 0) == 0u, e.what());
  }

  const std::string missing = test::temp_path("missing.json");
  BOOST_CHECK_EXCEPTION(load_catalog(missing), Error, [&](const Error& e) {
    return std::string(e.what()) == missing + ": cannot read: No such file or directory";
  });
  BOOST_CHECK_EXCEPTION(load_catalog(test::temp_path("")), Error, [](const Error& e) {
    return std::string(e.what()).find("is a directory") != std::string::npos;
  });
}

// Every value of the catalog format through to_json and from_json<T>, for every value the
// default catalog holds: the same value back, and the same bytes when written again.
namespace {
template <typename T>
std::size_t round_trips(const std::vector<T>& values) {
  std::size_t ok = 0;
  for (const T& v : values) {
    const std::string text = to_json(v);
    const T back = from_json<T>(text);
    if (back == v && to_json(back) == text && to_json(v, -1).find('\n') == std::string::npos) ++ok;
  }
  return ok;
}

template <typename T>
std::size_t round_trips(const T& value) {
  return round_trips(std::vector<T>{value});
}
}  // namespace

BOOST_AUTO_TEST_CASE(every_value_of_the_catalog_round_trips_on_its_own) {
  const Catalog& c = default_catalog();
  std::vector<Practice> practices;
  std::vector<Goal> goals;
  std::vector<Action> actions;
  std::vector<Tool> tools;
  std::vector<Link> links;
  std::vector<SafeguardMapping> mappings;
  for (const Practice& p : c.practices()) {
    practices.push_back(p);
    goals.insert(goals.end(), p.goals.begin(), p.goals.end());
    actions.insert(actions.end(), p.actions.begin(), p.actions.end());
    tools.insert(tools.end(), p.tools.begin(), p.tools.end());
    links.insert(links.end(), p.learn_more.begin(), p.learn_more.end());
    mappings.insert(mappings.end(), p.safeguards.begin(), p.safeguards.end());
  }
  std::vector<RelatedPractice> related;
  for (const auto& r : c.guidance().recommendations)
    related.insert(related.end(), r.practices.begin(), r.practices.end());
  BOOST_TEST(round_trips(practices) == practices.size());
  BOOST_TEST(round_trips(goals) == goals.size());
  BOOST_TEST(round_trips(actions) == actions.size());
  BOOST_TEST(round_trips(tools) == tools.size());
  BOOST_TEST(round_trips(links) == links.size());
  BOOST_TEST(round_trips(mappings) == mappings.size());
  BOOST_TEST(round_trips(c.controls()) == c.controls().size());
  BOOST_TEST(round_trips(c.safeguards()) == c.safeguards().size());
  BOOST_TEST(round_trips(c.maturity_levels()) == c.maturity_levels().size());
  BOOST_TEST(round_trips(c.maturity_statements()) == c.maturity_statements().size());
  BOOST_TEST(round_trips(c.handbook()) == c.handbook().size());
  BOOST_TEST(round_trips(c.glossary()) == c.glossary().size());
  BOOST_TEST(round_trips(c.acronyms()) == c.acronyms().size());
  BOOST_TEST(round_trips(c.priorities().level1_baseline) == c.priorities().level1_baseline.size());
  BOOST_TEST(round_trips(c.priorities().cdm_ranking) == c.priorities().cdm_ranking.size());
  BOOST_TEST(round_trips(c.guidance().sources) == c.guidance().sources.size());
  BOOST_TEST(round_trips(c.guidance().recommendations) == c.guidance().recommendations.size());
  BOOST_TEST(round_trips(related) == related.size());
  BOOST_TEST(round_trips(c.guide()) == 1u);
  BOOST_TEST(round_trips(c.priorities()) == 1u);
  BOOST_TEST(round_trips(c.guidance()) == 1u);
  BOOST_TEST(!practices.empty());
  BOOST_TEST(!related.empty());
}

BOOST_AUTO_TEST_CASE(a_value_that_does_not_fit_names_source_line_and_field) {
  struct Case {
    std::string text, field, expected_part;
  };
  const Case cases[] = {
      {"{\"id\": 1}", "/title", "missing required field 'title'"},
      {"{\"id\": \"1\", \"title\": \"x\"}", "/id", "an integer"},
      {"{\"id\": 1, \"title\": \"x\",\n \"color\": 1}", "/color", "unknown field 'color'"},
  };
  for (const auto& c : cases) {
    try {
      (void)from_json<Control>(c.text, "control.json");
      BOOST_ERROR("accepted: " << c.text);
    } catch (const ParseError& e) {
      BOOST_TEST(e.source() == "control.json");
      BOOST_TEST(e.field() == c.field);
      BOOST_TEST(e.line() >= 1u);
      BOOST_TEST(e.expected().find(c.expected_part) != std::string::npos, e.expected());
    }
  }
  BOOST_CHECK_THROW((void)from_json<Practice>("{", "x"), ParseError);
  BOOST_CHECK_THROW((void)to_json(default_catalog().controls().front(), max_json_indent + 1), Error);
}

// The catalog is written without a tree (issue #18); the tree's text stays the definition.
BOOST_AUTO_TEST_CASE(a_catalog_written_directly_is_the_text_of_its_tree) {
  std::vector<std::pair<std::string, CatalogData>> catalogs = {
      {"default", default_catalog().data()}, {"sample", sample_catalog().data()}, {"empty", CatalogData{}}};
  const std::filesystem::path guide = std::filesystem::path(ELECTSEC_REFERENCE_DIR) / "eges-1.4.1";
  if (std::filesystem::is_directory(guide))
    catalogs.emplace_back("1.4.1", import_eges_rst(guide.string()).catalog.data());
  // Every escape and every length of UTF-8 sequence, in keys' values of each kind of field.
  CatalogData odd = sample_catalog().data();
  const std::string text =
      std::string("q\"b\\s/\b\f\n\r\t\x01\x1f\x7f") + std::string(1, '\0') + "\u00e9\u20ac\U0001F5F3 end";
  odd.guide.title = text;
  odd.practices.front().title = text;
  odd.practices.front().actions.front().group = text;
  odd.practices.front().links.push_back({text, text});
  odd.acronyms.push_back({text, ""});
  catalogs.emplace_back("odd", odd);
  for (const auto& [name, data] : catalogs)
    for (const int indent : {-1, 0, 1, 2, 4, max_json_indent}) {
      BOOST_TEST_CONTEXT(name << ", indent " << indent) {
        BOOST_TEST(detail::write_catalog_json(data, indent) == detail::dump(detail::encode(data), indent));
      }
    }
  // What is not UTF-8 is left to the tree, which says where it is.
  for (const std::string bad : {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF", "a\x80"}) {
    CatalogData d = sample_catalog().data();
    d.glossary.push_back({bad, "x", {}});
    BOOST_CHECK_THROW(detail::write_catalog_json(d, 2), detail::JsonWriter::NotUtf8);
    BOOST_CHECK_THROW(detail::dump(detail::encode(d), 2), nlohmann::json::type_error);
  }
}

namespace {
// An output that counts the writes it is given.
struct CountingBuf : std::stringbuf {
  std::size_t writes = 0;
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    ++writes;
    return std::stringbuf::xsputn(s, n);
  }
};
}  // namespace

// write_json streams what to_json returns, byte for byte, in pieces; what to_json refuses
// is refused before a byte is written.
BOOST_AUTO_TEST_CASE(write_json_streams_the_text_of_to_json) {
  std::vector<std::pair<std::string, Catalog>> catalogs = {{"default", default_catalog()},
                                                           {"sample", sample_catalog()}};
  const std::filesystem::path guide = std::filesystem::path(ELECTSEC_REFERENCE_DIR) / "eges-1.4.1";
  if (std::filesystem::is_directory(guide)) catalogs.emplace_back("1.4.1", import_eges_rst(guide.string()).catalog);
  for (const auto& [name, catalog] : catalogs)
    for (const int indent : {-1, 0, 2, max_json_indent}) {
      BOOST_TEST_CONTEXT(name << ", indent " << indent) {
        CountingBuf buf;
        std::ostream out(&buf);
        write_json(out, catalog, indent);
        const std::string text = to_json(catalog, indent);
        BOOST_TEST(buf.str() == text);
        if (text.size() > (1u << 16)) BOOST_TEST(buf.writes > 1u);  // never held whole
      }
    }
  // Text that is not UTF-8 is refused as to_json refuses it, when the writer reaches it:
  // what came before has gone out, so a file is written through write_file_atomically,
  // which keeps the old one.
  const std::string path = test::temp_path("write-json-refused.json");
  write_file_atomically(path, "the old catalog\n");
  for (const std::string bad : {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\xFF", "a\x80"}) {
    BOOST_TEST_CONTEXT("not UTF-8: " << bad.size() << " bytes") {
      // In the glossary, after more than 64 KiB of text: a piece has gone out already.
      CatalogBuilder b(default_catalog().data());
      b.add(GlossaryEntry{"zz-last term", bad, {}});
      const Catalog odd = std::move(b).build();
      std::ostringstream out;
      BOOST_CHECK_THROW(write_json(out, odd), nlohmann::json::type_error);
      BOOST_CHECK_THROW((void)to_json(odd), nlohmann::json::type_error);
      BOOST_TEST(out.str().size() >= (1u << 16));
      BOOST_CHECK_THROW(write_file_atomically(path, [&](std::ostream& o) { write_json(o, odd); }),
                        nlohmann::json::type_error);
      BOOST_TEST(test::read_text(path) == "the old catalog\n");
    }
  }
  std::ostringstream out;
  BOOST_CHECK_THROW(write_json(out, sample_catalog(), max_json_indent + 1), Error);
  BOOST_TEST(out.str().empty());
}

// The writer passes over plain text eight bytes at a time: a character that needs an
// escape or a UTF-8 check is found at any offset within those eight, and in the tail after.
BOOST_AUTO_TEST_CASE(an_escape_is_found_at_every_offset) {
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\u00e9", "\U0001F5F3"};
  for (const auto& special : specials)
    for (std::size_t at = 0; at <= 19; ++at) {
      CatalogData d = sample_catalog().data();
      d.guide.title = std::string(at, 'a') + special + std::string(19 - at, ' ');
      BOOST_TEST_CONTEXT("byte " << static_cast<int>(static_cast<unsigned char>(special[0])) << " at " << at) {
        BOOST_TEST(detail::write_catalog_json(d, -1) == detail::dump(detail::encode(d), -1));
      }
    }
  CatalogData bad = sample_catalog().data();
  bad.guide.title = std::string(13, 'a') + "\xFF" + std::string(9, 'b');
  BOOST_CHECK_THROW(detail::write_catalog_json(bad, 2), detail::JsonWriter::NotUtf8);
}

// The scan for the first byte that needs an escape or a UTF-8 check agrees with a byte by
// byte reading at every length up to 40 and every place of the byte: whole blocks of
// sixteen, the last sixteen read again over bytes already seen, and what is shorter.
BOOST_AUTO_TEST_CASE(the_plain_prefix_ends_at_the_first_byte_that_is_not_plain) {
  const std::string bytes = std::string("\"\\\n\x01\x1f\x7f\x80\xff~ ", 10) + std::string(1, '\0');
  for (const char b : bytes)
    for (std::size_t len = 0; len <= 40; ++len)
      for (std::size_t at = 0; at <= len; ++at) {
        std::string s(len, 'a');
        if (at < len) s[at] = b;
        std::size_t expected = 0;
        while (expected < len && detail::plain_json_byte(s[expected])) ++expected;
        BOOST_TEST_CONTEXT("byte " << static_cast<int>(static_cast<unsigned char>(b)) << " at " << at << " of "
                                   << len) {
          BOOST_TEST(detail::plain_json_prefix(s.data(), len) == expected);
          // ... and from an offset, as the writer resumes after an escape
          if (len > 3) {
            std::size_t from_3 = 3;
            while (from_3 < len && detail::plain_json_byte(s[from_3])) ++from_3;
            BOOST_TEST(detail::plain_json_prefix(s.data() + 3, len - 3) + 3 == from_3);
          }
        }
      }
}

BOOST_AUTO_TEST_SUITE_END()  // test_catalog_json
