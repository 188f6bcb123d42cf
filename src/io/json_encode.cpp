// Every value type and result as a JSON tree, keys in the documented order.
#include "json_codec.hpp"

#include <electsec/catalog_json.hpp>

namespace electsec::detail {

namespace {

json optional_level(const std::optional<Maturity>& m) { return m ? json(static_cast<int>(*m)) : json(nullptr); }

// Every element through its own encode(); the overloads are declared in the header.
template <typename T>
json encode_all(const std::vector<T>& items) {
  json list = json::array();
  for (const auto& item : items) list.push_back(encode(item));
  return list;
}

// `links` is written only when there are some: most entries carry none.
json with_links(json object, const std::vector<Link>& links) {
  if (!links.empty()) object["links"] = encode_all(links);
  return object;
}

}  // namespace

json encode(const GuideInfo& g) { return {{"title", g.title}, {"version", g.version}}; }

json encode(const MaturityLevel& l) {
  return {{"level", static_cast<int>(l.level)}, {"name", l.name}, {"description", l.description}};
}

json encode(const Goal& g) {
  return with_links({{"id", g.id}, {"text", g.text}, {"maturity", optional_level(g.maturity)}}, g.links);
}

json encode(const Action& a) {
  json levels = json::array();
  for (const Maturity m : a.levels) levels.push_back(static_cast<int>(m));
  return with_links(
      {{"id", a.id}, {"levels", levels}, {"group", a.group ? json(*a.group) : json(nullptr)}, {"text", a.text}},
      a.links);
}

json encode(const Paragraph& p) {
  return with_links({{"block", p.block},
                     {"group", p.group ? json(*p.group) : json(nullptr)},
                     {"after", p.after},
                     {"kind", std::string(to_string(p.kind))},
                     {"text", p.text}},
                    p.links);
}

json encode(const Tool& t) { return {{"name", t.name}, {"url", t.url}, {"description", t.description}}; }

json encode(const Link& l) { return {{"title", l.title}, {"url", l.url}}; }

json encode(const SafeguardMapping& m) { return {{"id", m.safeguard}, {"maturity", optional_level(m.maturity)}}; }

json encode(const GuidanceSource& s) {
  return {{"id", s.id},     {"title", s.title}, {"publisher", s.publisher},
          {"date", s.date}, {"url", s.url},     {"partners", s.partners}};
}

json encode(const RelatedPractice& r) {
  return {{"practice", r.practice}, {"reason", r.reason}, {"provenance", r.provenance}};
}

json encode(const Recommendation& r) {
  json related = json::array();
  for (const auto& rp : r.practices) related.push_back(encode(rp));
  return {{"id", r.id},
          {"source", r.source},
          {"audience", r.audience},
          {"category", r.category},
          {"title", r.title},
          {"text", r.text},
          {"practices", related},
          {"safeguards", r.safeguards},
          {"links", encode_all(r.links)}};
}

json encode(const Guidance& g) {
  return {{"sources", encode_all(g.sources)}, {"recommendations", encode_all(g.recommendations)}};
}

json encode(const ConnectednessClass& c) {
  return {{"id", std::string(to_string(c.id))},
          {"title", c.title},
          {"label", c.label},
          {"text", c.text},
          {"examples", c.examples}};
}

json encode(const SystemRisk& r) { return {{"id", r.id}, {"title", r.title}, {"text", r.text}}; }

json encode(const ComponentConnection& c) {
  return {{"connectedness", std::string(to_string(c.connectedness))}, {"occurs", c.occurs}, {"text", c.text}};
}

json encode(const ComponentVariant& v) {
  return {{"name", v.name},
          {"text", v.text},
          {"connectedness", v.connectedness ? json(std::string(to_string(*v.connectedness))) : json(nullptr)}};
}

json encode(const SystemComponent& c) {
  return {{"id", c.id},
          {"title", c.title},
          {"page", c.page},
          {"summary", c.summary},
          {"inputs", c.inputs},
          {"outputs", c.outputs},
          {"variants", encode_all(c.variants)},
          {"risks", c.risks},
          {"connections", encode_all(c.connections)}};
}

json encode(const Primer& p) {
  return {{"classes", encode_all(p.classes)}, {"risks", encode_all(p.risks)}, {"components", encode_all(p.components)}};
}

json encode(const SystemLink& l) {
  return {{"subject", l.subject}, {"practice", l.practice}, {"reason", l.reason}, {"provenance", l.provenance}};
}

json encode(const Practice& p) {
  json scopes = json::array();
  for (const Scope s : p.scopes) scopes.push_back(std::string(to_string(s)));
  json out = with_links(
      {{"id", p.id}, {"title", p.title}, {"order", p.order}, {"scopes", scopes}, {"summary", p.summary}}, p.links);
  out["goals"] = encode_all(p.goals);
  out["actions"] = encode_all(p.actions);
  if (!p.paragraphs.empty()) out["paragraphs"] = encode_all(p.paragraphs);
  out["tools"] = encode_all(p.tools);
  out["learn_more"] = encode_all(p.learn_more);
  out["safeguards"] = encode_all(p.safeguards);
  out["handbook"] = p.handbook;
  return out;
}

json encode(const Control& c) { return {{"id", c.id}, {"title", c.title}}; }

json encode(const Safeguard& s) {
  json groups = json::array();
  for (const auto g : s.implementation_groups) groups.push_back(static_cast<int>(g));
  return {{"id", s.id},
          {"control", s.control},
          {"title", s.title},
          {"asset_type", to_string(s.asset_type)},
          {"security_function", to_string(s.security_function)},
          {"implementation_groups", groups},
          {"depends_on", s.depends_on}};
}

json encode(const MaturityStatement& s) {
  return with_links({{"id", s.id}, {"level", static_cast<int>(s.level)}, {"text", s.text}}, s.links);
}

json encode(const Worksheet& w) { return {{"id", w.id}, {"name", w.name}, {"group", w.group}, {"actions", w.actions}}; }

json encode(const CdmRank& r) { return {{"rank", r.rank}, {"safeguard", r.safeguard}, {"practice", r.practice}}; }

json encode(const Priorities& p) {
  json baseline = json::array(), ranking = json::array();
  for (const auto& w : p.level1_baseline) baseline.push_back(encode(w));
  for (const auto& r : p.cdm_ranking) ranking.push_back(encode(r));
  return {{"level1_baseline", baseline}, {"level1_election", p.level1_election}, {"cdm_ranking", ranking}};
}

json encode(const HandbookPractice& h) {
  return {{"number", h.number}, {"title", h.title}, {"practices", h.practices}};
}

json encode(const GlossaryEntry& g) { return with_links({{"term", g.term}, {"definition", g.definition}}, g.links); }

json encode(const Acronym& a) { return {{"term", a.term}, {"expansion", a.expansion}}; }

json encode(const Jurisdiction& j) {
  return {{"id", j.id}, {"name", j.name}, {"state", j.state}, {"kind", std::string(to_string(j.kind))}};
}

json encode(const ActionStatus& s) {
  return {{"status", std::string(to_string(s.status))}, {"note", s.note}, {"updated", s.updated}};
}

json encode(const SystemUse& s) {
  return {{"component", s.component}, {"connectedness", std::string(to_string(s.connectedness))}, {"note", s.note}};
}

std::string systems_json(const std::vector<SystemUse>& systems) {
  json list = json::array();
  for (const SystemUse& s : systems) list.push_back(encode(s));
  return dump(list, -1);
}

json encode(const MaturityResult& r) {
  json tallies = json::array();
  for (const auto& t : r.tallies)
    tallies.push_back({{"level", static_cast<int>(t.level)},
                       {"yes", t.yes},
                       {"answered", t.answered},
                       {"total", t.total},
                       {"majority", t.majority()}});
  return {{"level", static_cast<int>(r.level)},
          {"conflict", r.conflict},
          {"unsure", r.unsure},
          {"tallies", tallies},
          {"applied", r.applied},
          {"rationale", r.rationale}};
}

json encode(const PlanStep& s) {
  return {{"rank", s.rank},       {"kind", std::string(to_string(s.kind))},
          {"id", s.id},           {"practice", s.practice.empty() ? json(nullptr) : json(s.practice)},
          {"actions", s.actions}, {"reason", s.reason}};
}

json encode(const Plan& p) { return {{"maturity", static_cast<int>(p.maturity)}, {"steps", encode_all(p.steps)}}; }

namespace {
json encode_safeguard_scores(const std::vector<SafeguardScore>& list) {
  json out = json::array();
  for (const auto& s : list)
    out.push_back({{"safeguard", s.safeguard},
                   {"actions_applicable", s.actions_applicable},
                   {"actions_done", s.actions_done},
                   {"completion", s.completion}});
  return out;
}
}  // namespace

json encode(const Scorecard& c) {
  json practices = json::array();
  for (const auto& p : c.practices)
    practices.push_back({{"id", p.practice},
                         {"scope", std::string(to_string(p.scope))},
                         {"actions_applicable", p.actions_applicable},
                         {"actions_done", p.actions_done},
                         {"actions_in_progress", p.actions_in_progress},
                         {"completion", p.completion}});
  return {{"jurisdiction", encode(c.jurisdiction)},
          {"maturity", static_cast<int>(c.maturity)},
          {"actions_applicable", c.actions_applicable},
          {"actions_done", c.actions_done},
          {"actions_in_progress", c.actions_in_progress},
          {"completion", c.completion},
          {"priorities_complete", c.priorities_complete},
          {"practices", practices},
          {"safeguards", encode_safeguard_scores(c.safeguards)}};
}

json encode(const OfficeSummary& o) {
  json office = encode(o.jurisdiction);
  office["maturity"] = static_cast<int>(o.maturity);
  office["actions_applicable"] = o.actions_applicable;
  office["actions_done"] = o.actions_done;
  office["completion"] = o.completion;
  office["priorities_complete"] = o.priorities_complete;
  return office;
}

json encode(const Rollup& r) {
  json practices = json::array(), offices = json::array();
  for (const auto& p : r.practices)
    practices.push_back({{"id", p.practice},
                         {"actions_applicable", p.actions_applicable},
                         {"actions_done", p.actions_done},
                         {"completion", p.completion},
                         {"offices_complete", p.offices_complete}});
  for (const auto& o : r.offices) offices.push_back(encode(o));
  return {{"jurisdictions", r.jurisdictions},
          {"maturity_distribution",
           {{"1", r.maturity_distribution[0]}, {"2", r.maturity_distribution[1]}, {"3", r.maturity_distribution[2]}}},
          {"actions_applicable", r.actions_applicable},
          {"actions_done", r.actions_done},
          {"completion", r.completion},
          {"practices", practices},
          {"least_complete", r.least_complete},
          {"safeguards", encode_safeguard_scores(r.safeguards)},
          {"offices", offices}};
}

json encode(const FieldChange& c) {
  return {{"subject", c.subject},
          {"field", c.field},
          {"nature", std::string(to_string(c.nature))},
          {"old", c.old_value},
          {"new", c.new_value}};
}

json encode(const CatalogDiff& d) {
  json changed = json::array();
  const auto scopes = [](const std::array<Scope, 3>& s) {
    return json::array({std::string(to_string(s[0])), std::string(to_string(s[1])), std::string(to_string(s[2]))});
  };
  for (const auto& c : d.changed) {
    json o = {{"id", c.id}};
    if (c.title) o["title"] = {{"old", c.title->first}, {"new", c.title->second}};
    if (c.scopes) o["scopes"] = {{"old", scopes(c.scopes->first)}, {"new", scopes(c.scopes->second)}};
    o["facts_changed"] = c.facts_changed();
    o["goals_changed"] = c.goals_changed;
    o["goals_reworded"] = c.goals_reworded;
    o["links_changed"] = c.links_changed;
    o["summary_reworded"] = c.summary_reworded;
    o["paragraphs_changed"] = c.paragraphs_changed;
    o["paragraphs_reworded"] = c.paragraphs_reworded;
    o["actions_added"] = c.actions_added;
    o["actions_removed"] = c.actions_removed;
    o["actions_changed"] = c.actions_changed;
    o["actions_reworded"] = c.actions_reworded;
    o["tools_added"] = c.tools_added;
    o["tools_removed"] = c.tools_removed;
    o["safeguards_added"] = c.safeguards_added;
    o["safeguards_removed"] = c.safeguards_removed;
    o["safeguards_retagged"] = c.safeguards_retagged;
    o["handbook_added"] = c.handbook_added;
    o["handbook_removed"] = c.handbook_removed;
    o["changes"] = encode_all(c.changes);
    changed.push_back(std::move(o));
  }
  return {{"same_facts", d.same_facts()},
          {"added", d.added},
          {"removed", d.removed},
          {"changed", changed},
          {"changes", encode_all(d.changes)}};
}

json encode(const CatalogData& d) {
  return {{"schema", std::string(catalog_schema)},
          {"guide", encode(d.guide)},
          {"maturity_levels", encode_all(d.maturity_levels)},
          {"maturity_statements", encode_all(d.maturity_statements)},
          {"practices", encode_all(d.practices)},
          {"controls", encode_all(d.controls)},
          {"safeguards", encode_all(d.safeguards)},
          {"priorities", encode(d.priorities)},
          {"handbook", encode_all(d.handbook)},
          {"glossary", encode_all(d.glossary)},
          {"acronyms", encode_all(d.acronyms)},
          {"guidance", encode(d.guidance)},
          {"primer", encode(d.primer)},
          {"system_links", encode_all(d.system_links)}};
}

}  // namespace electsec::detail
