#include "catalog_impl.hpp"

#include <electsec/error.hpp>

#include "text.hpp"

#include <algorithm>
#include <type_traits>

namespace electsec {

namespace {

std::size_t idx(Maturity m) { return static_cast<std::size_t>(m) - 1; }
std::size_t idx(Scope s) { return static_cast<std::size_t>(s); }

template <typename T, typename IdOf>
[[noreturn]] void throw_not_found(const char* kind, std::string_view id, const std::vector<T>& items, IdOf id_of) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(id_of(item));
  throw NotFound(kind, std::string(id), detail::closest(id, ids));
}

// The item `index` maps `key` to, or NotFound naming the key and the closest ids.
template <typename Index, typename Key, typename T, typename IdOf>
const T& find_or_throw(const char* kind, const Index& index, const Key& key, const std::vector<T>& items, IdOf id_of) {
  const auto it = index.find(key);
  if (it == index.end()) {
    if constexpr (std::is_integral_v<Key>)
      throw_not_found(kind, std::to_string(key), items, id_of);
    else
      throw_not_found(kind, key, items, id_of);
  }
  return items[it->second];
}

std::vector<std::string> all_action_ids(const CatalogData& d) {
  std::vector<std::string> ids;
  for (const auto& p : d.practices)
    for (const auto& a : p.actions) ids.push_back(a.id);
  return ids;
}

}  // namespace

Catalog::Impl::Impl(CatalogData d) : data(std::move(d)) {
  std::stable_sort(data.practices.begin(), data.practices.end(),
                   [](const Practice& a, const Practice& b) { return a.order < b.order; });
  // Sized once: no index is rehashed while it fills.
  std::size_t actions = 0;
  for (const Practice& p : data.practices) actions += p.actions.size();
  safeguard_index.reserve(data.safeguards.size());
  control_index.reserve(data.controls.size());
  practice_index.reserve(data.practices.size());
  action_index.reserve(actions);
  statement_index.reserve(data.maturity_statements.size());
  worksheet_index.reserve(data.priorities.level1_baseline.size());
  handbook_index.reserve(data.handbook.size());
  source_index.reserve(data.guidance.sources.size());
  recommendation_index.reserve(data.guidance.recommendations.size());
  glossary_index.reserve(data.glossary.size());
  acronym_index.reserve(data.acronyms.size());
  first_action.reserve(data.practices.size());
  actions_in_order.reserve(actions);
  for (std::size_t i = 0; i < data.safeguards.size(); ++i) safeguard_index.emplace(data.safeguards[i].id, i);
  for (std::size_t i = 0; i < data.controls.size(); ++i) control_index.emplace(data.controls[i].id, i);
  std::size_t mappings = 0;
  for (const Practice& p : data.practices) mappings += p.safeguards.size();
  std::vector<std::pair<std::size_t, MappedPractice>> by_safeguard;
  std::vector<std::pair<std::size_t, MappedSafeguard>> by_practice;
  by_safeguard.reserve(mappings);
  by_practice.reserve(mappings);
  for (auto& list : by_maturity_scope)
    for (auto& v : list) v.reserve(data.practices.size());
  for (auto& v : applicable_at) v.reserve(data.practices.size());
  for (auto& v : with_scope) v.reserve(data.practices.size());
  for (std::size_t i = 0; i < data.practices.size(); ++i) {
    const Practice& p = data.practices[i];
    practice_index.emplace(p.id, i);
    for (std::size_t a = 0; a < p.actions.size(); ++a) action_index.emplace(p.actions[a].id, std::make_pair(i, a));
    for (const auto& m : p.safeguards) {
      const std::size_t s = safeguard_index.at(m.safeguard);
      by_safeguard.push_back({s, {&p, m.maturity}});
      by_practice.push_back({i, {&data.safeguards[s], m.maturity}});
    }
    std::array<bool, 3> has_scope{};
    for (Maturity m : all_maturities) {
      const Scope s = p.scope_at(m);
      by_maturity_scope[idx(m)][idx(s)].push_back(&p);
      if (s != Scope::out_of_scope) applicable_at[idx(m)].push_back(&p);
      has_scope[idx(s)] = true;
    }
    for (Scope s : all_scopes)
      if (has_scope[idx(s)]) with_scope[idx(s)].push_back(&p);
  }
  practices_by_safeguard = detail::Grouped<MappedPractice>(data.safeguards.size(), by_safeguard);
  safeguards_by_practice = detail::Grouped<MappedSafeguard>(data.practices.size(), by_practice);
  for (const Practice& p : data.practices) {
    first_action.push_back(actions_in_order.size());
    for (const Action& a : p.actions) actions_in_order.push_back(&a);
  }
  applicable_counts.resize(data.practices.size());
  for (std::size_t i = 0; i < data.practices.size(); ++i)
    for (Maturity m : all_maturities)
      if (data.practices[i].scope_at(m) != Scope::out_of_scope)
        for (const auto& a : data.practices[i].actions)
          if (a.first_level() <= m) ++applicable_counts[i][idx(m)];
  for (std::size_t i = 0; i < data.maturity_statements.size(); ++i)
    statement_index.emplace(data.maturity_statements[i].id, i);
  for (std::size_t i = 0; i < data.priorities.level1_baseline.size(); ++i)
    worksheet_index.emplace(data.priorities.level1_baseline[i].id, i);
  std::vector<std::pair<std::size_t, const Practice*>> by_handbook;
  for (std::size_t i = 0; i < data.handbook.size(); ++i) {
    handbook_index.emplace(data.handbook[i].number, i);
    for (const auto& id : data.handbook[i].practices)
      by_handbook.push_back({i, &data.practices[practice_index.at(id)]});
  }
  practices_by_handbook = detail::Grouped<const Practice*>(data.handbook.size(), by_handbook);
  for (std::size_t i = 0; i < data.guidance.sources.size(); ++i) source_index.emplace(data.guidance.sources[i].id, i);
  std::vector<std::pair<std::size_t, const Recommendation*>> by_recommendation;
  for (std::size_t i = 0; i < data.guidance.recommendations.size(); ++i) {
    const Recommendation& r = data.guidance.recommendations[i];
    recommendation_index.emplace(r.id, i);
    for (const auto& rp : r.practices) by_recommendation.push_back({practice_index.at(rp.practice), &r});
  }
  recommendations_by_practice = detail::Grouped<const Recommendation*>(data.practices.size(), by_recommendation);
  for (std::size_t i = 0; i < data.glossary.size(); ++i)
    glossary_index.emplace(detail::lower_case(data.glossary[i].term), i);
  for (std::size_t i = 0; i < data.acronyms.size(); ++i)
    acronym_index[detail::lower_case(data.acronyms[i].term)].push_back(i);
}

const CatalogData& Catalog::data() const noexcept { return impl_->data; }
const GuideInfo& Catalog::guide() const noexcept { return impl_->data.guide; }
const std::vector<Practice>& Catalog::practices() const noexcept { return impl_->data.practices; }
const std::vector<Control>& Catalog::controls() const noexcept { return impl_->data.controls; }
const std::vector<Safeguard>& Catalog::safeguards() const noexcept { return impl_->data.safeguards; }
const std::vector<MaturityLevel>& Catalog::maturity_levels() const noexcept { return impl_->data.maturity_levels; }
const std::vector<MaturityStatement>& Catalog::maturity_statements() const noexcept {
  return impl_->data.maturity_statements;
}
const Priorities& Catalog::priorities() const noexcept { return impl_->data.priorities; }

std::vector<const MaturityStatement*> Catalog::maturity_statements(Maturity level) const {
  std::vector<const MaturityStatement*> out;
  for (const auto& s : impl_->data.maturity_statements)
    if (s.level == level) out.push_back(&s);
  return out;
}

const MaturityStatement& Catalog::maturity_statement(std::string_view id) const {
  return find_or_throw("maturity statement", impl_->statement_index, id, impl_->data.maturity_statements,
                       [](const MaturityStatement& s) { return s.id; });
}

const Worksheet& Catalog::worksheet(std::string_view id) const {
  return find_or_throw("worksheet", impl_->worksheet_index, id, impl_->data.priorities.level1_baseline,
                       [](const Worksheet& w) { return w.id; });
}

const HandbookPractice& Catalog::handbook_practice(int number) const {
  return find_or_throw("Handbook practice", impl_->handbook_index, number, impl_->data.handbook,
                       [](const HandbookPractice& h) { return std::to_string(h.number); });
}

std::vector<const Practice*> Catalog::practices_of_handbook(int number) const {
  const HandbookPractice& h = handbook_practice(number);
  return impl_->practices_by_handbook.copy(static_cast<std::size_t>(&h - impl_->data.handbook.data()));
}

std::vector<const HandbookPractice*> Catalog::handbook_of_practice(std::string_view id) const {
  std::vector<const HandbookPractice*> out;
  for (int n : practice(id).handbook) {
    const auto it = impl_->handbook_index.find(n);
    if (it != impl_->handbook_index.end()) out.push_back(&impl_->data.handbook[it->second]);
  }
  return out;
}

const GuidanceSource& Catalog::guidance_source(std::string_view id) const {
  return find_or_throw("guidance source", impl_->source_index, id, impl_->data.guidance.sources,
                       [](const GuidanceSource& s) { return s.id; });
}

const Recommendation& Catalog::recommendation(std::string_view id) const {
  return find_or_throw("recommendation", impl_->recommendation_index, id, impl_->data.guidance.recommendations,
                       [](const Recommendation& r) { return r.id; });
}

std::vector<const Recommendation*> Catalog::recommendations(const RecommendationFilter& f) const {
  std::vector<const Recommendation*> out;
  for (const auto& r : impl_->data.guidance.recommendations) {
    if (f.source && r.source != *f.source) continue;
    if (f.audience && r.audience != *f.audience) continue;
    if (f.category && r.category != *f.category) continue;
    if (f.practice && std::none_of(r.practices.begin(), r.practices.end(),
                                   [&](const RelatedPractice& rp) { return rp.practice == *f.practice; }))
      continue;
    out.push_back(&r);
  }
  return out;
}

std::vector<const Recommendation*> Catalog::recommendations_of_practice(std::string_view id) const {
  const Practice& p = practice(id);
  return impl_->recommendations_by_practice.copy(static_cast<std::size_t>(&p - impl_->data.practices.data()));
}

const GlossaryEntry& Catalog::glossary_entry(std::string_view term) const {
  const auto it = impl_->glossary_index.find(detail::lower_case(term));
  if (it == impl_->glossary_index.end())
    throw_not_found("glossary term", term, impl_->data.glossary, [](const GlossaryEntry& g) { return g.term; });
  return impl_->data.glossary[it->second];
}

std::vector<std::string> Catalog::acronym_expansions(std::string_view term) const {
  const auto it = impl_->acronym_index.find(detail::lower_case(term));
  if (it == impl_->acronym_index.end())
    throw_not_found("acronym", term, impl_->data.acronyms, [](const Acronym& a) { return a.term; });
  std::vector<std::string> out;
  for (std::size_t i : it->second) out.push_back(impl_->data.acronyms[i].expansion);
  return out;
}
const std::vector<HandbookPractice>& Catalog::handbook() const noexcept { return impl_->data.handbook; }
const std::vector<GlossaryEntry>& Catalog::glossary() const noexcept { return impl_->data.glossary; }
const std::vector<Acronym>& Catalog::acronyms() const noexcept { return impl_->data.acronyms; }
const Guidance& Catalog::guidance() const noexcept { return impl_->data.guidance; }

const Primer& Catalog::primer() const noexcept { return impl_->data.primer; }
const std::vector<SystemLink>& Catalog::system_links() const noexcept { return impl_->data.system_links; }

namespace {
// The primer's lists are short (six components, a dozen risks): a scan, not an index.
template <typename T>
const T& find_by_id(const char* kind, const std::vector<T>& items, std::string_view id) {
  for (const auto& item : items)
    if (item.id == id) return item;
  throw_not_found(kind, id, items, [](const T& x) { return x.id; });
}
}  // namespace

const SystemComponent& Catalog::system_component(std::string_view id) const {
  return find_by_id("system component", impl_->data.primer.components, id);
}

const SystemRisk& Catalog::system_risk(std::string_view id) const {
  return find_by_id("system risk", impl_->data.primer.risks, id);
}

const ConnectednessClass& Catalog::connectedness_class(Connectedness c) const {
  for (const auto& k : impl_->data.primer.classes)
    if (k.id == c) return k;
  throw NotFound("connectedness class", std::string(to_string(c)), {});
}

std::vector<const SystemComponent*> Catalog::components_with_risk(std::string_view risk_id) const {
  system_risk(risk_id);  // NotFound for an unknown risk
  std::vector<const SystemComponent*> out;
  for (const auto& c : impl_->data.primer.components)
    if (std::find(c.risks.begin(), c.risks.end(), risk_id) != c.risks.end()) out.push_back(&c);
  return out;
}

std::vector<const SystemLink*> Catalog::system_links_of(std::string_view subject) const {
  std::vector<const SystemLink*> out;
  for (const auto& l : impl_->data.system_links)
    if (l.subject == subject) out.push_back(&l);
  return out;
}

bool Catalog::operator==(const Catalog& o) const { return impl_ == o.impl_ || impl_->data == o.impl_->data; }

std::vector<const Practice*> Catalog::practices(const PracticeFilter& f) const {
  if (f.maturity && f.scope) return impl_->by_maturity_scope[idx(*f.maturity)][idx(*f.scope)];
  if (f.maturity) return impl_->applicable_at[idx(*f.maturity)];
  if (f.scope) return impl_->with_scope[idx(*f.scope)];
  std::vector<const Practice*> all;
  all.reserve(impl_->data.practices.size());
  for (const auto& p : impl_->data.practices) all.push_back(&p);
  return all;
}

const Practice& Catalog::practice(std::string_view id) const {
  return find_or_throw("practice", impl_->practice_index, id, impl_->data.practices,
                       [](const Practice& p) { return p.id; });
}

const Action& Catalog::action(std::string_view id) const {
  const auto it = impl_->action_index.find(id);
  if (it == impl_->action_index.end())
    throw NotFound("action", std::string(id), detail::closest(id, all_action_ids(impl_->data)));
  return impl_->data.practices[it->second.first].actions[it->second.second];
}

const Action* Catalog::find_action(std::string_view id) const noexcept {
  const auto it = impl_->action_index.find(id);
  if (it == impl_->action_index.end()) return nullptr;
  return &impl_->data.practices[it->second.first].actions[it->second.second];
}

const MaturityStatement* Catalog::find_maturity_statement(std::string_view id) const noexcept {
  const auto it = impl_->statement_index.find(id);
  return it == impl_->statement_index.end() ? nullptr : &impl_->data.maturity_statements[it->second];
}

const Practice& Catalog::practice_of_action(std::string_view action_id) const {
  const auto it = impl_->action_index.find(action_id);
  if (it == impl_->action_index.end()) action(action_id);  // throws NotFound with suggestions
  return impl_->data.practices[it->second.first];
}

const Control& Catalog::control(int id) const {
  return find_or_throw("control", impl_->control_index, id, impl_->data.controls,
                       [](const Control& c) { return std::to_string(c.id); });
}

const Safeguard& Catalog::safeguard(std::string_view id) const {
  return find_or_throw("safeguard", impl_->safeguard_index, id, impl_->data.safeguards,
                       [](const Safeguard& s) { return s.id; });
}

std::vector<const Safeguard*> Catalog::safeguards(const SafeguardFilter& f) const {
  std::vector<const Safeguard*> out;
  for (const auto& s : impl_->data.safeguards) {
    if (f.ig && !s.in_group(*f.ig)) continue;
    if (f.control && s.control != *f.control) continue;
    if (f.asset_type && s.asset_type != *f.asset_type) continue;
    if (f.function && s.security_function != *f.function) continue;
    out.push_back(&s);
  }
  return out;
}

std::vector<MappedPractice> Catalog::practices_of_safeguard(std::string_view id) const {
  const Safeguard& s = safeguard(id);
  return impl_->practices_by_safeguard.copy(static_cast<std::size_t>(&s - impl_->data.safeguards.data()));
}

std::vector<MappedSafeguard> Catalog::safeguards_of_practice(std::string_view id) const {
  const Practice& p = practice(id);
  return impl_->safeguards_by_practice.copy(static_cast<std::size_t>(&p - impl_->data.practices.data()));
}

std::vector<const Action*> Catalog::applicable_actions(std::string_view practice_id, Maturity m) const {
  const Practice& p = practice(practice_id);
  std::vector<const Action*> out;
  if (p.scope_at(m) == Scope::out_of_scope) return out;
  for (const auto& a : p.actions)
    if (a.first_level() <= m) out.push_back(&a);
  return out;
}

std::vector<const Action*> Catalog::actions(const ActionFilter& f) const {
  std::vector<const Practice*> chosen;
  if (f.practice)
    chosen.push_back(&practice(*f.practice));
  else
    for (const auto& p : impl_->data.practices) chosen.push_back(&p);
  std::vector<const Action*> out;
  for (const Practice* p : chosen) {
    if (f.maturity) {
      const auto some = applicable_actions(p->id, *f.maturity);
      out.insert(out.end(), some.begin(), some.end());
    } else {
      for (const auto& a : p->actions) out.push_back(&a);
    }
  }
  return out;
}

Coverage Catalog::coverage(ImplementationGroup ig) const {
  Coverage c{ig, 0, {}, {}};
  for (std::size_t i = 0; i < impl_->data.safeguards.size(); ++i) {
    const Safeguard& s = impl_->data.safeguards[i];
    if (!s.in_group(ig)) continue;
    ++c.total;
    (impl_->practices_by_safeguard[i].empty() ? c.unmapped : c.mapped).push_back(&s);
  }
  return c;
}

}  // namespace electsec
