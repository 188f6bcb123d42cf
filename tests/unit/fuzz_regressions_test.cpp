// Every input a fuzzer ever crashed on (tests/fuzz/regressions/<loader>/*) must now end
// in success or an electsec::Error, through the same entry point the fuzzer used.
#include <electsec/assessment_json.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/default_catalog.hpp>
#include <electsec/rst_import.hpp>

#include <boost/test/unit_test.hpp>

#include "io/assessment_fast.hpp"
#include "io/assessment_reader.hpp"
#include "io/rst_internal.hpp"
#include "support.hpp"

#include <filesystem>
#include <functional>

using namespace electsec;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(test_fuzz_regressions)

BOOST_AUTO_TEST_CASE(every_saved_crash_is_handled) {
  const Catalog& c = default_catalog();
  const std::map<std::string, std::function<void(const std::string&)>> loaders{
      {"catalog", [](const std::string& t) { parse_catalog(t); }},
      {"assessment",
       [&](const std::string& t) {
         // The two readers agree: what the fast path accepts, the full reader reads the same.
         if (const auto fast = detail::read_assessment_fast(t, &c))
           BOOST_TEST((detail::read_assessment_full(t, &c, "regression") == *fast));
         parse_assessment(t, c);
       }},
      {"status_csv", [&](const std::string& t) { parse_status_csv(t, c); }},
      {"answers", [&](const std::string& t) { parse_answers(t, c); }},
      {"rst",
       [](const std::string& t) {
         std::vector<ImportWarning> w;
         // What is imported can be written as JSON (a name cut inside a character could not).
         (void)to_json(detail::import_practice_text(t, "bp/regression.rst", {}, w));
       }},
  };
  const fs::path root = fs::path(ELECTSEC_TEST_DATA_DIR) / ".." / "fuzz" / "regressions";
  std::size_t checked = 0;
  for (const auto& [kind, load] : loaders) {
    if (!fs::is_directory(root / kind)) continue;
    for (const auto& entry : fs::directory_iterator(root / kind)) {
      BOOST_TEST_CONTEXT(entry.path().string()) {
        try {
          load(test::read_text(entry.path().string()));
        } catch (const Error&) {
        } catch (const std::exception& e) {
          BOOST_ERROR("escaped as " << typeid(e).name() << ": " << e.what());
        }
        ++checked;
      }
    }
  }
  BOOST_TEST(checked > 0u);
}

BOOST_AUTO_TEST_SUITE_END()  // test_fuzz_regressions
