#pragma once
/// \file
/// Libraries for CISO Assistant (intuitem's open-source GRC application), which loads
/// frameworks from YAML library files: the guide as a framework library, and its mapping
/// to the CIS Controls v8 as a mapping library; and the reading back of an audit of that
/// framework as CISO Assistant exports it (CSV). docs/guide/grc-tools.md describes them, and
/// tests/data/ciso_assistant/README.md which fields of its loader and of its audit export
/// they use and where the formats were read.
///
/// Deterministic: the same catalog gives the same bytes.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/assessment_json.hpp>
#include <electsec/catalog.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// Settings of the mapping library.
struct ELECTSEC_API CisoAssistantOptions {
  /// The packager part of the CIS Controls v8 library's URNs in the CISO Assistant that
  /// loads the mapping (`urn:<packager>:risk:req_node:cis-controls-v8:4.1`). CISO Assistant
  /// builds its CIS library from CIS's own spreadsheet under a packager name its user
  /// chooses; "intuitem" is what its tools suggest. Up to 32 lower-case letters, digits, '-'
  /// and '_', with a letter or digit first and last.
  std::string cis_packager = "intuitem";
};

/// The guide as a CISO Assistant framework library (YAML): the practices as requirement
/// nodes with their actions as assessable nodes below them, the three maturity levels as
/// implementation groups (each node tagged with the levels it applies at), the maturity
/// statements as questions whose "yes" selects their level, and the CIS Safeguards the
/// practices map to as reference controls with their CSF function.
ELECTSEC_API std::string to_ciso_assistant_library(const Catalog& catalog);

/// The guide's mapping of practices to CIS Safeguards as a CISO Assistant mapping library
/// (YAML) from the framework of to_ciso_assistant_library to CISO Assistant's CIS Controls
/// v8 framework. Throws Error for a packager name outside the characters it allows. Both
/// throw Error for a catalog whose release has characters a URN part cannot hold.
ELECTSEC_API std::string to_ciso_assistant_mapping(const Catalog& catalog, const CisoAssistantOptions& options = {});

/// What an audit exported from CISO Assistant changes in an office's record
/// (import_ciso_assistant_audit).
struct ELECTSEC_API CisoAssistantImport {
  /// The office with the audit applied: `assessment` as given, plus the rows of `changed`.
  Assessment assessment;
  /// One row per action the audit assesses (a result other than not_assessed, or a new
  /// observation of an action with a recorded status): the status it gives the action, and
  /// its observation as the note (none when the observation is empty: the note is kept).
  /// `line`: the row's line in the export.
  std::vector<StatusRow> statuses;
  /// The rows of `statuses` that differ from the office's record, one line each, such as
  /// "backups.l1.1: in_progress -> done" or "backups.l1.2: note changed".
  std::vector<std::string> changed;
  /// Rows not applied, one line each with its line number: nodes the framework does not
  /// have, practices and maturity statements that carry a result or an observation (the
  /// framework assesses neither here), observations of an action with no result and no
  /// recorded status.
  std::vector<std::string> unmatched;
  /// Rows of actions still `not_assessed` in the audit, with nothing new in them: left as
  /// the office has them.
  std::size_t not_assessed = 0;
};

/// Read an audit (compliance assessment) of the framework to_ciso_assistant_library
/// writes, as CISO Assistant's audit CSV export writes it, and apply it to `office`.
///
/// The export is one header row and one row per requirement node, separated by ';' (or
/// ',' when the header has no ';'), quoted as RFC 4180. Columns are found by name: a node
/// is named by `urn` when that column is there and not empty, else by `ref_id`;
/// `compliance_result` is required; `observations` (or `observation`) becomes the note,
/// `progress` (or `requirement_progress`) is checked but not used, and every other column
/// (`description`, `score`, `answers`, ...) is ignored. A result becomes a status:
/// compliant -> done, partially_compliant -> in_progress, not_applicable ->
/// not_applicable, non_compliant -> not_started, unless the office has the action in
/// progress (which is not compliant yet either: kept), and not_assessed -> no change.
/// Values may also be given as CISO Assistant shows them ("Non-compliant").
///
/// `date` is the `updated` of what changes (ISO 8601 date or UTC date-time; empty: today).
/// Throws ParseError naming `source`, the line and the field for a text that is not such
/// an export, that names a node of another release of the framework (by its URN), that
/// gives an unknown result or progress, names an action twice, or names no node of the
/// framework at all; Error for a bad `date`. `office` is never changed.
ELECTSEC_API CisoAssistantImport import_ciso_assistant_audit(std::string_view text, const Catalog& catalog,
                                                             const Assessment& office,
                                                             std::string_view source = "<string>",
                                                             std::string_view date = {});

}  // namespace electsec
