// Status tables as CSV (RFC 4180): what `assess show --format csv` writes and
// `assess import` reads back. The reader is one linear pass over the text.

#include <electsec/assessment_json.hpp>
#include <electsec/error.hpp>

#include "catalog_impl.hpp"
#include <electsec/table.hpp>
#include "text.hpp"
#include "file.hpp"
#include "csv_records.hpp"

#include <array>
#include <map>
#include <sstream>

namespace electsec {

namespace detail {

bool split_records(std::string_view t, std::vector<CsvRecord>& out, std::size_t& bad_line, char delimiter) {
  std::size_t line = 1;
  std::size_t i = 0;
  if (t.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;  // a byte-order mark, as spreadsheets write
  while (i < t.size()) {
    CsvRecord r;
    r.line = line;
    while (true) {
      std::string cell;
      if (i < t.size() && t[i] == '"') {
        ++i;
        while (true) {
          if (i >= t.size()) {
            bad_line = r.line;
            return false;
          }
          const char c = t[i++];
          if (c == '"') {
            if (i < t.size() && t[i] == '"') {
              cell += '"';
              ++i;
              continue;
            }
            break;
          }
          if (c == '\n') ++line;
          cell += c;
        }
        if (i < t.size() && t[i] != delimiter && t[i] != '\n' && t[i] != '\r') {
          bad_line = line;
          return false;
        }
      } else {
        const std::size_t start = i;
        while (i < t.size() && t[i] != delimiter && t[i] != '\n' && t[i] != '\r') ++i;
        cell.assign(t.substr(start, i - start));
      }
      r.cells.push_back(std::move(cell));
      if (i < t.size() && t[i] == delimiter) {
        ++i;
        continue;
      }
      break;
    }
    if (i < t.size() && t[i] == '\r') ++i;
    if (i < t.size() && t[i] == '\n') ++i;
    ++line;
    const bool blank = r.cells.size() == 1 && r.cells[0].empty();
    if (!blank) out.push_back(std::move(r));
  }
  return true;
}

}  // namespace detail

namespace {
using Record = detail::CsvRecord;
using detail::split_records;
}  // namespace

std::vector<StatusRow> parse_status_csv(std::string_view text, const Catalog& catalog, std::string_view source) {
  const std::string src(source);
  std::vector<Record> records;
  std::size_t bad_line = 0;
  if (!split_records(text, records, bad_line))
    throw ParseError(src, bad_line, 0, "", "a quoted field is not closed, or text follows its closing quote");
  if (records.empty()) throw ParseError(src, 1, 0, "", "expected a header row naming the columns id and status");

  // Columns by name, from the header.
  constexpr std::array<const char*, 4> names{"id", "status", "note", "updated"};
  std::array<std::size_t, 4> column{};
  column.fill(SIZE_MAX);
  const Record& header = records.front();
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    std::size_t known = 0;
    while (known < names.size() && header.cells[i] != names[known]) ++known;
    if (known == names.size())
      throw ParseError(src, header.line, 0, "",
                       "unknown column '" + header.cells[i] + "' (expected id, status, note, updated)");
    if (column[known] != SIZE_MAX)
      throw ParseError(src, header.line, 0, "", std::string("column '") + names[known] + "' given twice");
    column[known] = i;
  }
  for (std::size_t k = 0; k < 2; ++k)
    if (column[k] == SIZE_MAX)
      throw ParseError(src, header.line, 0, "", std::string("the header has no column '") + names[k] + "'");

  std::vector<StatusRow> rows;
  struct RowProblem {
    std::size_t line;
    std::string field, message;
  };
  std::vector<RowProblem> found;
  std::size_t count = 0;
  std::map<std::string, std::size_t, std::less<>> seen;
  const auto problem = [&](std::size_t line, const std::string& field, const std::string& message) {
    if (++count <= max_listed_problems) found.push_back({line, field, message});
  };
  for (std::size_t r = 1; r < records.size(); ++r) {
    const Record& rec = records[r];
    if (rec.cells.size() != header.cells.size()) {
      problem(rec.line, "(row)",
              "expected " + std::to_string(header.cells.size()) + " fields, found " + std::to_string(rec.cells.size()));
      continue;
    }
    StatusRow row;
    row.line = rec.line;
    row.action = rec.cells[column[0]];
    bool ok = true;
    for (std::size_t k = 0; k < names.size(); ++k)
      if (column[k] != SIZE_MAX && !detail::is_utf8(rec.cells[column[k]])) {
        problem(rec.line, names[k], "not valid UTF-8 text");
        ok = false;
      }
    if (!ok) continue;
    if (detail::CatalogAccess::impl(catalog).action_index.count(row.action) == 0) {
      ok = false;
      if (count >= max_listed_problems) {
        ++count;  // past the listed ones, only counted: no suggestions to work out
      } else {
        try {
          catalog.action(row.action);
        } catch (const NotFound& e) {
          problem(rec.line, "id", e.what());
        }
      }
    }
    try {
      row.status = parse_status(rec.cells[column[1]]);
    } catch (const Error& e) {
      problem(rec.line, "status", e.what());
      ok = false;
    }
    if (column[2] != SIZE_MAX) row.note = rec.cells[column[2]];
    if (column[3] != SIZE_MAX) {
      row.updated = rec.cells[column[3]];
      if (!row.updated.empty() && !is_iso_timestamp(row.updated)) {
        problem(rec.line, "updated",
                "expected an ISO 8601 date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDThh:mm:ssZ), found '" +
                    row.updated + "'");
        ok = false;
      }
    }
    if (ok) {
      const auto [it, fresh] = seen.emplace(row.action, rec.line);
      if (!fresh) {
        problem(rec.line, "id", "action '" + row.action + "' is already set on line " + std::to_string(it->second));
        ok = false;
      }
    }
    if (ok) rows.push_back(std::move(row));
  }
  if (count == 1) throw ParseError(src, found[0].line, 0, found[0].field, found[0].message);
  std::vector<Problem> problems;
  for (const auto& p : found)
    problems.push_back({src + ":" + std::to_string(p.line) + ": field " + p.field, p.message});
  if (count > 1)
    throw ValidationError(std::move(problems), src + ": " + std::to_string(count) + " problems" +
                                                   (count > max_listed_problems ? " (the first 100 listed)" : ""));
  return rows;
}

std::vector<StatusRow> load_status_csv(const std::string& path, const Catalog& catalog) {
  return parse_status_csv(detail::read_file(path), catalog, path);
}

std::string to_status_csv(const Assessment& a) {
  Table t{{"id", "status", "note", "updated"}, {}};
  for (const auto& [id, st] : a.statuses)
    t.rows.push_back({id, std::string(to_string(st.status)), st.note, st.updated});
  std::ostringstream out;
  write_csv(out, t);
  return out.str();
}

}  // namespace electsec
