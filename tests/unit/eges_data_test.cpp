// The embedded EGES 1.4.1 content against the guide's facts. The tables below were read
// off the guide's reStructuredText (bp/*.rst, bp/bp_index.rst, maturity/*.rst,
// appendices/handbook_bp_mapping.rst); a change to data/ that disagrees with the guide
// fails here.

#include <electsec/default_catalog.hpp>

#include <boost/test/unit_test.hpp>

#include <map>
#include <sstream>

using namespace electsec;

namespace {

struct PracticeFacts {
  const char* id;
  const char* title;
  const char* scopes;      // Level 1..3: P priority, I in scope, O out of scope
  const char* goals;       // maturity tag of each goal in order, '-' when untagged
  const char* blocks;      // "<block>[.<group>]:<number of actions>" in guide order
  std::size_t tools;       // one per link in Cost-Effective Tools, one per link-less bullet
  const char* safeguards;  // "<id>:<maturity or ->" in the guide's order
  const char* handbook;    // as the practice's page lists them
};

// managing_infrastructure lists Safeguard 4.2 twice, both times at Level 1; it appears
// once here and in the data.
// One practice to a block, laid out by hand.
// clang-format off
const PracticeFacts guide_facts[] = {
    {"physical_threats", "Addressing Physical Threats", "PPP", "---",
     "all:3", 5,
     "",
     ""},
    {"join_ei_isac", "Join the EI-ISAC", "PPP", "11",
     "all:1", 1,
     "",
     ""},
    {"asset_management", "Asset Management", "PPP", "1111",
     "l1:3 l23:4", 5,
     "1.1:1 1.2:1 2.3:1 1.3:2 2.5:2 1.4:3",
     "23 27 28 30 45 55 65 67 68 69 79 86 88"},
    {"encrypt_data_at_rest", "Encrypt Data at Rest", "PPP", "112",
     "l1:2 l23:2", 5,
     "3.6:- 3.9:- 3.11:- 11.3:-",
     "4 12 84"},
    {"encrypt_data_in_transit", "Encrypt Data in Transit", "PPP", "11",
     "all:4", 1,
     "3.10:- 12.6:- 15.4:-",
     "8 12 84"},
    {"managing_infrastructure", "Managing Infrastructure with Secure Configurations", "PPP", "12",
     "l1:4 l23:1", 5,
     "4.1:1 4.2:1 4.3:1 5.4:1 12.8:1 4.8:2",
     "23 27 65 68 88"},
    {"user_management", "User Management", "PPP", "11111",
     "l1.user-recommendations:5 l1.organizational-recommendations:10 l23:4", 2,
     "3.3:1 4.7:1 5.1:1 5.2:1 5.3:1 5.5:2 5.6:2 6.1:1 6.2:1 6.3:1 6.4:1 6.5:1 6.6:2 6.7:2 6.8:2 3.14:3",
     "24 25 26 47 49 50 51 52 66 77 78 81"},
    {"backups", "Backups", "PPP", "----",
     "l1:2 l23:2", 9,
     "11.1:1 11.2:1 11.3:1 11.4:1 11.5:2",
     "21 60"},
    {"incident_response", "Incident Response Planning", "PPP", "112",
     "l1:4 l23:1", 1,
     "11.1:1 14.6:1 17.1:1 17.2:1 17.3:1 17.4:2 17.5:2 17.6:2 17.7:2 17.8:2 17.9:3",
     ""},
    {"managing_staff", "Building and Managing Staff", "PPP", "11",
     "all:5", 0,
     "14.1:1 14.2:1 14.3:1 14.4:1 14.5:1 14.6:1 14.7:1 14.8:1 14.9:2",
     "13 16 54 57 58 59 82 87"},
    {"patching_vuln_management", "Patching and Vulnerability Management", "III", "1112",
     "l1:4 l23:2", 10,
     "2.2:- 7.3:- 7.4:-",
     "43 44 76"},
    {"remediate_pen_test_findings", "Remediate Penetration Test Findings", "OOI", "3",
     "l3:5", 1,
     "18.3:- 18.4:-",
     ""},
    {"internal_pentest", "Perform Internal Penetration Test", "OOI", "33",
     "l3:2", 1,
     "18.1:- 18.4:- 18.5:-",
     ""},
    {"network_segmentation", "Network Segmentation Based on Sensitivity", "IPP", "111",
     "all:5", 2,
     "3.12:- 12.2:- 12.8:- 13.4:-",
     "6"},
    {"managing_remote_connections", "Managing Remote Connections", "IPP", "11",
     "l1:4 l23:3", 1,
     "3.10:1 6.3:1 6.4:1 12.6:1 12.7:2",
     "44 46 83"},
    {"firewalls_ports", "Firewalls and Port Restrictions", "IPP", "111",
     "l1:6 l23:1", 2,
     "4.4:1 4.5:1 13.9:3 13.10:3",
     "41 42"},
    {"endpoint_protection", "Endpoint Protection", "III", "1",
     "l1:3", 1,
     "10.1:- 10.6:-",
     "32 40"},
    {"mdbr", "Malicious Domain Blocking and Reporting", "III", "1",
     "all:2", 1,
     "9.2:- 9.3:-",
     ""},
    {"network_monitoring", "Network Monitoring and Intrusion Detection", "OII", "12",
     "l23:1", 8,
     "13.3:- 13.4:- 13.8:-",
     "7"},
    {"wireless_management", "Managing Wireless Networks", "III", "123",
     "l1:9 l2:3 l3:2", 3,
     "12.1:1 3.10:2 12.3:2 12.6:2",
     "5 56"},
    {"public_asset_scanning", "Public-Facing Network Scanning", "III", "112",
     "l1:2 l23:2", 2,
     "7.6:- 7.7:-",
     "2 19"},
    {"websites", "Website Security", "III", "111112",
     "l1:4 l23:1", 4,
     "",
     "9"},
    {"removable_media", "Managing Removable Media", "III", "11",
     "l1:4 l23:1", 1,
     "3.9:1 10.3:1 10.4:2",
     "4 22 55 63"},
    {"exercising_plans", "Exercising Plans", "III", "11",
     "l1:3 l23:2", 2,
     "17.1:- 17.2:- 17.3:- 17.4:- 17.5:- 17.6:- 17.7:- 17.8:- 17.9:-",
     "33 72"},
    {"formal_assessment", "Formal Cybersecurity Assessments", "III", "112",
     "l1:4 l2:3 l3:1", 4,
     "",
     ""},
    {"cis_controls", "Implementing the CIS Controls", "III", "1",
     "l1:1 l2:1 l3:1", 2,
     "",
     ""},
    {"mdm_info", "Managing Mis-, Dis-, and Malinformation", "III", "11",
     "l1.preparing-for-mis-dis-and-malinformation:4 l1.remediating-misinformation:3 l2:3 l3:1", 2,
     "",
     ""},
    {"managing_vendors", "Managing Vendors", "III", "1",
     "all:1", 1,
     "15.1:1 15.2:2 15.3:2 15.4:2 15.5:3 15.6:3 15.7:3",
     "18 20 34 37 62 73"},
    {"defense_in_depth", "Defense-in-Depth", "III", "112",
     "l1:2 l23:1", 1,
     "",
     ""},
    {"ai_in_elections", "Artificial Intelligence in Elections", "III", "111",
     "all:5", 1,
     "",
     ""},
};
// clang-format on

std::string scope_letters(const Practice& p) {
  std::string s;
  for (Scope x : p.scopes) s += x == Scope::priority ? 'P' : x == Scope::in_scope ? 'I' : 'O';
  return s;
}

std::string goal_tags(const Practice& p) {
  std::string s;
  for (const auto& g : p.goals) s += g.maturity ? static_cast<char>('0' + static_cast<int>(*g.maturity)) : '-';
  return s;
}

// "l1.user-recommendations:5 l23:4" from the action ids.
std::string action_blocks(const Practice& p) {
  std::vector<std::pair<std::string, int>> blocks;
  for (const auto& a : p.actions) {
    std::string key = a.id.substr(p.id.size() + 1);
    key = key.substr(0, key.rfind('.'));
    if (blocks.empty() || blocks.back().first != key) blocks.emplace_back(key, 0);
    ++blocks.back().second;
  }
  std::string s;
  for (const auto& [k, n] : blocks) s += (s.empty() ? "" : " ") + k + ":" + std::to_string(n);
  return s;
}

std::string mappings(const Practice& p) {
  std::string s;
  for (const auto& m : p.safeguards)
    s += (s.empty() ? "" : " ") + m.safeguard + ":" +
         (m.maturity ? std::string(to_string(*m.maturity)) : std::string("-"));
  return s;
}

std::string numbers(const std::vector<int>& list) {
  std::string s;
  for (int n : list) s += (s.empty() ? "" : " ") + std::to_string(n);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_eges_data)

BOOST_AUTO_TEST_CASE(thirty_practices_in_index_order) {
  const auto& practices = default_catalog().practices();
  BOOST_TEST_REQUIRE(practices.size() == std::size(guide_facts));
  BOOST_TEST(practices.size() == 30u);
  for (std::size_t i = 0; i < practices.size(); ++i) {
    BOOST_TEST(practices[i].id == guide_facts[i].id);
    BOOST_TEST(practices[i].order == static_cast<int>(i + 1));
  }
}

BOOST_AUTO_TEST_CASE(each_practice_equals_the_guide) {
  for (const auto& f : guide_facts) {
    BOOST_TEST_CONTEXT(f.id) {
      const Practice& p = default_catalog().practice(f.id);
      BOOST_TEST(p.title == f.title);
      BOOST_TEST(scope_letters(p) == f.scopes);
      BOOST_TEST(goal_tags(p) == f.goals);
      BOOST_TEST(action_blocks(p) == f.blocks);
      BOOST_TEST(p.tools.size() == f.tools);
      BOOST_TEST(mappings(p) == f.safeguards);
      BOOST_TEST(numbers(p.handbook) == f.handbook);
    }
  }
}

BOOST_AUTO_TEST_CASE(all_prose_is_present) {
  for (const auto& p : default_catalog().practices()) {
    BOOST_TEST_CONTEXT(p.id) {
      BOOST_TEST(!p.summary.empty());
      for (const auto& g : p.goals) BOOST_TEST(!g.text.empty(), g.id);
      for (const auto& a : p.actions) BOOST_TEST(a.text.size() > 10u, a.id);
      for (const auto& t : p.tools) BOOST_TEST(!t.description.empty(), t.name);
      for (const auto& l : p.learn_more) BOOST_TEST(!l.url.empty(), l.title);
    }
  }
}

BOOST_AUTO_TEST_CASE(actions_keep_the_guides_numbers) {
  // Facts inside action summaries that a reader acts on.
  const auto& c = default_catalog();
  const std::pair<const char*, const char*> cases[] = {
      {"user_management.l1.organizational-recommendations.4", "10 or fewer invalid login attempts"},
      {"user_management.l1.organizational-recommendations.8", "20"},
      {"user_management.l1.user-recommendations.3", "at least four words"},
      {"encrypt_data_in_transit.all.2", "TLS 1.2 or 1.3"},
      {"backups.l23.2", "every quarter"},
      {"firewalls_ports.l1.1", "Requesting Cyber Hygiene Services"},
      {"mdbr.all.1", "https://mdbr.cisecurity.org"},
      {"removable_media.l23.1", "SP 800-88"},
  };
  for (const auto& [id, fact] : cases) BOOST_TEST_CONTEXT(id) {
      BOOST_TEST(c.action(id).text.find(fact) != std::string::npos, c.action(id).text);
    }
}

BOOST_AUTO_TEST_CASE(maturity_statements_are_six_seven_seven) {
  const auto& c = default_catalog();
  const std::size_t expected[] = {6, 7, 7};
  for (Maturity m : all_maturities) {
    const auto list = c.maturity_statements(m);
    BOOST_TEST(list.size() == expected[static_cast<int>(m) - 1]);
    for (std::size_t i = 0; i < list.size(); ++i)
      BOOST_TEST(list[i]->id == "l" + std::string(to_string(m)) + "." + std::to_string(i + 1));
  }
  BOOST_TEST(c.maturity_statement("l3.7").level == Maturity::level3);
  BOOST_CHECK_THROW(c.maturity_statement("l1.7"), NotFound);
}

BOOST_AUTO_TEST_CASE(level1_baseline_worksheets) {
  struct Row {
    const char* id;
    const char* name;
    const char* group;
    const char* actions;
  };
  const Row rows[] = {
      {"hardware-inventory", "Hardware Inventory", "IT inventory", "asset_management.l1.1"},
      {"software-inventory", "Software Inventory", "IT inventory", "asset_management.l1.1"},
      {"data-inventory", "Data Inventory", "IT inventory", "asset_management.l1.1"},
      {"service-provider-inventory", "Service Provider Inventory", "IT inventory", "asset_management.l1.1"},
      {"account-inventory", "Account Inventory", "IT inventory", "asset_management.l1.1"},
      {"asset-protection", "Asset Protection", "cybersecurity action",
       "encrypt_data_at_rest.l1.1 encrypt_data_at_rest.l1.2 encrypt_data_in_transit.all.1 "
       "encrypt_data_in_transit.all.2 encrypt_data_in_transit.all.3 encrypt_data_in_transit.all.4 "
       "managing_infrastructure.l1.1 managing_infrastructure.l1.2"},
      {"account-security", "Account Security", "cybersecurity action",
       "user_management.l1.user-recommendations.1 user_management.l1.user-recommendations.2 "
       "user_management.l1.user-recommendations.3 user_management.l1.user-recommendations.4 "
       "user_management.l1.user-recommendations.5"},
      {"backup-recovery", "Backup & Recovery", "cybersecurity action", "backups.l1.1"},
      {"incident-response", "Incident Response", "cybersecurity action",
       "incident_response.l1.1 incident_response.l1.4"},
      {"cyber-education", "Cyber Education", "cybersecurity action", "managing_staff.all.2 managing_staff.all.3"},
  };
  const auto& ws = default_catalog().priorities().level1_baseline;
  BOOST_TEST_REQUIRE(ws.size() == std::size(rows));
  for (std::size_t i = 0; i < ws.size(); ++i) {
    BOOST_TEST_CONTEXT(rows[i].id) {
      BOOST_TEST(ws[i].id == rows[i].id);
      BOOST_TEST(ws[i].name == rows[i].name);
      BOOST_TEST(ws[i].group == rows[i].group);
      std::string actions;
      for (const auto& a : ws[i].actions) {
        actions += (actions.empty() ? "" : " ") + a;
        BOOST_CHECK_NO_THROW(default_catalog().action(a));
      }
      BOOST_TEST(actions == rows[i].actions);
    }
  }
}

BOOST_AUTO_TEST_CASE(level1_election_priorities) {
  const std::vector<std::string> expected{"join_ei_isac", "websites", "endpoint_protection", "mdbr", "removable_media"};
  BOOST_TEST(default_catalog().priorities().level1_election == expected);
}

BOOST_AUTO_TEST_CASE(cdm_ranking) {
  const std::pair<const char*, const char*> rows[] = {
      {"4.1", "managing_infrastructure"},
      {"4.7", "managing_infrastructure"},
      {"5.3", "user_management"},
      {"6.1", "user_management"},
      {"6.2", "user_management"},
      {"5.4", "managing_infrastructure"},
      {"18.3", "remediate_pen_test_findings"},
      {"18.5", "internal_pentest"},
      {"6.8", "user_management"},
      {"4.8", "managing_infrastructure"},
      {"3.12", "network_segmentation"},
      {"5.2", "user_management"},
      {"6.4", "managing_remote_connections"},
      {"6.5", "user_management"},
      {"12.8", "managing_infrastructure"},
      {"2.3", "asset_management"},
      {"2.5", "asset_management"},
      {"4.2", "managing_infrastructure"},
      {"4.4", "firewalls_ports"},
      {"6.3", "user_management"},
  };
  const auto& ranking = default_catalog().priorities().cdm_ranking;
  BOOST_TEST_REQUIRE(ranking.size() == 20u);
  for (std::size_t i = 0; i < 20; ++i) {
    BOOST_TEST(ranking[i].rank == static_cast<int>(i + 1));
    BOOST_TEST(ranking[i].safeguard == rows[i].first);
    BOOST_TEST(ranking[i].practice == rows[i].second);
  }
}

BOOST_AUTO_TEST_CASE(handbook_has_88_practices_mapped_as_the_appendix_says) {
  const auto& c = default_catalog();
  BOOST_TEST_REQUIRE(c.handbook().size() == 88u);
  for (int n = 1; n <= 88; ++n) {
    BOOST_TEST(c.handbook()[n - 1].number == n);
    BOOST_TEST(!c.handbook_practice(n).title.empty());
  }
  BOOST_TEST(c.handbook_practice(1).title == "Whitelist which IPs can access the device");
  BOOST_TEST(c.handbook_practice(6).title ==
             "Ensure the system is segregated from other independent election systems and "
             "non-election supporting systems");
  const std::pair<int, std::vector<std::string>> mapped[] = {
      {1, {}},
      {2, {"public_asset_scanning"}},
      {4, {"encrypt_data_at_rest", "removable_media"}},
      {7, {"network_monitoring"}},
      {9, {"websites"}},
      {12, {"encrypt_data_at_rest", "encrypt_data_in_transit"}},
      {73, {"incident_response", "managing_vendors"}},
  };
  for (const auto& [n, ids] : mapped) {
    BOOST_TEST_CONTEXT("Handbook " << n) {
      std::vector<std::string> got;
      for (const Practice* p : c.practices_of_handbook(n)) got.push_back(p->id);
      BOOST_TEST(got == ids);
    }
  }
  BOOST_CHECK_THROW(c.handbook_practice(89), NotFound);
}

BOOST_AUTO_TEST_CASE(handbook_lists_disagree_only_where_the_guide_does) {
  // The practice pages and the appendix are two lists in the guide. They differ in two
  // places: the appendix maps 73 to Incident Response, whose page lists no Handbook
  // practice; Network Segmentation's page lists 6, which the appendix maps to nothing.
  const auto& c = default_catalog();
  std::vector<std::string> differences;
  for (const auto& p : c.practices()) {
    std::vector<int> from_appendix;
    for (const auto& h : c.handbook())
      for (const auto& id : h.practices)
        if (id == p.id) from_appendix.push_back(h.number);
    for (int n : from_appendix)
      if (std::find(p.handbook.begin(), p.handbook.end(), n) == p.handbook.end())
        differences.push_back(p.id + " appendix-only " + std::to_string(n));
    for (int n : p.handbook)
      if (std::find(from_appendix.begin(), from_appendix.end(), n) == from_appendix.end())
        differences.push_back(p.id + " page-only " + std::to_string(n));
  }
  const std::vector<std::string> expected{"incident_response appendix-only 73", "network_segmentation page-only 6"};
  BOOST_TEST(differences == expected);
  std::vector<int> of_segmentation;
  for (const auto* h : c.handbook_of_practice("network_segmentation")) of_segmentation.push_back(h->number);
  BOOST_TEST(of_segmentation == std::vector<int>{6});
}

BOOST_AUTO_TEST_CASE(glossary_and_acronyms) {
  const auto& c = default_catalog();
  BOOST_TEST(c.glossary().size() == 21u);
  BOOST_TEST(c.glossary_entry("Salting").term == "salting");
  BOOST_TEST(c.glossary_entry("cis controls").term == "CIS Controls");
  BOOST_CHECK_THROW(c.glossary_entry("salt"), NotFound);
  BOOST_TEST(c.acronym_expansions("mfa") == std::vector<std::string>{"multi-factor authentication"});
  BOOST_TEST(c.acronym_expansions("CDM") ==
             (std::vector<std::string>{"Community Defense Model", "Continuous Diagnostics and Mitigation",
                                       "Continuous Diagnostics and Monitoring"}));
  BOOST_TEST(c.acronym_expansions("EI-ISAC") ==
             std::vector<std::string>{"Election Infrastructure Information Sharing and Analysis Center"});
  try {
    c.acronym_expansions("CDN");
    BOOST_ERROR("found CDN");
  } catch (const NotFound& e) {
    BOOST_TEST(e.closest().front() == "CDM");
  }
}

BOOST_AUTO_TEST_CASE(queries_on_the_guide) {
  const auto& c = default_catalog();
  BOOST_TEST(c.practices(PracticeFilter{Maturity::level1, Scope::priority}).size() == 10u);
  BOOST_TEST(c.practices(PracticeFilter{Maturity::level1, Scope::out_of_scope}).size() == 3u);
  BOOST_TEST(c.practices(PracticeFilter{Maturity::level3, Scope::out_of_scope}).empty());
  BOOST_TEST(c.applicable_actions("user_management", Maturity::level1).size() == 15u);
  BOOST_TEST(c.applicable_actions("user_management", Maturity::level2).size() == 19u);
  BOOST_TEST(c.applicable_actions("network_monitoring", Maturity::level1).empty());
  BOOST_TEST(c.applicable_actions("internal_pentest", Maturity::level3).size() == 2u);
  BOOST_TEST(c.worksheet("backup-recovery").name == "Backup & Recovery");
  std::vector<std::string> of_62;
  for (const auto& m : c.practices_of_safeguard("6.2")) of_62.push_back(m.practice->id);
  BOOST_TEST(of_62 == std::vector<std::string>{"user_management"});
  // IG1 Safeguards that no practice maps to: the coverage gap the guide leaves.
  const Coverage ig1 = c.coverage(ImplementationGroup::ig1);
  BOOST_TEST(ig1.mapped.size() + ig1.unmapped.size() == 56u);
  BOOST_TEST(!ig1.mapped.empty());
}

BOOST_AUTO_TEST_SUITE_END()  // test_eges_data
