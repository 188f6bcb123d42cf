// ciso_assistant.hpp: the libraries as written for the embedded catalog (golden files;
// tests/python/test_ciso_assistant.py parses them back with PyYAML and checks them against
// what CISO Assistant's loader requires), and YAML quoting of any text a catalog may hold.
#include <electsec/ciso_assistant.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/error.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <string>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_ciso_assistant)

BOOST_AUTO_TEST_CASE(the_libraries_of_the_embedded_catalog_are_as_reviewed) {
  const Catalog& c = default_catalog();
  const std::string library = to_ciso_assistant_library(c), mapping = to_ciso_assistant_mapping(c);
  BOOST_TEST(library == test::golden("ciso-assistant-library.yaml", library));
  BOOST_TEST(mapping == test::golden("ciso-assistant-mapping.yaml", mapping));
  BOOST_TEST(library == to_ciso_assistant_library(c));  // the same bytes each time
}

BOOST_AUTO_TEST_CASE(the_cis_packager_names_the_urns_and_must_be_one_ciso_assistant_takes) {
  CisoAssistantOptions o;
  o.cis_packager = "my-org_1";
  const std::string mapping = to_ciso_assistant_mapping(default_catalog(), o);
  BOOST_TEST(mapping.find("\"urn:my-org_1:risk:req_node:cis-controls-v8:1.1\"") != std::string::npos);
  BOOST_TEST(mapping.find("urn:intuitem:") == std::string::npos);
  for (const char* bad : {"", "My-Org", "a b", "a:b", "x\n"}) {
    o.cis_packager = bad;
    BOOST_CHECK_THROW(to_ciso_assistant_mapping(default_catalog(), o), Error);
  }
}

BOOST_AUTO_TEST_SUITE_END()  // test_ciso_assistant
