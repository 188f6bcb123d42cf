#include <electsec/error.hpp>
#include <electsec/types.hpp>

#include "catalog_fields.hpp"
#include "enum_names.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

namespace electsec {
namespace {

using detail::EnumNames;

constexpr EnumNames<Maturity, 3> maturity_names{"maturity", all_maturities, {"1", "2", "3"}};
constexpr EnumNames<Scope, 3> scope_names{"scope", all_scopes, {"priority", "in_scope", "out_of_scope"}};
constexpr EnumNames<ImplementationGroup, 3> ig_names{
    "implementation group", all_implementation_groups, {"1", "2", "3"}};
constexpr EnumNames<AssetType, 6> asset_names{
    "asset type", all_asset_types, {"Devices", "Applications", "Data", "Users", "Network", "N/A"}};
constexpr EnumNames<SecurityFunction, 5> function_names{
    "security function", all_security_functions, {"Identify", "Protect", "Detect", "Respond", "Recover"}};
constexpr EnumNames<ParagraphKind, 2> paragraph_kind_names{
    "paragraph kind", {ParagraphKind::instruction, ParagraphKind::context}, {"instruction", "context"}};
constexpr EnumNames<Connectedness, 4> connectedness_names{
    "connectedness", all_connectedness, {"network", "indirect", "none", "transmission"}};

}  // namespace

std::string_view to_string(Maturity m) { return maturity_names.name(m); }
std::string_view to_string(Scope s) { return scope_names.name(s); }
std::string_view to_string(ImplementationGroup g) { return ig_names.name(g); }
std::string_view to_string(AssetType a) { return asset_names.name(a); }
std::string_view to_string(SecurityFunction f) { return function_names.name(f); }
std::string_view to_string(ParagraphKind k) { return paragraph_kind_names.name(k); }
std::string_view to_string(Connectedness c) { return connectedness_names.name(c); }

std::ostream& operator<<(std::ostream& os, Maturity m) { return os << to_string(m); }
std::ostream& operator<<(std::ostream& os, Scope s) { return os << to_string(s); }
std::ostream& operator<<(std::ostream& os, ImplementationGroup g) { return os << to_string(g); }
std::ostream& operator<<(std::ostream& os, AssetType a) { return os << to_string(a); }
std::ostream& operator<<(std::ostream& os, SecurityFunction f) { return os << to_string(f); }
std::ostream& operator<<(std::ostream& os, ParagraphKind k) { return os << to_string(k); }
std::ostream& operator<<(std::ostream& os, Connectedness c) { return os << to_string(c); }

std::string level_name(Maturity m) { return "Level " + std::string(to_string(m)); }

namespace {

// The block part of an action's id: "all", "l1", "l23".
std::string_view block_of(const Action& a) {
  std::string_view id = a.id;
  const auto first = id.find('.');
  if (first == std::string_view::npos) return {};
  const auto second = id.find('.', first + 1);
  return id.substr(first + 1, second == std::string_view::npos ? std::string_view::npos : second - first - 1);
}

// Where a block stands in a page: "all" first, then by its lowest level.
int block_rank(std::string_view block) {
  if (block == "all") return 0;
  const auto levels = block_levels(block);
  return levels.empty() ? 4 : static_cast<int>(levels.front());
}

}  // namespace

std::vector<SectionEntry> action_section(const Practice& p) {
  std::vector<SectionEntry> out;
  std::vector<bool> shown(p.paragraphs.size(), false);
  const auto has_actions = [&](const Paragraph& para) {
    return std::any_of(p.actions.begin(), p.actions.end(),
                       [&](const Action& a) { return block_of(a) == para.block && a.group == para.group; });
  };
  const auto emit = [&](const auto& which) {
    for (std::size_t i = 0; i < p.paragraphs.size(); ++i)
      if (!shown[i] && which(p.paragraphs[i])) {
        shown[i] = true;
        out.push_back({nullptr, &p.paragraphs[i]});
      }
  };
  for (const auto& a : p.actions) {
    const std::string_view block = block_of(a);
    emit([&](const Paragraph& para) { return block_rank(para.block) <= block_rank(block) && !has_actions(para); });
    emit([&](const Paragraph& para) { return para.after.empty() && para.block == block && para.group == a.group; });
    out.push_back({&a, nullptr});
    emit([&](const Paragraph& para) { return para.after == a.id; });
  }
  emit([](const Paragraph&) { return true; });
  return out;
}

std::vector<Maturity> block_levels(std::string_view block) {
  if (block == "all") return {Maturity::level1, Maturity::level2, Maturity::level3};
  std::vector<Maturity> levels;
  if (block.size() < 2 || block[0] != 'l') return {};
  for (char c : block.substr(1)) {
    if (c < '1' || c > '3') return {};
    const auto m = static_cast<Maturity>(c - '0');
    if (!levels.empty() && m <= levels.back()) return {};
    levels.push_back(m);
  }
  return levels;
}

Maturity parse_maturity(std::string_view t) { return maturity_names.parse(t); }
Scope parse_scope(std::string_view t) { return scope_names.parse(t); }
ImplementationGroup parse_implementation_group(std::string_view t) { return ig_names.parse(t); }
AssetType parse_asset_type(std::string_view t) { return asset_names.parse(t); }
SecurityFunction parse_security_function(std::string_view t) { return function_names.parse(t); }
ParagraphKind parse_paragraph_kind(std::string_view t) { return paragraph_kind_names.parse(t); }
Connectedness parse_connectedness(std::string_view t) { return connectedness_names.parse(t); }

Maturity maturity_from_int(int level) {
  if (!valid_maturity(level)) throw Error("unknown maturity " + std::to_string(level) + " (expected 1, 2 or 3)");
  return static_cast<Maturity>(level);
}

Maturity Action::first_level() const {
  return levels.empty() ? Maturity::level1 : *std::min_element(levels.begin(), levels.end());
}

bool Safeguard::in_group(ImplementationGroup g) const {
  return std::find(implementation_groups.begin(), implementation_groups.end(), g) != implementation_groups.end();
}

// Member-wise equality, written once per type through a tie of its fields.
#define ELECTSEC_EQ(Type, ...)                                               \
  bool Type::operator==(const Type& o) const {                               \
    const auto fields = [](const Type& x) { return std::tie(__VA_ARGS__); }; \
    return fields(*this) == fields(o);                                       \
  }

ELECTSEC_CATALOG_FIELDS(ELECTSEC_EQ)

#undef ELECTSEC_EQ

}  // namespace electsec
