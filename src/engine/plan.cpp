#include <electsec/plan.hpp>
#include <electsec/systems.hpp>

#include "enum_names.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_set>

namespace electsec {

namespace {
constexpr detail::EnumNames<StepKind, 2> step_kind_names{
    "step kind", {StepKind::worksheet, StepKind::practice}, {"worksheet", "practice"}};
}  // namespace

std::string_view to_string(StepKind k) { return step_kind_names.name(k); }
StepKind parse_step_kind(std::string_view text) { return step_kind_names.parse(text); }

std::string step_title(const Catalog& c, const PlanStep& s) {
  return s.kind == StepKind::worksheet ? c.worksheet(s.id).name + " worksheet" : c.practice(s.id).title;
}

namespace {

class PlanWriter {
 public:
  PlanWriter(const Catalog& c, Maturity m, const Assessment* a) : c_(c), m_(m), a_(a) { plan_.maturity = m; }

  // Worksheets may share actions (the five inventory worksheets all fulfil Asset
  // Management's first action), so they are not deduplicated among themselves.
  void worksheet(const Worksheet& w, std::size_t number, std::size_t of) {
    std::vector<std::string> todo;
    for (const auto& id : w.actions) {
      listed_.insert(id);
      if (open(id)) todo.push_back(id);
    }
    add(StepKind::worksheet, w.id, "", std::move(todo),
        "Start here: worksheet " + std::to_string(number) + " of " + std::to_string(of) + " of the Level 1 baseline");
  }

  // A practice step lists its applicable actions, lower levels first, that no earlier
  // step listed.
  void practice(const Practice& p, std::string reason) {
    auto actions = c_.applicable_actions(p.id, m_);
    std::stable_sort(actions.begin(), actions.end(),
                     [](const Action* x, const Action* y) { return x->first_level() < y->first_level(); });
    std::vector<std::string> todo;
    for (const Action* a : actions) {
      if (!listed_.insert(a->id).second) continue;
      if (open(a->id)) todo.push_back(a->id);
    }
    add(StepKind::practice, p.id, p.id, std::move(todo), std::move(reason));
  }

  Plan finish() { return std::move(plan_); }

 private:
  bool open(const std::string& action) const {
    if (a_ == nullptr) return true;
    const Status s = a_->status_of(action);
    return s != Status::done && s != Status::not_applicable;
  }

  void add(StepKind kind, std::string id, std::string practice, std::vector<std::string> actions, std::string reason) {
    if (actions.empty()) return;
    plan_.steps.push_back({static_cast<int>(plan_.steps.size()) + 1, kind, std::move(id), std::move(practice),
                           std::move(actions), std::move(reason)});
  }

  const Catalog& c_;
  Maturity m_;
  const Assessment* a_;
  Plan plan_;
  std::unordered_set<std::string> listed_;
};

}  // namespace

namespace {

Plan plan_for(const Catalog& c, Maturity m, const Assessment* a) {
  PlanWriter w(c, m, a);
  const std::string level = level_name(m);
  const auto priority = c.practices(PracticeFilter{m, Scope::priority});
  const auto in_scope = c.practices(PracticeFilter{m, Scope::in_scope});
  std::unordered_set<std::string> placed;

  if (m == Maturity::level1) {
    const auto& baseline = c.priorities().level1_baseline;
    for (std::size_t i = 0; i < baseline.size(); ++i) w.worksheet(baseline[i], i + 1, baseline.size());
    const auto& election = c.priorities().level1_election;
    for (std::size_t i = 0; i < election.size(); ++i) {
      w.practice(c.practice(election[i]), "After the baseline: Level 1 election priority " + std::to_string(i + 1) +
                                              " of " + std::to_string(election.size()));
      placed.insert(election[i]);
    }
  } else {
    // Priority practices by the best (lowest) CDM rank among the Safeguards they are
    // ranked against; ties keep index order.
    struct Ranked {
      const Practice* practice;
      const CdmRank* best;
    };
    std::vector<Ranked> ranked;
    for (const Practice* p : priority) {
      const CdmRank* best = nullptr;
      for (const auto& r : c.priorities().cdm_ranking)
        if (r.practice == p->id && (best == nullptr || r.rank < best->rank)) best = &r;
      if (best != nullptr) ranked.push_back({p, best});
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const Ranked& x, const Ranked& y) { return x.best->rank < y.best->rank; });
    for (const auto& r : ranked) {
      w.practice(*r.practice, "Priority; Safeguard " + r.best->safeguard + " ranks " + std::to_string(r.best->rank) +
                                  " against common attacks in the CIS Community Defense Model");
      placed.insert(r.practice->id);
    }
  }
  for (const Practice* p : priority)
    if (!placed.count(p->id)) w.practice(*p, "Priority practice at " + level);
  for (const Practice* p : in_scope) w.practice(*p, "Part of " + level + ", after the priorities");
  return w.finish();
}

}  // namespace

Plan build_plan(const Catalog& c, Maturity m, const Assessment& a) { return plan_for(c, m, &a); }

Plan build_plan(const Catalog& c, Maturity m, const Assessment& a, const PlanOptions& options) {
  Plan plan = plan_for(c, m, &a);
  if (!options.systems_first || a.systems.empty()) return plan;
  // electsec's weighting, not the guide's: the steps that address the office's systems go
  // first, each group keeping the guide's order, and each moved step says why it moved.
  const RiskPicture picture = risk_picture(c, a.systems, m);
  const auto addressing = [&](const std::string& practice) -> const SystemPractice* {
    for (const auto& p : picture.practices)
      if (p.practice == practice) return &p;
    return nullptr;
  };
  std::vector<PlanStep> moved, rest;
  for (PlanStep& step : plan.steps) {
    std::vector<const SystemPractice*> by;
    if (step.kind == StepKind::practice) {
      if (const auto* p = addressing(step.practice)) by.push_back(p);
    } else {
      for (const auto& action : step.actions) {
        const auto* p = addressing(c.practice_of_action(action).id);
        if (p != nullptr && std::find(by.begin(), by.end(), p) == by.end()) by.push_back(p);
      }
    }
    if (by.empty()) {
      rest.push_back(std::move(step));
      continue;
    }
    SystemPractice uses;  // the uses of every practice the step serves, for one sentence
    for (const auto* p : by) uses.links.insert(uses.links.end(), p->links.begin(), p->links.end());
    step.reason = "electsec: addresses your " + addressed_uses(uses) + "; in the guide's order: " + step.reason;
    moved.push_back(std::move(step));
  }
  plan.steps = std::move(moved);
  plan.steps.insert(plan.steps.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
  for (std::size_t i = 0; i < plan.steps.size(); ++i) plan.steps[i].rank = static_cast<int>(i) + 1;
  return plan;
}
Plan build_plan(const Catalog& c, Maturity m) { return plan_for(c, m, nullptr); }

bool PlanStep::operator==(const PlanStep& o) const {
  return std::tie(rank, kind, id, practice, actions, reason) ==
         std::tie(o.rank, o.kind, o.id, o.practice, o.actions, o.reason);
}

bool Plan::operator==(const Plan& o) const { return maturity == o.maturity && steps == o.steps; }

}  // namespace electsec
