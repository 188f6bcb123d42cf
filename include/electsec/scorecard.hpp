#pragma once
/// \file
/// Scorecards of one office and rollups of many.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace electsec {

/// Progress on one practice. Applicable actions are those that apply at the office's
/// maturity (the rule of docs/guide/rules.md) minus those marked not applicable; an action without a
/// status counts as not started. Completion is done / applicable, 0 when nothing applies.
struct ELECTSEC_API PracticeScore {
  std::string practice;                           ///< practice id
  Scope scope = Scope::in_scope;                  ///< at the office's maturity
  std::size_t actions_applicable = 0;             ///< actions that apply and are not marked not applicable
  std::size_t actions_done = 0;                   ///< of those, done
  std::size_t actions_in_progress = 0;            ///< of those, in progress
  double completion = 0;                          ///< done / applicable, 0..1
  bool operator==(const PracticeScore& o) const;  ///< Equal when every field is equal.
  bool operator!=(const PracticeScore& o) const { return !(*this == o); }  ///< Not equal.
};

/// Progress on one CIS Safeguard: the done and applicable actions of the practices mapped
/// to it (a mapping counts from the level it is tagged with; untagged ones always count).
struct ELECTSEC_API SafeguardScore {
  std::string safeguard;                           ///< Safeguard id
  std::size_t actions_applicable = 0;              ///< applicable actions of the practices mapped to it
  std::size_t actions_done = 0;                    ///< of those, done
  double completion = 0;                           ///< done / applicable, 0..1
  bool operator==(const SafeguardScore& o) const;  ///< Equal when every field is equal.
  bool operator!=(const SafeguardScore& o) const { return !(*this == o); }  ///< Not equal.
};

/// One office's scorecard. Practices out of scope at its maturity are left out.
struct ELECTSEC_API Scorecard {
  Jurisdiction jurisdiction;                  ///< whose scorecard
  Maturity maturity = Maturity::level1;       ///< the level it is scored at
  std::vector<PracticeScore> practices;       ///< index order
  std::vector<SafeguardScore> safeguards;     ///< catalog order, mapped Safeguards only
  bool priorities_complete = false;           ///< every priority practice of its level is complete
  std::size_t actions_applicable = 0;         ///< over all practices in scope
  std::size_t actions_done = 0;               ///< of those, done
  std::size_t actions_in_progress = 0;        ///< of those, in progress
  double completion = 0;                      ///< done / applicable, 0..1
  bool operator==(const Scorecard& o) const;  ///< Equal when every field is equal.
  bool operator!=(const Scorecard& o) const { return !(*this == o); }  ///< Not equal.
};

/// An office's statuses laid out against one catalog's actions: what the scorecard and the
/// rollup read of an Assessment, one byte per action instead of a map from ids. Made by
/// `compact` (or filled by hand), it scores and rolls up with array sums, giving exactly
/// the results its Assessment gives. Notes, dates, answers and retired statuses are not
/// part of it.
struct ELECTSEC_API CompactAssessment {
  Jurisdiction jurisdiction;             ///< whose statuses they are
  Maturity maturity = Maturity::level1;  ///< the level they are scored at
  /// One entry per action of the catalog, in the order `Catalog::actions()` lists them
  /// (practice by practice, in index order): the Status as its number (0 not_started,
  /// 1 in_progress, 2 done, 3 not_applicable). An action the office recorded nothing for
  /// is 0, which is how a scorecard counts it anyway.
  std::vector<std::uint8_t> statuses;
  bool operator==(const CompactAssessment& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const CompactAssessment& o) const { return !(*this == o); }  ///< Not equal.
};

/// The compact form of `assessment` against `catalog`'s actions. Checks the ids as `score`
/// does: throws NotFound (with the closest ids) for a status of an action the catalog
/// lacks, with the message `score` would give.
ELECTSEC_API CompactAssessment compact(const Catalog& catalog, const Assessment& assessment);

/// Score one assessment. Statuses of actions that do not apply at its maturity are
/// ignored. Pure; throws NotFound when a status names an action the catalog lacks.
ELECTSEC_API Scorecard score(const Catalog& catalog, const Assessment& assessment);

/// Score one office in compact form: equal to scoring the Assessment it was made from.
/// Throws Error when its statuses do not have one entry per action of `catalog`, or
/// hold a number that is not a Status.
ELECTSEC_API Scorecard score(const Catalog& catalog, const CompactAssessment& assessment);

/// One practice summed over many offices.
struct ELECTSEC_API PracticeRollup {
  std::string practice;                            ///< practice id
  std::size_t actions_applicable = 0;              ///< summed over offices
  std::size_t actions_done = 0;                    ///< summed over offices
  double completion = 0;                           ///< done / applicable over all offices, 0..1
  std::size_t offices_complete = 0;                ///< offices with something applicable and all of it done
  bool operator==(const PracticeRollup& o) const;  ///< Equal when every field is equal.
  bool operator!=(const PracticeRollup& o) const { return !(*this == o); }  ///< Not equal.
};

/// One office in a rollup.
struct ELECTSEC_API OfficeSummary {
  Jurisdiction jurisdiction;                                               ///< the office
  Maturity maturity = Maturity::level1;                                    ///< its level
  std::size_t actions_applicable = 0;                                      ///< as its scorecard gives it
  std::size_t actions_done = 0;                                            ///< as its scorecard gives it
  double completion = 0;                                                   ///< as its scorecard gives it
  bool priorities_complete = false;                                        ///< as its scorecard gives it
  bool operator==(const OfficeSummary& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const OfficeSummary& o) const { return !(*this == o); }  ///< Not equal.
};

/// A state's (or any group's) picture.
struct ELECTSEC_API Rollup {
  std::size_t jurisdictions = 0;                                    ///< offices rolled up
  std::array<std::size_t, 3> maturity_distribution{};               ///< offices at Level 1, 2, 3
  std::vector<PracticeRollup> practices;                            ///< index order
  std::vector<std::string> least_complete;                          ///< up to 5 practice ids, least complete first
  std::vector<SafeguardScore> safeguards;                           ///< summed over offices
  std::vector<OfficeSummary> offices;                               ///< least complete first, then by id, then as added
  std::size_t actions_applicable = 0;                               ///< summed over offices
  std::size_t actions_done = 0;                                     ///< summed over offices
  double completion = 0;                                            ///< done / applicable over all offices, 0..1
  bool operator==(const Rollup& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const Rollup& o) const { return !(*this == o); }  ///< Not equal.
};

namespace detail {
struct RollupAccess;
}

/// Accumulates offices one at a time, so a rollup of many files never holds them all.
/// Not thread-safe; use one per thread and `merge` them. Movable, not copyable (a copy
/// would have to duplicate every sum).
class ELECTSEC_API RollupBuilder {
 public:
  /// An empty rollup over `catalog`, which must outlive the builder.
  explicit RollupBuilder(const Catalog& catalog);
  RollupBuilder(RollupBuilder&&) noexcept;             ///< Takes over the sums.
  RollupBuilder& operator=(RollupBuilder&&) noexcept;  ///< Takes over the sums.
  RollupBuilder(const RollupBuilder&) = delete;
  RollupBuilder& operator=(const RollupBuilder&) = delete;
  ~RollupBuilder();  ///< Frees the sums.

  /// Score one office and add it. Throws NotFound as `score` does; nothing is added then.
  void add(const Assessment& assessment);
  /// Add one office in compact form, made against the builder's catalog: the same as
  /// adding its Assessment. Throws Error as `score` does for it; nothing is added then.
  void add(const CompactAssessment& assessment);
  /// Add every office `other` holds (built over the same catalog).
  void merge(const RollupBuilder& other);
  /// The rollup of every office added so far; the builder stays usable.
  Rollup finish() const;

  struct State;  ///< The sums (defined in the implementation).

 private:
  friend struct detail::RollupAccess;  // the library adds offices held in other forms
  const Catalog* catalog_;
  std::unique_ptr<State> state_;
};

/// Roll up assessments held in memory. Pure.
ELECTSEC_API Rollup rollup(const Catalog& catalog, const std::vector<Assessment>& assessments);

/// Roll up offices in compact form: equal to the rollup of their Assessments, and much
/// faster on many offices, since each is a row of bytes rather than a tree of strings.
/// Pure; throws Error as `score` does for a CompactAssessment that does not fit `catalog`.
ELECTSEC_API Rollup rollup(const Catalog& catalog, const std::vector<CompactAssessment>& assessments);

}  // namespace electsec
