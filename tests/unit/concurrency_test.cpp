// One shared catalog used from 8 threads at once: lookups, filters, relations, search,
// plans, scorecards and rollups. Run under ThreadSanitizer by the `tsan` preset (ctest
// `concurrency`); in other builds it checks the answers agree.
#include <electsec/electsec.hpp>

#include <boost/test/unit_test.hpp>

#include "threads.hpp"

#include <atomic>
#include <thread>
#include <vector>

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

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

#if defined(__linux__)
namespace {
std::vector<int> allowed_cpus(const cpu_set_t& set) {
  std::vector<int> out;
  for (int c = 0; c < CPU_SETSIZE; ++c)
    if (CPU_ISSET(c, &set)) out.push_back(c);
  return out;
}
}  // namespace

// A helper thread starts on another CPU than its maker's, when another is allowed, and its
// affinity is then its maker's: never narrowed. Each case runs from a thread of its own,
// limited first to `limit` of the allowed CPUs (all of them when 0) and pinned a moment
// to the first or last of them, so that it is known where the maker runs.
BOOST_AUTO_TEST_CASE(a_helper_starts_on_another_cpu_and_keeps_its_makers_affinity) {
  cpu_set_t process;
  BOOST_REQUIRE(sched_getaffinity(0, sizeof process, &process) == 0);
  const std::vector<int> cpus = allowed_cpus(process);
  struct Case {
    const char* what;
    std::size_t limit;  // allowed CPUs the maker keeps (0: all)
    bool last;          // the maker runs on the last of them (else the first)
    bool moves;         // the helper must start on another CPU than the maker's
  };
  const std::vector<Case> cases = {
      {"two or more CPUs: away from the first", 0, false, cpus.size() > 1},
      {"away from the last", 0, true, cpus.size() > 1},
      {"one CPU allowed: on it", 1, false, false},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.what) {
      std::thread([&] {
        cpu_set_t mine;
        CPU_ZERO(&mine);
        const std::size_t keep = c.limit == 0 ? cpus.size() : std::min(c.limit, cpus.size());
        for (std::size_t i = 0; i < keep; ++i) CPU_SET(cpus[i], &mine);
        const int from = c.last ? cpus[keep - 1] : cpus[0];
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(from, &one);
        BOOST_REQUIRE(pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0);
        BOOST_REQUIRE(detail::current_cpu() == from);
        BOOST_REQUIRE(pthread_setaffinity_np(pthread_self(), sizeof mine, &mine) == 0);
        int ran_on = -2, runs = 0;
        cpu_set_t helper_mask;
        CPU_ZERO(&helper_mask);
        {
          detail::HelperThread helper;
          BOOST_TEST(!helper.running());
          BOOST_REQUIRE(helper.start([&] {
            ran_on = detail::current_cpu();
            pthread_getaffinity_np(pthread_self(), sizeof helper_mask, &helper_mask);
            ++runs;
          }));
          BOOST_TEST(helper.running());
        }  // joined here
        BOOST_TEST(runs == 1);
        if (c.moves) BOOST_TEST(ran_on != from);
        if (!c.moves) BOOST_TEST(ran_on == from);
        BOOST_TEST(CPU_EQUAL(&helper_mask, &mine));
      }).join();
    }
  }
  // Started twice, a helper runs the second work after the first has ended.
  detail::HelperThread helper;
  std::atomic<int> order{0};
  int first = 0, second = 0;
  BOOST_REQUIRE(helper.start([&] { first = ++order; }));
  BOOST_REQUIRE(helper.start([&] { second = ++order; }));
  helper.join();
  BOOST_TEST(first == 1);
  BOOST_TEST(second == 2);
  BOOST_TEST(!helper.running());
}
#endif

BOOST_AUTO_TEST_SUITE_END()  // test_concurrency
