#include "json_codec.hpp"

#include "json_locate.hpp"
#include "text.hpp"

#include <electsec/catalog_json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>
#include <initializer_list>
#include <type_traits>

namespace electsec::detail {

const char* type_name(nlohmann::detail::value_t type) {
  using value_t = nlohmann::detail::value_t;
  switch (type) {
    case value_t::null: return "null";
    case value_t::boolean: return "a boolean";
    case value_t::string: return "a string";
    case value_t::array: return "an array";
    case value_t::object: return "an object";
    case value_t::number_float: return "a fractional number";
    default: return "a number";
  }
}

const char* type_name(const json& j) { return type_name(j.type()); }

std::string pointer_token(std::string_view key) {
  if (key.find_first_of("~/") == std::string_view::npos) return std::string(key);
  std::string escaped;
  for (char c : key) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return escaped;
}

namespace {

[[noreturn]] void fail_at(std::string_view text, std::string_view source, std::size_t offset, const std::string& what) {
  const TextPosition pos = position_of(text, offset);
  throw ParseError(std::string(source), pos.line, pos.column, "", what);
}

// The text of a key as the parser will see it: escapes decoded (so "a" and "\u0061" are
// the same key).
std::string key_text(std::string_view raw) {
  if (raw.find('\\') == std::string_view::npos) return std::string(raw.substr(1, raw.size() - 2));
  try {
    return nlohmann::json::parse(raw).get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return std::string(raw);  // malformed: the parser reports it
  }
}

// At most 60 bytes of a key for a message, cut before a character, not inside one.
std::string shortened(const std::string& key) {
  return key.size() <= 60 ? key : std::string(cut_before_character(key, 60)) + "...";
}

// One pass before nlohmann sees the text, for what it would accept but must not be: input
// over the size limit; nesting deep enough to matter; a NUL byte, where nlohmann would stop
// reading and accept whatever followed; and a key given twice in one object, which
// nlohmann would resolve silently (last wins). Strings are skipped quote to quote.
void check_limits(std::string_view text, std::string_view source) {
  if (text.size() > max_input_bytes)
    throw ParseError(std::string(source), 0, 0, "",
                     "input of " + std::to_string(text.size()) + " bytes is over the limit of " +
                         std::to_string(max_input_bytes) + " bytes");
  if (const void* nul = std::memchr(text.data(), '\0', text.size()))
    fail_at(text, source, static_cast<std::size_t>(static_cast<const char*>(nul) - text.data()),
            "invalid JSON: a NUL byte");
  struct Container {
    bool object;
    std::unordered_set<std::string> keys;
  };
  std::vector<Container> open;
  const char* const data = text.data();
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = data[i];
    if (c == '"') {  // skip the string: jump from quote to quote, minding escapes
      const std::size_t start = i;
      while (true) {
        const void* q = std::memchr(data + i + 1, '"', text.size() - i - 1);
        if (q == nullptr) return;  // unterminated: the parser reports it
        std::size_t end = static_cast<std::size_t>(static_cast<const char*>(q) - data);
        std::size_t slashes = 0;
        while (end - slashes > i + 1 && data[end - slashes - 1] == '\\') ++slashes;
        i = end;
        if (slashes % 2 == 0) break;
      }
      if (open.empty() || !open.back().object) continue;
      std::size_t next = i + 1;
      while (next < text.size() && (data[next] == ' ' || data[next] == '\n' || data[next] == '\r' || data[next] == '\t'))
        ++next;
      if (next >= text.size() || data[next] != ':') continue;  // a value, not a key
      std::string key = key_text(text.substr(start, i - start + 1));
      if (!open.back().keys.insert(key).second)
        fail_at(text, source, start, "invalid JSON: key '" + shortened(key) + "' given twice in one object");
    } else if (c == '[' || c == '{') {
      if (open.size() + 1 > max_nesting_depth)
        fail_at(text, source, i, "nesting deeper than " + std::to_string(max_nesting_depth) + " levels");
      open.push_back({c == '{', {}});
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
  }
}

}  // namespace

namespace {

// Any nlohmann parse into J, with the limits checked first and every failure a ParseError.
template <typename J>
J parse_as(std::string_view text, std::string_view source) {
  check_limits(text, source);
  try {
    return J::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts characters read, so the offending one is at byte - 1.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const TextPosition pos = position_of(text, offset);
    std::string what = e.what();
    const auto at = what.find("syntax error");
    if (at != std::string::npos) what = what.substr(at);
    throw ParseError(std::string(source), pos.line, pos.column, "", "invalid JSON: " + what);
  } catch (const nlohmann::json::exception& e) {
    // Other parser failures, e.g. a number too large for a double (found by fuzzing). The
    // message quotes the offending text ('1e400'): its first place in the text is where.
    std::string what = e.what();
    const auto at = what.find("] ");
    if (at != std::string::npos) what = what.substr(at + 2);
    TextPosition pos{0, 0};
    const auto open = what.find('\''), close = open == std::string::npos ? open : what.find('\'', open + 1);
    if (close != std::string::npos && close > open + 1) {
      const auto found = text.find(what.substr(open + 1, close - open - 1));
      if (found != std::string_view::npos) pos = position_of(text, found);
    }
    throw ParseError(std::string(source), pos.line, pos.column, "", "invalid JSON: " + what);
  }
}

}  // namespace

json parse_json(std::string_view text, std::string_view source) { return parse_as<json>(text, source); }

nlohmann::json parse_json_unordered(std::string_view text, std::string_view source) {
  return parse_as<nlohmann::json>(text, source);
}

ParseError located(const DecodeError& e, std::string_view text, std::string_view source) {
  const TextPosition pos = position_of(text, locate(text, e.pointer));
  return ParseError(std::string(source), pos.line, pos.column, e.pointer, e.expected);
}

namespace {

[[noreturn]] void wrong(const json& j, const std::string& path, const std::string& expected) {
  throw DecodeError{path, "expected " + expected + ", found " + type_name(j)};
}

// Reads one JSON object: rejects keys it does not know and names the missing ones.
class Object {
 public:
  Object(const json& j, std::string path, std::initializer_list<const char*> keys)
      : j_(j), path_(std::move(path)) {
    if (!j.is_object()) wrong(j, path_.empty() ? "/" : path_, "an object");
    for (const auto& item : j.items()) {
      const bool known = std::any_of(keys.begin(), keys.end(),
                                     [&](const char* k) { return item.key() == k; });
      if (!known) {
        std::string list;
        for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
        throw DecodeError{at(item.key()), "unknown field '" + item.key() + "' (known: " + list + ")"};
      }
    }
  }

  std::string at(std::string_view key) const { return path_ + "/" + pointer_token(key); }

  const json* optional(const char* key) const {
    const auto it = j_.find(key);
    return it == j_.end() ? nullptr : &*it;
  }

  const json& required(const char* key) const {
    const json* v = optional(key);
    if (v == nullptr) throw DecodeError{at(key), "missing required field '" + std::string(key) + "'"};
    return *v;
  }

  std::string string(const char* key) const { return as_string(required(key), at(key)); }

  std::string string_or_empty(const char* key) const {
    const json* v = optional(key);
    return v ? as_string(*v, at(key)) : std::string();
  }

  int integer(const char* key) const { return as_int(required(key), at(key)); }

  static std::string as_string(const json& v, const std::string& path) {
    if (!v.is_string()) wrong(v, path, "a string");
    return v.get<std::string>();
  }

  static int as_int(const json& v, const std::string& path) {
    if (integer_past_int64(v)) throw DecodeError{path, "integer out of range"};
    if (!v.is_number_integer()) wrong(v, path, "an integer");
    const auto n = v.get<long long>();
    if (n < -1000000000LL || n > 1000000000LL) throw DecodeError{path, "integer out of range"};
    return static_cast<int>(n);
  }

  // A list of items decoded one by one; a missing list is empty.
  template <typename F, typename T = std::invoke_result_t<F, const json&, const std::string&>>
  std::vector<T> list(const char* key, F each) const {
    std::vector<T> out;
    const json* v = optional(key);
    if (v == nullptr) return out;
    const std::string path = at(key);
    if (!v->is_array()) wrong(*v, path, "an array");
    out.reserve(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) out.push_back(each((*v)[i], path + "/" + std::to_string(i)));
    return out;
  }

 private:
  const json& j_;
  std::string path_;
};

// Turns an enum parser's electsec::Error into a DecodeError at `path`.
template <typename F>
auto enum_at(const json& v, const std::string& path, F parse) {
  const std::string text = Object::as_string(v, path);
  try {
    return parse(text);
  } catch (const Error& e) {
    throw DecodeError{path, e.what()};
  }
}

Maturity maturity_at(const json& v, const std::string& path) {
  const int n = Object::as_int(v, path);
  if (n < 1 || n > 3) throw DecodeError{path, "maturity must be 1, 2 or 3, found " + std::to_string(n)};
  return static_cast<Maturity>(n);
}

std::optional<Maturity> optional_maturity(const Object& o, const char* key) {
  const json* v = o.optional(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  return maturity_at(*v, o.at(key));
}

std::string string_item(const json& v, const std::string& path) { return Object::as_string(v, path); }
int int_item(const json& v, const std::string& path) { return Object::as_int(v, path); }

Goal decode_goal(const json& j, const std::string& path) {
  Object o(j, path, {"id", "text", "maturity"});
  return {o.string("id"), o.string("text"), optional_maturity(o, "maturity")};
}

Action decode_action(const json& j, const std::string& path) {
  Object o(j, path, {"id", "levels", "group", "text"});
  Action a;
  a.id = o.string("id");
  o.required("levels");
  a.levels = o.list("levels", maturity_at);
  if (const json* g = o.optional("group"); g && !g->is_null()) a.group = Object::as_string(*g, o.at("group"));
  a.text = o.string("text");
  return a;
}

Tool decode_tool(const json& j, const std::string& path) {
  Object o(j, path, {"name", "url", "description"});
  return {o.string("name"), o.string("url"), o.string_or_empty("description")};
}

Link decode_link(const json& j, const std::string& path) {
  Object o(j, path, {"title", "url"});
  return {o.string("title"), o.string("url")};
}

SafeguardMapping decode_mapping(const json& j, const std::string& path) {
  Object o(j, path, {"id", "maturity"});
  return {o.string("id"), optional_maturity(o, "maturity")};
}

Practice decode_practice(const json& j, const std::string& path) {
  Object o(j, path, {"id", "title", "order", "scopes", "summary", "goals", "actions", "tools",
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
  p.goals = o.list("goals", decode_goal);
  p.actions = o.list("actions", decode_action);
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
  Object o(j, path, {"id", "control", "title", "asset_type", "security_function",
                     "implementation_groups", "depends_on"});
  Safeguard s;
  s.id = o.string("id");
  s.control = o.integer("control");
  s.title = o.string("title");
  s.asset_type = enum_at(o.required("asset_type"), o.at("asset_type"), parse_asset_type);
  s.security_function =
      enum_at(o.required("security_function"), o.at("security_function"), parse_security_function);
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
  return {maturity_at(o.required("level"), o.at("level")), o.string("name"),
          o.string_or_empty("description")};
}

MaturityStatement decode_statement(const json& j, const std::string& path) {
  Object o(j, path, {"id", "level", "text"});
  return {o.string("id"), maturity_at(o.required("level"), o.at("level")), o.string("text")};
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
  Object o(j, path, {"term", "definition"});
  return {o.string("term"), o.string("definition")};
}

Acronym decode_acronym(const json& j, const std::string& path) {
  Object o(j, path, {"term", "expansion"});
  return {o.string("term"), o.string("expansion")};
}

GuidanceSource decode_source(const json& j, const std::string& path) {
  Object o(j, path, {"id", "title", "publisher", "date", "url", "partners"});
  return {o.string("id"),         o.string("title"),          o.string_or_empty("publisher"),
          o.string_or_empty("date"), o.string_or_empty("url"), o.list("partners", string_item)};
}

RelatedPractice decode_related(const json& j, const std::string& path) {
  Object o(j, path, {"practice", "reason"});
  return {o.string("practice"), o.string_or_empty("reason")};
}

Recommendation decode_recommendation(const json& j, const std::string& path) {
  Object o(j, path, {"id", "source", "audience", "category", "title", "text", "practices",
                     "safeguards", "links"});
  return {o.string("id"),       o.string("source"), o.string_or_empty("audience"),
          o.string_or_empty("category"), o.string("title"), o.string("text"),
          o.list("practices", decode_related), o.list("safeguards", string_item), o.list("links", decode_link)};
}

GuideInfo decode_guide(const json& j, const std::string& path) {
  Object g(j, path, {"title", "version"});
  return {g.string("title"), g.string("version")};
}

Guidance decode_guidance(const json& j, const std::string& path) {
  Object o(j, path, {"sources", "recommendations"});
  return {o.list("sources", decode_source), o.list("recommendations", decode_recommendation)};
}

json optional_level(const std::optional<Maturity>& m) {
  return m ? json(static_cast<int>(*m)) : json(nullptr);
}

}  // namespace

CatalogData decode_catalog(const json& doc) {
  Object o(doc, "", {"schema", "guide", "maturity_levels", "maturity_statements", "practices",
                     "controls", "safeguards", "priorities", "handbook", "glossary", "acronyms",
                     "guidance"});
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
  return d;
}

namespace {
// Every element through its own encode(); the overloads are declared in the header.
template <typename T>
json encode_all(const std::vector<T>& items) {
  json list = json::array();
  for (const auto& item : items) list.push_back(encode(item));
  return list;
}
}  // namespace

json encode(const GuideInfo& g) { return {{"title", g.title}, {"version", g.version}}; }

json encode(const MaturityLevel& l) {
  return {{"level", static_cast<int>(l.level)}, {"name", l.name}, {"description", l.description}};
}

json encode(const Goal& g) {
  return {{"id", g.id}, {"text", g.text}, {"maturity", optional_level(g.maturity)}};
}

json encode(const Action& a) {
  json levels = json::array();
  for (const Maturity m : a.levels) levels.push_back(static_cast<int>(m));
  return {{"id", a.id}, {"levels", levels}, {"group", a.group ? json(*a.group) : json(nullptr)}, {"text", a.text}};
}

json encode(const Tool& t) { return {{"name", t.name}, {"url", t.url}, {"description", t.description}}; }

json encode(const Link& l) { return {{"title", l.title}, {"url", l.url}}; }

json encode(const SafeguardMapping& m) {
  return {{"id", m.safeguard}, {"maturity", optional_level(m.maturity)}};
}

json encode(const GuidanceSource& s) {
  return {{"id", s.id},     {"title", s.title}, {"publisher", s.publisher},
          {"date", s.date}, {"url", s.url},     {"partners", s.partners}};
}

json encode(const RelatedPractice& r) { return {{"practice", r.practice}, {"reason", r.reason}}; }

json encode(const Recommendation& r) {
  json related = json::array();
  for (const auto& rp : r.practices) related.push_back(encode(rp));
  return {{"id", r.id},       {"source", r.source}, {"audience", r.audience}, {"category", r.category},
          {"title", r.title}, {"text", r.text},     {"practices", related},   {"safeguards", r.safeguards},
          {"links", encode_all(r.links)}};
}

json encode(const Guidance& g) {
  return {{"sources", encode_all(g.sources)}, {"recommendations", encode_all(g.recommendations)}};
}

json encode(const Practice& p) {
  json scopes = json::array();
  for (const Scope s : p.scopes) scopes.push_back(std::string(to_string(s)));
  return {{"id", p.id},
          {"title", p.title},
          {"order", p.order},
          {"scopes", scopes},
          {"summary", p.summary},
          {"goals", encode_all(p.goals)},
          {"actions", encode_all(p.actions)},
          {"tools", encode_all(p.tools)},
          {"learn_more", encode_all(p.learn_more)},
          {"safeguards", encode_all(p.safeguards)},
          {"handbook", p.handbook}};
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
  return {{"id", s.id}, {"level", static_cast<int>(s.level)}, {"text", s.text}};
}

json encode(const Worksheet& w) {
  return {{"id", w.id}, {"name", w.name}, {"group", w.group}, {"actions", w.actions}};
}

json encode(const CdmRank& r) {
  return {{"rank", r.rank}, {"safeguard", r.safeguard}, {"practice", r.practice}};
}

json encode(const Priorities& p) {
  json baseline = json::array(), ranking = json::array();
  for (const auto& w : p.level1_baseline) baseline.push_back(encode(w));
  for (const auto& r : p.cdm_ranking) ranking.push_back(encode(r));
  return {{"level1_baseline", baseline}, {"level1_election", p.level1_election}, {"cdm_ranking", ranking}};
}

json encode(const HandbookPractice& h) {
  return {{"number", h.number}, {"title", h.title}, {"practices", h.practices}};
}

json encode(const GlossaryEntry& g) { return {{"term", g.term}, {"definition", g.definition}}; }

json encode(const Acronym& a) { return {{"term", a.term}, {"expansion", a.expansion}}; }


json encode(const Jurisdiction& j) {
  return {{"id", j.id}, {"name", j.name}, {"state", j.state}, {"kind", std::string(to_string(j.kind))}};
}

json encode(const MaturityResult& r) {
  json tallies = json::array();
  for (const auto& t : r.tallies)
    tallies.push_back({{"level", static_cast<int>(t.level)},
                       {"yes", t.yes},
                       {"answered", t.answered},
                       {"total", t.total},
                       {"majority", t.majority()}});
  return {{"level", static_cast<int>(r.level)}, {"conflict", r.conflict}, {"unsure", r.unsure},
          {"tallies", tallies},                  {"applied", r.applied},   {"rationale", r.rationale}};
}

json encode(const Plan& p) {
  json steps = json::array();
  for (const auto& s : p.steps)
    steps.push_back({{"rank", s.rank},
                     {"kind", std::string(to_string(s.kind))},
                     {"id", s.id},
                     {"practice", s.practice.empty() ? json(nullptr) : json(s.practice)},
                     {"actions", s.actions},
                     {"reason", s.reason}});
  return {{"maturity", static_cast<int>(p.maturity)}, {"steps", steps}};
}

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

json encode(const Rollup& r) {
  json practices = json::array(), offices = json::array();
  for (const auto& p : r.practices)
    practices.push_back({{"id", p.practice},
                         {"actions_applicable", p.actions_applicable},
                         {"actions_done", p.actions_done},
                         {"completion", p.completion},
                         {"offices_complete", p.offices_complete}});
  for (const auto& o : r.offices) {
    json office = encode(o.jurisdiction);
    office["maturity"] = static_cast<int>(o.maturity);
    office["actions_applicable"] = o.actions_applicable;
    office["actions_done"] = o.actions_done;
    office["completion"] = o.completion;
    office["priorities_complete"] = o.priorities_complete;
    offices.push_back(std::move(office));
  }
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

json encode(const CatalogDiff& d) {
  json changed = json::array();
  const auto scopes = [](const std::array<Scope, 3>& s) {
    return json::array({std::string(to_string(s[0])), std::string(to_string(s[1])), std::string(to_string(s[2]))});
  };
  for (const auto& c : d.changed) {
    json o = {{"id", c.id}};
    if (c.title) o["title"] = {{"old", c.title->first}, {"new", c.title->second}};
    if (c.scopes) o["scopes"] = {{"old", scopes(c.scopes->first)}, {"new", scopes(c.scopes->second)}};
    o["goals_changed"] = c.goals_changed;
    o["actions_added"] = c.actions_added;
    o["actions_removed"] = c.actions_removed;
    o["actions_changed"] = c.actions_changed;
    o["tools_added"] = c.tools_added;
    o["tools_removed"] = c.tools_removed;
    o["safeguards_added"] = c.safeguards_added;
    o["safeguards_removed"] = c.safeguards_removed;
    o["safeguards_retagged"] = c.safeguards_retagged;
    o["handbook_added"] = c.handbook_added;
    o["handbook_removed"] = c.handbook_removed;
    changed.push_back(std::move(o));
  }
  return {{"added", d.added}, {"removed", d.removed}, {"changed", changed}};
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
          {"guidance", encode(d.guidance)}};
}

#define ELECTSEC_DECODE_WITH(T, fn) \
  template <>                       \
  T decode_value<T>(const json& j) { return fn(j, ""); }
ELECTSEC_DECODE_WITH(GuideInfo, decode_guide)
ELECTSEC_DECODE_WITH(MaturityLevel, decode_level)
ELECTSEC_DECODE_WITH(MaturityStatement, decode_statement)
ELECTSEC_DECODE_WITH(Goal, decode_goal)
ELECTSEC_DECODE_WITH(Action, decode_action)
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
#undef ELECTSEC_DECODE_WITH

template <>
CatalogData decode_value<CatalogData>(const json& j) {
  return decode_catalog(j);
}

// ---- results: the inverse of encode(Plan / Scorecard / Rollup), for from_dict ----

namespace {

std::size_t count_at(const json& v, const std::string& path) {
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
    wrong(v, path, "a count (an integer >= 0)");
  return v.get<std::size_t>();
}

double fraction_at(const json& v, const std::string& path) {
  if (!v.is_number()) wrong(v, path, "a number");
  const double d = v.get<double>();
  if (!(d >= 0 && d <= 1)) throw DecodeError{path, "expected a fraction from 0 to 1"};
  return d;
}

bool flag_at(const json& v, const std::string& path) {
  if (!v.is_boolean()) wrong(v, path, "true or false");
  return v.get<bool>();
}

Jurisdiction decode_jurisdiction_fields(const Object& o) {
  return {o.string("id"), o.string("name"), o.string("state"),
          enum_at(o.required("kind"), o.at("kind"), parse_jurisdiction_kind)};
}

SafeguardScore decode_safeguard_score(const json& j, const std::string& path) {
  Object o(j, path, {"safeguard", "actions_applicable", "actions_done", "completion"});
  return {o.string("safeguard"), count_at(o.required("actions_applicable"), o.at("actions_applicable")),
          count_at(o.required("actions_done"), o.at("actions_done")),
          fraction_at(o.required("completion"), o.at("completion"))};
}

PlanStep decode_step(const json& j, const std::string& path) {
  Object o(j, path, {"rank", "kind", "id", "practice", "actions", "reason"});
  PlanStep s;
  s.rank = o.integer("rank");
  const std::string kind = o.string("kind");
  if (kind == "worksheet") s.kind = StepKind::worksheet;
  else if (kind == "practice") s.kind = StepKind::practice;
  else throw DecodeError{o.at("kind"), "expected 'worksheet' or 'practice', found '" + kind + "'"};
  s.id = o.string("id");
  const json* practice = o.optional("practice");
  if (practice != nullptr && !practice->is_null()) s.practice = Object::as_string(*practice, o.at("practice"));
  s.actions = o.list("actions", string_item);
  s.reason = o.string("reason");
  return s;
}

OfficeSummary decode_office(const json& j, const std::string& path) {
  Object o(j, path, {"id", "name", "state", "kind", "maturity", "actions_applicable", "actions_done", "completion",
                     "priorities_complete"});
  return {decode_jurisdiction_fields(o), maturity_at(o.required("maturity"), o.at("maturity")),
          count_at(o.required("actions_applicable"), o.at("actions_applicable")),
          count_at(o.required("actions_done"), o.at("actions_done")),
          fraction_at(o.required("completion"), o.at("completion")),
          flag_at(o.required("priorities_complete"), o.at("priorities_complete"))};
}

}  // namespace

template <>
Plan decode_value<Plan>(const json& j) {
  Object o(j, "", {"maturity", "steps"});
  return {maturity_at(o.required("maturity"), o.at("maturity")), o.list("steps", decode_step)};
}

template <>
Jurisdiction decode_value<Jurisdiction>(const json& j) {
  Object o(j, "", {"id", "name", "state", "kind"});
  Jurisdiction out{o.string("id"), o.string("name"), o.string("state"), JurisdictionKind::county};
  if (o.optional("kind") != nullptr) out.kind = enum_at(o.required("kind"), o.at("kind"), parse_jurisdiction_kind);
  return out;
}

template <>
ActionStatus decode_value<ActionStatus>(const json& j) {
  Object o(j, "", {"status", "note", "updated"});
  ActionStatus a{enum_at(o.required("status"), o.at("status"), parse_status), o.string_or_empty("note"),
                 o.string_or_empty("updated")};
  if (!a.updated.empty() && !is_iso_timestamp(a.updated))
    throw DecodeError{"/updated", "expected an ISO 8601 date or UTC date-time, found '" + a.updated + "'"};
  return a;
}

template <>
PlanStep decode_value<PlanStep>(const json& j) {
  return decode_step(j, "");
}

template <>
OfficeSummary decode_value<OfficeSummary>(const json& j) {
  return decode_office(j, "");
}

template <>
Scorecard decode_value<Scorecard>(const json& j) {
  Object o(j, "", {"jurisdiction", "maturity", "actions_applicable", "actions_done", "actions_in_progress", "completion",
                   "priorities_complete", "practices", "safeguards"});
  Scorecard c;
  c.jurisdiction = decode_jurisdiction_fields(Object(o.required("jurisdiction"), o.at("jurisdiction"), {"id", "name", "state", "kind"}));
  c.maturity = maturity_at(o.required("maturity"), o.at("maturity"));
  c.actions_applicable = count_at(o.required("actions_applicable"), o.at("actions_applicable"));
  c.actions_done = count_at(o.required("actions_done"), o.at("actions_done"));
  c.actions_in_progress = count_at(o.required("actions_in_progress"), o.at("actions_in_progress"));
  c.completion = fraction_at(o.required("completion"), o.at("completion"));
  c.priorities_complete = flag_at(o.required("priorities_complete"), o.at("priorities_complete"));
  c.practices = o.list("practices", [](const json& item, const std::string& path) {
    Object p(item, path, {"id", "scope", "actions_applicable", "actions_done", "actions_in_progress", "completion"});
    return PracticeScore{p.string("id"), enum_at(p.required("scope"), p.at("scope"), parse_scope),
                         count_at(p.required("actions_applicable"), p.at("actions_applicable")),
                         count_at(p.required("actions_done"), p.at("actions_done")),
                         count_at(p.required("actions_in_progress"), p.at("actions_in_progress")),
                         fraction_at(p.required("completion"), p.at("completion"))};
  });
  c.safeguards = o.list("safeguards", decode_safeguard_score);
  return c;
}

template <>
Rollup decode_value<Rollup>(const json& j) {
  Object o(j, "", {"jurisdictions", "maturity_distribution", "actions_applicable", "actions_done", "completion",
                   "practices", "least_complete", "safeguards", "offices"});
  Rollup r;
  r.jurisdictions = count_at(o.required("jurisdictions"), o.at("jurisdictions"));
  Object d(o.required("maturity_distribution"), o.at("maturity_distribution"), {"1", "2", "3"});
  for (std::size_t i = 0; i < 3; ++i) {
    const std::string key = std::to_string(i + 1);
    r.maturity_distribution[i] = count_at(d.required(key.c_str()), d.at(key));
  }
  r.actions_applicable = count_at(o.required("actions_applicable"), o.at("actions_applicable"));
  r.actions_done = count_at(o.required("actions_done"), o.at("actions_done"));
  r.completion = fraction_at(o.required("completion"), o.at("completion"));
  r.practices = o.list("practices", [](const json& item, const std::string& path) {
    Object p(item, path, {"id", "actions_applicable", "actions_done", "completion", "offices_complete"});
    return PracticeRollup{p.string("id"), count_at(p.required("actions_applicable"), p.at("actions_applicable")),
                          count_at(p.required("actions_done"), p.at("actions_done")),
                          fraction_at(p.required("completion"), p.at("completion")),
                          count_at(p.required("offices_complete"), p.at("offices_complete"))};
  });
  r.least_complete = o.list("least_complete", string_item);
  r.safeguards = o.list("safeguards", decode_safeguard_score);
  r.offices = o.list("offices", decode_office);
  return r;
}

}  // namespace electsec::detail
