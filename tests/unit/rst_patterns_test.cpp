// The importer's hand-written patterns (they replaced std::regex, which recursed on long
// lines): what each accepts and refuses, and that very long lines are fine.
#include <electsec/rst_import.hpp>

#include <boost/test/unit_test.hpp>

#include "io/rst_internal.hpp"
#include "io/rst_patterns.hpp"

using namespace electsec;
using namespace electsec::detail;

BOOST_AUTO_TEST_SUITE(test_rst_patterns)

BOOST_AUTO_TEST_CASE(definitions) {
  std::string name, value;
  BOOST_TEST(substitution_definition(".. |Maturity1| replace::  Level 1 ", name, value));
  BOOST_TEST((name == "Maturity1" && value == "Level 1"));
  BOOST_TEST(target_definition(".. _CIS Controls: https://www.cisecurity.org/controls", name, value));
  BOOST_TEST((name == "CIS Controls" && value == "https://www.cisecurity.org/controls"));
  BOOST_TEST(target_definition(".. _`A: B`: https://x.example/ ", name, value));
  BOOST_TEST((name == "A: B" && value == "https://x.example/"));
  for (const char* line : {"..|x| replace:: y", ".. |x|replace:: y", ".. || replace:: y", ".. |x| include:: y",
                           ".. _: http://x", ".. _x:http://x", ".. _x: http://x trailing", ".. _`x: http://x",
                           ".. _`x`y: http://x", "text .. _x: http://x"}) {
    BOOST_TEST_CONTEXT(line) {
      BOOST_TEST(!substitution_definition(line, name, value));
      BOOST_TEST(!target_definition(line, name, value));
    }
  }
  BOOST_TEST(label_definition(".. _user-management-l1:") == "user-management-l1");
  BOOST_TEST(label_definition(".. _x:  ") == "x");
  for (const char* line : {".. _x: text", ".. _a b:", "..  _:", ".. x:"})
    BOOST_TEST(label_definition(line).empty(), line);
}

BOOST_AUTO_TEST_CASE(levels_and_tags) {
  BOOST_TEST(
      (maturity_substitutions("|Maturity1| and |Maturity3| not |Maturity4| |Maturity2") == std::vector<int>{1, 3}));
  BOOST_TEST((maturity_substitutions("|Maturity1|Maturity2| |Maturity3|") == std::vector<int>{1, 3}));  // no overlap
  BOOST_TEST((level_mentions("Level 2, Level 3 and Level 4; level 1") == std::vector<int>{2, 3}));
  struct Case {
    const char* text;
    std::optional<std::pair<int, std::size_t>> tag;
  };
  const Case cases[] = {
      {"Do it (|Maturity2| maturity)", std::make_pair(2, 5)},
      {"Do it  ( |Maturity1| and |Maturity3| maturities ) . ", std::make_pair(1, 5)},
      {"Do (this) (|Maturity3| maturity).", std::make_pair(3, 9)},
      {"Do it (|Maturity2|maturity)", std::nullopt},
      {"Do it (|Maturity2| maturity) later", std::nullopt},
      {"Do it (|Maturity4| maturity)", std::nullopt},
      {"Do it (see |Maturity2| maturity)", std::nullopt},
      {"no tag at all", std::nullopt},
  };
  for (const Case& c : cases) BOOST_TEST_CONTEXT(c.text) {
      BOOST_TEST((trailing_maturity_tag(c.text) == c.tag));
    }
  BOOST_TEST(first_email_substitution("write |a| or |ei_isac_email| or |x_email|") == "ei_isac_email");
  BOOST_TEST(first_email_substitution("|_email| and |email|").empty());
}

BOOST_AUTO_TEST_CASE(items_links_and_rows) {
  std::string id, rest, shown, target;
  BOOST_TEST(safeguard_item("4.1: Establish a process (|Maturity1| maturity)", id, rest));
  BOOST_TEST((id == "4.1" && rest == "Establish a process (|Maturity1| maturity)"));
  BOOST_TEST(safeguard_item("12.10 text", id, rest));
  for (const char* text : {"There are no relevant CIS Controls.", "4.1", "4.text", "4.1:text", ".1 x", "4.2\tx\ry"})
    BOOST_TEST(!safeguard_item(text, id, rest), text);
  int level = 0;
  BOOST_TEST(maturity_level_item("|Maturity2| : Some text", level, rest));
  BOOST_TEST((level == 2 && rest == "Some text"));
  BOOST_TEST(!maturity_level_item("|Maturity2| Some text", level, rest));
  BOOST_TEST(!maturity_level_item("|Maturity2|: a\rb", level, rest));
  std::string name;
  BOOST_TEST(!substitution_definition(".. |x| replace:: a\rb", name, rest));
  BOOST_TEST(substitution_definition(".. |x| replace::\r a", name, rest));  // a line break in the spaces is fine
  BOOST_TEST(!worksheet_spec("All actions under A\rB of :ref:`x <a>`").has_value());
  BOOST_TEST(!cdm_row("1 4.1 a\rb :ref:`x <a>`").has_value());
  BOOST_TEST(cdm_row("1 4.1\r :ref:`x <a>`").has_value());
  BOOST_TEST(doc_link("see :doc:`bad` then :doc:`Account Security  <bp/account_security>`", shown, target));
  BOOST_TEST((shown == "Account Security" && target == "bp/account_security"));
  BOOST_TEST(!doc_link(":doc:`x <>` :doc:`y <z`", shown, target));

  const auto all = worksheet_spec("All actions of :ref:`Backups Level 1 <backups-l1>`");
  BOOST_TEST_REQUIRE(all.has_value());
  BOOST_TEST((all->label == "backups-l1" && !all->group && !all->numbers));
  const auto under = worksheet_spec("All actions under User Recommendations of :ref:`x <um-l1>`");
  BOOST_TEST_REQUIRE(under.has_value());
  BOOST_TEST((*under->group == "User Recommendations" && under->label == "um-l1"));
  const auto some = worksheet_spec("Actions 1, 2 and 4 of :ref:`x <am-l1>` (inventory)");
  BOOST_TEST_REQUIRE(some.has_value());
  BOOST_TEST((*some->numbers == "1, 2 and 4" && some->label == "am-l1"));
  BOOST_TEST(worksheet_spec("Action 3 of :ref:`x <a>`").has_value());
  for (const char* text : {"Some actions of :ref:`x <a>`", "Actions one of :ref:`x <a>`", "Actions 1 of :ref:`x a>`",
                           "All actions under of :ref:`x <a>`x", "Actions  of :ref:`x <a b>`"})
    BOOST_TEST(!worksheet_spec(text).has_value(), text);

  const auto row = cdm_row("   1    4.1     Establish ... :ref:`Managing <mi-l2>` and more");
  BOOST_TEST_REQUIRE(row.has_value());
  BOOST_TEST((row->rank == "1" && row->safeguard == "4.1" && row->label == "mi-l2"));
  BOOST_TEST(!cdm_row("1 4.1:ref:`x <a>`").has_value());
  BOOST_TEST(!cdm_row("x 1 4.1 :ref:`x <a>`").has_value());

  BOOST_TEST(first_version("eges-v1.4.1-final") == "1.4.1");
  BOOST_TEST(first_version("release 12.3") == "12.3");
  BOOST_TEST(first_version("a1.b2.3.") == "2.3");
  BOOST_TEST(first_version("none 1. 2").empty());
  BOOST_TEST((digit_runs("a12b3 45") == std::vector<std::string_view>{"12", "3", "45"}));
}

// One long line (std::regex overflowed its stack on 30,000 characters) in every place a
// pattern is tried: definitions, tags, links, rows, the version.
BOOST_AUTO_TEST_CASE(long_lines_are_read_without_recursion) {
  for (std::size_t n : {30000u, 1000000u}) {
    const std::string long_text(n, 'x'), spaces(n, ' '), pipes(n, '|'), digits(n, '7');
    std::string name, value;
    BOOST_TEST(substitution_definition(".. |long| replace:: " + long_text, name, value));
    BOOST_TEST(value.size() == n);
    BOOST_TEST(!target_definition(".. _" + long_text + ":" + spaces + "x y", name, value));
    BOOST_TEST(!trailing_maturity_tag("(" + spaces + "|Maturity1|" + spaces + "maturity" + spaces + "x").has_value());
    BOOST_TEST(first_email_substitution(pipes + long_text).empty());
    BOOST_TEST(!worksheet_spec("Actions " + std::string(n, '1') + " of :ref:`" + long_text).has_value());
    BOOST_TEST(!worksheet_spec("All actions under " + long_text).has_value());
    BOOST_TEST(!cdm_row(spaces + "1" + spaces + "4.1" + spaces + long_text).has_value());
    BOOST_TEST(first_version(digits + "." + digits).size() == 2 * n + 1);
    // Through the importer: a practice file with one very long substitution and heading.
    const std::string rst = ".. |Maturity1| replace:: " + long_text + "\n\nTitle\n=====\n\nSummary " + long_text + "\n";
    std::vector<ImportWarning> warnings;
    try {
      detail::import_practice_text(rst, "bp/long.rst", {}, warnings);
    } catch (const Error&) {
    }
  }
}

BOOST_AUTO_TEST_CASE(levels_written_out) {
  const struct {
    const char* text;
    std::vector<int> levels;
  } cases[] = {
      {"Level 1", {1}},
      {"Levels 2 and 3", {2, 3}},
      {"Maturity 1, 2 & 3", {1, 2, 3}},
      {"Levels 2-3", {2, 3}},
      {"All Maturities", {1, 2, 3}},
      {"Level 1 and 2 Maturities", {1, 2}},
      {"Multilevel steps", {}},
      {"Level 10", {}},
      {"Maturity Model", {}},
  };
  for (const auto& tc : cases) BOOST_TEST(level_numbers(tc.text) == tc.levels, tc.text);
  // "Level N" stands for |MaturityN| in a trailing tag, and "(Level N)" alone is one.
  BOOST_TEST(trailing_maturity_tag("Do it (Level 2 maturity).")->first == 2);
  BOOST_TEST(trailing_maturity_tag("Do it (Level 3)")->first == 3);
  BOOST_TEST(!trailing_maturity_tag("Do it (Level 4)"));
  BOOST_TEST(!trailing_maturity_tag("Do it (see Level 2)"));
}

BOOST_AUTO_TEST_SUITE_END()  // test_rst_patterns
