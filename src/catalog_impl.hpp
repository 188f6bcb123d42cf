#pragma once
// The indexes a Catalog builds once, at construction (not public API).

#include <electsec/catalog.hpp>

#include <array>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

namespace electsec {

namespace detail {
struct SearchIndex;
struct ScoringIndex;
}  // namespace detail

namespace detail {
/// Lists of items, one list per index (per Safeguard, per practice, ...), held in one array
/// with the offset of each list: built with two allocations, not one per list.
template <typename T>
class Grouped {
 public:
  struct List {
    const T* first;
    const T* last;
    const T* begin() const { return first; }
    const T* end() const { return last; }
    bool empty() const { return first == last; }
  };
  Grouped() = default;
  /// `groups` lists; `pairs` gives each item with its list, in the order each list keeps.
  Grouped(std::size_t groups, const std::vector<std::pair<std::size_t, T>>& pairs) : start_(groups + 1, 0) {
    for (const auto& p : pairs) ++start_[p.first + 1];
    for (std::size_t g = 0; g < groups; ++g) start_[g + 1] += start_[g];
    items_.resize(pairs.size());
    std::vector<std::size_t> next(start_.begin(), start_.end() - 1);
    for (const auto& p : pairs) items_[next[p.first]++] = p.second;
  }
  std::size_t size() const { return start_.empty() ? 0 : start_.size() - 1; }  ///< how many lists
  List operator[](std::size_t g) const { return {items_.data() + start_[g], items_.data() + start_[g + 1]}; }
  /// List `g` as a vector of its own.
  std::vector<T> copy(std::size_t g) const { return {items_.begin() + start_[g], items_.begin() + start_[g + 1]}; }

 private:
  std::vector<std::size_t> start_;
  std::vector<T> items_;
};
}  // namespace detail

struct Catalog::Impl {
  explicit Impl(CatalogData d);

  CatalogData data;
  // Keys view strings owned by `data`, which never changes after construction.
  std::unordered_map<std::string_view, std::size_t> practice_index;
  std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>> action_index;
  std::unordered_map<std::string_view, std::size_t> safeguard_index;
  std::unordered_map<int, std::size_t> control_index;
  detail::Grouped<MappedPractice> practices_by_safeguard;   // a list per Safeguard
  detail::Grouped<MappedSafeguard> safeguards_by_practice;  // a list per practice
  std::array<std::array<std::vector<const Practice*>, 3>, 3> by_maturity_scope;
  std::array<std::vector<const Practice*>, 3> applicable_at;  // not out of scope
  std::array<std::vector<const Practice*>, 3> with_scope;     // scope at any level
  std::unordered_map<std::string_view, std::size_t> statement_index;
  std::unordered_map<std::string_view, std::size_t> worksheet_index;
  std::unordered_map<int, std::size_t> handbook_index;
  detail::Grouped<const Practice*> practices_by_handbook;                   // a list per Handbook practice
  std::unordered_map<std::string, std::size_t> glossary_index;              // lower-case term
  std::unordered_map<std::string, std::vector<std::size_t>> acronym_index;  // lower-case term
  std::unordered_map<std::string_view, std::size_t> source_index;
  std::unordered_map<std::string_view, std::size_t> recommendation_index;
  detail::Grouped<const Recommendation*> recommendations_by_practice;  // a list per practice
  // Built on the first search, once (see search.cpp).
  mutable std::once_flag search_once;
  mutable std::shared_ptr<const detail::SearchIndex> search_index;
  // For the engines: per practice and level, how many actions apply (0 out of scope).
  std::vector<std::array<std::size_t, 3>> applicable_counts;
  // The actions numbered in the catalog's order, practice by practice: the first number of
  // each practice, and each number's action.
  std::vector<std::size_t> first_action;  // parallel to practices
  std::vector<const Action*> actions_in_order;
  // Built on the first scorecard or rollup, once (see engine/scorecard.cpp).
  mutable std::once_flag scoring_once;
  mutable std::shared_ptr<const detail::ScoringIndex> scoring_index;
};

namespace detail {
/// How the engines, part of the library, reach the indexes a Catalog built.
struct CatalogAccess {
  static const Catalog::Impl& impl(const Catalog& c) { return *c.impl_; }
  /// A catalog over data that was validated before (the embedded catalog, checked when
  /// the library was built): indexed, not checked again.
  static Catalog trusted(CatalogData data) { return Catalog(std::make_shared<const Catalog::Impl>(std::move(data))); }
};
}  // namespace detail

}  // namespace electsec
