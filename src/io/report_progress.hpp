#pragma once
// The sections reports add from a history store: progress over a span (not public API;
// report.hpp's overloads that take a Progress call these).

#include <electsec/report.hpp>

#include <string>

namespace electsec::detail {

std::string office_progress_markdown(const Catalog& c, const Assessment& a, const Progress& p);
std::string office_progress_html(const Catalog& c, const Assessment& a, const Progress& p);
std::string group_progress_markdown(const Catalog& c, const Progress& p, std::size_t stalled_days, std::size_t offices);
std::string group_progress_html(const Catalog& c, const Progress& p, std::size_t stalled_days, std::size_t offices);

}  // namespace electsec::detail
