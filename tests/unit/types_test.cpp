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

// The guide's order of a practice's actions and paragraphs: a paragraph opening its block
// before the block's first action, one after the action it follows, a block of paragraphs
// only before the first block of higher levels ("all" first), each shown once.
BOOST_AUTO_TEST_CASE(action_section_keeps_the_guides_order) {
  const auto action = [](std::string id, std::vector<Maturity> levels) {
    return Action{std::move(id), std::move(levels), std::nullopt, "x", {}};
  };
  const auto para = [](std::string block, std::string after, std::string text) {
    return Paragraph{std::move(block), std::nullopt, std::move(after), ParagraphKind::context, std::move(text), {}};
  };
  constexpr Maturity L1 = Maturity::level1, L2 = Maturity::level2, L3 = Maturity::level3;
  Practice p;
  p.id = "p";
  p.actions = {action("p.l1.1", {L1}), action("p.l1.2", {L1}), action("p.l3.1", {L3})};
  p.paragraphs = {para("l1", "p.l1.2", "after l1.2"), para("l23", "", "levels 2 and 3 only"),
                  para("all", "", "before everything"), para("l1", "", "opens level 1"),
                  para("l3", "p.l3.1", "after l3.1")};
  std::vector<std::string> order;
  for (const SectionEntry& e : action_section(p)) order.push_back(e.action ? e.action->id : e.paragraph->text);
  BOOST_TEST(order == (std::vector<std::string>{"before everything", "opens level 1", "p.l1.1", "p.l1.2", "after l1.2",
                                                "levels 2 and 3 only", "p.l3.1", "after l3.1"}),
             boost::test_tools::per_element());
  // A paragraph that follows no action of its practice still shows, at the end.
  p.paragraphs.push_back(para("l1", "p.l1.9", "stray"));
  BOOST_TEST(action_section(p).back().paragraph->text == "stray");
  BOOST_TEST(action_section(p).size() == p.actions.size() + p.paragraphs.size());
  BOOST_TEST(block_levels("l23") == (std::vector<Maturity>{L2, L3}), boost::test_tools::per_element());
  BOOST_TEST(block_levels("all").size() == 3u);
  BOOST_TEST(block_levels("l32").empty());
  BOOST_TEST(block_levels("x1").empty());
}

BOOST_AUTO_TEST_SUITE_END()  // test_types
