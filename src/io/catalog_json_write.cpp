// A whole catalog as JSON text, written directly rather than through a tree (issue #18: the
// tree of a 234 KB catalog cost more than writing it). Every field in the order and shape
// of json_encode.cpp's encode(), which stays the definition: the tests compare the two
// byte for byte.
#include "json_codec.hpp"
#include "json_writer.hpp"

#include <electsec/catalog_json.hpp>

namespace electsec::detail {

namespace {

void write(JsonWriter& w, const Link& l) {
  w.begin_object();
  w.key("title");
  w.value(l.title);
  w.key("url");
  w.value(l.url);
  w.end_object();
}

// Each value type, declared first so that write_all finds every overload.
void write(JsonWriter& w, const MaturityLevel& l);
void write(JsonWriter& w, const MaturityStatement& s);
void write(JsonWriter& w, const Goal& g);
void write(JsonWriter& w, const Action& a);
void write(JsonWriter& w, const Paragraph& p);
void write(JsonWriter& w, const Tool& t);
void write(JsonWriter& w, const SafeguardMapping& m);
void write(JsonWriter& w, const Practice& p);
void write(JsonWriter& w, const Control& c);
void write(JsonWriter& w, const Safeguard& s);
void write(JsonWriter& w, const Worksheet& s);
void write(JsonWriter& w, const CdmRank& r);
void write(JsonWriter& w, const HandbookPractice& h);
void write(JsonWriter& w, const GlossaryEntry& g);
void write(JsonWriter& w, const Acronym& a);
void write(JsonWriter& w, const GuidanceSource& s);
void write(JsonWriter& w, const RelatedPractice& r);
void write(JsonWriter& w, const Recommendation& r);
void write(JsonWriter& w, const ConnectednessClass& c);
void write(JsonWriter& w, const SystemRisk& r);
void write(JsonWriter& w, const ComponentConnection& c);
void write(JsonWriter& w, const ComponentVariant& v);
void write(JsonWriter& w, const SystemComponent& c);
void write(JsonWriter& w, const SystemLink& l);

template <typename T>
void write_all(JsonWriter& w, const std::vector<T>& items) {
  w.begin_array();
  for (const auto& item : items) write(w, item);
  w.end_array();
}

// `links` is written only when there are some, last (as with_links() adds it).
void write_links(JsonWriter& w, const std::vector<Link>& links) {
  if (links.empty()) return;
  w.key("links");
  write_all(w, links);
}

void write_level(JsonWriter& w, const std::optional<Maturity>& m) {
  if (m)
    w.value(static_cast<int>(*m));
  else
    w.null();
}

void write_group(JsonWriter& w, const std::optional<std::string>& group) {
  if (group)
    w.value(*group);
  else
    w.null();
}

void write(JsonWriter& w, const MaturityLevel& l) {
  w.begin_object();
  w.key("level");
  w.value(static_cast<int>(l.level));
  w.key("name");
  w.value(l.name);
  w.key("description");
  w.value(l.description);
  w.end_object();
}

void write(JsonWriter& w, const MaturityStatement& s) {
  w.begin_object();
  w.key("id");
  w.value(s.id);
  w.key("level");
  w.value(static_cast<int>(s.level));
  w.key("text");
  w.value(s.text);
  write_links(w, s.links);
  w.end_object();
}

void write(JsonWriter& w, const Goal& g) {
  w.begin_object();
  w.key("id");
  w.value(g.id);
  w.key("text");
  w.value(g.text);
  w.key("maturity");
  write_level(w, g.maturity);
  write_links(w, g.links);
  w.end_object();
}

void write(JsonWriter& w, const Action& a) {
  w.begin_object();
  w.key("id");
  w.value(a.id);
  w.key("levels");
  w.begin_array();
  for (const Maturity m : a.levels) w.value(static_cast<int>(m));
  w.end_array();
  w.key("group");
  write_group(w, a.group);
  w.key("text");
  w.value(a.text);
  write_links(w, a.links);
  w.end_object();
}

void write(JsonWriter& w, const Paragraph& p) {
  w.begin_object();
  w.key("block");
  w.value(p.block);
  w.key("group");
  write_group(w, p.group);
  w.key("after");
  w.value(p.after);
  w.key("kind");
  w.value(to_string(p.kind));
  w.key("text");
  w.value(p.text);
  write_links(w, p.links);
  w.end_object();
}

void write(JsonWriter& w, const Tool& t) {
  w.begin_object();
  w.key("name");
  w.value(t.name);
  w.key("url");
  w.value(t.url);
  w.key("description");
  w.value(t.description);
  w.end_object();
}

void write(JsonWriter& w, const SafeguardMapping& m) {
  w.begin_object();
  w.key("id");
  w.value(m.safeguard);
  w.key("maturity");
  write_level(w, m.maturity);
  w.end_object();
}

void write(JsonWriter& w, const Practice& p) {
  w.begin_object();
  w.key("id");
  w.value(p.id);
  w.key("title");
  w.value(p.title);
  w.key("order");
  w.value(p.order);
  w.key("scopes");
  w.begin_array();
  for (const Scope s : p.scopes) w.value(to_string(s));
  w.end_array();
  w.key("summary");
  w.value(p.summary);
  write_links(w, p.links);
  w.key("goals");
  write_all(w, p.goals);
  w.key("actions");
  write_all(w, p.actions);
  if (!p.paragraphs.empty()) {
    w.key("paragraphs");
    write_all(w, p.paragraphs);
  }
  w.key("tools");
  write_all(w, p.tools);
  w.key("learn_more");
  write_all(w, p.learn_more);
  w.key("safeguards");
  write_all(w, p.safeguards);
  w.key("handbook");
  w.values(p.handbook);
  w.end_object();
}

void write(JsonWriter& w, const Control& c) {
  w.begin_object();
  w.key("id");
  w.value(c.id);
  w.key("title");
  w.value(c.title);
  w.end_object();
}

void write(JsonWriter& w, const Safeguard& s) {
  w.begin_object();
  w.key("id");
  w.value(s.id);
  w.key("control");
  w.value(s.control);
  w.key("title");
  w.value(s.title);
  w.key("asset_type");
  w.value(to_string(s.asset_type));
  w.key("security_function");
  w.value(to_string(s.security_function));
  w.key("implementation_groups");
  w.begin_array();
  for (const auto g : s.implementation_groups) w.value(static_cast<int>(g));
  w.end_array();
  w.key("depends_on");
  w.values(s.depends_on);
  w.end_object();
}

void write(JsonWriter& w, const Worksheet& s) {
  w.begin_object();
  w.key("id");
  w.value(s.id);
  w.key("name");
  w.value(s.name);
  w.key("group");
  w.value(s.group);
  w.key("actions");
  w.values(s.actions);
  w.end_object();
}

void write(JsonWriter& w, const CdmRank& r) {
  w.begin_object();
  w.key("rank");
  w.value(r.rank);
  w.key("safeguard");
  w.value(r.safeguard);
  w.key("practice");
  w.value(r.practice);
  w.end_object();
}

void write(JsonWriter& w, const Priorities& p) {
  w.begin_object();
  w.key("level1_baseline");
  write_all(w, p.level1_baseline);
  w.key("level1_election");
  w.values(p.level1_election);
  w.key("cdm_ranking");
  write_all(w, p.cdm_ranking);
  w.end_object();
}

void write(JsonWriter& w, const HandbookPractice& h) {
  w.begin_object();
  w.key("number");
  w.value(h.number);
  w.key("title");
  w.value(h.title);
  w.key("practices");
  w.values(h.practices);
  w.end_object();
}

void write(JsonWriter& w, const GlossaryEntry& g) {
  w.begin_object();
  w.key("term");
  w.value(g.term);
  w.key("definition");
  w.value(g.definition);
  write_links(w, g.links);
  w.end_object();
}

void write(JsonWriter& w, const Acronym& a) {
  w.begin_object();
  w.key("term");
  w.value(a.term);
  w.key("expansion");
  w.value(a.expansion);
  w.end_object();
}

void write(JsonWriter& w, const GuidanceSource& s) {
  w.begin_object();
  w.key("id");
  w.value(s.id);
  w.key("title");
  w.value(s.title);
  w.key("publisher");
  w.value(s.publisher);
  w.key("date");
  w.value(s.date);
  w.key("url");
  w.value(s.url);
  w.key("partners");
  w.values(s.partners);
  w.end_object();
}

void write(JsonWriter& w, const RelatedPractice& r) {
  w.begin_object();
  w.key("practice");
  w.value(r.practice);
  w.key("reason");
  w.value(r.reason);
  w.key("provenance");
  w.value(r.provenance);
  w.end_object();
}

void write(JsonWriter& w, const Recommendation& r) {
  w.begin_object();
  w.key("id");
  w.value(r.id);
  w.key("source");
  w.value(r.source);
  w.key("audience");
  w.value(r.audience);
  w.key("category");
  w.value(r.category);
  w.key("title");
  w.value(r.title);
  w.key("text");
  w.value(r.text);
  w.key("practices");
  write_all(w, r.practices);
  w.key("safeguards");
  w.values(r.safeguards);
  w.key("links");
  write_all(w, r.links);
  w.end_object();
}

void write(JsonWriter& w, const ConnectednessClass& c) {
  w.begin_object();
  w.key("id");
  w.value(to_string(c.id));
  w.key("title");
  w.value(c.title);
  w.key("label");
  w.value(c.label);
  w.key("text");
  w.value(c.text);
  w.key("examples");
  w.values(c.examples);
  w.end_object();
}

void write(JsonWriter& w, const SystemRisk& r) {
  w.begin_object();
  w.key("id");
  w.value(r.id);
  w.key("title");
  w.value(r.title);
  w.key("text");
  w.value(r.text);
  w.end_object();
}

void write(JsonWriter& w, const ComponentConnection& c) {
  w.begin_object();
  w.key("connectedness");
  w.value(to_string(c.connectedness));
  w.key("occurs");
  w.boolean(c.occurs);
  w.key("text");
  w.value(c.text);
  w.end_object();
}

void write(JsonWriter& w, const ComponentVariant& v) {
  w.begin_object();
  w.key("name");
  w.value(v.name);
  w.key("text");
  w.value(v.text);
  w.key("connectedness");
  if (v.connectedness)
    w.value(to_string(*v.connectedness));
  else
    w.null();
  w.end_object();
}

void write(JsonWriter& w, const SystemComponent& c) {
  w.begin_object();
  w.key("id");
  w.value(c.id);
  w.key("title");
  w.value(c.title);
  w.key("page");
  w.value(c.page);
  w.key("summary");
  w.value(c.summary);
  w.key("inputs");
  w.values(c.inputs);
  w.key("outputs");
  w.values(c.outputs);
  w.key("variants");
  write_all(w, c.variants);
  w.key("risks");
  w.values(c.risks);
  w.key("connections");
  write_all(w, c.connections);
  w.end_object();
}

void write(JsonWriter& w, const SystemLink& l) {
  w.begin_object();
  w.key("subject");
  w.value(l.subject);
  w.key("practice");
  w.value(l.practice);
  w.key("reason");
  w.value(l.reason);
  w.key("provenance");
  w.value(l.provenance);
  w.end_object();
}

// Roughly the size of the text, so that the buffer grows once or not at all.
std::size_t expected_size(const CatalogData& d, int indent) {
  std::size_t n = 4096 + 700 * d.safeguards.size() + 400 * (d.glossary.size() + d.acronyms.size()) +
                  600 * d.guidance.recommendations.size() + 2048 * d.primer.components.size() +
                  300 * d.system_links.size();
  for (const auto& p : d.practices) n += 2048 + 600 * (p.actions.size() + p.goals.size() + p.tools.size());
  return indent < 0 ? n / 2 : n;
}

void write_catalog(JsonWriter& w, const CatalogData& d) {
  w.begin_object();
  w.key("schema");
  w.value(catalog_schema);
  w.key("guide");
  w.begin_object();
  w.key("title");
  w.value(d.guide.title);
  w.key("version");
  w.value(d.guide.version);
  w.end_object();
  w.key("maturity_levels");
  write_all(w, d.maturity_levels);
  w.key("maturity_statements");
  write_all(w, d.maturity_statements);
  w.key("practices");
  write_all(w, d.practices);
  w.key("controls");
  write_all(w, d.controls);
  w.key("safeguards");
  write_all(w, d.safeguards);
  w.key("priorities");
  write(w, d.priorities);
  w.key("handbook");
  write_all(w, d.handbook);
  w.key("glossary");
  write_all(w, d.glossary);
  w.key("acronyms");
  write_all(w, d.acronyms);
  w.key("guidance");
  w.begin_object();
  w.key("sources");
  write_all(w, d.guidance.sources);
  w.key("recommendations");
  write_all(w, d.guidance.recommendations);
  w.end_object();
  w.key("primer");
  w.begin_object();
  w.key("classes");
  write_all(w, d.primer.classes);
  w.key("risks");
  write_all(w, d.primer.risks);
  w.key("components");
  write_all(w, d.primer.components);
  w.end_object();
  w.key("system_links");
  write_all(w, d.system_links);
  w.end_object();
}

}  // namespace

std::string write_catalog_json(const CatalogData& d, int indent) {
  JsonWriter w(indent, expected_size(d, indent));
  write_catalog(w, d);
  return w.take();
}

void write_catalog_json(const CatalogData& d, int indent, const std::function<void(std::string_view)>& sink) {
  JsonWriter w(indent, sink, 1 << 16);
  write_catalog(w, d);
  w.finish();
}

}  // namespace electsec::detail
