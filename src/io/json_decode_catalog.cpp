// The catalog format's values, from JSON trees: every field checked, unknown keys refused.
#include "json_decode.hpp"

#include <electsec/catalog_json.hpp>

namespace electsec::detail {

namespace {

Link decode_link(const json& j, const std::string& path) {
  Object o(j, path, {"title", "url"});
  return {o.string("title"), o.string("url")};
}

Goal decode_goal(const json& j, const std::string& path) {
  Object o(j, path, {"id", "text", "maturity", "links"});
  return {o.string("id"), o.string("text"), optional_maturity(o, "maturity"), o.list("links", decode_link)};
}

Action decode_action(const json& j, const std::string& path) {
  Object o(j, path, {"id", "levels", "group", "text", "links"});
  Action a;
  a.id = o.string("id");
  o.required("levels");
  a.levels = o.list("levels", maturity_at);
  if (const json* g = o.optional("group"); g && !g->is_null()) a.group = Object::as_string(*g, o.at("group"));
  a.text = o.string("text");
  a.links = o.list("links", decode_link);
  return a;
}

Paragraph decode_paragraph(const json& j, const std::string& path) {
  Object o(j, path, {"block", "group", "after", "kind", "text", "links"});
  Paragraph p;
  p.block = o.string("block");
  if (const json* g = o.optional("group"); g && !g->is_null()) p.group = Object::as_string(*g, o.at("group"));
  p.after = o.string_or_empty("after");
  p.kind = enum_at(o.required("kind"), o.at("kind"), parse_paragraph_kind);
  p.text = o.string("text");
  p.links = o.list("links", decode_link);
  return p;
}

Tool decode_tool(const json& j, const std::string& path) {
  Object o(j, path, {"name", "url", "description"});
  return {o.string("name"), o.string("url"), o.string_or_empty("description")};
}

SafeguardMapping decode_mapping(const json& j, const std::string& path) {
  Object o(j, path, {"id", "maturity"});
  return {o.string("id"), optional_maturity(o, "maturity")};
}

Practice decode_practice(const json& j, const std::string& path) {
  Object o(j, path,
           {"id", "title", "order", "scopes", "summary", "links", "goals", "actions", "paragraphs", "tools",
            "learn_more", "safeguards", "handbook"});
  Practice p;
  p.id = o.string("id");
  p.title = o.string("title");
  p.order = o.integer("order");
  const json& scopes = o.required("scopes");
  if (!scopes.is_array() || scopes.size() != 3)
    throw DecodeError{o.at("scopes"), "expected an array of 3 scopes (Level 1, 2, 3)"};
  for (std::size_t i = 0; i < 3; ++i)
    p.scopes[i] = enum_at(scopes[i], o.at("scopes") + "/" + std::to_string(i), parse_scope);
  p.summary = o.string_or_empty("summary");
  p.links = o.list("links", decode_link);
  p.goals = o.list("goals", decode_goal);
  p.actions = o.list("actions", decode_action);
  p.paragraphs = o.list("paragraphs", decode_paragraph);
  p.tools = o.list("tools", decode_tool);
  p.learn_more = o.list("learn_more", decode_link);
  p.safeguards = o.list("safeguards", decode_mapping);
  p.handbook = o.list("handbook", int_item);
  return p;
}

Control decode_control(const json& j, const std::string& path) {
  Object o(j, path, {"id", "title"});
  return {o.integer("id"), o.string("title")};
}

Safeguard decode_safeguard(const json& j, const std::string& path) {
  Object o(j, path,
           {"id", "control", "title", "asset_type", "security_function", "implementation_groups", "depends_on"});
  Safeguard s;
  s.id = o.string("id");
  s.control = o.integer("control");
  s.title = o.string("title");
  s.asset_type = enum_at(o.required("asset_type"), o.at("asset_type"), parse_asset_type);
  s.security_function = enum_at(o.required("security_function"), o.at("security_function"), parse_security_function);
  o.required("implementation_groups");
  s.implementation_groups = o.list("implementation_groups", [](const json& v, const std::string& p) {
    const int n = Object::as_int(v, p);
    if (n < 1 || n > 3) throw DecodeError{p, "implementation group must be 1, 2 or 3, found " + std::to_string(n)};
    return static_cast<ImplementationGroup>(n);
  });
  s.depends_on = o.list("depends_on", string_item);
  return s;
}

MaturityLevel decode_level(const json& j, const std::string& path) {
  Object o(j, path, {"level", "name", "description"});
  return {maturity_at(o.required("level"), o.at("level")), o.string("name"), o.string_or_empty("description")};
}

MaturityStatement decode_statement(const json& j, const std::string& path) {
  Object o(j, path, {"id", "level", "text", "links"});
  return {o.string("id"), maturity_at(o.required("level"), o.at("level")), o.string("text"),
          o.list("links", decode_link)};
}

Worksheet decode_worksheet(const json& j, const std::string& path) {
  Object o(j, path, {"id", "name", "group", "actions"});
  return {o.string("id"), o.string("name"), o.string("group"), o.list("actions", string_item)};
}

CdmRank decode_rank(const json& j, const std::string& path) {
  Object o(j, path, {"rank", "safeguard", "practice"});
  return {o.integer("rank"), o.string("safeguard"), o.string("practice")};
}

Priorities decode_priorities(const json& j, const std::string& path) {
  Object o(j, path, {"level1_baseline", "level1_election", "cdm_ranking"});
  return {o.list("level1_baseline", decode_worksheet), o.list("level1_election", string_item),
          o.list("cdm_ranking", decode_rank)};
}

HandbookPractice decode_handbook(const json& j, const std::string& path) {
  Object o(j, path, {"number", "title", "practices"});
  return {o.integer("number"), o.string("title"), o.list("practices", string_item)};
}

GlossaryEntry decode_glossary(const json& j, const std::string& path) {
  Object o(j, path, {"term", "definition", "links"});
  return {o.string("term"), o.string("definition"), o.list("links", decode_link)};
}

Acronym decode_acronym(const json& j, const std::string& path) {
  Object o(j, path, {"term", "expansion"});
  return {o.string("term"), o.string("expansion")};
}

GuidanceSource decode_source(const json& j, const std::string& path) {
  Object o(j, path, {"id", "title", "publisher", "date", "url", "partners"});
  return {o.string("id"),
          o.string("title"),
          o.string_or_empty("publisher"),
          o.string_or_empty("date"),
          o.string_or_empty("url"),
          o.list("partners", string_item)};
}

RelatedPractice decode_related(const json& j, const std::string& path) {
  Object o(j, path, {"practice", "reason", "provenance"});
  return {o.string("practice"), o.string_or_empty("reason"), o.string_or_empty("provenance")};
}

Recommendation decode_recommendation(const json& j, const std::string& path) {
  Object o(j, path, {"id", "source", "audience", "category", "title", "text", "practices", "safeguards", "links"});
  return {o.string("id"),
          o.string("source"),
          o.string_or_empty("audience"),
          o.string_or_empty("category"),
          o.string("title"),
          o.string("text"),
          o.list("practices", decode_related),
          o.list("safeguards", string_item),
          o.list("links", decode_link)};
}

GuideInfo decode_guide(const json& j, const std::string& path) {
  Object g(j, path, {"title", "version"});
  return {g.string("title"), g.string("version")};
}

Guidance decode_guidance(const json& j, const std::string& path) {
  Object o(j, path, {"sources", "recommendations"});
  return {o.list("sources", decode_source), o.list("recommendations", decode_recommendation)};
}

Connectedness connectedness_at(const json& v, const std::string& path) { return enum_at(v, path, parse_connectedness); }

ConnectednessClass decode_class(const json& j, const std::string& path) {
  Object o(j, path, {"id", "title", "label", "text", "examples"});
  return {connectedness_at(o.required("id"), o.at("id")), o.string("title"), o.string_or_empty("label"),
          o.string_or_empty("text"), o.list("examples", string_item)};
}

SystemRisk decode_risk(const json& j, const std::string& path) {
  Object o(j, path, {"id", "title", "text"});
  return {o.string("id"), o.string("title"), o.string_or_empty("text")};
}

ComponentConnection decode_connection(const json& j, const std::string& path) {
  Object o(j, path, {"connectedness", "occurs", "text"});
  const json& occurs = o.required("occurs");
  if (!occurs.is_boolean()) wrong(occurs, o.at("occurs"), "true or false");
  return {connectedness_at(o.required("connectedness"), o.at("connectedness")), occurs.get<bool>(),
          o.string_or_empty("text")};
}

ComponentVariant decode_variant(const json& j, const std::string& path) {
  Object o(j, path, {"name", "text", "connectedness"});
  ComponentVariant v{o.string("name"), o.string_or_empty("text"), std::nullopt};
  if (const json* c = o.optional("connectedness"); c && !c->is_null())
    v.connectedness = connectedness_at(*c, o.at("connectedness"));
  return v;
}

SystemComponent decode_component(const json& j, const std::string& path) {
  Object o(j, path, {"id", "title", "page", "summary", "inputs", "outputs", "variants", "risks", "connections"});
  return {o.string("id"),
          o.string("title"),
          o.string_or_empty("page"),
          o.string_or_empty("summary"),
          o.list("inputs", string_item),
          o.list("outputs", string_item),
          o.list("variants", decode_variant),
          o.list("risks", string_item),
          o.list("connections", decode_connection)};
}

Primer decode_primer(const json& j, const std::string& path) {
  Object o(j, path, {"classes", "risks", "components"});
  return {o.list("classes", decode_class), o.list("risks", decode_risk), o.list("components", decode_component)};
}

SystemLink decode_system_link(const json& j, const std::string& path) {
  Object o(j, path, {"subject", "practice", "reason", "provenance"});
  return {o.string("subject"), o.string("practice"), o.string_or_empty("reason"), o.string("provenance")};
}

}  // namespace

CatalogData decode_catalog(const json& doc) {
  Object o(doc, "",
           {"schema", "guide", "maturity_levels", "maturity_statements", "practices", "controls", "safeguards",
            "priorities", "handbook", "glossary", "acronyms", "guidance", "primer", "system_links"});
  const std::string schema = o.string("schema");
  if (schema != catalog_schema)
    throw DecodeError{"/schema", "expected \"" + std::string(catalog_schema) + "\", found \"" + schema + "\""};
  CatalogData d;
  d.guide = decode_guide(o.required("guide"), "/guide");
  d.maturity_levels = o.list("maturity_levels", decode_level);
  d.maturity_statements = o.list("maturity_statements", decode_statement);
  d.practices = o.list("practices", decode_practice);
  d.controls = o.list("controls", decode_control);
  d.safeguards = o.list("safeguards", decode_safeguard);
  if (const json* p = o.optional("priorities")) d.priorities = decode_priorities(*p, "/priorities");
  d.handbook = o.list("handbook", decode_handbook);
  d.glossary = o.list("glossary", decode_glossary);
  d.acronyms = o.list("acronyms", decode_acronym);
  if (const json* g = o.optional("guidance")) d.guidance = decode_guidance(*g, "/guidance");
  if (const json* p = o.optional("primer")) d.primer = decode_primer(*p, "/primer");
  d.system_links = o.list("system_links", decode_system_link);
  return d;
}

#define ELECTSEC_DECODE_WITH(T, fn)  \
  template <>                        \
  T decode_value<T>(const json& j) { \
    return fn(j, "");                \
  }
ELECTSEC_DECODE_WITH(GuideInfo, decode_guide)
ELECTSEC_DECODE_WITH(MaturityLevel, decode_level)
ELECTSEC_DECODE_WITH(MaturityStatement, decode_statement)
ELECTSEC_DECODE_WITH(Goal, decode_goal)
ELECTSEC_DECODE_WITH(Action, decode_action)
ELECTSEC_DECODE_WITH(Paragraph, decode_paragraph)
ELECTSEC_DECODE_WITH(Tool, decode_tool)
ELECTSEC_DECODE_WITH(Link, decode_link)
ELECTSEC_DECODE_WITH(SafeguardMapping, decode_mapping)
ELECTSEC_DECODE_WITH(Practice, decode_practice)
ELECTSEC_DECODE_WITH(Control, decode_control)
ELECTSEC_DECODE_WITH(Safeguard, decode_safeguard)
ELECTSEC_DECODE_WITH(Worksheet, decode_worksheet)
ELECTSEC_DECODE_WITH(CdmRank, decode_rank)
ELECTSEC_DECODE_WITH(Priorities, decode_priorities)
ELECTSEC_DECODE_WITH(HandbookPractice, decode_handbook)
ELECTSEC_DECODE_WITH(GlossaryEntry, decode_glossary)
ELECTSEC_DECODE_WITH(Acronym, decode_acronym)
ELECTSEC_DECODE_WITH(GuidanceSource, decode_source)
ELECTSEC_DECODE_WITH(RelatedPractice, decode_related)
ELECTSEC_DECODE_WITH(Recommendation, decode_recommendation)
ELECTSEC_DECODE_WITH(Guidance, decode_guidance)
ELECTSEC_DECODE_WITH(ConnectednessClass, decode_class)
ELECTSEC_DECODE_WITH(SystemRisk, decode_risk)
ELECTSEC_DECODE_WITH(ComponentConnection, decode_connection)
ELECTSEC_DECODE_WITH(ComponentVariant, decode_variant)
ELECTSEC_DECODE_WITH(SystemComponent, decode_component)
ELECTSEC_DECODE_WITH(Primer, decode_primer)
ELECTSEC_DECODE_WITH(SystemLink, decode_system_link)
#undef ELECTSEC_DECODE_WITH

template <>
CatalogData decode_value<CatalogData>(const json& j) {
  return decode_catalog(j);
}

}  // namespace electsec::detail
