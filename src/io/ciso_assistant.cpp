// CISO Assistant libraries: the catalog as a tree of values (ordered JSON), written out as
// block-style YAML whose every string is double-quoted, so that no text of the guide can be
// read as YAML syntax, a number or a boolean.
#include <electsec/ciso_assistant.hpp>
#include <electsec/error.hpp>

#include "ciso_assistant_urns.hpp"
#include "json_codec.hpp"
#include "text.hpp"

#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

namespace electsec {

namespace detail {

// A catalog's release as it stands in URNs, which CISO Assistant keeps in lower case and
// splits at colons: a release with other characters has no URN of its own.
std::string ciso_assistant_slug(const Catalog& c) {
  const std::string& release = c.guide().version;
  if (release.empty() || release.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz.-_") != std::string::npos)
    throw Error("release '" + release +
                "' of the catalog cannot stand in a CISO Assistant URN (lower-case letters, digits, '.', '-', '_')");
  return "cis-eges-" + release;
}

std::string ciso_assistant_node_urn(const Catalog& c, const std::string& id) {
  return std::string(ciso_assistant_node_urn_prefix) + ciso_assistant_slug(c) + ":" + id;
}

}  // namespace detail

namespace {

using detail::json;

// A YAML double-quoted scalar. Escaped: quotes, backslashes, C0 and C1 controls, DEL, the
// byte order mark, and the characters YAML 1.1 reads as line breaks (U+0085, U+2028,
// U+2029), which a loader would otherwise fold into spaces.
void quoted(std::string& out, const std::string& s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto [length, code] = detail::utf8_char_at(s, i);
    if (length == 0) {  // not UTF-8 (a catalog's text is): the byte as it is
      out += s[i++];
      continue;
    }
    if (code == '"' || code == '\\') {
      out += '\\';
      out += static_cast<char>(code);
    } else if (code == '\n') {
      out += "\\n";
    } else if (code == '\t') {
      out += "\\t";
    } else if (code < 0x20 || code == 0x7f || (code >= 0x80 && code <= 0x9f) || code == 0x2028 || code == 0x2029 ||
               code == 0xfeff) {
      char escape[8];
      std::snprintf(escape, sizeof escape, "\\u%04x", code);
      out += escape;
    } else {
      out.append(s, i, length);
    }
    i += length;
  }
  out += '"';
}

void scalar(std::string& out, const json& v) {
  if (v.is_string())
    quoted(out, v.get<std::string>());
  else if (v.is_null())
    out += "null";
  else
    out += v.dump();  // numbers and booleans as JSON writes them, which YAML reads the same
}

bool nested(const json& v) { return (v.is_object() || v.is_array()) && !v.empty(); }

void block(std::string& out, const json& v, std::size_t indent);

// The members of an object, the first one's key already placed (after "- " in a list).
void members(std::string& out, const json& v, std::size_t indent, bool first_placed) {
  bool first = true;
  for (const auto& [key, value] : v.items()) {
    if (!(first && first_placed)) out.append(indent, ' ');
    first = false;
    // Keys are field names, plain; a question's key is its URN, quoted like any text.
    if (key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos)
      out += key;
    else
      quoted(out, key);
    out += ':';
    if (nested(value)) {
      out += '\n';
      // A list sits at its key's indentation, as CISO Assistant's own libraries write it.
      block(out, value, value.is_array() ? indent : indent + 2);
    } else {
      out += ' ';
      if (value.is_array())
        out += "[]";
      else if (value.is_object())
        out += "{}";
      else
        scalar(out, value);
      out += '\n';
    }
  }
}

void block(std::string& out, const json& v, std::size_t indent) {
  if (v.is_object()) {
    members(out, v, indent, false);
    return;
  }
  for (const json& item : v) {
    out.append(indent, ' ');
    out += "- ";
    if (item.is_object() && !item.empty()) {
      members(out, item, indent + 2, true);
    } else if (nested(item)) {
      out += '\n';
      block(out, item, indent + 2);
    } else {
      scalar(out, item);
      out += '\n';
    }
  }
}

std::string yaml(const json& doc) {
  std::string out;
  block(out, doc, 0);
  return out;
}

using detail::ciso_assistant_node_urn;
using detail::ciso_assistant_slug;
std::string slug(const Catalog& c) { return ciso_assistant_slug(c); }
std::string library_urn(const Catalog& c) { return "urn:electsec:risk:library:" + slug(c); }
std::string framework_urn(const Catalog& c) { return "urn:electsec:risk:framework:" + slug(c); }
std::string node_urn(const Catalog& c, const std::string& id) { return ciso_assistant_node_urn(c, id); }
std::string control_urn(const std::string& safeguard) {
  return "urn:electsec:risk:reference_control:cis-controls-v8:" + safeguard;
}
std::string group_of(Maturity m) { return "L" + std::string(to_string(m)); }

const char* const copyright =
    "The Essential Guide to Election Security and the CIS Controls are published by the Center for Internet "
    "Security, Inc. This library carries their facts (ids, titles, levels, scopes, mappings); its descriptions are "
    "electsec's own words, under the Apache License 2.0.";

json header(const std::string& urn, const std::string& ref_id, const std::string& name,
            const std::string& description) {
  return {{"urn", urn},
          {"locale", "en"},
          {"ref_id", ref_id},
          {"name", name},
          {"description", description},
          {"copyright", copyright},
          // CISO Assistant's own revision number of the library (an integer): a later
          // export with changed content needs a higher one to replace a loaded library.
          {"version", 1},
          {"provider", "CIS"},
          {"packager", "electsec"}};
}

std::string scope_text(const Practice& p) {
  std::string text;
  for (Maturity m : all_maturities) {
    if (!text.empty()) text += "; ";
    text += level_name(m) + ": " + std::string(to_string(p.scope_at(m)));
  }
  return text;
}

}  // namespace

std::string to_ciso_assistant_library(const Catalog& c) {
  json groups = json::array();
  for (const MaturityLevel& level : c.maturity_levels())
    groups.push_back({{"ref_id", group_of(level.level)}, {"name", level.name}, {"description", level.description}});
  json nodes = json::array();
  for (const Practice& p : c.practices()) {
    json levels = json::array(), controls = json::array();
    for (Maturity m : all_maturities)
      if (p.scope_at(m) != Scope::out_of_scope) levels.push_back(group_of(m));
    for (const auto& m : c.safeguards_of_practice(p.id)) controls.push_back(control_urn(m.safeguard->id));
    json node = {{"urn", node_urn(c, p.id)},
                 {"assessable", false},
                 {"depth", 1},
                 {"ref_id", p.id},
                 {"name", p.title},
                 {"description", p.summary},
                 {"annotation", "Scope in the guide's index: " + scope_text(p)},
                 {"implementation_groups", levels}};
    if (!controls.empty()) node["reference_controls"] = controls;
    nodes.push_back(std::move(node));
    for (const Action& a : p.actions) {
      json action_levels = json::array();
      for (Maturity m : all_maturities)
        for (const Action* applicable : c.applicable_actions(p.id, m))
          if (applicable->id == a.id) action_levels.push_back(group_of(m));
      json action = {{"urn", node_urn(c, a.id)},
                     {"assessable", true},
                     {"depth", 2},
                     {"parent_urn", node_urn(c, p.id)},
                     {"ref_id", a.id},
                     {"description", a.text},
                     {"implementation_groups", action_levels}};
      if (a.group) action["annotation"] = "Under the heading: " + *a.group;
      nodes.push_back(std::move(action));
    }
  }
  // The maturity statements: one node per level, one question per statement. A "yes"
  // selects the statement's level; the guide's own rule (a majority at each level) is
  // what `electsec maturity` applies.
  const std::string maturity = node_urn(c, "maturity");
  json all_levels = json::array();
  for (Maturity m : all_maturities) all_levels.push_back(group_of(m));
  nodes.push_back({{"urn", maturity},
                   {"assessable", false},
                   {"depth", 1},
                   {"ref_id", "maturity"},
                   {"name", "Maturity level"},
                   {"description",
                    "Statements that describe an office at each level. In CISO Assistant a yes selects the "
                    "statement's level; the guide's rule is stricter (more than half of a level's statements, "
                    "and of every level below it from Level 2 on): `electsec maturity` applies it."},
                   {"implementation_groups", all_levels}});
  for (Maturity m : all_maturities) {
    const std::string id = "maturity.level-" + std::string(to_string(m));
    const std::string urn = node_urn(c, id);
    json questions = json::object();
    int n = 0;
    for (const MaturityStatement* s : c.maturity_statements(m)) {
      const std::string q = urn + ":question:" + std::to_string(++n);
      questions[q] = {{"type", "unique_choice"},
                      {"text", s->text},
                      {"choices", json::array({{{"urn", q + ":choice:1"},
                                                {"value", "Yes"},
                                                {"select_implementation_groups", json::array({group_of(m)})}},
                                               {{"urn", q + ":choice:2"}, {"value", "No"}}})}};
    }
    nodes.push_back({{"urn", urn},
                     {"assessable", true},
                     {"depth", 2},
                     {"parent_urn", maturity},
                     {"ref_id", id},
                     {"name", level_name(m) + " statements"},
                     {"implementation_groups", all_levels},
                     {"questions", questions}});
  }
  // The Safeguards the practices map to, in CIS's order.
  json controls = json::array();
  for (const Safeguard& s : c.safeguards()) {
    if (c.practices_of_safeguard(s.id).empty()) continue;
    std::string function(to_string(s.security_function));
    for (char& ch : function) ch = detail::ascii_lower(ch);
    controls.push_back({{"urn", control_urn(s.id)},
                        {"ref_id", s.id},
                        {"name", s.title},
                        {"csf_function", function},
                        {"annotation", "CIS Controls v8 Safeguard " + s.id +
                                           "; asset type: " + std::string(to_string(s.asset_type))}});
  }
  json doc = header(library_urn(c), slug(c), "CIS " + c.guide().title + " " + c.guide().version,
                    "The guide's best practices and their actions at three maturity levels, as electsec models "
                    "release " +
                        c.guide().version + ".");
  doc["objects"] = {{"reference_controls", controls},
                    {"framework",
                     {{"urn", framework_urn(c)},
                      {"ref_id", slug(c)},
                      {"name", "CIS " + c.guide().title + " " + c.guide().version},
                      {"description",
                       "Practices (not assessed themselves) with their actions below them; the maturity levels as "
                       "implementation groups."},
                      {"implementation_groups_definition", groups},
                      {"requirement_nodes", nodes}}}};
  return yaml(doc);
}

std::string to_ciso_assistant_mapping(const Catalog& c, const CisoAssistantOptions& o) {
  // A URN's namespace part: CISO Assistant takes letters, digits, '-' and '_' (lower case,
  // as it keeps URNs); RFC 8141 adds at most 32 characters, a letter or digit at each end.
  const std::string& p = o.cis_packager;
  const auto alnum = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); };
  if (p.empty() || p.size() > 32 ||
      p.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos || !alnum(p.front()) ||
      !alnum(p.back()))
    throw Error("CIS packager '" + p +
                "' is not a CISO Assistant packager name (up to 32 lower-case letters, digits, '-' and '_', a "
                "letter or digit first and last)");
  const std::string cis = "urn:" + o.cis_packager + ":risk:";
  json mappings = json::array();
  for (const Practice& p : c.practices())
    for (const auto& m : c.safeguards_of_practice(p.id)) {
      json mapping = {{"source_requirement_urn", node_urn(c, p.id)},
                      {"target_requirement_urn", cis + "req_node:cis-controls-v8:" + m.safeguard->id},
                      {"relationship", "intersect"},
                      {"rationale", "functional"}};
      if (m.maturity) mapping["annotation"] = "The guide maps it from " + level_name(*m.maturity) + " on.";
      mappings.push_back(std::move(mapping));
    }
  const std::string name = "mapping-" + slug(c) + "-to-cis-controls-v8";
  json doc = header("urn:electsec:risk:library:" + name, name,
                    "CIS " + c.guide().title + " " + c.guide().version + " -> CIS Controls v8",
                    "The CIS Safeguards the guide lists for each best practice.");
  doc["dependencies"] = json::array({library_urn(c), cis + "library:cis-controls-v8"});
  doc["objects"] = {{"requirement_mapping_sets",
                     json::array({{{"urn", "urn:electsec:risk:req_mapping_set:" + slug(c) + "-to-cis-controls-v8"},
                                   {"ref_id", name},
                                   {"name", "CIS " + c.guide().title + " " + c.guide().version + " -> CIS Controls v8"},
                                   {"source_framework_urn", framework_urn(c)},
                                   {"target_framework_urn", cis + "framework:cis-controls-v8"},
                                   {"requirement_mappings", mappings}}})}};
  return yaml(doc);
}

}  // namespace electsec
