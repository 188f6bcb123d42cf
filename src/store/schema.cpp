#include "store/schema.hpp"

#include "store/sqlite.hpp"

#include <electsec/store.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <stdexcept>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace electsec::store {

namespace {

// Text two migration steps share (a released step's SQL never changes, so it is the same
// text in both; migration_step puts each step together): the guards of the table of
// subjects, made with it in version 3 and again when version 5 makes it anew; and the view
// of single events of version 4, made again over the new table in version 5.
constexpr const char* subject_guards = R"sql(
CREATE TRIGGER subjects_no_update BEFORE UPDATE ON subjects
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: subjects are never changed'); END;
CREATE TRIGGER subjects_no_delete BEFORE DELETE ON subjects
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: subjects are never removed'); END;
CREATE TRIGGER subjects_no_replace BEFORE INSERT ON subjects
  WHEN EXISTS (SELECT 1 FROM subjects WHERE subject = NEW.subject OR number = NEW.number)
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: subjects are never replaced'); END;
)sql";
constexpr const char* events_view = R"sql(
CREATE VIEW events(sequence, office, at, at_key, subject, value, note, author, source) AS
  SELECT first + k, office, coalesce(a, at),
         CASE WHEN a IS NULL THEN at_key WHEN length(a) = 10 THEN a
              ELSE substr(a, 1, 19) || '.' ||
                   substr(CASE WHEN substr(a, 20, 1) = '.' THEN substr(a, 21, length(a) - 21) ELSE '' END ||
                          '000000000', 1, 9) || 'Z' END,
         subject, value, note, author, source
  FROM (SELECT b.first, j.key AS k, b.office, b.at, b.at_key, s.subject, json_extract(j.value, '$[1]') AS value,
               coalesce(json_extract(j.value, '$[2]'), '') AS note, json_extract(j.value, '$[3]') AS a, b.author,
               b.source
        FROM batches b, json_each(b.events) j LEFT JOIN subjects s ON s.number = json_extract(j.value, '$[0]'));
)sql";

// Version 1: offices and their events. `at` is the date or UTC date-time as given; `at_key`
// the same moment in a form whose text order is time order (a date-time's fraction of a
// second padded to nine digits, so that "...:00Z" sorts before "...:00.5Z"). The index by
// office and date, with the columns a
// rollup reads, lets a rollup or trend read every office's events in order from the index
// alone. Triggers refuse any UPDATE or DELETE, and an INSERT that would replace a row (INSERT
// OR REPLACE deletes without firing delete triggers): the store is append-only. CHECK
// constraints keep other writers to the shapes electsec writes.
constexpr const char* version_1 = R"sql(
CREATE TABLE offices(
  office INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (length(id) > 0));
CREATE TABLE events(
  sequence INTEGER PRIMARY KEY,
  office INTEGER NOT NULL REFERENCES offices(office),
  at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
  at_key TEXT NOT NULL CHECK (at_key GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
  subject TEXT NOT NULL CHECK (subject IN ('jurisdiction', 'catalog_version', 'maturity')
                               OR subject GLOB 'status:?*' OR subject GLOB 'answer:?*'),
  value TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '');
CREATE INDEX events_by_office ON events(office, at_key, sequence, subject, value);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never changed'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never removed'); END;
CREATE TRIGGER events_no_replace BEFORE INSERT ON events
  WHEN NEW.sequence IS NOT NULL AND EXISTS (SELECT 1 FROM events WHERE sequence = NEW.sequence)
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never replaced'); END;
CREATE TRIGGER offices_no_update BEFORE UPDATE ON offices
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: offices are never changed'); END;
CREATE TRIGGER offices_no_delete BEFORE DELETE ON offices
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: offices are never removed'); END;
CREATE TRIGGER offices_no_replace BEFORE INSERT ON offices
  WHEN EXISTS (SELECT 1 FROM offices WHERE id = NEW.id OR office = NEW.office)
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: offices are never replaced'); END;
)sql";

// Version 2: an index by date, for the changes of every office over a span of dates.
constexpr const char* version_2 = R"sql(
CREATE INDEX events_by_date ON events(at_key, sequence);
)sql";

// Version 3: events are stored in batches, one row for the events one command recorded for
// one office on one date (a JSON array of [subject number, value, note], the note left out
// when empty; `subjects` numbers every subject once), numbered by the sequence of their
// first event; the table is ordered by office and date, so that an office's record is one
// range of it. A view `events` shows
// them one per row, as versions 1 and 2 stored them. `checkpoints` holds, for some offices
// and dates, the office's values (no notes, no answers) from every batch dated before
// `before_key`: its statuses as (subject number as a varint, status as a byte) pairs, its
// name, release and level as a batch's JSON. Checkpoints are derived from the batches,
// rebuilt when an earlier-dated batch arrives, and let a query start there instead of at the
// office's first batch. The events of a version 2 store become batches of one.
constexpr const char* version_3_head = R"sql(
CREATE TABLE subjects(
  number INTEGER PRIMARY KEY,
  subject TEXT NOT NULL UNIQUE CHECK (subject IN ('jurisdiction', 'catalog_version', 'maturity')
                                      OR subject GLOB 'status:?*' OR subject GLOB 'answer:?*'));
INSERT INTO subjects(subject) SELECT subject FROM events GROUP BY subject ORDER BY min(sequence);
)sql";
constexpr const char* version_3_tail = R"sql(CREATE TABLE batches(
  office INTEGER NOT NULL REFERENCES offices(office),
  at_key TEXT NOT NULL CHECK (at_key GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
  first INTEGER NOT NULL CHECK (first > 0),
  count INTEGER NOT NULL CHECK (count > 0),
  at TEXT NOT NULL CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
  author TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  events TEXT NOT NULL CHECK (events GLOB '[[]*]'),
  PRIMARY KEY (office, at_key, first)) WITHOUT ROWID;
CREATE UNIQUE INDEX batches_by_sequence ON batches(first);
CREATE INDEX batches_by_date ON batches(at_key, first);
INSERT INTO batches(office, at_key, first, count, at, author, source, events)
  SELECT e.office, e.at_key, e.sequence, 1, e.at, e.author, e.source,
         json_array(CASE e.note WHEN '' THEN json_array(s.number, e.value) ELSE json_array(s.number, e.value, e.note) END)
  FROM events e JOIN subjects s ON s.subject = e.subject ORDER BY e.sequence;
DROP TABLE events;
CREATE TRIGGER batches_no_update BEFORE UPDATE ON batches
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never changed'); END;
CREATE TRIGGER batches_no_delete BEFORE DELETE ON batches
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never removed'); END;
CREATE TRIGGER batches_append_only BEFORE INSERT ON batches
  WHEN NEW.first < coalesce((SELECT first + count FROM batches ORDER BY first DESC LIMIT 1), 1)
  BEGIN SELECT RAISE(ABORT, 'the history store is append-only: events are never replaced, and new ones are numbered after the last'); END;
CREATE VIEW events(sequence, office, at, at_key, subject, value, note, author, source) AS
  SELECT b.first + j.key, b.office, b.at, b.at_key, s.subject, json_extract(j.value, '$[1]'),
         coalesce(json_extract(j.value, '$[2]'), ''), b.author, b.source
  FROM batches b, json_each(b.events) j LEFT JOIN subjects s ON s.number = json_extract(j.value, '$[0]');
CREATE TABLE checkpoints(
  office INTEGER NOT NULL REFERENCES offices(office),
  before_key TEXT NOT NULL CHECK (before_key GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
  statuses BLOB NOT NULL,
  other TEXT NOT NULL CHECK (other GLOB '[[]*]'),
  PRIMARY KEY (office, before_key)) WITHOUT ROWID;
)sql";

// Version 4: a batch may hold events of several dates (an imported file whose statuses carry
// dates of their own is one row, not one row per date). Its `at` and `at_key` are then its
// earliest event's, `last_key` its latest event's key (NULL in a batch of one date), and an
// event of another date than the batch's carries its own as a fourth element. A checkpoint
// is only written before a date no batch spans (none begins before it and ends on or after
// it), so that what follows a checkpoint is still the batches from its date on.
// `batches_spanning` finds the batches that span dates, for the changes over a span of days.
constexpr const char* version_4 = R"sql(
ALTER TABLE batches ADD COLUMN last_key TEXT
  CHECK (last_key IS NULL OR (last_key > at_key AND last_key GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'));
CREATE INDEX batches_spanning ON batches(last_key) WHERE last_key IS NOT NULL;
DROP VIEW events;
)sql";

// Version 5: an office's system profile is a subject of its own, `systems`, whose value is
// the whole profile as a JSON array of {component, connectedness, note} (an empty array when
// the office has taken every entry out). SQLite cannot change a CHECK constraint, so the
// table of subjects is made anew with the one that admits it, keeping every number; the view
// that reads through it is made again over the new table, and so are its triggers.
constexpr const char* version_5 = R"sql(
DROP VIEW events;
CREATE TABLE subjects_5(
  number INTEGER PRIMARY KEY,
  subject TEXT NOT NULL UNIQUE CHECK (subject IN ('jurisdiction', 'catalog_version', 'maturity', 'systems')
                                      OR subject GLOB 'status:?*' OR subject GLOB 'answer:?*'));
INSERT INTO subjects_5(number, subject) SELECT number, subject FROM subjects ORDER BY number;
DROP TABLE subjects;
ALTER TABLE subjects_5 RENAME TO subjects;
)sql";

std::int64_t pragma_value(sqlite3* db, const std::string& path, const char* pragma) {
  Statement s(db, path, pragma);
  return s.step() ? s.integer(0) : 0;
}

void configure(sqlite3* db, const std::string& path, std::chrono::milliseconds lock_wait) {
  sqlite3_busy_timeout(db, static_cast<int>(lock_wait.count()));
  // FULL: a change reported as recorded survives a power cut, not only a crash.
  // cell_size_check: more of a damaged page is noticed when it is read.
  // A 64 MiB page cache keeps a large import's index pages in memory. Temporary data in
  // memory: each insert a trigger could abort keeps a statement journal, which in a file
  // cost a large import more than a hundred thousand writes.
  execute(db, path,
          "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cell_size_check=ON; PRAGMA cache_size=-65536; "
          "PRAGMA temp_store=MEMORY;");
}

// Returns the version it found (`to` when another process had migrated it meanwhile).
int migrate_from(sqlite3* db, const std::string& path, int to) {
  execute(db, path, "BEGIN IMMEDIATE");
  int from = 0;
  try {
    // Another process may have migrated it while this one waited for the lock.
    from = static_cast<int>(pragma_value(db, path, "PRAGMA user_version"));
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
  // The file's own header then carries the application id and schema version, which is
  // where check_header reads them, without opening the file with SQLite.
  sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_FULL, nullptr, nullptr);
  return from;
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

std::uint32_t big_endian(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// The checks made from the file's header alone, before SQLite opens it (which could create
// files beside it): an SQLite database, with the store's application id and a schema version
// this electsec knows. Returns that version.
int check_header(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) throw IoError(path, "no such history store (create one with: electsec store init FILE)");
    throw IoError(path, std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) throw IoError(path, "not a regular file, so not a history store");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path, "cannot read the file: " + std::string(std::strerror(errno)));
  std::array<unsigned char, 100> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  if (in.gcount() != 100 || std::memcmp(header.data(), "SQLite format 3", 16) != 0)
    throw Error(path + ": not an electsec history store (it is not an SQLite database); it was left as it is");
  if (big_endian(&header[68]) != static_cast<std::uint32_t>(application_id))
    throw Error(path + ": not an electsec history store (an SQLite database of another program); it was left as it is");
  const std::uint32_t version = big_endian(&header[60]);
  if (version > static_cast<std::uint32_t>(store_schema_version))
    throw Error(path + ": written by a newer electsec (store schema version " + std::to_string(version) +
                "; this one reads up to " + std::to_string(store_schema_version) +
                "); it was left as it is. Use a newer electsec");
  if (version < 1)
    throw Error(path +
                ": the history store is damaged (no schema version); nothing was changed. Restore it from a backup");
  return static_cast<int>(version);
}

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// A path as an SQLite URI ("file:" with the characters URIs give a meaning escaped).
std::string uri_of(const std::string& path) {
  // An absolute path takes an empty authority ("file:///..."), so that one starting with
  // "//" is not read as a host.
  std::string uri = path.empty() || path[0] != '/' ? "file:" : "file://";
  for (const char ch : path) {
    if (ch == '%' || ch == '?' || ch == '#') {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[(static_cast<unsigned char>(ch) >> 4) & 0xf];
      uri += hex[static_cast<unsigned char>(ch) & 0xf];
    } else {
      uri += ch;
    }
  }
  return uri;
}

}  // namespace

const char* migration_step(int version) {
  static const std::string steps[] = {
      version_1, version_2, std::string(version_3_head) + subject_guards + version_3_tail,
      std::string(version_4) + events_view, std::string(version_5) + subject_guards + events_view};
  static_assert(sizeof(steps) / sizeof(steps[0]) == static_cast<std::size_t>(store_schema_version),
                "one migration step per version");
  if (version < 1 || version > store_schema_version)
    throw std::out_of_range("no migration step " + std::to_string(version));
  return steps[version - 1].c_str();
}

sqlite3* open_store(const std::string& path, std::chrono::milliseconds lock_wait, bool& read_only, int& migrated_from) {
  migrated_from = 0;
  const int version = check_header(path);
  // A file this user cannot write is read without writing anything: in place when its
  // folder takes SQLite's shared-memory file, else as an immutable file.
  read_only = ::access(path.c_str(), W_OK) != 0;
  const std::string wal = path + "-wal", shm = path + "-shm";
  const bool had_wal = exists(wal), had_shm = exists(shm);
  sqlite3* db = nullptr;
  try {
    if (!read_only) {
      db = connect(path, SQLITE_OPEN_READWRITE);
    } else {
      if (version < store_schema_version)
        throw IoError(path,
                      "an older history store that cannot be written, so it cannot be brought to schema version " +
                          std::to_string(store_schema_version) + "; open it once with write access");
      const std::string folder = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
      const bool in_place = had_shm || ::access(folder.c_str(), W_OK) == 0;
      struct stat log {};
      if (!in_place && ::stat(wal.c_str(), &log) == 0 && log.st_size > 0)
        throw IoError(path,
                      "its log holds changes that a user who cannot write the store or its folder cannot read; open "
                      "it once with write access");
      db = connect(in_place ? path : uri_of(path) + "?immutable=1",
                   SQLITE_OPEN_READONLY | (in_place ? 0 : SQLITE_OPEN_URI));
    }
    configure(db, path, lock_wait);
    // The header may be older than the store's log: ask SQLite, which reads both.
    if (pragma_value(db, path, "PRAGMA application_id") != application_id)
      throw Error(path +
                  ": not an electsec history store (an SQLite database of another program); it was left as it is");
    const std::int64_t current = pragma_value(db, path, "PRAGMA user_version");
    if (current > store_schema_version)
      throw Error(path + ": written by a newer electsec (store schema version " + std::to_string(current) +
                  "; this one reads up to " + std::to_string(store_schema_version) +
                  "); it was left as it is. Use a newer electsec");
    // Reading the schema and the tables' last pages finds much damage before anything is
    // written.
    {
      const bool batches = current >= 3;
      Statement tables(db, path,
                       batches ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('offices', "
                                 "'batches', 'checkpoints', 'subjects')"
                               : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('offices', "
                                 "'events')");
      if (!tables.step() || tables.integer(0) != (batches ? 4 : 2))
        throw Error(path +
                    ": the history store is damaged (its tables are missing); nothing was changed. Restore it from a "
                    "backup");
      Statement probe(db, path,
                      batches ? "SELECT (SELECT max(office) FROM offices), (SELECT max(first) FROM batches), "
                                "(SELECT before_key FROM checkpoints LIMIT 1), (SELECT max(number) FROM subjects)"
                              : "SELECT (SELECT max(office) FROM offices), (SELECT max(sequence) FROM events)");
      probe.step();
    }
    if (!read_only && current < store_schema_version) {
      const int from = migrate_from(db, path, store_schema_version);
      if (from < store_schema_version) migrated_from = from;
    }
  } catch (const IoError&) {
    sqlite3_close_v2(db);  // busy, or a system error: the file is not refused, leave its files
    throw;
  } catch (const Error& e) {
    sqlite3_close_v2(db);
    if (std::string(e.what()).find("is damaged") == std::string::npos) throw;
    // A refused damaged store: leave nothing beside it that was not there before and holds
    // nothing (SQLite's shared-memory index, an empty log). Only for damage: a store that
    // is merely refused (a newer one) may be in use by another program, whose files these
    // could be.
    struct stat st {};
    if (!had_wal && ::stat(wal.c_str(), &st) == 0 && st.st_size == 0) {
      ::unlink(wal.c_str());
      if (!had_shm) ::unlink(shm.c_str());
    }
    throw;
  } catch (...) {
    sqlite3_close_v2(db);
    throw;
  }
  return db;
}

sqlite3* create_store(const std::string& path, std::chrono::milliseconds lock_wait, int version) {
  const auto exists_already = [&] {
    return IoError(path, "exists already; a new history store is only created where no file is");
  };
  if (exists(path)) throw exists_already();
  // Built whole under a temporary name beside it, then linked into place: a store is never
  // seen half made, and a process killed while making one leaves no file under its name.
  const std::string building = path + ".new-" + std::to_string(::getpid());
  const int fd = ::open(building.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw IoError(path, std::string("cannot create the history store: ") + std::strerror(errno));
  ::close(fd);
  const auto remove_building = [&] {
    for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((building + suffix).c_str());
  };
  sqlite3* db = nullptr;
  try {
    db = connect(building, SQLITE_OPEN_READWRITE);
    configure(db, building, lock_wait);
    // 8 KiB pages hold a batch of an office's imported file (about 20 bytes an event) in the
    // table itself rather than on overflow pages.
    execute(db, building, "PRAGMA page_size=8192; PRAGMA journal_mode=WAL");
    migrate_from(db, building, version);
    const int rc = sqlite3_close(db);  // the last connection: its log is copied into the file
    db = nullptr;
    if (rc != SQLITE_OK) throw IoError(path, "cannot finish the new history store");
    if (::link(building.c_str(), path.c_str()) != 0) {
      if (errno == EEXIST) throw exists_already();
      // A file system without hard links: a rename, which replaces what appeared meanwhile
      // only in the moment between this check and it.
      if (exists(path)) throw exists_already();
      if (::rename(building.c_str(), path.c_str()) != 0)
        throw IoError(path, std::string("cannot create the history store: ") + std::strerror(errno));
    }
    remove_building();
    db = connect(path, SQLITE_OPEN_READWRITE);
    configure(db, path, lock_wait);
  } catch (...) {
    sqlite3_close_v2(db);
    remove_building();
    throw;
  }
  return db;
}

}  // namespace electsec::store
