// The system profile in an office report: the guide's risks for the office's systems, and
// the practices electsec links to them, each link marked as electsec's.
#include "io/report_systems.hpp"

#include <electsec/report.hpp>
#include <electsec/systems.hpp>

#include <sstream>

namespace electsec::detail {

namespace {

std::string use_words(const std::string& component, Connectedness c) {
  return component + " (" + std::string(to_string(c)) + ")";
}

std::string risk_titles(const Catalog& c, const SystemUseRisks& s) {
  if (s.risks.empty()) return s.use.connectedness == Connectedness::none ? "none: not digital" : "-";
  std::string out;
  for (std::size_t i = 0; i < s.risks.size(); ++i) out += (i ? "; " : "") + c.system_risk(s.risks[i]).title;
  return out;
}

std::string rank_words(const SystemPractice& p) {
  return p.plan_rank ? "plan step " + std::to_string(p.plan_rank) + ", " + std::string(to_string(p.scope))
                     : std::string(to_string(p.scope));
}

const char* const intro =
    "The risks are the ones the guide's primer lists for each kind of system. The links from systems "
    "to practices are electsec's, not the guide's: the guide does not make them.";

}  // namespace

std::string office_systems_markdown(const Catalog& c, const Assessment& a) {
  if (a.systems.empty()) return {};
  const RiskPicture p = risk_picture(c, a);
  std::ostringstream md;
  md << "\n## Systems and their risks\n\n"
     << intro << "\n\n"
     << "| System | Connectedness | Risks the guide lists | Note |\n| --- | --- | --- | --- |\n";
  for (const auto& s : p.systems)
    md << "| " << markdown_escape(s.use.component) << " | " << to_string(s.use.connectedness) << " | "
       << markdown_escape(risk_titles(c, s)) << " | " << markdown_escape(s.use.note) << " |\n";
  for (const auto& s : p.systems)
    if (!s.occurs)
      md << "\n**Check:** the guide's primer says " << markdown_escape(use_words(s.use.component, s.use.connectedness))
         << " does not occur (\"" << markdown_escape(s.connection) << "\").\n";
  const auto list = [&](const std::vector<SystemPractice>& practices) {
    for (const auto& sp : practices) {
      md << "- **" << markdown_escape(c.practice(sp.practice).title) << "** (" << rank_words(sp) << ")\n";
      for (const auto& l : sp.links)
        md << "  - " << markdown_escape(use_words(l.component, l.connectedness)) << ", from "
           << markdown_escape(l.subject) << ": " << markdown_escape(editorial_reason(l)) << "\n";
    }
  };
  md << "\n### Practices that address them (electsec's links)\n\nIn the guide's plan order at "
     << level_name(p.maturity) << ".\n\n";
  if (p.practices.empty()) md << "None in scope at " << level_name(p.maturity) << ".\n";
  list(p.practices);
  if (!p.out_of_scope.empty()) {
    md << "\nLinked by electsec but out of scope at " << level_name(p.maturity) << ":\n\n";
    list(p.out_of_scope);
  }
  return md.str();
}

std::string office_systems_html(const Catalog& c, const Assessment& a) {
  if (a.systems.empty()) return {};
  const RiskPicture p = risk_picture(c, a);
  std::ostringstream h;
  h << "\n<h2>Systems and their risks</h2>\n<p class=\"muted\">" << html_escape(intro) << "</p>"
    << "<table><thead><tr><th>System</th><th>Connectedness</th><th>Risks the guide lists</th><th>Note</th></tr>"
       "</thead><tbody>";
  for (const auto& s : p.systems)
    h << "<tr><td>" << html_escape(s.use.component) << "</td><td>" << to_string(s.use.connectedness) << "</td><td>"
      << html_escape(risk_titles(c, s)) << "</td><td>" << html_escape(s.use.note) << "</td></tr>";
  h << "</tbody></table>";
  for (const auto& s : p.systems)
    if (!s.occurs)
      h << "<p><b>Check:</b> the guide's primer says " << html_escape(use_words(s.use.component, s.use.connectedness))
        << " does not occur (\"" << html_escape(s.connection) << "\").</p>";
  const auto list = [&](const std::vector<SystemPractice>& practices) {
    h << "<ul>";
    for (const auto& sp : practices) {
      h << "<li><b>" << html_escape(c.practice(sp.practice).title) << "</b> <span class=\"muted\">(" << rank_words(sp)
        << ")</span><ul>";
      for (const auto& l : sp.links)
        h << "<li>" << html_escape(use_words(l.component, l.connectedness)) << ", from " << html_escape(l.subject)
          << ": " << html_escape(editorial_reason(l)) << "</li>";
      h << "</ul></li>";
    }
    h << "</ul>";
  };
  h << "\n<h3>Practices that address them (electsec's links)</h3>\n<p class=\"muted\">In the guide's plan order at "
    << level_name(p.maturity) << ".</p>";
  if (p.practices.empty()) h << "<p>None in scope at " << level_name(p.maturity) << ".</p>";
  if (!p.practices.empty()) list(p.practices);
  if (!p.out_of_scope.empty()) {
    h << "<p>Linked by electsec but out of scope at " << level_name(p.maturity) << ":</p>";
    list(p.out_of_scope);
  }
  return h.str();
}

}  // namespace electsec::detail
