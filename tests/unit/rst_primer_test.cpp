// The importer's reading of the election-infrastructure primer (ei_primer/*.rst): the real
// 1.4.1 pages against the embedded catalog's facts, and small synthetic primers, written
// for these tests, for each way a release's primer may differ.
#include <electsec/default_catalog.hpp>
#include <electsec/rst_import.hpp>

#include <boost/test/unit_test.hpp>

#include "rst_support.hpp"

#include <filesystem>
#include <fstream>
#include <map>

using namespace electsec;
namespace fs = std::filesystem;
namespace utf = boost::unit_test;
using electsec::test::guide_1_4_1;
using electsec::test::ReferencePresent;

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A tiny guide: one practice page, then the files a case adds (relative path -> content).
fs::path write_guide(const std::string& name, const std::map<std::string, std::string>& files) {
  std::map<std::string, std::string> all{{"bp/alpha.rst", "Alpha Steps\n-----------\n\nWhy it matters.\n"}};
  for (const auto& [path, text] : files) all[path] = text;
  return test::write_guide("primer_guides", name, all);
}

// A connectedness page in the guide's layout: three bold numbered classes, then a section
// on moving data between parts.
const std::string classes_page =
    "Linking Classes\n"
    "---------------\n"
    "\n"
    "Every part of a made-up election falls in one class.\n"
    "\n"
    "#. **Networked parts**. They reach other devices over wires or radio. Examples include:\n"
    "\n"
    "   * A web portal for sign-ups.\n"
    "   * A dial-up link for tallies.\n"
    "\n"
    "#. **Indirectly linked parts**. They get data only from carried media. Examples include:\n"
    "\n"
    "   * A memory card carried to a tally box.\n"
    "\n"
    "#. **Non-digital parts**. Nothing electronic. An example would be a paper roster kept by hand.\n"
    "\n"
    "Data transmitted between parts is at risk\n"
    "*****************************************\n"
    "\n"
    "Data on the move can leak or be altered.\n";

// One row of a connection table; `text` may run over several lines ("\n").
struct Row {
  std::string label;
  std::string text;
};

std::string connection_table(const std::string& name, const std::vector<Row>& rows) {
  const std::string border = "   " + std::string(38, '=') + "  " + std::string(50, '=') + "\n";
  std::string t = ".. table:: Connection Types for " + name + "\n   :widths: auto\n\n" + border;
  t += "   " + std::string("Class").append(35, ' ') + "Details\n" + border;
  for (const auto& row : rows) {
    std::string label = row.label;
    label.resize(40, ' ');
    std::size_t start = 0;
    bool first = true;
    while (start <= row.text.size()) {
      const auto eol = row.text.find('\n', start);
      const std::string piece = row.text.substr(start, eol == std::string::npos ? std::string::npos : eol - start);
      t += "   " + (first ? label : std::string(40, ' ')) + piece + "\n";
      first = false;
      if (eol == std::string::npos) break;
      start = eol + 1;
    }
  }
  return t + border;
}

const std::vector<Row> usual_rows = {{"Network Connected", "Portal sign-ups go over the web."},
                                     {"Indirectly Connected", "Not applicable for most offices."},
                                     {"Not Connected", "Cards filled in by hand."},
                                     {"Additional Transmission-based Risks", "Forms that arrive by fax."}};

// A component page in the guide's layout: heading, summary, "Types of", risks, table.
std::string component_page(const std::string& title, const std::vector<std::string>& risks, const std::string& table,
                           const std::string& types = "") {
  std::string page = title + "\n" + std::string(title.size(), '*') + "\n\nWhat this made-up system does.\n\n";
  if (!types.empty()) page += "Types of things\n&&&&&&&&&&&&&&&\n\n" + types + "\n";
  page += "Risks and threats\n&&&&&&&&&&&&&&&&&\n\nThey include:\n\n";
  for (const auto& r : risks) page += "* " + r + "\n";
  page += "\nHow these components connect\n&&&&&&&&&&&&&&&&&&&&&&&&&&&&\n\n" + table;
  return page;
}

const std::vector<std::string> two_risks = {"Exposure through internet connectivity that comes and goes,",
                                            "Mistakes with authentication and access control for clerks."};

// The 1-based line of `file` that holds `text`.
std::size_t line_of(const std::string& file, const std::string& text) {
  std::size_t line = 1;
  const auto at = file.find(text);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  for (std::size_t i = 0; i < at; ++i) line += file[i] == '\n';
  return line;
}

bool warned(const ImportResult& r, ImportWarningKind kind, const std::string& file, std::size_t line,
            const std::string& text) {
  for (const auto& w : r.warnings)
    if (w.kind == kind && w.file == file && w.line == line && w.message.find(text) != std::string::npos) return true;
  return false;
}

std::string warnings_of(const ImportResult& r) {
  std::string out;
  for (const auto& w : r.warnings)
    out += w.file + ":" + std::to_string(w.line) + ": " + w.message + " [" + std::string(to_string(w.kind)) + "]\n";
  return out;
}

std::vector<std::string> component_ids(const Primer& p) {
  std::vector<std::string> ids;
  for (const auto& c : p.components) ids.push_back(c.id);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_rst_primer)

// Facts only: the embedded primer is in electsec's words, so texts differ by design.
BOOST_AUTO_TEST_CASE(the_1_4_1_primer_has_the_embedded_facts, *utf::precondition(ReferencePresent())) {
  const ImportResult r = import_eges_rst(guide_1_4_1.string());
  const Primer& got = r.catalog.primer();
  const Primer& want = default_catalog().primer();
  BOOST_TEST(r.catalog.system_links().empty());  // electsec's links are never the guide's
  for (const auto& w : r.warnings) BOOST_TEST(w.file.rfind("ei_primer", 0) != 0u, w.file << ": " << w.message);

  BOOST_TEST_REQUIRE(got.classes.size() == want.classes.size());
  for (std::size_t i = 0; i < got.classes.size(); ++i) {
    const auto &g = got.classes[i], &w = want.classes[i];
    BOOST_TEST_CONTEXT(to_string(w.id)) {
      BOOST_TEST((g.id == w.id));
      BOOST_TEST(g.title == w.title);
      BOOST_TEST(lower(g.label) == lower(w.label));
      BOOST_TEST(!g.text.empty());
      // The transmission section gives its examples in running prose, which the embedded
      // catalog lists one by one; the importer reads listed examples and "An example would be".
      if (w.id == Connectedness::transmission)
        BOOST_TEST(g.examples.empty());
      else
        BOOST_TEST(g.examples.size() == w.examples.size());
    }
  }

  BOOST_TEST_REQUIRE(got.risks.size() == want.risks.size());
  for (std::size_t i = 0; i < got.risks.size(); ++i) BOOST_TEST(got.risks[i].id == want.risks[i].id);

  BOOST_TEST(component_ids(got) == component_ids(want));
  BOOST_TEST_REQUIRE(got.components.size() == want.components.size());
  for (std::size_t i = 0; i < got.components.size(); ++i) {
    const auto &g = got.components[i], &w = want.components[i];
    BOOST_TEST_CONTEXT(w.id) {
      BOOST_TEST(g.title == w.title);
      BOOST_TEST(g.page == w.page);
      BOOST_TEST(g.risks == w.risks);
      BOOST_TEST_REQUIRE(g.connections.size() == w.connections.size());
      for (std::size_t k = 0; k < g.connections.size(); ++k) {
        BOOST_TEST((g.connections[k].connectedness == w.connections[k].connectedness));
        BOOST_TEST(g.connections[k].occurs == w.connections[k].occurs);
        BOOST_TEST(!g.connections[k].text.empty());
      }
      BOOST_TEST_REQUIRE(g.variants.size() == w.variants.size());
      for (std::size_t k = 0; k < g.variants.size(); ++k) {
        BOOST_TEST(g.variants[k].name == w.variants[k].name);
        BOOST_TEST((g.variants[k].connectedness == w.variants[k].connectedness));
      }
    }
  }
}

// A primer in the guide's layout, written for the test: classes with titles, labels,
// listed and sentence examples; varieties named before a colon and matched by name, or
// italic and matched by "Type N"; "Not applicable" rows; cells over several lines.
BOOST_AUTO_TEST_CASE(a_synthetic_primer_in_the_guides_layout) {
  const std::string types_by_name =
      "#. Portal sign-up: people sign up on a web page.\n#. Card sign-up: people fill in a card.\n";
  const std::string types_by_number =
      "#. *Hand tally*. People count by hand.\n#. *Box tally*. A box counts.\n#. *Remote tally*. Far away.\n";
  const auto root = write_guide(
      "layout",
      {{"index.rst",
        ".. toctree::\n\n   ei_primer/connectedness_classes\n   ei_primer/voter_reg\n"
        "   ei_primer/vote_capture\n"},
       {"ei_primer/connectedness_classes.rst", classes_page},
       {"ei_primer/voter_reg.rst",
        component_page("Sign-Ups", two_risks,
                       connection_table("Sign-Ups", {{"Network Connected", "Portal sign-up, and the lookup site."},
                                                     {"Indirectly Connected", "Not applicable in most places."},
                                                     {"Not Connected", "Card sign-up."},
                                                     {"Additional transmission-based risks", "Not applicable."}}),
                       types_by_name)},
       {"ei_primer/vote_capture.rst",
        component_page("Tallies", {"If ever networked, exposure through network connectivity,"},
                       connection_table("Tallies", {{"Network Connected",
                                                     "A box tally that sends data.\n"
                                                     "\n"
                                                     "Box tally units on a closed network."},
                                                    {"Indirectly Connected", "Type 2: *Box tally*. Fed by cards."},
                                                    {"Not Connected", "Type 1: *Hand tally*. Paper."},
                                                    {"Additional Transmission-based Risks", "Type 3: far away."}}),
                       types_by_number)}});
  const ImportResult r = import_eges_rst(root.string());
  const Primer& p = r.catalog.primer();
  BOOST_TEST(warnings_of(r).find("ei_primer") == std::string::npos, warnings_of(r));

  BOOST_TEST_REQUIRE(p.classes.size() == 4u);
  const std::vector<std::pair<std::string, std::size_t>> classes{{"Networked parts", 2},
                                                                 {"Indirectly linked parts", 1},
                                                                 {"Non-digital parts", 1},
                                                                 {"Data transmitted between parts is at risk", 0}};
  for (std::size_t i = 0; i < 4; ++i) BOOST_TEST_CONTEXT(classes[i].first) {
      BOOST_TEST((p.classes[i].id == all_connectedness[i]));
      BOOST_TEST(p.classes[i].title == classes[i].first);
      BOOST_TEST(p.classes[i].examples.size() == classes[i].second);
    }
  BOOST_TEST(p.classes[0].text == "They reach other devices over wires or radio.");
  BOOST_TEST(p.classes[0].examples[1] == "A dial-up link for tallies.");
  BOOST_TEST(p.classes[2].examples[0] == "A paper roster kept by hand.");
  BOOST_TEST(p.classes[3].text == "Data on the move can leak or be altered.");
  BOOST_TEST(p.classes[0].label == "Network Connected");  // as the first table names it
  BOOST_TEST(p.classes[3].label == "Additional transmission-based risks");

  BOOST_TEST(component_ids(p) == (std::vector<std::string>{"voter_registration", "vote_capture"}));
  const SystemComponent& reg = p.components[0];
  BOOST_TEST(reg.title == "Sign-Ups");
  BOOST_TEST(reg.page == "ei_primer/voter_reg");
  BOOST_TEST(reg.summary == "What this made-up system does.");
  BOOST_TEST(reg.risks == (std::vector<std::string>{"internet_connectivity", "access_control"}));
  BOOST_TEST_REQUIRE(reg.connections.size() == 4u);
  const std::vector<bool> occurs{true, false, true, false};
  for (std::size_t k = 0; k < 4; ++k) {
    BOOST_TEST((reg.connections[k].connectedness == all_connectedness[k]));
    BOOST_TEST(reg.connections[k].occurs == occurs[k]);
  }
  BOOST_TEST_REQUIRE(reg.variants.size() == 2u);
  BOOST_TEST(reg.variants[0].name == "Portal sign-up");
  BOOST_TEST(reg.variants[0].text == "people sign up on a web page.");
  BOOST_TEST((reg.variants[0].connectedness == Connectedness::network));
  BOOST_TEST((reg.variants[1].connectedness == Connectedness::none));

  const SystemComponent& tally = p.components[1];
  BOOST_TEST(tally.risks == (std::vector<std::string>{"network_connectivity"}));
  BOOST_TEST(tally.connections[0].text == "A box tally that sends data. Box tally units on a closed network.");
  BOOST_TEST_REQUIRE(tally.variants.size() == 3u);
  // By number, though the network row names "Box tally" too.
  const std::vector<std::pair<std::string, Connectedness>> varieties{{"Hand tally", Connectedness::none},
                                                                     {"Box tally", Connectedness::indirect},
                                                                     {"Remote tally", Connectedness::transmission}};
  for (std::size_t k = 0; k < 3; ++k) BOOST_TEST_CONTEXT(varieties[k].first) {
      BOOST_TEST(tally.variants[k].name == varieties[k].first);
      BOOST_TEST((tally.variants[k].connectedness == varieties[k].second));
    }
  BOOST_TEST(tally.variants[0].text == "People count by hand.");

  // The primer's risks: every one named, in first-named order, with the guide's words.
  BOOST_TEST_REQUIRE(p.risks.size() == 3u);
  BOOST_TEST(p.risks[0].id == "internet_connectivity");
  BOOST_TEST(p.risks[0].text == "Exposure through internet connectivity that comes and goes");
  BOOST_TEST(p.risks[2].id == "network_connectivity");
  BOOST_TEST(r.catalog.system_links().empty());
}

struct Variation {
  const char* name;
  std::map<std::string, std::string> files;
  ImportWarningKind kind;
  const char* file;
  const char* line_of_text;  // the warning's line is the one holding this text (nullptr: line 0)
  const char* message;
  std::vector<std::string> components;  // the ids the primer still has
};

// A primer that is missing or laid out otherwise: a warning with file and line, and the
// rest of the release (and of the primer) imports.
BOOST_AUTO_TEST_CASE(unusual_primers_are_warnings_with_file_and_line) {
  const std::string usual = connection_table("Usual", usual_rows);
  const std::string unknown_risk =
      component_page("Rosters", {two_risks[0], "Rosters that smell of smoke,", two_risks[1]}, usual);
  const std::string unknown_row = component_page(
      "Rosters", two_risks,
      connection_table("Rosters", {{"Network Connected", "Over the web."}, {"Loosely Connected", "Sometimes."}}));
  const Variation cases[] = {
      {"no ei_primer folder (an older release)",
       {},
       ImportWarningKind::missing,
       "ei_primer",
       nullptr,
       "the release has no election-infrastructure primer",
       {}},
      {"a component page without a connection table",
       {{"ei_primer/pollbooks.rst", component_page("Rosters", two_risks, "Words, but no table.\n")},
        {"ei_primer/ems.rst", component_page("Back Office", two_risks, usual)}},
       ImportWarningKind::missing,
       "ei_primer/pollbooks.rst",
       nullptr,
       "no connection table",
       {"ems", "pollbooks"}},
      {"a risk bullet electsec does not know",
       {{"ei_primer/pollbooks.rst", unknown_risk}},
       ImportWarningKind::unresolved,
       "ei_primer/pollbooks.rst",
       "Rosters that smell of smoke",
       "risk 'Rosters that smell of smoke' matches no risk electsec knows; left out",
       {"pollbooks"}},
      {"a table row for an unknown class",
       {{"ei_primer/pollbooks.rst", unknown_row}},
       ImportWarningKind::unresolved,
       "ei_primer/pollbooks.rst",
       "Loosely Connected",
       "connection row 'Loosely Connected' names no connectedness class; left out",
       {"pollbooks"}},
      {"an extra page that reads like a component",
       {{"ei_primer/poll_workers.rst", component_page("Poll Worker Scheduling", two_risks, usual)},
        {"ei_primer/ems.rst", component_page("Back Office", two_risks, usual)}},
       ImportWarningKind::inferred,
       "ei_primer/poll_workers.rst",
       nullptr,
       "read as the component 'poll_workers'",
       {"ems", "poll_workers"}},
      {"an extra page that does not",
       {{"ei_primer/history.rst", "A Short History\n***************\n\nOnce upon a time.\n"},
        {"ei_primer/ems.rst", component_page("Back Office", two_risks, usual)}},
       ImportWarningKind::unresolved,
       "ei_primer/history.rst",
       nullptr,
       "a primer page electsec does not know",
       {"ems"}},
      {"a component page without risks",
       {{"ei_primer/ems.rst", "Back Office\n***********\n\nWords.\n\n" + usual}},
       ImportWarningKind::missing,
       "ei_primer/ems.rst",
       nullptr,
       "no 'Risks and threats' section",
       {"ems"}},
      {"no connectedness page",
       {{"ei_primer/ems.rst", component_page("Back Office", two_risks, usual)}},
       ImportWarningKind::missing,
       "ei_primer/connectedness_classes.rst",
       nullptr,
       "the primer's connectedness classes are not read",
       {"ems"}},
      {"a page the table of contents lists but the folder lacks",
       {{"index.rst", ".. toctree::\n\n   ei_primer/ems\n   ei_primer/enr\n"},
        {"ei_primer/ems.rst", component_page("Back Office", two_risks, usual)}},
       ImportWarningKind::missing,
       "ei_primer/enr.rst",
       nullptr,
       "the table of contents lists this primer page",
       {"ems"}},
      {"a class the connectedness page does not describe",
       {{"ei_primer/connectedness_classes.rst", classes_page.substr(0, classes_page.find("#. **Non-digital"))}},
       ImportWarningKind::missing,
       "ei_primer/connectedness_classes.rst",
       nullptr,
       "no description of the class 'Not Connected'",
       {}},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.name) {
      const auto root = write_guide("unusual_" + std::to_string(&tc - cases), tc.files);
      const ImportResult r = import_eges_rst(root.string());
      std::size_t line = 0;
      if (tc.line_of_text != nullptr) line = line_of(tc.files.at(tc.file), tc.line_of_text);
      BOOST_TEST(warned(r, tc.kind, tc.file, line, tc.message), warnings_of(r));
      BOOST_TEST(r.catalog.practices().size() == 1u);
      BOOST_TEST(component_ids(r.catalog.primer()) == tc.components);
      BOOST_TEST(r.catalog.system_links().empty());
    }
}

// What a page still gives when part of it is unusual: the rows and risks around the odd one.
BOOST_AUTO_TEST_CASE(the_rest_of_an_unusual_page_is_kept) {
  const std::string page = component_page("Rosters", {two_risks[0], "Rosters that smell of smoke,", two_risks[1]},
                                          connection_table("Rosters", {{"Network Connected", "Over the web."},
                                                                       {"Loosely Connected", "Sometimes."},
                                                                       {"Not Connected", "Not applicable."}}));
  const auto root = write_guide("rest_kept", {{"ei_primer/pollbooks.rst", page}});
  const ImportResult r = import_eges_rst(root.string());
  const SystemComponent& c = r.catalog.system_component("pollbooks");
  BOOST_TEST(c.risks == (std::vector<std::string>{"internet_connectivity", "access_control"}));
  BOOST_TEST_REQUIRE(c.connections.size() == 2u);
  BOOST_TEST((c.connections[1].connectedness == Connectedness::none));
  BOOST_TEST(c.connections[1].occurs == false);
  BOOST_TEST(c.variants.empty());
}

BOOST_AUTO_TEST_SUITE_END()  // test_rst_primer
