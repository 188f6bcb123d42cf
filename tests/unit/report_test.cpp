#include <electsec/default_catalog.hpp>
#include <electsec/report.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <cstdlib>
#include <fstream>

using namespace electsec;

namespace {

// A fixed office, for the golden file.
Assessment fixed_office() {
  const Catalog& c = default_catalog();
  Assessment a;
  a.jurisdiction = {"us-xx-golden", "Golden County", "XX", JurisdictionKind::county};
  a.catalog_version = "1.4.1";
  a.maturity = Maturity::level2;
  a.set(c, "managing_infrastructure.l1.1", Status::done, "", "2026-01-01");
  a.set(c, "managing_infrastructure.l1.2", Status::done, "", "2026-01-01");
  a.set(c, "user_management.l1.organizational-recommendations.4", Status::in_progress, "vendor | ticket *42*",
        "2026-01-01");
  a.set(c, "network_segmentation.all.1", Status::not_applicable, "", "2026-01-01");
  return a;
}

std::string golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(ELECTSEC_TEST_DATA_DIR) + "/golden/" + name;
  if (std::getenv("ELECTSEC_UPDATE_GOLDEN") != nullptr) std::ofstream(path, std::ios::binary) << actual;
  return test::read_text(path);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_report)

BOOST_AUTO_TEST_CASE(escaping) {
  BOOST_TEST(html_escape(R"(<a href="x">'&'</a>)") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  BOOST_TEST(html_escape("two\nlines\tand \x1b[1m") == "two lines and \\x1b[1m");
  struct Case {
    std::string text, markdown;
  };
  const Case cases[] = {
      {"a|b *c* [d](e)\nf", "a\\|b \\*c\\* \\[d\\](e) f"},       // [d](e) cannot become a link
      {"EI-ISAC and us-xx-sample", "EI-ISAC and us-xx-sample"},  // hyphens inside a line do nothing
      {"asset_management", "asset_management"},                  // '_' inside a word never emphasises
      {"_word_ and snake_", "\\_word\\_ and snake\\_"},
      {"# not a heading", "\\# not a heading"},
      {"- not a list", "\\- not a list"},
      {"  + nor this", "  \\+ nor this"},
      {"1. not numbered", "1\\. not numbered"},
      {"2) nor this", "2\\) nor this"},
      {"version 1.4.1 - done", "version 1.4.1 - done"},
      {"1.4.1", "1.4.1"},        // not an ordered list: no space after the dot
      {"#hashtag", "#hashtag"},  // not a heading: no space after the #
      {"---", "\\---"},          // a rule
      {"`code` <b>~x~</b>", "\\`code\\` \\<b\\>\\~x\\~\\</b\\>"},
      {"Q&A &amp; &#38;", "Q\\&A \\&amp; \\&#38;"},
      {"A & B", "A & B"},
      {"back\\slash", "back\\\\slash"},
  };
  for (const auto& c : cases) BOOST_TEST(markdown_escape(c.text) == c.markdown, c.text);
}

BOOST_AUTO_TEST_CASE(office_report_matches_its_golden_file) {
  const std::string md = office_report_markdown(default_catalog(), fixed_office());
  BOOST_TEST(md == golden("office-report.md", md));
  BOOST_TEST(md.find("vendor \\| ticket \\*42\\*") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_report_is_self_contained) {
  const std::string html = office_report_html(default_catalog(), fixed_office());
  BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0u);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("<link") == std::string::npos);
  BOOST_TEST(html.find("Content-Security-Policy") != std::string::npos);
  BOOST_TEST(html.find("<svg") != std::string::npos);
  BOOST_TEST(html.find("CDM rank 1: Safeguard 4.1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rollup_reports) {
  const Catalog& c = default_catalog();
  Assessment other = fixed_office();
  other.jurisdiction = {"us-xx-b", "B & <Co>", "XX", JurisdictionKind::municipality};
  other.maturity = Maturity::level1;
  const Rollup r = rollup(c, {fixed_office(), other});
  const std::string md = rollup_report_markdown(c, r);
  BOOST_TEST(md.find("2 offices: 1 at Level 1, 1 at Level 2, 0 at Level 3.") != std::string::npos, md);
  BOOST_TEST(md.find("| B & \\<Co\\> | XX | Level 1 |") != std::string::npos, md);
  const std::string html = rollup_report_html(c, r);
  BOOST_TEST(html.find("B &amp; &lt;Co&gt;") != std::string::npos);
  BOOST_TEST(html.find("Offices by maturity level") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()  // test_report
