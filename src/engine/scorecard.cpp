#include <electsec/scorecard.hpp>

#include "catalog_impl.hpp"
#include "engine/flat_statuses.hpp"

#include <algorithm>
#include <tuple>

namespace electsec {

namespace {

std::size_t level_index(Maturity m) { return static_cast<std::size_t>(m) - 1; }

double ratio(std::size_t done, std::size_t applicable) {
  return applicable == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(applicable);
}

struct Counts {
  std::size_t applicable = 0, done = 0, in_progress = 0;
};

// One applicable action's status counted into its practice's counts.
void tally(Counts& k, Status status) {
  switch (status) {
    case Status::done:
      ++k.done;
      break;
    case Status::in_progress:
      ++k.in_progress;
      break;
    case Status::not_applicable:
      --k.applicable;
      break;
    case Status::not_started:
      break;
  }
}

// Per-practice counts of one office, into `counts` (one entry per practice). One hash
// lookup per recorded status; statuses of actions that do not apply are ignored.
void count(const Catalog& c, const Assessment& a, std::vector<Counts>& counts) {
  const auto& impl = detail::CatalogAccess::impl(c);
  const std::size_t level = level_index(a.maturity);
  counts.assign(impl.applicable_counts.size(), Counts{});
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i].applicable = impl.applicable_counts[i][level];
  for (const auto& [id, st] : a.statuses) {
    const auto it = impl.action_index.find(id);
    if (it == impl.action_index.end()) c.action(id);  // throws NotFound with suggestions
    const auto [pi, ai] = it->second;
    const Practice& p = impl.data.practices[pi];
    if (p.scope_at(a.maturity) == Scope::out_of_scope || p.actions[ai].first_level() > a.maturity) continue;
    tally(counts[pi], st.status);
  }
}

// The same from one status byte per action number.
void count_flat(const Catalog& c, Maturity m, const std::int8_t* statuses, std::vector<Counts>& counts) {
  const auto& impl = detail::CatalogAccess::impl(c);
  const std::size_t level = level_index(m);
  counts.assign(impl.applicable_counts.size(), Counts{});
  for (std::size_t i = 0; i < counts.size(); ++i) {
    Counts& k = counts[i];
    k.applicable = impl.applicable_counts[i][level];
    const Practice& p = impl.data.practices[i];
    if (p.scope_at(m) == Scope::out_of_scope) continue;
    const std::int8_t* first = statuses + impl.first_action[i];
    for (std::size_t a = 0; a < p.actions.size(); ++a) {
      if (first[a] == detail::no_status || p.actions[a].first_level() > m) continue;
      tally(k, static_cast<Status>(first[a]));
    }
  }
}

// Adds practice counts at maturity `m` to the Safeguards they map to (a mapping counts
// from the level it is tagged with); `used` marks Safeguards with a counted mapping.
void add_safeguards(const Catalog& c, Maturity m, const std::vector<Counts>& counts, std::vector<Counts>& sums,
                    std::vector<bool>& used) {
  const auto& impl = detail::CatalogAccess::impl(c);
  const Safeguard* first = impl.data.safeguards.data();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (impl.data.practices[i].scope_at(m) == Scope::out_of_scope) continue;
    for (const auto& mapped : impl.safeguards_by_practice[i]) {
      if (mapped.maturity && *mapped.maturity > m) continue;
      const auto s = static_cast<std::size_t>(mapped.safeguard - first);
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
  const Maturity m = assessment.maturity;
  std::vector<Counts> counts;
  count(catalog, assessment, counts);
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
  add_safeguards(catalog, m, counts, sums, used);
  card.safeguards = safeguard_scores(catalog, sums, used);
  return card;
}

// Sums are kept per level and practice; Safeguards are derived from them once, at
// finish, so adding an office costs one lookup per status and one pass over practices.
struct RollupBuilder::State {
  explicit State(const Catalog& c) : complete(c.practices().size(), 0) {
    for (auto& level : by_level) level.resize(c.practices().size());
  }
  std::array<std::vector<Counts>, 3> by_level;
  std::vector<std::size_t> complete;
  std::array<std::size_t, 3> distribution{};
  std::vector<OfficeSummary> offices;
  std::vector<Counts> scratch;
};

RollupBuilder::RollupBuilder(const Catalog& catalog) : catalog_(&catalog), state_(std::make_unique<State>(catalog)) {}
RollupBuilder::RollupBuilder(RollupBuilder&&) noexcept = default;
RollupBuilder& RollupBuilder::operator=(RollupBuilder&&) noexcept = default;
RollupBuilder::~RollupBuilder() = default;

namespace detail {
struct RollupAccess {
  // Add the office whose practice counts are in the builder's scratch.
  static void add_counted(RollupBuilder& b, const Jurisdiction& j, Maturity m);
  static RollupBuilder::State& state(RollupBuilder& b) { return *b.state_; }
  static const Catalog& catalog(const RollupBuilder& b) { return *b.catalog_; }
};

std::size_t action_count(const Catalog& catalog) { return CatalogAccess::impl(catalog).actions_in_order.size(); }

int action_number(const Catalog& catalog, std::string_view id) {
  const auto& impl = CatalogAccess::impl(catalog);
  const auto it = impl.action_index.find(id);
  if (it == impl.action_index.end()) return -1;
  return static_cast<int>(impl.first_action[it->second.first] + it->second.second);
}

const Action& action_numbered(const Catalog& catalog, std::size_t number) {
  return *CatalogAccess::impl(catalog).actions_in_order.at(number);
}

void add_statuses(RollupBuilder& builder, const Jurisdiction& jurisdiction, Maturity maturity,
                  const std::int8_t* statuses) {
  count_flat(RollupAccess::catalog(builder), maturity, statuses, RollupAccess::state(builder).scratch);
  RollupAccess::add_counted(builder, jurisdiction, maturity);
}
}  // namespace detail

void RollupBuilder::add(const Assessment& a) {
  count(*catalog_, a, state_->scratch);
  detail::RollupAccess::add_counted(*this, a.jurisdiction, a.maturity);
}

void detail::RollupAccess::add_counted(RollupBuilder& b, const Jurisdiction& j, Maturity m) {
  RollupBuilder::State& s = *b.state_;
  const std::size_t level = level_index(m);
  OfficeSummary office{j, m, 0, 0, 0.0, priorities_done(*b.catalog_, m, s.scratch)};
  for (std::size_t i = 0; i < s.scratch.size(); ++i) {
    const Counts& k = s.scratch[i];
    s.by_level[level][i].applicable += k.applicable;
    s.by_level[level][i].done += k.done;
    if (k.applicable > 0 && k.done == k.applicable) ++s.complete[i];
    office.actions_applicable += k.applicable;
    office.actions_done += k.done;
  }
  office.completion = ratio(office.actions_done, office.actions_applicable);
  ++s.distribution[level];
  s.offices.push_back(std::move(office));
}

void RollupBuilder::merge(const RollupBuilder& other) {
  State& s = *state_;
  const State& o = *other.state_;
  for (std::size_t l = 0; l < 3; ++l) {
    for (std::size_t i = 0; i < s.complete.size(); ++i) {
      s.by_level[l][i].applicable += o.by_level[l][i].applicable;
      s.by_level[l][i].done += o.by_level[l][i].done;
    }
    s.distribution[l] += o.distribution[l];
  }
  for (std::size_t i = 0; i < s.complete.size(); ++i) s.complete[i] += o.complete[i];
  s.offices.insert(s.offices.end(), o.offices.begin(), o.offices.end());
}

Rollup RollupBuilder::finish() const {
  const State& s = *state_;
  Rollup r;
  r.jurisdictions = s.offices.size();
  r.maturity_distribution = s.distribution;
  for (std::size_t i = 0; i < s.complete.size(); ++i) {
    std::size_t applicable = 0, done = 0;
    for (const auto& level : s.by_level) {
      applicable += level[i].applicable;
      done += level[i].done;
    }
    r.practices.push_back({catalog_->practices()[i].id, applicable, done, ratio(done, applicable), s.complete[i]});
    r.actions_applicable += applicable;
    r.actions_done += done;
  }
  r.completion = ratio(r.actions_done, r.actions_applicable);
  std::vector<const PracticeRollup*> order;
  for (const auto& p : r.practices)
    if (p.actions_applicable > 0) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(),
                   [](const PracticeRollup* x, const PracticeRollup* y) { return x->completion < y->completion; });
  for (std::size_t i = 0; i < order.size() && i < 5; ++i) r.least_complete.push_back(order[i]->practice);
  std::vector<Counts> sums(catalog_->safeguards().size());
  std::vector<bool> used(sums.size(), false);
  for (Maturity m : all_maturities)
    if (s.distribution[level_index(m)] > 0) add_safeguards(*catalog_, m, s.by_level[level_index(m)], sums, used);
  r.safeguards = safeguard_scores(*catalog_, sums, used);
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

namespace electsec {

bool PracticeScore::operator==(const PracticeScore& o) const {
  return std::tie(practice, scope, actions_applicable, actions_done, actions_in_progress, completion) ==
         std::tie(o.practice, o.scope, o.actions_applicable, o.actions_done, o.actions_in_progress, o.completion);
}

bool SafeguardScore::operator==(const SafeguardScore& o) const {
  return std::tie(safeguard, actions_applicable, actions_done, completion) ==
         std::tie(o.safeguard, o.actions_applicable, o.actions_done, o.completion);
}

bool Scorecard::operator==(const Scorecard& o) const {
  return std::tie(jurisdiction, maturity, practices, safeguards, priorities_complete, actions_applicable, actions_done,
                  actions_in_progress, completion) == std::tie(o.jurisdiction, o.maturity, o.practices, o.safeguards,
                                                               o.priorities_complete, o.actions_applicable,
                                                               o.actions_done, o.actions_in_progress, o.completion);
}

bool PracticeRollup::operator==(const PracticeRollup& o) const {
  return std::tie(practice, actions_applicable, actions_done, completion, offices_complete) ==
         std::tie(o.practice, o.actions_applicable, o.actions_done, o.completion, o.offices_complete);
}

bool OfficeSummary::operator==(const OfficeSummary& o) const {
  return std::tie(jurisdiction, maturity, actions_applicable, actions_done, completion, priorities_complete) ==
         std::tie(o.jurisdiction, o.maturity, o.actions_applicable, o.actions_done, o.completion,
                  o.priorities_complete);
}

bool Rollup::operator==(const Rollup& o) const {
  return std::tie(jurisdictions, maturity_distribution, practices, least_complete, safeguards, offices,
                  actions_applicable, actions_done,
                  completion) == std::tie(o.jurisdictions, o.maturity_distribution, o.practices, o.least_complete,
                                          o.safeguards, o.offices, o.actions_applicable, o.actions_done, o.completion);
}

}  // namespace electsec
