#pragma once
/// \file
/// The Catalog: the whole model of the guide, validated, indexed and immutable.
///
/// Thread safety: a Catalog is logically immutable and every member function is const
/// and free of hidden mutable state, so one Catalog (or copies of it, which share the
/// same data) may be used from any number of threads at once without locking.
///
/// Lifetime: references and pointers returned by a Catalog point into data it shares
/// with its copies; they stay valid while any copy of that Catalog is alive.

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
struct PracticeFilter {
  std::optional<Maturity> maturity;
  std::optional<Scope> scope;
};

/// Which safeguards `Catalog::safeguards` returns; unset fields do not filter. An
/// Implementation Group selects the Safeguards that belong to it (IG2 includes IG1's).
struct SafeguardFilter {
  std::optional<ImplementationGroup> ig;
  std::optional<int> control;
  std::optional<AssetType> asset_type;
  std::optional<SecurityFunction> function;
};

/// Which recommendations `Catalog::recommendations` returns; unset fields do not filter.
struct RecommendationFilter {
  std::optional<std::string> source;
  std::optional<std::string> audience;
  std::optional<std::string> category;
  std::optional<std::string> practice;  ///< related to this practice
};

/// A practice that maps to a Safeguard, with the maturity tag of that mapping.
struct MappedPractice {
  const Practice* practice;
  std::optional<Maturity> maturity;
};

/// A Safeguard that a practice maps to, with the maturity tag of that mapping.
struct MappedSafeguard {
  const Safeguard* safeguard;
  std::optional<Maturity> maturity;
};

/// How much of an Implementation Group the practices cover.
struct Coverage {
  ImplementationGroup ig;
  std::size_t total = 0;                  ///< Safeguards in the group
  std::vector<const Safeguard*> mapped;   ///< ... that at least one practice maps to
  std::vector<const Safeguard*> unmapped; ///< ... that no practice maps to
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
class Catalog {
 public:
  const CatalogData& data() const noexcept;
  const GuideInfo& guide() const noexcept;

  const std::vector<Practice>& practices() const noexcept;
  std::vector<const Practice*> practices(const PracticeFilter& filter) const;
  const Practice& practice(std::string_view id) const;
  const Action& action(std::string_view id) const;
  /// The practice an action belongs to.
  const Practice& practice_of_action(std::string_view action_id) const;

  const std::vector<Control>& controls() const noexcept;
  const Control& control(int id) const;
  const std::vector<Safeguard>& safeguards() const noexcept;
  std::vector<const Safeguard*> safeguards(const SafeguardFilter& filter) const;
  const Safeguard& safeguard(std::string_view id) const;

  /// Practices that map to a Safeguard, in index order (throws NotFound for an unknown
  /// Safeguard; an empty list for a known one that no practice maps to).
  const std::vector<MappedPractice>& practices_of_safeguard(std::string_view id) const;
  /// Safeguards a practice maps to, in the order the guide lists them.
  const std::vector<MappedSafeguard>& safeguards_of_practice(std::string_view id) const;

  /// Actions of a practice that apply to an office at maturity `m`: those whose block's
  /// lowest level is <= m, none when the practice is out of scope at m; guide order.
  std::vector<const Action*> applicable_actions(std::string_view practice_id,
                                                Maturity m) const;

  /// The Safeguards of `ig` split into those some practice maps to and those none does.
  Coverage coverage(ImplementationGroup ig) const;

  const std::vector<MaturityLevel>& maturity_levels() const noexcept;
  const std::vector<MaturityStatement>& maturity_statements() const noexcept;
  /// The statements that characterise one level, in order.
  std::vector<const MaturityStatement*> maturity_statements(Maturity level) const;
  const MaturityStatement& maturity_statement(std::string_view id) const;

  const Priorities& priorities() const noexcept;
  /// A Level 1 baseline worksheet by id ("account-security").
  const Worksheet& worksheet(std::string_view id) const;

  /// The 88 practices of the 2018 Handbook, by number.
  const std::vector<HandbookPractice>& handbook() const noexcept;
  const HandbookPractice& handbook_practice(int number) const;
  /// EGES practices the guide's Handbook appendix maps a Handbook practice to.
  std::vector<const Practice*> practices_of_handbook(int number) const;
  /// Handbook practices a best practice's own page lists (`Practice::handbook`). The
  /// guide's two lists need not agree; each query reports its own source.
  std::vector<const HandbookPractice*> handbook_of_practice(std::string_view id) const;

  const std::vector<GlossaryEntry>& glossary() const noexcept;
  /// A glossary entry by term, ignoring ASCII case.
  const GlossaryEntry& glossary_entry(std::string_view term) const;
  const std::vector<Acronym>& acronyms() const noexcept;
  /// Every expansion of an acronym (some have several), ignoring ASCII case; throws
  /// NotFound when the catalog lists none.
  std::vector<std::string> acronym_expansions(std::string_view term) const;

  const Guidance& guidance() const noexcept;
  const GuidanceSource& guidance_source(std::string_view id) const;
  const Recommendation& recommendation(std::string_view id) const;
  /// Recommendations matching every given filter field, in catalog order.
  std::vector<const Recommendation*> recommendations(const RecommendationFilter& filter) const;
  /// The recommendations (including partners' services) that relate to a practice.
  const std::vector<const Recommendation*>& recommendations_of_practice(std::string_view practice_id) const;

  /// Same content (what the JSON format carries).
  bool operator==(const Catalog& o) const;
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
/// practices, Handbook numbers, guidance links), malformed ids, action ids that do not
/// match their practice, levels or group, and levels that do not exist.
class CatalogBuilder {
 public:
  CatalogBuilder() = default;
  explicit CatalogBuilder(CatalogData data) : data_(std::move(data)) {}

  CatalogBuilder& guide(GuideInfo info);
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
  CatalogBuilder& priorities(Priorities priorities);

  /// What has been collected so far.
  const CatalogData& data() const noexcept { return data_; }

  /// Every problem that `build()` would report; empty when the content is consistent.
  std::vector<Problem> problems() const;

  /// Validate and index. Throws ValidationError (all problems) when inconsistent. The
  /// builder may be reused afterwards; the Catalog does not share its storage.
  Catalog build() const&;
  Catalog build() &&;

 private:
  CatalogData data_;
};

}  // namespace electsec
