#pragma once
/// \file
/// Reading and writing whole files the way every electsec loader and saver does: reads that
/// never block on a FIFO or device, writes that are locked and atomic. For a program's own
/// documents (a report, an export) beside the assessments it saves.
///
/// **Example**
/// \code
/// write_file_atomically("report.html", to_html(card, catalog));  // old or new, never half
/// \endcode

#include <electsec/export.hpp>
#include <chrono>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace electsec {

/// How long a writer waits for another writer of the same file before giving up.
inline constexpr std::chrono::milliseconds default_lock_wait = std::chrono::seconds(10);

/// The whole content of the regular file `path`. Anything else (a folder, FIFO or device)
/// is refused rather than waited on. Throws IoError naming the path and the reason, or
/// ParseError for a file over the size limit of limits.hpp.
ELECTSEC_API std::string read_file(const std::string& path);

/// Write `content` to `path` so that readers see the old content or the new, never a mix:
/// under the file's writer lock (waiting at most `lock_wait` for another writer), into a
/// temporary file beside it that is flushed, synced and renamed over it. Through a symbolic
/// link the link's target is written and the link kept; a target that is not a regular file
/// (a terminal, a pipe, /dev/stdout) is written directly. A replaced file keeps its mode and
/// owner; a new one gets 0666 less the umask. A file without write permission is refused.
/// On failure `path` is untouched and IoError names it and the step that failed.
ELECTSEC_API void write_file_atomically(const std::string& path, std::string_view content,
                                        std::chrono::milliseconds lock_wait = default_lock_wait);

/// The same, with the content written by `write` into the stream it is given, as it is
/// made: a large document (`write_json(out, catalog)`) is never held whole in memory. The
/// file is replaced only once `write` has returned and everything reached the disk; if
/// `write` throws, or leaves the stream failed, `path` is untouched, and what it threw (or
/// IoError) is thrown. Into a device or FIFO the pieces go as they come.
ELECTSEC_API void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write,
                                        std::chrono::milliseconds lock_wait = default_lock_wait);

}  // namespace electsec
