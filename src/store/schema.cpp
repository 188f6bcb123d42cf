#include "store/schema.hpp"

#include "store/sqlite.hpp"

#include <electsec/store.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace electsec::store {

namespace {

// Version 1: offices and their events. The index by office and date, with the columns a
// rollup reads, lets a rollup or trend read every office's events in order from the index
// alone. Triggers refuse any UPDATE or DELETE: the store is append-only.
constexpr const char* version_1 = R"sql(
CREATE TABLE offices(
  office INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE);
CREATE TABLE events(
  sequence INTEGER PRIMARY KEY,
  office INTEGER NOT NULL REFERENCES offices(office),
  at TEXT NOT NULL,
  subject TEXT NOT NULL,
  value TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '');
CREATE INDEX events_by_office ON events(office, at, sequence, subject, value);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never changed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never removed'); END;
CREATE TRIGGER offices_no_update BEFORE UPDATE ON offices
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: offices are never changed'); END;
CREATE TRIGGER offices_no_delete BEFORE DELETE ON offices
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: offices are never removed'); END;
)sql";

// Version 2: an index by date, for the changes of every office over a span of dates.
constexpr const char* version_2 = R"sql(
CREATE INDEX events_by_date ON events(at, sequence);
)sql";

constexpr std::array<const char*, 2> steps{version_1, version_2};
static_assert(steps.size() == static_cast<std::size_t>(store_schema_version), "one migration step per version");

std::int64_t pragma_value(sqlite3* db, const std::string& path, const char* pragma) {
  Statement s(db, path, pragma);
  return s.step() ? s.integer(0) : 0;
}

void configure(sqlite3* db, const std::string& path, std::chrono::milliseconds lock_wait) {
  sqlite3_busy_timeout(db, static_cast<int>(lock_wait.count()));
  // FULL: a change reported as recorded survives a power cut, not only a crash.
  execute(db, path, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

void migrate_from(sqlite3* db, const std::string& path, int to) {
  execute(db, path, "BEGIN IMMEDIATE");
  try {
    // Another process may have migrated it while this one waited for the lock.
    const auto from = static_cast<int>(pragma_value(db, path, "PRAGMA user_version"));
    for (int v = from + 1; v <= to; ++v) execute(db, path, migration_step(v));
    if (from < to) {
      execute(db, path, ("PRAGMA application_id=" + std::to_string(application_id)).c_str());
      execute(db, path, ("PRAGMA user_version=" + std::to_string(to)).c_str());
    }
    execute(db, path, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

sqlite3* connect(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    const std::string said = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw IoError(path, "cannot open the history store: " + said);
  }
  sqlite3_extended_result_codes(db, 1);
  return db;
}

struct Closer {
  sqlite3* db;
  ~Closer() { sqlite3_close_v2(db); }
};

// Every check that needs no write: the file is an SQLite database with the store's
// application id and a known schema version, and its schema can be read.
void check_store(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) throw IoError(path, "no such history store (create one with: electsec store init FILE)");
    throw IoError(path, std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) throw IoError(path, "not a regular file, so not a history store");
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path, "cannot read the file: " + std::string(std::strerror(errno)));
    std::array<char, 16> header{};
    in.read(header.data(), header.size());
    if (in.gcount() != 16 || std::memcmp(header.data(), "SQLite format 3", 16) != 0)
      throw Error(path + ": not an electsec history store (it is not an SQLite database); it was left as it is");
  }
  Closer c{connect(path, SQLITE_OPEN_READONLY)};
  const std::int64_t id = pragma_value(c.db, path, "PRAGMA application_id");
  if (id != application_id)
    throw Error(path + ": not an electsec history store (an SQLite database of another program); it was left as it is");
  const std::int64_t version = pragma_value(c.db, path, "PRAGMA user_version");
  if (version > store_schema_version)
    throw Error(path + ": written by a newer electsec (store schema version " + std::to_string(version) +
                "; this one reads up to " + std::to_string(store_schema_version) +
                "); it was left as it is. Use a newer electsec");
  if (version < 1)
    throw Error(path +
                ": the history store is damaged (no schema version); nothing was changed. Restore it from a backup");
  // Reading the schema and the tables' first pages finds most damage before anything is
  // written.
  Statement tables(c.db, path, "SELECT count(*) FROM sqlite_schema WHERE name IN ('offices', 'events')");
  if (!tables.step() || tables.integer(0) != 2)
    throw Error(
        path +
        ": the history store is damaged (its tables are missing); nothing was changed. Restore it from a backup");
  Statement probe(c.db, path, "SELECT (SELECT max(office) FROM offices), (SELECT max(sequence) FROM events)");
  probe.step();
}

}  // namespace

const char* migration_step(int version) { return steps.at(static_cast<std::size_t>(version - 1)); }

sqlite3* open_store(const std::string& path, std::chrono::milliseconds lock_wait) {
  check_store(path);
  sqlite3* db = connect(path, SQLITE_OPEN_READWRITE);
  try {
    configure(db, path, lock_wait);
    if (pragma_value(db, path, "PRAGMA user_version") < store_schema_version)
      migrate_from(db, path, store_schema_version);
  } catch (...) {
    sqlite3_close_v2(db);
    throw;
  }
  return db;
}

sqlite3* create_store(const std::string& path, std::chrono::milliseconds lock_wait, int version) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    if (errno == EEXIST) throw IoError(path, "exists already; a new history store is only created where no file is");
    throw IoError(path, std::string("cannot create the history store: ") + std::strerror(errno));
  }
  ::close(fd);
  sqlite3* db = nullptr;
  try {
    db = connect(path, SQLITE_OPEN_READWRITE);
    configure(db, path, lock_wait);
    execute(db, path, "PRAGMA journal_mode=WAL");
    migrate_from(db, path, version);
  } catch (...) {
    sqlite3_close_v2(db);
    ::unlink(path.c_str());
    throw;
  }
  return db;
}

}  // namespace electsec::store
