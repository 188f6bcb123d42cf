#include <electsec/oscal.hpp>
#include <electsec/plan.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/error.hpp>
#include <electsec/version.hpp>

#include "json_codec.hpp"
#include "json_locate.hpp"
#include "sha1.hpp"
#include "store/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

namespace electsec {

namespace {

using detail::json;

std::string uuid_from(const std::array<std::uint8_t, 16>& ns, std::string_view name) {
  std::string input(ns.begin(), ns.end());
  input += name;
  auto hash = detail::sha1(input);
  hash[6] = static_cast<std::uint8_t>((hash[6] & 0x0F) | 0x50);
  hash[8] = static_cast<std::uint8_t>((hash[8] & 0x3F) | 0x80);
  char text[37];
  std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", hash[0],
                hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7], hash[8], hash[9], hash[10], hash[11],
                hash[12], hash[13], hash[14], hash[15]);
  return text;
}

std::array<std::uint8_t, 16> bytes_of(const std::string& uuid) {
  std::array<std::uint8_t, 16> out{};
  std::size_t k = 0;
  for (std::size_t i = 0; i + 1 < uuid.size() && k < 16; ++i) {
    if (uuid[i] == '-') continue;
    out[k++] = static_cast<std::uint8_t>(std::stoi(uuid.substr(i, 2), nullptr, 16));
    ++i;
  }
  return out;
}

const std::array<std::uint8_t, 16>& electsec_namespace() {
  // RFC 4122's URL namespace, then "electsec" in it.
  static const auto ns = bytes_of(uuid_from(bytes_of("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "electsec"));
  return ns;
}

json prop(const std::string& name, const std::string& value) {
  return {{"name", name}, {"ns", std::string(oscal_namespace)}, {"value", value}};
}

json metadata(const std::string& title, const std::string& version, const OscalOptions& o) {
  // Every export writes metadata, so the timestamp is checked once, here.
  if (!is_iso_timestamp(o.timestamp) || o.timestamp.size() == 10)
    throw Error("timestamp '" + o.timestamp + "' is not a UTC date-time such as 2026-01-01T00:00:00Z");
  return {{"title", title},
          {"last-modified", o.timestamp},
          {"version", version},
          {"oscal-version", "1.0.6"},
          {"props", json::array({prop("generator", std::string("electsec ") + version_string)})}};
}

// The guide's links inside a statement, goal, action or paragraph, as OSCAL part links.
json part_links(const std::vector<Link>& links) {
  json out = json::array();
  for (const auto& l : links) out.push_back({{"href", l.url}, {"rel", "reference"}, {"text", l.title}});
  return out;
}

void add_links(json& part, const std::vector<Link>& links) {
  if (!links.empty()) part["links"] = part_links(links);
}

std::string level_value(const std::optional<Maturity>& m) { return m ? std::string(to_string(*m)) : "any"; }

json control_of(const Catalog& c, const Practice& p) {
  json props = json::array({prop("order", std::to_string(p.order))});
  for (Maturity m : all_maturities)
    props.push_back(prop("scope-level-" + std::string(to_string(m)), std::string(to_string(p.scope_at(m)))));
  json links = json::array();
  for (const auto& m : c.safeguards_of_practice(p.id))
    links.push_back({{"href", "#cisc-" + m.safeguard->id},
                     {"rel", "related"},
                     {"text", "CIS Safeguard " + m.safeguard->id + ", " + m.safeguard->title +
                                  (m.maturity ? " (from " + level_name(*m.maturity) + ")" : "")}});
  for (const auto& t : p.tools)
    if (!t.url.empty()) links.push_back({{"href", t.url}, {"rel", "tool"}, {"text", t.name}});
  for (const auto& l : p.learn_more) links.push_back({{"href", l.url}, {"rel", "reference"}, {"text", l.title}});
  json parts = json::array();
  if (!p.summary.empty() || !p.links.empty()) {
    json statement = {{"id", p.id + "_smt"}, {"name", "statement"}};
    if (!p.summary.empty()) statement["prose"] = p.summary;
    add_links(statement, p.links);
    parts.push_back(statement);
  }
  if (!p.goals.empty()) {
    json goals = json::array();
    for (const auto& g : p.goals) {
      goals.push_back({{"id", g.id},
                       {"name", "goal"},
                       {"ns", std::string(oscal_namespace)},
                       {"props", json::array({prop("maturity", level_value(g.maturity))})},
                       {"prose", g.text}});
      add_links(goals.back(), g.links);
    }
    parts.push_back({{"id", p.id + "_obj"}, {"name", "objective"}, {"parts", goals}});
  }
  if (!p.actions.empty() || !p.paragraphs.empty()) {
    // Actions and the guide's paragraphs among them, in the guide's order; a paragraph
    // carries its block, the action it follows (none when it opens the block) and whether it
    // asks something of the office.
    json actions = json::array();
    for (const SectionEntry& e : action_section(p)) {
      if (const Action* a = e.action) {
        json aprops = json::array({prop("maturity", std::string(to_string(a->first_level())))});
        if (a->group) aprops.push_back(prop("group", *a->group));
        actions.push_back({{"id", a->id},
                           {"name", "action"},
                           {"ns", std::string(oscal_namespace)},
                           {"props", aprops},
                           {"prose", a->text}});
        add_links(actions.back(), a->links);
        continue;
      }
      const Paragraph& para = *e.paragraph;
      const std::size_t index = static_cast<std::size_t>(e.paragraph - p.paragraphs.data()) + 1;
      json pprops = json::array({prop("block", para.block), prop("kind", std::string(to_string(para.kind)))});
      if (para.group) pprops.push_back(prop("group", *para.group));
      if (!para.after.empty()) pprops.push_back(prop("after", para.after));
      actions.push_back({{"id", p.id + ".paragraph." + std::to_string(index)},
                         {"name", "paragraph"},
                         {"ns", std::string(oscal_namespace)},
                         {"props", pprops},
                         {"prose", para.text}});
      add_links(actions.back(), para.links);
    }
    parts.push_back({{"id", p.id + "_gdn"}, {"name", "guidance"}, {"parts", actions}});
  }
  json control = {{"id", p.id}, {"title", p.title}, {"props", props}};
  if (!links.empty()) control["links"] = links;
  if (!parts.empty()) control["parts"] = parts;
  return control;
}

std::string observation_uuid(const std::string& base, const std::string& action) {
  return uuid_from(electsec_namespace(), base + "/observation/" + action);
}

// A fingerprint of a status as the file records it (status, date, note): an observation
// carries its status's, so that reading results back can tell whether the file changed the
// status since they were made.
std::string record_of(const ActionStatus& st) {
  return uuid_from(electsec_namespace(),
                   "record/" + std::string(to_string(st.status)) + "/" + st.updated + "/" + st.note);
}

// One observation per recorded status: the action's id as its title, its text as the
// description, the status as a property and the office's note, if any, as remarks (where
// assess import-oscal reads them back).
json observations_of(const Catalog& c, const Assessment& a, const std::string& base, const OscalOptions& o) {
  json observations = json::array();
  for (const auto& [id, st] : a.statuses) {
    json observation = {
        {"uuid", observation_uuid(base, id)},
        {"title", id},
        {"description", c.action(id).text},
        {"props", json::array({prop("status", std::string(to_string(st.status))), prop("record", record_of(st))})},
        {"methods", json::array({"EXAMINE"})},
        // When the status was recorded.
        {"collected", st.updated.empty()        ? o.timestamp
                      : st.updated.size() == 10 ? st.updated + "T00:00:00Z"
                                                : st.updated}};
    if (!st.note.empty()) observation["remarks"] = st.note;
    observations.push_back(std::move(observation));
  }
  return observations;
}

// The observations of those of `actions` that have a recorded status.
json related_observations(const Assessment& a, const std::string& base, const std::vector<std::string>& actions) {
  json related = json::array();
  for (const std::string& id : actions)
    if (a.statuses.count(id) != 0) related.push_back({{"observation-uuid", observation_uuid(base, id)}});
  return related;
}

}  // namespace

std::string uuid_v5(std::string_view name) { return uuid_from(electsec_namespace(), name); }

std::string to_oscal_catalog(const Catalog& c, const OscalOptions& o) {
  json groups = json::array();
  const std::pair<Scope, const char*> by_scope[] = {{Scope::priority, "Priority at Level 1"},
                                                    {Scope::in_scope, "In scope at Level 1"},
                                                    {Scope::out_of_scope, "Out of scope at Level 1"}};
  for (const auto& [scope, title] : by_scope) {
    json controls = json::array();
    for (const Practice* p : c.practices(PracticeFilter{Maturity::level1, scope}))
      controls.push_back(control_of(c, *p));
    if (controls.empty()) continue;
    groups.push_back({{"id", "level1-" + std::string(to_string(scope))}, {"title", title}, {"controls", controls}});
  }
  const json doc = {{"catalog",
                     {{"uuid", uuid_v5("catalog/" + c.guide().version)},
                      {"metadata", metadata(c.guide().title, c.guide().version, o)},
                      {"groups", groups}}}};
  return doc.dump(2) + "\n";
}

std::string to_oscal_profile(const Catalog& c, Maturity m, const OscalOptions& o) {
  json ids = json::array(), alters = json::array();
  for (const Practice* p : c.practices(PracticeFilter{m, std::nullopt})) {
    ids.push_back(p->id);
    if (p->scope_at(m) == Scope::priority)
      alters.push_back(
          {{"control-id", p->id}, {"adds", json::array({{{"props", json::array({prop("priority", "true")})}}})}});
  }
  const std::string level = std::string(to_string(m));
  json profile = {{"uuid", uuid_v5("profile/" + c.guide().version + "/level-" + level)},
                  {"metadata", metadata(c.guide().title + ": what applies at " + level_name(m), c.guide().version, o)},
                  {"imports", json::array({{{"href", "#" + uuid_v5("catalog/" + c.guide().version)},
                                            {"include-controls", json::array({{{"with-ids", ids}}})}}})}};
  if (!alters.empty()) profile["modify"] = {{"alters", alters}};
  return json({{"profile", profile}}).dump(2) + "\n";
}

std::string to_oscal_assessment_results(const Catalog& c, const Assessment& a, const OscalOptions& o) {
  const Scorecard card = score(c, a);
  const std::string base = "assessment/" + a.jurisdiction.id + "/" + a.catalog_version;
  json observations = observations_of(c, a, base, o), findings = json::array();
  for (const auto& p : card.practices) {
    const bool satisfied = p.actions_done == p.actions_applicable;
    std::vector<std::string> applicable;
    for (const Action* action : c.applicable_actions(p.practice, a.maturity)) applicable.push_back(action->id);
    const json related = related_observations(a, base, applicable);
    json finding = {
        {"uuid", uuid_v5(base + "/finding/" + p.practice)},
        {"title", c.practice(p.practice).title},
        {"description", std::to_string(p.actions_done) + " of " + std::to_string(p.actions_applicable) +
                            " applicable actions done, " + std::to_string(p.actions_in_progress) + " in progress"},
        {"props", json::array({prop("scope", std::string(to_string(p.scope))),
                               prop("completion", std::to_string(static_cast<int>(p.completion * 100 + 0.5)) + "%")})},
        {"target",
         {{"type", "objective-id"},
          {"target-id", p.practice},
          {"status", {{"state", satisfied ? "satisfied" : "not-satisfied"}}}}}};
    if (!related.empty()) finding["related-observations"] = related;
    findings.push_back(std::move(finding));
  }
  json result = {{"uuid", uuid_v5(base + "/result")},
                 {"title", "Self-assessment of " + a.jurisdiction.name},
                 {"description", a.jurisdiction.name + " (" + a.jurisdiction.id + "), " + level_name(a.maturity) +
                                     ": " + std::to_string(card.actions_done) + " of " +
                                     std::to_string(card.actions_applicable) + " applicable actions done"},
                 {"props", json::array({prop("office", a.jurisdiction.id)})},
                 {"start", o.timestamp},
                 {"reviewed-controls", {{"control-selections", json::array({{{"include-all", json::object()}}})}}}};
  if (!observations.empty()) result["observations"] = observations;
  if (!findings.empty()) result["findings"] = findings;
  const json doc = {{"assessment-results",
                     {{"uuid", uuid_v5(base)},
                      {"metadata", metadata("Assessment results: " + a.jurisdiction.name, a.catalog_version, o)},
                      {"import-ap", {{"href", "#" + uuid_v5(base + "/plan")}}},
                      {"results", json::array({result})}}}};
  return doc.dump(2) + "\n";
}

std::string to_oscal_poam(const Catalog& c, const Assessment& a, const OscalOptions& o) {
  // The observations share the assessment results' UUIDs: the same note is the same
  // observation in both documents.
  const std::string base = "assessment/" + a.jurisdiction.id + "/" + a.catalog_version;
  const std::string poam = "poam/" + a.jurisdiction.id + "/" + a.catalog_version;
  const Plan plan = build_plan(c, a.maturity, a);
  const std::string level = std::string(to_string(a.maturity));
  // One risk per practice with actions still open at the office's level, in index order:
  // each open action a planned response (in progress) or a recommendation (not started).
  std::map<std::string, std::vector<std::string>> open_by_practice;
  for (const PlanStep& step : plan.steps)
    for (const std::string& id : step.actions) open_by_practice[c.practice_of_action(id).id].push_back(id);
  json risks = json::array();
  for (const Practice& p : c.practices()) {
    const auto open = open_by_practice.find(p.id);
    if (open == open_by_practice.end()) continue;
    // Applicable as the scorecard counts them: not those the office marked not applicable.
    std::size_t applicable = 0;
    for (const Action* action : c.applicable_actions(p.id, a.maturity)) {
      const auto st = a.statuses.find(action->id);
      if (st == a.statuses.end() || st->second.status != Status::not_applicable) ++applicable;
    }
    json remediations = json::array();
    std::size_t started = 0;
    for (const std::string& id : open->second) {
      const auto st = a.statuses.find(id);
      const bool in_progress = st != a.statuses.end() && st->second.status == Status::in_progress;
      started += in_progress ? 1 : 0;
      remediations.push_back({{"uuid", uuid_v5(poam + "/response/" + id)},
                              {"lifecycle", in_progress ? "planned" : "recommendation"},
                              {"title", id},
                              {"description", c.action(id).text},
                              {"props", json::array({prop("status", in_progress ? "in_progress" : "not_started")})}});
    }
    json risk = {
        {"uuid", uuid_v5(poam + "/risk/" + p.id)},
        {"title", p.title},
        {"description", std::to_string(open->second.size()) + " of " + std::to_string(applicable) +
                            " applicable actions of this practice are not done at Level " + level + " (" +
                            std::to_string(started) + " in progress)"},
        {"statement", p.summary.empty() ? p.title : p.summary},
        {"props", json::array({prop("practice", p.id), prop("scope", std::string(to_string(p.scope_at(a.maturity))))})},
        {"status", started > 0 ? "remediating" : "open"},
        {"remediations", remediations}};
    const json related = related_observations(a, base, open->second);
    if (!related.empty()) risk["related-observations"] = related;
    risks.push_back(std::move(risk));
  }
  // One item per step of the plan, in its order, with the reason it stands there.
  json items = json::array();
  for (const PlanStep& step : plan.steps) {
    json props = json::array({prop("rank", std::to_string(step.rank)), prop("kind", std::string(to_string(step.kind))),
                              prop("step", step.id)});
    for (const std::string& id : step.actions) props.push_back(prop("action", id));
    json related_risks = json::array();
    std::vector<std::string> practices;
    for (const std::string& id : step.actions) {
      const std::string& practice = c.practice_of_action(id).id;
      if (std::find(practices.begin(), practices.end(), practice) != practices.end()) continue;
      practices.push_back(practice);
      related_risks.push_back({{"risk-uuid", uuid_v5(poam + "/risk/" + practice)}});
    }
    json item = {{"uuid", uuid_v5(poam + "/item/" + std::string(to_string(step.kind)) + "/" + step.id)},
                 {"title", step_title(c, step)},
                 {"description", step.reason + ". " + std::to_string(step.actions.size()) +
                                     (step.actions.size() == 1 ? " action" : " actions") + " to do."},
                 {"props", props}};
    const json related = related_observations(a, base, step.actions);
    if (!related.empty()) item["related-observations"] = related;
    if (!related_risks.empty()) item["related-risks"] = related_risks;
    items.push_back(std::move(item));
  }
  json doc = {{"uuid", uuid_v5(poam)},
              {"metadata", metadata("Plan of action: " + a.jurisdiction.name, a.catalog_version, o)},
              {"system-id", {{"identifier-type", std::string(oscal_namespace)}, {"id", a.jurisdiction.id}}}};
  const json observations = observations_of(c, a, base, o);
  if (!observations.empty()) doc["observations"] = observations;
  if (!risks.empty()) doc["risks"] = risks;
  // OSCAL asks for at least one item: an office with nothing left to do says so in one.
  if (items.empty())
    items.push_back({{"uuid", uuid_v5(poam + "/item/none")},
                     {"title", "Nothing left to do at Level " + level},
                     {"description", "Every applicable action at Level " + level + " is done or not applicable."}});
  doc["poam-items"] = items;
  return json({{"plan-of-action-and-milestones", doc}}).dump(2) + "\n";
}

namespace {

// The values of the electsec properties named `name` (in electsec's namespace); ParseError
// through `problem` when `props` is there and is not a list of properties.
template <typename Problem>
std::vector<const json*> own_props(const json& owner, const char* name, const std::string& at, const Problem& problem) {
  std::vector<const json*> values;
  const auto props = owner.find("props");
  if (props == owner.end()) return values;
  if (!props->is_array()) throw problem(at + "/props", "a list of properties, not " + std::string(props->type_name()));
  for (const json& p : *props)
    if (p.is_object() && p.value("name", "") == name && p.value("ns", "") == oscal_namespace && p.contains("value"))
      values.push_back(&p["value"]);
  return values;
}

// A moment as text that orders by time: a date is its midnight, a fraction of a second has
// nine digits; "" for what is not an ISO date or UTC date-time.
std::string moment(const std::string& at) {
  if (!is_iso_timestamp(at)) return {};
  return store::key_of(at.size() == 10 ? at + "T00:00:00Z" : at);
}

}  // namespace

OscalImport parse_oscal_assessment_results(std::string_view text, const Catalog& c, const Assessment& office,
                                           std::string_view source) {
  const std::string name(source);
  const json doc = detail::parse_json(text, source);
  // A problem at a place of the document: its line, column and JSON pointer.
  const auto problem = [&](const std::string& pointer, const std::string& said) {
    const auto at = detail::position_of(text, detail::locate(text, pointer));
    return ParseError(name, at.line, at.column, pointer, said);
  };
  if (!doc.is_object() || !doc.contains("assessment-results") || !doc["assessment-results"].is_object()) {
    const std::string found = !doc.is_object() ? "it is no JSON object"
                              : doc.empty()    ? "it is an empty object"
                                               : "its top-level key is '" + doc.begin().key() + "'";
    throw problem("", "not OSCAL assessment results (" + found + ")");
  }
  const json& ar = doc["assessment-results"];
  const auto results = ar.find("results");
  if (results == ar.end() || !results->is_array() || results->size() != 1)
    throw problem(
        "/assessment-results/results",
        "electsec reads results with one result, as it writes them; this has " +
            std::string(results == ar.end() || !results->is_array() ? "none" : std::to_string(results->size())));
  const json& result = (*results)[0];
  const std::string base = "/assessment-results/results/0";
  if (!result.is_object()) throw problem(base, "a result is an object");
  const auto offices = own_props(result, "office", base, problem);
  if (offices.size() != 1 || !offices[0]->is_string())
    throw problem(base, offices.empty() ? "no electsec property 'office' naming the office: not results electsec wrote"
                        : offices.size() > 1 ? "two electsec properties 'office'"
                                             : "the electsec property 'office' is not text");
  const std::string named = offices[0]->get<std::string>();
  if (named != office.jurisdiction.id)
    throw problem(base + "/props", "these are the results of office '" + named + "', and the file is office '" +
                                       office.jurisdiction.id + "'");
  const auto metadata = ar.find("metadata");
  if (metadata != ar.end() && metadata->is_object() && metadata->contains("version") &&
      (*metadata)["version"].is_string() && (*metadata)["version"].get<std::string>() != office.catalog_version)
    throw problem("/assessment-results/metadata/version", "these results are of release " +
                                                              (*metadata)["version"].get<std::string>() +
                                                              " of the guide, and the file of release " +
                                                              office.catalog_version + " (migrate one of them first)");
  OscalImport out;
  const auto observations = result.find("observations");
  if (observations == result.end()) return out;
  if (!observations->is_array()) throw problem(base + "/observations", "observations are a list");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < observations->size(); ++i) {
    const json& o = (*observations)[i];
    const std::string at = base + "/observations/" + std::to_string(i);
    if (!o.is_object()) throw problem(at, "an observation is an object");
    const std::string title = o.contains("title") && o["title"].is_string() ? o["title"].get<std::string>() : "";
    const std::string label = "observation " + std::to_string(i + 1) + (title.empty() ? "" : " '" + title + "'");
    const auto statuses = own_props(o, "status", at, problem);
    if (title.empty() || c.find_action(title) == nullptr) {
      out.unmatched.push_back(label + ": its title is no action id of release " + c.guide().version);
      continue;
    }
    if (statuses.empty()) {
      out.unmatched.push_back(label + ": it has no electsec property 'status'");
      continue;
    }
    if (statuses.size() > 1) throw problem(at + "/props", "two electsec properties 'status' for " + title);
    if (!statuses[0]->is_string()) throw problem(at + "/props", "the status of " + title + " is not text");
    if (!seen.insert(title).second) throw problem(at + "/title", title + " has a second observation");
    StatusRow row;
    row.action = title;
    try {
      row.status = parse_status(statuses[0]->get<std::string>());
    } catch (const Error&) {
      throw problem(at + "/props", "'" + statuses[0]->get<std::string>() +
                                       "' is no status (not_started, in_progress, done or not_applicable)");
    }
    const auto remarks = o.find("remarks");
    if (remarks != o.end() && !remarks->is_string()) throw problem(at + "/remarks", "the note (remarks) is not text");
    row.note = remarks == o.end() ? std::string() : remarks->get<std::string>();
    row.line = detail::position_of(text, detail::locate(text, at)).line;
    // What the file recorded after the results were made is not undone by them: an
    // observation electsec wrote carries its status's fingerprint then; one another tool
    // added is older than the file's change when collected before it (or undated).
    const auto now = office.statuses.find(title);
    if (now != office.statuses.end() && (now->second.status != row.status || now->second.note != *row.note)) {
      const auto records = own_props(o, "record", at, problem);
      bool stale = false;
      if (!records.empty()) {
        stale = !records[0]->is_string() || records[0]->get<std::string>() != record_of(now->second);
      } else {
        const bool dated = o.contains("collected") && o["collected"].is_string();
        const std::string collected = dated ? moment(o["collected"].get<std::string>()) : "";
        const std::string updated = moment(now->second.updated);
        stale = !updated.empty() && (collected.empty() || updated >= collected);
      }
      if (stale) {
        out.changed_since.push_back(title + ": the file changed it (" + std::string(to_string(now->second.status)) +
                                    ", " + now->second.updated + ") since these results were made");
        continue;
      }
    }
    out.statuses.push_back(std::move(row));
  }
  return out;
}

}  // namespace electsec
