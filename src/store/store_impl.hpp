#pragma once
// What the history store's source files share: the connection, and the fold that rebuilds
// offices' assessments from their events.

#include "store/batch.hpp"
#include "store/dates.hpp"
#include "store/sqlite.hpp"

#include <electsec/store.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace electsec {

struct Store::Impl {
  std::string path;
  const Catalog* catalog = nullptr;
  sqlite3* db = nullptr;
  bool read_only = false;  // opened without write access
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    statements.clear();  // finalized before the connection closes
    sqlite3_close_v2(db);
  }

  /// The statement for `sql`, prepared once per connection; reset when the returned guard
  /// goes, so that no finished read keeps the store's snapshot open.
  class Use {
   public:
    explicit Use(store::Statement& s) : s_(s) {}
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    ~Use() { s_.reset(); }
    store::Statement* operator->() const { return &s_; }
    store::Statement& operator*() const { return s_; }

   private:
    store::Statement& s_;
  };
  Use statement(const char* sql) const {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<store::Statement>(db, path, sql);
    return Use(*slot);
  }

 private:
  mutable std::map<std::string, std::unique_ptr<store::Statement>> statements;

 public:
  /// The store's numbers for subjects (its table `subjects`), as far as this connection has
  /// read them: `subjects[n]` is number n's subject ("" where unknown), `action_of[n]` its
  /// catalog action number or -1. A number never changes once given; what a rolled-back
  /// transaction added is forgotten.
  mutable std::vector<std::string> subjects;
  mutable std::vector<int> action_of;
  mutable std::unordered_map<std::string, std::int64_t> number_of;
  void forget_subjects() const {
    subjects.clear();
    action_of.clear();
    number_of.clear();
  }
};

namespace store {

/// An office's record being rebuilt from its events, oldest first. An office exists from
/// its first event on; until its jurisdiction, level and catalog version are first
/// recorded, the first recorded ones stand (an assessment file's statuses often predate
/// the day the file, with its level, was first imported).
struct OfficeFold {
  Assessment assessment;
  bool exists = false;               // an event has been applied
  bool has_jurisdiction = false;     // its jurisdiction event has been applied
  bool has_maturity = false;         // its maturity event has been applied
  bool has_catalog_version = false;  // its catalog_version event has been applied
  bool seeded = false;               // what it lacked has been filled in (seed_missing)
  std::string systems_at;            // when (as recorded) its last `systems` event took effect, or ""
  /// Statuses recorded as removed, by action id: when (as recorded) the last removal took
  /// effect. A status recorded again leaves this map.
  std::map<std::string, std::string, std::less<>> removed;

  /// Apply one event. Ids the catalog lacks go to the assessment's `retired` maps.
  void apply(const Catalog& catalog, std::string_view subject, std::string_view value, std::string_view note,
             std::string_view at, const std::string& source);

 private:
  void set(const Catalog& catalog, std::string_view subject, std::string_view value, std::string_view note,
           std::string_view at, const std::string& source);
};

/// The end of a date given as "as of": events at or before it count. Empty `as_of`: none
/// (everything counts). A date counts the whole day. Throws Error for anything that is not
/// an ISO 8601 date or UTC date-time.
std::optional<std::string> bound_of(const std::string& as_of);
/// True when an event whose key is `key` counts before the (exclusive) `bound`.
inline bool before(std::string_view key, const std::optional<std::string>& bound) {
  return !bound || key < std::string_view(*bound);
}

/// Fill in what `fold` lacks of the office's jurisdiction, level and catalog version with
/// their first recorded values.
void seed_missing(const Store::Impl& s, std::int64_t key, OfficeFold& fold);

/// One consistent view of the store for a whole query: a read transaction, unless one is
/// open already (a query that calls others), ended when the guard goes.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(const Store::Impl& s) : db_(s.db) {
    if (sqlite3_get_autocommit(db_) != 0) {
      execute(db_, s.path, "BEGIN");
      owner_ = true;
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot() {
    if (owner_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  }

 private:
  sqlite3* db_;
  bool owner_ = false;
};

/// The subject numbered `number`, or null when the store has none.
const std::string* find_subject(const Store::Impl& s, std::int64_t number);
/// The subject numbered `number` (Error naming the store when it has none).
const std::string& subject_named(const Store::Impl& s, std::int64_t number);
/// The catalog action number of the subject numbered `number`, or -1 when it is not a
/// catalog action's status.
int action_of(const Store::Impl& s, std::int64_t number);
/// The number of `subject`, given it now if it has none (in a writer's transaction).
std::int64_t subject_number(const Store::Impl& s, const std::string& subject);

/// The columns every reader of an office's events selects from `batches`, in this order.
#define ELECTSEC_BATCH_COLUMNS "at_key, at, events, first, last_key, count"

/// One event as read from the store (views valid until the reader's next call).
struct StoredEvent {
  std::string_view key;  ///< when it takes effect, in the form moments are compared in
  std::string_view at;   ///< when it takes effect, as recorded
  std::int64_t subject = 0, sequence = 0;
  std::string_view value, note;
  std::size_t batch = 0;        ///< its batch's place among those read, from 0
  std::string_view batch_last;  ///< the latest key of its batch
};

/// Reads the events of an office's batches (rows of ELECTSEC_BATCH_COLUMNS, ordered by
/// at_key and first) in the order they take effect: by date, then by number. Batches of one
/// date are read as they come; from the first batch that spans dates on, the rest are read
/// at once and sorted (an event of such a batch may take effect after events of later
/// batches). A batch whose events are not what its row says (their number, or a date
/// outside its span) is an Error naming it. With `end`, batches dated from it on are not read
/// (their events all take effect from then on).
class OfficeEvents {
 public:
  OfficeEvents(const Store::Impl& s, Statement& rows, std::optional<std::string> end = std::nullopt)
      : s_(s), rows_(rows), end_(std::move(end)) {}
  bool next(StoredEvent& e);

 private:
  void start_batch();
  void read_rest();
  bool next_row() { return rows_.step() && (!end_ || rows_.text(0) < std::string_view(*end_)); }
  const Store::Impl& s_;
  Statement& rows_;
  std::optional<std::string> end_;
  std::optional<BatchReader> reader_;
  std::string_view key_, at_;  // the batch's, while it is read
  std::int64_t first_ = 0, count_ = 0, read_ = 0;
  std::size_t batch_ = 0;
  struct Owned {
    std::string key, at, value, note, last;
    std::int64_t subject, sequence;
    std::size_t batch;
  };
  std::vector<Owned> rest_;
  std::size_t next_ = 0;
  bool sorted_ = false;
};

/// How a batch is named in an error, with the store.
std::string batch_name(const Store::Impl& s, std::int64_t first);

/// The internal key of an office, or NotFound with the closest ids.
std::int64_t office_key(const Store::Impl& s, const std::string& office);
/// The office's record with every event before `bound` applied (notes included).
OfficeFold rebuild(const Store::Impl& s, std::int64_t key, const std::optional<std::string>& bound);

/// An office's values rebuilt from its events for scoring: no notes, no dates, no answers;
/// the statuses of the catalog's actions kept as one byte per action (see
/// engine/flat_statuses.hpp), everything else in `fold`. The map of statuses an Assessment
/// holds is made only when asked for.
class ValueFold {
 public:
  explicit ValueFold(const Store::Impl& s);
  void reset();
  void apply(std::string_view subject, std::string_view value, std::string_view at, const std::string& office);
  void apply_numbered(std::int64_t subject, std::string_view value, std::string_view at, const std::string& office);
  /// Start from a checkpoint's values (its columns `statuses` and `other`).
  void load(std::string_view statuses, std::string_view other, std::string_view before_key, const std::string& office);
  /// A checkpoint's columns for these values; gives subjects their numbers (in a writer's
  /// transaction).
  std::pair<std::string, std::string> checkpoint() const;
  /// True when both hold the same values.
  bool same_values(const ValueFold& other) const;
  /// One status byte per catalog action number.
  const std::int8_t* statuses() const { return status_.data(); }
  /// The fold, its statuses made from the bytes.
  OfficeFold& materialize();
  OfficeFold fold;

 private:
  void load_checked(std::string_view statuses, std::string_view other, std::string_view before_key,
                    const std::string& office, const std::string& what);
  const Store::Impl& s_;
  std::vector<std::int8_t> status_;
  bool changed_ = true;
};

/// Rebuild every office at each of the (exclusive, ascending) bounds, office by office:
/// `emit(office id, bound index, values)` is called for every bound by which the office has
/// a record.
/// With `only` not empty, just those offices (NotFound for an unknown one), each read
/// through the index by its key.
/// With `filter`, only the offices it selects as of each bound are emitted.
void fold_all(const Store::Impl& s, const std::vector<std::optional<std::string>>& bounds,
              const std::function<void(const std::string&, std::size_t, ValueFold&)>& emit,
              const std::vector<std::string>& only = {}, const OfficeFilter* filter = nullptr);

/// A checkpoint is written before an office's batch when at least this many of its batches
/// came since its previous checkpoint (or its first batch), on earlier dates, and no batch
/// begun before it reaches its date: a query as of a date reads a checkpoint and the
/// batches after it, about this many where no batch spans dates (an office whose imported
/// files span months may have fewer checkpoints, and a query reads more of its batches).
inline constexpr std::size_t checkpoint_every = 6;

/// Bring the office's checkpoints up to date after batches were written from `from_key` on
/// (within the writer's transaction): those after it are removed and rebuilt.
void refresh_checkpoints(const Store::Impl& s, std::int64_t office, const std::string& from_key);

/// What ends a problem line of check() that concerns only a checkpoint (derived data): the
/// front ends tell such problems from damage to the events by it.
extern const char* const checkpoint_problem_hint;

/// Problems with the checkpoints (each compared with the office rebuilt from its batches).
std::vector<std::string> check_checkpoints(const Store::Impl& s);

/// True when the office (as rebuilt) is one `filter` selects.
bool selects(const OfficeFilter& filter, const Assessment& a);

}  // namespace store
}  // namespace electsec
