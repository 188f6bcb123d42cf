// version.hpp: the one place the version is written, and everything that repeats it.
#include <electsec/version.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <regex>
#include <string>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_version)

BOOST_AUTO_TEST_CASE(the_string_and_the_number_come_from_the_three_parts) {
  const std::string parts = std::to_string(ELECTSEC_VERSION_MAJOR) + "." + std::to_string(ELECTSEC_VERSION_MINOR) +
                            "." + std::to_string(ELECTSEC_VERSION_PATCH);
  BOOST_TEST(std::string(version_string) == parts);
  BOOST_TEST(ELECTSEC_VERSION ==
             ELECTSEC_VERSION_MAJOR * 10000 + ELECTSEC_VERSION_MINOR * 100 + ELECTSEC_VERSION_PATCH);
}

BOOST_AUTO_TEST_CASE(cmake_read_the_version_from_the_header) {
  BOOST_TEST(std::string(version_string) == ELECTSEC_PROJECT_VERSION);
}

BOOST_AUTO_TEST_CASE(pyproject_repeats_the_same_version) {
  const std::string toml = test::read_text(test::source_path("pyproject.toml"));
  std::smatch m;
  BOOST_TEST_REQUIRE(std::regex_search(toml, m, std::regex("\nversion = \"([^\"]+)\"")));
  BOOST_TEST(m[1].str() == version_string);
}

BOOST_AUTO_TEST_SUITE_END()  // test_version
