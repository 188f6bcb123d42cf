#pragma once
// The store's schema: the steps that create it and migrate it forward, one per version, and
// the checks that decide whether a file is a store this electsec can open.

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <string>

namespace electsec::store {

/// `PRAGMA application_id` of every store: "ELST" in ASCII, so that another program's
/// SQLite file is told apart from a store.
inline constexpr std::int32_t application_id = 0x454c5354;

/// The SQL that brings a store of version `version - 1` to `version` (1..store_schema_version).
const char* migration_step(int version);

/// Open `path`, which must exist, as a store: check that it is one (an SQLite file with the
/// store's application id, a schema version this electsec knows, tables that read) without
/// writing anything, then migrate an older schema forward. A file the user cannot write is
/// opened read-only (`read_only` says so). `migrated_from` is the version it was migrated
/// from, or 0 when it was not.
sqlite3* open_store(const std::string& path, std::chrono::milliseconds lock_wait, bool& read_only, int& migrated_from);

/// Create a new store at `path` at schema version `version` (tests create older ones);
/// IoError when the file exists.
sqlite3* create_store(const std::string& path, std::chrono::milliseconds lock_wait, int version);

}  // namespace electsec::store
