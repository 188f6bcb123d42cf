#pragma once
// Shared helpers of the unit tests.

#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace electsec::test {

/// A small consistent catalog: the real CIS Controls and Safeguards, and two synthetic
/// practices ("alpha", "beta") that exercise groups, blocks, scopes and every list.
CatalogData sample_data();

/// sample_data() built.
const Catalog& sample_catalog();

/// Paths of a file in the shared reference folder and under tests/data.
std::string reference_path(const std::string& name);
std::string test_data_path(const std::string& name);
/// The path of a file of the repository, such as "pyproject.toml".
std::string source_path(const std::string& name);

/// The whole content of a file, as bytes; empty when it cannot be read.
std::string read_text(const std::string& path);

/// The golden file tests/data/golden/`name`; with ELECTSEC_UPDATE_GOLDEN set in the
/// environment, first written from `actual` (then look at the change before committing it).
std::string golden(const std::string& name, const std::string& actual);

/// `text` with the first `from` replaced by `to`; throws std::logic_error when `text`
/// has no `from`, so a case whose fixture changed fails instead of testing the fixture.
std::string replace_once(std::string text, const std::string& from, const std::string& to);

/// An empty assessment of "A County" (XX) at `m`, for the default catalog.
Assessment office(const std::string& id = "us-xx-a", Maturity m = Maturity::level1);

/// An empty assessment of "<id> County" (XX) at `m`, for sample_catalog().
Assessment sample_office(const std::string& id, Maturity m);

/// What `electsec ARGS...` did, run in-process through run_cli.
struct Run {
  int code;         ///< its exit code
  std::string out;  ///< what it wrote to standard output
  std::string err;  ///< what it wrote to standard error
};
/// Run the command line `args` (without the program name) in-process.
Run run(std::vector<std::string> args);

/// A path in a fresh temporary directory (removed at exit) for files a test writes.
std::string temp_path(const std::string& name);

/// Another writer holding an assessment file's lock: from construction (which returns once
/// the lock is held, on a thread of its own) until release() or destruction.
class HeldLock {
 public:
  HeldLock(const std::string& path, const Catalog& catalog);
  HeldLock(const HeldLock&) = delete;
  HeldLock& operator=(const HeldLock&) = delete;
  ~HeldLock() { release(); }
  void release();  ///< let go of the lock and wait for the thread

 private:
  std::atomic<bool> inside_{false}, release_{false};
  std::thread holder_;
};

}  // namespace electsec::test
