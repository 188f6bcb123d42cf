#pragma once
// Shared helpers of the unit tests.

#include <electsec/catalog.hpp>

#include <string>

namespace electsec::test {

/// A small consistent catalog: the real CIS Controls and Safeguards, and two synthetic
/// practices ("alpha", "beta") that exercise groups, blocks, scopes and every list.
CatalogData sample_data();

/// sample_data() built.
const Catalog& sample_catalog();

/// Contents of a file under tests/data or the shared reference folder.
std::string reference_path(const std::string& name);
std::string test_data_path(const std::string& name);

/// A path in a fresh temporary directory (removed at exit) for files a test writes.
std::string temp_path(const std::string& name);

}  // namespace electsec::test
