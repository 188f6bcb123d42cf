#pragma once
/// \file
/// Ranked full-text search over everything a catalog holds.

#include <electsec/export.hpp>
#include <electsec/catalog.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace electsec {

/// What a search hit is.
/// `system`, `connectedness` and `risk` are the primer's kinds of election system, its
/// connectedness classes and its risks.
enum class HitKind {
  practice,
  goal,
  action,
  paragraph,
  tool,
  safeguard,
  glossary,
  acronym,
  recommendation,
  system,
  connectedness,
  risk
};
/// "practice", "goal", "action", ... as the CLI's `--kind` spells them.
ELECTSEC_API std::string_view to_string(HitKind k);
/// Throws electsec::Error naming the accepted kinds.
ELECTSEC_API HitKind parse_hit_kind(std::string_view text);

/// One result of `search`.
struct ELECTSEC_API SearchHit {
  HitKind kind = HitKind::practice;  ///< what was found
  /// The thing's id: practice, goal, action, Safeguard and recommendation ids as
  /// elsewhere; "<practice>.tool.<n>" for tools; the term for glossary entries and
  /// acronyms; the primer's ids for systems, connectedness classes and risks.
  std::string id;
  std::string title;     ///< what to show: the practice's title for goals and actions
  std::string practice;  ///< the practice it belongs to, when it belongs to one
  double score = 0;      ///< BM25, higher is better (an id match: just above the best)
  std::string snippet;   ///< the text around the first match
};

/// What `search` returns: which kind of hit, and how many.
struct ELECTSEC_API SearchOptions {
  std::optional<HitKind> kind;  ///< only hits of this kind
  std::size_t limit = 10;       ///< at most this many hits
};

/// Hits for `query`, best first (ties in catalog order). Case-insensitive; words are
/// matched after light normalisation (plurals), common words are ignored, and words in
/// titles, names and terms count three times. A query that is an id ("4.1", "backups",
/// "cap_mayors.4", in any case) puts that item first, scored just above the best other
/// hit. An empty query, or one with no known word that is no id, gives no hits. The index is built on the first search
/// of a catalog (once, even from several threads at a time) and shared by its copies.
ELECTSEC_API std::vector<SearchHit> search(const Catalog& catalog, std::string_view query,
                                           const SearchOptions& options = {});

}  // namespace electsec
