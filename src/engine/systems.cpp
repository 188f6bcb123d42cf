#include <electsec/systems.hpp>

#include <electsec/plan.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace electsec {

namespace {

SystemUseRisks risks_of(const Catalog& c, const SystemUse& use) {
  const SystemComponent& component = c.system_component(use.component);
  SystemUseRisks out;
  out.use = use;
  for (const auto& row : component.connections)
    if (row.connectedness == use.connectedness) {
      out.occurs = row.occurs;
      out.connection = row.text;
    }
  // A part with nothing digital in it does not face the cyber risks the primer lists.
  if (use.connectedness != Connectedness::none) out.risks = component.risks;
  return out;
}

// The rank of the first step of the guide's plan that lists an action of each practice.
std::map<std::string, int, std::less<>> plan_ranks(const Catalog& c, Maturity m) {
  std::map<std::string, int, std::less<>> ranks;
  for (const PlanStep& step : build_plan(c, m).steps) {
    for (const auto& action : step.actions) ranks.emplace(c.practice_of_action(action).id, step.rank);
  }
  return ranks;
}

}  // namespace

RiskPicture risk_picture(const Catalog& c, const std::vector<SystemUse>& systems, Maturity m) {
  RiskPicture picture;
  picture.maturity = m;
  std::vector<SystemPractice> found;  // in the order first linked
  const auto bring_in = [&](const SystemUse& use, const SystemLink& link) {
    auto it =
        std::find_if(found.begin(), found.end(), [&](const SystemPractice& p) { return p.practice == link.practice; });
    if (it == found.end()) {
      found.push_back({link.practice, c.practice(link.practice).scopes[static_cast<int>(m) - 1], 0, {}});
      it = std::prev(found.end());
    }
    it->links.push_back({use.component, use.connectedness, link.subject, link.reason, link.provenance});
  };
  for (const SystemUse& use : systems) {
    picture.systems.push_back(risks_of(c, use));
    const SystemUseRisks& applied = picture.systems.back();
    // From the component, then each risk that applies, then the connectedness class.
    for (const SystemLink* link : c.system_links_of(use.component)) bring_in(use, *link);
    for (const auto& risk : applied.risks)
      for (const SystemLink* link : c.system_links_of(risk)) bring_in(use, *link);
    for (const SystemLink* link : c.system_links_of(to_string(use.connectedness))) bring_in(use, *link);
  }
  const auto ranks = plan_ranks(c, m);
  for (auto& p : found) {
    if (const auto it = ranks.find(p.practice); it != ranks.end() && p.scope != Scope::out_of_scope) {
      p.plan_rank = it->second;
      picture.practices.push_back(std::move(p));
    } else {
      picture.out_of_scope.push_back(std::move(p));
    }
  }
  std::stable_sort(picture.practices.begin(), picture.practices.end(),
                   [](const SystemPractice& x, const SystemPractice& y) { return x.plan_rank < y.plan_rank; });
  std::stable_sort(picture.out_of_scope.begin(), picture.out_of_scope.end(),
                   [&](const SystemPractice& x, const SystemPractice& y) {
                     return c.practice(x.practice).order < c.practice(y.practice).order;
                   });
  return picture;
}

RiskPicture risk_picture(const Catalog& c, const Assessment& a) { return risk_picture(c, a.systems, a.maturity); }

std::string editorial_reason(const SystemPracticeLink& link) { return link.provenance + ": " + link.reason; }

std::string addressed_uses(const SystemPractice& p) {
  std::vector<std::string> uses;
  for (const auto& l : p.links) {
    std::string use = l.component + " (" + std::string(to_string(l.connectedness)) + ")";
    if (std::find(uses.begin(), uses.end(), use) == uses.end()) uses.push_back(std::move(use));
  }
  std::string out;
  for (std::size_t i = 0; i < uses.size(); ++i) out += (i ? ", " : "") + uses[i];
  return out;
}

bool SystemUseRisks::operator==(const SystemUseRisks& o) const {
  return std::tie(use, occurs, connection, risks) == std::tie(o.use, o.occurs, o.connection, o.risks);
}

bool SystemPracticeLink::operator==(const SystemPracticeLink& o) const {
  return std::tie(component, connectedness, subject, reason, provenance) ==
         std::tie(o.component, o.connectedness, o.subject, o.reason, o.provenance);
}

bool SystemPractice::operator==(const SystemPractice& o) const {
  return std::tie(practice, scope, plan_rank, links) == std::tie(o.practice, o.scope, o.plan_rank, o.links);
}

bool RiskPicture::operator==(const RiskPicture& o) const {
  return std::tie(maturity, systems, practices, out_of_scope) ==
         std::tie(o.maturity, o.systems, o.practices, o.out_of_scope);
}

}  // namespace electsec
