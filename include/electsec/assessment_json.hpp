#pragma once
/// \file
/// Files of the assessment format ("electsec.assessment/1") and of maturity answers:
/// read with full validation, written atomically.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog_json.hpp>
#include <electsec/files.hpp>
#include <electsec/limits.hpp>
#include <electsec/rst_import.hpp>
#include <electsec/scorecard.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// The `schema` string every assessment file carries; a file with another is rejected.
inline constexpr std::string_view assessment_schema = "electsec.assessment/1";

/// Parse and validate an assessment against `catalog`: schema string, jurisdiction
/// fields, maturity 1..3, answers to known statements, statuses of known actions with
/// known status strings. Malformed JSON is a ParseError with line and column; every
/// other problem is reported with its JSON pointer, line and column: one problem as a
/// ParseError, several as a ValidationError listing them all.
ELECTSEC_API Assessment parse_assessment(std::string_view text, const Catalog& catalog,
                                         std::string_view source = "<string>");
/// Read the file at `path` and parse it as `parse_assessment` does, with the path as the
/// source of every error. Files over the size limit (limits.hpp) are rejected unread.
ELECTSEC_API Assessment load_assessment(const std::string& path, const Catalog& catalog);

/// The assessment as a document of the format; statuses sorted by action id, so the same
/// assessment always gives the same bytes.
ELECTSEC_API std::string to_json(const Assessment& assessment);

/// The jurisdiction as in an assessment's `jurisdiction` (id, name, state, kind).
ELECTSEC_API std::string to_json(const Jurisdiction& jurisdiction, int indent = 2);
/// One action's status as in an assessment's `statuses` (status, note, updated).
ELECTSEC_API std::string to_json(const ActionStatus& status, int indent = 2);
/// \cond ELECTSEC_SPECIALISATIONS
template <>
ELECTSEC_API Jurisdiction from_json<Jurisdiction>(std::string_view text, std::string_view source);
template <>
ELECTSEC_API ActionStatus from_json<ActionStatus>(std::string_view text, std::string_view source);
/// \endcond

/// \name Writing an office's record
/// Every writer follows the same rules. It validates the whole document with the loader's
/// rules first, so nothing is written that `load_assessment` would reject. It replaces
/// the file atomically (a temporary file beside it, flushed, fsynced and renamed; through a
/// symlink the target is written; mode and owner are kept; new files honour the umask;
/// a read-only file is refused). And it holds the file's exclusive writer lock while it
/// does, so that concurrent writers, from other processes or other threads, never lose
/// an update. The lock is advisory (flock(2) on the file): it binds every electsec
/// writer, not other programs. A writer waits at most `lock_wait` for another, then
/// throws IoError.
//@{
/// Throw what the loader would throw for this assessment against `catalog` (ParseError
/// for one problem, ValidationError for several, each naming its field), or return.
/// `source` names the file in the messages.
ELECTSEC_API void validate_assessment(const Assessment& assessment, const Catalog& catalog,
                                      std::string_view source = "<assessment>");

/// Validate against `catalog`, then write `path` (created or replaced) under its lock.
ELECTSEC_API void save_assessment(const Assessment& assessment, const std::string& path, const Catalog& catalog,
                                  std::chrono::milliseconds lock_wait = default_lock_wait);
/// As above, validating against default_catalog().
ELECTSEC_API void save_assessment(const Assessment& assessment, const std::string& path);

/// Validate, then create `path`; atomic: when it exists already (or another writer
/// creates it at the same time) nothing is written and IoError says it exists.
ELECTSEC_API void create_assessment(const Assessment& assessment, const std::string& path, const Catalog& catalog);

/// Read-modify-write under the file's lock: load `path` against `catalog`, call
/// `change` on the assessment, validate it and replace the file. Returns what was saved.
/// When `change` throws, or the result is invalid, the file is left as it was.
ELECTSEC_API Assessment update_assessment(const std::string& path, const Catalog& catalog,
                                          const std::function<void(Assessment&)>& change,
                                          std::chrono::milliseconds lock_wait = default_lock_wait);

/// Migrate the assessment file at `path` to `target` (see `migrate`) under its lock: the
/// file is read without checking its ids against any catalog, as it was written for
/// another release, and saved valid for `target`.
ELECTSEC_API Migration migrate_assessment_file(const std::string& path, const Catalog& target,
                                               std::chrono::milliseconds lock_wait = default_lock_wait);
//@}

/// \name Status tables (CSV)
/// A CSV of statuses, as `electsec assess show --format csv` writes it and
/// `electsec assess import` reads it: a header row naming the columns `id` and `status`
/// and optionally `note` and `updated`, in any order, then one row per action
/// (RFC 4180 quoting). An empty `updated` means today; with a `note` column its value
/// replaces the note (empty clears it); without one, notes are kept.
//@{
/// One row of a status CSV.
struct ELECTSEC_API StatusRow {
  std::string action;                   ///< action id
  Status status = Status::not_started;  ///< the new status
  std::optional<std::string> note;      ///< the new note; none when the CSV has no note column
  std::string updated;                  ///< ISO 8601 date or UTC date-time; empty for today
  std::size_t line = 0;                 ///< 1-based line of the row in the CSV
};
/// Parse and check every row against `catalog` (known action, known status, valid date,
/// no action twice). All problems are reported together, each with its line: one as a
/// ParseError, several as a ValidationError (the first 100 listed, with the count).
ELECTSEC_API std::vector<StatusRow> parse_status_csv(std::string_view text, const Catalog& catalog,
                                                     std::string_view source = "<string>");
/// Read the file at `path` and parse it as `parse_status_csv` does.
ELECTSEC_API std::vector<StatusRow> load_status_csv(const std::string& path, const Catalog& catalog);
/// The assessment's statuses as a status CSV (id, status, note, updated), by action id.
ELECTSEC_API std::string to_status_csv(const Assessment& assessment);
//@}

/// A maturity answers document: {"answers": {"l1.1": true, "l2.3": false, ...}}. An
/// answer may be null (skipped). Unknown statement ids and non-boolean answers are
/// errors naming the key (ParseError / ValidationError as above).
ELECTSEC_API MaturityAnswers parse_answers(std::string_view text, const Catalog& catalog,
                                           std::string_view source = "<string>");
/// Read the file at `path` and parse it as `parse_answers` does.
ELECTSEC_API MaturityAnswers load_answers(const std::string& path, const Catalog& catalog);

}  // namespace electsec

// Declared in assessment_json.hpp before; kept reachable from here.
#include <electsec/rollup_files.hpp>
