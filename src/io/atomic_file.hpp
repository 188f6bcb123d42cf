#pragma once
// Replacing a file atomically (not public API).

#include <string>
#include <string_view>

namespace electsec::detail {

/// Stages of `write_file_atomically`, for tests that inject a failure at each.
enum class WriteStage { create, write, flush, sync, rename };

/// Write `content` to a temporary file beside `path`, flush and fsync it, and rename it
/// over `path`. On any failure the temporary file is removed, `path` is untouched, and
/// electsec::Error names the path and the failing step. `fail_at`, for tests only, makes
/// the given stage fail as if the system call had.
void write_file_atomically(const std::string& path, std::string_view content,
                           const WriteStage* fail_at = nullptr);

}  // namespace electsec::detail
