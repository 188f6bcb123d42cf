#include <electsec/default_catalog.hpp>
#include <electsec/report.hpp>
#include <electsec/store.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <cstdio>
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
  BOOST_TEST(md == test::golden("office-report.md", md));
  BOOST_TEST(md.find("vendor \\| ticket \\*42\\*") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(office_report_with_a_system_profile_matches_its_golden_file) {
  const Catalog& c = default_catalog();
  Assessment a = fixed_office();
  const std::string plain = office_report_markdown(c, a);
  a.add_system(c, "pollbooks", Connectedness::indirect, std::string("loaded by USB | *daily*"));
  a.add_system(c, "pollbooks", Connectedness::none);
  a.add_system(c, "ems", Connectedness::none);  // the guide says this does not occur
  const std::string md = office_report_markdown(c, a);
  BOOST_TEST(md == test::golden("office-report-systems.md", md));
  BOOST_TEST(md.find("## Systems and their risks") != std::string::npos);
  BOOST_TEST(md.find("loaded by USB \\| \\*daily\\*") != std::string::npos);
  BOOST_TEST(md.find("**Check:** the guide's primer says ems (none) does not occur") != std::string::npos);
  BOOST_TEST(plain.find("Systems and their risks") == std::string::npos);  // only with a profile
  const std::string html = office_report_html(c, a);
  BOOST_TEST(html.find("<h2>Systems and their risks</h2>") != std::string::npos);
  BOOST_TEST(html.find("loaded by USB | *daily*") != std::string::npos);
  BOOST_TEST(office_report_html(c, fixed_office()).find("Systems and their risks") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_report_is_self_contained) {
  const std::string html = office_report_html(default_catalog(), fixed_office());
  BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0u);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("<link") == std::string::npos);
  BOOST_TEST(html.find("Content-Security-Policy") != std::string::npos);
  BOOST_TEST(html.find("<svg") != std::string::npos);
  BOOST_TEST(html.find("Priority; Safeguard 4.1 ranks 1 against common attacks in the CIS Community Defense Model") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(recently_done_lists_the_latest_ten_with_their_notes) {
  const Catalog& c = default_catalog();
  Assessment a = fixed_office();
  a.statuses.clear();
  const auto actions = c.applicable_actions("user_management", a.maturity);
  BOOST_REQUIRE(actions.size() >= 12u);
  for (std::size_t i = 0; i < 12; ++i)
    a.set(c, actions[i]->id, Status::done,
          i == 11 ? std::optional<std::string>("signed off by the <board>") : std::nullopt,
          "2026-01-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1));
  const std::string md = office_report_markdown(c, a);
  BOOST_TEST(md.find("## Recently done (10 of 12)") != std::string::npos);
  // Latest first: the 12th day leads, the first two days are left out.
  const auto first = md.find("- 2026-01-12: ");
  BOOST_TEST(first != std::string::npos);
  const auto second = md.find("- 2026-01-11: ");
  BOOST_TEST(second != std::string::npos);
  BOOST_TEST(second > first);
  BOOST_TEST(md.find("- 2026-01-02: ") == std::string::npos);
  BOOST_TEST(md.find("Note: signed off by the \\<board\\>") != std::string::npos);
  const std::string html = office_report_html(c, a);
  BOOST_TEST(html.find("<h2>Recently done (10 of 12)</h2>") != std::string::npos);
  BOOST_TEST(html.find("signed off by the &lt;board&gt;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(report_options_set_title_date_and_sizes) {
  const Catalog& c = default_catalog();
  ReportOptions o;
  o.title = "Report to the <board>";
  o.report_date = "2026-12-01";
  o.next_steps = 2;
  for (const bool html : {false, true}) {
    const std::string text =
        html ? office_report_html(c, fixed_office(), o) : office_report_markdown(c, fixed_office(), o);
    BOOST_TEST(
        text.find(html ? "<h1>Report to the &lt;board&gt;</h1>" : "# Report to the \\<board\\>\n") != std::string::npos,
        text.substr(0, 300));
    BOOST_TEST(text.find("Report date: 2026-12-01.") != std::string::npos);
    // Two steps of the plan, not the default five.
    BOOST_TEST(text.find(html ? "<li><b>Network Segmentation" : "3. **Network Segmentation") == std::string::npos);
    BOOST_TEST(text.find(html ? "<li><b>User Management" : "2. **User Management") != std::string::npos);
  }
  // Without options: no date, five steps.
  const std::string plain = office_report_markdown(c, fixed_office());
  BOOST_TEST(plain.find("Report date") == std::string::npos);
  BOOST_TEST(plain.find("5. **") != std::string::npos);
  // A state's report lists as many offices as asked.
  std::vector<Assessment> offices;
  for (int i = 0; i < 15; ++i) {
    Assessment a = fixed_office();
    a.jurisdiction.id = "us-xx-" + std::to_string(i);
    a.jurisdiction.name = "Office " + std::to_string(i);
    offices.push_back(a);
  }
  const Rollup r = rollup(c, offices);
  const auto rows = [](const std::string& text, const std::string& start) {
    std::size_t n = 0;
    for (std::size_t at = text.find(start); at != std::string::npos; at = text.find(start, at + 1)) ++n;
    return n;
  };
  BOOST_TEST(rows(rollup_report_markdown(c, r), " | XX | Level ") == 10u);
  ReportOptions three;
  three.max_offices = 3;
  BOOST_TEST(rows(rollup_report_markdown(c, r, three), " | XX | Level ") == 3u);
  BOOST_TEST(rows(rollup_report_html(c, r, three), "<tr><td>Office ") == 3u);
  // Practices far from complete: the bars run to just above the highest, and say so.
  const std::string html = rollup_report_html(c, r);
  const auto at = html.find("The bars run to ");
  BOOST_TEST(at != std::string::npos);
  BOOST_TEST(html.find(", the most complete practice's share rounded up to a tenth", at) != std::string::npos);
  ReportOptions bad;
  bad.report_date = "1st of December";
  BOOST_CHECK_THROW(office_report_markdown(c, fixed_office(), bad), Error);
  BOOST_CHECK_THROW(rollup_report_html(c, r, bad), Error);
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

namespace {
ReportOptions stalled(std::size_t days) {
  ReportOptions o;
  o.stalled_days = days;
  return o;
}

// A store of three offices of XX over spring 2026: the golden office gains every month, B
// once in January, C never.
Store spring_store() {
  const Catalog& c = default_catalog();
  const std::string path = test::temp_path("report_store.db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  Store s = Store::create(path, c);
  Assessment golden = fixed_office();
  golden.statuses.clear();
  s.import_assessment(golden, {"2026-01-02", "state", "enrolment"});
  Assessment b = golden, cc = golden;
  b.jurisdiction = {"us-xx-b", "B & <Co>", "XX", JurisdictionKind::municipality};
  cc.jurisdiction = {"us-xx-c", "C County", "XX", JurisdictionKind::county};
  s.import_assessment(b, {"2026-01-02", "state", "enrolment"});
  s.import_assessment(cc, {"2026-01-02", "state", "enrolment"});
  const auto actions = c.applicable_actions("managing_infrastructure", Maturity::level2);
  for (std::size_t m = 1; m <= 4; ++m)
    s.set_status("us-xx-golden", {actions[m - 1]->id}, Status::done, std::string("<b>month</b> " + std::to_string(m)),
                 {"2026-0" + std::to_string(m) + "-10", "clerk <i>", "by hand"});
  s.set_status("us-xx-b", {actions[0]->id}, Status::done, std::nullopt, {"2026-01-20", "b", ""});
  return s;
}
}  // namespace

BOOST_AUTO_TEST_CASE(reports_with_progress_from_a_store) {
  const Catalog& c = default_catalog();
  const Store s = spring_store();
  const Progress office = s.progress("us-xx-golden", "2026-01-01", "2026-04-30");
  BOOST_TEST((office.period == Period::month));
  BOOST_REQUIRE(office.trend.size() == 4u);
  BOOST_TEST(office.trend.back().actions_done == 4u);
  BOOST_TEST(office.peers.back().offices == 2u);  // B and C
  BOOST_TEST(office.changes.size() == 7u);        // its enrolment (name, guide version, level) and four statuses
  const Assessment a = s.assessment("us-xx-golden", "2026-04-30");
  const std::string md = office_report_markdown(c, a, office);
  BOOST_TEST(md.find("## Progress from 2026-01-01 to 2026-04-30, by month") != std::string::npos, md);
  BOOST_TEST(md.find("| 2026-04 | ") != std::string::npos);
  BOOST_TEST(md.find("\\<b\\>month\\</b\\> 4") != std::string::npos, md);  // the note, escaped
  // The progress comes right after the summary, before the scorecard.
  BOOST_TEST(md.find("## Progress") < md.find("## Scorecard"));
  const std::string html = office_report_html(c, a, office);
  BOOST_TEST(html.find("<polyline") != std::string::npos);
  BOOST_TEST(html.find("&lt;b&gt;month&lt;/b&gt; 4") != std::string::npos);
  BOOST_TEST(html.find("clerk &lt;i&gt;") != std::string::npos);
  BOOST_TEST(html.find("<b>month") == std::string::npos);
  BOOST_TEST(html.find("<script") == std::string::npos);
  BOOST_TEST(html.find("<th>By</th>") != std::string::npos);
  // Changes nobody signed: no empty "By" column.
  Progress unsigned_changes = office;
  for (StoreEvent& e : unsigned_changes.changes) e.author.clear();
  BOOST_TEST(office_report_html(c, a, unsigned_changes).find("<th>By</th>") == std::string::npos);
  BOOST_TEST(office_report_markdown(c, a, unsigned_changes).find("| Day | Change | Note |\n") != std::string::npos);

  const Progress state = s.progress(OfficeFilter{}, "2026-01-01", "2026-04-30");
  BOOST_REQUIRE(state.offices.size() == 3u);
  BOOST_TEST(state.offices[0].jurisdiction.id == "us-xx-golden");  // most gained first
  BOOST_TEST(state.offices[2].last_change == "");
  BOOST_TEST(state.offices[2].days_without_change == 118u);  // since its first record, January 2nd
  const Rollup r = s.rollup("2026-04-30");
  const std::string sm = rollup_report_markdown(c, r, state, stalled(60));
  BOOST_TEST(sm.find("### No status change for 60 days or more (2 of 3 offices)") != std::string::npos, sm);
  BOOST_TEST(sm.find("| C County | XX | never | 118 |") != std::string::npos, sm);
  BOOST_TEST(sm.find("| B & \\<Co\\> | XX | 2026-01-20 | 100 |") != std::string::npos, sm);
  const std::string sh = rollup_report_html(c, r, state, stalled(200));
  BOOST_TEST(sh.find("No status change for 200 days or more (0 of 3 offices)") != std::string::npos);
  BOOST_TEST(sh.find("B &amp; &lt;Co&gt;") != std::string::npos);
  // Spans: weeks over three weeks, days below.
  BOOST_TEST((s.progress(OfficeFilter{}, "2026-01-01", "2026-02-10").period == Period::week));
  BOOST_TEST((s.progress(OfficeFilter{}, "2026-01-01", "2026-01-10").period == Period::day));
  BOOST_CHECK_THROW(s.progress(OfficeFilter{}, "2026-05-01", "2026-04-30"), Error);
  BOOST_CHECK_THROW(s.progress("us-xx-golden", "", "2026-04-30"), Error);
}

// Links in reports: the web and e-mail become links; anything else (a script, an address
// with spaces, controls or angle brackets) stays text, escaped.
BOOST_AUTO_TEST_CASE(report_links_only_link_the_web_and_mail) {
  const struct {
    Link link;
    std::string markdown, html;
  } cases[] = {
      {{"FBI field office", "https://www.fbi.gov/contact-us/field-offices"},
       " [FBI field office](<https://www.fbi.gov/contact-us/field-offices>)",
       " <a href=\"https://www.fbi.gov/contact-us/field-offices\">FBI field office</a>"},
      {{"Write", "mailto:elections@cisecurity.org"},
       " [Write](<mailto:elections@cisecurity.org>)",
       " <a href=\"mailto:elections@cisecurity.org\">Write</a>"},
      {{"here", "https://cve.mitre.org/cgi-bin/x?y=1"},
       " [here (cve.mitre.org)](<https://cve.mitre.org/cgi-bin/x?y=1>)",
       " <a href=\"https://cve.mitre.org/cgi-bin/x?y=1\">here (cve.mitre.org)</a>"},
      {{"x", "javascript:alert(1)"}, " (x: javascript:alert(1))", " (x: javascript:alert(1))"},
      {{"x", "https://a.example/<script>"},
       " (x: https://a.example/\\<script\\>)",
       " (x: https://a.example/&lt;script&gt;)"},
      {{"x", "https://a.example/ b"}, " (x: https://a.example/ b)", " (x: https://a.example/ b)"},
      {{"<b> c", "https://a.example/\"q"},
       " [\\<b\\> c](<https://a.example/\"q>)",
       " <a href=\"https://a.example/&quot;q\">&lt;b&gt; c</a>"},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.link.url) {
      BOOST_TEST(markdown_links({tc.link}) == tc.markdown);
      BOOST_TEST(html_links({tc.link}) == tc.html);
    }
}

BOOST_AUTO_TEST_SUITE_END()  // test_report
