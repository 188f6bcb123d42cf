#pragma once
/// \file
/// Releases of the guide side by side: what changed between two catalogs, and an office's
/// assessment carried over to another release with nothing dropped. Pure functions of
/// their inputs (engines); importing a release from its sources is in rst_import.hpp.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace electsec {

/// How one practice differs between two catalogs.
struct ELECTSEC_API PracticeChange {
  std::string id;                                            ///< the practice
  std::optional<std::pair<std::string, std::string>> title;  ///< old, new
  /// Old and new scopes at Level 1, 2, 3, when any differs.
  std::optional<std::pair<std::array<Scope, 3>, std::array<Scope, 3>>> scopes;
  bool goals_changed = false;                    ///< any goal's text, tag, links or count differs
  bool links_changed = false;                    ///< the introduction's links differ
  bool paragraphs_changed = false;               ///< any paragraph's place, kind, text, links or count differs
  std::vector<std::string> actions_added;        ///< action ids only in the new catalog
  std::vector<std::string> actions_removed;      ///< action ids only in the old one
  std::vector<std::string> actions_changed;      ///< same id, other text, levels or group
  std::vector<std::string> tools_added;          ///< by name (URL when the name is empty)
  std::vector<std::string> tools_removed;        ///< by name (URL when the name is empty)
  std::vector<std::string> safeguards_added;     ///< Safeguard ids newly mapped
  std::vector<std::string> safeguards_removed;   ///< Safeguard ids no longer mapped
  std::vector<std::string> safeguards_retagged;  ///< mapped in both, with another level tag
  std::vector<int> handbook_added;               ///< Handbook numbers newly listed
  std::vector<int> handbook_removed;             ///< Handbook numbers no longer listed
};

/// How two catalogs differ, practice by practice.
struct ELECTSEC_API CatalogDiff {
  std::vector<std::string> added;       ///< practice ids only in the new catalog
  std::vector<std::string> removed;     ///< practice ids only in the old one
  std::vector<PracticeChange> changed;  ///< practices in both that differ, in new order
  /// True when nothing above differs.
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

/// What changed from `old_catalog` to `new_catalog`, practice by practice. Pure.
ELECTSEC_API CatalogDiff diff(const Catalog& old_catalog, const Catalog& new_catalog);

/// The result of carrying an assessment over to another catalog.
struct ELECTSEC_API Migration {
  Assessment assessment;             ///< for the new catalog
  std::vector<std::string> kept;     ///< action ids whose status carried over
  std::vector<std::string> retired;  ///< action ids the new catalog lacks, moved to `retired`
  std::string from_version;          ///< the assessment's catalog_version before
};

/// Carry `assessment` to `target`: statuses of action ids the target has are kept; the
/// others move to the assessment's `retired` section (nothing is dropped); answers to
/// statements the target lacks are retired the same way; catalog_version becomes the
/// target's. Pure.
ELECTSEC_API Migration migrate(const Assessment& assessment, const Catalog& target);

}  // namespace electsec
