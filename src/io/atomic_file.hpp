#pragma once
// Writing files safely: atomic replacement, exclusive creation, and locked
// read-modify-write (not public API; assessment_json.hpp states the contract users see).

#include <electsec/files.hpp>

#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace electsec::detail {

/// Stages of `write_file_atomically`, for tests that inject a failure at each.
enum class WriteStage { create, write, flush, sync, rename };

/// Write `content` to `path`. A regular file (or a new one) is replaced atomically: a
/// temporary file beside it, flushed and fsynced, renamed over it, while holding the
/// file's writer lock. Through a symlink the link's target is written and the link kept;
/// a target that is not a regular file (a device, a FIFO, /dev/stdout) is written
/// directly, never renamed over. The mode and owner of a replaced file are kept; a new
/// file gets 0666 less the umask. A file without write permission is refused. On any
/// failure the temporary file is removed, `path` is untouched, and IoError names the path
/// and the failing step. `fail_at`, for tests only, makes the given stage fail as if the
/// system call had.
void write_file_atomically(const std::string& path, std::string_view content, const WriteStage* fail_at = nullptr,
                           std::chrono::milliseconds lock_wait = default_lock_wait);

/// The same, with the content written by `write` into a stream, as it is made (the public
/// overload's contract, files.hpp); `fail_at` as above.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                           const WriteStage* fail_at = nullptr,
                           std::chrono::milliseconds lock_wait = default_lock_wait);

/// Create `path` with `content`, atomically and only if it does not exist yet: of two
/// concurrent creators exactly one succeeds; the other gets IoError "already exists".
void create_file_exclusively(const std::string& path, std::string_view content);

/// Read-modify-write of the existing regular file `path` under its exclusive writer lock
/// (flock, advisory: it holds between processes and between threads). `change` receives
/// the current content and returns the new one, which replaces the file atomically as in
/// write_file_atomically. Waits at most `lock_wait` for another writer, then throws
/// IoError. Exceptions from `change` leave the file untouched.
void update_file(const std::string& path, const std::function<std::string(const std::string&)>& change,
                 std::chrono::milliseconds lock_wait = default_lock_wait);

}  // namespace electsec::detail
