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

}  // namespace electsec
