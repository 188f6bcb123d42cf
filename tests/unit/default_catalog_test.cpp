// The embedded catalog against the published CIS Controls v8 figures and against the
// reference CSVs it was made from.

#include <electsec/default_catalog.hpp>

#include <boost/test/unit_test.hpp>

#include "support.hpp"

#include <fstream>
#include <map>
#include <sstream>

using namespace electsec;

namespace {

// RFC 4180 rows of a small CSV file (quoted fields, doubled quotes; no embedded newlines).
std::vector<std::map<std::string, std::string>> read_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read reference file " + path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.emplace_back();
      } else {
        fields.back() += c;
      }
    }
    rows.push_back(fields);
  }
  std::vector<std::map<std::string, std::string>> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < rows[0].size() && i < rows[r].size(); ++i) row[rows[0][i]] = rows[r][i];
    out.push_back(row);
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const auto& i : items) s += (s.empty() ? "" : " ") + i;
  return s;
}

std::string groups(const Safeguard& s) {
  std::string out;
  for (auto g : s.implementation_groups) out += (out.empty() ? "" : " ") + std::string(to_string(g));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(test_default_catalog)

BOOST_AUTO_TEST_CASE(is_one_shared_object) {
  BOOST_TEST(&default_catalog() == &default_catalog());
  BOOST_TEST(default_catalog().guide().title == "Essential Guide to Election Security");
  BOOST_TEST(default_catalog().guide().version == "1.4.1");
}

BOOST_AUTO_TEST_CASE(has_the_published_cis_figures) {
  const Catalog& c = default_catalog();
  BOOST_TEST(c.controls().size() == 18u);
  BOOST_TEST(c.safeguards().size() == 153u);
  const std::pair<ImplementationGroup, std::size_t> by_ig[] = {
      {ImplementationGroup::ig1, 56}, {ImplementationGroup::ig2, 130}, {ImplementationGroup::ig3, 153}};
  for (const auto& [ig, n] : by_ig) BOOST_TEST_CONTEXT("IG" << to_string(ig)) {
      BOOST_TEST(c.safeguards(SafeguardFilter{ig, {}, {}, {}}).size() == n);
    }
  const std::size_t per_control[] = {5, 7, 14, 12, 6, 8, 7, 12, 7, 7, 5, 8, 11, 9, 7, 14, 9, 5};
  for (int control = 1; control <= 18; ++control) BOOST_TEST_CONTEXT("control " << control) {
      BOOST_TEST(c.safeguards(SafeguardFilter{{}, control, {}, {}}).size() == per_control[control - 1]);
    }
}

BOOST_AUTO_TEST_CASE(carries_the_three_corrections_to_the_specification) {
  const Catalog& c = default_catalog();
  BOOST_TEST(groups(c.safeguard("14.9")) == "2 3");
  BOOST_TEST(groups(c.safeguard("17.9")) == "3");
  BOOST_TEST((c.safeguard("17.9").security_function == SecurityFunction::recover));
  BOOST_TEST((c.safeguard("14.6").asset_type == AssetType::not_applicable));
}

BOOST_AUTO_TEST_CASE(equals_the_reference_csvs) {
  const Catalog& c = default_catalog();
  const auto controls = read_csv(test::reference_path("cis-controls-v8-controls.csv"));
  BOOST_TEST_REQUIRE(controls.size() == c.controls().size());
  for (std::size_t i = 0; i < controls.size(); ++i) {
    BOOST_TEST(std::to_string(c.controls()[i].id) == controls[i].at("control"));
    BOOST_TEST(c.controls()[i].title == controls[i].at("title"));
  }
  const auto rows = read_csv(test::reference_path("cis-controls-v8-safeguards.csv"));
  BOOST_TEST_REQUIRE(rows.size() == c.safeguards().size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const Safeguard& s = c.safeguards()[i];
    BOOST_TEST_CONTEXT("safeguard " << row.at("safeguard")) {
      BOOST_TEST(s.id == row.at("safeguard"));
      BOOST_TEST(std::to_string(s.control) == row.at("control"));
      BOOST_TEST(s.title == row.at("title"));
      BOOST_TEST(to_string(s.asset_type) == row.at("asset_type"));
      BOOST_TEST(to_string(s.security_function) == row.at("security_function"));
      BOOST_TEST(groups(s) == row.at("implementation_groups"));
      BOOST_TEST(joined(s.depends_on) == row.at("depends_on"));
    }
  }
}

BOOST_AUTO_TEST_CASE(has_the_three_maturity_levels) {
  const auto& levels = default_catalog().maturity_levels();
  BOOST_TEST_REQUIRE(levels.size() == 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    BOOST_TEST(static_cast<std::size_t>(levels[i].level) == i + 1);
    BOOST_TEST(levels[i].name == "Level " + std::to_string(i + 1));
    BOOST_TEST(!levels[i].description.empty());
  }
}

BOOST_AUTO_TEST_SUITE_END()  // test_default_catalog
