#include <electsec/plan.hpp>
#include <electsec/report.hpp>
#include <electsec/error.hpp>

#include "io/report_progress.hpp"
#include "io/report_systems.hpp"
#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace electsec {

std::string html_escape(std::string_view raw) {
  // White space stays white space (HTML folds it anyway); other control characters,
  // bidirectional overrides and broken UTF-8 are shown, not obeyed.
  std::string flat(raw);
  for (char& c : flat)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  const std::string text = printable(flat);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view raw) {
  std::string flat(raw);
  for (char& c : flat)
    if (c == '\n' || c == '\r') c = ' ';
  const std::string text = printable(flat);
  const auto alnum = [](char c) { return detail::ascii_alnum(c); };
  // Only what could take effect is escaped, so ids and names stay readable in the source:
  // inline markup anywhere; '_' unless inside a word (where it never emphasises); what
  // starts a heading, a list item, a rule or a numbered item only at the start; '&' only where it
  // could begin an entity.
  const std::size_t start = text.find_first_not_of(' ');
  const std::size_t digits_end = start == std::string::npos ? start : text.find_first_not_of("0123456789", start);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const char before = i > 0 ? text[i - 1] : ' ', after = i + 1 < text.size() ? text[i + 1] : ' ';
    bool escape = std::string_view("\\`*[]<>|~").find(c) != std::string_view::npos;
    if (c == '_') escape = !(alnum(before) && alnum(after));
    const bool ends_word = after == ' ' || i + 1 == text.size();
    if (i == start && (c == '#' || c == '+' || c == '-') && (ends_word || after == c)) escape = true;
    if (i == digits_end && digits_end > start && (c == '.' || c == ')') && ends_word) escape = true;
    if (c == '&') escape = alnum(after) || after == '#';
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

namespace {

// An address a report may link to: the web and e-mail only, so that a catalog cannot put
// a script behind a link. Other addresses are shown as text.
bool linkable(std::string_view url) {
  for (const char ch : url)
    if (static_cast<unsigned char>(ch) <= 0x20 || ch == 0x7f || ch == '<' || ch == '>' || ch == '\\') return false;
  for (const std::string_view scheme : {"https://", "http://", "mailto:"})
    if (url.size() >= scheme.size() && detail::lower_case(std::string(url.substr(0, scheme.size()))) == scheme)
      return true;
  return false;
}

// The site of a web address: its host, without a user or port ("www.fbi.gov").
std::string_view site_of(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) rest.remove_prefix(at + 1);
  return rest.substr(0, rest.find(':'));
}

// A link's text: the guide's, with the site added where the guide's is one word ("here",
// "Benchmark") so that a reader knows where it leads. A title of ten words or more (a
// document's full title, which the action's own text already names) is shown as its site.
std::string link_text(const Link& l) {
  const std::string_view site = site_of(l.url);
  const auto words = std::count(l.title.begin(), l.title.end(), ' ') + 1;
  if (site.empty() || (words > 1 && words < 10)) return l.title;
  return words == 1 ? l.title + " (" + std::string(site) + ")" : std::string(site);
}

}  // namespace

std::string markdown_links(const std::vector<Link>& links) {
  std::string out;
  for (const auto& l : links) {
    out += linkable(l.url) ? " [" + markdown_escape(link_text(l)) + "](<" + l.url + ">)"
                           : " (" + markdown_escape(l.title) + ": " + markdown_escape(l.url) + ")";
  }
  return out;
}

std::string html_links(const std::vector<Link>& links) {
  std::string out;
  for (const auto& l : links)
    out += linkable(l.url) ? " <a href=\"" + html_escape(l.url) + "\">" + html_escape(link_text(l)) + "</a>"
                           : " (" + html_escape(l.title) + ": " + html_escape(l.url) + ")";
  return out;
}

namespace {

struct Gap {
  std::string safeguard;
  std::string title;
  double completion;
  std::size_t applicable, done;
  std::string practices;  // titles of the practices mapped to it, whose actions are counted
};

std::vector<Gap> gaps(const Catalog& c, Maturity level, const std::vector<SafeguardScore>& scores, std::size_t limit) {
  std::vector<Gap> out;
  for (const auto& s : scores)
    if (s.actions_applicable > 0 && s.actions_done < s.actions_applicable)
      out.push_back(
          {s.safeguard, c.safeguard(s.safeguard).title, s.completion, s.actions_applicable, s.actions_done, [&] {
             std::vector<std::string> titles;
             for (const auto& m : c.practices_of_safeguard(s.safeguard))
               if (m.practice->scope_at(level) != Scope::out_of_scope && (!m.maturity || *m.maturity <= level))
                 titles.push_back(m.practice->title);
             return join(titles, "; ");
           }()});
  std::stable_sort(out.begin(), out.end(), [](const Gap& x, const Gap& y) { return x.completion < y.completion; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

// The day of the assessment's latest recorded change, or "".
std::string latest_change(const Assessment& a) {
  std::string latest;
  for (const auto& [id, st] : a.statuses)
    if (st.updated.substr(0, 10) > latest) latest = st.updated.substr(0, 10);
  return latest;
}

// The actions in progress at the office's level, in catalog order.
// The applicable actions with status `status`, in the guide's order.
std::vector<std::pair<const Action*, const ActionStatus*>> with_status(const Catalog& c, const Assessment& a,
                                                                       Status status) {
  std::vector<std::pair<const Action*, const ActionStatus*>> out;
  for (const Practice& p : c.practices())
    for (const Action* action : c.applicable_actions(p.id, a.maturity)) {
      const auto it = a.statuses.find(action->id);
      if (it != a.statuses.end() && it->second.status == status) out.emplace_back(action, &it->second);
    }
  return out;
}
std::vector<std::pair<const Action*, const ActionStatus*>> in_progress(const Catalog& c, const Assessment& a) {
  return with_status(c, a, Status::in_progress);
}

// The office's done actions, latest first (undated ones last): how many there are in all,
// and at most `shown` of them.
constexpr std::size_t recently_done_shown = 10;
std::pair<std::size_t, std::vector<std::pair<const Action*, const ActionStatus*>>> recently_done(const Catalog& c,
                                                                                                 const Assessment& a) {
  auto done = with_status(c, a, Status::done);
  std::stable_sort(done.begin(), done.end(),
                   [](const auto& x, const auto& y) { return x.second->updated > y.second->updated; });
  const std::size_t all = done.size();
  if (done.size() > recently_done_shown) done.resize(recently_done_shown);
  return {all, std::move(done)};
}

const char* style = R"(<style>
:root{--ink:#1d2433;--muted:#5b6473;--bar:#2f6fb2;--track:#e3e8ef;--ok:#2e7d4f}
*{box-sizing:border-box}body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
margin:0 auto;max-width:960px;padding:1rem}h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:1.6rem;
border-bottom:1px solid var(--track)}.muted{color:var(--muted)}table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid var(--track);vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}td.d{white-space:nowrap}.cards{display:flex;flex-wrap:wrap;gap:.6rem}.card{border:1px solid var(--track);
border-radius:6px;padding:.5rem .8rem;min-width:9rem}.card b{display:block;font-size:1.4rem}svg{max-width:100%;height:auto}
ol li{margin-bottom:.5rem}@media print{body{max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}}
.chart{overflow-x:auto}@media (max-width:640px){body{font-size:15px;padding:.6rem}table{display:block;overflow-x:auto}
td.d{white-space:normal}.wide svg{min-width:600px;max-width:none}}
</style>)";

std::string html_head(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:\">"
         "<title>" +
         html_escape(title) + "</title>" + style + "</head><body>\n";
}

// Horizontal bars, one per row: label, value in [0, 1], text at the end. A bar runs to
// `full` (1: 100%).
std::string bar_chart(const std::vector<std::tuple<std::string, double, std::string>>& rows, const std::string& title,
                      double full = 1.0) {
  const int row_h = 22, label_w = 330, bar_w = 420, width = label_w + bar_w + 70;
  const int height = static_cast<int>(rows.size()) * row_h + 8;
  std::ostringstream svg;
  svg << "<svg role=\"img\" aria-label=\"" << html_escape(title) << "\" viewBox=\"0 0 " << width << " " << height
      << "\" width=\"" << width << "\" xmlns=\"http://www.w3.org/2000/svg\" font-size=\"12\">";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& [label, value, text] = rows[i];
    const int y = static_cast<int>(i) * row_h + 4;
    const double v = std::max(0.0, std::min(1.0, value / full));
    const std::string shown = label.size() > 52 ? std::string(detail::cut_before_character(label, 50)) + "…" : label;
    svg << "<text x=\"" << label_w - 6 << "\" y=\"" << y + 14 << "\" text-anchor=\"end\">" << html_escape(shown)
        << "</text><rect x=\"" << label_w << "\" y=\"" << y + 3 << "\" width=\"" << bar_w
        << "\" height=\"14\" fill=\"#e3e8ef\"/>"
        << "<rect x=\"" << label_w << "\" y=\"" << y + 3 << "\" width=\"" << static_cast<int>(bar_w * v)
        << "\" height=\"14\" fill=\"" << (value >= 1.0 ? "#2e7d4f" : "#2f6fb2") << "\"/><text x=\""
        << label_w + bar_w + 6 << "\" y=\"" << y + 14 << "\">" << html_escape(text) << "</text>";
  }
  svg << "</svg>";
  // In a box of its own (a trend chart's scrolls sideways on a narrow screen, keeping a
  // legible size; bars shrink to fit, so that they stay in view).
  return "<div class=\"chart\">" + svg.str() + "</div>";
}

}  // namespace

namespace {

// The bodies of the reports; `progress` (a section, possibly empty) follows the summary.
std::string office_title(const Assessment& a, const ReportOptions& o) {
  return o.title.empty() ? "Security self-assessment: " + a.jurisdiction.name : o.title;
}

std::string dated(const ReportOptions& o) {
  return o.report_date.empty() ? std::string() : " Report date: " + o.report_date + ".";
}

std::string office_markdown_body(const Catalog& c, const Assessment& a, const ReportOptions& o,
                                 const std::string& progress = {}) {
  const Scorecard card = score(c, a);
  const Plan plan = build_plan(c, a.maturity, a);
  std::ostringstream md;
  md << "# " << markdown_escape(office_title(a, o)) << "\n\n"
     << markdown_escape(a.jurisdiction.id) << ", " << markdown_escape(a.jurisdiction.state) << " ("
     << to_string(a.jurisdiction.kind) << "). Guide version " << markdown_escape(a.catalog_version) << "."
     << (latest_change(a).empty() ? std::string() : " Latest change recorded: " + latest_change(a) + ".") << dated(o)
     << "\n\n"
     << "- **Maturity:** " << level_name(a.maturity) << "\n"
     << "- **Progress:** " << card.actions_done << " of " << card.actions_applicable << " applicable actions done ("
     << percent(card.completion) << "), " << card.actions_in_progress << " in progress\n"
     << "- **Priority practices:** " << (card.priorities_complete ? "complete" : "not yet complete") << "\n"
     << progress
     << "\n## Scorecard\n\n| Practice | Scope | Done | Applicable | Complete |\n| --- | --- | ---: | ---: | ---: |\n";
  for (const auto& p : card.practices)
    md << "| " << markdown_escape(c.practice(p.practice).title) << " | " << to_string(p.scope) << " | "
       << p.actions_done << " | " << p.actions_applicable << " | " << percent(p.completion) << " |\n";
  md << "\n## Next steps\n\n";
  for (std::size_t i = 0; i < plan.steps.size() && i < o.next_steps; ++i) {
    const auto& s = plan.steps[i];
    const std::string title = step_title(c, s);
    md << s.rank << ". **" << markdown_escape(title) << "** (" << markdown_escape(s.reason) << ")\n";
    for (const auto& id : s.actions) {
      md << "   - [ ] " << markdown_escape(c.action(id).text) << markdown_links(c.action(id).links);
      const auto it = a.statuses.find(id);
      if (it != a.statuses.end() && !it->second.note.empty())
        md << " (note: " << markdown_escape(it->second.note) << ")";
      md << "\n";
    }
  }
  if (plan.steps.empty()) md << "Everything the plan holds is done.\n";
  md << detail::office_systems_markdown(c, a);
  const auto started = in_progress(c, a);
  md << "\n## In progress (" << started.size() << ")\n\n";
  if (started.empty()) md << "Nothing is marked in progress.\n";
  for (const auto& [action, st] : started) {
    md << "- " << markdown_escape(c.practice_of_action(action->id).title) << ": " << markdown_escape(action->text);
    if (!st->updated.empty()) md << " (since " << st->updated.substr(0, 10) << ")";
    if (!st->note.empty()) md << " Note: " << markdown_escape(st->note);
    md << "\n";
  }
  const auto [done_count, done] = recently_done(c, a);
  md << "\n## Recently done (" << done.size() << " of " << done_count << ")\n\n";
  if (done.empty()) md << "Nothing is marked done yet.\n";
  for (const auto& [action, st] : done) {
    md << "- " << (st->updated.empty() ? std::string() : st->updated.substr(0, 10) + ": ")
       << markdown_escape(c.practice_of_action(action->id).title) << ": " << markdown_escape(action->text);
    if (!st->note.empty()) md << " Note: " << markdown_escape(st->note);
    md << "\n";
  }
  md << "\n## Gaps by CIS Safeguard\n\n";
  const auto g = gaps(c, a.maturity, card.safeguards, 15);
  if (g.empty())
    md << "No open gaps.\n";
  else {
    md << "A Safeguard counts the applicable actions of the practices the guide maps to it.\n\n"
       << "| Safeguard | Title | Practices counted | Done | Applicable | Complete |\n"
       << "| --- | --- | --- | ---: | ---: | ---: |\n";
    for (const auto& x : g)
      md << "| " << x.safeguard << " | " << markdown_escape(x.title) << " | " << markdown_escape(x.practices) << " | "
         << x.done << " | " << x.applicable << " | " << percent(x.completion) << " |\n";
  }
  return md.str();
}

std::string office_html_body(const Catalog& c, const Assessment& a, const ReportOptions& o,
                             const std::string& progress = {}) {
  const Scorecard card = score(c, a);
  const Plan plan = build_plan(c, a.maturity, a);
  std::ostringstream h;
  h << html_head(o.title.empty() ? "Self-assessment: " + a.jurisdiction.name : o.title) << "<h1>"
    << html_escape(office_title(a, o)) << "</h1><p class=\"muted\">" << html_escape(a.jurisdiction.id) << ", "
    << html_escape(a.jurisdiction.state) << " (" << to_string(a.jurisdiction.kind) << "). Guide version "
    << html_escape(a.catalog_version) << "."
    << (latest_change(a).empty() ? std::string() : " Latest change recorded: " + latest_change(a) + ".")
    << html_escape(dated(o)) << "</p><div class=\"cards\"><div class=\"card\">Maturity<b>" << level_name(a.maturity)
    << "</b></div><div class=\"card\">Actions done<b>" << card.actions_done << " / " << card.actions_applicable
    << "</b></div><div class=\"card\">Complete<b>" << percent(card.completion)
    << "</b></div><div class=\"card\">Priority practices<b>" << (card.priorities_complete ? "all done" : "not all done")
    << "</b></div></div>\n"
    << progress << "<h2>Completion by practice</h2>\n";
  std::vector<std::tuple<std::string, double, std::string>> bars;
  for (const auto& p : card.practices)
    bars.emplace_back((p.scope == Scope::priority ? "★ " : "") + c.practice(p.practice).title, p.completion,
                      std::to_string(p.actions_done) + "/" + std::to_string(p.actions_applicable));
  h << bar_chart(bars, "Completion by practice") << "<p class=\"muted\">★ a priority practice at "
    << level_name(a.maturity) << ".</p>\n<h2>Next steps</h2>\n<ol>";
  for (std::size_t i = 0; i < plan.steps.size() && i < o.next_steps; ++i) {
    const auto& s = plan.steps[i];
    const std::string title = step_title(c, s);
    h << "<li><b>" << html_escape(title) << "</b> <span class=\"muted\">" << html_escape(s.reason) << "</span><ul>";
    for (const auto& id : s.actions) {
      h << "<li>" << html_escape(c.action(id).text) << html_links(c.action(id).links);
      const auto it = a.statuses.find(id);
      if (it != a.statuses.end() && !it->second.note.empty())
        h << " <span class=\"muted\">(note: " << html_escape(it->second.note) << ")</span>";
      h << "</li>";
    }
    h << "</ul></li>";
  }
  h << "</ol>" << (plan.steps.empty() ? "<p>Everything the plan holds is done.</p>" : "");
  h << detail::office_systems_html(c, a);
  const auto started = in_progress(c, a);
  h << "\n<h2>In progress (" << started.size() << ")</h2>\n";
  if (started.empty())
    h << "<p>Nothing is marked in progress.</p>";
  else {
    h << "<ul>";
    for (const auto& [action, st] : started) {
      h << "<li>" << html_escape(c.practice_of_action(action->id).title) << ": " << html_escape(action->text);
      if (!st->updated.empty())
        h << " <span class=\"muted\">(since " << html_escape(st->updated.substr(0, 10)) << ")</span>";
      if (!st->note.empty()) h << " <span class=\"muted\">Note: " << html_escape(st->note) << "</span>";
      h << "</li>";
    }
    h << "</ul>";
  }
  const auto [done_count, done] = recently_done(c, a);
  h << "\n<h2>Recently done (" << done.size() << " of " << done_count << ")</h2>\n";
  if (done.empty())
    h << "<p>Nothing is marked done yet.</p>";
  else {
    h << "<ul>";
    for (const auto& [action, st] : done) {
      h << "<li>";
      if (!st->updated.empty()) h << "<span class=\"muted\">" << html_escape(st->updated.substr(0, 10)) << ":</span> ";
      h << html_escape(c.practice_of_action(action->id).title) << ": " << html_escape(action->text);
      if (!st->note.empty()) h << " <span class=\"muted\">Note: " << html_escape(st->note) << "</span>";
      h << "</li>";
    }
    h << "</ul>";
  }
  h << "\n<h2>Gaps by CIS Safeguard</h2>\n";
  const auto g = gaps(c, a.maturity, card.safeguards, 15);
  if (g.empty())
    h << "<p>No open gaps.</p>";
  else {
    h << "<p class=\"muted\">A Safeguard counts the applicable actions of the practices the guide maps to it.</p>"
         "<table><thead><tr><th>Safeguard</th><th>Title</th><th>Practices counted</th><th class=\"n\">Done</th>"
         "<th class=\"n\">Applicable</th><th class=\"n\">Complete</th></tr></thead><tbody>";
    for (const auto& x : g)
      h << "<tr><td>" << x.safeguard << "</td><td>" << html_escape(x.title) << "</td><td>" << html_escape(x.practices)
        << "</td><td class=\"n\">" << x.done << "</td><td class=\"n\">" << x.applicable << "</td><td class=\"n\">"
        << percent(x.completion) << "</td></tr>";
    h << "</tbody></table>";
  }
  return h.str();
}

std::string rollup_markdown_body(const Catalog& c, const Rollup& r, const ReportOptions& o,
                                 const std::string& progress = {},
                                 const std::string& default_title = "Election security rollup") {
  std::ostringstream md;
  md << "# " << markdown_escape(o.title.empty() ? default_title : o.title) << "\n\n"
     << (o.report_date.empty() ? std::string() : "Report date: " + o.report_date + ".\n\n") << r.jurisdictions
     << (r.jurisdictions == 1 ? " office: " : " offices: ") << r.maturity_distribution[0] << " at Level 1, "
     << r.maturity_distribution[1] << " at Level 2, " << r.maturity_distribution[2] << " at Level 3. " << r.actions_done
     << " of " << r.actions_applicable << " applicable actions done (" << percent(r.completion) << ").\n"
     << progress << "\n## Completion by practice\n\n"
     << "| Practice | Done | Applicable | Complete | Offices complete |\n| --- | ---: | ---: | ---: | ---: |\n";
  for (const auto& p : r.practices)
    if (p.actions_applicable > 0)
      md << "| " << markdown_escape(c.practice(p.practice).title) << " | " << p.actions_done << " | "
         << p.actions_applicable << " | " << percent(p.completion) << " | " << p.offices_complete << " |\n";
  md << "\n## Least complete practices\n\n";
  for (const auto& id : r.least_complete) {
    const auto& p = *std::find_if(r.practices.begin(), r.practices.end(),
                                  [&](const PracticeRollup& x) { return x.practice == id; });
    md << "- " << markdown_escape(c.practice(id).title) << ": " << percent(p.completion) << " (" << p.actions_done
       << " of " << p.actions_applicable << " actions)\n";
  }
  if (r.least_complete.empty()) md << "None: nothing applies yet.\n";
  md << "\n## Offices furthest behind\n\n| Office | State | Level | Complete |\n| --- | --- | --- | ---: |\n";
  for (std::size_t i = 0; i < r.offices.size() && i < o.max_offices; ++i) {
    const auto& office = r.offices[i];
    md << "| " << markdown_escape(office.jurisdiction.name) << " | " << markdown_escape(office.jurisdiction.state)
       << " | " << level_name(office.maturity) << " | " << percent(office.completion) << " |\n";
  }
  return md.str();
}

std::string rollup_html_body(const Catalog& c, const Rollup& r, const ReportOptions& o,
                             const std::string& progress = {},
                             const std::string& default_title = "Election security rollup") {
  const std::string& title = o.title.empty() ? default_title : o.title;
  std::ostringstream h;
  h << html_head(title) << "<h1>" << html_escape(title) << "</h1>"
    << (o.report_date.empty() ? std::string()
                              : "<p class=\"muted\">Report date: " + html_escape(o.report_date) + ".</p>")
    << "<div class=\"cards\">"
    << "<div class=\"card\">Offices<b>" << r.jurisdictions << "</b></div><div class=\"card\">Actions done<b>"
    << r.actions_done << " / " << r.actions_applicable << "</b></div><div class=\"card\">Complete<b>"
    << percent(r.completion) << "</b></div></div>\n"
    << progress << "<h2>Maturity distribution</h2>\n";
  std::vector<std::tuple<std::string, double, std::string>> levels;
  for (std::size_t l = 0; l < 3; ++l)
    levels.emplace_back(
        "Level " + std::to_string(l + 1),
        r.jurisdictions ? static_cast<double>(r.maturity_distribution[l]) / static_cast<double>(r.jurisdictions) : 0.0,
        std::to_string(r.maturity_distribution[l]) + " offices");
  h << bar_chart(levels, "Offices by maturity level") << "\n<h2>Completion by practice</h2>\n";
  std::vector<std::tuple<std::string, double, std::string>> bars;
  double highest = 0;
  for (const auto& p : r.practices)
    if (p.actions_applicable > 0) {
      bars.emplace_back(c.practice(p.practice).title, p.completion, percent(p.completion));
      highest = std::max(highest, p.completion);
    }
  // Below half, the bars run to the tenth above the highest practice, so that differences
  // show; the caption says so.
  const double full = highest >= 0.5 || highest <= 0 ? 1.0 : std::ceil(highest * 10 - 1e-9) / 10;
  h << bar_chart(bars, "Completion by practice", full);
  if (full < 1.0)
    h << "<p class=\"muted\">The bars run to " << percent(full)
      << ", the most complete practice's share rounded up to a tenth, so that differences show.</p>";
  h << "\n<h2>Least complete practices</h2>\n<ul>";
  for (const auto& id : r.least_complete) {
    const auto& p = *std::find_if(r.practices.begin(), r.practices.end(),
                                  [&](const PracticeRollup& x) { return x.practice == id; });
    h << "<li>" << html_escape(c.practice(id).title) << ": " << percent(p.completion) << " (" << p.actions_done
      << " of " << p.actions_applicable << " actions)</li>";
  }
  h << "</ul>" << (r.least_complete.empty() ? "<p>None: nothing applies yet.</p>" : "")
    << "\n<h2>Offices furthest behind</h2>\n"
    << "<table><thead><tr><th>Office</th><th>State</th><th>Level</th><th class=\"n\">Complete</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < r.offices.size() && i < o.max_offices; ++i) {
    const auto& office = r.offices[i];
    h << "<tr><td>" << html_escape(office.jurisdiction.name) << "</td><td>" << html_escape(office.jurisdiction.state)
      << "</td><td>" << level_name(office.maturity) << "</td><td class=\"n\">" << percent(office.completion)
      << "</td></tr>";
  }
  h << "</tbody></table>\n";
  return h.str();
}

const char* const html_end = "\n</body></html>\n";

// Options checked before any text is made.
const ReportOptions& checked(const ReportOptions& o) {
  if (!o.report_date.empty() && (o.report_date.size() != 10 || !is_iso_timestamp(o.report_date)))
    throw Error("report date '" + o.report_date + "' is not an ISO 8601 date (YYYY-MM-DD)");
  return o;
}

}  // namespace

std::string office_report_markdown(const Catalog& c, const Assessment& a, const ReportOptions& o) {
  return office_markdown_body(c, a, checked(o));
}
std::string office_report_html(const Catalog& c, const Assessment& a, const ReportOptions& o) {
  return office_html_body(c, a, checked(o)) + html_end;
}
std::string rollup_report_markdown(const Catalog& c, const Rollup& r, const ReportOptions& o) {
  return rollup_markdown_body(c, r, checked(o));
}
std::string rollup_report_html(const Catalog& c, const Rollup& r, const ReportOptions& o) {
  return rollup_html_body(c, r, checked(o)) + html_end;
}

std::string office_report_markdown(const Catalog& c, const Assessment& a, const Progress& p, const ReportOptions& o) {
  return office_markdown_body(c, a, checked(o), detail::office_progress_markdown(c, a, p));
}
std::string office_report_html(const Catalog& c, const Assessment& a, const Progress& p, const ReportOptions& o) {
  return office_html_body(c, a, checked(o), detail::office_progress_html(c, a, p)) + html_end;
}
std::string rollup_report_markdown(const Catalog& c, const Rollup& r, const Progress& p, const ReportOptions& o) {
  return rollup_markdown_body(c, r, checked(o), detail::group_progress_markdown(c, p, o.stalled_days, o.max_offices),
                              "Election security rollup as of " + p.as_of);
}
std::string rollup_report_html(const Catalog& c, const Rollup& r, const Progress& p, const ReportOptions& o) {
  return rollup_html_body(c, r, checked(o), detail::group_progress_html(c, p, o.stalled_days, o.max_offices),
                          "Election security rollup as of " + p.as_of) +
         html_end;
}
}  // namespace electsec
