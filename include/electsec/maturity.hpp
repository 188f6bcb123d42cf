#pragma once
/// \file
/// Maturity determination: the guide's "most of the following statements apply" rule,
/// made exact (docs/guide/rules.md).

#include <electsec/export.hpp>
#include <electsec/catalog.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace electsec {

/// How one level's statements were answered.
struct ELECTSEC_API LevelTally {
  Maturity level = Maturity::level1;  ///< which level
  std::size_t yes = 0;                ///< answered true
  std::size_t answered = 0;           ///< answered true or false
  std::size_t total = 0;              ///< statements of the level
  /// yes > total / 2: a strict majority of all the level's statements (a tie is not one).
  bool majority() const noexcept { return 2 * yes > total; }
};

/// The outcome of `determine_maturity`.
struct ELECTSEC_API MaturityResult {
  Maturity level = Maturity::level1;  ///< the office's level under the rule
  /// Most Level 1 statements apply as well as most of a higher level's: the answers
  /// contradict each other, so the result is Level 1.
  bool conflict = false;
  /// Fewer than half of all statements were answered, so the result is Level 1.
  bool unsure = false;
  std::array<LevelTally, 3> tallies{};  ///< one per level, Level 1 first
  std::vector<std::string> applied;     ///< ids of the statements answered true, in catalog order
  std::string rationale;                ///< a few sentences a person can read
};

/// Apply the rule: for each level L, majority(L) is yes(L) > total(L) / 2. The result is
/// the highest L in {2, 3} with a majority at every level from 2 to L, otherwise Level 1.
/// When majority(1) holds too while that result is 2 or 3, the result is Level 1 with
/// `conflict`. When fewer than half of all statements are answered, the result is
/// Level 1 with `unsure`. Pure; throws NotFound for an answer to an unknown statement.
ELECTSEC_API MaturityResult determine_maturity(const Catalog& catalog, const MaturityAnswers& answers);

}  // namespace electsec
