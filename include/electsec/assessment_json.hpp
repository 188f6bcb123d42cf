#pragma once
/// \file
/// Files of the assessment format ("electsec.assessment/1") and of maturity answers:
/// read with full validation, written atomically.

#include <electsec/assessment.hpp>
#include <electsec/limits.hpp>
#include <electsec/scorecard.hpp>

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
Assessment parse_assessment(std::string_view text, const Catalog& catalog,
                            std::string_view source = "<string>");
/// Read the file at `path` and parse it as `parse_assessment` does, with the path as the
/// source of every error. Files over the size limit (limits.hpp) are rejected unread.
Assessment load_assessment(const std::string& path, const Catalog& catalog);

/// The assessment as a document of the format; statuses sorted by action id, so the same
/// assessment always gives the same bytes.
std::string to_json(const Assessment& assessment);

/// Write atomically: a temporary file beside `path`, flushed and fsynced, renamed over
/// `path`. On any failure the previous file is unchanged, no temporary file remains, and
/// electsec::Error says what failed.
void save_assessment(const Assessment& assessment, const std::string& path);

/// A maturity answers document: {"answers": {"l1.1": true, "l2.3": false, ...}}. An
/// answer may be null (skipped). Unknown statement ids and non-boolean answers are
/// errors naming the key (ParseError / ValidationError as above).
MaturityAnswers parse_answers(std::string_view text, const Catalog& catalog,
                              std::string_view source = "<string>");
/// Read the file at `path` and parse it as `parse_answers` does.
MaturityAnswers load_answers(const std::string& path, const Catalog& catalog);

/// Roll up assessment files (a directory stands for the *.json files in it), reading
/// them on up to `threads` threads (0: one per core). Holds one office summary per file,
/// never all assessments. The first bad file stops the rollup with its error.
Rollup rollup_files(const Catalog& catalog, const std::vector<std::string>& paths,
                    unsigned threads = 0);

}  // namespace electsec
