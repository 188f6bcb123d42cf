#pragma once
// What the history store's tests share: a fresh store path, and SQL run on the file directly,
// as another program would run it.

#include "support.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace electsec::test {

/// A path in the temporary directory with no store (nor its log) there.
inline std::string fresh(const std::string& name) {
  const std::string p = temp_path(name);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p + suffix);
  return p;
}

/// Run `sql` on the file directly; returns SQLite's result code, and its message in `message`.
inline int raw_sql(const std::string& path, const std::string& sql, std::string* message = nullptr) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (message != nullptr && error != nullptr) *message = error;
  sqlite3_free(error);
  sqlite3_close(db);
  return rc;
}

/// The first column of the first row `sql` gives, as a number (-1 when it gives no row).
inline int count_rows(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &q, nullptr);
  const int n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
  sqlite3_finalize(q);
  sqlite3_close(db);
  return n;
}

}  // namespace electsec::test
