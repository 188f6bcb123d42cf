// The election-infrastructure primer as data: its facts against the guide's pages, the rules
// the builder enforces, its JSON form, and the `systems` and `system` commands.
#include <electsec/catalog_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/search.hpp>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "support.hpp"

#include <functional>
#include <sstream>

using namespace electsec;
namespace bdata = boost::unit_test::data;

namespace {

using test::Run;
using test::run;

// One row per system: what the guide's page says, as facts (ei_primer/*.rst, 1.4.1).
struct SystemFacts {
  const char* id;
  const char* title;
  const char* page;
  std::vector<std::string> risks;
  std::string occurs;  // network, indirect, none, transmission: y or n
  std::size_t variants;
};

std::ostream& operator<<(std::ostream& os, const SystemFacts& f) { return os << f.id; }

const std::vector<SystemFacts> guide_facts{
    {"voter_registration",
     "Voter Registration",
     "ei_primer/voter_reg",
     {"internet_connectivity", "internal_connections", "cots_weaknesses", "access_control", "undetected_changes",
      "backup_and_audit", "misconfiguration"},
     "ynyy",
     2},
    {"pollbooks",
     "Pollbooks",
     "ei_primer/pollbooks",
     {"internet_connectivity", "internal_connections", "cots_weaknesses", "dedicated_weaknesses", "access_control",
      "undetected_changes"},
     "yyyy",
     0},
    {"ems",
     "State and Local Election Management Systems",
     "ei_primer/ems",
     {"internal_connections", "cots_weaknesses", "dedicated_weaknesses", "access_control", "undetected_changes",
      "backup_and_audit"},
     "yynn",
     0},
    {"vote_capture",
     "Vote Capture",
     "ei_primer/vote_capture",
     {"network_connectivity", "removable_media", "cots_weaknesses", "dedicated_weaknesses", "access_control",
      "undetected_changes"},
     "yyyy",
     6},
    {"tabulation",
     "Vote Tabulation",
     "ei_primer/tabulation",
     {"internal_connections", "cots_weaknesses", "dedicated_weaknesses", "access_control", "unprotected_transmission",
      "undetected_changes", "backup_and_audit"},
     "yynn",
     0},
    {"enr",
     "Election Results Reporting and Publishing",
     "ei_primer/enr",
     {"internet_connectivity", "internal_connections", "cots_weaknesses", "dedicated_weaknesses", "access_control",
      "undetected_changes", "backup_and_audit"},
     "yynn",
     0},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(test_primer)

BOOST_DATA_TEST_CASE(each_system_matches_the_guide, bdata::make(guide_facts), f) {
  const SystemComponent& s = default_catalog().system_component(f.id);
  BOOST_TEST(s.title == f.title);
  BOOST_TEST(s.page == f.page);
  BOOST_TEST(s.risks == f.risks, boost::test_tools::per_element());
  BOOST_TEST_REQUIRE(s.connections.size() == 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    BOOST_TEST(s.connections[i].connectedness == all_connectedness[i]);
    BOOST_TEST(s.connections[i].occurs == (f.occurs[i] == 'y'));
    BOOST_TEST(!s.connections[i].text.empty());
  }
  BOOST_TEST(s.variants.size() == f.variants);
  BOOST_TEST(!s.summary.empty());
}

BOOST_AUTO_TEST_CASE(systems_and_classes_in_the_guides_order) {
  const Primer& p = default_catalog().primer();
  BOOST_TEST_REQUIRE(p.components.size() == guide_facts.size());
  for (std::size_t i = 0; i < guide_facts.size(); ++i) BOOST_TEST(p.components[i].id == guide_facts[i].id);
  const std::vector<std::pair<Connectedness, std::string>> classes{
      {Connectedness::network, "Network connected systems and components"},
      {Connectedness::indirect, "Indirectly connected systems"},
      {Connectedness::none, "Non-digital elections components"},
      {Connectedness::transmission, "Transmission between components creates vulnerabilities"}};
  BOOST_TEST_REQUIRE(p.classes.size() == classes.size());
  for (std::size_t i = 0; i < classes.size(); ++i) {
    BOOST_TEST(p.classes[i].id == classes[i].first);
    BOOST_TEST(p.classes[i].title == classes[i].second);
  }
  // The guide gives 3, 2, 1 and 3 examples (the transmission section names three cases).
  BOOST_TEST(p.classes[0].examples.size() == 3u);
  BOOST_TEST(p.classes[1].examples.size() == 2u);
  BOOST_TEST(p.classes[2].examples.size() == 1u);
  BOOST_TEST(default_catalog().connectedness_class(Connectedness::none).label == "Not Connected");
  // The six ways of capturing votes, in the guide's numbering, with the table's row for each.
  const auto& variants = default_catalog().system_component("vote_capture").variants;
  BOOST_TEST(variants[0].name == "Voter marked and hand counted paper balloting");
  BOOST_TEST((variants[0].connectedness == Connectedness::none));
  for (std::size_t i = 1; i < 5; ++i) BOOST_TEST((variants[i].connectedness == Connectedness::indirect));
  BOOST_TEST((variants[5].connectedness == Connectedness::transmission));
}

BOOST_AUTO_TEST_CASE(risks_are_each_named_by_a_system_in_first_named_order) {
  const auto& c = default_catalog();
  std::vector<std::string> first_named;
  for (const auto& s : c.primer().components)
    for (const auto& r : s.risks)
      if (std::find(first_named.begin(), first_named.end(), r) == first_named.end()) first_named.push_back(r);
  std::vector<std::string> ids;
  for (const auto& r : c.primer().risks) ids.push_back(r.id);
  BOOST_TEST(ids == first_named, boost::test_tools::per_element());
  const auto with = c.components_with_risk("removable_media");
  BOOST_TEST_REQUIRE(with.size() == 1u);
  BOOST_TEST(with[0]->id == "vote_capture");
  BOOST_TEST(c.components_with_risk("cots_weaknesses").size() == 6u);
  BOOST_CHECK_THROW(c.components_with_risk("meteor_strike"), NotFound);
  BOOST_CHECK_THROW(c.system_component("pollbook"), NotFound);
  try {
    c.system_component("pollbook");
  } catch (const NotFound& e) {
    BOOST_TEST(std::string(e.what()).find("pollbooks") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(every_embedded_system_link_is_electsecs_and_resolves) {
  const auto& c = default_catalog();
  BOOST_TEST(!c.system_links().empty());
  for (const auto& l : c.system_links()) {
    BOOST_TEST_CONTEXT(l.subject << " -> " << l.practice) {
      BOOST_TEST(l.provenance == "electsec");
      BOOST_TEST(!l.reason.empty());
      BOOST_CHECK_NO_THROW(c.practice(l.practice));
    }
  }
  // Every risk and every class that occurs anywhere has at least one practice to offer.
  for (const auto& r : c.primer().risks) BOOST_TEST(!c.system_links_of(r.id).empty(), r.id);
  BOOST_TEST(c.system_links_of("removable_media").front()->practice == "removable_media");
}

// Each mistake in primer data, and the problem the builder reports for it.
struct Mistake {
  const char* name;
  std::function<void(CatalogData&)> make;
  const char* problem;
};
std::ostream& operator<<(std::ostream& os, const Mistake& m) { return os << m.name; }

const std::vector<Mistake> mistakes{
    {"unknown risk", [](CatalogData& d) { d.primer.components[0].risks.push_back("meteor_strike"); },
     "unknown risk 'meteor_strike'"},
    {"risk twice", [](CatalogData& d) { d.primer.components[0].risks.push_back(d.primer.components[0].risks[0]); },
     "listed twice"},
    {"system twice", [](CatalogData& d) { d.primer.components.push_back(d.primer.components[0]); }, "id"},
    {"bad system id", [](CatalogData& d) { d.primer.components[0].id = "Voter Reg"; }, "a-z, 0-9"},
    {"system named like a class", [](CatalogData& d) { d.primer.components[0].id = "network"; },
     "taken by a connectedness class"},
    {"two rows for a class",
     [](CatalogData& d) { d.primer.components[0].connections.push_back(d.primer.components[0].connections[0]); },
     "two connection rows for 'network'"},
    {"link to no practice", [](CatalogData& d) { d.system_links[0].practice = "nothing_here"; },
     "unknown practice 'nothing_here'"},
    {"link from nothing", [](CatalogData& d) { d.system_links[0].subject = "ufo"; }, "unknown subject 'ufo'"},
    {"link without provenance", [](CatalogData& d) { d.system_links[0].provenance.clear(); }, "provenance is empty"},
    {"link twice", [](CatalogData& d) { d.system_links.push_back(d.system_links[0]); }, "link listed twice"},
};

BOOST_DATA_TEST_CASE(builder_reports_each_mistake, bdata::make(mistakes), m) {
  CatalogData d = default_catalog().data();
  m.make(d);
  const auto problems = CatalogBuilder(d).problems();
  std::string all;
  for (const auto& p : problems) all += p.where + ": " + p.message + "\n";
  BOOST_TEST(all.find(m.problem) != std::string::npos, all);
  BOOST_CHECK_THROW(CatalogBuilder(d).build(), ValidationError);
}

BOOST_AUTO_TEST_CASE(json_round_trip_and_bad_values) {
  const Primer& p = default_catalog().primer();
  BOOST_TEST((from_json<Primer>(to_json(p)) == p));
  const SystemLink& l = default_catalog().system_links().front();
  BOOST_TEST((from_json<SystemLink>(to_json(l)) == l));
  BOOST_CHECK_THROW(from_json<ComponentConnection>(R"({"connectedness": "wifi", "occurs": true})"), ParseError);
  BOOST_CHECK_THROW(from_json<ComponentConnection>(R"({"connectedness": "network", "occurs": "yes"})"), ParseError);
  BOOST_CHECK_THROW(from_json<SystemLink>(R"({"subject": "ems", "practice": "backups"})"), ParseError);
  BOOST_TEST(parse_connectedness("indirect") == Connectedness::indirect);
  BOOST_CHECK_THROW(parse_connectedness("wifi"), Error);
  // A catalog without a primer (an older release) is still a catalog.
  CatalogData d = default_catalog().data();
  d.primer = {};
  d.system_links.clear();
  const Catalog bare = CatalogBuilder(d).build();
  BOOST_TEST(bare.primer().components.empty());
  BOOST_CHECK_THROW(bare.connectedness_class(Connectedness::network), NotFound);
}

BOOST_AUTO_TEST_CASE(search_finds_the_primer) {
  const auto hits = search(default_catalog(), "epollbooks tablet", SearchOptions{HitKind::system, 3});
  BOOST_TEST_REQUIRE(!hits.empty());
  BOOST_TEST(hits[0].id == "pollbooks");
  const auto risks = search(default_catalog(), "removable media", SearchOptions{HitKind::risk, 1});
  BOOST_TEST_REQUIRE(risks.size() == 1u);
  BOOST_TEST(risks[0].id == "removable_media");
  BOOST_TEST(search(default_catalog(), "indirect", SearchOptions{HitKind::connectedness, 1}).at(0).id == "indirect");
}

BOOST_AUTO_TEST_CASE(systems_command) {
  const Run all = run({"systems"});
  BOOST_TEST(all.code == 0, all.err);
  BOOST_TEST(all.out.find("vote_capture") != std::string::npos);
  BOOST_TEST(all.out.find("6 of 6 kinds of election system") != std::string::npos);
  const Run none = run({"systems", "--connectedness", "none", "--format", "csv"});
  BOOST_TEST(none.code == 0, none.err);
  BOOST_TEST(none.out ==
             "id,title,page,network,indirect,none,transmission,risks\r\n"
             "voter_registration,Voter Registration,ei_primer/voter_reg,yes,no,yes,yes,internet_connectivity "
             "internal_connections cots_weaknesses access_control undetected_changes backup_and_audit "
             "misconfiguration\r\n"
             "pollbooks,Pollbooks,ei_primer/pollbooks,yes,yes,yes,yes,internet_connectivity internal_connections "
             "cots_weaknesses dedicated_weaknesses access_control undetected_changes\r\n"
             "vote_capture,Vote Capture,ei_primer/vote_capture,yes,yes,yes,yes,network_connectivity removable_media "
             "cots_weaknesses dedicated_weaknesses access_control undetected_changes\r\n");
  const Run json = run({"systems", "--risk", "unprotected_transmission", "--format", "json"});
  BOOST_TEST(json.code == 0, json.err);
  const auto doc = nlohmann::json::parse(json.out);
  BOOST_TEST_REQUIRE(doc.size() == 1u);
  BOOST_TEST(doc[0]["id"] == "tabulation");
}

// Each mistake a user can make with the two commands, and the one line it gets.
struct BadCall {
  std::vector<std::string> args;
  int code;
  const char* says;
};
std::ostream& operator<<(std::ostream& os, const BadCall& b) { return os << b.args.back(); }

const std::vector<BadCall> bad_calls{
    {{"systems", "--connectedness", "wifi"}, 2, "unknown connectedness 'wifi'"},
    {{"systems", "--risk", "meteor"}, 1, "system risk 'meteor'"},
    {{"system", "pollbook"}, 1, "did you mean"},
    {{"system"}, 2, "usage"},
    {{"system", "ems", "--format", "csv"}, 2, "csv"},
};

BOOST_DATA_TEST_CASE(system_commands_refuse_mistakes, bdata::make(bad_calls), b) {
  const Run r = run(b.args);
  BOOST_TEST(r.code == b.code);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(r.err.find(b.says) != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(system_command_marks_every_link_as_electsecs) {
  for (const std::string id : {"voter_registration", "ems", "network", "removable_media"}) {
    BOOST_TEST_CONTEXT(id) {
      const Run text = run({"system", id});
      BOOST_TEST(text.code == 0, text.err);
      BOOST_TEST(text.out.find("Practices that address it (linked by electsec, not by the guide)") !=
                 std::string::npos);
      const Run json = run({"system", id, "--format", "json"});
      const auto doc = nlohmann::json::parse(json.out);
      BOOST_TEST(!doc["electsec_links"].empty());
      for (const auto& l : doc["electsec_links"]) BOOST_TEST(l["provenance"] == "electsec");
    }
  }
  const Run ems = run({"system", "ems"});
  BOOST_TEST(ems.out.find("State and Local Election Management Systems (ems)") != std::string::npos);
  BOOST_TEST(ems.out.find("backups") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
