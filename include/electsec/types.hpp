#pragma once
/// \file
/// Value types of the electsec model: enums with their string forms, and plain structs
/// for everything a catalog holds. All are regular values (copyable, comparable).

#include <array>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// EGES maturity level. Shown as "Level 1".."Level 3"; string form "1".."3".
enum class Maturity { level1 = 1, level2 = 2, level3 = 3 };

/// Status of a best practice at one maturity, as the guide's index gives it.
enum class Scope { priority, in_scope, out_of_scope };

/// CIS Controls v8 Implementation Group. String form "1".."3".
enum class ImplementationGroup { ig1 = 1, ig2 = 2, ig3 = 3 };

/// Asset type of a CIS Safeguard, spelled as CIS spells it ("Devices", "N/A", ...).
enum class AssetType { devices, applications, data, users, network, not_applicable };

/// Security function of a CIS Safeguard ("Identify", "Protect", ...).
enum class SecurityFunction { identify, protect, detect, respond, recover };

/// The canonical string of each enum value: what the JSON formats and the CLI use.
std::string_view to_string(Maturity m);
std::string_view to_string(Scope s);
std::string_view to_string(ImplementationGroup g);
std::string_view to_string(AssetType a);
std::string_view to_string(SecurityFunction f);

/// Write the canonical string (as `to_string`).
std::ostream& operator<<(std::ostream& os, Maturity m);
std::ostream& operator<<(std::ostream& os, Scope s);
std::ostream& operator<<(std::ostream& os, ImplementationGroup g);
std::ostream& operator<<(std::ostream& os, AssetType a);
std::ostream& operator<<(std::ostream& os, SecurityFunction f);

/// "Level 1", "Level 2", "Level 3".
std::string level_name(Maturity m);

/// Parse the canonical strings above. Throw electsec::Error naming the rejected string
/// and the accepted ones; never guess. Maturity and ImplementationGroup accept "1".."3".
Maturity parse_maturity(std::string_view text);
Scope parse_scope(std::string_view text);
ImplementationGroup parse_implementation_group(std::string_view text);
AssetType parse_asset_type(std::string_view text);
SecurityFunction parse_security_function(std::string_view text);

/// Maturity from an integer 1..3; throws electsec::Error otherwise.
Maturity maturity_from_int(int level);

/// Every value of each enum, in order.
inline constexpr std::array<Maturity, 3> all_maturities{Maturity::level1, Maturity::level2,
                                                        Maturity::level3};
inline constexpr std::array<Scope, 3> all_scopes{Scope::priority, Scope::in_scope,
                                                 Scope::out_of_scope};
inline constexpr std::array<ImplementationGroup, 3> all_implementation_groups{
    ImplementationGroup::ig1, ImplementationGroup::ig2, ImplementationGroup::ig3};
inline constexpr std::array<AssetType, 6> all_asset_types{
    AssetType::devices, AssetType::applications, AssetType::data,
    AssetType::users,   AssetType::network,      AssetType::not_applicable};
inline constexpr std::array<SecurityFunction, 5> all_security_functions{
    SecurityFunction::identify, SecurityFunction::protect, SecurityFunction::detect,
    SecurityFunction::respond, SecurityFunction::recover};

/// A goal of a best practice, with the maturity the guide tags it with (if any).
struct Goal {
  std::string id;  ///< "<practice>.goal.<n>"
  std::string text;
  std::optional<Maturity> maturity;
  bool operator==(const Goal& o) const;
};

/// An action of a best practice. The id encodes where it stands in the guide:
/// "<practice>.<block>[.<group>].<n>" (see DESIGN.md); `levels` are the maturities its
/// block names ("all" names 1, 2 and 3).
struct Action {
  std::string id;
  std::vector<Maturity> levels;
  std::optional<std::string> group;  ///< the sub-heading it stands under, if any
  std::string text;
  /// The lowest level of its block: from this maturity on the action applies.
  Maturity first_level() const;
  bool operator==(const Action& o) const;
};

/// A cost-effective tool the guide names for a best practice.
struct Tool {
  std::string name;
  std::string url;
  std::string description;
  bool operator==(const Tool& o) const;
};

/// A "learn more" link.
struct Link {
  std::string title;
  std::string url;
  bool operator==(const Link& o) const;
};

/// A best practice's mapping to one CIS Safeguard, with the maturity the guide tags the
/// mapping with (or none when the guide leaves it untagged).
struct SafeguardMapping {
  std::string safeguard;
  std::optional<Maturity> maturity;
  bool operator==(const SafeguardMapping& o) const;
};

/// One EGES best practice.
struct Practice {
  std::string id;  ///< the guide's file stem, e.g. "asset_management"
  std::string title;
  int order = 0;                 ///< 1-based position in the guide's index
  std::array<Scope, 3> scopes{};  ///< status at Level 1, 2, 3
  std::string summary;
  std::vector<Goal> goals;
  std::vector<Action> actions;
  std::vector<Tool> tools;
  std::vector<Link> learn_more;
  std::vector<SafeguardMapping> safeguards;
  std::vector<int> handbook;  ///< numbers of 2018 Handbook practices

  Scope scope_at(Maturity m) const { return scopes[static_cast<int>(m) - 1]; }
  bool operator==(const Practice& o) const;
};

/// A CIS Control (v8).
struct Control {
  int id = 0;  ///< 1..18
  std::string title;
  bool operator==(const Control& o) const;
};

/// A CIS Safeguard (v8).
struct Safeguard {
  std::string id;  ///< "1.1".."18.5"
  int control = 0;
  std::string title;
  AssetType asset_type = AssetType::not_applicable;
  SecurityFunction security_function = SecurityFunction::identify;
  std::vector<ImplementationGroup> implementation_groups;  ///< ascending
  std::vector<std::string> depends_on;                     ///< Safeguard ids

  bool in_group(ImplementationGroup g) const;
  bool operator==(const Safeguard& o) const;
};

/// One of the 88 practices of the 2018 Handbook for Election Infrastructure Security.
struct HandbookPractice {
  int number = 0;
  std::string title;
  std::vector<std::string> practices;  ///< EGES practice ids that cover it
  bool operator==(const HandbookPractice& o) const;
};

/// A maturity level with its name and a one-line description.
struct MaturityLevel {
  Maturity level = Maturity::level1;
  std::string name;
  std::string description;
  bool operator==(const MaturityLevel& o) const;
};

/// A statement that characterises a maturity level ("l1.1".."l3.7").
struct MaturityStatement {
  std::string id;
  Maturity level = Maturity::level1;
  std::string text;
  bool operator==(const MaturityStatement& o) const;
};

/// A Level 1 baseline worksheet and the actions it fulfils.
struct Worksheet {
  std::string id;  ///< kebab-case of its name, e.g. "hardware-inventory"
  std::string name;
  std::string group;  ///< "IT inventory" or "cybersecurity action"
  std::vector<std::string> actions;
  bool operator==(const Worksheet& o) const;
};

/// One row of the guide's Community Defense Model ranking of Safeguards.
struct CdmRank {
  int rank = 0;
  std::string safeguard;
  std::string practice;
  bool operator==(const CdmRank& o) const;
};

/// The guide's priority lists.
struct Priorities {
  std::vector<Worksheet> level1_baseline;
  std::vector<std::string> level1_election;  ///< practice ids in guide order
  std::vector<CdmRank> cdm_ranking;
  bool operator==(const Priorities& o) const;
};

struct GlossaryEntry {
  std::string term;
  std::string definition;
  bool operator==(const GlossaryEntry& o) const;
};

struct Acronym {
  std::string term;
  std::string expansion;
  bool operator==(const Acronym& o) const;
};

/// A document of guidance other than the EGES itself (e.g. the DHS/CISA page).
struct GuidanceSource {
  std::string id;
  std::string title;
  std::string publisher;
  std::string date;  ///< as the source gives it, ISO 8601 where known
  std::string url;   ///< empty when the source gives none
  std::vector<std::string> partners;  ///< organisations the source names as partners
  bool operator==(const GuidanceSource& o) const;
};

/// A recommendation's link to an EGES practice, with a one-line reason.
struct RelatedPractice {
  std::string practice;
  std::string reason;
  bool operator==(const RelatedPractice& o) const;
};

/// One recommendation of a guidance source ("<source>.<n>").
struct Recommendation {
  std::string id;
  std::string source;
  std::string audience;
  std::string category;
  std::string title;
  std::string text;
  std::vector<RelatedPractice> practices;
  std::vector<std::string> safeguards;
  std::vector<Link> links;  ///< references the source gives for it (endnotes)
  bool operator==(const Recommendation& o) const;
};

struct Guidance {
  std::vector<GuidanceSource> sources;
  std::vector<Recommendation> recommendations;
  bool operator==(const Guidance& o) const;
};

/// Which guide a catalog models.
struct GuideInfo {
  std::string title;
  std::string version;
  bool operator==(const GuideInfo& o) const;
};

/// Everything a catalog holds, as plain data: what a CatalogBuilder collects and what
/// the JSON format carries. A Catalog is a validated, indexed, immutable CatalogData.
struct CatalogData {
  GuideInfo guide;
  std::vector<MaturityLevel> maturity_levels;
  std::vector<MaturityStatement> maturity_statements;
  std::vector<Practice> practices;
  std::vector<Control> controls;
  std::vector<Safeguard> safeguards;
  Priorities priorities;
  std::vector<HandbookPractice> handbook;
  std::vector<GlossaryEntry> glossary;
  std::vector<Acronym> acronyms;
  Guidance guidance;
  bool operator==(const CatalogData& o) const;
};

}  // namespace electsec
