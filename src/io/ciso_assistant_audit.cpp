// Reading back an audit of the guide's framework as CISO Assistant's audit CSV export
// writes it (tests/data/ciso_assistant/README.md says where its shape was read), and
// applying what it says to an office's record.
#include <electsec/ciso_assistant.hpp>
#include <electsec/error.hpp>

#include "ciso_assistant_urns.hpp"
#include "csv_records.hpp"
#include "text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace electsec {

namespace {

using detail::CsvRecord;

// A value as CISO Assistant stores it ("non_compliant") or shows it ("Non-compliant").
std::string normalized(std::string_view value) {
  std::string out;
  for (char ch : value) {
    if (ch == ' ' || ch == '-')
      out += '_';
    else
      out += detail::ascii_lower(ch);
  }
  return out;
}

enum class Result { not_assessed, compliant, partially_compliant, non_compliant, not_applicable };

constexpr std::array<std::pair<const char*, Result>, 5> results{{{"not_assessed", Result::not_assessed},
                                                                 {"compliant", Result::compliant},
                                                                 {"partially_compliant", Result::partially_compliant},
                                                                 {"non_compliant", Result::non_compliant},
                                                                 {"not_applicable", Result::not_applicable}}};
constexpr std::array<const char*, 4> progresses{"to_do", "in_progress", "in_review", "done"};

// The columns electsec reads, by the names the export (or CISO Assistant's own importer)
// gives them; other columns are ignored.
enum Column : std::size_t { ref_id, urn, result, progress, observation, column_count };
const std::array<std::vector<std::string_view>, column_count> column_names{{{"ref_id"},
                                                                            {"urn"},
                                                                            {"compliance_result"},
                                                                            {"progress", "requirement_progress"},
                                                                            {"observations", "observation"}}};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

CisoAssistantImport import_ciso_assistant_audit(std::string_view text, const Catalog& c, const Assessment& office,
                                                std::string_view source, std::string_view date) {
  const std::string src(source);
  if (!date.empty() && !is_iso_timestamp(date))
    throw Error("the date of an import must be YYYY-MM-DD or a UTC date-time, not '" + std::string(date) + "'");
  // CISO Assistant separates fields with ';'; a spreadsheet that saved the file again may
  // have used ','. The header decides: its names hold neither.
  const std::size_t header_end = text.find('\n');
  const std::string_view first_line = text.substr(0, header_end);
  const char delimiter = first_line.find(';') != std::string_view::npos ? ';' : ',';
  std::vector<CsvRecord> records;
  std::size_t bad_line = 0;
  if (!detail::split_records(text, records, bad_line, delimiter))
    throw ParseError(src, bad_line, 0, "", "a quoted field is not closed, or text follows its closing quote");
  const std::string expected_header =
      "expected the header row of a CISO Assistant audit export (columns ref_id or urn, and compliance_result)";
  if (records.empty()) throw ParseError(src, 1, 0, "", expected_header + "; the file is empty");

  const CsvRecord& header = records.front();
  std::array<std::size_t, column_count> column{};
  column.fill(SIZE_MAX);
  for (std::size_t i = 0; i < header.cells.size(); ++i)
    for (std::size_t k = 0; k < column_count; ++k)
      if (std::find(column_names[k].begin(), column_names[k].end(), header.cells[i]) != column_names[k].end()) {
        if (column[k] != SIZE_MAX)
          throw ParseError(src, header.line, 0, header.cells[i], "the header names this column twice");
        column[k] = i;
      }
  if (column[result] == SIZE_MAX || (column[ref_id] == SIZE_MAX && column[urn] == SIZE_MAX))
    throw ParseError(src, header.line, 0, "",
                     expected_header + ", found '" + (header.cells.empty() ? std::string() : header.cells.front()) +
                         (header.cells.size() > 1 ? std::string(1, delimiter) + "...'" : "'"));
  if (records.size() == 1)
    throw ParseError(src, header.line + 1, 0, "",
                     "expected a row per requirement node after the header; there is none");

  const std::string prefix = std::string(detail::ciso_assistant_node_urn_prefix) + detail::ciso_assistant_slug(c) + ":";
  const std::string other_release = std::string(detail::ciso_assistant_node_urn_prefix) + "cis-eges-";

  CisoAssistantImport out;
  out.assessment = office;
  std::map<std::string, std::size_t, std::less<>> seen;  // action -> line
  bool any_node = false;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& rec = records[r];
    if (rec.cells.size() > header.cells.size())
      throw ParseError(src, rec.line, 0, "",
                       "expected at most " + std::to_string(header.cells.size()) +
                           " fields, as the header has, found " + std::to_string(rec.cells.size()));
    const auto cell = [&](Column k) -> std::string {
      if (column[k] == SIZE_MAX || column[k] >= rec.cells.size()) return {};
      const std::string& value = rec.cells[column[k]];
      if (!is_utf8(value)) throw ParseError(src, rec.line, 0, header.cells[column[k]], "not valid UTF-8 text");
      return value;
    };
    const std::string where = "line " + std::to_string(rec.line) + ": ";

    // Which node the row is of: its URN when there is one, else its ref_id.
    std::string id;
    const std::string urn_cell = cell(urn);
    if (!urn_cell.empty()) {
      std::string lower = urn_cell;
      for (char& ch : lower) ch = detail::ascii_lower(ch);
      if (lower.rfind(prefix, 0) == 0) {
        id = urn_cell.substr(prefix.size());
      } else if (lower.rfind(other_release, 0) == 0) {
        const std::string release =
            lower.substr(other_release.size(), lower.find(':', other_release.size()) - other_release.size());
        throw ParseError(src, rec.line, 0, header.cells[column[urn]],
                         "this node is of release " + quoted(release) +
                             " of the guide's framework, and the catalog is release " + c.guide().version);
      } else {
        out.unmatched.push_back(where + quoted(urn_cell) + " is no node of the guide's framework");
        continue;
      }
    } else {
      id = cell(ref_id);
      if (id.empty()) {
        out.unmatched.push_back(where + "the row names no node (its ref_id is empty)");
        continue;
      }
    }
    const std::string key_field = header.cells[column[urn_cell.empty() ? ref_id : urn]];

    // Its values, checked wherever they are: a value no export holds means a wrong file.
    const std::string result_cell = cell(result), progress_cell = cell(progress), note_cell = cell(observation);
    Result res = Result::not_assessed;
    if (const std::string value = normalized(result_cell); !value.empty()) {
      const auto known = std::find_if(results.begin(), results.end(), [&](const auto& r) { return value == r.first; });
      if (known == results.end())
        throw ParseError(
            src, rec.line, 0, header.cells[column[result]],
            "unknown result " + quoted(result_cell) +
                " (expected not_assessed, compliant, partially_compliant, non_compliant or not_applicable)");
      res = known->second;
    }
    if (const std::string value = normalized(progress_cell); !value.empty())
      if (std::find(progresses.begin(), progresses.end(), value) == progresses.end())
        throw ParseError(
            src, rec.line, 0, header.cells[column[progress]],
            "unknown progress " + quoted(progress_cell) + " (expected to_do, in_progress, in_review or done)");
    const bool says_something = res != Result::not_assessed || !note_cell.empty();

    if (c.find_action(id) == nullptr) {
      const bool practice =
          std::any_of(c.practices().begin(), c.practices().end(), [&](const Practice& p) { return p.id == id; });
      const bool maturity = id == "maturity" || id.rfind("maturity.level-", 0) == 0;
      if (!practice && !maturity) {
        out.unmatched.push_back(where + quoted(id) + " is no node of the guide's framework");
        continue;
      }
      any_node = true;
      if (says_something)
        out.unmatched.push_back(where + id +
                                (practice ? ": a practice, which the framework assesses through its actions"
                                          : ": maturity statements are not read back (answer them with electsec "
                                            "maturity)"));
      continue;
    }
    any_node = true;
    if (const auto [it, fresh] = seen.emplace(id, rec.line); !fresh)
      throw ParseError(src, rec.line, 0, key_field,
                       id + " is on line " + std::to_string(it->second) + " already; an action may appear once");

    const auto recorded = office.statuses.find(id);
    const bool has_record = recorded != office.statuses.end();
    std::optional<std::string> note;
    if (!note_cell.empty()) note = note_cell;
    Status status = Status::not_started;
    switch (res) {
      case Result::not_assessed:
        // No finding: only a new observation of an action with a status says anything.
        if (!note || (has_record && recorded->second.note == *note)) {
          ++out.not_assessed;
          continue;
        }
        if (!has_record) {
          out.unmatched.push_back(where + id +
                                  ": an observation without a result, and the office records no status for it");
          continue;
        }
        status = recorded->second.status;
        break;
      case Result::compliant:
        status = Status::done;
        break;
      case Result::partially_compliant:
        status = Status::in_progress;
        break;
      case Result::not_applicable:
        status = Status::not_applicable;
        break;
      case Result::non_compliant:
        // Work in progress is not compliant yet either: the office's in_progress stands.
        status =
            has_record && recorded->second.status == Status::in_progress ? Status::in_progress : Status::not_started;
        break;
    }
    out.statuses.push_back(StatusRow{id, status, note, std::string(date), rec.line});

    std::string what;
    if (!has_record) {
      if (status == Status::not_started && !note) continue;  // what the office has already
      what = std::string(to_string(status)) + (note ? ", with a note" : "");
    } else if (recorded->second.status != status) {
      what = std::string(to_string(recorded->second.status)) + " -> " + std::string(to_string(status)) +
             (note && *note != recorded->second.note ? ", and its note" : "");
    } else if (note && *note != recorded->second.note) {
      what = recorded->second.note.empty() ? "note added" : "note changed";
    } else {
      continue;
    }
    out.assessment.set(c, id, status, note, std::string(date));
    out.changed.push_back(id + ": " + what);
  }
  if (!any_node)
    throw ParseError(src, records[1].line, 0, "",
                     "no row names a node of the guide's framework (release " + c.guide().version +
                         "): is this an audit of another framework?");
  return out;
}

}  // namespace electsec
