#pragma once
/// \file
/// Rows and columns as a terminal table or as CSV: what `electsec ... --format table|csv`
/// prints, for programs that want the same output.
///
/// **Example**
/// \code
/// Table t{{"id", "title"}, {}};
/// for (const Practice& p : default_catalog().practices()) t.rows.push_back({p.id, p.title});
/// write_table(std::cout, t);   // aligned columns, a dashed line under the headers
/// write_csv(std::cout, t);     // RFC 4180
/// \endcode

#include <electsec/export.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/store.hpp>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// Headers and rows of text; a row may have fewer cells than there are headers.
struct ELECTSEC_API Table {
  std::vector<std::string> headers;            ///< Column names, in order.
  std::vector<std::vector<std::string>> rows;  ///< Cells, row by row.
};

/// Columns padded to their widest cell (counted in UTF-8 code points), two spaces apart, a
/// dashed line under the headers; the last column is not padded. Control characters and
/// bytes that are not UTF-8 in a cell are shown escaped (as `printable` does), so a cell
/// cannot move the cursor or change the terminal.
///
/// With a `width` (a terminal's columns; 0: no limit), a table that would be wider has its
/// widest columns but the first (the ids) narrowed, one after another but none below 20
/// characters, and their text wrapped between words onto the lines below (the other
/// columns blank there); a word
/// longer than its column is cut between characters. A table that still does not fit is
/// written as narrow as it can be.
ELECTSEC_API void write_table(std::ostream& out, const Table& table, std::size_t width = 0);

/// RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote, CR
/// or LF, quotes doubled.
ELECTSEC_API void write_csv(std::ostream& out, const Table& table);

/// One CSV field as `write_csv` writes it: quoted and with quotes doubled when needed.
ELECTSEC_API std::string csv_field(std::string_view text);

/// \name Results as CSV tables
/// The rows `electsec ... --format csv` writes for a result, column names in the project's
/// one vocabulary (docs/guide/vocabulary.md); numbers as C++ writes them ("0.500000"), so
/// a program that writes these tables gives the CLI's bytes.
//@{
/// A rollup's practices: `practice, actions_applicable, actions_done, completion,
/// offices_complete`, one row per practice in index order.
ELECTSEC_API Table practices_table(const Rollup& rollup);
/// Offices of a rollup: `id, name, state, kind, maturity, actions_done, actions_applicable,
/// completion`, one row per office in the order given.
ELECTSEC_API Table offices_table(const std::vector<OfficeSummary>& offices);
/// A trend in long form: `period, as_of, practice, offices, actions_applicable, actions_done,
/// completion`; per period a row for the whole (practice "") and then one per practice.
ELECTSEC_API Table trend_table(const std::vector<TrendPoint>& trend);
/// An office against its peers: `practice, completion, peers, median, q1, q3,
/// percentile_rank`; a row for the whole (practice "") and then one per practice.
ELECTSEC_API Table comparison_table(const PeerComparison& comparison);
//@}

}  // namespace electsec
