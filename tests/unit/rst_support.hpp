#pragma once
// What the importer's tests share: the 1.4.1 sources (and a precondition that skips a case
// when they are not there), and small guides written for one case.

#include "support.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace electsec::test {

/// The guide's 1.4.1 RST sources in the shared reference folder.
inline const std::filesystem::path guide_1_4_1 = reference_path("eges-1.4.1");

/// A test-case precondition: true when the 1.4.1 sources are there, else a skip naming them.
struct ReferencePresent {
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const {
    boost::test_tools::assertion_result r(std::filesystem::is_directory(guide_1_4_1));
    r.message() << "skipped: " << guide_1_4_1 << " is not there";
    return r;
  }
};

/// A tiny guide written for one case, `<temporary>/<folder>/<name>`, made anew with `files`
/// (relative path -> content).
inline std::filesystem::path write_guide(const std::string& folder, const std::string& name,
                                         const std::map<std::string, std::string>& files) {
  const std::filesystem::path root = std::filesystem::path(temp_path(folder)) / name;
  std::filesystem::remove_all(root);
  for (const auto& [path, text] : files) {
    std::filesystem::create_directories((root / path).parent_path());
    std::ofstream(root / path) << text;
  }
  return root;
}

}  // namespace electsec::test
