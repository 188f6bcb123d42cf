// The importer: the real 1.4.1 sources against the embedded catalog, and small synthetic
// guides for each structural variant a release may have.
#include <electsec/default_catalog.hpp>
#include <electsec/rst_import.hpp>

#include <boost/test/unit_test.hpp>

#include "rst_support.hpp"

#include <filesystem>
#include <fstream>
#include <set>

using namespace electsec;
namespace fs = std::filesystem;
namespace utf = boost::unit_test;
using electsec::test::guide_1_4_1;
using electsec::test::ReferencePresent;

namespace {

const fs::path seed_001 = fs::path(ELECTSEC_REFERENCE_DIR) / ".." / "seeds" / "001_971c1fed2368daf7.txt";

const ImportResult& imported() {
  static const ImportResult r = import_eges_rst(guide_1_4_1.string());
  return r;
}

// A tiny guide written for one test: relative path -> content.
fs::path write_guide(const std::string& name, const std::map<std::string, std::string>& files) {
  return test::write_guide("guides", name, files);
}

std::string practice_rst(const std::string& title, const std::string& actions_body,
                         const std::string& mapping = "* 4.1: A title (|Maturity1| maturity)\n") {
  return ".. |bp_title| replace:: " + title +
         "\n\n|bp_title|\n----------\n\nWhy it matters, briefly.\n\n"
         "Goals\n*****\n\n#. First goal (|Maturity1| maturity)\n#. Second goal\n\n"
         "Actions\n*******\n\n" +
         actions_body +
         "\nCost-Effective Tools\n********************\n\n* `Tool <https://example.org/tool>`_: a tool\n"
         "\nMapping to CIS Controls and Safeguards\n**************************************\n\n" +
         mapping + "\nMapping to CIS Handbook Best Practices\n**************************************\n\n* 1, 2\n";
}

std::string index_rst(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::string t =
      "Index\n-----\n\n+----+--------------------------------+--------------+--------------+--------------+\n"
      "|    | Best Practice                  | L1           | L2           | L3           |\n"
      "+====+================================+==============+==============+==============+\n";
  for (const auto& [name, scopes] : rows) {
    std::string cell = name;
    cell.resize(32, ' ');
    t += "|    |" + cell + "|" + scopes + "|\n";
    t += "+----+--------------------------------+--------------+--------------+--------------+\n";
  }
  return t;
}

const std::string all_priority = "  Priority    |  Priority    |  Priority    ";
const std::string in_out_in = "  In scope    | Out of Scope |  In scope    ";

bool has_warning(const ImportResult& r, const std::string& text) {
  for (const auto& w : r.warnings)
    if (w.message.find(text) != std::string::npos) return true;
  return false;
}

std::vector<std::string> action_ids(const Practice& p) {
  std::vector<std::string> ids;
  for (const auto& a : p.actions) ids.push_back(a.id);
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_rst_import)

BOOST_AUTO_TEST_CASE(the_1_4_1_sources_equal_the_embedded_catalog, *utf::precondition(ReferencePresent())) {
  const Catalog& got = imported().catalog;
  const Catalog& want = default_catalog();
  BOOST_TEST(got.guide().version == "1.4.1");
  BOOST_TEST_REQUIRE(got.practices().size() == want.practices().size());
  for (std::size_t i = 0; i < got.practices().size(); ++i) {
    const Practice& g = got.practices()[i];
    const Practice& w = want.practices()[i];
    BOOST_TEST_CONTEXT(w.id) {
      BOOST_TEST(g.id == w.id);
      BOOST_TEST(g.title == w.title);
      BOOST_TEST((g.scopes == w.scopes));
      BOOST_TEST_REQUIRE(g.goals.size() == w.goals.size());
      for (std::size_t k = 0; k < g.goals.size(); ++k) BOOST_TEST((g.goals[k].maturity == w.goals[k].maturity));
      BOOST_TEST(action_ids(g) == action_ids(w));
      for (std::size_t k = 0; k < g.actions.size() && k < w.actions.size(); ++k) {
        BOOST_TEST((g.actions[k].levels == w.actions[k].levels));
        BOOST_TEST((g.actions[k].group == w.actions[k].group));
      }
      std::vector<std::string> gu, wu;
      for (const auto& t : g.tools) gu.push_back(t.url);
      for (const auto& t : w.tools) wu.push_back(t.url);
      BOOST_TEST(gu == wu);
      // Every link, where the guide gives it: introduction, goals, actions, learn more.
      BOOST_TEST((g.links == w.links));
      for (std::size_t k = 0; k < g.goals.size(); ++k) BOOST_TEST((g.goals[k].links == w.goals[k].links));
      for (std::size_t k = 0; k < g.actions.size() && k < w.actions.size(); ++k) BOOST_TEST_CONTEXT(w.actions[k].id) {
          BOOST_TEST((g.actions[k].links == w.actions[k].links));
        }
      // Paragraphs among the actions: each one kept, where the guide has it, with its links
      // (what it says and whether it obliges is the catalog's own wording and judgment).
      BOOST_TEST_REQUIRE(g.paragraphs.size() == w.paragraphs.size());
      for (std::size_t k = 0; k < g.paragraphs.size(); ++k) {
        BOOST_TEST_CONTEXT("paragraph " << k + 1) {
          BOOST_TEST(g.paragraphs[k].block == w.paragraphs[k].block);
          BOOST_TEST((g.paragraphs[k].group == w.paragraphs[k].group));
          BOOST_TEST(g.paragraphs[k].after == w.paragraphs[k].after);
          BOOST_TEST((g.paragraphs[k].links == w.paragraphs[k].links));
        }
      }
      // (a "learn more" item that is only an e-mail address is titled in electsec's words)
      std::vector<std::string> gl, wl;
      for (const auto& l : g.learn_more) gl.push_back(l.url);
      for (const auto& l : w.learn_more) wl.push_back(l.url);
      BOOST_TEST(gl == wl);
      BOOST_TEST((g.safeguards == w.safeguards));
      BOOST_TEST(g.handbook == w.handbook);
    }
  }
  BOOST_TEST_REQUIRE(got.maturity_statements().size() == 20u);
  for (std::size_t i = 0; i < 20; ++i) {
    BOOST_TEST(got.maturity_statements()[i].id == want.maturity_statements()[i].id);
    BOOST_TEST((got.maturity_statements()[i].level == want.maturity_statements()[i].level));
    BOOST_TEST((got.maturity_statements()[i].links == want.maturity_statements()[i].links));
  }
  BOOST_TEST((got.priorities() == want.priorities()));  // worksheets, election priorities, CDM
  BOOST_TEST_REQUIRE(got.handbook().size() == 88u);
  for (std::size_t i = 0; i < 88; ++i) BOOST_TEST((got.handbook()[i] == want.handbook()[i]));
  BOOST_TEST((got.acronyms() == want.acronyms()));
  BOOST_TEST_REQUIRE(got.glossary().size() == want.glossary().size());
  for (std::size_t i = 0; i < got.glossary().size(); ++i) {
    BOOST_TEST(got.glossary()[i].term == want.glossary()[i].term);
    BOOST_TEST((got.glossary()[i].links == want.glossary()[i].links));
  }
  // What the guide gets wrong is reported, not hidden.
  BOOST_TEST(has_warning(imported(), "Safeguard 4.2 is listed twice"));
  BOOST_TEST(has_warning(imported(), "Handbook 43: 'Software Updates' taken as 'patching_vuln_management'"));
}

// Read without the importer: every address a practice page of the guide links to (inline
// `text <url>`_ links and named targets) is somewhere in the embedded practice, so no link
// of the guide is lost, whatever part of the page it stands in.
BOOST_AUTO_TEST_CASE(no_address_of_a_practice_page_is_lost, *utf::precondition(ReferencePresent())) {
  std::size_t addresses = 0;
  for (const Practice& p : default_catalog().practices()) {
    std::set<std::string> have;
    for (const auto* list : {&p.links, &p.learn_more}) {
      for (const auto& l : *list) have.insert(l.url);
    }
    for (const auto& g : p.goals)
      for (const auto& l : g.links) have.insert(l.url);
    for (const auto& a : p.actions)
      for (const auto& l : a.links) have.insert(l.url);
    for (const auto& para : p.paragraphs)
      for (const auto& l : para.links) have.insert(l.url);
    for (const auto& t : p.tools) have.insert(t.url);
    std::ifstream in(guide_1_4_1 / "bp" / (p.id + ".rst"));
    BOOST_TEST_REQUIRE(in.good(), p.id);
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
      std::vector<std::string> urls;
      for (std::size_t at = line.find("<http"); at != std::string::npos; at = line.find("<http", at + 1)) {
        const auto end = line.find(">`", at);
        if (end != std::string::npos) urls.push_back(line.substr(at + 1, end - at - 1));
      }
      if (line.rfind(".. _", 0) == 0 && line.find(": http") != std::string::npos)
        urls.push_back(line.substr(line.find(": http") + 2));
      for (const auto& url : urls) {
        ++addresses;
        BOOST_TEST(have.count(url) == 1u, p.id << ".rst:" << number << ": " << url << " is not in the catalog");
      }
    }
  }
  BOOST_TEST(addresses > 150u);  // the pages were read
}

BOOST_AUTO_TEST_CASE(text_is_the_guides_own_with_markup_removed, *utf::precondition(ReferencePresent())) {
  const Catalog& c = imported().catalog;
  const Action& a = c.action("user_management.l1.organizational-recommendations.3");
  // The guide's words with :term: roles and **strong** markers removed (checked on a few
  // words only: the project stores none of the guide's sentences).
  BOOST_TEST(a.text.find("using salting and hashing functions") != std::string::npos, a.text);
  BOOST_TEST(a.text.find("and not with encryption") != std::string::npos, a.text);
  BOOST_TEST(a.text.find(":term:") == std::string::npos);
  BOOST_TEST(a.text.find("**") == std::string::npos);
  const Practice& um = c.practice("user_management");
  BOOST_TEST(um.goals[1].text == "Implement MFA wherever possible");
  BOOST_TEST(um.learn_more[0].title == "SP 800-63B Section 5.1.1.2");
  BOOST_TEST(c.action("user_management.l23.3").text.find("soc@cisecurity.org") != std::string::npos);
  BOOST_TEST(c.practice("asset_management").tools[0].url ==
             "https://www.cisecurity.org/white-papers/cis-hardware-and-software-asset-tracking-spreadsheet/");
  BOOST_TEST(c.handbook_practice(50).title.find("can’t be associated") != std::string::npos);
  BOOST_TEST(c.glossary_entry("salting").definition.rfind("A non-secret value", 0) == 0u);
  BOOST_TEST(c.maturity_levels()[0].description.rfind("The organization responds to threats", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_seed_practice_file_imports_on_its_own, *utf::precondition(ReferencePresent())) {
  BOOST_TEST_REQUIRE(fs::exists(seed_001));
  std::vector<ImportWarning> warnings;
  const Practice p = import_practice_rst(seed_001.string(), {}, warnings);
  const Practice& in_guide = imported().catalog.practice("physical_threats");
  BOOST_TEST(p.id == "001_971c1fed2368daf7");
  BOOST_TEST(p.title == "Addressing Physical Threats");
  BOOST_TEST(p.goals.size() == in_guide.goals.size());
  std::vector<std::string> a, b;
  for (const auto& x : p.actions) a.push_back(x.text);
  for (const auto& x : in_guide.actions) b.push_back(x.text);
  BOOST_TEST(a == b);
  BOOST_TEST(p.tools.size() == in_guide.tools.size());
  BOOST_TEST(p.learn_more.size() == in_guide.learn_more.size());
  BOOST_TEST(p.handbook.empty());
}

BOOST_AUTO_TEST_CASE(a_practice_without_maturity_split_has_block_all) {
  const auto root =
      write_guide("plain", {{"bp/alpha.rst", practice_rst("Alpha", "#. Do one.\n#. Do two,\n   over two lines.\n")},
                            {"bp/bp_index.rst", index_rst({{":doc:`Alpha <alpha>`", all_priority}})}});
  const ImportResult r = import_eges_rst(root.string());
  const Practice& p = r.catalog.practice("alpha");
  BOOST_TEST(action_ids(p) == (std::vector<std::string>{"alpha.all.1", "alpha.all.2"}));
  BOOST_TEST(p.actions[1].text == "Do two, over two lines.");
  BOOST_TEST(p.actions[0].levels.size() == 3u);
  BOOST_TEST(p.goals[0].maturity.has_value());
  BOOST_TEST(!p.goals[1].maturity.has_value());
  BOOST_TEST(p.summary == "Why it matters, briefly.");
  // Missing maturity pages are warnings naming the file.
  bool named = false;
  for (const auto& w : r.warnings) named = named || w.file == "maturity/maturities.rst";
  BOOST_TEST(named);
}

// Paragraphs among the actions, one variation per case: what is kept (block, the action it
// follows, text, links), what is left out, and what is warned about.
BOOST_AUTO_TEST_CASE(paragraphs_among_the_actions) {
  struct Expected {
    std::string block, after, text;
    std::size_t links;
  };
  const struct {
    const char* name;
    std::string actions;
    std::vector<Expected> paragraphs;
    const char* warning;
  } cases[] = {
      {"stock lead-ins are not paragraphs",
       "For |bp_title|, the necessary actions differ from one level to the next.\n\n#. Do one.\n",
       {},
       nullptr},
      {"a paragraph opening the block and one after an action",
       "Use a VPN always. To do so:\n\n#. Do one.\n#. Do two.\n\nSee `NIST <https://nist.example/>`_ too.\n",
       {{"all", "", "Use a VPN always. To do so:", 0}, {"all", "alpha.all.2", "See NIST too.", 1}},
       nullptr},
      {"a list under a paragraph belongs to it",
       "#. Do one.\n\nInclude at least:\n\n   * names\n   * places\n",
       {{"all", "alpha.all.1", "Include at least: - names - places", 0}},
       nullptr},
      {"an item's own continuation is not a paragraph",
       "#. Do one.\n\n   More about one.\n\n#. Do two.\n",
       {},
       nullptr},
      {"a note keeps its text; a figure's body is left out",
       "#. Do one.\n\n.. note:: Mind the law.\n   It applies here.\n\n.. figure:: a.png\n   :alt: a figure\n\n"
       "   Its caption.\n",
       {{"all", "alpha.all.1", "Mind the law. It applies here.", 0}},
       nullptr},
      {"a block quote after an item of its own",
       "#. Do one.\n\nFirst.\n\n#. Do two.\n\n      Quoted words.\n",
       {{"all", "alpha.all.1", "First.", 0}},
       nullptr},
      {"a table is left out with a warning",
       "#. Do one.\n\n+---+---+\n| a | b |\n+---+---+\n\nAfter the table.\n",
       {{"all", "alpha.all.1", "After the table.", 0}},
       "a table among the actions is left out"},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.name) {
      const auto root =
          write_guide("paragraphs", {{"bp/alpha.rst", practice_rst("Alpha", tc.actions)},
                                     {"bp/bp_index.rst", index_rst({{":doc:`Alpha <alpha>`", all_priority}})}});
      const ImportResult r = import_eges_rst(root.string());
      const Practice& p = r.catalog.practice("alpha");
      BOOST_TEST_REQUIRE(p.paragraphs.size() == tc.paragraphs.size());
      for (std::size_t i = 0; i < p.paragraphs.size(); ++i) {
        BOOST_TEST(p.paragraphs[i].block == tc.paragraphs[i].block);
        BOOST_TEST(p.paragraphs[i].after == tc.paragraphs[i].after);
        BOOST_TEST(p.paragraphs[i].text == tc.paragraphs[i].text);
        BOOST_TEST(p.paragraphs[i].links.size() == tc.paragraphs[i].links);
        BOOST_TEST((p.paragraphs[i].kind == ParagraphKind::context));
      }
      if (tc.warning) BOOST_TEST(has_warning(r, tc.warning));
    }
}

BOOST_AUTO_TEST_CASE(maturity_blocks_groups_and_any_underline) {
  // Heading levels follow the order underline styles first appear, whatever the
  // characters (Website Security underlines its maturity headings with backticks).
  const std::string body =
      "Intro.\n\n|Maturity1| Maturity\n````````````````````\n\nUser Steps\n^^^^^^^^^^\n\n#. U one.\n#. U two.\n\n"
      "Office Steps\n^^^^^^^^^^^^\n\n#. O one.\n\n|Maturity2| and |Maturity3| Maturities\n"
      "``````````````````````````````````````\n\n#. Later one.\n";
  const auto root = write_guide("split", {{"bp/beta.rst", practice_rst("Beta", body)},
                                          {"bp/bp_index.rst", index_rst({{":doc:`Beta <beta>`", in_out_in}})}});
  const ImportResult r = import_eges_rst(root.string());
  const Practice& p = r.catalog.practice("beta");
  BOOST_TEST(action_ids(p) == (std::vector<std::string>{"beta.l1.user-steps.1", "beta.l1.user-steps.2",
                                                        "beta.l1.office-steps.1", "beta.l23.1"}));
  BOOST_TEST(*p.actions[0].group == "User Steps");
  BOOST_TEST(p.actions[3].levels.size() == 2u);
  BOOST_TEST((p.scopes[1] == Scope::out_of_scope));
}

BOOST_AUTO_TEST_CASE(older_indexes_name_practices_by_title_over_several_lines) {
  std::string index = index_rst({{"Gamma Practice", all_priority}, {"Delta", in_out_in}});
  // A title cell that runs over two lines.
  index +=
      "|    | Long Named                     |  In scope    |  In scope    |  In scope    |\n"
      "|    | Practice                       |              |              |              |\n"
      "+----+--------------------------------+--------------+--------------+--------------+\n";
  const auto root = write_guide("by_title", {{"bp/gamma.rst", practice_rst("Gamma Practice", "#. G.\n")},
                                             {"bp/delta.rst", practice_rst("Delta", "#. D.\n")},
                                             {"bp/long.rst", practice_rst("Long Named Practice", "#. L.\n")},
                                             {"bp/bp_index.rst", index}});
  const ImportResult r = import_eges_rst(root.string());
  std::vector<std::string> ids;
  for (const auto& p : r.catalog.practices()) ids.push_back(p.id);
  BOOST_TEST(ids == (std::vector<std::string>{"gamma", "delta", "long"}));
  BOOST_TEST(r.catalog.practice("long").order == 3);
}

BOOST_AUTO_TEST_CASE(drafts_and_missing_files_are_warnings) {
  const auto root = write_guide(
      "drafts",
      {{"bp/alpha.rst", practice_rst("Alpha", "#. A.\n")},
       {"bp/draft.rst", practice_rst("Draft", "#. D.\n")},
       {"bp/bp_index.rst", index_rst({{":doc:`Alpha <alpha>`", all_priority}, {":doc:`Gone <gone>`", all_priority}})}});
  const ImportResult r = import_eges_rst(root.string());
  BOOST_TEST(r.catalog.practices().size() == 1u);
  BOOST_TEST(has_warning(r, "no row in the index (a draft?)"));
  BOOST_TEST(has_warning(r, "index row 'Gone' names no best-practice file"));
  BOOST_TEST(has_warning(r, "appendices/handbook_bp_mapping.rst") == false);  // the file warning names the file
  bool named = false;
  for (const auto& w : r.warnings) named = named || w.file == "appendices/handbook_bp_mapping.rst";
  BOOST_TEST(named);
}

BOOST_AUTO_TEST_CASE(no_index_keeps_file_order) {
  const auto root =
      write_guide("no_index", {{"bp/b.rst", practice_rst("B", "#. B.\n")}, {"bp/a.rst", practice_rst("A", "#. A.\n")}});
  const ImportResult r = import_eges_rst(root.string());
  BOOST_TEST(r.catalog.practices()[0].id == "a");
  BOOST_TEST(has_warning(r, "missing: practices keep file order"));
}

BOOST_AUTO_TEST_CASE(unknown_safeguards_and_duplicates_are_left_out_with_a_warning) {
  const auto root =
      write_guide("mappings", {{"bp/alpha.rst", practice_rst("Alpha", "#. A.\n",
                                                             "* 4.1 First (|Maturity2| maturity)\n* 99.1: Gone\n"
                                                             "* 4.1: Again\n* There are no other Controls.\n")},
                               {"bp/bp_index.rst", index_rst({{":doc:`Alpha <alpha>`", all_priority}})}});
  const ImportResult r = import_eges_rst(root.string());
  const Practice& p = r.catalog.practice("alpha");
  BOOST_TEST_REQUIRE(p.safeguards.size() == 1u);
  BOOST_TEST((p.safeguards[0].maturity == Maturity::level2));
  BOOST_TEST(has_warning(r, "Safeguard 99.1 is not a CIS Controls v8 Safeguard"));
  BOOST_TEST(has_warning(r, "Safeguard 4.1 is listed twice"));
}

BOOST_AUTO_TEST_CASE(substitutions_can_be_overridden) {
  const auto root = write_guide("subs", {{"bp/alpha.rst", practice_rst("Alpha", "#. Mail |eiisac_email|.\n")},
                                         {"bp/bp_index.rst", index_rst({{":doc:`Alpha <alpha>`", all_priority}})}});
  BOOST_TEST(import_eges_rst(root.string()).catalog.action("alpha.all.1").text == "Mail elections@cisecurity.org.");
  ImportOptions options;
  options.substitutions["eiisac_email"] = "help@example.org";
  BOOST_TEST(import_eges_rst(root.string(), options).catalog.action("alpha.all.1").text == "Mail help@example.org.");
}

// A warning with this kind, file and line whose message holds `text`.
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

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += x + " ";
  return out;
}

std::vector<std::string> ids_of(const Catalog& c) {
  std::vector<std::string> ids;
  for (const auto& p : c.practices()) ids.push_back(p.id);
  return ids;
}

struct Unusual {
  const char* name;
  std::map<std::string, std::string> files;
  ImportWarningKind kind;
  const char* file;
  std::size_t line;
  const char* message;
};

// What used to stop a whole release is a warning naming file, line and field now; the rest
// of the release imports.
BOOST_AUTO_TEST_CASE(unusual_pages_are_warnings_with_file_and_line) {
  const Unusual cases[] = {
      {"no title substitution: the first heading's",
       {{"bp/alpha.rst", "Alpha Steps\n-----------\n\nWhy.\n\nGoals\n*****\n\n#. A goal.\n"},
        {"bp/beta.rst", practice_rst("Beta", "#. B.\n")}},
       ImportWarningKind::inferred,
       "bp/alpha.rst",
       1,
       "no |bp_title| substitution"},
      {"unknown scope",
       {{"bp/alpha.rst", practice_rst("Alpha", "#. A.\n")},
        {"bp/beta.rst", practice_rst("Beta", "#. B.\n")},
        {"bp/bp_index.rst", index_rst({{":doc:`Alpha <alpha>`", "  Priority    |  Maybe       |  Priority    "},
                                       {":doc:`Beta <beta>`", all_priority}})}},
       ImportWarningKind::unreadable,
       "bp/bp_index.rst",
       7,
       "field Level 2 of 'alpha': unknown scope 'Maybe'"},
      {"broken table",
       {{"bp/alpha.rst", practice_rst("Alpha", "#. A.\n")},
        {"bp/beta.rst", practice_rst("Beta", "#. B.\n")},
        {"bp/bp_index.rst",
         "Index\n-----\n\n+----+---------------------+------+------+------+\n"
         "|    | Practice            | L1   | L2   | L3   |\n"
         "+====+=====================+======+======+======+\n"
         "|    | :doc:`A <alpha>`    | In   | In   | In   |\n"
         "|    |                     | scope| scope| scope|\n"
         "+----+---------------------+------+------+------+\n"
         "|    | :doc:`B <beta>`     | In   | In   | In   |\n"
         "|    |                     | scope| scope| scope|\n"
         "+----+---------------------+------+------+------+\n"
         "not a table line\n"}},
       ImportWarningKind::unreadable,
       "bp/bp_index.rst",
       13,
       "a grid table line must start with '|' or '+'"},
      {"a page that is not UTF-8",
       {{"bp/alpha.rst", practice_rst("Alpha", "#. A.\n") + "Bad \xff line.\n"},
        {"bp/beta.rst", practice_rst("Beta", "#. B.\n")}},
       ImportWarningKind::unreadable,
       "bp/alpha.rst",
       33,
       "not valid UTF-8"},
      {"a page with neither title nor heading",
       {{"bp/alpha.rst", "Just words.\n"}, {"bp/beta.rst", practice_rst("Beta", "#. B.\n")}},
       ImportWarningKind::unreadable,
       "bp/alpha.rst",
       1,
       "no |bp_title| substitution and no heading"},
      {"a file name that is not an id",
       {{"bp/Bad-Name.rst", practice_rst("Bad", "#. X.\n")}, {"bp/beta.rst", practice_rst("Beta", "#. B.\n")}},
       ImportWarningKind::unreadable,
       "bp/Bad-Name.rst",
       0,
       "id must use only a-z, 0-9 and '_'; the practice is left out"},
  };
  for (const auto& tc : cases) {
    BOOST_TEST_CONTEXT(tc.name) {
      const auto root = write_guide(std::string("unusual_") + std::to_string(&tc - cases), tc.files);
      const ImportResult r = import_eges_rst(root.string());
      BOOST_TEST(warned(r, tc.kind, tc.file, tc.line, tc.message), warnings_of(r));
      BOOST_TEST(r.catalog.find_action("beta.all.1") != nullptr);
    }
  }
  // The page's title, when it had to come from its heading.
  const auto root = write_guide("unusual_title", {{"bp/alpha.rst", "Alpha Steps\n-----------\n\nWhy.\n"}});
  BOOST_TEST(import_eges_rst(root.string()).catalog.practice("alpha").title == "Alpha Steps");
  // A folder whose only page cannot be read: that page's error.
  const auto lone = write_guide("unusual_lone", {{"bp/alpha.rst", "Title\n=====\n\nBad \xff line.\n"}});
  try {
    import_eges_rst(lone.string());
    BOOST_ERROR("imported");
  } catch (const ParseError& e) {
    BOOST_TEST(e.source() == "bp/alpha.rst");
    BOOST_TEST(e.line() == 4u);
  }
  BOOST_CHECK_THROW(import_eges_rst(test::temp_path("no-such-guide")), Error);
}

// Nine practice pages, so that the importer reads them on two threads: what each page
// gives (a catalog entry, warnings, or a warning that it is left out) is taken in file
// order however the threads share the pages, and the same import gives the same result
// every time. (Also run under ThreadSanitizer: tests/CMakeLists.txt.)
BOOST_AUTO_TEST_CASE(pages_read_on_two_threads_are_taken_in_file_order) {
  std::map<std::string, std::string> files;
  const std::vector<std::string> stems = {"a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9"};
  for (const auto& stem : stems) files["bp/" + stem + ".rst"] = practice_rst("Practice " + stem, "#. Do it.\n");
  files["bp/b2.rst"] = practice_rst("Practice b2", "#. Do it.\n", "* 99.1: Gone\n* 4.1: Here\n* 4.1: Again\n");
  files["bp/d4.rst"] = practice_rst("Practice d4", "#. Do it.\n") + "Bad \xff line.\n";  // not UTF-8
  files["bp/f6.rst"] = "Just words.\n";                                                  // not a practice
  files["bp/h8.rst"] = practice_rst("Practice h8", "#. Do it.\n", "* 98.7: Gone too\n");
  const auto root = write_guide("two_threads", files);
  fs::create_directories(root / "bp" / "e5x.rst");  // a folder named like a page
  const ImportResult first = import_eges_rst(root.string());
  std::vector<std::string> in_bp;  // "file:line: message" of the practice pages' warnings, in order
  for (const auto& w : first.warnings)
    if (w.file.rfind("bp/", 0) == 0 && w.file != "bp/bp_index.rst")
      in_bp.push_back(w.file + ":" + std::to_string(w.line) + ": " + w.message);
  const std::vector<std::string> expected_files = {"bp/b2.rst",  "bp/b2.rst", "bp/d4.rst",
                                                   "bp/e5x.rst", "bp/f6.rst", "bp/h8.rst"};
  BOOST_TEST_REQUIRE(in_bp.size() == expected_files.size(), warnings_of(first));
  for (std::size_t i = 0; i < in_bp.size(); ++i) BOOST_TEST(in_bp[i].rfind(expected_files[i] + ":", 0) == 0, in_bp[i]);
  BOOST_TEST(in_bp[0].find("Safeguard 99.1 is not a CIS Controls v8 Safeguard") != std::string::npos);
  BOOST_TEST(in_bp[1].find("Safeguard 4.1 is listed twice") != std::string::npos);
  BOOST_TEST(in_bp[2].find("not valid UTF-8") != std::string::npos);
  BOOST_TEST(in_bp[3].find("not a regular file") != std::string::npos);
  BOOST_TEST(in_bp[5].find("Safeguard 98.7") != std::string::npos);
  std::vector<std::string> ids;
  for (const auto& p : first.catalog.practices()) ids.push_back(p.id);
  BOOST_TEST((ids == std::vector<std::string>{"a1", "b2", "c3", "e5", "g7", "h8", "i9"}));
  for (int round = 0; round < 5; ++round) {
    const ImportResult again = import_eges_rst(root.string());
    BOOST_TEST((again.catalog.data() == first.catalog.data()));
    BOOST_TEST(warnings_of(again) == warnings_of(first));
  }
  // When no page can be read, the error is the first page's in file order.
  std::map<std::string, std::string> bad;
  for (const auto& stem : stems) bad["bp/" + stem + ".rst"] = "Title\n=====\n\n" + stem + " \xff\n";
  const auto unreadable = write_guide("two_threads_none", bad);
  for (int round = 0; round < 3; ++round) {
    try {
      import_eges_rst(unreadable.string());
      BOOST_ERROR("imported");
    } catch (const ParseError& e) {
      BOOST_TEST(e.source() == "bp/a1.rst");
      BOOST_TEST(e.line() == 4u);
    }
  }
}

// The index of an earlier release: a checkbox column, a header spanning the level
// columns, a column of notes, practices named by title (any case, "&" for "and", over two
// lines), one by a link to a file since renamed, one by :ref:, a grouping row, and a row
// naming a practice the release does not have.
BOOST_AUTO_TEST_CASE(an_older_index_grid_with_extra_columns_and_titles) {
  const std::string index =
      "Practices\n=========\n\n"
      "+---+----------------------------+------------------------------------------+--------+\n"
      "|   |                            |            Maturity Priorities           |        |\n"
      "| x | Best Practice              +--------------+-------------+-------------+ Notes  |\n"
      "|   |                            | Level 1      | Level 2     | Level 3     |        |\n"
      "+===+============================+==============+=============+=============+========+\n"
      "| Core practices                                                                     |\n"
      "+---+----------------------------+--------------+-------------+-------------+--------+\n"
      "|   | gamma practice             | Out of Scope | In Scope    | priority    | new    |\n"
      "+---+----------------------------+--------------+-------------+-------------+--------+\n"
      "|   | :doc:`Delta <old_delta>`   | Priority     | Priority    | Priority    |        |\n"
      "+---+----------------------------+--------------+-------------+-------------+--------+\n"
      "|   | Backups and                | In scope     | In scope    | In scope    |        |\n"
      "|   | Recovery                   |              |             |             |        |\n"
      "+---+----------------------------+--------------+-------------+-------------+--------+\n"
      "|   | :ref:`Eps <eps-label>`     | In scope     | Not in scope| In scope    |        |\n"
      "+---+----------------------------+--------------+-------------+-------------+--------+\n"
      "|   | Dropped Practice           | In scope     | In scope    | In scope    |        |\n"
      "+---+----------------------------+--------------+-------------+-------------+--------+\n";
  const auto root =
      write_guide("older_index", {{"bp/gamma.rst", practice_rst("Gamma Practice", "#. G.\n")},
                                  {"bp/delta.rst", practice_rst("Delta", "#. D.\n")},
                                  {"bp/backups.rst", practice_rst("Backups & Recovery", "#. B.\n")},
                                  {"bp/eps.rst", ".. _eps-label:\n\n" + practice_rst("Epsilon", "#. E.\n")},
                                  {"bp/bp_index.rst", index}});
  const ImportResult r = import_eges_rst(root.string());
  BOOST_TEST(ids_of(r.catalog) == (std::vector<std::string>{"gamma", "delta", "backups", "eps"}),
             joined(ids_of(r.catalog)) << warnings_of(r));
  const auto& gamma = r.catalog.practice("gamma");
  BOOST_TEST((gamma.scopes == std::array<Scope, 3>{Scope::out_of_scope, Scope::in_scope, Scope::priority}));
  BOOST_TEST((r.catalog.practice("eps").scopes[1] == Scope::out_of_scope));
  BOOST_TEST(warned(r, ImportWarningKind::inferred, "bp/bp_index.rst", 13, "links to a file that does not exist"),
             warnings_of(r));
  BOOST_TEST(warned(r, ImportWarningKind::unresolved, "bp/bp_index.rst", 20, "index row 'Dropped Practice'"),
             warnings_of(r));
}

// An index as a simple table whose header names no levels: the scope columns are found by
// their cells, the practice column is the one of text.
BOOST_AUTO_TEST_CASE(an_index_as_a_simple_table_found_by_its_cells) {
  const std::string index =
      "Practices\n=========\n\n"
      "======  ==============  ========  ========  ============\n"
      "Order   Name            One       Two       Three\n"
      "======  ==============  ========  ========  ============\n"
      "1       Delta           Priority  Priority  In scope\n"
      "2       Gamma Practice  In scope  In scope  Out of Scope\n"
      "======  ==============  ========  ========  ============\n";
  const auto root = write_guide("simple_index", {{"bp/gamma.rst", practice_rst("Gamma Practice", "#. G.\n")},
                                                 {"bp/delta.rst", practice_rst("Delta", "#. D.\n")},
                                                 {"bp/bp_index.rst", index}});
  const ImportResult r = import_eges_rst(root.string());
  BOOST_TEST(ids_of(r.catalog) == (std::vector<std::string>{"delta", "gamma"}), warnings_of(r));
  BOOST_TEST((r.catalog.practice("gamma").scopes[2] == Scope::out_of_scope));
  // Without a table of practices at all: file order, with a warning.
  const auto none = write_guide("no_table_index", {{"bp/gamma.rst", practice_rst("Gamma Practice", "#. G.\n")},
                                                   {"bp/bp_index.rst", "Practices\n=========\n\nSoon.\n"}});
  const ImportResult n = import_eges_rst(none.string());
  BOOST_TEST(warned(n, ImportWarningKind::missing, "bp/bp_index.rst", 0, "no table of best practices"));
  BOOST_TEST(n.catalog.practices().size() == 1u);
}

// Headings and tags that write levels out instead of |MaturityN|, and substitutions a
// release defines in conf.py or in a file its pages include.
BOOST_AUTO_TEST_CASE(levels_written_out_and_substitutions_from_elsewhere) {
  const std::string body =
      "Level 1\n~~~~~~~\n\n#. One.\n\nLevels 2 and 3\n~~~~~~~~~~~~~~\n\n#. Two, three.\n\n"
      "All Maturities\n~~~~~~~~~~~~~~\n\n#. Every |org|.\n";
  std::string page = practice_rst("Zeta", body, "* 4.1: A title (Level 2)\n* 5.1: Another (Level 3 maturity)\n");
  page = ".. include:: /subs.rst\n\n" + page;
  const auto root = write_guide(
      "written_out", {{"bp/zeta.rst", page},
                      {"subs.rst", ".. |org| replace:: office\n"},
                      {"conf.py", "rst_prolog = \"\"\"\n.. |eiisac_email| replace:: desk@example.org\n\"\"\"\n"},
                      {"bp/eta.rst", practice_rst("Eta", "#. Mail |eiisac_email|.\n")},
                      {"maturity/maturities.rst",
                       "Levels\n======\n\n#. Level 1: Starting.\n#. Level 2: Growing.\n"
                       "#. Level 3: Leading.\n"}});
  const ImportResult r = import_eges_rst(root.string());
  const Practice& z = r.catalog.practice("zeta");
  BOOST_TEST(action_ids(z) == (std::vector<std::string>{"zeta.l1.1", "zeta.l23.1", "zeta.all.1"}), warnings_of(r));
  BOOST_TEST(z.actions[2].text == "Every office.");
  BOOST_TEST((z.safeguards[0].maturity == Maturity::level2));
  BOOST_TEST((z.safeguards[1].maturity == Maturity::level3));
  BOOST_TEST((z.goals[0].maturity == Maturity::level1));
  BOOST_TEST(r.catalog.action("eta.all.1").text == "Mail desk@example.org.");
  BOOST_TEST(r.catalog.maturity_levels()[1].description == "Growing.");
  // An include beside the page ("../"), and one whose bytes are not UTF-8: its values are
  // not taken, the page still is.
  const auto other = write_guide("includes", {{"bp/theta.rst", ".. include:: ../more.rst\n.. include:: ../bad.rst\n\n" +
                                                                   practice_rst("Theta", "#. Ask |who| and |bad|.\n")},
                                              {"more.rst", ".. |who| replace:: the clerk\n"},
                                              {"bad.rst", ".. |bad| replace:: \xff\n"}});
  const ImportResult o = import_eges_rst(other.string());
  BOOST_TEST(o.catalog.action("theta.all.1").text == "Ask the clerk and |bad|.");
}

// Priority pages laid out otherwise: a CDM ranking as a grid table naming practices by
// link and by title, election priorities by title, worksheets in a simple table; and a
// Handbook appendix naming a practice the release dropped.
BOOST_AUTO_TEST_CASE(priority_pages_in_other_layouts) {
  const std::string l23 =
      "Ranking\n=======\n\n"
      "+------+-----------+---------------------------+\n"
      "| Rank | Safeguard | Essential Guide Practice  |\n"
      "+======+===========+===========================+\n"
      "| 1    | 4.1       | :doc:`Delta <../bp/delta>`|\n"
      "+------+-----------+---------------------------+\n"
      "| 2    | 5.3       | Gamma Practice            |\n"
      "+------+-----------+---------------------------+\n"
      "| 3    | 99.9      | Gamma Practice            |\n"
      "+------+-----------+---------------------------+\n";
  const std::string l1 =
      "Level 1\n=======\n\n"
      ".. _l1-delta:\n\n"
      "Worksheets\n----------\n\n"
      "===================  =============================================\n"
      "Worksheet            Actions\n"
      "===================  =============================================\n"
      "Hardware Inventory   All actions of :ref:`Delta <delta-all>`\n"
      "===================  =============================================\n\n"
      "Election Priorities\n-------------------\n\n#. Start with Gamma Practice today.\n#. :doc:`../bp/delta`\n";
  const std::string handbook =
      "Handbook\n========\n\n"
      "+----+------------------+-------------------------+\n"
      "| #  | Title            | Essential Guide         |\n"
      "+====+==================+=========================+\n"
      "| 1  | First            | Delta                   |\n"
      "+----+------------------+-------------------------+\n"
      "| 2  | Second           | * Gamma Practice        |\n"
      "|    |                  | * Delta                 |\n"
      "+----+------------------+-------------------------+\n"
      "| 3  | Third            | Gone Practice           |\n"
      "+----+------------------+-------------------------+\n";
  const auto root = write_guide(
      "priority_layouts", {{"bp/gamma.rst", practice_rst("Gamma Practice", "#. G.\n")},
                           {"bp/delta.rst", ".. _delta-all:\n\n" + practice_rst("Delta", "#. D one.\n#. D two.\n")},
                           {"bp/bp_index.rst", index_rst({{"Delta", all_priority}, {"Gamma Practice", in_out_in}})},
                           {"maturity/maturity_bp_mapping_L2_L3.rst", l23},
                           {"maturity/maturity_bp_mapping_L1.rst", l1},
                           {"appendices/handbook_bp_mapping.rst", handbook}});
  const ImportResult r = import_eges_rst(root.string());
  const Priorities& pr = r.catalog.priorities();
  BOOST_TEST_REQUIRE(pr.cdm_ranking.size() == 2u, warnings_of(r));
  BOOST_TEST(pr.cdm_ranking[0].practice == "delta");
  BOOST_TEST(pr.cdm_ranking[1].practice == "gamma");
  BOOST_TEST(warned(r, ImportWarningKind::unresolved, "maturity/maturity_bp_mapping_L2_L3.rst", 11, "Safeguard 99.9"));
  BOOST_TEST(pr.level1_election == (std::vector<std::string>{"gamma", "delta"}), warnings_of(r));
  BOOST_TEST(warned(r, ImportWarningKind::inferred, "maturity/maturity_bp_mapping_L1.rst", 18, "taken as 'gamma'"));
  BOOST_TEST_REQUIRE(pr.level1_baseline.size() == 1u);
  BOOST_TEST(pr.level1_baseline[0].actions == (std::vector<std::string>{"delta.all.1", "delta.all.2"}));
  BOOST_TEST(r.catalog.handbook_practice(2).practices == (std::vector<std::string>{"gamma", "delta"}));
  BOOST_TEST(r.catalog.handbook_practice(3).practices.empty());
  BOOST_TEST(warned(r, ImportWarningKind::unresolved, "appendices/handbook_bp_mapping.rst", 12,
                    "no practice named 'Gone Practice'"),
             warnings_of(r));
  // Missing priority pages are warnings of kind missing, naming the file.
  const auto bare = write_guide("priority_missing", {{"bp/gamma.rst", practice_rst("Gamma Practice", "#. G.\n")}});
  const ImportResult b = import_eges_rst(bare.string());
  BOOST_TEST(warned(b, ImportWarningKind::missing, "maturity/maturity_bp_mapping_L1.rst", 0, "missing"));
  BOOST_TEST(warned(b, ImportWarningKind::missing, "maturity/maturity_bp_mapping_L2_L3.rst", 0, "missing"));
}

BOOST_AUTO_TEST_SUITE_END()  // test_rst_import
