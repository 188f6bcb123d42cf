#pragma once
// A thin RAII layer over the SQLite C API for the history store: one connection, prepared
// statements, and errors turned into electsec errors that name the store's file.

#include <electsec/error.hpp>

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace electsec::store {

/// Throw the electsec error for SQLite result `rc` on `db` (a damaged file, a busy store, a
/// full disk...), naming `path`.
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& path, std::string_view doing);

class Statement {
 public:
  Statement(sqlite3* db, const std::string& path, std::string_view sql);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement& bind(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT));
    return *this;
  }
  /// Bind text that stays as it is until the statement has run (not copied).
  Statement& bind_unchanged(int index, std::string_view text) {
    check(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
    return *this;
  }
  Statement& bind_blob(int index, std::string_view bytes) {
    check(sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Statement& bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  /// Advance; true while a row is available.
  bool step();
  /// Run a statement that returns no rows, then make it ready to run again.
  void run() {
    while (step()) {
    }
    reset();
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }
  std::string_view text(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p == nullptr ? std::string_view()
                        : std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) fail(db_, rc, *path_, "binding a value");
  }
  sqlite3* db_;
  const std::string* path_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// Run SQL without results (several statements allowed).
void execute(sqlite3* db, const std::string& path, const char* sql);

}  // namespace electsec::store
