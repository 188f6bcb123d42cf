#include <electsec/scorecard.hpp>

#include <algorithm>

namespace electsec {

namespace {

std::size_t level_index(Maturity m) { return static_cast<std::size_t>(m) - 1; }

double ratio(std::size_t done, std::size_t applicable) {
  return applicable == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(applicable);
}

// What scoring needs of a catalog, computed once per scorecard or rollup.
struct Model {
  explicit Model(const Catalog& catalog) : c(catalog), base(catalog.practices().size()) {
    const auto& practices = c.practices();
    for (std::size_t i = 0; i < practices.size(); ++i)
      for (Maturity m : all_maturities)
        if (practices[i].scope_at(m) != Scope::out_of_scope)
          for (const auto& a : practices[i].actions)
            if (a.first_level() <= m) ++base[i][level_index(m)];
  }

  std::size_t index_of(const Practice& p) const { return static_cast<std::size_t>(&p - c.practices().data()); }
  std::size_t index_of(const Safeguard& s) const { return static_cast<std::size_t>(&s - c.safeguards().data()); }

  const Catalog& c;
  std::vector<std::array<std::size_t, 3>> base;  // applicable actions per practice and level
};

struct Counts {
  std::size_t applicable = 0, done = 0, in_progress = 0;
};

// Per-practice counts of one office. Statuses of actions that do not apply are ignored.
std::vector<Counts> count(const Model& model, const Assessment& a) {
  const std::size_t level = level_index(a.maturity);
  std::vector<Counts> counts(model.base.size());
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i].applicable = model.base[i][level];
  for (const auto& [id, st] : a.statuses) {
    const Action& action = model.c.action(id);
    const Practice& p = model.c.practice_of_action(id);
    if (p.scope_at(a.maturity) == Scope::out_of_scope || action.first_level() > a.maturity) continue;
    Counts& k = counts[model.index_of(p)];
    switch (st.status) {
      case Status::done: ++k.done; break;
      case Status::in_progress: ++k.in_progress; break;
      case Status::not_applicable: --k.applicable; break;
      case Status::not_started: break;
    }
  }
  return counts;
}

// Adds each counted mapping's practice counts to its Safeguard; `used` marks Safeguards
// with at least one counted mapping.
void add_safeguards(const Model& model, Maturity m, const std::vector<Counts>& counts,
                    std::vector<Counts>& sums, std::vector<bool>& used) {
  const auto& practices = model.c.practices();
  for (std::size_t i = 0; i < practices.size(); ++i) {
    if (practices[i].scope_at(m) == Scope::out_of_scope) continue;
    for (const auto& mapped : model.c.safeguards_of_practice(practices[i].id)) {
      if (mapped.maturity && *mapped.maturity > m) continue;
      const std::size_t s = model.index_of(*mapped.safeguard);
      sums[s].applicable += counts[i].applicable;
      sums[s].done += counts[i].done;
      used[s] = true;
    }
  }
}

std::vector<SafeguardScore> safeguard_scores(const Catalog& c, const std::vector<Counts>& sums,
                                             const std::vector<bool>& used) {
  std::vector<SafeguardScore> out;
  for (std::size_t s = 0; s < sums.size(); ++s)
    if (used[s])
      out.push_back({c.safeguards()[s].id, sums[s].applicable, sums[s].done, ratio(sums[s].done, sums[s].applicable)});
  return out;
}

bool priorities_done(const Catalog& c, Maturity m, const std::vector<Counts>& counts) {
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (c.practices()[i].scope_at(m) == Scope::priority && counts[i].done < counts[i].applicable) return false;
  return true;
}

}  // namespace

Scorecard score(const Catalog& catalog, const Assessment& assessment) {
  const Model model(catalog);
  const Maturity m = assessment.maturity;
  const auto counts = count(model, assessment);
  Scorecard card;
  card.jurisdiction = assessment.jurisdiction;
  card.maturity = m;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const Practice& p = catalog.practices()[i];
    if (p.scope_at(m) == Scope::out_of_scope) continue;
    const Counts& k = counts[i];
    card.practices.push_back({p.id, p.scope_at(m), k.applicable, k.done, k.in_progress, ratio(k.done, k.applicable)});
    card.actions_applicable += k.applicable;
    card.actions_done += k.done;
    card.actions_in_progress += k.in_progress;
  }
  card.completion = ratio(card.actions_done, card.actions_applicable);
  card.priorities_complete = priorities_done(catalog, m, counts);
  std::vector<Counts> sums(catalog.safeguards().size());
  std::vector<bool> used(sums.size(), false);
  add_safeguards(model, m, counts, sums, used);
  card.safeguards = safeguard_scores(catalog, sums, used);
  return card;
}

struct RollupBuilder::State {
  explicit State(const Catalog& c)
      : model(c), practices(c.practices().size()), complete(c.practices().size(), 0),
        safeguards(c.safeguards().size()), used(c.safeguards().size(), false) {}
  Model model;
  std::vector<Counts> practices;
  std::vector<std::size_t> complete;
  std::vector<Counts> safeguards;
  std::vector<bool> used;
  std::array<std::size_t, 3> distribution{};
  std::vector<OfficeSummary> offices;
};

RollupBuilder::RollupBuilder(const Catalog& catalog)
    : catalog_(&catalog), state_(std::make_shared<State>(catalog)) {}

void RollupBuilder::add(const Assessment& a) {
  State& s = *state_;
  const auto counts = count(s.model, a);
  OfficeSummary office{a.jurisdiction, a.maturity, 0, 0, 0.0, priorities_done(*catalog_, a.maturity, counts)};
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (catalog_->practices()[i].scope_at(a.maturity) == Scope::out_of_scope) continue;
    s.practices[i].applicable += counts[i].applicable;
    s.practices[i].done += counts[i].done;
    if (counts[i].applicable > 0 && counts[i].done == counts[i].applicable) ++s.complete[i];
    office.actions_applicable += counts[i].applicable;
    office.actions_done += counts[i].done;
  }
  office.completion = ratio(office.actions_done, office.actions_applicable);
  add_safeguards(s.model, a.maturity, counts, s.safeguards, s.used);
  ++s.distribution[level_index(a.maturity)];
  s.offices.push_back(std::move(office));
}

void RollupBuilder::merge(const RollupBuilder& other) {
  State& s = *state_;
  const State& o = *other.state_;
  for (std::size_t i = 0; i < s.practices.size(); ++i) {
    s.practices[i].applicable += o.practices[i].applicable;
    s.practices[i].done += o.practices[i].done;
    s.complete[i] += o.complete[i];
  }
  for (std::size_t i = 0; i < s.safeguards.size(); ++i) {
    s.safeguards[i].applicable += o.safeguards[i].applicable;
    s.safeguards[i].done += o.safeguards[i].done;
    s.used[i] = s.used[i] || o.used[i];
  }
  for (std::size_t l = 0; l < 3; ++l) s.distribution[l] += o.distribution[l];
  s.offices.insert(s.offices.end(), o.offices.begin(), o.offices.end());
}

Rollup RollupBuilder::finish() const {
  const State& s = *state_;
  Rollup r;
  r.jurisdictions = s.offices.size();
  r.maturity_distribution = s.distribution;
  for (std::size_t i = 0; i < s.practices.size(); ++i) {
    const auto& k = s.practices[i];
    r.practices.push_back({catalog_->practices()[i].id, k.applicable, k.done, ratio(k.done, k.applicable), s.complete[i]});
    r.actions_applicable += k.applicable;
    r.actions_done += k.done;
  }
  r.completion = ratio(r.actions_done, r.actions_applicable);
  std::vector<const PracticeRollup*> order;
  for (const auto& p : r.practices)
    if (p.actions_applicable > 0) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(),
                   [](const PracticeRollup* x, const PracticeRollup* y) { return x->completion < y->completion; });
  for (std::size_t i = 0; i < order.size() && i < 5; ++i) r.least_complete.push_back(order[i]->practice);
  r.safeguards = safeguard_scores(*catalog_, s.safeguards, s.used);
  r.offices = s.offices;
  std::sort(r.offices.begin(), r.offices.end(), [](const OfficeSummary& x, const OfficeSummary& y) {
    if (x.completion != y.completion) return x.completion < y.completion;
    return x.jurisdiction.id < y.jurisdiction.id;
  });
  return r;
}

Rollup rollup(const Catalog& catalog, const std::vector<Assessment>& assessments) {
  RollupBuilder b(catalog);
  for (const auto& a : assessments) b.add(a);
  return b.finish();
}

}  // namespace electsec
