// The embedded catalog is data/ checked at build time and kept in a binary form
// (io/catalog_binary.hpp): it must be exactly what reading data/ as JSON gives, the binary
// form must keep every field, and a damaged form must be refused, never read past.

#include <electsec/catalog_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>

#include <boost/test/unit_test.hpp>

#include "embedded_catalog.hpp"
#include "io/catalog_binary.hpp"
#include "io/catalog_data_files.hpp"
#include "io/json_codec.hpp"
#include "support.hpp"

#include <algorithm>
#include <filesystem>

using namespace electsec;
namespace fs = std::filesystem;

namespace {

std::vector<detail::DataFile> data_files() {
  const fs::path base = test::source_path("data");
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(base))
    if (entry.is_regular_file() && entry.path().extension() == ".json") paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  std::vector<detail::DataFile> files;
  for (const auto& p : paths)
    files.push_back({p.lexically_relative(base).generic_string(), test::read_text(p.string())});
  return files;
}

// Every optional and list of every type set, and some left empty or unset.
CatalogData every_field_set() {
  CatalogData d = test::sample_data();
  d.guide.version = "9.9.9";
  Practice& p = d.practices.at(0);
  p.links.push_back({"Intro", "https://example.org/intro"});
  p.goals.push_back({p.id + ".goal.9", "A goal without a level", std::nullopt, {{"G", "https://example.org/g"}}});
  p.actions.at(0).group = "A group";
  p.actions.at(0).links.push_back({"A", "mailto:someone@example.org"});
  p.paragraphs.push_back({"l1",
                          std::string("A group"),
                          p.actions.at(0).id,
                          ParagraphKind::instruction,
                          "Text with \"quotes\", a back\\slash, \xc3\xa9 and a tab\t.",
                          {{"P", "https://p.example"}}});
  p.paragraphs.push_back({"all", std::nullopt, "", ParagraphKind::context, "", {}});
  p.tools.push_back({"Tool", "https://tool.example", "What it does"});
  p.learn_more.push_back({"More", "https://more.example"});
  p.safeguards.push_back({"1.1", std::nullopt});
  p.handbook = {1, 88, 42};
  p.order = 70000;
  d.glossary.push_back({"Term", "Meaning", {{"L", "https://l.example"}}});
  d.acronyms.push_back({"ABC", "A B C"});
  d.guidance.sources.push_back({"src", "Title", "Publisher", "2026-11-23", "", {"one", "two"}});
  d.guidance.recommendations.push_back({"src.1",
                                        "src",
                                        "mayor",
                                        "Category",
                                        "Title",
                                        "Text",
                                        {{p.id, "why", "electsec"}},
                                        {"1.1"},
                                        {{"E", "https://e.example"}}});
  d.priorities.cdm_ranking.push_back({-5, "1.1", p.id});
  return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(catalog_binary)

BOOST_AUTO_TEST_CASE(the_embedded_catalog_is_what_the_data_files_say) {
  const Catalog from_json = CatalogBuilder(detail::catalog_data_from_files(data_files())).build();
  BOOST_TEST(default_catalog().practices().size() == 30u);
  BOOST_TEST((default_catalog().data() == from_json.data()));
  // operator== and the binary form share one list of fields; the JSON encoder has its own,
  // so a field missing from that list still shows here.
  BOOST_TEST(to_json(default_catalog()) == to_json(from_json));
}

BOOST_AUTO_TEST_CASE(every_field_survives_the_binary_form) {
  for (const CatalogData& d : {CatalogData{}, test::sample_data(), every_field_set(), default_catalog().data()}) {
    const std::string bytes = detail::encode_catalog_binary(d);
    BOOST_TEST((detail::decode_catalog_binary(bytes) == d));
    BOOST_TEST(detail::dump(detail::encode(detail::decode_catalog_binary(bytes)), 2) ==
               detail::dump(detail::encode(d), 2));
  }
  // The comparison itself can fail: a changed field is seen.
  CatalogData changed = every_field_set();
  const std::string bytes = detail::encode_catalog_binary(changed);
  changed.practices.at(0).paragraphs.at(0).kind = ParagraphKind::context;
  BOOST_TEST(!(detail::decode_catalog_binary(bytes) == changed));
}

BOOST_AUTO_TEST_CASE(a_damaged_binary_form_is_refused) {
  const std::string good = detail::encode_catalog_binary(every_field_set());
  std::vector<std::string> damaged = {"", "ESCB", "XSCB" + good.substr(4), good + "x"};
  // Cut anywhere: at every length near both ends and at a spread of lengths between.
  for (std::size_t n = 0; n < good.size(); n += (n < 300 || n + 300 > good.size()) ? 1 : 37)
    damaged.push_back(good.substr(0, n));
  // A length that claims more than is left (the first string's length byte set to 0x7f).
  std::string long_length = good;
  long_length[0] = '\x7f';
  damaged.push_back(long_length);
  std::string endless_number = good.substr(0, 5) + std::string(20, '\xff');
  damaged.push_back(endless_number);
  for (const auto& bytes : damaged) {
    BOOST_TEST_CONTEXT("damaged form of " << bytes.size() << " bytes") {
      BOOST_CHECK_EXCEPTION(detail::decode_catalog_binary(bytes), Error, [](const Error& e) {
        return std::string(e.what()) == "the embedded catalog is damaged (rebuild electsec)";
      });
    }
  }
}

BOOST_AUTO_TEST_CASE(the_controls_and_safeguards_alone_are_those_of_the_whole) {
  for (const CatalogData& d : {CatalogData{}, test::sample_data(), every_field_set(), default_catalog().data()}) {
    const std::string bytes = detail::encode_catalog_binary(d);
    const detail::ControlsAndSafeguards alone = detail::decode_controls_and_safeguards(bytes);
    BOOST_TEST((alone.controls == d.controls));
    BOOST_TEST((alone.safeguards == d.safeguards));
  }
  // The embedded catalog's, read once for the importer, and its Safeguard look-up.
  const auto& embedded = detail::embedded_controls_and_safeguards();
  BOOST_TEST((embedded.controls == default_catalog().controls()));
  BOOST_TEST((embedded.safeguards == default_catalog().safeguards()));
  BOOST_TEST(&embedded == &detail::embedded_controls_and_safeguards());
  for (const Safeguard& sg : default_catalog().safeguards()) BOOST_TEST(detail::embedded_safeguard(sg.id), sg.id);
  for (const char* id : {"", "4", "4.", "4.20", "19.1", "0.1", "1.1 ", " 1.1", "1.10"})
    BOOST_TEST(!detail::embedded_safeguard(id), id);
}

BOOST_AUTO_TEST_CASE(a_damaged_binary_form_is_refused_when_only_its_safeguards_are_read) {
  const std::string good = detail::encode_catalog_binary(every_field_set());
  std::vector<std::string> damaged = {"", "ESCB", "XSCB" + good.substr(4), good + "x"};
  for (std::size_t n = 0; n < good.size(); n += (n < 300 || n + 300 > good.size()) ? 1 : 37)
    damaged.push_back(good.substr(0, n));
  for (const auto& bytes : damaged) {
    BOOST_TEST_CONTEXT("damaged form of " << bytes.size() << " bytes") {
      BOOST_CHECK_EXCEPTION(detail::decode_controls_and_safeguards(bytes), Error, [](const Error& e) {
        return std::string(e.what()) == "the embedded catalog is damaged (rebuild electsec)";
      });
    }
  }
}

BOOST_AUTO_TEST_CASE(a_mistake_in_the_data_files_names_the_file_line_and_field) {
  struct Case {
    std::string file, from, to, message;
  };
  const std::vector<Case> cases = {
      {"practices/asset_management.json", "\"order\": 3", "\"order\": \"third\"",
       "data/practices/asset_management.json:4:12: field /order: expected an integer"},
      {"glossary.json", "{", "{\"safeguards\": [],", "data/glossary.json: field /safeguards: field is also defined"},
      {"guide.json", "{", "{\"practices\": [],", "data/guide.json: field /practices: practices belong in"},
      {"handbook.json", "{", "[", "data/handbook.json:2:13: invalid JSON"},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.file) {
      auto files = data_files();
      const auto it = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.name == c.file; });
      BOOST_REQUIRE(it != files.end());
      it->text = test::replace_once(it->text, c.from, c.to);
      try {
        detail::catalog_data_from_files(files);
        BOOST_ERROR("no error for " + c.file);
      } catch (const ParseError& e) {
        BOOST_TEST(std::string(e.what()).rfind(c.message, 0) == 0, e.what());
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
