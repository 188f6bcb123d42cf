#include <electsec/assessment.hpp>
#include <electsec/error.hpp>

#include "enum_names.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <tuple>

namespace electsec {

namespace {
constexpr detail::EnumNames<Status, 4> status_names{
    "status", all_statuses, {"not_started", "in_progress", "done", "not_applicable"}};
constexpr detail::EnumNames<JurisdictionKind, 4> kind_names{
    "jurisdiction kind", all_jurisdiction_kinds, {"state", "county", "municipality", "territory"}};
}  // namespace

std::string_view to_string(Status s) { return status_names.name(s); }
std::string_view to_string(JurisdictionKind k) { return kind_names.name(k); }
Status parse_status(std::string_view text) { return status_names.parse(text); }
JurisdictionKind parse_jurisdiction_kind(std::string_view text) { return kind_names.parse(text); }

bool Jurisdiction::operator==(const Jurisdiction& o) const {
  return std::tie(id, name, state, kind) == std::tie(o.id, o.name, o.state, o.kind);
}

bool ActionStatus::operator==(const ActionStatus& o) const {
  return std::tie(status, note, updated) == std::tie(o.status, o.note, o.updated);
}

bool SystemUse::operator==(const SystemUse& o) const {
  return std::tie(component, connectedness, note) == std::tie(o.component, o.connectedness, o.note);
}

bool Assessment::operator==(const Assessment& o) const {
  return std::tie(jurisdiction, catalog_version, maturity, answers, statuses, retired, retired_answers, systems) ==
         std::tie(o.jurisdiction, o.catalog_version, o.maturity, o.answers, o.statuses, o.retired, o.retired_answers,
                  o.systems);
}

bool Assessment::add_system(const Catalog& catalog, std::string_view component, Connectedness connectedness,
                            std::optional<std::string> note) {
  catalog.system_component(component);  // NotFound, with the closest ids, before any change
  for (auto& s : systems)
    if (s.component == component && s.connectedness == connectedness) {
      if (note) s.note = std::move(*note);
      return false;
    }
  systems.push_back({std::string(component), connectedness, note.value_or("")});
  return true;
}

std::size_t Assessment::remove_system(std::string_view component, std::optional<Connectedness> connectedness) {
  const auto before = systems.size();
  systems.erase(std::remove_if(systems.begin(), systems.end(),
                               [&](const SystemUse& s) {
                                 return s.component == component &&
                                        (!connectedness || s.connectedness == *connectedness);
                               }),
                systems.end());
  return before - systems.size();
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[11];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

namespace {
bool digits(std::string_view t, std::size_t at, std::size_t n, int& value) {
  value = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (i >= t.size() || t[i] < '0' || t[i] > '9') return false;
    value = value * 10 + (t[i] - '0');
  }
  return true;
}
}  // namespace

bool is_iso_timestamp(std::string_view t) {
  int year = 0, month = 0, day = 0;
  if (t.size() < 10 || !digits(t, 0, 4, year) || t[4] != '-' || !digits(t, 5, 2, month) || t[7] != '-' ||
      !digits(t, 8, 2, day))
    return false;
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > days[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0)) return false;
  if (t.size() == 10) return true;
  int hour = 0, minute = 0, second = 0;
  if (t.size() < 20 || t[10] != 'T' || !digits(t, 11, 2, hour) || t[13] != ':' || !digits(t, 14, 2, minute) ||
      t[16] != ':' || !digits(t, 17, 2, second) || hour > 23 || minute > 59 || second > 60)
    return false;
  std::size_t i = 19;
  if (t[i] == '.') {
    const std::size_t start = ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i == start) return false;
  }
  return i + 1 == t.size() && t[i] == 'Z';
}

bool is_valid_name(std::string_view text) {
  return !text.empty() && std::none_of(text.begin(), text.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

Status Assessment::status_of(std::string_view action_id) const {
  const auto it = statuses.find(action_id);
  return it == statuses.end() ? Status::not_started : it->second.status;
}

Status Assessment::status_of(const Catalog& catalog, std::string_view action_id) const {
  catalog.action(action_id);  // NotFound, with the closest ids, for an unknown action
  return status_of(action_id);
}

void Assessment::set(const Catalog& catalog, std::string_view action_id, Status status, std::optional<std::string> note,
                     std::string updated) {
  catalog.action(action_id);  // NotFound, with the closest ids, for an unknown action
  if (updated.empty())
    updated = today_utc();
  else if (!is_iso_timestamp(updated))
    throw Error("date '" + updated + "' is not an ISO 8601 date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDThh:mm:ssZ)");
  ActionStatus& st = statuses[std::string(action_id)];
  st.status = status;
  if (note) st.note = std::move(*note);
  st.updated = std::move(updated);
}

std::vector<std::string> Assessment::set_level(const Catalog& catalog, Maturity level) {
  std::vector<std::string> no_longer;
  const auto applies = [&](const std::string& id, Maturity m) {
    const Practice& p = catalog.practice_of_action(id);
    return p.scope_at(m) != Scope::out_of_scope && catalog.action(id).first_level() <= m;
  };
  for (const auto& entry : statuses)
    if (applies(entry.first, maturity) && !applies(entry.first, level)) no_longer.push_back(entry.first);
  maturity = level;
  return no_longer;
}

}  // namespace electsec
