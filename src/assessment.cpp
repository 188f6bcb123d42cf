#include <electsec/assessment.hpp>
#include <electsec/error.hpp>

#include <array>
#include <tuple>

namespace electsec {

namespace {
constexpr std::array<std::string_view, 4> status_names{"not_started", "in_progress", "done", "not_applicable"};
constexpr std::array<std::string_view, 4> kind_names{"state", "county", "municipality", "territory"};

template <typename Enum, std::size_t N>
Enum parse_named(const std::array<std::string_view, N>& names, std::string_view text, const char* what) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<Enum>(i);
  std::string accepted;
  for (std::size_t i = 0; i < N; ++i) accepted += (i ? ", '" : "'") + std::string(names[i]) + "'";
  throw Error("unknown " + std::string(what) + " '" + std::string(text) + "' (expected one of " + accepted + ")");
}
}  // namespace

std::string_view to_string(Status s) { return status_names[static_cast<std::size_t>(s)]; }
std::string_view to_string(JurisdictionKind k) { return kind_names[static_cast<std::size_t>(k)]; }
Status parse_status(std::string_view text) { return parse_named<Status>(status_names, text, "status"); }
JurisdictionKind parse_jurisdiction_kind(std::string_view text) {
  return parse_named<JurisdictionKind>(kind_names, text, "jurisdiction kind");
}

bool Jurisdiction::operator==(const Jurisdiction& o) const {
  return std::tie(id, name, state, kind) == std::tie(o.id, o.name, o.state, o.kind);
}

bool ActionStatus::operator==(const ActionStatus& o) const {
  return std::tie(status, note, updated) == std::tie(o.status, o.note, o.updated);
}

bool Assessment::operator==(const Assessment& o) const {
  return std::tie(jurisdiction, catalog_version, maturity, answers, statuses, retired, retired_answers) ==
         std::tie(o.jurisdiction, o.catalog_version, o.maturity, o.answers, o.statuses, o.retired, o.retired_answers);
}

Status Assessment::status_of(std::string_view action_id) const {
  const auto it = statuses.find(action_id);
  return it == statuses.end() ? Status::not_started : it->second.status;
}

void Assessment::set(const Catalog& catalog, std::string_view action_id, Status status, std::string note,
                     std::string updated) {
  catalog.action(action_id);  // NotFound, with the closest ids, for an unknown action
  statuses[std::string(action_id)] = ActionStatus{status, std::move(note), std::move(updated)};
}

}  // namespace electsec
