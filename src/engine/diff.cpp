#include <electsec/diff.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace electsec {

namespace {

template <typename T, typename Key>
std::map<std::string, const T*> by_key(const std::vector<T>& items, Key key) {
  std::map<std::string, const T*> out;
  for (const auto& item : items) out.emplace(key(item), &item);
  return out;
}

std::string tool_key(const Tool& t) { return t.name.empty() ? t.url : t.name; }

}  // namespace

CatalogDiff diff(const Catalog& old_catalog, const Catalog& new_catalog) {
  CatalogDiff d;
  const auto id = [](const Practice& p) { return p.id; };
  const auto olds = by_key(old_catalog.practices(), id);
  const auto news = by_key(new_catalog.practices(), id);
  for (const auto& p : new_catalog.practices())
    if (!olds.count(p.id)) d.added.push_back(p.id);
  for (const auto& p : old_catalog.practices())
    if (!news.count(p.id)) d.removed.push_back(p.id);
  for (const auto& np : new_catalog.practices()) {
    const auto it = olds.find(np.id);
    if (it == olds.end()) continue;
    const Practice& op = *it->second;
    PracticeChange c;
    c.id = np.id;
    if (op.title != np.title) c.title = std::make_pair(op.title, np.title);
    if (op.scopes != np.scopes) c.scopes = std::make_pair(op.scopes, np.scopes);
    c.goals_changed = !(op.goals == np.goals);
    c.links_changed = !(op.links == np.links);
    c.paragraphs_changed = !(op.paragraphs == np.paragraphs);
    const auto action_id = [](const Action& a) { return a.id; };
    const auto oa = by_key(op.actions, action_id);
    const auto na = by_key(np.actions, action_id);
    for (const auto& a : np.actions) {
      const auto o = oa.find(a.id);
      if (o == oa.end())
        c.actions_added.push_back(a.id);
      else if (!(*o->second == a))
        c.actions_changed.push_back(a.id);
    }
    for (const auto& a : op.actions)
      if (!na.count(a.id)) c.actions_removed.push_back(a.id);
    const auto ot = by_key(op.tools, tool_key);
    const auto nt = by_key(np.tools, tool_key);
    for (const auto& t : np.tools)
      if (!ot.count(tool_key(t))) c.tools_added.push_back(tool_key(t));
    for (const auto& t : op.tools)
      if (!nt.count(tool_key(t))) c.tools_removed.push_back(tool_key(t));
    const auto mapping_id = [](const SafeguardMapping& m) { return m.safeguard; };
    const auto om = by_key(op.safeguards, mapping_id);
    const auto nm = by_key(np.safeguards, mapping_id);
    for (const auto& m : np.safeguards) {
      const auto o = om.find(m.safeguard);
      if (o == om.end())
        c.safeguards_added.push_back(m.safeguard);
      else if (o->second->maturity != m.maturity)
        c.safeguards_retagged.push_back(m.safeguard);
    }
    for (const auto& m : op.safeguards)
      if (!nm.count(m.safeguard)) c.safeguards_removed.push_back(m.safeguard);
    const std::set<int> oh(op.handbook.begin(), op.handbook.end()), nh(np.handbook.begin(), np.handbook.end());
    std::set_difference(nh.begin(), nh.end(), oh.begin(), oh.end(), std::back_inserter(c.handbook_added));
    std::set_difference(oh.begin(), oh.end(), nh.begin(), nh.end(), std::back_inserter(c.handbook_removed));
    const bool changed = c.title || c.scopes || c.goals_changed || c.links_changed || c.paragraphs_changed ||
                         !c.actions_added.empty() || !c.actions_removed.empty() || !c.actions_changed.empty() ||
                         !c.tools_added.empty() || !c.tools_removed.empty() || !c.safeguards_added.empty() ||
                         !c.safeguards_removed.empty() || !c.safeguards_retagged.empty() || !c.handbook_added.empty() ||
                         !c.handbook_removed.empty();
    if (changed) d.changed.push_back(std::move(c));
  }
  return d;
}

Migration migrate(const Assessment& assessment, const Catalog& target) {
  Migration m;
  m.from_version = assessment.catalog_version;
  m.assessment = assessment;
  m.assessment.statuses.clear();
  m.assessment.answers.clear();
  m.assessment.catalog_version = target.guide().version;
  for (const auto& [id, st] : assessment.statuses) {
    try {
      target.action(id);
      m.assessment.statuses.emplace(id, st);
      m.kept.push_back(id);
    } catch (const NotFound&) {
      m.assessment.retired[id] = st;
      m.retired.push_back(id);
    }
  }
  // Retired statuses that the target has again come back.
  for (auto it = m.assessment.retired.begin(); it != m.assessment.retired.end();) {
    bool known = true;
    try {
      target.action(it->first);
    } catch (const NotFound&) {
      known = false;
    }
    if (known && !assessment.statuses.count(it->first)) {
      m.assessment.statuses.emplace(it->first, it->second);
      m.kept.push_back(it->first);
      it = m.assessment.retired.erase(it);
    } else {
      ++it;
    }
  }
  for (const auto& [id, yes] : assessment.answers) {
    try {
      target.maturity_statement(id);
      m.assessment.answers[id] = yes;
    } catch (const NotFound&) {
      m.assessment.retired_answers[id] = yes;
    }
  }
  return m;
}

}  // namespace electsec
