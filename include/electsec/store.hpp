#pragma once
/// \file
/// The history store: one SQLite file that keeps every change of many offices with its
/// date, so that any office's assessment can be rebuilt as it stood on any day, and
/// progress can be followed over time. Assessment files stay the interchange format: the
/// store imports them and exports any office, as of any date, back to one.
///
/// Guarantees: no event, office or subject is updated in place or deleted (their tables
/// refuse it; only the checkpoints derived from the events are rebuilt); every
/// recording call is one transaction, so concurrent writers from many processes lose
/// nothing and a killed process leaves the store as it was before the call or after it;
/// a file that is not a store, a damaged store, or a store of a newer schema is refused
/// with an error naming it, and is not modified; an older store is migrated forward on
/// open.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>
#include <electsec/files.hpp>
#include <electsec/scorecard.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace electsec {

/// The schema version a store written by this electsec carries (`PRAGMA user_version`).
inline constexpr int store_schema_version = 5;

/// One recorded change of one office. `subject` says what changed:
/// - `status:<action id>`: `value` is the status ("done", ...), or "" when the office no
///   longer records one; `note` the note as it stands after the change;
/// - `answer:<statement id>`: `value` is "true", "false", or "" when the answer was removed;
/// - `maturity`: `value` is "1", "2" or "3";
/// - `jurisdiction`: `value` is the jurisdiction's JSON (id, name, state, kind);
/// - `catalog_version`: `value` is the release the office's ids refer to ("1.4.1");
/// - `systems`: `value` is the office's whole system profile after the change, a JSON array
///   of {component, connectedness, note} ("[]" when it has taken every entry out).
struct ELECTSEC_API StoreEvent {
  std::int64_t sequence = 0;                   ///< order of recording in the store, from 1
  std::string office;                          ///< the jurisdiction id
  std::string subject;                         ///< what changed (see above)
  std::string value;                           ///< its new value
  std::string note;                            ///< status events: the note after the change
  std::string at;                              ///< when it took effect: ISO date or UTC date-time
  std::string author;                          ///< who recorded it
  std::string source;                          ///< where it came from: a file, or the command that recorded it
  bool operator==(const StoreEvent& o) const;  ///< Equal when every field is equal.
  bool operator!=(const StoreEvent& o) const { return !(*this == o); }  ///< Not equal.
};

/// When, by whom and from where a change is recorded.
struct ELECTSEC_API Stamp {
  std::string at;      ///< ISO date or UTC date-time; empty: today (UTC)
  std::string author;  ///< who records it; may be empty
  std::string source;  ///< where it comes from; may be empty
};

/// What one import added.
struct ELECTSEC_API ImportSummary {
  std::size_t files = 0;              ///< assessment files (or assessments) read
  std::size_t offices_new = 0;        ///< offices the store did not hold before
  std::size_t offices_changed = 0;    ///< offices it held, with something new
  std::size_t offices_unchanged = 0;  ///< offices it held, with nothing new
  std::size_t events = 0;             ///< events recorded
};

/// Which offices a query covers; an empty field does not filter. State and kind are
/// compared with each office's jurisdiction as of the query's date, maturity with its level
/// then.
struct ELECTSEC_API OfficeFilter {
  std::vector<std::string> offices;      ///< only these jurisdiction ids
  std::string state;                     ///< only offices of this state (as the offices write it)
  std::optional<JurisdictionKind> kind;  ///< only offices of this kind
  std::optional<Maturity> maturity;      ///< only offices at this level
};

/// The length of a trend's periods.
enum class Period { day, week, month };
/// "day", "week", "month".
ELECTSEC_API std::string_view to_string(Period p);
/// Parse "day", "week" or "month"; throws Error naming the accepted values.
ELECTSEC_API Period parse_period(std::string_view text);

/// How values spread over a group of offices (their completion, 0..1). Quartiles are
/// interpolated linearly between the sorted values; all fields are 0 when `count` is 0.
struct ELECTSEC_API Distribution {
  std::size_t count = 0;                                                  ///< values
  double min = 0;                                                         ///< smallest
  double q1 = 0;                                                          ///< first quartile
  double median = 0;                                                      ///< middle
  double q3 = 0;                                                          ///< third quartile
  double max = 0;                                                         ///< largest
  bool operator==(const Distribution& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const Distribution& o) const { return !(*this == o); }  ///< Not equal.
};

/// The spread of `values` (any order).
ELECTSEC_API Distribution distribution(std::vector<double> values);
/// The percentile rank of `value` among `values`: the share of them below it plus half the
/// share equal to it, 0..100; 0 when `values` is empty.
ELECTSEC_API double percentile_rank(double value, const std::vector<double>& values);

/// One period of a trend: the offices' progress as of the period's last day.
struct ELECTSEC_API TrendPoint {
  std::string period;                                  ///< "2026-03-05" (day), "2026-W10" (ISO week), "2026-03" (month)
  std::string as_of;                                   ///< the period's last day, or the trend's `to` date when earlier
  std::size_t offices = 0;                             ///< offices with a record by then
  std::array<std::size_t, 3> maturity_distribution{};  ///< of those, at Level 1, 2, 3
  std::size_t actions_applicable = 0;                  ///< summed over them
  std::size_t actions_done = 0;                        ///< summed over them
  double completion = 0;                               ///< done / applicable over them, 0..1
  Distribution office_completion;                      ///< how their completions spread
  std::vector<PracticeRollup> practices;               ///< per practice, index order
  bool operator==(const TrendPoint& o) const;          ///< Equal when every field is equal.
  bool operator!=(const TrendPoint& o) const { return !(*this == o); }  ///< Not equal.
};

/// A trend's extent. Empty dates default to the first recorded event's day and today.
struct ELECTSEC_API TrendOptions {
  Period period = Period::month;  ///< length of each period
  std::string from;               ///< first day (YYYY-MM-DD), or empty
  std::string to;                 ///< last day (YYYY-MM-DD), or empty
  OfficeFilter filter;            ///< which offices
};

/// Who an office is compared with.
enum class PeerGroup { state, level, all };
/// "state", "level", "all".
ELECTSEC_API std::string_view to_string(PeerGroup g);
/// Parse "state", "level" or "all"; throws Error naming the accepted values.
ELECTSEC_API PeerGroup parse_peer_group(std::string_view text);

/// One practice of an office against the same practice of its peers.
struct ELECTSEC_API PracticeComparison {
  std::string practice;                                                         ///< practice id
  double completion = 0;                                                        ///< the office's, 0..1
  Distribution peers;                                                           ///< peers for whom the practice applies
  double percentile_rank = 0;                                                   ///< the office among them, 0..100
  bool operator==(const PracticeComparison& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const PracticeComparison& o) const { return !(*this == o); }  ///< Not equal.
};

/// An office against its peers (the other offices of its state, or of its level, or all
/// others) as of a date.
struct ELECTSEC_API PeerComparison {
  Jurisdiction jurisdiction;                                                ///< the office
  Maturity maturity = Maturity::level1;                                     ///< its level then
  std::string as_of;                                                        ///< the date compared
  PeerGroup peer_group = PeerGroup::state;                                  ///< who its peers are
  double completion = 0;                                                    ///< its completion, 0..1
  Distribution peers;                                                       ///< its peers' completions
  double percentile_rank = 0;                                               ///< the office among them, 0..100
  std::vector<PracticeComparison> practices;                                ///< practices in scope for it, index order
  bool operator==(const PeerComparison& o) const;                           ///< Equal when every field is equal.
  bool operator!=(const PeerComparison& o) const { return !(*this == o); }  ///< Not equal.
};

/// One office's progress between two dates, for a report over a group.
struct ELECTSEC_API OfficeProgress {
  Jurisdiction jurisdiction;                       ///< the office
  Maturity maturity = Maturity::level1;            ///< its level at the end
  std::optional<double> completion_since;          ///< its completion at the start; none when it had no record yet
  double completion = 0;                           ///< its completion at the end
  std::string last_change;                         ///< the day of its last status change by the end, or ""
  std::size_t days_without_change = 0;             ///< days from that change (or its first record) to the end
  bool operator==(const OfficeProgress& o) const;  ///< Equal when every field is equal.
  bool operator!=(const OfficeProgress& o) const { return !(*this == o); }  ///< Not equal.
};

/// Progress between two dates, as a report shows it beside a record (Store::progress).
struct ELECTSEC_API Progress {
  std::string since;                ///< the first day
  std::string as_of;                ///< the last day
  Period period = Period::month;    ///< of the trends: months over three months, else weeks over three weeks, else days
  std::vector<TrendPoint> trend;    ///< the office's, or the group's
  std::vector<TrendPoint> peers;    ///< an office's peers' (the other offices of its state); empty for a group
  std::vector<StoreEvent> changes;  ///< an office's changes that took effect in the span; empty for a group
  std::vector<OfficeProgress> offices;       ///< a group's offices, most gained first; empty for an office
  bool operator==(const Progress& o) const;  ///< Equal when every field is equal.
  bool operator!=(const Progress& o) const { return !(*this == o); }  ///< Not equal.
};

/// An open history store. Movable, not copyable. One Store must not be used by two threads
/// at once; open one per thread (or per process) instead: the file is shared safely.
class ELECTSEC_API Store {
 public:
  /// Create a new, empty store at `path`. Throws IoError when the file exists already.
  static Store create(const std::string& path, const Catalog& catalog,
                      std::chrono::milliseconds lock_wait = default_lock_wait);
  /// Open the existing store at `path`, migrating an older schema forward. Throws IoError
  /// when it does not exist, Error when it is not a store, is damaged, or was written by a
  /// newer electsec (the file is left as it was). `catalog` must outlive the Store: ids
  /// are checked against it and assessments are scored with it. A writer waits at most
  /// `lock_wait` for another before it throws IoError.
  static Store open(const std::string& path, const Catalog& catalog,
                    std::chrono::milliseconds lock_wait = default_lock_wait);

  Store(Store&&) noexcept;             ///< Takes over the connection.
  Store& operator=(Store&&) noexcept;  ///< Takes over the connection.
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();  ///< Closes the file.

  /// The path it was opened with.
  const std::string& path() const;

  /// \name Recording (each call one transaction: all of it is recorded, or none)
  //@{
  /// Record whatever differs between `assessment` and the office's record (a new office
  /// records everything). The assessment stands for one day: `stamp.at`, else its latest
  /// `updated`, else today. Its level, answers, name and release are compared with the
  /// record as of that day and take its date; each status is compared with the record as
  /// of the later of that day and its latest `updated`, and takes its own `updated` date; a
  /// status the record has and the assessment lacks is recorded as removed. So an assessment
  /// imported twice records nothing the second time, and files imported out of order give
  /// each day its own record. The assessment is validated as the file loader would; nothing
  /// is recorded when it fails.
  ImportSummary import_assessment(const Assessment& assessment, const Stamp& stamp = {});
  /// Load every file (a directory stands for the *.json files in it) and import them all in
  /// one transaction: when any file fails to load, the error names every such file and
  /// nothing is recorded. `stamp.source` empty: each file's path.
  ImportSummary import_files(const std::vector<std::string>& paths, const Stamp& stamp = {}, bool recursive = false);
  /// Record a status for actions of the office. With no `note` each action's note stays as it
  /// was. An action whose status and note are already those is left alone. Returns the
  /// number of events recorded. Throws NotFound for an unknown office or action, and Error
  /// for a date that is not ISO 8601; nothing is recorded then.
  std::size_t set_status(const std::string& office, const std::vector<std::string>& actions, Status status,
                         const std::optional<std::string>& note = std::nullopt, const Stamp& stamp = {});
  /// Record the office's maturity level (0 events when it is at that level already).
  std::size_t set_level(const std::string& office, Maturity level, const Stamp& stamp = {});
  /// Record answers to maturity statements (each one given replaces that answer); unknown
  /// statement ids throw NotFound.
  std::size_t set_answers(const std::string& office, const MaturityAnswers& answers, const Stamp& stamp = {});
  /// Record the office's whole system profile as of the stamp's date (one event, none when
  /// it is that already); a later recorded change of the profile still wins from its own
  /// date, as with set_level. It is checked as the assessment loader checks one, except
  /// that an entry the record already has stays even when the catalog no longer knows its
  /// component: NotFound (with the closest ids) for a new entry whose component the
  /// catalog's primer lacks, Error (naming the store and the office) for a (component,
  /// connectedness) given twice or a note that is not UTF-8; nothing is recorded then. An
  /// empty list records that the office runs none.
  std::size_t set_systems(const std::string& office, const std::vector<SystemUse>& systems, const Stamp& stamp = {});
  /// Edit the office's system profile as it stood on the stamp's date, within one
  /// transaction: `change` gets that profile and edits it, and the result is checked and
  /// recorded as set_systems does. No other writer can change the profile between the
  /// reading and the recording. Refused (Error naming the later date) when the record has
  /// a change of the profile after that date, which would hide this one from then on. An
  /// exception from `change` records nothing and is passed on.
  std::size_t update_systems(const std::string& office, const std::function<void(std::vector<SystemUse>&)>& change,
                             const Stamp& stamp = {});
  /// Rebuild every office's checkpoints from its events, in one transaction, and return how
  /// many there are. Checkpoints are summaries derived from the events (an office's values
  /// before a date, kept every few of its recorded changes) that let a query start
  /// part-way through an office's history; recording keeps them up to date, and a store
  /// migrated from an older schema gets them when it is opened. Needed only when check() finds one that does not match
  /// its events, as when another program changed the file. Changes no event.
  std::size_t optimize();
  //@}

  /// \name Reading
  //@{
  /// Every office's id, sorted.
  std::vector<std::string> offices() const;
  /// The number of events recorded.
  std::int64_t event_count() const;
  /// Look for damage: SQLite's full integrity check of the file, then every event read as
  /// the queries read it, then every checkpoint compared with the events it summarises.
  /// Returns what is wrong, one line each (at most 100); empty when nothing is. A line that
  /// concerns only a checkpoint (derived from the events; optimize() rebuilds it) ends with
  /// " (a checkpoint; `electsec store optimize` rebuilds them from the events)". Reads the
  /// whole store.
  std::vector<std::string> check() const;
  /// The office's assessment as it stood at the end of `as_of` (a date, or a UTC date-time);
  /// empty: its latest record. Each status carries the date of its last change. Throws
  /// NotFound for an unknown office, and Error when the office had no record by then.
  Assessment assessment(const std::string& office, const std::string& as_of = {}) const;
  /// The office's events, in the order they took effect (date, then recording order).
  std::vector<StoreEvent> history(const std::string& office) const;
  /// Every office's events that took effect from the day `from` to the day `to` (dates
  /// YYYY-MM-DD, both included; empty: no bound), in the order they took effect.
  std::vector<StoreEvent> changes(const std::string& from, const std::string& to = {}) const;
  /// The rollup of the offices the filter selects, as of `as_of` (empty: latest).
  Rollup rollup(const std::string& as_of = {}, const OfficeFilter& filter = {}) const;
  /// Progress per period over the offices the filter selects.
  std::vector<TrendPoint> trend(const TrendOptions& options) const;
  /// The office against its peers as of `as_of` (empty: latest).
  PeerComparison compare(const std::string& office, const std::string& as_of = {},
                         PeerGroup peer_group = PeerGroup::state) const;
  /// One office's progress from the day `since` to the end of `as_of` (empty: today): its
  /// trend, its peers' trend and its changes in the span.
  Progress progress(const std::string& office, const std::string& since, const std::string& as_of = {}) const;
  /// The progress of the offices `filter` selects (as of `as_of`) from `since` to `as_of`:
  /// their trend and each office's gain and days without a status change.
  Progress progress(const OfficeFilter& filter, const std::string& since, const std::string& as_of = {}) const;
  //@}

  struct Impl;  ///< The connection (defined in the implementation).

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace electsec
