#pragma once
/// \file
/// The Catalog: the whole model of the guide, validated, indexed and immutable.
///
/// Thread safety: a Catalog is logically immutable and every member function is const, so
/// one Catalog (or copies of it, which share the same data) may be used from any number
/// of threads at once without locking. Its one piece of deferred work, the full-text
/// search index, is built by the first `search` call, exactly once (std::call_once), and
/// never changes afterwards; a search that races with it waits, and every search sees the
/// same index. Lookups never wait.
///
/// What the queries return, one convention for all:
/// - a lookup by id (`practice`, `safeguard`, `action`, ...) returns `const T&` and throws
///   NotFound (with the closest ids) for an unknown id;
/// - a list the catalog holds (`practices()`, `controls()`, ...) returns `const std::vector<T>&`;
/// - a query that selects or follows a relation (a filter, `applicable_actions`,
///   `practices_of_safeguard`, `recommendations_of_practice`, ...) returns a new
///   `std::vector` of pointers into the catalog, or of small records holding such a
///   pointer and what the relation adds (MappedPractice: the mapping's maturity tag);
/// - an input that may be left out is a `std::optional` field of a filter struct or an
///   overload without it, never a pointer that may be null.
///
/// Lifetime: references and pointers returned by a Catalog point into data it shares
/// with its copies; they stay valid while any copy of that Catalog is alive.

#include <electsec/export.hpp>
#include <electsec/error.hpp>
#include <electsec/types.hpp>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace electsec {

/// Which practices `Catalog::practices` returns.
/// - neither set: all practices, in index order;
/// - `maturity` only: the practices not out of scope at that maturity;
/// - `maturity` and `scope`: the practices whose scope at that maturity is `scope`;
/// - `scope` only: the practices that have `scope` at one level or more.
struct ELECTSEC_API PracticeFilter {
  std::optional<Maturity> maturity;  ///< the level to look at
  std::optional<Scope> scope;        ///< the scope wanted
};

/// Which actions `Catalog::actions` returns; unset fields do not filter.
/// - `practice`: only that practice's actions (an unknown id throws NotFound);
/// - `maturity`: only the actions that apply at that level (`applicable_actions`' rule).
struct ELECTSEC_API ActionFilter {
  std::optional<std::string> practice;  ///< a practice id
  std::optional<Maturity> maturity;     ///< the level to look at
};

/// Which safeguards `Catalog::safeguards` returns; unset fields do not filter. An
/// Implementation Group selects the Safeguards that belong to it (IG2 includes IG1's).
struct ELECTSEC_API SafeguardFilter {
  std::optional<ImplementationGroup> ig;     ///< Safeguards in this group
  std::optional<int> control;                ///< Safeguards of this Control (1..18)
  std::optional<AssetType> asset_type;       ///< of this asset type
  std::optional<SecurityFunction> function;  ///< with this security function
};

/// Which recommendations `Catalog::recommendations` returns; unset fields do not filter.
struct ELECTSEC_API RecommendationFilter {
  std::optional<std::string> source;    ///< GuidanceSource id
  std::optional<std::string> audience;  ///< exactly as the recommendation gives it
  std::optional<std::string> category;  ///< exactly as the recommendation gives it
  std::optional<std::string> practice;  ///< related to this practice
};

/// A practice that maps to a Safeguard, with the maturity tag of that mapping.
struct ELECTSEC_API MappedPractice {
  const Practice* practice;          ///< never null
  std::optional<Maturity> maturity;  ///< the mapping's level tag; none when untagged
};

/// A Safeguard that a practice maps to, with the maturity tag of that mapping.
struct ELECTSEC_API MappedSafeguard {
  const Safeguard* safeguard;        ///< never null
  std::optional<Maturity> maturity;  ///< the mapping's level tag; none when untagged
};

/// How much of an Implementation Group the practices cover.
struct ELECTSEC_API Coverage {
  ImplementationGroup ig;                  ///< the group
  std::size_t total = 0;                   ///< Safeguards in the group
  std::vector<const Safeguard*> mapped;    ///< ... that at least one practice maps to
  std::vector<const Safeguard*> unmapped;  ///< ... that no practice maps to
};

class CatalogBuilder;
namespace detail {
struct CatalogAccess;
}

/// The validated model. Build one with CatalogBuilder, `parse_catalog`/`load_catalog`
/// (catalog_json.hpp), or take the embedded one from `default_catalog()`.
///
/// Single lookups (`practice`, `action`, `safeguard`, `control`, the relations) are
/// hash lookups and throw NotFound when the id is unknown; list queries return an
/// empty vector when nothing matches. Lists keep the catalog's order.
class ELECTSEC_API Catalog {
 public:
  /// Everything the catalog holds, as the plain data it was built from.
  const CatalogData& data() const noexcept;
  /// Which guide, and which release of it, the catalog models.
  const GuideInfo& guide() const noexcept;

  /// All best practices, in index order.
  const std::vector<Practice>& practices() const noexcept;
  /// The practices `filter` selects, in index order.
  std::vector<const Practice*> practices(const PracticeFilter& filter) const;
  /// A practice by id ("backups"); throws NotFound.
  const Practice& practice(std::string_view id) const;
  /// An action by id ("backups.l1.1"); throws NotFound.
  const Action& action(std::string_view id) const;
  /// An action by id, or null when the catalog has none: for callers that expect misses
  /// (ids of another release), where an exception per miss would cost.
  const Action* find_action(std::string_view id) const noexcept;
  /// The practice an action belongs to.
  const Practice& practice_of_action(std::string_view action_id) const;

  /// The CIS Controls, 1 to 18.
  const std::vector<Control>& controls() const noexcept;
  /// A CIS Control by number; throws NotFound.
  const Control& control(int id) const;
  /// All CIS Safeguards, in CIS order.
  const std::vector<Safeguard>& safeguards() const noexcept;
  /// The Safeguards `filter` selects, in CIS order.
  std::vector<const Safeguard*> safeguards(const SafeguardFilter& filter) const;
  /// A Safeguard by id ("4.1"); throws NotFound.
  const Safeguard& safeguard(std::string_view id) const;

  /// Practices that map to a Safeguard, in index order (throws NotFound for an unknown
  /// Safeguard; an empty list for a known one that no practice maps to).
  std::vector<MappedPractice> practices_of_safeguard(std::string_view id) const;
  /// Safeguards a practice maps to, in the order the guide lists them.
  std::vector<MappedSafeguard> safeguards_of_practice(std::string_view id) const;

  /// Actions of a practice that apply to an office at maturity `m`: those whose block's
  /// lowest level is <= m, none when the practice is out of scope at m; guide order.
  std::vector<const Action*> applicable_actions(std::string_view practice_id, Maturity m) const;
  /// The actions `filter` selects, practice by practice in index order.
  std::vector<const Action*> actions(const ActionFilter& filter = {}) const;

  /// The Safeguards of `ig` split into those some practice maps to and those none does.
  Coverage coverage(ImplementationGroup ig) const;

  /// The three maturity levels.
  const std::vector<MaturityLevel>& maturity_levels() const noexcept;
  /// Every maturity statement, in catalog order.
  const std::vector<MaturityStatement>& maturity_statements() const noexcept;
  /// The statements that characterise one level, in order.
  std::vector<const MaturityStatement*> maturity_statements(Maturity level) const;
  /// A maturity statement by id ("l2.3"); throws NotFound.
  const MaturityStatement& maturity_statement(std::string_view id) const;
  /// A maturity statement by id, or null when the catalog has none.
  const MaturityStatement* find_maturity_statement(std::string_view id) const noexcept;

  /// The guide's priority lists.
  const Priorities& priorities() const noexcept;
  /// A Level 1 baseline worksheet by id ("account-security").
  const Worksheet& worksheet(std::string_view id) const;

  /// The 88 practices of the 2018 Handbook, by number.
  const std::vector<HandbookPractice>& handbook() const noexcept;
  /// A Handbook practice by number (1..88); throws NotFound.
  const HandbookPractice& handbook_practice(int number) const;
  /// EGES practices the guide's Handbook appendix maps a Handbook practice to.
  std::vector<const Practice*> practices_of_handbook(int number) const;
  /// Handbook practices a best practice's own page lists (`Practice::handbook`). The
  /// guide's two lists need not agree; each query reports its own source.
  std::vector<const HandbookPractice*> handbook_of_practice(std::string_view id) const;

  /// The glossary, in the guide's order.
  const std::vector<GlossaryEntry>& glossary() const noexcept;
  /// A glossary entry by term, ignoring ASCII case.
  const GlossaryEntry& glossary_entry(std::string_view term) const;
  /// Every acronym expansion, in the guide's order.
  const std::vector<Acronym>& acronyms() const noexcept;
  /// Every expansion of an acronym (some have several), ignoring ASCII case; throws
  /// NotFound when the catalog lists none.
  std::vector<std::string> acronym_expansions(std::string_view term) const;

  /// The other guidance the catalog carries.
  const Guidance& guidance() const noexcept;
  /// A guidance source by id ("dhs_cisa"); throws NotFound.
  const GuidanceSource& guidance_source(std::string_view id) const;
  /// A recommendation by id ("cap_mayors.4"); throws NotFound.
  const Recommendation& recommendation(std::string_view id) const;
  /// Recommendations matching every given filter field, in catalog order.
  std::vector<const Recommendation*> recommendations(const RecommendationFilter& filter) const;
  /// The recommendations (including partners' services) that relate to a practice.
  std::vector<const Recommendation*> recommendations_of_practice(std::string_view practice_id) const;

  /// The election-infrastructure primer (empty for a release without one).
  const Primer& primer() const noexcept;
  /// A kind of election system by id ("pollbooks"); throws NotFound.
  const SystemComponent& system_component(std::string_view id) const;
  /// A risk the primer names, by id ("removable_media"); throws NotFound.
  const SystemRisk& system_risk(std::string_view id) const;
  /// A connectedness class; throws NotFound when the catalog has no primer.
  const ConnectednessClass& connectedness_class(Connectedness c) const;
  /// The kinds of system the primer lists a risk for, in the primer's order.
  std::vector<const SystemComponent*> components_with_risk(std::string_view risk_id) const;
  /// electsec's own links from kinds of system, connectedness classes and risks to
  /// practices (none of them is the guide's), in catalog order.
  const std::vector<SystemLink>& system_links() const noexcept;
  /// electsec's links whose subject is `subject` (a component id, a connectedness string
  /// or a risk id), in catalog order; empty when there are none.
  std::vector<const SystemLink*> system_links_of(std::string_view subject) const;

  /// Same content (what the JSON format carries).
  bool operator==(const Catalog& o) const;  ///< Equal when every field is equal.
  /// Different content.
  bool operator!=(const Catalog& o) const { return !(*this == o); }

  struct Impl;

 private:
  friend class CatalogBuilder;
  friend struct detail::CatalogAccess;  // the engines read the indexes directly
  explicit Catalog(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// Collects catalog content and turns it into a Catalog. `build()` validates everything
/// and throws ValidationError listing every problem found: duplicate ids, references
/// that do not resolve (mapped Safeguards, dependencies, worksheet actions, priority
/// practices, Handbook numbers, guidance links, the primer's risks and electsec's system
/// links), malformed ids, action ids that do not
/// match their practice, levels or group, and levels that do not exist.
class ELECTSEC_API CatalogBuilder {
 public:
  CatalogBuilder() = default;  ///< An empty builder.
  /// A builder holding `data` already, e.g. a catalog's data to change and rebuild.
  explicit CatalogBuilder(CatalogData data) : data_(std::move(data)) {}

  /// Set which guide the catalog models.
  CatalogBuilder& guide(GuideInfo info);
  /// \name Adding content
  //@{
  /// Append one item after those of its kind; nothing is checked until `build()`.
  /// Returns the builder, so calls chain.
  CatalogBuilder& add(MaturityLevel level);
  CatalogBuilder& add(MaturityStatement statement);
  CatalogBuilder& add(Practice practice);
  CatalogBuilder& add(Control control);
  CatalogBuilder& add(Safeguard safeguard);
  CatalogBuilder& add(HandbookPractice handbook_practice);
  CatalogBuilder& add(GlossaryEntry entry);
  CatalogBuilder& add(Acronym acronym);
  CatalogBuilder& add(GuidanceSource source);
  CatalogBuilder& add(Recommendation recommendation);
  CatalogBuilder& add(SystemLink link);
  //@}
  /// Set the election-infrastructure primer.
  CatalogBuilder& primer(Primer primer);
  /// Set the priority lists.
  CatalogBuilder& priorities(Priorities priorities);

  /// What has been collected so far.
  const CatalogData& data() const noexcept { return data_; }

  /// Every problem that `build()` would report; empty when the content is consistent.
  std::vector<Problem> problems() const;

  /// Validate and index. Throws ValidationError (all problems) when inconsistent. The
  /// builder may be reused afterwards; the Catalog does not share its storage.
  Catalog build() const&;
  /// As above, moving the collected data into the Catalog instead of copying it.
  Catalog build() &&;

 private:
  CatalogData data_;
};

}  // namespace electsec
