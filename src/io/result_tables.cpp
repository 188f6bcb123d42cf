// The CSV tables of results that table.hpp declares: one place for their columns, which the
// CLI and the apps both write.
#include <electsec/table.hpp>

#include <string>

namespace electsec {

Table practices_table(const Rollup& rollup) {
  Table t{{"practice", "actions_applicable", "actions_done", "completion", "offices_complete"}, {}};
  for (const auto& p : rollup.practices)
    t.rows.push_back({p.practice, std::to_string(p.actions_applicable), std::to_string(p.actions_done),
                      std::to_string(p.completion), std::to_string(p.offices_complete)});
  return t;
}

Table offices_table(const std::vector<OfficeSummary>& offices) {
  Table t{{"id", "name", "state", "kind", "maturity", "actions_done", "actions_applicable", "completion"}, {}};
  for (const auto& o : offices)
    t.rows.push_back({o.jurisdiction.id, o.jurisdiction.name, o.jurisdiction.state,
                      std::string(to_string(o.jurisdiction.kind)), std::to_string(static_cast<int>(o.maturity)),
                      std::to_string(o.actions_done), std::to_string(o.actions_applicable),
                      std::to_string(o.completion)});
  return t;
}

Table trend_table(const std::vector<TrendPoint>& trend) {
  Table t{{"period", "as_of", "practice", "offices", "actions_applicable", "actions_done", "completion"}, {}};
  for (const auto& p : trend) {
    t.rows.push_back({p.period, p.as_of, "", std::to_string(p.offices), std::to_string(p.actions_applicable),
                      std::to_string(p.actions_done), std::to_string(p.completion)});
    for (const auto& pr : p.practices)
      t.rows.push_back({p.period, p.as_of, pr.practice, std::to_string(p.offices),
                        std::to_string(pr.actions_applicable), std::to_string(pr.actions_done),
                        std::to_string(pr.completion)});
  }
  return t;
}

Table comparison_table(const PeerComparison& comparison) {
  Table t{{"practice", "completion", "peers", "median", "q1", "q3", "percentile_rank"}, {}};
  const auto row = [&t](const std::string& practice, double completion, const Distribution& peers, double rank) {
    t.rows.push_back({practice, std::to_string(completion), std::to_string(peers.count), std::to_string(peers.median),
                      std::to_string(peers.q1), std::to_string(peers.q3), std::to_string(rank)});
  };
  row("", comparison.completion, comparison.peers, comparison.percentile_rank);
  for (const auto& p : comparison.practices) row(p.practice, p.completion, p.peers, p.percentile_rank);
  return t;
}

}  // namespace electsec
