// The results (plan, scorecard, rollup, jurisdiction, action status) from JSON trees: the
// inverse of their encoders, for from_dict and the results codec.
#include "json_decode.hpp"

namespace electsec::detail {

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
  s.kind = enum_at(o.required("kind"), o.at("kind"), parse_step_kind);
  s.id = o.string("id");
  const json* practice = o.optional("practice");
  if (practice != nullptr && !practice->is_null()) s.practice = Object::as_string(*practice, o.at("practice"));
  s.actions = o.list("actions", string_item);
  s.reason = o.string("reason");
  return s;
}

OfficeSummary decode_office(const json& j, const std::string& path) {
  Object o(j, path,
           {"id", "name", "state", "kind", "maturity", "actions_applicable", "actions_done", "completion",
            "priorities_complete"});
  return {decode_jurisdiction_fields(o),
          maturity_at(o.required("maturity"), o.at("maturity")),
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

// Components are not checked against a catalog: a store keeps the profile as recorded, as it
// keeps the statuses of actions a later release retired.
template <>
SystemProfile decode_value<SystemProfile>(const json& j) {
  if (!j.is_array()) wrong(j, "/", "an array of {component, connectedness, note}");
  SystemProfile out;
  for (std::size_t i = 0; i < j.size(); ++i) {
    Object o(j[i], "/" + std::to_string(i), {"component", "connectedness", "note"});
    SystemUse use{o.string("component"),
                  enum_at(o.required("connectedness"), o.at("connectedness"), parse_connectedness),
                  o.string_or_empty("note")};
    if (!is_valid_name(use.component))
      throw DecodeError{o.at("component"), "expected a component id: not empty, on one line"};
    for (const SystemUse& s : out)
      if (s.component == use.component && s.connectedness == use.connectedness)
        throw DecodeError{o.at("component"), "'" + use.component + "' with connectedness '" +
                                                 std::string(to_string(use.connectedness)) + "' is listed twice"};
    out.push_back(std::move(use));
  }
  return out;
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
  Object o(j, "",
           {"jurisdiction", "maturity", "actions_applicable", "actions_done", "actions_in_progress", "completion",
            "priorities_complete", "practices", "safeguards"});
  Scorecard c;
  c.jurisdiction = decode_jurisdiction_fields(
      Object(o.required("jurisdiction"), o.at("jurisdiction"), {"id", "name", "state", "kind"}));
  c.maturity = maturity_at(o.required("maturity"), o.at("maturity"));
  c.actions_applicable = count_at(o.required("actions_applicable"), o.at("actions_applicable"));
  c.actions_done = count_at(o.required("actions_done"), o.at("actions_done"));
  c.actions_in_progress = count_at(o.required("actions_in_progress"), o.at("actions_in_progress"));
  c.completion = fraction_at(o.required("completion"), o.at("completion"));
  c.priorities_complete = flag_at(o.required("priorities_complete"), o.at("priorities_complete"));
  c.practices = o.list("practices", [](const json& item, const std::string& path) {
    Object p(item, path, {"id", "scope", "actions_applicable", "actions_done", "actions_in_progress", "completion"});
    return PracticeScore{p.string("id"),
                         enum_at(p.required("scope"), p.at("scope"), parse_scope),
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
  Object o(j, "",
           {"jurisdictions", "maturity_distribution", "actions_applicable", "actions_done", "completion", "practices",
            "least_complete", "safeguards", "offices"});
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
