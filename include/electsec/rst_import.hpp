#pragma once
/// \file
/// Reading the Essential Guide's own reStructuredText sources, of any release, into a
/// Catalog. Comparing two catalogs and carrying assessments over to another release are
/// engines, in diff.hpp (included here, where they were declared before).

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>
#include <electsec/diff.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// How `import_eges_rst` reads a guide.
struct ELECTSEC_API ImportOptions {
  /// Values for |name| substitutions, over the defaults (|Maturity1| = "Level 1", the
  /// guide's e-mail addresses, ...) and over a file's own definitions.
  std::map<std::string, std::string> substitutions;
};

/// What kind of thing an import warning reports.
enum class ImportWarningKind {
  missing,     ///< the release lacks a file, section or table (a maturity page, a Goals section)
  unreadable,  ///< a page, table, row or cell could not be read; it is left out or read as the message says
  unresolved,  ///< a name or reference matches nothing in the release (an index row, a worksheet, a Safeguard)
  duplicate,   ///< something is listed twice; the first listing is kept
  inferred,    ///< read by a rule rather than stated (a title from a heading, a practice matched by title)
};
/// "missing", "unreadable", "unresolved", "duplicate", "inferred".
ELECTSEC_API std::string_view to_string(ImportWarningKind kind);

/// Something the importer could not find or had to leave out; the import goes on.
struct ELECTSEC_API ImportWarning {
  std::string file;                                     ///< relative to the imported directory
  std::size_t line = 0;                                 ///< 1-based, 0 when it concerns the whole file
  std::string message;                                  ///< what was missing or left out
  ImportWarningKind kind = ImportWarningKind::missing;  ///< what kind of thing it reports
  /// Equal when every field is equal.
  bool operator==(const ImportWarning& o) const {
    return file == o.file && line == o.line && message == o.message && kind == o.kind;
  }
};

/// What `import_eges_rst` gives back.
struct ELECTSEC_API ImportResult {
  Catalog catalog;                      ///< the imported guide, validated
  std::vector<ImportWarning> warnings;  ///< in the order found
};

/// Import a guide's `docs/source` tree: `bp/*.rst` and `bp/bp_index.rst`, `maturity/*.rst`,
/// `appendices/handbook_bp_mapping.rst`, `glossary.rst`, `acronyms.rst`, and the
/// election-infrastructure primer (`ei_primer/*.rst`) where the release has one, into
/// `Catalog::primer()` (electsec's own system links are never imported). Text fields hold the
/// guide's own text with inline markup reduced to plain text; action ids follow docs/catalog-format.md,
/// so a release and the embedded catalog name the same actions the same way. The CIS
/// Controls and Safeguards come from the embedded catalog. Tables are recognised by their
/// structure (grid or simple, spanning headers, extra columns); index rows name practices by
/// link or by title. What is missing or cannot be read (a page that is not UTF-8, an
/// unknown scope, a broken table) is a warning with file, line and kind, and the rest of the
/// release is imported; only a folder with no readable practice page is an error (the first
/// page's ParseError when there was one). Reads files only; nothing is cached.
ELECTSEC_API ImportResult import_eges_rst(const std::string& directory, const ImportOptions& options = {});

/// One best-practice file on its own (scopes and order are unknown: in_scope everywhere,
/// order 1). The file's name without `.rst` is its id. What it could not place is left out silently; the overload
/// below reports it.
ELECTSEC_API Practice import_practice_rst(const std::string& path, const ImportOptions& options = {});
/// The same, appending what it could not place to `warnings`.
ELECTSEC_API Practice import_practice_rst(const std::string& path, const ImportOptions& options,
                                          std::vector<ImportWarning>& warnings);

}  // namespace electsec
