#pragma once
/// \file
/// Scorecards of one office and rollups of many.

#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace electsec {

/// Progress on one practice. Applicable actions are those that apply at the office's
/// maturity (DESIGN.md's rule) minus those marked not applicable; an action without a
/// status counts as not started. Completion is done / applicable, 0 when nothing applies.
struct PracticeScore {
  std::string practice;
  Scope scope = Scope::in_scope;  ///< at the office's maturity
  std::size_t actions_applicable = 0;
  std::size_t actions_done = 0;
  std::size_t actions_in_progress = 0;
  double completion = 0;
};

/// Progress on one CIS Safeguard: the done and applicable actions of the practices mapped
/// to it (a mapping counts from the level it is tagged with; untagged ones always count).
struct SafeguardScore {
  std::string safeguard;
  std::size_t actions_applicable = 0;
  std::size_t actions_done = 0;
  double completion = 0;
};

/// One office's scorecard. Practices out of scope at its maturity are left out.
struct Scorecard {
  Jurisdiction jurisdiction;
  Maturity maturity = Maturity::level1;
  std::vector<PracticeScore> practices;    ///< index order
  std::vector<SafeguardScore> safeguards;  ///< catalog order, mapped Safeguards only
  bool priorities_complete = false;  ///< every priority practice of its level is complete
  std::size_t actions_applicable = 0;
  std::size_t actions_done = 0;
  std::size_t actions_in_progress = 0;
  double completion = 0;
};

/// Score one assessment. Statuses of actions that do not apply at its maturity are
/// ignored. Pure; throws NotFound when a status names an action the catalog lacks.
Scorecard score(const Catalog& catalog, const Assessment& assessment);

/// One practice summed over many offices.
struct PracticeRollup {
  std::string practice;
  std::size_t actions_applicable = 0;
  std::size_t actions_done = 0;
  double completion = 0;
  std::size_t offices_complete = 0;  ///< offices with something applicable and all of it done
};

/// One office in a rollup.
struct OfficeSummary {
  Jurisdiction jurisdiction;
  Maturity maturity = Maturity::level1;
  std::size_t actions_applicable = 0;
  std::size_t actions_done = 0;
  double completion = 0;
  bool priorities_complete = false;
};

/// A state's (or any group's) picture.
struct Rollup {
  std::size_t jurisdictions = 0;
  std::array<std::size_t, 3> maturity_distribution{};  ///< offices at Level 1, 2, 3
  std::vector<PracticeRollup> practices;    ///< index order
  std::vector<std::string> least_complete;  ///< up to 5 practice ids, least complete first
  std::vector<SafeguardScore> safeguards;   ///< summed over offices
  std::vector<OfficeSummary> offices;       ///< least complete first, then by id
  std::size_t actions_applicable = 0;
  std::size_t actions_done = 0;
  double completion = 0;
};

/// Accumulates offices one at a time, so a rollup of many files never holds them all.
/// Not thread-safe; use one per thread and `merge` them. Movable, not copyable (a copy
/// would have to duplicate every sum).
class RollupBuilder {
 public:
  explicit RollupBuilder(const Catalog& catalog);
  RollupBuilder(RollupBuilder&&) noexcept;
  RollupBuilder& operator=(RollupBuilder&&) noexcept;
  RollupBuilder(const RollupBuilder&) = delete;
  RollupBuilder& operator=(const RollupBuilder&) = delete;
  ~RollupBuilder();

  void add(const Assessment& assessment);
  void merge(const RollupBuilder& other);
  Rollup finish() const;

  struct State;

 private:
  const Catalog* catalog_;
  std::unique_ptr<State> state_;
};

/// Roll up assessments held in memory. Pure.
Rollup rollup(const Catalog& catalog, const std::vector<Assessment>& assessments);

}  // namespace electsec
