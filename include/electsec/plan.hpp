#pragma once
/// \file
/// The prioritized plan: an office's next steps in the guide's order (the rules of
/// docs/guide/rules.md).

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <string>
#include <vector>

namespace electsec {

/// What a plan step asks for: a Level 1 baseline worksheet or a best practice.
enum class StepKind { worksheet, practice };
/// "worksheet" or "practice".
ELECTSEC_API std::string_view to_string(StepKind k);
/// "worksheet" or "practice" as a StepKind; throws Error naming both for anything else.
ELECTSEC_API StepKind parse_step_kind(std::string_view text);

/// One step of a plan.
struct ELECTSEC_API PlanStep {
  int rank = 0;                              ///< 1-based position
  StepKind kind = StepKind::practice;        ///< worksheet or practice
  std::string id;                            ///< worksheet id or practice id
  std::string practice;                      ///< the practice, for practice steps; empty for worksheets
  std::vector<std::string> actions;          ///< action ids still to do, in the order to do them
  std::string reason;                        ///< why the step stands where it does
  bool operator==(const PlanStep& o) const;  ///< Equal when every field is equal.
  bool operator!=(const PlanStep& o) const { return !(*this == o); }  ///< Not equal.
};

/// An office's next steps at one maturity, in the order to take them.
struct ELECTSEC_API Plan {
  Maturity maturity = Maturity::level1;                           ///< the maturity the plan is for
  std::vector<PlanStep> steps;                                    ///< in order; empty when nothing is left to do
  bool operator==(const Plan& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const Plan& o) const { return !(*this == o); }  ///< Not equal.
};

/// How a plan is ordered beyond the guide's rules. The defaults give the guide's order.
struct ELECTSEC_API PlanOptions {
  /// Move the steps that address the office's own systems (the assessment's system
  /// profile, through electsec's editorial links: see systems.hpp) ahead of the others,
  /// keeping the guide's order within each group. A worksheet step moves when it lists an
  /// action of such a practice. Each moved step's reason starts "electsec: addresses your
  /// ...", so the weighting is never mistaken for the guide's. Off by default.
  bool systems_first = false;
};

/// The plan for an office at `maturity`.
/// - Level 1: the 10 baseline worksheets in guide order, then the 5 Level 1 election
///   priorities in order, then the other `priority` practices, then the `in_scope` ones,
///   both in index order.
/// - Level 2 or 3: `priority` practices ordered by their best Community Defense Model
///   rank, then the other `priority` practices, then `in_scope` ones, in index order;
///   within a practice, lower-level actions first.
/// A step lists the applicable actions (docs/guide/rules.md) not yet listed by an earlier
/// step. With an assessment, done and not-applicable actions drop out; a step left with
/// no action disappears; the order stays the guide's. Pure.
ELECTSEC_API Plan build_plan(const Catalog& catalog, Maturity maturity, const Assessment& assessment);
/// The same, ordered as `options` asks; with default options, the same plan as above.
ELECTSEC_API Plan build_plan(const Catalog& catalog, Maturity maturity, const Assessment& assessment,
                             const PlanOptions& options);
/// What a step is called when shown: the worksheet's name and "worksheet", or the
/// practice's title (the CLI's and the reports' one way of naming it).
ELECTSEC_API std::string step_title(const Catalog& catalog, const PlanStep& step);

/// The plan of an office at `maturity` that has recorded nothing yet: every applicable action.
ELECTSEC_API Plan build_plan(const Catalog& catalog, Maturity maturity);

}  // namespace electsec
