#pragma once
/// \file
/// Releases of the guide side by side: what changed between two catalogs, and an office's
/// assessment carried over to another release with nothing dropped. Pure functions of
/// their inputs (engines); importing a release from its sources is in rst_import.hpp.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>

#include <array>
#include <string_view>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace electsec {

/// Whether a difference is in the guide's facts or only in wording.
enum class ChangeNature {
  fact,     ///< ids, titles, levels, scopes, tags, mappings, links, counts, order
  wording,  ///< text a catalog may put in its own words: summaries, action and goal text, descriptions
};
/// "fact" or "wording".
ELECTSEC_API std::string_view to_string(ChangeNature nature);

/// One field of one thing that differs between two catalogs, with both values as text.
struct ELECTSEC_API FieldChange {
  std::string subject;  ///< what differs: a practice, action, goal or statement id, "catalog", "priorities", ...
  std::string field;    ///< which field: "title", "scopes", "levels", "group", "text", "maturity", "count", ...
  ChangeNature nature = ChangeNature::fact;  ///< a fact or wording
  std::string old_value;                     ///< before; "" when the subject is new (lists are joined with ", ")
  std::string new_value;                     ///< after; "" when the subject is gone
  /// Equal when every field is equal.
  bool operator==(const FieldChange& o) const {
    return subject == o.subject && field == o.field && nature == o.nature && old_value == o.old_value &&
           new_value == o.new_value;
  }
};

/// How one practice differs between two catalogs. The lists and flags name facts; wording
/// (an action's or goal's text, the summary, a paragraph's text) is kept apart, so that a
/// catalog in its own words and the guide it follows differ in wording only.
struct ELECTSEC_API PracticeChange {
  std::string id;                                            ///< the practice
  std::optional<std::pair<std::string, std::string>> title;  ///< old, new
  /// Old and new scopes at Level 1, 2, 3, when any differs.
  std::optional<std::pair<std::array<Scope, 3>, std::array<Scope, 3>>> scopes;
  bool goals_changed = false;                    ///< any goal's tag, links or the count of goals differs
  bool goals_reworded = false;                   ///< any goal's text differs
  bool links_changed = false;                    ///< the introduction's links differ
  bool summary_reworded = false;                 ///< the summary differs
  bool paragraphs_changed = false;               ///< any paragraph's place, links or the count differs
  bool paragraphs_reworded = false;              ///< any paragraph's text or kind (instruction, context) differs
  std::vector<std::string> actions_added;        ///< action ids only in the new catalog
  std::vector<std::string> actions_removed;      ///< action ids only in the old one
  std::vector<std::string> actions_changed;      ///< same id, other levels, group or links
  std::vector<std::string> actions_reworded;     ///< same id, other text
  std::vector<std::string> tools_added;          ///< by name (URL when the name is empty); matched by URL
  std::vector<std::string> tools_removed;        ///< by name (URL when the name is empty); matched by URL
  std::vector<std::string> safeguards_added;     ///< Safeguard ids newly mapped
  std::vector<std::string> safeguards_removed;   ///< Safeguard ids no longer mapped
  std::vector<std::string> safeguards_retagged;  ///< mapped in both, with another level tag
  std::vector<int> handbook_added;               ///< Handbook numbers newly listed
  std::vector<int> handbook_removed;             ///< Handbook numbers no longer listed
  std::vector<FieldChange> changes;              ///< every field that differs, facts and wording, old and new
  /// True when a fact differs (anything but wording).
  bool facts_changed() const;
};

/// How two catalogs differ, practice by practice and in what the guide holds besides.
struct ELECTSEC_API CatalogDiff {
  std::vector<std::string> added;       ///< practice ids only in the new catalog
  std::vector<std::string> removed;     ///< practice ids only in the old one
  std::vector<PracticeChange> changed;  ///< practices in both that differ (in facts or wording), in new order
  /// The rest, old and new: counts ("catalog"), maturity levels and statements, priorities
  /// (worksheets, election priorities, CDM ranks), Handbook practices, glossary, acronyms,
  /// and the primer (subjects "system ID", "system risk ID", "connectedness class ID",
  /// "primer"): its components, risks and classes, facts apart from wording.
  std::vector<FieldChange> changes;
  /// True when nothing above differs.
  bool empty() const { return added.empty() && removed.empty() && changed.empty() && changes.empty(); }
  /// True when the catalogs differ in wording at most.
  bool same_facts() const;
};

/// What changed from `old_catalog` to `new_catalog`: facts (ids, titles, levels, scopes,
/// tags, mappings, links, counts) apart from wording (texts a catalog may give in its own
/// words), each change with its old and new value. Pure.
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
