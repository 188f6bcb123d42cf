#pragma once
/// \file
/// Reports people read: one office (level, scorecard, next steps, gaps by CIS Safeguard)
/// and a state's rollup (maturity distribution, completion by practice, the offices
/// furthest behind), as Markdown or as one self-contained HTML file (inline styles and SVG
/// charts; no script, no network). Everything a user typed is escaped.

#include <electsec/export.hpp>
#include <electsec/assessment.hpp>
#include <electsec/catalog.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/store.hpp>

#include <string>

namespace electsec {

/// \name Office reports
//@{
/// One office's report: its level, scorecard, next steps and gaps by CIS Safeguard.
/// Pure; the same input gives the same text.
ELECTSEC_API std::string office_report_markdown(const Catalog& catalog, const Assessment& assessment);
ELECTSEC_API std::string office_report_html(const Catalog& catalog, const Assessment& assessment);
/// The same, followed by its progress over a span from a history store
/// (Store::progress(office, ...)): a chart of the office against its peers and the changes
/// it recorded.
ELECTSEC_API std::string office_report_markdown(const Catalog& catalog, const Assessment& assessment,
                                                const Progress& progress);
ELECTSEC_API std::string office_report_html(const Catalog& catalog, const Assessment& assessment,
                                            const Progress& progress);
//@}
/// \name Rollup reports
//@{
/// A state's report over many offices: how many sit at each level, completion by
/// practice, and the offices furthest behind. Pure.
ELECTSEC_API std::string rollup_report_markdown(const Catalog& catalog, const Rollup& rollup);
ELECTSEC_API std::string rollup_report_html(const Catalog& catalog, const Rollup& rollup);
/// The same, followed by the group's progress over a span from a history store
/// (Store::progress(filter, ...)): its trend, the offices that gained most, and those with
/// no status change for `stalled_days` days or more.
ELECTSEC_API std::string rollup_report_markdown(const Catalog& catalog, const Rollup& rollup, const Progress& progress,
                                                std::size_t stalled_days = 90);
ELECTSEC_API std::string rollup_report_html(const Catalog& catalog, const Rollup& rollup, const Progress& progress,
                                            std::size_t stalled_days = 90);
//@}

/// Text made safe for HTML text and attribute values (& < > " ').
ELECTSEC_API std::string html_escape(std::string_view text);
/// Text made safe for a Markdown table cell or line: line breaks flattened, and only what
/// could take effect escaped (inline markup and '|'; '_' outside words; "# ", "- ", "+ ",
/// "---" and "1. " at the start; '&' before a name), so "EI-ISAC", "1.4.1" and
/// "asset_management" stay as they are.
ELECTSEC_API std::string markdown_escape(std::string_view text);

}  // namespace electsec
