#include <electsec/assessment_json.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/results_json.hpp>
#include <electsec/rst_import.hpp>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

#include <filesystem>
#include <functional>
#include <set>

#include <fstream>
#include <sstream>

using namespace electsec;

namespace {

using Ids = std::vector<std::string>;

Practice& practice(CatalogData& d, const std::string& id) {
  for (auto& p : d.practices)
    if (p.id == id) return p;
  throw std::logic_error(id);
}

// The sample catalog's next "release": every kind of change once.
Catalog next_release() {
  CatalogData d = test::sample_data();
  d.guide.version = "0.0.2";
  Practice& alpha = practice(d, "alpha");
  alpha.title = "Alpha Practice, Revised";
  alpha.scopes[2] = Scope::priority;
  alpha.actions.pop_back();                             // alpha.l23.1 removed
  alpha.actions[0].text = "Do the thing differently.";  // changed
  alpha.actions.push_back({"alpha.l23.1", {Maturity::level2, Maturity::level3}, std::nullopt, "A new step.", {}});
  alpha.actions.back().id = "alpha.l3.1";  // added
  alpha.actions.back().levels = {Maturity::level3};
  alpha.tools.push_back({"New Tool", "https://example.org/new", "new"});
  alpha.safeguards[0].maturity = Maturity::level2;        // 4.1 retagged
  alpha.safeguards.erase(alpha.safeguards.begin() + 1);   // 5.2 removed
  alpha.safeguards.push_back({"6.3", Maturity::level1});  // added
  alpha.handbook = {2};
  alpha.links.push_back({"Intro", "https://example.org/intro"});  // introduction's links changed
  alpha.paragraphs.push_back({"l1", std::nullopt, "", ParagraphKind::instruction, "Do it all.", {}});
  d.practices.erase(
      std::find_if(d.practices.begin(), d.practices.end(), [](const Practice& p) { return p.id == "beta"; }));
  d.handbook[1].practices = {"alpha"};
  d.guidance.recommendations.clear();
  Practice gamma;
  gamma.id = "gamma";
  gamma.title = "Gamma";
  gamma.order = 3;
  gamma.scopes = {Scope::in_scope, Scope::in_scope, Scope::in_scope};
  d.practices.push_back(gamma);
  d.priorities.cdm_ranking.clear();
  return CatalogBuilder(d).build();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_diff)

BOOST_AUTO_TEST_CASE(no_change_is_an_empty_diff) { BOOST_TEST(diff(default_catalog(), default_catalog()).empty()); }

// A paragraph alone, an action's link alone or an introduction's link alone is a change,
// and each is named as such.
BOOST_AUTO_TEST_CASE(paragraphs_and_links_alone_are_changes) {
  const struct {
    const char* name;
    std::function<void(CatalogData&)> change;
    bool paragraphs, links;
    Ids actions;
  } cases[] = {
      {"paragraph",
       [](CatalogData& d) {
         practice(d, "alpha").paragraphs.push_back({"l23", std::nullopt, "", ParagraphKind::context, "x", {}});
       },
       true,
       false,
       {}},
      {"action link",
       [](CatalogData& d) {
         practice(d, "alpha").actions[0].links.push_back({"A", "https://example.org/a"});
       },
       false, false, Ids{"alpha.l1.user-recommendations.1"}},
      {"introduction link",
       [](CatalogData& d) {
         practice(d, "alpha").links.push_back({"A", "https://example.org/a"});
       },
       false,
       true,
       {}},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.name) {
      CatalogData d = test::sample_data();
      tc.change(d);
      const CatalogDiff got = diff(test::sample_catalog(), CatalogBuilder(d).build());
      BOOST_TEST_REQUIRE(got.changed.size() == 1u);
      BOOST_TEST(got.changed[0].paragraphs_changed == tc.paragraphs);
      BOOST_TEST(got.changed[0].links_changed == tc.links);
      BOOST_TEST(got.changed[0].actions_changed == tc.actions);
    }
}

BOOST_AUTO_TEST_CASE(every_kind_of_change_is_named) {
  const CatalogDiff d = diff(test::sample_catalog(), next_release());
  BOOST_TEST(d.added == Ids{"gamma"});
  BOOST_TEST(d.removed == Ids{"beta"});
  BOOST_TEST_REQUIRE(d.changed.size() == 1u);
  const PracticeChange& c = d.changed[0];
  BOOST_TEST(c.id == "alpha");
  BOOST_TEST(c.title->second == "Alpha Practice, Revised");
  BOOST_TEST((c.scopes->second[2] == Scope::priority));
  BOOST_TEST(!c.goals_changed);
  BOOST_TEST(c.links_changed);
  BOOST_TEST(c.paragraphs_changed);
  BOOST_TEST(c.actions_added == Ids{"alpha.l3.1"});
  BOOST_TEST(c.actions_removed == Ids{"alpha.l23.1"});
  BOOST_TEST(c.actions_changed.empty());  // its text alone changed: wording
  BOOST_TEST(c.actions_reworded == Ids{"alpha.l1.user-recommendations.1"});
  BOOST_TEST(c.tools_added == Ids{"New Tool"});
  BOOST_TEST(c.tools_removed.empty());
  BOOST_TEST(c.safeguards_added == Ids{"6.3"});
  BOOST_TEST(c.safeguards_removed == Ids{"5.2"});
  BOOST_TEST(c.safeguards_retagged == Ids{"4.1"});
  BOOST_TEST(c.handbook_removed == std::vector<int>{1});
  BOOST_TEST(c.handbook_added.empty());
}

// Facts apart from wording, one change per case: each is named with its nature and its old
// and new values, and only wording leaves the facts the same.
BOOST_AUTO_TEST_CASE(facts_apart_from_wording_with_old_and_new_values) {
  const struct {
    const char* name;
    std::function<void(CatalogData&)> change;
    std::string subject, field;
    ChangeNature nature;
    std::string old_value, new_value;
    bool in_practice;
  } cases[] = {
      {"an action's text", [](CatalogData& d) { practice(d, "alpha").actions[0].text = "Reworded."; },
       "alpha.l1.user-recommendations.1", "text", ChangeNature::wording, "", "Reworded.", true},
      {"an action's levels",
       [](CatalogData& d) {
         auto& a = practice(d, "alpha").actions;
         a.erase(std::remove_if(a.begin(), a.end(), [](const Action& x) { return x.id == "alpha.l23.1"; }), a.end());
         a.push_back({"alpha.l3.1", {Maturity::level3}, std::nullopt, "Later.", {}});
       },
       "alpha.l3.1", "action", ChangeNature::fact, "", "Later.", true},
      {"a summary", [](CatalogData& d) { practice(d, "alpha").summary = "In other words."; }, "alpha", "summary",
       ChangeNature::wording, "", "In other words.", true},
      {"a goal's tag", [](CatalogData& d) { practice(d, "alpha").goals[0].maturity = Maturity::level3; },
       "alpha.goal.1", "maturity", ChangeNature::fact, "", "3", true},
      {"a scope", [](CatalogData& d) { practice(d, "alpha").scopes[0] = Scope::out_of_scope; }, "alpha", "scopes",
       ChangeNature::fact, "", "out_of_scope, ", true},
      {"a statement's text", [](CatalogData& d) { d.maturity_statements[0].text = "Put otherwise."; }, "l1.1", "text",
       ChangeNature::wording, "a level one trait", "Put otherwise.", false},
      {"the election priorities", [](CatalogData& d) { d.priorities.level1_election.clear(); }, "priorities",
       "level1_election", ChangeNature::fact, "alpha", "", false},
      {"a practice renamed",
       [](CatalogData& d) {
         practice(d, "beta").id = "beta_renamed";
         for (auto& a : practice(d, "beta_renamed").actions) a.id.replace(0, 4, "beta_renamed");
         for (auto& g : practice(d, "beta_renamed").goals) g.id.replace(0, 4, "beta_renamed");
         for (auto& p : d.practices)
           for (auto& para : p.paragraphs)
             if (para.after.rfind("beta.", 0) == 0) para.after.replace(0, 4, "beta_renamed");
         for (auto& h : d.handbook)
           for (auto& x : h.practices)
             if (x == "beta") x = "beta_renamed";
         for (auto& w : d.priorities.level1_baseline)
           for (auto& a : w.actions)
             if (a.rfind("beta.", 0) == 0) a.replace(0, 4, "beta_renamed");
         for (auto& c : d.priorities.cdm_ranking)
           if (c.practice == "beta") c.practice = "beta_renamed";
         for (auto& x : d.priorities.level1_election)
           if (x == "beta") x = "beta_renamed";
         d.guidance.recommendations.clear();
       },
       "practice beta", "id (same title)", ChangeNature::fact, "beta", "beta_renamed", false},
      {"a glossary definition", [](CatalogData& d) { d.glossary[0].definition = "owned by an office"; },
       "glossary Asset", "definition", ChangeNature::wording, "something an office owns", "owned by an office", false},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.name) {
      CatalogData d = test::sample_data();
      tc.change(d);
      const CatalogDiff got = diff(test::sample_catalog(), CatalogBuilder(d).build());
      std::vector<FieldChange> all = got.changes;
      for (const auto& c : got.changed) all.insert(all.end(), c.changes.begin(), c.changes.end());
      const auto it = std::find_if(
          all.begin(), all.end(), [&](const FieldChange& c) { return c.subject == tc.subject && c.field == tc.field; });
      BOOST_TEST_REQUIRE((it != all.end()));
      BOOST_TEST((it->nature == tc.nature));
      // Values: given in full, or (for brevity here) as a prefix.
      BOOST_TEST(it->old_value.rfind(tc.old_value, 0) == 0u, it->old_value);
      BOOST_TEST(it->new_value.rfind(tc.new_value, 0) == 0u, it->new_value);
      BOOST_TEST(got.same_facts() == (tc.nature == ChangeNature::wording));
      BOOST_TEST(got.changed.empty() == !tc.in_practice);
      // The JSON gives the same change with both values.
      const auto doc = nlohmann::json::parse(to_json(got));
      BOOST_TEST(doc["same_facts"] == got.same_facts());
      const auto& list = tc.in_practice ? doc["changed"][0]["changes"] : doc["changes"];
      bool found = false;
      for (const auto& c : list)
        found = found || (c["subject"] == tc.subject && c["field"] == tc.field && c["old"] == it->old_value &&
                          c["new"] == it->new_value && c["nature"] == std::string(to_string(tc.nature)));
      BOOST_TEST(found, list.dump());
    }
}

struct PrimerCase {
  const char* name;
  std::function<void(Primer&)> change;
  const char* subject;
  const char* field;  // nullptr: nothing differs
  ChangeNature nature;
};

// The primer's facts apart from its wording, on the embedded catalog.
BOOST_AUTO_TEST_CASE(the_primer_facts_apart_from_wording) {
  const auto component = [](Primer& p, const std::string& id) -> SystemComponent& {
    for (auto& c : p.components)
      if (c.id == id) return c;
    throw std::logic_error(id);
  };
  const PrimerCase cases[] = {
      {"a component removed",
       [&](Primer& p) {
         p.components.erase(std::find_if(p.components.begin(), p.components.end(),
                                         [](const SystemComponent& c) { return c.id == "enr"; }));
       },
       "system enr", "component", ChangeNature::fact},
      {"a component's risks", [&](Primer& p) { component(p, "ems").risks.pop_back(); }, "system ems", "risks",
       ChangeNature::fact},
      {"a connection row no longer occurs", [&](Primer& p) { component(p, "pollbooks").connections[2].occurs = false; },
       "system pollbooks", "connections", ChangeNature::fact},
      {"a variety's class",
       [&](Primer& p) { component(p, "vote_capture").variants[1].connectedness = Connectedness::network; },
       "system vote_capture", "variants", ChangeNature::fact},
      {"a component's title", [&](Primer& p) { component(p, "ems").title = "Back Office"; }, "system ems", "title",
       ChangeNature::fact},
      {"a class's title", [&](Primer& p) { p.classes[1].title = "Carried data"; }, "connectedness class indirect",
       "title", ChangeNature::fact},
      {"a component's summary", [&](Primer& p) { component(p, "ems").summary = "Put otherwise."; }, "system ems",
       "summary", ChangeNature::wording},
      {"a connection row's text", [&](Primer& p) { component(p, "ems").connections[0].text = "Otherwise."; },
       "system ems", "connection texts", ChangeNature::wording},
      {"a class's examples", [&](Primer& p) { p.classes[3].examples.pop_back(); }, "connectedness class transmission",
       "examples", ChangeNature::wording},
      {"a risk's title", [&](Primer& p) { p.risks[0].title = "Online"; }, "system risk internet_connectivity", "title",
       ChangeNature::wording},
      {"a label in another case", [&](Primer& p) { p.classes[0].label = "NETWORK CONNECTED"; }, "", nullptr,
       ChangeNature::fact},
  };
  for (const auto& tc : cases) BOOST_TEST_CONTEXT(tc.name) {
      CatalogData d = default_catalog().data();
      tc.change(d.primer);
      // electsec's links name only what is still there (they are not compared: not the guide's).
      std::set<std::string> subjects;
      for (const auto& c : d.primer.components) subjects.insert(c.id);
      for (const auto& r : d.primer.risks) subjects.insert(r.id);
      for (const auto c : all_connectedness) subjects.insert(std::string(to_string(c)));
      d.system_links.erase(std::remove_if(d.system_links.begin(), d.system_links.end(),
                                          [&](const SystemLink& l) { return !subjects.count(l.subject); }),
                           d.system_links.end());
      const CatalogDiff got = diff(default_catalog(), CatalogBuilder(d).build());
      const auto it = std::find_if(got.changes.begin(), got.changes.end(), [&](const FieldChange& c) {
        return tc.field != nullptr && c.subject == tc.subject && c.field == tc.field;
      });
      if (tc.field == nullptr) {
        BOOST_TEST(got.empty());
        continue;
      }
      BOOST_TEST_REQUIRE((it != got.changes.end()));
      BOOST_TEST((it->nature == tc.nature));
      BOOST_TEST(it->old_value != it->new_value);
      BOOST_TEST(got.same_facts() == (tc.nature == ChangeNature::wording));
    }
}

// The guide's own 1.4.1 sources and the embedded catalog differ in wording only, the
// primer included.
BOOST_AUTO_TEST_CASE(the_1_4_1_sources_and_the_embedded_primer_share_their_facts) {
  const std::string guide = test::reference_path("eges-1.4.1");
  if (!std::filesystem::is_directory(guide)) return;  // the shared sources are not there
  const CatalogDiff d = diff(default_catalog(), import_eges_rst(guide).catalog);
  std::string facts;
  for (const auto& c : d.changes)
    if (c.nature == ChangeNature::fact) facts += c.subject + " " + c.field + "; ";
  BOOST_TEST(d.same_facts(), facts);
  BOOST_TEST(std::any_of(d.changes.begin(), d.changes.end(),
                         [](const FieldChange& c) { return c.subject == "system ems" && c.field == "summary"; }));
}

BOOST_AUTO_TEST_CASE(migrate_keeps_what_exists_and_retires_the_rest) {
  const Catalog& old_catalog = test::sample_catalog();
  Assessment a;
  a.jurisdiction = {"x", "X", "XX", JurisdictionKind::county};
  a.catalog_version = "0.0.1";
  a.set(old_catalog, "alpha.l1.user-recommendations.1", Status::done, "kept");
  a.set(old_catalog, "alpha.l23.1", Status::in_progress, "goes");
  a.set(old_catalog, "beta.all.1", Status::done);
  a.answers["l1.1"] = true;
  const Catalog target = next_release();
  const Migration m = migrate(a, target);
  BOOST_TEST(m.kept == Ids{"alpha.l1.user-recommendations.1"});
  BOOST_TEST(m.retired == (Ids{"alpha.l23.1", "beta.all.1"}));
  BOOST_TEST(m.assessment.catalog_version == "0.0.2");
  BOOST_TEST(m.assessment.statuses.at("alpha.l1.user-recommendations.1").note == "kept");
  BOOST_TEST(m.assessment.retired.at("alpha.l23.1").note == "goes");
  BOOST_TEST(m.assessment.answers.at("l1.1"));
  // The migrated file loads against the new release, retired section and all, and
  // migrating back brings the retired statuses home.
  const Assessment reloaded = parse_assessment(to_json(m.assessment), target);
  BOOST_TEST((reloaded == m.assessment));
  const Migration back = migrate(reloaded, old_catalog);
  BOOST_TEST(back.assessment.statuses.size() == 3u);
  BOOST_TEST(back.assessment.retired.empty());
}

BOOST_AUTO_TEST_CASE(cli_diff_and_migrate) {
  const std::string old_file = test::temp_path("old_catalog.json");
  const std::string new_file = test::temp_path("new_catalog.json");
  std::ofstream(old_file) << to_json(test::sample_catalog());
  std::ofstream(new_file) << to_json(next_release());
  const auto run = [](std::vector<std::string> args) {
    std::istringstream in;
    std::ostringstream out, err;
    const int code = run_cli(args, in, out, err, false);
    return std::make_tuple(code, out.str(), err.str());
  };
  auto [code, out, err] = run({"diff", old_file, new_file});
  BOOST_TEST(code == 0, err);
  BOOST_TEST(out.find("From 0.0.1 to 0.0.2") == 0u, out);
  BOOST_TEST(out.find("Added practices: gamma") != std::string::npos);
  BOOST_TEST(out.find("  Safeguards with another level: 4.1") != std::string::npos);
  std::tie(code, out, err) = run({"diff", old_file, new_file, "--format", "json"});
  const auto doc = nlohmann::json::parse(out);
  BOOST_TEST(doc["removed"][0] == "beta");
  BOOST_TEST(doc["changed"][0]["title"]["new"] == "Alpha Practice, Revised");
  std::tie(code, out, err) = run({"diff", old_file, new_file, "--format", "markdown"});
  BOOST_TEST(out.find("## alpha\n\n- title: Alpha Practice -> Alpha Practice, Revised") != std::string::npos, out);
  {
    CatalogData d = test::sample_data();
    practice(d, "alpha").actions[0].text = "Reworded.";
    const std::string reworded = test::temp_path("reworded_catalog.json");
    std::ofstream(reworded) << to_json(CatalogBuilder(d).build());
    std::tie(code, out, err) = run({"diff", old_file, reworded});
    BOOST_TEST(out ==
                   "From 0.0.1 to 0.0.1\n\nFacts: no differences (ids, titles, levels, scopes, mappings, counts).\n"
                   "Wording differs: 0 summaries, 0 goals, 1 actions, 0 paragraphs, 0 other texts (--wording lists "
                   "them; --format json gives old and new).\n",
               out);
    std::tie(code, out, err) = run({"diff", old_file, reworded, "--wording"});
    BOOST_TEST(out.find("  actions reworded: alpha.l1.user-recommendations.1\n") != std::string::npos, out);
  }
  std::tie(code, out, err) = run({"diff", "default", "default"});
  BOOST_TEST(out.find("No differences.") != std::string::npos);
  BOOST_TEST(std::get<0>(run({"diff", "default"})) == 2);
  BOOST_TEST(std::get<0>(run({"diff", "default", "/nonexistent.json"})) == 1);

  const std::string office = test::temp_path("migrating.json");
  Assessment a;
  a.jurisdiction = {"x", "X", "XX", JurisdictionKind::county};
  a.catalog_version = "0.0.1";
  a.set(test::sample_catalog(), "alpha.l23.1", Status::done);
  a.set(test::sample_catalog(), "alpha.l1.user-recommendations.2", Status::done);
  save_assessment(a, office, test::sample_catalog());
  std::tie(code, out, err) = run({"assess", "migrate", office, "--to", new_file});
  BOOST_TEST(code == 0, err);
  BOOST_TEST(out == office +
                        ": from 0.0.1 to 0.0.2: kept 1 statuses, retired 1 (kept in the file's \"retired\" section):\n"
                        "  alpha.l23.1\n");
  const Assessment migrated = load_assessment(office, next_release());
  BOOST_TEST(migrated.retired.count("alpha.l23.1") == 1u);
  BOOST_TEST(std::get<0>(run({"assess", "migrate", office})) == 2);
}

BOOST_AUTO_TEST_SUITE_END()  // test_diff
