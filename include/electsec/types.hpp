#pragma once
/// \file
/// Value types of the electsec model: enums with their string forms, and plain structs
/// for everything a catalog holds. All are regular values (copyable, comparable).

#include <electsec/export.hpp>
#include <array>
#include <functional>
#include <iosfwd>
#include <map>
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

/// What a paragraph among a practice's actions does: ask the office to do something, or
/// explain, warn or point to a reference.
enum class ParagraphKind { instruction, context };

/// How an election system exchanges data: the primer's three connectedness classes, plus
/// `transmission` for a system that is not connected itself but whose data is sent digitally
/// (the primer's "additional transmission-based risks"). String forms "network", "indirect",
/// "none", "transmission".
enum class Connectedness { network, indirect, none, transmission };

/// \name String forms
//@{
/// `to_string` gives the canonical string of each enum value: what the JSON formats and
/// the CLI use. `operator<<` writes the same string.
ELECTSEC_API std::string_view to_string(Maturity m);
ELECTSEC_API std::string_view to_string(Scope s);
ELECTSEC_API std::string_view to_string(ImplementationGroup g);
ELECTSEC_API std::string_view to_string(AssetType a);
ELECTSEC_API std::string_view to_string(SecurityFunction f);
ELECTSEC_API std::string_view to_string(ParagraphKind k);
ELECTSEC_API std::string_view to_string(Connectedness c);
ELECTSEC_API std::ostream& operator<<(std::ostream& os, Maturity m);
ELECTSEC_API std::ostream& operator<<(std::ostream& os, Scope s);
ELECTSEC_API std::ostream& operator<<(std::ostream& os, ImplementationGroup g);
ELECTSEC_API std::ostream& operator<<(std::ostream& os, AssetType a);
ELECTSEC_API std::ostream& operator<<(std::ostream& os, SecurityFunction f);
ELECTSEC_API std::ostream& operator<<(std::ostream& os, ParagraphKind k);
ELECTSEC_API std::ostream& operator<<(std::ostream& os, Connectedness c);
//@}

/// "Level 1", "Level 2", "Level 3".
ELECTSEC_API std::string level_name(Maturity m);

/// \name Parsing
//@{
/// Parse the canonical strings above. Throw electsec::Error naming the rejected string
/// and the accepted ones; never guess. Maturity and ImplementationGroup accept "1".."3".
ELECTSEC_API Maturity parse_maturity(std::string_view text);
ELECTSEC_API Scope parse_scope(std::string_view text);
ELECTSEC_API ImplementationGroup parse_implementation_group(std::string_view text);
ELECTSEC_API AssetType parse_asset_type(std::string_view text);
ELECTSEC_API SecurityFunction parse_security_function(std::string_view text);
ELECTSEC_API ParagraphKind parse_paragraph_kind(std::string_view text);
ELECTSEC_API Connectedness parse_connectedness(std::string_view text);
//@}

/// The maturities an action block names, ascending: "all" names 1, 2 and 3, "l23" names 2
/// and 3 (the block part of action ids and of paragraphs); empty for a name that is not a
/// block.
ELECTSEC_API std::vector<Maturity> block_levels(std::string_view block);

struct Practice;
struct Action;
struct Paragraph;

/// One entry of a practice's actions section: an action or a paragraph (one of the two is set).
struct ELECTSEC_API SectionEntry {
  const Action* action = nullptr;        ///< the action, or null
  const Paragraph* paragraph = nullptr;  ///< the paragraph, or null
};

/// A practice's actions and paragraphs in the guide's order: a paragraph opening its block
/// comes before the block's first action, one that follows an action right after it, and a
/// block that has paragraphs only stands before the first block of higher levels ("all"
/// first). Every action and paragraph appears once. Pointers into `p`.
ELECTSEC_API std::vector<SectionEntry> action_section(const Practice& p);

/// True for 1, 2 and 3: the one range check every reader of a maturity number uses.
constexpr bool valid_maturity(int level) noexcept { return level >= 1 && level <= 3; }

/// Maturity from an integer 1..3; throws electsec::Error otherwise.
ELECTSEC_API Maturity maturity_from_int(int level);

/// \name Enumerating
//@{
/// Every value of each enum, in declaration order.
inline constexpr std::array<Maturity, 3> all_maturities{Maturity::level1, Maturity::level2, Maturity::level3};
inline constexpr std::array<Scope, 3> all_scopes{Scope::priority, Scope::in_scope, Scope::out_of_scope};
inline constexpr std::array<ImplementationGroup, 3> all_implementation_groups{
    ImplementationGroup::ig1, ImplementationGroup::ig2, ImplementationGroup::ig3};
inline constexpr std::array<AssetType, 6> all_asset_types{AssetType::devices, AssetType::applications,
                                                          AssetType::data,    AssetType::users,
                                                          AssetType::network, AssetType::not_applicable};
inline constexpr std::array<SecurityFunction, 5> all_security_functions{
    SecurityFunction::identify, SecurityFunction::protect, SecurityFunction::detect, SecurityFunction::respond,
    SecurityFunction::recover};
inline constexpr std::array<Connectedness, 4> all_connectedness{Connectedness::network, Connectedness::indirect,
                                                                Connectedness::none, Connectedness::transmission};
//@}

/// A link the guide gives: in a practice's introduction, goals, actions and "learn more"
/// list, in a maturity statement or glossary entry, or in other guidance.
struct ELECTSEC_API Link {
  std::string title;                     ///< the link's text as the guide gives it
  std::string url;                       ///< its address
  bool operator==(const Link& o) const;  ///< Equal when every field is equal.
};

/// A goal of a best practice, with the maturity the guide tags it with (if any).
struct ELECTSEC_API Goal {
  std::string id;                        ///< "<practice>.goal.<n>"
  std::string text;                      ///< the goal, summarised in the project's words
  std::optional<Maturity> maturity;      ///< the level the guide tags the goal with; none when untagged
  std::vector<Link> links;               ///< links the guide gives in the goal, in its order
  bool operator==(const Goal& o) const;  ///< Equal when every field is equal.
};

/// An action of a best practice. The id encodes where it stands in the guide:
/// "<practice>.<block>[.<group>].<n>" (docs/catalog-format.md); `levels` are the maturities its
/// block names ("all" names 1, 2 and 3).
struct ELECTSEC_API Action {
  std::string id;                    ///< "<practice>.<block>[.<group>].<n>"
  std::vector<Maturity> levels;      ///< the maturities its block names, ascending
  std::optional<std::string> group;  ///< the sub-heading it stands under, if any
  std::string text;                  ///< the action, summarised in the project's words
  std::vector<Link> links;           ///< links the guide gives in the action, in its order
  /// The lowest level of its block: from this maturity on the action applies.
  Maturity first_level() const;
  bool operator==(const Action& o) const;  ///< Equal when every field is equal.
};

/// A paragraph the guide writes among a practice's actions instead of as a numbered action:
/// an obligation put as prose, a warning, a reference. It belongs to the block (and group)
/// it stands in and follows one of its actions, or opens the block.
struct ELECTSEC_API Paragraph {
  std::string block;                            ///< the block part of its actions' ids: "l1", "l23", "all"
  std::optional<std::string> group;             ///< the sub-heading it stands under, if any
  std::string after;                            ///< the id of the action it follows; empty when it opens its block
  ParagraphKind kind = ParagraphKind::context;  ///< instruction or context
  std::string text;                             ///< what it says, in the project's words
  std::vector<Link> links;                      ///< links the guide gives in it, in order
  bool operator==(const Paragraph& o) const;    ///< Equal when every field is equal.
};

/// A cost-effective tool the guide names for a best practice.
struct ELECTSEC_API Tool {
  std::string name;                      ///< the tool's name as the guide gives it
  std::string url;                       ///< where to find it
  std::string description;               ///< what it does, in the project's words
  bool operator==(const Tool& o) const;  ///< Equal when every field is equal.
};

/// A best practice's mapping to one CIS Safeguard, with the maturity the guide tags the
/// mapping with (or none when the guide leaves it untagged).
struct ELECTSEC_API SafeguardMapping {
  std::string safeguard;                             ///< Safeguard id, e.g. "4.1"
  std::optional<Maturity> maturity;                  ///< the level the guide tags the mapping with; none when untagged
  bool operator==(const SafeguardMapping& o) const;  ///< Equal when every field is equal.
};

/// One EGES best practice.
struct ELECTSEC_API Practice {
  std::string id;                            ///< the guide's file stem, e.g. "asset_management"
  std::string title;                         ///< title as the guide gives it
  int order = 0;                             ///< 1-based position in the guide's index
  std::array<Scope, 3> scopes{};             ///< status at Level 1, 2, 3
  std::string summary;                       ///< what the practice is about, in the project's words
  std::vector<Link> links;                   ///< links the guide gives in its introduction, in order
  std::vector<Goal> goals;                   ///< goals in guide order
  std::vector<Action> actions;               ///< actions in guide order
  std::vector<Paragraph> paragraphs;         ///< paragraphs among the actions, in guide order
  std::vector<Tool> tools;                   ///< cost-effective tools the guide names
  std::vector<Link> learn_more;              ///< the guide's "learn more" links
  std::vector<SafeguardMapping> safeguards;  ///< CIS Safeguards it maps to, in guide order
  std::vector<int> handbook;                 ///< numbers of 2018 Handbook practices

  /// The scope at maturity `m`.
  Scope scope_at(Maturity m) const { return scopes[static_cast<int>(m) - 1]; }
  bool operator==(const Practice& o) const;  ///< Equal when every field is equal.
};

/// A CIS Control (v8).
struct ELECTSEC_API Control {
  int id = 0;                               ///< 1..18
  std::string title;                        ///< title as CIS gives it
  bool operator==(const Control& o) const;  ///< Equal when every field is equal.
};

/// A CIS Safeguard (v8).
struct ELECTSEC_API Safeguard {
  std::string id;                                                   ///< "1.1".."18.5"
  int control = 0;                                                  ///< the Control it belongs to
  std::string title;                                                ///< title as CIS gives it
  AssetType asset_type = AssetType::not_applicable;                 ///< CIS asset type
  SecurityFunction security_function = SecurityFunction::identify;  ///< CIS security function
  std::vector<ImplementationGroup> implementation_groups;           ///< ascending
  std::vector<std::string> depends_on;                              ///< Safeguard ids

  bool in_group(ImplementationGroup g) const;  ///< True when the Safeguard belongs to Implementation Group `g`.
  bool operator==(const Safeguard& o) const;   ///< Equal when every field is equal.
};

/// One of the 88 practices of the 2018 Handbook for Election Infrastructure Security.
struct ELECTSEC_API HandbookPractice {
  int number = 0;                                    ///< 1..88
  std::string title;                                 ///< title as the Handbook gives it
  std::vector<std::string> practices;                ///< EGES practice ids that cover it
  bool operator==(const HandbookPractice& o) const;  ///< Equal when every field is equal.
};

/// A maturity level with its name and a one-line description.
struct ELECTSEC_API MaturityLevel {
  Maturity level = Maturity::level1;              ///< which level
  std::string name;                               ///< "Level 1".."Level 3"
  std::string description;                        ///< one line in the project's words
  bool operator==(const MaturityLevel& o) const;  ///< Equal when every field is equal.
};

/// A statement that characterises a maturity level ("l1.1".."l3.7").
struct ELECTSEC_API MaturityStatement {
  std::string id;                                     ///< "l<level>.<n>"
  Maturity level = Maturity::level1;                  ///< the level it characterises
  std::string text;                                   ///< the statement in the project's words
  std::vector<Link> links;                            ///< links the guide gives in the statement
  bool operator==(const MaturityStatement& o) const;  ///< Equal when every field is equal.
};

/// Answers to the maturity statements: statement id -> true (applies) / false. A
/// statement that is absent is unanswered. An assessment keeps them; determine_maturity
/// (maturity.hpp) applies the guide's rule to them.
using MaturityAnswers = std::map<std::string, bool, std::less<>>;

/// A Level 1 baseline worksheet and the actions it fulfils.
struct ELECTSEC_API Worksheet {
  std::string id;                             ///< kebab-case of its name, e.g. "hardware-inventory"
  std::string name;                           ///< the worksheet's name as the guide gives it
  std::string group;                          ///< "IT inventory" or "cybersecurity action"
  std::vector<std::string> actions;           ///< ids of the actions it fulfils
  bool operator==(const Worksheet& o) const;  ///< Equal when every field is equal.
};

/// One row of the guide's Community Defense Model ranking of Safeguards.
struct ELECTSEC_API CdmRank {
  int rank = 0;                             ///< 1 = most important
  std::string safeguard;                    ///< Safeguard id
  std::string practice;                     ///< the EGES practice the guide pairs with it
  bool operator==(const CdmRank& o) const;  ///< Equal when every field is equal.
};

/// The guide's priority lists.
struct ELECTSEC_API Priorities {
  std::vector<Worksheet> level1_baseline;      ///< the Level 1 baseline worksheets
  std::vector<std::string> level1_election;    ///< practice ids in guide order
  std::vector<CdmRank> cdm_ranking;            ///< the Community Defense Model ranking, rank order
  bool operator==(const Priorities& o) const;  ///< Equal when every field is equal.
};

/// A glossary term of the guide with a definition in the project's words.
struct ELECTSEC_API GlossaryEntry {
  std::string term;                               ///< the term as the guide spells it
  std::string definition;                         ///< its meaning, in the project's words
  std::vector<Link> links;                        ///< links the guide gives in the definition
  bool operator==(const GlossaryEntry& o) const;  ///< Equal when every field is equal.
};

/// One expansion of an acronym the guide lists (an acronym may have several).
struct ELECTSEC_API Acronym {
  std::string term;                         ///< the acronym, e.g. "MFA"
  std::string expansion;                    ///< one expansion as the guide gives it
  bool operator==(const Acronym& o) const;  ///< Equal when every field is equal.
};

/// A document of guidance other than the EGES itself (e.g. the DHS/CISA page).
struct ELECTSEC_API GuidanceSource {
  std::string id;                                  ///< short id, e.g. "dhs_cisa"
  std::string title;                               ///< title as the source gives it
  std::string publisher;                           ///< who published it
  std::string date;                                ///< as the source gives it, ISO 8601 where known
  std::string url;                                 ///< empty when the source gives none
  std::vector<std::string> partners;               ///< organisations the source names as partners
  bool operator==(const GuidanceSource& o) const;  ///< Equal when every field is equal.
};

/// A recommendation's link to an EGES practice, with a one-line reason.
struct ELECTSEC_API RelatedPractice {
  std::string practice;  ///< EGES practice id
  std::string reason;    ///< why they relate, in one line
  /// Who links them: "electsec" where the link is the project's own judgment (every link of
  /// the embedded guidance), or the guidance source's id where its document names the practice.
  std::string provenance;
  bool operator==(const RelatedPractice& o) const;  ///< Equal when every field is equal.
};

/// One recommendation of a guidance source ("<source>.<n>").
struct ELECTSEC_API Recommendation {
  std::string id;                                  ///< "<source>.<n>"
  std::string source;                              ///< GuidanceSource id
  std::string audience;                            ///< who it is for, as the source puts it, e.g. "mayor"
  std::string category;                            ///< the heading it stands under in its source
  std::string title;                               ///< its title
  std::string text;                                ///< the recommendation in the project's words
  std::vector<RelatedPractice> practices;          ///< EGES practices it relates to
  std::vector<std::string> safeguards;             ///< CIS Safeguards it relates to
  std::vector<Link> links;                         ///< references the source gives for it (endnotes)
  bool operator==(const Recommendation& o) const;  ///< Equal when every field is equal.
};

/// The other guidance a catalog carries: its sources and their recommendations.
struct ELECTSEC_API Guidance {
  std::vector<GuidanceSource> sources;          ///< documents, in catalog order
  std::vector<Recommendation> recommendations;  ///< their recommendations, in catalog order
  bool operator==(const Guidance& o) const;     ///< Equal when every field is equal.
};

/// One of the primer's connectedness classes, or its section on transmission risks.
struct ELECTSEC_API ConnectednessClass {
  Connectedness id = Connectedness::network;           ///< which class
  std::string title;                                   ///< its heading as the guide gives it
  std::string label;                                   ///< how the components' tables name it, e.g. "Network Connected"
  std::string text;                                    ///< what it means, in the project's words
  std::vector<std::string> examples;                   ///< the guide's examples, in the project's words
  bool operator==(const ConnectednessClass& o) const;  ///< Equal when every field is equal.
};

/// A risk or threat the primer names for one or more kinds of election system.
struct ELECTSEC_API SystemRisk {
  std::string id;                              ///< snake_case, e.g. "internet_connectivity"
  std::string title;                           ///< a short name, in the project's words
  std::string text;                            ///< what it is, in the project's words
  bool operator==(const SystemRisk& o) const;  ///< Equal when every field is equal.
};

/// One row of a component's connection table in the primer: whether the class occurs for
/// that kind of system, and how.
struct ELECTSEC_API ComponentConnection {
  Connectedness connectedness = Connectedness::network;  ///< the row's class
  bool occurs = true;                                    ///< false where the guide says it does not apply
  std::string text;                                      ///< how it occurs, or why not
  bool operator==(const ComponentConnection& o) const;   ///< Equal when every field is equal.
};

/// A variety of a component that the primer tells apart (e.g. its six ways of capturing votes).
struct ELECTSEC_API ComponentVariant {
  std::string name;                                  ///< as the guide names it
  std::string text;                                  ///< what it is, in the project's words
  std::optional<Connectedness> connectedness;        ///< the row of the connection table that names it, if any
  bool operator==(const ComponentVariant& o) const;  ///< Equal when every field is equal.
};

/// One kind of election system the primer describes ("voter_registration", "pollbooks", "ems",
/// "vote_capture", "tabulation", "enr").
struct ELECTSEC_API SystemComponent {
  std::string id;                                   ///< stable id, e.g. "vote_capture"
  std::string title;                                ///< the page's heading as the guide gives it
  std::string page;                                 ///< the guide's page, e.g. "ei_primer/voter_reg"
  std::string summary;                              ///< what it does, in the project's words
  std::vector<std::string> inputs;                  ///< what goes in, in the project's words
  std::vector<std::string> outputs;                 ///< what comes out, in the project's words
  std::vector<ComponentVariant> variants;           ///< the varieties the guide tells apart, in its order
  std::vector<std::string> risks;                   ///< SystemRisk ids the guide lists for it, in its order
  std::vector<ComponentConnection> connections;     ///< its connection table, one row per class in the guide's order
  bool operator==(const SystemComponent& o) const;  ///< Equal when every field is equal.
};

/// The guide's primer on election infrastructure: kinds of system, how they connect, and
/// their risks. Empty in a catalog of a release without one.
struct ELECTSEC_API Primer {
  std::vector<ConnectednessClass> classes;  ///< network, indirect, none, then transmission
  std::vector<SystemRisk> risks;            ///< every risk the components name, in first-named order
  std::vector<SystemComponent> components;  ///< in the guide's order
  bool operator==(const Primer& o) const;   ///< Equal when every field is equal.
};

/// A link that electsec draws and the guide does not: from a kind of system, a connectedness
/// class or a risk to a practice that addresses it. Every output marks these as electsec's.
struct ELECTSEC_API SystemLink {
  std::string subject;                         ///< a SystemComponent id, a Connectedness string or a SystemRisk id
  std::string practice;                        ///< EGES practice id
  std::string reason;                          ///< why the practice addresses it, in the project's words
  std::string provenance;                      ///< who draws the link: "electsec" for every embedded one
  bool operator==(const SystemLink& o) const;  ///< Equal when every field is equal.
};

/// Which guide a catalog models.
struct ELECTSEC_API GuideInfo {
  std::string title;                          ///< the guide's title
  std::string version;                        ///< its release, e.g. "1.4.1"
  bool operator==(const GuideInfo& o) const;  ///< Equal when every field is equal.
};

/// Everything a catalog holds, as plain data: what a CatalogBuilder collects and what
/// the JSON format carries. A Catalog is a validated, indexed, immutable CatalogData.
struct ELECTSEC_API CatalogData {
  GuideInfo guide;                                     ///< which guide
  std::vector<MaturityLevel> maturity_levels;          ///< the three levels
  std::vector<MaturityStatement> maturity_statements;  ///< statements per level, in order
  std::vector<Practice> practices;                     ///< the best practices, index order
  std::vector<Control> controls;                       ///< the 18 CIS Controls
  std::vector<Safeguard> safeguards;                   ///< the 153 CIS Safeguards
  Priorities priorities;                               ///< the priority lists
  std::vector<HandbookPractice> handbook;              ///< the 88 Handbook practices
  std::vector<GlossaryEntry> glossary;                 ///< glossary entries
  std::vector<Acronym> acronyms;                       ///< acronym expansions
  Guidance guidance;                                   ///< other guidance and its recommendations
  Primer primer;                                       ///< the election-infrastructure primer
  std::vector<SystemLink> system_links;                ///< electsec's links from systems and risks to practices
  bool operator==(const CatalogData& o) const;         ///< Equal when every field is equal.
};

}  // namespace electsec
