#include "store/sqlite.hpp"

#include <string>

namespace electsec::store {

void fail(sqlite3* db, int rc, const std::string& path, std::string_view doing) {
  const std::string said = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      throw Error(path + ": the history store is damaged (SQLite: " + said +
                  "); nothing was changed. Restore it from a backup");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw IoError(path, "the history store stayed busy with another writer; nothing was changed, try again");
    case SQLITE_FULL:
      throw IoError(path, "the disk is full; nothing was changed");
    case SQLITE_READONLY:
      throw IoError(path, "cannot write the history store (" + said + ")");
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      throw IoError(path, std::string(doing) + ": " + said);
    default:
      throw Error(path + ": " + std::string(doing) + ": " + said);
  }
}

Statement::Statement(sqlite3* db, const std::string& path, std::string_view sql) : db_(db), path_(&path) {
  const int rc =
      sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(db, rc, path, "reading the history store");
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  fail(db_, rc, *path_, "using the history store");
}

void execute(sqlite3* db, const std::string& path, const char* sql) {
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) fail(db, rc, path, "using the history store");
}

}  // namespace electsec::store
