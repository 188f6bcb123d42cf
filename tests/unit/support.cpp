#include "support.hpp"

#include <electsec/assessment_json.hpp>
#include <electsec/cli.hpp>
#include <electsec/default_catalog.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <chrono>
#include <stdexcept>
#include <unistd.h>

namespace electsec::test {

namespace {
Action action(std::string id, std::vector<Maturity> levels, std::optional<std::string> group) {
  return {std::move(id), std::move(levels), std::move(group), "Do the thing this test names.", {}};
}
constexpr Maturity L1 = Maturity::level1, L2 = Maturity::level2, L3 = Maturity::level3;
}  // namespace

CatalogData sample_data() {
  CatalogData d;
  d.guide = {"Sample guide", "0.0.1"};
  d.maturity_levels = {{L1, "Level 1", "first"}, {L2, "Level 2", "second"}, {L3, "Level 3", "third"}};
  d.maturity_statements = {{"l1.1", L1, "a level one trait", {}}, {"l2.1", L2, "a level two trait", {}}};
  d.controls = default_catalog().controls();
  d.safeguards = default_catalog().safeguards();

  Practice alpha;
  alpha.id = "alpha";
  alpha.title = "Alpha Practice";
  alpha.order = 1;
  alpha.scopes = {Scope::priority, Scope::priority, Scope::in_scope};
  alpha.summary = "A practice for tests.";
  alpha.goals = {{"alpha.goal.1", "first goal", L1, {}}, {"alpha.goal.2", "second goal", std::nullopt, {}}};
  alpha.actions = {action("alpha.l1.user-recommendations.1", {L1}, "User Recommendations"),
                   action("alpha.l1.user-recommendations.2", {L1}, "User Recommendations"),
                   action("alpha.l1.organizational-recommendations.1", {L1}, "Organizational Recommendations"),
                   action("alpha.l23.1", {L2, L3}, std::nullopt)};
  alpha.tools = {{"Tool, \"quoted\"", "https://example.org/tool", "a free tool"}};
  alpha.learn_more = {{"Read this", "https://example.org/read"}};
  alpha.safeguards = {{"4.1", L1}, {"5.2", std::nullopt}};
  alpha.handbook = {1, 2};

  Practice beta;
  beta.id = "beta";
  beta.title = "Beta Practice";
  beta.order = 2;
  beta.scopes = {Scope::out_of_scope, Scope::in_scope, Scope::priority};
  beta.actions = {action("beta.all.1", {L1, L2, L3}, std::nullopt), action("beta.l3.1", {L3}, std::nullopt)};
  beta.safeguards = {{"4.1", L2}, {"14.9", L3}};
  beta.handbook = {2};

  // Added out of index order: the catalog sorts by `order`.
  d.practices = {beta, alpha};
  d.handbook = {{1, "First handbook practice", {"alpha"}}, {2, "Second handbook practice", {"alpha", "beta"}}};
  d.priorities.level1_baseline = {
      {"account-security", "Account Security", "cybersecurity action", {"alpha.l1.user-recommendations.1"}}};
  d.priorities.level1_election = {"alpha"};
  d.priorities.cdm_ranking = {{1, "4.1", "alpha"}};
  d.glossary = {{"Asset", "something an office owns", {}}};
  d.acronyms = {{"MFA", "Multi-Factor Authentication"}};
  d.guidance.sources = {{"cisa", "A page", "An agency", "2020-01-01", "https://example.org", {}}};
  d.guidance.recommendations = {{"cisa.1",
                                 "cisa",
                                 "local election official",
                                 "services",
                                 "Ask",
                                 "Ask for help.",
                                 {{"alpha", "they help with it", "electsec"}},
                                 {"4.1"},
                                 {}}};
  return d;
}

const Catalog& sample_catalog() {
  static const Catalog c = CatalogBuilder(sample_data()).build();
  return c;
}

HeldLock::HeldLock(const std::string& path, const Catalog& catalog) {
  holder_ = std::thread([this, path, &catalog] {
    update_assessment(path, catalog, [&](Assessment&) {
      inside_ = true;
      while (!release_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
  });
  while (!inside_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HeldLock::release() {
  release_ = true;
  if (holder_.joinable()) holder_.join();
}

std::string reference_path(const std::string& name) { return std::string(ELECTSEC_REFERENCE_DIR) + "/" + name; }

std::string test_data_path(const std::string& name) { return std::string(ELECTSEC_TEST_DATA_DIR) + "/" + name; }

Assessment office(const std::string& id, Maturity m) {
  Assessment a;
  a.jurisdiction = {id, "A County", "XX", JurisdictionKind::county};
  a.catalog_version = default_catalog().guide().version;
  a.maturity = m;
  return a;
}

Assessment sample_office(const std::string& id, Maturity m) {
  Assessment a;
  a.jurisdiction = {id, id + " County", "XX", JurisdictionKind::county};
  a.catalog_version = "0.0.1";
  a.maturity = m;
  return a;
}

std::string source_path(const std::string& name) { return std::string(ELECTSEC_SOURCE_DIR) + "/" + name; }

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string golden(const std::string& name, const std::string& actual) {
  const std::string path = test_data_path("golden/" + name);
  if (std::getenv("ELECTSEC_UPDATE_GOLDEN") != nullptr) std::ofstream(path, std::ios::binary) << actual;
  return read_text(path);
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("fixture has no " + from);
  return text.replace(at, from.size(), to);
}

namespace {
std::filesystem::path temp_root() {
  return std::filesystem::temp_directory_path() / ("electsec_tests_" + std::to_string(static_cast<long>(::getpid())));
}
}  // namespace

std::string temp_path(const std::string& name) {
  static const std::filesystem::path dir = [] {
    std::filesystem::create_directories(temp_root());
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(temp_root(), ec);
    });
    return temp_root();
  }();
  return (dir / name).string();
}

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  const int code = run_cli(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace electsec::test
