#include <electsec/scorecard.hpp>

#include "catalog_impl.hpp"
#include "engine/flat_statuses.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <tuple>

namespace electsec {

namespace detail {

// What scoring needs of a catalog, derived once from its indexes (on the first scorecard or
// rollup): the action numbering as a small open-addressing table, and for each level which
// actions count, which practices are in scope or priorities, and which practices add up to
// each Safeguard. Scoring then reads arrays only.
struct ScoringIndex {
  explicit ScoringIndex(const Catalog::Impl& impl);

  // The number of action `id`, or -1 when the catalog has none.
  int find(std::string_view id) const;

  const Catalog::Impl& catalog;  // owns this index
  static constexpr std::uint32_t free_slot = ~std::uint32_t{0};
  struct Slot {
    std::string_view id;
    std::uint32_t number = free_slot;
  };
  std::vector<Slot> slots;  // a power of two, at most half full
  std::size_t slot_mask = 0;
  // Practice i holds the actions numbered bounds[i] .. bounds[i + 1] - 1.
  std::vector<std::size_t> bounds;
  // The actions in runs of one practice each, in number order, none longer than
  // `max_run`, so that a run's packed tallies never overflow (a practice with more actions
  // has several runs).
  static constexpr std::size_t max_run = 256;
  struct Run {
    std::uint32_t practice = 0;
    std::size_t last = 0;  // one past the run's last action number
  };
  std::vector<Run> runs;
  // Per level, per action number: all ones when the action counts at that level (its
  // practice is not out of scope and its block starts at or below the level), else zero.
  std::array<std::vector<std::uint64_t>, 3> counted;
  std::array<std::vector<std::uint32_t>, 3> in_scope;  // practices not out of scope, index order
  std::array<std::vector<std::uint32_t>, 3> priority;  // practices whose scope is priority
  // Per level, each Safeguard with a mapping that counts there, in catalog order, and the
  // range of `mapped` listing the practices of those mappings (one entry per mapping).
  struct Sum {
    std::uint32_t safeguard = 0;
    std::size_t first = 0, last = 0;
  };
  std::array<std::vector<Sum>, 3> sums;
  std::array<std::vector<std::uint32_t>, 3> mapped;
};

}  // namespace detail

namespace {

using detail::ScoringIndex;

std::size_t level_index(Maturity m) { return static_cast<std::size_t>(m) - 1; }

double ratio(std::size_t done, std::size_t applicable) {
  return applicable == 0 ? 0.0 : static_cast<double>(done) / static_cast<double>(applicable);
}

// A hash of an action id from its length and three words of it (the first, the middle and
// the last eight bytes), which tell the catalog's ids apart: cheap, and any collision costs
// one more probe, never a wrong answer.
std::uint64_t hash_id(std::string_view id) {
  const std::size_t n = id.size();
  std::uint64_t first = 0, middle = 0, last = 0;
  if (n >= 8) {
    std::memcpy(&first, id.data(), 8);
    std::memcpy(&last, id.data() + n - 8, 8);
    if (n >= 16) std::memcpy(&middle, id.data() + n / 2 - 4, 8);
  } else {
    std::memcpy(&first, id.data(), n);
  }
  std::uint64_t h =
      (first * 0x9E3779B97F4A7C15ull) ^ (last * 0xC2B2AE3D27D4EB4Full) ^ (middle * 0x165667B19E3779F9ull) ^ n;
  h ^= h >> 29;
  h *= 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 32);
}

// What one status byte adds to its practice's tallies, packed in three fields of 9 bits
// (done, in progress, not applicable), so that a run of actions is counted with one sum.
// Any other byte, such as no_status (-1, read as 255), adds nothing, as not_started does.
constexpr int field_bits = 9;
constexpr std::uint64_t field_mask = (std::uint64_t{1} << field_bits) - 1;
constexpr std::array<std::uint64_t, 256> tallies = [] {
  std::array<std::uint64_t, 256> t{};
  t[static_cast<std::size_t>(Status::done)] = 1;
  t[static_cast<std::size_t>(Status::in_progress)] = std::uint64_t{1} << field_bits;
  t[static_cast<std::size_t>(Status::not_applicable)] = std::uint64_t{1} << (2 * field_bits);
  return t;
}();
static_assert(ScoringIndex::max_run < field_mask, "a run's tallies must fit their fields");

}  // namespace

detail::ScoringIndex::ScoringIndex(const Catalog::Impl& impl) : catalog(impl) {
  const auto& practices = impl.data.practices;
  const std::size_t actions = impl.actions_in_order.size();
  std::size_t size = 16;
  while (size < 2 * actions) size *= 2;
  slots.resize(size);
  slot_mask = size - 1;
  for (std::size_t n = 0; n < actions; ++n) {
    const std::string_view id = impl.actions_in_order[n]->id;
    std::size_t s = hash_id(id) & slot_mask;
    while (slots[s].number != free_slot) s = (s + 1) & slot_mask;
    slots[s] = {id, static_cast<std::uint32_t>(n)};
  }
  bounds = impl.first_action;
  bounds.push_back(actions);
  for (std::size_t i = 0; i < practices.size(); ++i)
    for (std::size_t first = bounds[i]; first < bounds[i + 1]; first += max_run)
      runs.push_back({static_cast<std::uint32_t>(i), std::min(bounds[i + 1], first + max_run)});
  for (Maturity m : all_maturities) {
    const std::size_t level = level_index(m);
    counted[level].assign(actions, 0);
    for (std::size_t i = 0; i < practices.size(); ++i) {
      const Practice& p = practices[i];
      if (p.scope_at(m) == Scope::out_of_scope) continue;
      in_scope[level].push_back(static_cast<std::uint32_t>(i));
      if (p.scope_at(m) == Scope::priority) priority[level].push_back(static_cast<std::uint32_t>(i));
      for (std::size_t a = 0; a < p.actions.size(); ++a)
        if (p.actions[a].first_level() <= m) counted[level][bounds[i] + a] = ~std::uint64_t{0};
    }
    for (std::size_t s = 0; s < impl.practices_by_safeguard.size(); ++s) {
      const std::size_t first = mapped[level].size();
      for (const MappedPractice& mp : impl.practices_by_safeguard[s]) {
        if (mp.practice->scope_at(m) == Scope::out_of_scope || (mp.maturity && *mp.maturity > m)) continue;
        mapped[level].push_back(static_cast<std::uint32_t>(mp.practice - practices.data()));
      }
      if (mapped[level].size() > first)
        sums[level].push_back({static_cast<std::uint32_t>(s), first, mapped[level].size()});
    }
  }
}

int detail::ScoringIndex::find(std::string_view id) const {
  for (std::size_t s = hash_id(id) & slot_mask;; s = (s + 1) & slot_mask) {
    const Slot& slot = slots[s];
    if (slot.number == free_slot) return -1;
    if (slot.id.size() == id.size() && std::memcmp(slot.id.data(), id.data(), id.size()) == 0)
      return static_cast<int>(slot.number);
  }
}

namespace {

const ScoringIndex& scoring_index(const Catalog& c) {
  const auto& impl = detail::CatalogAccess::impl(c);
  std::call_once(impl.scoring_once, [&] { impl.scoring_index = std::make_shared<const ScoringIndex>(impl); });
  return *impl.scoring_index;
}

// An office's (or a sum's) tallies for one practice; zero when value-initialised (Counts{}).
struct Counts {
  std::size_t applicable, done, in_progress;
};

// Per-practice counts of one office at maturity `m` from one status byte per action number
// (a Status, or anything else for none), into `counts` (one entry per practice). Statuses of
// actions that do not count at `m` are masked out.
template <typename Byte>
void count_flat(const ScoringIndex& ix, Maturity m, const Byte* statuses, Counts* counts) {
  const std::size_t level = level_index(m);
  const std::uint64_t* counted = ix.counted[level].data();
  const auto& applicable = ix.catalog.applicable_counts;
  for (std::size_t i = 0; i + 1 < ix.bounds.size(); ++i) counts[i] = {applicable[i][level], 0, 0};
  // One running sum over the whole row; a run's tallies are its difference.
  std::uint64_t running = 0;
  std::size_t a = 0;
  for (const ScoringIndex::Run& run : ix.runs) {
    const std::uint64_t start = running;
    for (; a < run.last; ++a) running += tallies[static_cast<std::uint8_t>(statuses[a])] & counted[a];
    const std::uint64_t sum = running - start;
    Counts& k = counts[run.practice];
    k.applicable -= sum >> (2 * field_bits);
    k.done += sum & field_mask;
    k.in_progress += (sum >> field_bits) & field_mask;
  }
}

// Asks the processor to fetch the memory at `p` soon (a hint: it changes no result).
inline void prefetch(const void* p) {
#if defined(__GNUC__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

// Writes `a`'s statuses as one byte per action number into `bytes` (already zero, one per
// action). Throws NotFound, as Catalog::action does, at the first status (in id order) of
// an action the catalog lacks.
void lay_out(const Catalog& c, const ScoringIndex& ix, const Assessment& a, std::uint8_t* bytes) {
  for (const auto& [id, st] : a.statuses) {
    const int n = ix.find(id);
    if (n < 0) {
      c.action(id);  // throws NotFound with suggestions
      continue;
    }
    bytes[n] = static_cast<std::uint8_t>(st.status);
  }
}

// Throws Error unless `a` can be scored against the catalog of `ix`: a level, one byte per
// action, each a Status.
void check_fits(const ScoringIndex& ix, const CompactAssessment& a) {
  const auto who = [&a] { return "CompactAssessment of office '" + a.jurisdiction.id + "'"; };
  const int level = static_cast<int>(a.maturity);
  if (level < 1 || level > 3) throw Error(who() + ": maturity " + std::to_string(level) + " is not a level (1 to 3)");
  const std::size_t actions = ix.bounds.back();
  if (a.statuses.size() != actions)
    throw Error(who() + " has " + std::to_string(a.statuses.size()) + " statuses, but the catalog has " +
                std::to_string(actions) + " actions: make it with compact() against the same catalog");
  std::uint8_t largest = 0;
  for (const std::uint8_t b : a.statuses) largest = std::max(largest, b);
  if (largest <= static_cast<std::uint8_t>(Status::not_applicable)) return;
  for (std::size_t n = 0; n < actions; ++n)
    if (a.statuses[n] > static_cast<std::uint8_t>(Status::not_applicable))
      throw Error(who() + ": status " + std::to_string(a.statuses[n]) + " of action " +
                  ix.catalog.actions_in_order[n]->id + " is not a Status (0 to 3)");
}

bool priorities_done(const ScoringIndex& ix, std::size_t level, const Counts* counts) {
  for (const std::uint32_t i : ix.priority[level])
    if (counts[i].done < counts[i].applicable) return false;
  return true;
}

// Adds practice counts at `level` to the Safeguards they map to (a mapping counts from the
// level it is tagged with); `used` marks Safeguards with a counted mapping.
void add_safeguards(const ScoringIndex& ix, std::size_t level, const Counts* counts, std::vector<Counts>& sums,
                    std::vector<bool>& used) {
  const std::vector<std::uint32_t>& mapped = ix.mapped[level];
  for (const auto& e : ix.sums[level]) {
    Counts& sum = sums[e.safeguard];
    for (std::size_t k = e.first; k < e.last; ++k) {
      sum.applicable += counts[mapped[k]].applicable;
      sum.done += counts[mapped[k]].done;
    }
    used[e.safeguard] = true;
  }
}

// The scorecard of an office whose practice counts are `counts`.
Scorecard scorecard(const ScoringIndex& ix, const Jurisdiction& j, Maturity m, const Counts* counts) {
  const CatalogData& data = ix.catalog.data;
  const std::size_t level = level_index(m);
  Scorecard card;
  card.jurisdiction = j;
  card.maturity = m;
  card.practices.reserve(ix.in_scope[level].size());
  for (const std::uint32_t i : ix.in_scope[level]) {
    const Practice& p = data.practices[i];
    const Counts& k = counts[i];
    PracticeScore& score = card.practices.emplace_back();  // filled in place: one copy of the id
    score.practice = p.id;
    score.scope = p.scope_at(m);
    score.actions_applicable = k.applicable;
    score.actions_done = k.done;
    score.actions_in_progress = k.in_progress;
    score.completion = ratio(k.done, k.applicable);
    card.actions_applicable += k.applicable;
    card.actions_done += k.done;
    card.actions_in_progress += k.in_progress;
  }
  card.completion = ratio(card.actions_done, card.actions_applicable);
  card.priorities_complete = priorities_done(ix, level, counts);
  const std::vector<std::uint32_t>& mapped = ix.mapped[level];
  card.safeguards.reserve(ix.sums[level].size());
  for (const auto& e : ix.sums[level]) {
    std::size_t applicable = 0, done = 0;
    for (std::size_t k = e.first; k < e.last; ++k) {
      applicable += counts[mapped[k]].applicable;
      done += counts[mapped[k]].done;
    }
    SafeguardScore& score = card.safeguards.emplace_back();
    score.safeguard = data.safeguards[e.safeguard].id;
    score.actions_applicable = applicable;
    score.actions_done = done;
    score.completion = ratio(done, applicable);
  }
  return card;
}

// Room for `n` values of T, each T{}: on the stack up to N, else on the heap. Scoring one
// office uses it for its status bytes and practice counts.
template <typename T, std::size_t N>
class Scratch {
 public:
  explicit Scratch(std::size_t n) {
    if (n <= N) {
      data_ = local_.data();
      std::fill_n(data_, n, T{});
    } else {
      heap_.resize(n);
      data_ = heap_.data();
    }
  }
  T* data() { return data_; }

 private:
  std::array<T, N> local_;  // left uninitialised beyond the `n` in use
  std::vector<T> heap_;
  T* data_;
};
constexpr std::size_t stack_actions = 512;
constexpr std::size_t stack_practices = 64;

}  // namespace

CompactAssessment compact(const Catalog& catalog, const Assessment& assessment) {
  const ScoringIndex& ix = scoring_index(catalog);
  CompactAssessment out;
  out.statuses.assign(ix.bounds.back(), 0);
  lay_out(catalog, ix, assessment, out.statuses.data());
  out.jurisdiction = assessment.jurisdiction;
  out.maturity = assessment.maturity;
  return out;
}

Scorecard score(const Catalog& catalog, const Assessment& assessment) {
  const ScoringIndex& ix = scoring_index(catalog);
  Scratch<std::uint8_t, stack_actions> bytes(ix.bounds.back());
  lay_out(catalog, ix, assessment, bytes.data());
  Scratch<Counts, stack_practices> counts(ix.bounds.size() - 1);
  count_flat(ix, assessment.maturity, bytes.data(), counts.data());
  return scorecard(ix, assessment.jurisdiction, assessment.maturity, counts.data());
}

Scorecard score(const Catalog& catalog, const CompactAssessment& assessment) {
  const ScoringIndex& ix = scoring_index(catalog);
  check_fits(ix, assessment);
  Scratch<Counts, stack_practices> counts(ix.bounds.size() - 1);
  count_flat(ix, assessment.maturity, assessment.statuses.data(), counts.data());
  return scorecard(ix, assessment.jurisdiction, assessment.maturity, counts.data());
}

// Sums are kept per level and practice; Safeguards are derived from them once, at
// finish, so adding an office costs one pass over its status bytes and one over practices.
struct RollupBuilder::State {
  explicit State(const Catalog& c)
      : index(scoring_index(c)), complete(c.practices().size(), 0), scratch(c.practices().size()) {
    for (auto& level : by_level) level.resize(c.practices().size());
  }
  const ScoringIndex& index;
  std::array<std::vector<Counts>, 3> by_level;
  std::vector<std::size_t> complete;
  std::array<std::size_t, 3> distribution{};
  std::vector<OfficeSummary> offices;
  std::vector<Counts> scratch;      // the practice counts of the office being added
  std::vector<std::uint8_t> bytes;  // an Assessment's statuses, laid out while it is added
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
  // finish(), moving the offices out of `b` instead of copying them (b is spent).
  static Rollup finish_taking(RollupBuilder& b);
};

std::size_t action_count(const Catalog& catalog) { return CatalogAccess::impl(catalog).actions_in_order.size(); }

int action_number(const Catalog& catalog, std::string_view id) { return scoring_index(catalog).find(id); }

const Action& action_numbered(const Catalog& catalog, std::size_t number) {
  return *CatalogAccess::impl(catalog).actions_in_order.at(number);
}

void add_statuses(RollupBuilder& builder, const Jurisdiction& jurisdiction, Maturity maturity,
                  const std::int8_t* statuses) {
  RollupBuilder::State& s = RollupAccess::state(builder);
  count_flat(s.index, maturity, statuses, s.scratch.data());
  RollupAccess::add_counted(builder, jurisdiction, maturity);
}
}  // namespace detail

void RollupBuilder::add(const Assessment& a) {
  State& s = *state_;
  s.bytes.assign(s.index.bounds.back(), 0);
  lay_out(*catalog_, s.index, a, s.bytes.data());
  count_flat(s.index, a.maturity, s.bytes.data(), s.scratch.data());
  detail::RollupAccess::add_counted(*this, a.jurisdiction, a.maturity);
}

void RollupBuilder::add(const CompactAssessment& a) {
  State& s = *state_;
  check_fits(s.index, a);
  count_flat(s.index, a.maturity, a.statuses.data(), s.scratch.data());
  detail::RollupAccess::add_counted(*this, a.jurisdiction, a.maturity);
}

void detail::RollupAccess::add_counted(RollupBuilder& b, const Jurisdiction& j, Maturity m) {
  RollupBuilder::State& s = *b.state_;
  const std::size_t level = level_index(m);
  // The office's row first, in place: if copying its strings fails, no sum has changed.
  OfficeSummary& office = s.offices.emplace_back();
  try {
    office.jurisdiction = j;
  } catch (...) {
    s.offices.pop_back();
    throw;
  }
  office.maturity = m;
  office.priorities_complete = priorities_done(s.index, level, s.scratch.data());
  std::vector<Counts>& sums = s.by_level[level];
  for (std::size_t i = 0; i < s.scratch.size(); ++i) {
    const Counts& k = s.scratch[i];
    sums[i].applicable += k.applicable;
    sums[i].done += k.done;
    if (k.applicable > 0 && k.done == k.applicable) ++s.complete[i];
    office.actions_applicable += k.applicable;
    office.actions_done += k.done;
  }
  office.completion = ratio(office.actions_done, office.actions_applicable);
  ++s.distribution[level];
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

namespace {

// The rollup of the sums in `s`, everything but its offices.
Rollup sums_of(const Catalog& c, const RollupBuilder::State& s);

// The first 16 bytes of `id` as two big-endian numbers, zero-padded: comparing them orders
// ids as their strings are ordered, except when they are equal (then compare the strings).
std::pair<std::uint64_t, std::uint64_t> id_prefix(const std::string& id) {
  unsigned char bytes[16] = {};
  std::memcpy(bytes, id.data(), std::min<std::size_t>(id.size(), 16));
  std::uint64_t high = 0, low = 0;
  for (int i = 0; i < 8; ++i) high = (high << 8) | bytes[i];
  for (int i = 8; i < 16; ++i) low = (low << 8) | bytes[i];
  return {high, low};
}

// The positions of `offices` least complete first, then by id, then in the order added.
std::vector<std::size_t> office_order(const std::vector<OfficeSummary>& offices) {
  struct Key {
    double completion;
    std::pair<std::uint64_t, std::uint64_t> prefix;
    std::size_t office;
  };
  std::vector<Key> keys(offices.size());
  for (std::size_t k = 0; k < keys.size(); ++k)
    keys[k] = {offices[k].completion, id_prefix(offices[k].jurisdiction.id), k};
  std::sort(keys.begin(), keys.end(), [&offices](const Key& x, const Key& y) {
    if (x.completion != y.completion) return x.completion < y.completion;
    if (x.prefix != y.prefix) return x.prefix < y.prefix;
    const int by_id = offices[x.office].jurisdiction.id.compare(offices[y.office].jurisdiction.id);
    return by_id != 0 ? by_id < 0 : x.office < y.office;
  });
  std::vector<std::size_t> order(keys.size());
  for (std::size_t k = 0; k < keys.size(); ++k) order[k] = keys[k].office;
  return order;
}

}  // namespace

Rollup RollupBuilder::finish() const {
  Rollup r = sums_of(*catalog_, *state_);
  r.offices.reserve(state_->offices.size());
  for (const std::size_t k : office_order(state_->offices)) r.offices.push_back(state_->offices[k]);
  return r;
}

Rollup detail::RollupAccess::finish_taking(RollupBuilder& b) {
  Rollup r = sums_of(*b.catalog_, *b.state_);
  std::vector<OfficeSummary>& offices = b.state_->offices;
  r.offices.reserve(offices.size());
  for (const std::size_t k : office_order(offices)) r.offices.push_back(std::move(offices[k]));
  offices.clear();
  return r;
}

Rollup detail::finish_taking(RollupBuilder& builder) { return RollupAccess::finish_taking(builder); }

namespace {

Rollup sums_of(const Catalog& c, const RollupBuilder::State& s) {
  const ScoringIndex& ix = scoring_index(c);
  Rollup r;
  r.jurisdictions = s.offices.size();
  r.maturity_distribution = s.distribution;
  r.practices.reserve(s.complete.size());
  for (std::size_t i = 0; i < s.complete.size(); ++i) {
    std::size_t applicable = 0, done = 0;
    for (const auto& level : s.by_level) {
      applicable += level[i].applicable;
      done += level[i].done;
    }
    r.practices.push_back({c.practices()[i].id, applicable, done, ratio(done, applicable), s.complete[i]});
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
  std::vector<Counts> sums(c.safeguards().size());
  std::vector<bool> used(sums.size(), false);
  for (Maturity m : all_maturities)
    if (s.distribution[level_index(m)] > 0)
      add_safeguards(ix, level_index(m), s.by_level[level_index(m)].data(), sums, used);
  for (std::size_t g = 0; g < sums.size(); ++g)
    if (used[g])
      r.safeguards.push_back(
          {c.safeguards()[g].id, sums[g].applicable, sums[g].done, ratio(sums[g].done, sums[g].applicable)});
  return r;
}

}  // namespace

Rollup rollup(const Catalog& catalog, const std::vector<Assessment>& assessments) {
  RollupBuilder b(catalog);
  RollupBuilder::State& s = detail::RollupAccess::state(b);
  s.offices.reserve(assessments.size());
  // Walking one map is a chain of memory reads, each waiting for the one before; walking
  // the maps of 16 offices in turn (and asking early for each next id's characters) keeps
  // many reads in flight, which made this rollup a fifth faster. Offices are still added
  // in order, and the first that names an unknown action throws as add() would.
  constexpr std::size_t group = 16;
  const std::size_t actions = s.index.bounds.back();
  std::vector<std::uint8_t> rows(group * actions);
  using Walk = decltype(assessments.front().statuses.begin());
  for (std::size_t first = 0; first < assessments.size(); first += group) {
    const std::size_t n = std::min(group, assessments.size() - first);
    std::array<Walk, group> at, end;
    std::array<bool, group> unknown{};
    std::fill(rows.begin(), rows.end(), 0);
    std::size_t walking = n;
    for (std::size_t k = 0; k < n; ++k) {
      at[k] = assessments[first + k].statuses.begin();
      end[k] = assessments[first + k].statuses.end();
      if (at[k] == end[k]) --walking;
    }
    while (walking > 0) {
      for (std::size_t k = 0; k < n; ++k) {
        if (at[k] == end[k]) continue;
        const int number = s.index.find(at[k]->first);
        if (number < 0) {
          unknown[k] = true;  // stop here: this is the id add() would throw for
          at[k] = end[k];
        } else {
          rows[k * actions + static_cast<std::size_t>(number)] = static_cast<std::uint8_t>(at[k]->second.status);
          if (++at[k] != end[k]) prefetch(at[k]->first.data());
        }
        if (at[k] == end[k]) --walking;
      }
    }
    for (std::size_t k = 0; k < n; ++k) {
      const Assessment& a = assessments[first + k];
      if (unknown[k]) {
        b.add(a);  // throws NotFound for the id the walk stopped at
        continue;
      }
      count_flat(s.index, a.maturity, rows.data() + k * actions, s.scratch.data());
      detail::RollupAccess::add_counted(b, a.jurisdiction, a.maturity);
    }
  }
  return detail::RollupAccess::finish_taking(b);
}

Rollup rollup(const Catalog& catalog, const std::vector<CompactAssessment>& assessments) {
  RollupBuilder b(catalog);
  detail::RollupAccess::state(b).offices.reserve(assessments.size());
  for (const auto& a : assessments) b.add(a);
  return detail::RollupAccess::finish_taking(b);
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

bool CompactAssessment::operator==(const CompactAssessment& o) const {
  return std::tie(jurisdiction, maturity, statuses) == std::tie(o.jurisdiction, o.maturity, o.statuses);
}

bool Rollup::operator==(const Rollup& o) const {
  return std::tie(jurisdictions, maturity_distribution, practices, least_complete, safeguards, offices,
                  actions_applicable, actions_done,
                  completion) == std::tie(o.jurisdictions, o.maturity_distribution, o.practices, o.least_complete,
                                          o.safeguards, o.offices, o.actions_applicable, o.actions_done, o.completion);
}

}  // namespace electsec
