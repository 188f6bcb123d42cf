#pragma once
// What the history store's source files share: the connection, and the fold that rebuilds
// offices' assessments from their events.

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

namespace store {
/// The catalog's actions numbered in id order, for folding many offices: a status is then a
/// byte in an array per office rather than a node of a map of strings.
struct ActionTable {
  explicit ActionTable(const Catalog& c);
  int find(std::string_view id) const {
    const auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  }
  std::vector<std::string> ids;
  std::unordered_map<std::string_view, int> index;  // views into `ids`
};
}  // namespace store

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
  /// The catalog's action table, made on first use.
  const store::ActionTable& actions() const {
    if (!action_table) action_table = std::make_unique<store::ActionTable>(*catalog);
    return *action_table;
  }

  Use statement(const char* sql) const {
    auto& slot = statements[sql];
    if (!slot) slot = std::make_unique<store::Statement>(db, path, sql);
    return Use(*slot);
  }

 private:
  mutable std::map<std::string, std::unique_ptr<store::Statement>> statements;
  mutable std::unique_ptr<store::ActionTable> action_table;
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

  /// Apply one event. Ids the catalog lacks go to the assessment's `retired` maps.
  void apply(const Catalog& catalog, std::string_view subject, std::string_view value, std::string_view note,
             std::string_view at, const std::string& source);

 private:
  void set(const Catalog& catalog, std::string_view subject, std::string_view value, std::string_view note,
           std::string_view at, const std::string& source);
};

/// `at` (an ISO date or UTC date-time) in the form the store orders by: a date as it is, a
/// date-time with its fraction of a second padded to nine digits.
std::string key_of(std::string_view at);

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

/// How a batch is named in an error: the store and the number of its first event.
std::string batch_name(const Store::Impl& s, std::int64_t first);

/// The internal key of an office, or NotFound with the closest ids.
std::int64_t office_key(const Store::Impl& s, const std::string& office);
/// The office's record with every event before `bound` applied (notes included).
OfficeFold rebuild(const Store::Impl& s, std::int64_t key, const std::optional<std::string>& bound);

/// Rebuild every office at each of the (exclusive, ascending) bounds, office by office:
/// `emit(office id, bound index, fold)` is called for every bound by which the office has a
/// record. For speed, only what a score needs: the statuses of the catalog's actions carry
/// no note and no date.
/// With `only` not empty, just those offices (NotFound for an unknown one), each read
/// through the index by its key.
/// With `filter`, only the offices it selects as of each bound are emitted.
void fold_all(const Store::Impl& s, const std::vector<std::optional<std::string>>& bounds,
              const std::function<void(const std::string&, std::size_t, OfficeFold&)>& emit,
              const std::vector<std::string>& only = {}, const OfficeFilter* filter = nullptr);

/// A checkpoint is written at the start of a month when an office has at least this many
/// batches since its previous checkpoint (or its first batch): a query reads at most about
/// that many batches of an office before the month it asks about.
inline constexpr std::size_t checkpoint_every = 8;

/// Bring the office's checkpoints up to date after batches were written from `from_key` on
/// (within the writer's transaction): those after it are removed and rebuilt.
void refresh_checkpoints(const Store::Impl& s, std::int64_t office, const std::string& from_key);

/// Problems with the checkpoints (each compared with the office rebuilt from its batches).
std::vector<std::string> check_checkpoints(const Store::Impl& s);

/// True when the office (as rebuilt) is one `filter` selects.
bool selects(const OfficeFilter& filter, const Assessment& a);

}  // namespace store
}  // namespace electsec
