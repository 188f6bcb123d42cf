#pragma once
/// \file
/// OSCAL 1.0.6 JSON exports: the guide as a catalog, what applies at a level as a
/// profile, an office's assessment as assessment results, and its plan as a plan of action
/// and milestones.
///
/// Deterministic: every UUID is a version-5 UUID derived from ids (namespace: the UUIDv5 of
/// the URL namespace and "electsec"), and the timestamp is the caller's, so the same input
/// gives the same bytes.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/assessment_json.hpp>
#include <electsec/catalog.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// The namespace of electsec's own OSCAL properties and part names.
inline constexpr std::string_view oscal_namespace = "https://electsec.invalid/ns/oscal";

/// Settings shared by the OSCAL exports.
struct ELECTSEC_API OscalOptions {
  /// RFC 3339 date-time written as last-modified, and as start and collection time of
  /// assessment results: a UTC date-time "YYYY-MM-DDThh:mm:ss[.fraction]Z"; the exports
  /// throw Error for anything else.
  std::string timestamp = "2026-01-01T00:00:00Z";
};

/// Name-based UUID (version 5, SHA-1) of `name` in electsec's namespace.
ELECTSEC_API std::string uuid_v5(std::string_view name);

/// The practices as controls in three groups by their Level 1 scope; goals and actions as
/// parts with maturity properties; Safeguard mappings as links to CIS's own OSCAL control
/// ids (`#cisc-4.1`); tools and learn-more as links.
ELECTSEC_API std::string to_oscal_catalog(const Catalog& catalog, const OscalOptions& options = {});

/// What applies at `maturity`: the practices not out of scope there, the priority ones
/// marked with a `priority` property.
ELECTSEC_API std::string to_oscal_profile(const Catalog& catalog, Maturity maturity, const OscalOptions& options = {});

/// One office's findings per practice in scope at its maturity (satisfied when every
/// applicable action is done), with an observation per recorded status (the action's id as
/// its title, the status as a property, the note as remarks) and the office's id as the
/// result's property `office`: what parse_oscal_assessment_results reads back.
ELECTSEC_API std::string to_oscal_assessment_results(const Catalog& catalog, const Assessment& assessment,
                                                     const OscalOptions& options = {});

/// What an assessment-results document says of an office's statuses.
struct ELECTSEC_API OscalImport {
  /// One row per observation of an action of the catalog: its status, and its note (the
  /// observation's remarks; none is an empty note). `line`: where the observation starts.
  std::vector<StatusRow> statuses;
  /// Observations that name no action of the catalog, or carry no status: one line each.
  std::vector<std::string> unmatched;
  /// Observations that differ from an action whose status the office changed after them
  /// (its `updated` later than their `collected`): not applied, one line each, so that
  /// results made before a change cannot undo it.
  std::vector<std::string> changed_since;
};

/// Read assessment results that to_oscal_assessment_results wrote for `office`, perhaps
/// edited in another tool since (statuses changed, notes added or changed, observations
/// added). Throws ParseError naming `source`, the line and the field for a document that
/// is not such results, that names another office (its electsec property `office`) or
/// another release, that gives an unknown status or names an action twice; observations it
/// cannot match are listed in `unmatched`, and those older than the office's own change in
/// `changed_since`, neither applied.
ELECTSEC_API OscalImport parse_oscal_assessment_results(std::string_view text, const Catalog& catalog,
                                                        const Assessment& office, std::string_view source = "<string>");

/// One office's plan as a plan of action and milestones (POA&M): one item per step of its
/// plan (build_plan at its maturity; reason, rank and actions as properties), one risk per
/// practice with open actions (status `remediating` when one is in progress, else `open`),
/// each open action a response (`planned` when in progress, else `recommendation`), and the
/// recorded statuses as observations, the same ones the assessment results carry. An office with
/// nothing left to do gets one item that says so.
ELECTSEC_API std::string to_oscal_poam(const Catalog& catalog, const Assessment& assessment,
                                       const OscalOptions& options = {});

}  // namespace electsec
