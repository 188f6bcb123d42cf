#pragma once
// The block constructs of the guide's pages: lists, first paragraphs, headings that name
// maturity levels, and grid tables (not public API).

#include "rst_document.hpp"

namespace electsec::detail::rst {

// A list item: where it starts and its raw text (continuation lines joined; nested list
// markers kept as " - ").
struct Item {
  std::size_t line;
  std::string raw;
};

/// The items of the enumerated (or bullet) list that starts in lines [begin, end).
std::vector<Item> list_items(const Document& doc, std::size_t begin, std::size_t end, bool enumerated);
/// A paragraph that is not part of a list item: where it starts, its raw text (lines
/// joined; a list indented under it joined as " - " items), and how many items of the
/// enumerated list come before it in lines [begin, end).
struct Prose {
  std::size_t line;
  std::string raw;
  std::size_t items_before;
  bool table = false;  ///< a grid or simple table, which a paragraph cannot hold
};

/// The paragraphs of lines [begin, end) that stand outside the items of its enumerated
/// list. Headings, comments, link targets and directives are not paragraphs, except the
/// text of an admonition (note, warning, ...); a block quote is one; a table comes as one
/// marked `table`.
std::vector<Prose> prose_outside_items(const Document& doc, std::size_t begin, std::size_t end);
/// The first paragraph of text in lines [begin, end), joined into one line.
std::string first_paragraph(const Document& doc, std::size_t begin, std::size_t end);
/// The maturity levels a heading names ("Level 1 and 2"), in order; none when it names none.
std::vector<Maturity> heading_levels(const Document& doc, const Heading& h);
/// The block part of an action id for those levels: "l1", "l12", "all".
std::string block_name(const std::vector<Maturity>& levels);
/// A trailing "(Level N)" tag removed from `raw`, as a maturity.
std::optional<Maturity> trailing_tag(std::string& raw);
/// The text of `raw` as plain text, its links (in order) going to `links`.
std::string plain_with_links(const Document& doc, std::string_view raw, std::vector<electsec::Link>& links);
/// The first mailto: link of `raw`, as an address, or "".
std::string first_email_link(const Document& doc, const std::string& raw);

/// One row of a table: the line it starts on and each column's lines (a cell that spans
/// columns is in the first of them; the others hold ""). The lines are views into the
/// page's text: a table is valid as long as the Document it was read from.
struct TableRow {
  std::size_t line = 0;
  std::vector<std::vector<std::string_view>> cells;
};

/// A grid or simple table, read by its structure.
struct Table {
  std::size_t line = 0;  ///< its first line
  std::size_t end = 0;   ///< the line after it
  bool grid = true;      ///< a grid table ('+---+'), else a simple one ('=== ===')
  bool has_header = false;
  std::vector<std::string> header;  ///< per column, the header's text (a spanning cell heads each column)
  std::vector<TableRow> rows;       ///< the body rows
  std::string problem;              ///< what is broken, if anything (the rows before it are kept)
  std::size_t problem_line = 0;     ///< where
};

/// Every table in lines [begin, end), in order (rst_tables.cpp).
std::vector<Table> read_tables(const Document& doc, std::size_t begin, std::size_t end);
/// A cell's lines joined with single spaces.
std::string join_cell(const std::vector<std::string_view>& lines);
/// The first line at or after `from` for which `f` holds.
std::optional<std::size_t> find_line(const Document& doc, std::size_t from,
                                     const std::function<bool(std::string_view)>& f);
/// A scope cell of the index table ("Priority", "Not in scope", ...); fails on others.
Scope parse_scope_cell(const Document& doc, std::size_t line, const std::string& cell);

/// Where the primer's pages come from: the release's folder, a page by its path relative
/// to it (null when the release lacks it or it could not be read, which `open` reports),
/// and how to report a page the release lacks.
struct PrimerSources {
  fs::path root;
  std::function<const Document*(const std::string&)> open;
  std::function<void(const std::string&, std::string)> missing;
};
/// The election-infrastructure primer of a release (ei_primer/*.rst), as far as it has one;
/// what it lacks or lays out otherwise goes to `warnings` (rst_primer.cpp).
Primer read_primer(const PrimerSources& sources, std::vector<ImportWarning>& warnings);

/// One best-practice page read into a Practice whose id is `stem` (rst_practice.cpp).
Practice read_practice(const Document& doc, std::vector<ImportWarning>& warnings, const std::string& stem);

}  // namespace electsec::detail::rst
