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

/// What a report shows beyond its data, for the people who read it. The defaults give the
/// reports as they are without options.
struct ELECTSEC_API ReportOptions {
  std::string title;              ///< the document's title; empty: "Security self-assessment: <office>" or the rollup's
  std::string report_date;        ///< the day the report was made (YYYY-MM-DD), printed under the title; empty: none
  std::size_t next_steps = 5;     ///< how many steps of the plan an office report lists
  std::size_t max_offices = 10;   ///< how many offices each table of a state report lists at most
  std::size_t stalled_days = 90;  ///< with progress: no status change for this many days or more is stalling
};

/// \name Office reports
//@{
/// One office's report: its level, scorecard, next steps and gaps by CIS Safeguard.
/// Pure; the same input gives the same text.
/// Throws Error when `options.report_date` is given and is not an ISO date.
ELECTSEC_API std::string office_report_markdown(const Catalog& catalog, const Assessment& assessment,
                                                const ReportOptions& options = {});
ELECTSEC_API std::string office_report_html(const Catalog& catalog, const Assessment& assessment,
                                            const ReportOptions& options = {});
/// The same, followed by its progress over a span from a history store
/// (Store::progress(office, ...)): a chart of the office against its peers and the changes
/// it recorded.
ELECTSEC_API std::string office_report_markdown(const Catalog& catalog, const Assessment& assessment,
                                                const Progress& progress, const ReportOptions& options = {});
ELECTSEC_API std::string office_report_html(const Catalog& catalog, const Assessment& assessment,
                                            const Progress& progress, const ReportOptions& options = {});
//@}
/// \name Rollup reports
//@{
/// A state's report over many offices: how many sit at each level, completion by
/// practice, and the offices furthest behind. Pure.
ELECTSEC_API std::string rollup_report_markdown(const Catalog& catalog, const Rollup& rollup,
                                                const ReportOptions& options = {});
ELECTSEC_API std::string rollup_report_html(const Catalog& catalog, const Rollup& rollup,
                                            const ReportOptions& options = {});
/// The same, followed by the group's progress over a span from a history store
/// (Store::progress(filter, ...)): its trend, the offices that gained most, and those with
/// no status change for `options.stalled_days` days or more.
ELECTSEC_API std::string rollup_report_markdown(const Catalog& catalog, const Rollup& rollup, const Progress& progress,
                                                const ReportOptions& options = {});
ELECTSEC_API std::string rollup_report_html(const Catalog& catalog, const Rollup& rollup, const Progress& progress,
                                            const ReportOptions& options = {});
//@}

/// Text made safe for HTML text and attribute values (& < > " ').
ELECTSEC_API std::string html_escape(std::string_view text);
/// Text made safe for a Markdown table cell or line: line breaks flattened, and only what
/// could take effect escaped (inline markup and '|'; '_' outside words; "# ", "- ", "+ ",
/// "---" and "1. " at the start; '&' before a name), so "EI-ISAC", "1.4.1" and
/// "asset_management" stay as they are.
ELECTSEC_API std::string markdown_escape(std::string_view text);
/// Links after a line of a report, each with a leading space: a Markdown or HTML link for a
/// web or e-mail address (http, https, mailto), and "(title: address)" as text for any
/// other, so that a catalog cannot put a script behind a link. A one-word link text
/// ("here") is followed by the address's host: "here (cve.mitre.org)".
ELECTSEC_API std::string markdown_links(const std::vector<Link>& links);
ELECTSEC_API std::string html_links(const std::vector<Link>& links);  ///< \copydoc markdown_links

}  // namespace electsec
