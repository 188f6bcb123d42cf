// A state's history store: three counties recorded over the first half of 2026, then the
// state's monthly trend, one county as it stood in March, and that county against its peers.
// Usage: state_history [STORE]   (default: state_history.db here; replaced if it exists)
#include <electsec/electsec.hpp>

#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  using namespace electsec;
  const std::string path = argc > 1 ? argv[1] : "state_history.db";
  try {
    const Catalog& catalog = default_catalog();
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
    Store store = Store::create(path, catalog);

    // Three counties join on January 5th; each then finishes Level 1 actions at its own pace.
    std::vector<std::string> level1;
    for (const Practice& p : catalog.practices())
      for (const Action* a : catalog.applicable_actions(p.id, Maturity::level1)) level1.push_back(a->id);
    const int pace[] = {3, 2, 1};
    for (int county = 0; county < 3; ++county) {
      Assessment office;
      office.jurisdiction = {"us-xx-" + std::to_string(county + 1), "County " + std::to_string(county + 1), "XX",
                             JurisdictionKind::county};
      office.catalog_version = catalog.guide().version;
      store.import_assessment(office, Stamp{"2026-01-05", "state office", "enrolment"});
      for (int month = 1; month <= 6; ++month) {
        std::vector<std::string> done;
        for (int k = 0; k < pace[county]; ++k) done.push_back(level1[(month - 1) * pace[county] + k]);
        store.set_status(office.jurisdiction.id, done, Status::done, std::nullopt,
                         Stamp{"2026-0" + std::to_string(month) + "-20", "clerk", "state_history"});
      }
    }
    std::cout << store.event_count() << " events recorded\n";

    // The state month by month: every office's progress at the end of each month.
    TrendOptions months;
    months.from = "2026-01-01";
    months.to = "2026-06-30";
    for (const TrendPoint& p : store.trend(months))
      std::cout << p.period << ": " << p.actions_done << " of " << p.actions_applicable << " done, median office "
                << percent(p.office_completion.median) << '\n';

    // County 2 as it stood at the end of March, and against the other counties of its state.
    const Assessment march = store.assessment("us-xx-2", "2026-03-31");
    std::cout << "us-xx-2 on 2026-03-31: " << march.statuses.size() << " actions done\n";
    const PeerComparison c = store.compare("us-xx-2", "2026-06-30");
    std::cout << "us-xx-2 on 2026-06-30: " << percent(c.completion) << " done, peers' median "
              << percent(c.peers.median) << ", percentile rank " << c.percentile_rank << '\n';
    return 0;
  } catch (const Error& e) {
    std::cerr << "state_history: " << e.what() << '\n';
    return 1;
  }
}
