#pragma once
// The importer's in-memory entry point, for the fuzzers (not public API).

#include <electsec/rst_import.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace electsec::detail {

/// import_practice_rst on text held in memory; `source` names it in messages and its stem
/// is the practice id.
Practice import_practice_text(const std::string& text, const std::string& source, const ImportOptions& options,
                              std::vector<ImportWarning>& warnings);

}  // namespace electsec::detail
