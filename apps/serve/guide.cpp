// The guide: practices, CIS Safeguards, the 2018 Handbook, the glossary and the other
// guidance, linked both ways, and search over all of it.
#include "web.hpp"

#include <sstream>

namespace serve {

using namespace electsec;

namespace {

std::string levels_text(const std::vector<Maturity>& levels) {
  std::string out;
  for (Maturity m : levels) out += (out.empty() ? "" : ", ") + level_name(m);
  return out;
}

std::string search_form(const std::string& q) {
  return "<form method=\"get\" action=\"/guide/search\" class=\"filters\" role=\"search\"><label>Search the guide "
         "<input type=\"search\" name=\"q\" maxlength=\"200\" value=\"" +
         esc(q) + "\"></label> <button type=\"submit\">Search</button></form>";
}

std::string guide_links() {
  return "<p class=\"tabs\"><a href=\"/guide\">Best practices</a><a href=\"/guide/safeguards\">CIS Safeguards</a>"
         "<a href=\"/guide/handbook\">2018 Handbook</a><a href=\"/guide/glossary\">Glossary</a>"
         "<a href=\"/guide/guidance\">Other guidance</a></p>";
}

void index(App& app, const httplib::Request&, httplib::Response& res, const Session&) {
  std::vector<std::vector<std::string>> rows;
  for (const Practice& p : app.catalog.practices())
    rows.push_back({std::to_string(p.order), practice_link(app.catalog, p.id), esc(words(to_string(p.scopes[0]))),
                    esc(words(to_string(p.scopes[1]))), esc(words(to_string(p.scopes[2])))});
  send_html(res, page(app.catalog.guide().title, Section::guide,
                      guide_links() + search_form("") +
                          html_table({"#", "Best practice", "Level 1", "Level 2", "Level 3"}, rows)));
}

void practice(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const Practice& p = app.catalog.practice(std::string(req.matches[1]));
  std::ostringstream body;
  body << guide_links() << "<p>" << esc(p.summary) << "</p>"
       << "<p>Scope: Level 1 " << esc(to_string(p.scopes[0])) << " · Level 2 " << esc(to_string(p.scopes[1]))
       << " · Level 3 " << esc(to_string(p.scopes[2])) << "</p>";
  if (!p.links.empty()) body << "<p>Links:" << html_links(p.links) << "</p>";
  body << "<h2>Goals</h2><ul>";
  for (const Goal& g : p.goals)
    body << "<li>" << esc(g.text)
         << (g.maturity ? " <span class=\"muted\">(" + level_name(*g.maturity) + ")</span>" : "") << html_links(g.links)
         << "</li>";
  body << "</ul><h2>Actions</h2><ul class=\"plain\">";
  for (const SectionEntry& entry : action_section(p)) {
    if (entry.action)
      body << "<li id=\"" << esc(entry.action->id) << "\"><strong>" << esc(levels_text(entry.action->levels))
           << "</strong> " << esc(entry.action->text) << html_links(entry.action->links) << " <span class=\"muted\">("
           << esc(entry.action->id) << ")</span></li>";
    else
      body << "<li class=\"paragraph\">" << esc(entry.paragraph->text) << html_links(entry.paragraph->links) << "</li>";
  }
  body << "</ul>";
  if (!p.tools.empty()) {
    body << "<h2>Cost-effective tools</h2><ul>";
    for (const Tool& t : p.tools)
      body << "<li>" << esc(t.name) << html_links({Link{t.name, t.url}}) << ": " << esc(t.description) << "</li>";
    body << "</ul>";
  }
  body << "<h2>CIS Safeguards</h2><ul>";
  for (const MappedSafeguard& m : app.catalog.safeguards_of_practice(p.id))
    body << "<li>" << safeguard_link(m.safeguard->id) << " " << esc(m.safeguard->title)
         << (m.maturity ? " <span class=\"muted\">(" + level_name(*m.maturity) + ")</span>" : "") << "</li>";
  body << "</ul>";
  if (!p.handbook.empty()) {
    body << "<h2>2018 Handbook practices</h2><ul>";
    for (int n : p.handbook) body << "<li>" << n << ". " << esc(app.catalog.handbook_practice(n).title) << "</li>";
    body << "</ul>";
  }
  const auto recommendations = app.catalog.recommendations_of_practice(p.id);
  if (!recommendations.empty()) {
    body << "<h2>Other guidance</h2><ul>";
    for (const Recommendation* r : recommendations)
      body << "<li><a href=\"/guide/guidance#" << esc(r->id) << "\">" << esc(r->title) << "</a> <span class=\"muted\">("
           << esc(app.catalog.guidance_source(r->source).title) << ")</span></li>";
    body << "</ul>";
  }
  if (!p.learn_more.empty()) body << "<h2>Learn more</h2><p>" << html_links(p.learn_more) << "</p>";
  send_html(res, page(p.title, Section::guide, body.str()));
}

void safeguards(App& app, const httplib::Request&, httplib::Response& res, const Session&) {
  std::vector<std::vector<std::string>> rows;
  for (const Safeguard& s : app.catalog.safeguards()) {
    const auto mapped = app.catalog.practices_of_safeguard(s.id);
    if (mapped.empty()) continue;
    std::string practices;
    for (const auto& m : mapped)
      practices += (practices.empty() ? "" : ", ") + practice_link(app.catalog, m.practice->id);
    rows.push_back({safeguard_link(s.id), esc(s.title), esc(to_string(s.security_function)), practices});
  }
  send_html(res, page("CIS Safeguards the guide maps to", Section::guide,
                      guide_links() + html_table({"Safeguard", "Title", "Function", "Best practices"}, rows)));
}

void safeguard(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const Safeguard& s = app.catalog.safeguard(std::string(req.matches[1]));
  std::string groups;
  for (auto g : s.implementation_groups) groups += (groups.empty() ? "IG" : ", IG") + std::string(to_string(g));
  std::ostringstream body;
  body << guide_links() << "<p>" << esc(s.title) << "</p><p>Control " << s.control << " ("
       << esc(app.catalog.control(s.control).title) << ") · " << esc(to_string(s.asset_type)) << " · "
       << esc(to_string(s.security_function)) << " · " << esc(groups) << "</p><h2>Best practices mapped to it</h2><ul>";
  for (const auto& m : app.catalog.practices_of_safeguard(s.id))
    body << "<li>" << practice_link(app.catalog, m.practice->id)
         << (m.maturity ? " <span class=\"muted\">(" + level_name(*m.maturity) + ")</span>" : "") << "</li>";
  body << "</ul>";
  send_html(res, page("CIS Safeguard " + s.id, Section::guide, body.str()));
}

void handbook(App& app, const httplib::Request&, httplib::Response& res, const Session&) {
  std::vector<std::vector<std::string>> rows;
  for (const HandbookPractice& h : app.catalog.handbook()) {
    std::string practices;
    for (const auto& id : h.practices) practices += (practices.empty() ? "" : ", ") + practice_link(app.catalog, id);
    rows.push_back({"<span id=\"h" + std::to_string(h.number) + "\">" + std::to_string(h.number) + "</span>",
                    esc(h.title), practices});
  }
  send_html(res, page("2018 Handbook practices", Section::guide,
                      guide_links() + html_table({"#", "Handbook practice", "Best practices"}, rows)));
}

void glossary(App& app, const httplib::Request&, httplib::Response& res, const Session&) {
  std::ostringstream body;
  body << guide_links() << "<dl>";
  for (const GlossaryEntry& g : app.catalog.glossary())
    body << "<dt id=\"" << esc(g.term) << "\">" << esc(g.term) << "</dt><dd>" << esc(g.definition)
         << html_links(g.links) << "</dd>";
  body << "</dl><h2>Acronyms</h2>";
  std::vector<std::vector<std::string>> rows;
  for (const Acronym& a : app.catalog.acronyms()) rows.push_back({esc(a.term), esc(a.expansion)});
  body << html_table({"Acronym", "Stands for"}, rows);
  send_html(res, page("Glossary", Section::guide, body.str()));
}

void guidance(App& app, const httplib::Request&, httplib::Response& res, const Session&) {
  std::ostringstream body;
  body << guide_links();
  for (const GuidanceSource& s : app.catalog.guidance().sources) {
    body << "<h2>" << esc(s.title) << "</h2><p class=\"muted\">" << esc(s.publisher) << ", " << esc(s.date)
         << (s.url.empty() ? "" : html_links({Link{s.title, s.url}})) << "</p><ul>";
    RecommendationFilter filter;
    filter.source = s.id;
    for (const Recommendation* r : app.catalog.recommendations(filter)) {
      body << "<li id=\"" << esc(r->id) << "\"><strong>" << esc(r->title) << "</strong> " << esc(r->text);
      if (!r->practices.empty()) {
        body << " <span class=\"muted\">Best practices:</span> ";
        for (std::size_t i = 0; i < r->practices.size(); ++i)
          body << (i ? ", " : "") << practice_link(app.catalog, r->practices[i].practice);
      }
      body << "</li>";
    }
    body << "</ul>";
  }
  send_html(res, page("Other guidance", Section::guide, body.str()));
}

std::string hit_link(const Catalog& catalog, const SearchHit& hit) {
  switch (hit.kind) {
    case HitKind::safeguard:
      return safeguard_link(hit.id) + " " + esc(hit.title);
    case HitKind::glossary:
    case HitKind::acronym:
      return "<a href=\"/guide/glossary#" + esc(url_encode(hit.id)) + "\">" + esc(hit.title) + "</a>";
    case HitKind::recommendation:
      return "<a href=\"/guide/guidance#" + esc(hit.id) + "\">" + esc(hit.title) + "</a>";
    case HitKind::action:
      return "<a href=\"/guide/practice/" + url_encode(hit.practice) + "#" + esc(hit.id) + "\">" + esc(hit.title) +
             "</a> <span class=\"muted\">(" + esc(hit.id) + ")</span>";
    default:
      return hit.practice.empty() ? esc(hit.title) : practice_link(catalog, hit.practice);
  }
}

void search_page(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string q = query(req, "q");
  if (q.size() > 200) throw HttpError{400, "q: at most 200 characters"};
  SearchOptions options;
  options.limit = 30;
  std::vector<std::vector<std::string>> rows;
  for (const SearchHit& hit : search(app.catalog, q, options))
    rows.push_back({esc(to_string(hit.kind)), hit_link(app.catalog, hit), esc(hit.snippet)});
  std::string body = guide_links() + search_form(q);
  if (!q.empty())
    body += rows.empty() ? "<p class=\"empty\">Nothing in the guide matches.</p>"
                         : html_table({"Kind", "Found", "Where"}, rows);
  send_html(res, page("Search", Section::guide, body));
}

}  // namespace

void add_guide_routes(App& app, const Router& route) {
  route("GET", "/guide", bind(app, index));
  route("GET", "/guide/practice/([^/]+)", bind(app, practice));
  route("GET", "/guide/safeguards", bind(app, safeguards));
  route("GET", "/guide/safeguard/([^/]+)", bind(app, safeguard));
  route("GET", "/guide/handbook", bind(app, handbook));
  route("GET", "/guide/glossary", bind(app, glossary));
  route("GET", "/guide/guidance", bind(app, guidance));
  route("GET", "/guide/search", bind(app, search_page));
}

}  // namespace serve
