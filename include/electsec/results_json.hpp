#pragma once
/// \file
/// The engines' results as JSON documents, and back: the shapes `electsec ... --format
/// json` prints and Python's `to_dict()` gives. Writing is exact (the same value always
/// gives the same bytes); reading checks every field as the catalog loader does and
/// throws ParseError naming the field.
///
/// **Example**
/// \code
/// const Plan plan = build_plan(default_catalog(), Maturity::level2);
/// const std::string text = to_json(plan);          // {"maturity": 2, "steps": [...]}
/// assert(parse_plan(text) == plan);
/// \endcode

#include <electsec/export.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/limits.hpp>
#include <electsec/maturity.hpp>
#include <electsec/plan.hpp>
#include <electsec/rst_import.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/systems.hpp>

#include <string>
#include <string_view>

namespace electsec {

/// The maturity result: level, conflict, unsure, tallies, applied, rationale. `indent`
/// spaces per level (here and below); a negative indent gives one line.
ELECTSEC_API std::string to_json(const MaturityResult& result, int indent = 2);
/// The plan: maturity and steps (rank, kind, id, practice, actions, reason).
ELECTSEC_API std::string to_json(const Plan& plan, int indent = 2);
/// The scorecard: jurisdiction, totals, practices (with `id`) and Safeguards.
ELECTSEC_API std::string to_json(const Scorecard& scorecard, int indent = 2);
/// The rollup: totals, maturity distribution, practices, least complete, Safeguards, offices.
ELECTSEC_API std::string to_json(const Rollup& rollup, int indent = 2);
/// One step of a plan, as in the plan's `steps`.
ELECTSEC_API std::string to_json(const PlanStep& step, int indent = 2);
/// One office of a rollup, as in the rollup's `offices`.
ELECTSEC_API std::string to_json(const OfficeSummary& office, int indent = 2);
/// The differences between two catalogs: `same_facts`, added, removed and changed practices
/// (each with its `changes`), and the `changes` outside practices; every change has `subject`,
/// `field`, `nature` (fact or wording), `old` and `new`.
ELECTSEC_API std::string to_json(const CatalogDiff& diff, int indent = 2);

/// The risk picture as JSON: maturity, systems (component, connectedness, note, occurs,
/// connection, risks), practices and out_of_scope (practice, scope, plan_rank, links with
/// component, connectedness, subject, reason and provenance). `indent` as for to_json(Plan).
ELECTSEC_API std::string to_json(const RiskPicture& picture, int indent = 2);

/// A plan as `to_json` writes it; throws ParseError naming the field.
ELECTSEC_API Plan parse_plan(std::string_view text, std::string_view source = "<string>");
/// A scorecard as `to_json` writes it; throws ParseError naming the field.
ELECTSEC_API Scorecard parse_scorecard(std::string_view text, std::string_view source = "<string>");
/// A rollup as `to_json` writes it; throws ParseError naming the field.
ELECTSEC_API Rollup parse_rollup(std::string_view text, std::string_view source = "<string>");

/// \cond ELECTSEC_SPECIALISATIONS
template <>
ELECTSEC_API Plan from_json<Plan>(std::string_view text, std::string_view source);
template <>
ELECTSEC_API PlanStep from_json<PlanStep>(std::string_view text, std::string_view source);
template <>
ELECTSEC_API Scorecard from_json<Scorecard>(std::string_view text, std::string_view source);
template <>
ELECTSEC_API Rollup from_json<Rollup>(std::string_view text, std::string_view source);
template <>
ELECTSEC_API OfficeSummary from_json<OfficeSummary>(std::string_view text, std::string_view source);
/// \endcond

}  // namespace electsec
