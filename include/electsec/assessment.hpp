#pragma once
/// \file
/// The self-assessment of one office: where each action of the guide stands.

#include <electsec/export.hpp>
#include <electsec/catalog.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// Where an office stands on one action.
enum class Status { not_started, in_progress, done, not_applicable };

/// What kind of government the office belongs to.
enum class JurisdictionKind { state, county, municipality, territory };

/// Every Status, in declaration order (as `all_maturities` lists every Maturity).
inline constexpr std::array<Status, 4> all_statuses{Status::not_started, Status::in_progress, Status::done,
                                                    Status::not_applicable};
/// Every JurisdictionKind, in declaration order.
inline constexpr std::array<JurisdictionKind, 4> all_jurisdiction_kinds{
    JurisdictionKind::state, JurisdictionKind::county, JurisdictionKind::municipality, JurisdictionKind::territory};

/// \name String forms
//@{
/// The canonical string of a value ("not_started", "county", ...), as files and the CLI
/// spell it.
ELECTSEC_API std::string_view to_string(Status s);
ELECTSEC_API std::string_view to_string(JurisdictionKind k);
//@}
/// \name Parsing
//@{
/// Parse a canonical string; throw electsec::Error naming the rejected string and the
/// accepted ones.
ELECTSEC_API Status parse_status(std::string_view text);
ELECTSEC_API JurisdictionKind parse_jurisdiction_kind(std::string_view text);
//@}

/// \name Dates
//@{
/// Today's date in UTC, "YYYY-MM-DD": what every front end records as `updated` when the
/// caller gives no date.
ELECTSEC_API std::string today_utc();
/// True when `text` is an ISO 8601 calendar date "YYYY-MM-DD" or a UTC date-time
/// "YYYY-MM-DDThh:mm:ss[.fraction]Z" naming a real day and time (no "2026-13-45").
ELECTSEC_API bool is_iso_timestamp(std::string_view text);
//@}

/// True when `text` can be a jurisdiction's id, name or state, or a catalog version: not
/// empty, and without control characters such as line breaks (they are shown on one line).
ELECTSEC_API bool is_valid_name(std::string_view text);

/// The office an assessment belongs to.
struct ELECTSEC_API Jurisdiction {
  std::string id;                                    ///< the office's own stable id, e.g. "us-pa-dauphin"
  std::string name;                                  ///< "Dauphin County"
  std::string state;                                 ///< postal code or name, as the office writes it
  JurisdictionKind kind = JurisdictionKind::county;  ///< state, county, municipality or territory
  bool operator==(const Jurisdiction& o) const;      ///< Equal when every field is equal.
};

/// Where an office stands on one action, with its note.
struct ELECTSEC_API ActionStatus {
  Status status = Status::not_started;           ///< where the office stands
  std::string note;                              ///< free text from the office; may be empty
  std::string updated;                           ///< ISO 8601 date or time of the last change, or empty
  bool operator==(const ActionStatus& o) const;  ///< Equal when every field is equal.
};

/// One kind of election system an office runs, and how it connects: one entry of the
/// office's system profile (docs/assessment-format.md). An office may list the same kind
/// more than once with different connectedness (electronic and paper pollbooks).
struct ELECTSEC_API SystemUse {
  std::string component;  ///< a SystemComponent id of the catalog's primer, e.g. "pollbooks"
  Connectedness connectedness = Connectedness::network;                ///< how this use of it exchanges data
  std::string note;                                                    ///< free text from the office; may be empty
  bool operator==(const SystemUse& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const SystemUse& o) const { return !(*this == o); }  ///< Not equal.
};

/// One office's assessment. A plain value: `set` checks ids against a catalog; the
/// loader (assessment_json.hpp) validates everything.
struct ELECTSEC_API Assessment {
  Jurisdiction jurisdiction;                                  ///< whose assessment it is
  std::string catalog_version;                                ///< the guide version the ids refer to, e.g. "1.4.1"
  Maturity maturity = Maturity::level1;                       ///< the office's maturity level (see maturity.hpp)
  MaturityAnswers answers;                                    ///< optional answers to the maturity statements
  std::map<std::string, ActionStatus, std::less<>> statuses;  ///< action id -> status
  /// Statuses of actions, and answers to statements, that an earlier release had and the
  /// current one does not: kept by `migrate`, never scored, never dropped.
  std::map<std::string, ActionStatus, std::less<>> retired;
  MaturityAnswers retired_answers;  ///< answers to statements the current release no longer has
  /// The office's system profile: which kinds of election system it runs and how each
  /// connects, in the order the office gave them; empty when it has recorded none. The
  /// loader checks every component against the catalog's primer and refuses the same
  /// (component, connectedness) twice.
  std::vector<SystemUse> systems;

  /// The status of an action; not_started when the assessment records none.
  Status status_of(std::string_view action_id) const;
  /// The status of an action of `catalog`; throws NotFound for an id it does not have.
  Status status_of(const Catalog& catalog, std::string_view action_id) const;

  /// Record a status. A change keeps what it does not mention: with no `note` the
  /// action's note stays as it was (an empty string clears it). `updated` defaults to
  /// today (UTC). Throws NotFound (with the closest ids) when `action_id` is not an action
  /// of `catalog`, and Error for an `updated` that is not an ISO 8601 date or UTC
  /// date-time; nothing is changed then.
  void set(const Catalog& catalog, std::string_view action_id, Status status,
           std::optional<std::string> note = std::nullopt, std::string updated = {});

  /// Move the office to another maturity level, keeping every status. Returns the ids of
  /// the recorded actions that apply at the old level and not at the new one: they stay
  /// in the file and count again when the level comes back.
  std::vector<std::string> set_level(const Catalog& catalog, Maturity level);

  /// Add `component` with `connectedness` to the system profile. A change keeps what it
  /// does not mention: with no `note`, an entry already there keeps its note (a new one gets
  /// none; an empty string clears it). Throws NotFound (with the closest ids) when the
  /// catalog's primer has no such component; nothing is changed then. Returns true when a
  /// new entry was added, false when an existing one was kept or its note replaced.
  bool add_system(const Catalog& catalog, std::string_view component, Connectedness connectedness,
                  std::optional<std::string> note = std::nullopt);
  /// Remove the entries for `component` (only the one with `connectedness` when given).
  /// Returns how many were removed (0 when the profile has none).
  std::size_t remove_system(std::string_view component, std::optional<Connectedness> connectedness = std::nullopt);

  bool operator==(const Assessment& o) const;  ///< Equal when every field is equal.
};

}  // namespace electsec
