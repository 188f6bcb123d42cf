#pragma once
/// \file
/// Many offices' assessment files summed into one Rollup, read in parallel: the I/O side of
/// the rollup engine (`rollup` in scorecard.hpp), which it feeds one office at a time.

#include <electsec/export.hpp>
#include <electsec/catalog.hpp>
#include <electsec/scorecard.hpp>

#include <string>
#include <vector>

namespace electsec {

/// How rollup_files finds and reads its inputs.
struct ELECTSEC_API RollupOptions {
  unsigned threads = 0;       ///< reading threads; 0: one per core
  bool recursive = false;     ///< a directory stands for the *.json files below it, at any depth
  bool skip_invalid = false;  ///< go on past files that do not load, and list them
};

/// A file rollup_files left out, and why.
struct ELECTSEC_API SkippedFile {
  std::string path;    ///< the file
  std::string reason;  ///< the loader's error message
  bool operator==(const SkippedFile& o) const { return path == o.path && reason == o.reason; }  ///< Equal fields.
};

/// What rollup_files read: the rollup and the files skipped (only with skip_invalid).
struct ELECTSEC_API FileRollup {
  Rollup rollup;                     ///< the offices that loaded
  std::vector<SkippedFile> skipped;  ///< in path order
};

/// Roll up assessment files (a directory stands for the *.json files in it; with
/// `recursive`, below it). Holds one office summary per file, never all assessments.
/// Errors, all checked before anything is summed: no input file at all; two files for
/// the same jurisdiction id (naming both, also when one file is given twice); and,
/// without `skip_invalid`, any file that does not load, the ValidationError listing
/// every such file with its reason, not just the first; with `skip_invalid`, when no
/// file loads at all.
ELECTSEC_API FileRollup rollup_files(const Catalog& catalog, const std::vector<std::string>& paths,
                                     const RollupOptions& options);
/// rollup_files with `threads` threads and the other options off.
ELECTSEC_API Rollup rollup_files(const Catalog& catalog, const std::vector<std::string>& paths, unsigned threads = 0);

}  // namespace electsec
