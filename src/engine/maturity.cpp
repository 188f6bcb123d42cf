#include <electsec/maturity.hpp>

#include <sstream>

namespace electsec {

namespace {

std::string tally_text(const LevelTally& t) {
  std::ostringstream os;
  os << level_name(t.level) << ": " << t.yes << " of " << t.total << " statements apply";
  if (t.answered < t.total) os << " (" << t.answered << " answered)";
  os << (t.majority() ? ", a majority" : ", not a majority");
  return os.str();
}

}  // namespace

MaturityResult determine_maturity(const Catalog& catalog, const MaturityAnswers& answers) {
  MaturityResult r;
  for (Maturity m : all_maturities) r.tallies[static_cast<std::size_t>(m) - 1].level = m;
  for (const auto& [id, yes] : answers) catalog.maturity_statement(id);  // NotFound for unknown ids
  std::size_t answered = 0, total = 0;
  for (const auto& s : catalog.maturity_statements()) {
    LevelTally& t = r.tallies[static_cast<std::size_t>(s.level) - 1];
    ++t.total;
    ++total;
    const auto it = answers.find(s.id);
    if (it == answers.end()) continue;
    ++t.answered;
    ++answered;
    if (it->second) {
      ++t.yes;
      r.applied.push_back(s.id);
    }
  }

  Maturity candidate = Maturity::level1;
  if (r.tallies[1].majority()) candidate = r.tallies[2].majority() ? Maturity::level3 : Maturity::level2;
  r.conflict = candidate != Maturity::level1 && r.tallies[0].majority();
  r.unsure = 2 * answered < total;
  r.level = r.conflict || r.unsure ? Maturity::level1 : candidate;

  std::ostringstream why;
  for (const auto& t : r.tallies) why << tally_text(t) << ".\n";
  if (r.unsure)
    why << "Only " << answered << " of " << total
        << " statements were answered, fewer than half: when unsure, begin at Level 1.";
  else if (r.conflict)
    why << "Most Level 1 statements apply, and so do most of " << level_name(candidate)
        << "'s: the answers contradict each other, so begin at Level 1 and review them.";
  else if (candidate == Maturity::level1)
    why << "Most Level 2 statements do not apply, so the office is at Level 1.";
  else if (candidate == Maturity::level2)
    why << "Most Level 2 statements apply but most Level 3 ones do not, so the office is at Level 2.";
  else
    why << "Most Level 2 and most Level 3 statements apply, so the office is at Level 3.";
  r.rationale = why.str();
  return r;
}

}  // namespace electsec
