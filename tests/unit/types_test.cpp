#include <electsec/error.hpp>
#include <electsec/types.hpp>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_types)

BOOST_AUTO_TEST_CASE(every_enum_value_round_trips_through_its_string) {
  for (auto v : all_maturities) BOOST_TEST((parse_maturity(to_string(v)) == v));
  for (auto v : all_scopes) BOOST_TEST((parse_scope(to_string(v)) == v));
  for (auto v : all_implementation_groups) BOOST_TEST((parse_implementation_group(to_string(v)) == v));
  for (auto v : all_asset_types) BOOST_TEST((parse_asset_type(to_string(v)) == v));
  for (auto v : all_security_functions) BOOST_TEST((parse_security_function(to_string(v)) == v));
}

BOOST_AUTO_TEST_CASE(canonical_strings_are_the_documented_ones) {
  BOOST_TEST(to_string(Scope::in_scope) == "in_scope");
  BOOST_TEST(to_string(Scope::out_of_scope) == "out_of_scope");
  BOOST_TEST(to_string(AssetType::not_applicable) == "N/A");
  BOOST_TEST(to_string(AssetType::devices) == "Devices");
  BOOST_TEST(to_string(SecurityFunction::recover) == "Recover");
  BOOST_TEST(to_string(Maturity::level2) == "2");
  BOOST_TEST(level_name(Maturity::level3) == "Level 3");
}

struct Rejected {
  const char* name;
  void (*parse)(std::string_view);
  const char* text;
  const char* message;
};

BOOST_AUTO_TEST_CASE(unknown_strings_are_rejected_with_the_accepted_ones) {
  const Rejected cases[] = {
      {"maturity 4", [](std::string_view t) { parse_maturity(t); }, "4",
       "unknown maturity '4' (expected one of '1', '2', '3')"},
      {"maturity as word", [](std::string_view t) { parse_maturity(t); }, "Level 1", "unknown maturity 'Level 1'"},
      {"scope with space", [](std::string_view t) { parse_scope(t); }, "in scope",
       "unknown scope 'in scope' (expected one of 'priority', 'in_scope', 'out_of_scope')"},
      {"ig 0", [](std::string_view t) { parse_implementation_group(t); }, "0", "unknown implementation group '0'"},
      {"asset type lower case", [](std::string_view t) { parse_asset_type(t); }, "devices",
       "unknown asset type 'devices'"},
      {"function empty", [](std::string_view t) { parse_security_function(t); }, "", "unknown security function ''"},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      try {
        c.parse(c.text);
        BOOST_ERROR("accepted " << c.text);
      } catch (const Error& e) {
        BOOST_TEST(std::string(e.what()).find(c.message) != std::string::npos, e.what());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(maturity_from_int_accepts_only_one_to_three) {
  BOOST_TEST((maturity_from_int(1) == Maturity::level1));
  BOOST_TEST((maturity_from_int(3) == Maturity::level3));
  BOOST_CHECK_THROW(maturity_from_int(0), Error);
  BOOST_CHECK_THROW(maturity_from_int(4), Error);
}

BOOST_AUTO_TEST_CASE(action_first_level_is_the_lowest_of_its_levels) {
  Action a{"p.l23.1", {Maturity::level2, Maturity::level3}, std::nullopt, "x", {}};
  BOOST_TEST((a.first_level() == Maturity::level2));
}

BOOST_AUTO_TEST_SUITE_END()  // test_types
