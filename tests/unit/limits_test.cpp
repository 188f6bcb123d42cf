// Every loader refuses input over the limits of limits.hpp with a clear ParseError.
#include <electsec/assessment_json.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/rst_import.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <filesystem>
#include <fstream>
#include <functional>

using namespace electsec;
namespace fs = std::filesystem;

namespace {

struct Loader {
  const char* name;
  std::function<void(const std::string& path)> load;
};

std::vector<Loader> loaders() {
  const Catalog& c = default_catalog();
  return {
      {"catalog", [](const std::string& p) { load_catalog(p); }},
      {"assessment", [&](const std::string& p) { load_assessment(p, c); }},
      {"answers", [&](const std::string& p) { load_answers(p, c); }},
      {"rst practice", [](const std::string& p) { import_practice_rst(p); }},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_limits)

BOOST_AUTO_TEST_CASE(files_over_the_size_limit_are_refused_before_reading) {
  const std::string big = test::temp_path("big.json");
  { std::ofstream(big) << "{"; }
  fs::resize_file(big, max_input_bytes + 1);  // sparse: nothing is written
  for (const auto& l : loaders()) {
    BOOST_TEST_CONTEXT(l.name) {
      try {
        l.load(big);
        BOOST_ERROR("loaded");
      } catch (const ParseError& e) {
        BOOST_TEST(e.source() == big);
        BOOST_TEST(std::string(e.what()).find("bytes is over the limit of 67108864 bytes") != std::string::npos,
                   e.what());
      }
    }
  }
  fs::remove(big);
}

BOOST_AUTO_TEST_CASE(json_nesting_over_the_limit_is_refused) {
  const Catalog& c = default_catalog();
  const std::string at_limit = std::string(max_nesting_depth, '[') + std::string(max_nesting_depth, ']');
  const std::string over = "{\"a\": " + std::string(max_nesting_depth, '[') + std::string(max_nesting_depth, ']') + "}";
  const std::function<void(const std::string&)> parsers[] = {
      [](const std::string& t) { parse_catalog(t, "x"); },
      [&](const std::string& t) { parse_assessment(t, c, "x"); },
      [&](const std::string& t) { parse_answers(t, c, "x"); },
  };
  for (const auto& parse : parsers) {
    // At the limit: an ordinary error about the content, not the nesting.
    BOOST_CHECK_EXCEPTION(parse(at_limit), ParseError, [](const ParseError& e) {
      return std::string(e.what()).find("nesting") == std::string::npos;
    });
    BOOST_CHECK_EXCEPTION(parse(over), ParseError, [](const ParseError& e) {
      return e.line() == 1 && e.column() == 70 &&
             std::string(e.what()).find("nesting deeper than 64 levels") != std::string::npos;
    });
  }
  // Brackets inside strings do not count.
  BOOST_CHECK_EXCEPTION(parse_answers("{\"answers\": {\"" + std::string(500, '[') + "\": true}}", c), ParseError,
                        [](const ParseError& e) {
                          return std::string(e.what()).find("unknown maturity statement") != std::string::npos;
                        });
}

BOOST_AUTO_TEST_SUITE_END()  // test_limits
