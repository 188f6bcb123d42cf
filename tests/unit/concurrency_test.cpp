// One shared catalog used from 8 threads at once: lookups, filters, relations, search,
// plans, scorecards and rollups. Run under ThreadSanitizer by the `tsan` preset (ctest
// `concurrency`); in other builds it checks the answers agree.
#include <electsec/electsec.hpp>

#include <boost/test/unit_test.hpp>

#include <atomic>
#include <thread>

using namespace electsec;

BOOST_AUTO_TEST_SUITE(test_concurrency)

BOOST_AUTO_TEST_CASE(eight_threads_share_the_default_catalog) {
  std::atomic<bool> go{false};
  std::vector<std::size_t> results(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      // The first call of default_catalog() and the first search happen here, racing.
      const Catalog& c = default_catalog();
      std::size_t sum = 0;
      for (int i = 0; i < 20; ++i) {
        sum += c.safeguards(SafeguardFilter{ImplementationGroup::ig1, {}, {}, {}}).size();
        sum += c.practices_of_safeguard("4.1").size();
        sum += search(c, "ransomware backups").size();
        Assessment a;
        a.jurisdiction = {"o" + std::to_string(t), "O", "XX", JurisdictionKind::county};
        a.maturity = static_cast<Maturity>(1 + (t + i) % 3);
        a.set(c, "backups.l1.1", Status::done);
        sum += score(c, a).actions_done;
        sum += build_plan(c, a.maturity, a).steps.size() > 0 ? 1 : 0;
        sum += rollup(c, {a, a}).jurisdictions;
      }
      results[t] = sum;
    });
  go = true;
  for (auto& th : threads) th.join();
  // Plans differ by level only through the step count, which is folded to 1: every thread
  // must have seen the same catalog.
  for (int t = 1; t < 8; ++t) BOOST_TEST(results[t] == results[0]);
}

BOOST_AUTO_TEST_SUITE_END()  // test_concurrency
