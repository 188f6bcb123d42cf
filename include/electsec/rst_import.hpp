#pragma once
/// \file
/// Reading the Essential Guide's own reStructuredText sources, of any release, into a
/// Catalog; comparing two catalogs; carrying assessments over to another release.

#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace electsec {

/// How `import_eges_rst` reads a guide.
struct ImportOptions {
  /// Values for |name| substitutions, over the defaults (|Maturity1| = "Level 1", the
  /// guide's e-mail addresses, ...) and over a file's own definitions.
  std::map<std::string, std::string> substitutions;
};

/// Something the importer could not find or had to leave out; the import goes on.
struct ImportWarning {
  std::string file;      ///< relative to the imported directory
  std::size_t line = 0;  ///< 1-based, 0 when it concerns the whole file
  std::string message;   ///< what was missing or left out
  /// Equal when every field is equal.
  bool operator==(const ImportWarning& o) const {
    return file == o.file && line == o.line && message == o.message;
  }
};

/// What `import_eges_rst` gives back.
struct ImportResult {
  Catalog catalog;                      ///< the imported guide, validated
  std::vector<ImportWarning> warnings;  ///< in the order found
};

/// Import a guide's `docs/source` tree: `bp/*.rst` and `bp/bp_index.rst`, `maturity/*.rst`,
/// `appendices/handbook_bp_mapping.rst`, `glossary.rst`, `acronyms.rst`. Text fields hold the
/// guide's own text with inline markup reduced to plain text; action ids follow DESIGN.md,
/// so a release and the embedded catalog name the same actions the same way. The CIS
/// Controls and Safeguards come from the embedded catalog. Missing parts become warnings;
/// malformed ones (a practice without a |bp_title|, an index row with an unknown scope, a
/// broken table) are a ParseError with file and line. Reads files only; nothing is cached.
ImportResult import_eges_rst(const std::string& directory, const ImportOptions& options = {});

/// One best-practice file on its own (scopes and order are unknown: in_scope everywhere,
/// order 1). `stem` is its id.
Practice import_practice_rst(const std::string& path, const ImportOptions& options = {},
                             std::vector<ImportWarning>* warnings = nullptr);

/// How one practice differs between two catalogs.
struct PracticeChange {
  std::string id;  ///< the practice
  std::optional<std::pair<std::string, std::string>> title;  ///< old, new
  /// Old and new scopes at Level 1, 2, 3, when any differs.
  std::optional<std::pair<std::array<Scope, 3>, std::array<Scope, 3>>> scopes;
  bool goals_changed = false;  ///< any goal's text, tag or count differs
  std::vector<std::string> actions_added;    ///< action ids only in the new catalog
  std::vector<std::string> actions_removed;  ///< action ids only in the old one
  std::vector<std::string> actions_changed;  ///< same id, other text, levels or group
  std::vector<std::string> tools_added;      ///< by name (URL when the name is empty)
  std::vector<std::string> tools_removed;    ///< by name (URL when the name is empty)
  std::vector<std::string> safeguards_added;     ///< Safeguard ids newly mapped
  std::vector<std::string> safeguards_removed;   ///< Safeguard ids no longer mapped
  std::vector<std::string> safeguards_retagged;  ///< mapped in both, with another level tag
  std::vector<int> handbook_added;    ///< Handbook numbers newly listed
  std::vector<int> handbook_removed;  ///< Handbook numbers no longer listed
};

/// How two catalogs differ, practice by practice.
struct CatalogDiff {
  std::vector<std::string> added;    ///< practice ids only in the new catalog
  std::vector<std::string> removed;  ///< practice ids only in the old one
  std::vector<PracticeChange> changed;  ///< practices in both that differ, in new order
  /// True when nothing above differs.
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

/// What changed from `old_catalog` to `new_catalog`, practice by practice. Pure.
CatalogDiff diff(const Catalog& old_catalog, const Catalog& new_catalog);

/// The result of carrying an assessment over to another catalog.
struct Migration {
  Assessment assessment;             ///< for the new catalog
  std::vector<std::string> kept;     ///< action ids whose status carried over
  std::vector<std::string> retired;  ///< action ids the new catalog lacks, moved to `retired`
  std::string from_version;          ///< the assessment's catalog_version before
};

/// Carry `assessment` to `target`: statuses of action ids the target has are kept; the
/// others move to the assessment's `retired` section (nothing is dropped); answers to
/// statements the target lacks are retired the same way; catalog_version becomes the
/// target's. Pure.
Migration migrate(const Assessment& assessment, const Catalog& target);

}  // namespace electsec
