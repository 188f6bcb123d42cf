// Progress sections of the reports: a trend chart (inline SVG), the changes an office
// recorded, the offices that gained most and those that stalled.
#include "io/report_progress.hpp"

#include <electsec/text.hpp>

#include "text.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace electsec::detail {

namespace {

// A change in words: "Asset Management: <the action's text, cut> — done", "level set to
// Level 2", "answer to statement l1.3: yes".
std::string change_text(const Catalog& c, const StoreEvent& e) {
  const auto colon = e.subject.find(':');
  const std::string kind = e.subject.substr(0, colon);
  const std::string item = colon == std::string::npos ? "" : e.subject.substr(colon + 1);
  if (kind == "status") {
    const std::string state = e.value.empty()               ? "no longer recorded"
                              : e.value == "not_started"    ? "not started"
                              : e.value == "in_progress"    ? "in progress"
                              : e.value == "not_applicable" ? "not applicable"
                                                            : e.value;
    const Action* a = c.find_action(item);
    if (a == nullptr) return item + ": " + state;
    std::string text = a->text;
    if (text.size() > 90) text = std::string(detail::cut_before_character(text, 88)) + "…";
    return c.practice_of_action(item).title + ": " + text + " — " + state;
  }
  if (kind == "answer")
    return "answer to statement " + item + ": " + (e.value == "true" ? "yes" : e.value == "false" ? "no" : "removed");
  if (kind == "maturity") return "level set to Level " + e.value;
  if (kind == "catalog_version") return "guide version " + e.value;
  return "name and details recorded";
}

std::string span_words(const Progress& p) {
  return "from " + p.since + " to " + p.as_of + ", by " + std::string(to_string(p.period));
}

// The top of the chart's scale: the largest value shown, rounded up to a tenth (at least
// 10%), so that small progress is visible rather than a flat line at the bottom.
double scale_top(const std::vector<const std::vector<TrendPoint>*>& series) {
  double top = 0.1;
  for (const auto* s : series)
    for (const TrendPoint& p : *s) top = std::max({top, p.completion, p.office_completion.q3});
  return std::min(1.0, std::ceil(top * 10 - 1e-9) / 10);
}

// A line chart of completion per period: `main` as a solid line with dots, and the band of
// `band` (first to third quartile of its offices) with its median dashed.
std::string trend_chart(const std::vector<TrendPoint>& main, const std::vector<TrendPoint>& band,
                        const std::string& main_label, const std::string& title) {
  const std::vector<TrendPoint>& axis = main.empty() ? band : main;
  const int left = 48, right = 40, top_margin = 12, plot_w = 700, plot_h = 200, bottom = 56;
  const int width = left + plot_w + right, height = top_margin + plot_h + bottom;
  const double top = scale_top({&main, &band});
  const std::size_t n = axis.size();
  const auto x = [&](std::size_t i) {
    return left + (n <= 1 ? plot_w / 2.0 : plot_w * static_cast<double>(i) / static_cast<double>(n - 1));
  };
  const auto y = [&](double v) { return top_margin + plot_h * (1.0 - std::min(v, top) / top); };
  std::ostringstream svg;
  svg.setf(std::ios::fixed);
  svg.precision(1);
  svg << "<svg role=\"img\" aria-label=\"" << html_escape(title) << "\" viewBox=\"0 0 " << width << " " << height
      << "\" width=\"" << width << "\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">";
  // Gridlines at round percentages.
  const double step = top <= 0.2 ? 0.05 : top <= 0.5 ? 0.1 : 0.25;
  for (int k = 0; k * step <= top + 1e-9; ++k) {
    const double v = k * step;
    svg << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << y(v) << "\" y2=\"" << y(v)
        << "\" stroke=\"#e3e8ef\"/><text x=\"" << left - 6 << "\" y=\"" << y(v) + 4 << "\" text-anchor=\"end\">"
        << percent(v) << "</text>";
  }
  const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
  for (std::size_t i = 0; i < n; i += every)
    svg << "<text x=\"" << x(i) << "\" y=\"" << top_margin + plot_h + 16 << "\" text-anchor=\"middle\">"
        << html_escape(axis[i].period) << "</text>";
  if (band.size() == n && n > 0) {
    svg << "<polygon fill=\"#9ec5e8\" fill-opacity=\"0.6\" points=\"";
    for (std::size_t i = 0; i < n; ++i) svg << x(i) << "," << y(band[i].office_completion.q3) << " ";
    for (std::size_t i = n; i-- > 0;) svg << x(i) << "," << y(band[i].office_completion.q1) << " ";
    svg << "\"/><polyline fill=\"none\" stroke=\"#2f6fb2\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\" points=\"";
    for (std::size_t i = 0; i < n; ++i) svg << x(i) << "," << y(band[i].office_completion.median) << " ";
    svg << "\"/>";
  }
  if (main.size() == n && n > 0) {
    svg << "<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2.5\" points=\"";
    for (std::size_t i = 0; i < n; ++i) svg << x(i) << "," << y(main[i].completion) << " ";
    svg << "\"/>";
    for (std::size_t i = 0; i < n; ++i)
      svg << "<circle cx=\"" << x(i) << "\" cy=\"" << y(main[i].completion) << "\" r=\"3\" fill=\"#c0392b\"/>";
  }
  // The legend, under the axis.
  const int ly = top_margin + plot_h + 40;
  svg << "<line x1=\"" << left << "\" x2=\"" << left + 24 << "\" y1=\"" << ly - 4 << "\" y2=\"" << ly - 4
      << "\" stroke=\"#c0392b\" stroke-width=\"2.5\"/><text x=\"" << left + 30 << "\" y=\"" << ly << "\">"
      << html_escape(main_label) << "</text>";
  if (!band.empty())
    svg << "<rect x=\"" << left + 300 << "\" y=\"" << ly - 10 << "\" width=\"24\" height=\"10\" fill=\"#9ec5e8\"/>"
        << "<text x=\"" << left + 330 << "\" y=\"" << ly << "\">middle half of offices; dashed: median office</text>";
  svg << "</svg>";
  // In a box that scrolls sideways on a narrow screen, where the chart keeps a legible size.
  return "<div class=\"chart wide\">" + svg.str() + "</div>";
}

std::string first_and_last(const std::vector<TrendPoint>& t) {
  if (t.empty()) return "no record in this span";
  return percent(t.front().completion) + " at the end of " + t.front().period + ", " + percent(t.back().completion) +
         " on " + t.back().as_of;
}

constexpr std::size_t listed_changes = 40;

std::vector<const OfficeProgress*> stalled(const Progress& p, std::size_t days) {
  std::vector<const OfficeProgress*> out;
  for (const auto& o : p.offices)
    if (o.days_without_change >= days) out.push_back(&o);
  std::stable_sort(out.begin(), out.end(), [](const OfficeProgress* x, const OfficeProgress* y) {
    return x->days_without_change > y->days_without_change;
  });
  return out;
}

std::string gain(const OfficeProgress& o) {
  if (!o.completion_since) return "joined later";
  const double g = o.completion - *o.completion_since;
  return (g >= 0 ? "+" : "-") + percent(std::abs(g));
}

std::string start(const OfficeProgress& o) { return o.completion_since ? percent(*o.completion_since) : "-"; }

// The periods by whose end some office had a record: the others say nothing.
std::vector<TrendPoint> recorded(const std::vector<TrendPoint>& t) {
  std::vector<TrendPoint> out;
  for (const TrendPoint& p : t)
    if (p.offices > 0) out.push_back(p);
  return out;
}

// An office's periods with a record, and its peers' same periods.
std::pair<std::vector<TrendPoint>, std::vector<TrendPoint>> office_periods(const Progress& p) {
  std::vector<TrendPoint> mine, theirs;
  for (std::size_t i = 0; i < p.trend.size(); ++i)
    if (p.trend[i].offices > 0) {
      mine.push_back(p.trend[i]);
      if (i < p.peers.size()) theirs.push_back(p.peers[i]);
    }
  return {mine, theirs};
}

bool any_note(const std::vector<StoreEvent>& events) {
  return std::any_of(events.begin(), events.end(), [](const StoreEvent& e) { return !e.note.empty(); });
}

bool any_author(const std::vector<StoreEvent>& events) {
  return std::any_of(events.begin(), events.end(), [](const StoreEvent& e) { return !e.author.empty(); });
}

}  // namespace

std::string office_progress_markdown(const Catalog& c, const Assessment& a, const Progress& p) {
  const auto [mine, theirs] = office_periods(p);
  std::ostringstream md;
  md << "\n## Progress " << span_words(p) << "\n\n"
     << markdown_escape(a.jurisdiction.name) << ": " << first_and_last(mine) << ".";
  if (!p.peers.empty())
    md << " The median of the other offices of " << markdown_escape(a.jurisdiction.state) << ": "
       << percent(p.peers.back().office_completion.median) << ".";
  md << "\n\n| Period | Complete | Others' median | Others' middle half |\n| --- | ---: | ---: | ---: |\n";
  for (std::size_t i = 0; i < mine.size(); ++i) {
    md << "| " << mine[i].period << " | " << percent(mine[i].completion) << " | ";
    if (i < theirs.size() && theirs[i].office_completion.count > 0)
      md << percent(theirs[i].office_completion.median) << " | " << percent(theirs[i].office_completion.q1) << "-"
         << percent(theirs[i].office_completion.q3) << " |\n";
    else
      md << "- | - |\n";
  }
  md << "\n### Changes recorded in this span (" << p.changes.size() << ")\n\n";
  if (p.changes.empty()) {
    md << "None.\n";
  } else {
    const bool notes = any_note(p.changes), authors = any_author(p.changes);
    md << "| Day | Change |" << (notes ? " Note |" : "") << (authors ? " By |" : "") << "\n| --- | --- |"
       << (notes ? " --- |" : "") << (authors ? " --- |" : "") << "\n";
    for (std::size_t i = 0; i < p.changes.size() && i < listed_changes; ++i) {
      const StoreEvent& e = p.changes[p.changes.size() - 1 - i];  // latest first
      md << "| " << e.at.substr(0, 10) << " | " << markdown_escape(change_text(c, e)) << " |"
         << (notes ? " " + markdown_escape(e.note) + " |" : "")
         << (authors ? " " + markdown_escape(e.author) + " |" : "") << "\n";
    }
    if (p.changes.size() > listed_changes)
      md << "\nThe " << p.changes.size() - listed_changes << " earlier changes are in `electsec store history`.\n";
  }
  return md.str();
}

std::string office_progress_html(const Catalog& c, const Assessment& a, const Progress& p) {
  const auto [mine, theirs] = office_periods(p);
  std::ostringstream h;
  h << "\n<h2>Progress " << html_escape(span_words(p)) << "</h2>\n<p>" << html_escape(a.jurisdiction.name) << ": "
    << html_escape(first_and_last(mine)) << ".";
  if (!p.peers.empty())
    h << " The median of the other offices of " << html_escape(a.jurisdiction.state) << ": "
      << percent(p.peers.back().office_completion.median) << ".";
  h << "</p>\n"
    << trend_chart(mine, theirs, a.jurisdiction.name,
                   "Completion of " + a.jurisdiction.name + " against the other offices of its state")
    << "\n<h3>Changes recorded in this span (" << p.changes.size() << ")</h3>\n";
  if (p.changes.empty()) {
    h << "<p>None.</p>";
  } else {
    const bool notes = any_note(p.changes), authors = any_author(p.changes);
    h << "<table><thead><tr><th>Day</th><th>Change</th>" << (notes ? "<th>Note</th>" : "")
      << (authors ? "<th>By</th>" : "") << "</tr></thead><tbody>";
    for (std::size_t i = 0; i < p.changes.size() && i < listed_changes; ++i) {
      const StoreEvent& e = p.changes[p.changes.size() - 1 - i];
      h << "<tr><td class=\"d\">" << html_escape(e.at.substr(0, 10)) << "</td><td>" << html_escape(change_text(c, e))
        << "</td>" << (notes ? "<td>" + html_escape(e.note) + "</td>" : "")
        << (authors ? "<td class=\"d\">" + html_escape(e.author) + "</td>" : "") << "</tr>";
    }
    h << "</tbody></table>";
    if (p.changes.size() > listed_changes)
      h << "<p class=\"muted\">The " << p.changes.size() - listed_changes
        << " earlier changes are in <code>electsec store history</code>.</p>";
  }
  return h.str();
}

std::string offices_words(const std::vector<TrendPoint>& t) {
  if (t.empty()) return "";
  if (t.front().offices == t.back().offices) return " Offices counted: " + std::to_string(t.back().offices) + ".";
  return " Offices counted: " + std::to_string(t.front().offices) + " at first, " + std::to_string(t.back().offices) +
         " at the end (offices that join lower the share done until they catch up).";
}

std::string group_progress_markdown(const Catalog&, const Progress& p, std::size_t stalled_days, std::size_t offices) {
  const std::vector<TrendPoint> t_all = recorded(p.trend);
  std::ostringstream md;
  md << "\n## Progress " << span_words(p) << "\n\n"
     << "All offices together: " << first_and_last(t_all) << "." << offices_words(t_all) << "\n\n"
     << "| Period | Offices | Complete | Median office | Middle half |\n| --- | ---: | ---: | ---: | ---: |\n";
  for (const TrendPoint& t : t_all)
    md << "| " << t.period << " | " << t.offices << " | " << percent(t.completion) << " | "
       << percent(t.office_completion.median) << " | " << percent(t.office_completion.q1) << "-"
       << percent(t.office_completion.q3) << " |\n";
  md << "\n### Most progress\n\n| Office | State | " << p.since << " | " << p.as_of
     << " | Gain |\n| --- | --- | ---: | ---: | ---: |\n";
  for (std::size_t i = 0; i < p.offices.size() && i < offices; ++i) {
    const auto& o = p.offices[i];
    md << "| " << markdown_escape(o.jurisdiction.name) << " | " << markdown_escape(o.jurisdiction.state) << " | "
       << start(o) << " | " << percent(o.completion) << " | " << gain(o) << " |\n";
  }
  const auto still = stalled(p, stalled_days);
  md << "\n### No status change for " << stalled_days << " days or more (" << still.size() << " of " << p.offices.size()
     << " offices)\n\n";
  if (still.empty()) {
    md << "None.\n";
  } else {
    md << "| Office | State | Last status change | Days | Complete |\n| --- | --- | --- | ---: | ---: |\n";
    for (std::size_t i = 0; i < still.size() && i < 25; ++i)
      md << "| " << markdown_escape(still[i]->jurisdiction.name) << " | "
         << markdown_escape(still[i]->jurisdiction.state) << " | "
         << (still[i]->last_change.empty() ? "never" : still[i]->last_change) << " | " << still[i]->days_without_change
         << " | " << percent(still[i]->completion) << " |\n";
    if (still.size() > 25) md << "\nAnd " << still.size() - 25 << " more.\n";
  }
  return md.str();
}

std::string group_progress_html(const Catalog&, const Progress& p, std::size_t stalled_days, std::size_t offices) {
  const std::vector<TrendPoint> t_all = recorded(p.trend);
  std::ostringstream h;
  h << "\n<h2>Progress " << html_escape(span_words(p))
    << "</h2>\n<p>All offices together: " << html_escape(first_and_last(t_all)) << "."
    << html_escape(offices_words(t_all)) << "</p>\n"
    << trend_chart(t_all, t_all, "all offices together", "Completion of all offices over time")
    << "\n<h3>Most progress</h3>\n<table><thead><tr><th>Office</th><th>State</th><th class=\"n\">" << p.since
    << "</th><th class=\"n\">" << p.as_of << "</th><th class=\"n\">Gain</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < p.offices.size() && i < offices; ++i) {
    const auto& o = p.offices[i];
    h << "<tr><td>" << html_escape(o.jurisdiction.name) << "</td><td>" << html_escape(o.jurisdiction.state)
      << "</td><td class=\"n\">" << start(o) << "</td><td class=\"n\">" << percent(o.completion)
      << "</td><td class=\"n\">" << gain(o) << "</td></tr>";
  }
  const auto still = stalled(p, stalled_days);
  h << "</tbody></table>\n<h3>No status change for " << stalled_days << " days or more (" << still.size() << " of "
    << p.offices.size() << " offices)</h3>\n";
  if (still.empty()) {
    h << "<p>None.</p>";
  } else {
    h << "<table><thead><tr><th>Office</th><th>State</th><th>Last status change</th><th class=\"n\">Days</th>"
         "<th class=\"n\">Complete</th></tr></thead><tbody>";
    for (std::size_t i = 0; i < still.size() && i < 25; ++i)
      h << "<tr><td>" << html_escape(still[i]->jurisdiction.name) << "</td><td>"
        << html_escape(still[i]->jurisdiction.state) << "</td><td>"
        << (still[i]->last_change.empty() ? "never" : still[i]->last_change) << "</td><td class=\"n\">"
        << still[i]->days_without_change << "</td><td class=\"n\">" << percent(still[i]->completion) << "</td></tr>";
    h << "</tbody></table>";
    if (still.size() > 25) h << "<p class=\"muted\">And " << still.size() - 25 << " more.</p>";
  }
  return h.str();
}

}  // namespace electsec::detail
