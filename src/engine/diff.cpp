#include <electsec/diff.hpp>

#include "text.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace electsec {

std::string_view to_string(ChangeNature nature) { return nature == ChangeNature::fact ? "fact" : "wording"; }

bool PracticeChange::facts_changed() const {
  return std::any_of(changes.begin(), changes.end(),
                     [](const FieldChange& c) { return c.nature == ChangeNature::fact; });
}

bool CatalogDiff::same_facts() const {
  return added.empty() && removed.empty() &&
         std::none_of(changed.begin(), changed.end(), [](const PracticeChange& c) { return c.facts_changed(); }) &&
         std::none_of(changes.begin(), changes.end(),
                      [](const FieldChange& c) { return c.nature == ChangeNature::fact; });
}

namespace {

template <typename T, typename Key>
std::map<std::string, const T*> by_key(const std::vector<T>& items, Key key) {
  std::map<std::string, const T*> out;
  for (const auto& item : items) out.emplace(key(item), &item);
  return out;
}

std::string tool_name(const Tool& t) { return t.name.empty() ? t.url : t.name; }

// Values as text, the same way everywhere: lists joined with ", ", "none" for no value.
std::string text_of(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& x : items) out += (out.empty() ? "" : ", ") + x;
  return out;
}
std::string text_of(const std::vector<Maturity>& levels) {
  std::vector<std::string> v;
  for (auto m : levels) v.push_back(std::to_string(static_cast<int>(m)));
  return text_of(v);
}
std::string text_of(const std::vector<int>& numbers) {
  std::vector<std::string> v;
  for (int n : numbers) v.push_back(std::to_string(n));
  return text_of(v);
}
std::string text_of(const std::optional<Maturity>& m) {
  return m ? std::to_string(static_cast<int>(*m)) : std::string("none");
}
std::string text_of(const std::optional<std::string>& s) { return s ? *s : std::string("none"); }
std::string text_of(const std::array<Scope, 3>& s) {
  return std::string(to_string(s[0])) + ", " + std::string(to_string(s[1])) + ", " + std::string(to_string(s[2]));
}
std::string text_of(const std::vector<Link>& links) {
  std::vector<std::string> v;
  for (const auto& l : links) v.push_back(l.title + " <" + l.url + ">");
  return text_of(v);
}

struct Recorder {
  std::vector<FieldChange>& into;
  template <typename T>
  bool operator()(const std::string& subject, const char* field, ChangeNature nature, const T& old_value,
                  const T& new_value) {
    if (old_value == new_value) return false;
    into.push_back({subject, field, nature, text_of(old_value), text_of(new_value)});
    return true;
  }
  bool text(const std::string& subject, const char* field, ChangeNature nature, const std::string& old_value,
            const std::string& new_value) {
    if (old_value == new_value) return false;
    into.push_back({subject, field, nature, old_value, new_value});
    return true;
  }
  void count(const std::string& subject, const char* field, std::size_t old_n, std::size_t new_n) {
    if (old_n != new_n)
      into.push_back({subject, field, ChangeNature::fact, std::to_string(old_n), std::to_string(new_n)});
  }
};

constexpr auto fact = ChangeNature::fact;
constexpr auto wording = ChangeNature::wording;

void compare_practice(const Practice& op, const Practice& np, PracticeChange& c) {
  Recorder r{c.changes};
  const std::string& id = np.id;
  if (r.text(id, "title", fact, op.title, np.title)) c.title = std::make_pair(op.title, np.title);
  if (r(id, "scopes", fact, op.scopes, np.scopes)) c.scopes = std::make_pair(op.scopes, np.scopes);
  r.text(id, "order", fact, std::to_string(op.order), std::to_string(np.order));
  c.summary_reworded = r.text(id, "summary", wording, op.summary, np.summary);
  c.links_changed = r(id, "links", fact, op.links, np.links);

  // Goals by position (their ids are positions).
  r.count(id, "goals", op.goals.size(), np.goals.size());
  c.goals_changed = op.goals.size() != np.goals.size();
  for (std::size_t k = 0; k < std::max(op.goals.size(), np.goals.size()); ++k) {
    if (k >= op.goals.size() || k >= np.goals.size()) {
      const Goal& g = k < np.goals.size() ? np.goals[k] : op.goals[k];
      r.text(g.id, "goal", fact, k < op.goals.size() ? g.text : "", k < np.goals.size() ? g.text : "");
      continue;
    }
    const Goal &og = op.goals[k], &ng = np.goals[k];
    c.goals_changed |= r(ng.id, "maturity", fact, og.maturity, ng.maturity);
    c.goals_changed |= r(ng.id, "links", fact, og.links, ng.links);
    c.goals_reworded |= r.text(ng.id, "text", wording, og.text, ng.text);
  }

  const auto action_id = [](const Action& a) { return a.id; };
  const auto oa = by_key(op.actions, action_id);
  const auto na = by_key(np.actions, action_id);
  r.count(id, "actions", op.actions.size(), np.actions.size());
  for (const auto& a : np.actions) {
    const auto o = oa.find(a.id);
    if (o == oa.end()) {
      c.actions_added.push_back(a.id);
      r.text(a.id, "action", fact, "", a.text);
      continue;
    }
    const Action& old_action = *o->second;
    bool f = r(a.id, "levels", fact, old_action.levels, a.levels);
    f |= r(a.id, "group", fact, old_action.group, a.group);
    f |= r(a.id, "links", fact, old_action.links, a.links);
    if (f) c.actions_changed.push_back(a.id);
    if (r.text(a.id, "text", wording, old_action.text, a.text)) c.actions_reworded.push_back(a.id);
  }
  for (const auto& a : op.actions)
    if (!na.count(a.id)) {
      c.actions_removed.push_back(a.id);
      r.text(a.id, "action", fact, a.text, "");
    }

  // Paragraphs by position: place and links are facts, text and kind the catalog's wording.
  r.count(id, "paragraphs", op.paragraphs.size(), np.paragraphs.size());
  c.paragraphs_changed = op.paragraphs.size() != np.paragraphs.size();
  for (std::size_t k = 0; k < std::min(op.paragraphs.size(), np.paragraphs.size()); ++k) {
    const Paragraph &o = op.paragraphs[k], &n = np.paragraphs[k];
    const std::string subject = id + " paragraph " + std::to_string(k + 1);
    c.paragraphs_changed |= r.text(subject, "block", fact, o.block, n.block);
    c.paragraphs_changed |= r(subject, "group", fact, o.group, n.group);
    c.paragraphs_changed |= r.text(subject, "after", fact, o.after, n.after);
    c.paragraphs_changed |= r(subject, "links", fact, o.links, n.links);
    c.paragraphs_reworded |=
        r.text(subject, "kind", wording, std::string(to_string(o.kind)), std::string(to_string(n.kind)));
    c.paragraphs_reworded |= r.text(subject, "text", wording, o.text, n.text);
  }

  // Tools by URL; those without one by their place among such tools, whose names are then
  // wording (the guide names them in a sentence, a catalog in a phrase).
  std::map<std::string, const Tool*> ot, nt;
  std::vector<const Tool*> ou, nu;
  for (const auto& t : op.tools) t.url.empty() ? ou.push_back(&t) : void(ot.emplace(t.url, &t));
  for (const auto& t : np.tools) t.url.empty() ? nu.push_back(&t) : void(nt.emplace(t.url, &t));
  for (const auto& t : np.tools) {
    if (t.url.empty()) continue;
    const auto o = ot.find(t.url);
    if (o == ot.end()) {
      c.tools_added.push_back(tool_name(t));
      r.text(t.url, "tool", fact, "", tool_name(t));
    } else {
      // A tool the guide names without a link (an address only) is named in a phrase: wording.
      const bool named_by_link = t.url.rfind("mailto:", 0) != 0;
      r.text(t.url, "tool name", named_by_link ? fact : wording, o->second->name, t.name);
      r.text(t.url, "tool description", wording, o->second->description, t.description);
    }
  }
  for (const auto& t : op.tools)
    if (!t.url.empty() && !nt.count(t.url)) {
      c.tools_removed.push_back(tool_name(t));
      r.text(t.url, "tool", fact, tool_name(t), "");
    }
  for (std::size_t k = 0; k < std::max(ou.size(), nu.size()); ++k) {
    const std::string subject = id + " tool without a link " + std::to_string(k + 1);
    if (k >= ou.size()) {
      c.tools_added.push_back(tool_name(*nu[k]));
      r.text(subject, "tool", fact, "", nu[k]->name);
    } else if (k >= nu.size()) {
      c.tools_removed.push_back(tool_name(*ou[k]));
      r.text(subject, "tool", fact, ou[k]->name, "");
    } else {
      r.text(subject, "tool name", wording, ou[k]->name, nu[k]->name);
      r.text(subject, "tool description", wording, ou[k]->description, nu[k]->description);
    }
  }

  // Learn More by URL: the address is the fact, a title the catalog may word itself.
  std::map<std::string, const Link*> ol, nl;
  for (const auto& l : op.learn_more) ol.emplace(l.url, &l);
  for (const auto& l : np.learn_more) nl.emplace(l.url, &l);
  for (const auto& l : np.learn_more) {
    const auto o = ol.find(l.url);
    if (o == ol.end())
      r.text(l.url, "learn more", fact, "", l.title);
    else
      r.text(l.url, "learn more title", wording, o->second->title, l.title);
  }
  for (const auto& l : op.learn_more)
    if (!nl.count(l.url)) r.text(l.url, "learn more", fact, l.title, "");

  const auto mapping_id = [](const SafeguardMapping& m) { return m.safeguard; };
  const auto om = by_key(op.safeguards, mapping_id);
  const auto nm = by_key(np.safeguards, mapping_id);
  for (const auto& m : np.safeguards) {
    const auto o = om.find(m.safeguard);
    if (o == om.end()) {
      c.safeguards_added.push_back(m.safeguard);
      r.text(id, "safeguard", fact, "", m.safeguard + " (" + text_of(m.maturity) + ")");
    } else if (o->second->maturity != m.maturity) {
      c.safeguards_retagged.push_back(m.safeguard);
      r(id + " Safeguard " + m.safeguard, "maturity", fact, o->second->maturity, m.maturity);
    }
  }
  for (const auto& m : op.safeguards)
    if (!nm.count(m.safeguard)) {
      c.safeguards_removed.push_back(m.safeguard);
      r.text(id, "safeguard", fact, m.safeguard + " (" + text_of(m.maturity) + ")", "");
    }
  const std::set<int> oh(op.handbook.begin(), op.handbook.end()), nh(np.handbook.begin(), np.handbook.end());
  std::set_difference(nh.begin(), nh.end(), oh.begin(), oh.end(), std::back_inserter(c.handbook_added));
  std::set_difference(oh.begin(), oh.end(), nh.begin(), nh.end(), std::back_inserter(c.handbook_removed));
  if (oh != nh) r(id, "handbook", fact, std::vector<int>(oh.begin(), oh.end()), std::vector<int>(nh.begin(), nh.end()));
}

// Everything a catalog holds besides its practices.
void compare_rest(const Catalog& o, const Catalog& n, std::vector<FieldChange>& changes) {
  Recorder r{changes};
  const auto totals = [](const Catalog& c) {
    std::array<std::size_t, 4> t{0, 0, 0, 0};
    for (const auto& p : c.practices()) {
      t[0] += p.actions.size();
      t[1] += p.goals.size();
      t[2] += p.safeguards.size();
      t[3] += p.paragraphs.size();
    }
    return t;
  };
  const auto ot = totals(o), nt = totals(n);
  r.count("catalog", "practices", o.practices().size(), n.practices().size());
  r.count("catalog", "actions", ot[0], nt[0]);
  r.count("catalog", "goals", ot[1], nt[1]);
  r.count("catalog", "safeguard mappings", ot[2], nt[2]);
  r.count("catalog", "paragraphs", ot[3], nt[3]);
  r.count("catalog", "maturity statements", o.maturity_statements().size(), n.maturity_statements().size());
  r.count("catalog", "handbook practices", o.handbook().size(), n.handbook().size());
  r.count("catalog", "glossary terms", o.glossary().size(), n.glossary().size());
  r.count("catalog", "acronyms", o.acronyms().size(), n.acronyms().size());

  for (std::size_t k = 0; k < std::min(o.maturity_levels().size(), n.maturity_levels().size()); ++k) {
    const auto &a = o.maturity_levels()[k], &b = n.maturity_levels()[k];
    const std::string subject = "level " + std::to_string(static_cast<int>(b.level));
    r.text(subject, "name", fact, a.name, b.name);
    r.text(subject, "description", wording, a.description, b.description);
  }
  const auto statement_id = [](const MaturityStatement& s) { return s.id; };
  const auto os = by_key(o.maturity_statements(), statement_id);
  const auto ns = by_key(n.maturity_statements(), statement_id);
  for (const auto& s : n.maturity_statements()) {
    const auto it = os.find(s.id);
    if (it == os.end()) {
      r.text(s.id, "statement", fact, "", s.text);
      continue;
    }
    r.text(s.id, "level", fact, std::to_string(static_cast<int>(it->second->level)),
           std::to_string(static_cast<int>(s.level)));
    r(s.id, "links", fact, it->second->links, s.links);
    r.text(s.id, "text", wording, it->second->text, s.text);
  }
  for (const auto& s : o.maturity_statements())
    if (!ns.count(s.id)) r.text(s.id, "statement", fact, s.text, "");

  const Priorities &op = o.priorities(), &np = n.priorities();
  r("priorities", "level1_election", fact, op.level1_election, np.level1_election);
  const auto worksheet_id = [](const Worksheet& w) { return w.id; };
  const auto ow = by_key(op.level1_baseline, worksheet_id);
  const auto nw = by_key(np.level1_baseline, worksheet_id);
  for (const auto& w : np.level1_baseline) {
    const auto it = ow.find(w.id);
    if (it == ow.end()) {
      r.text("worksheet " + w.id, "worksheet", fact, "", w.name);
      continue;
    }
    r.text("worksheet " + w.id, "name", fact, it->second->name, w.name);
    r.text("worksheet " + w.id, "group", fact, it->second->group, w.group);
    r("worksheet " + w.id, "actions", fact, it->second->actions, w.actions);
  }
  for (const auto& w : op.level1_baseline)
    if (!nw.count(w.id)) r.text("worksheet " + w.id, "worksheet", fact, w.name, "");
  const auto rank_text = [](const CdmRank& c) { return c.safeguard + " " + c.practice; };
  std::map<int, std::string> oc, nc;
  for (const auto& c : op.cdm_ranking) oc[c.rank] = rank_text(c);
  for (const auto& c : np.cdm_ranking) nc[c.rank] = rank_text(c);
  for (const auto& [rank, text] : nc)
    r.text("cdm rank " + std::to_string(rank), "entry", fact, oc.count(rank) ? oc[rank] : "", text);
  for (const auto& [rank, text] : oc)
    if (!nc.count(rank)) r.text("cdm rank " + std::to_string(rank), "entry", fact, text, "");

  std::map<int, const HandbookPractice*> oh, nh;
  for (const auto& h : o.handbook()) oh[h.number] = &h;
  for (const auto& h : n.handbook()) nh[h.number] = &h;
  for (const auto& [number, h] : nh) {
    const std::string subject = "handbook " + std::to_string(number);
    const auto it = oh.find(number);
    if (it == oh.end()) {
      r.text(subject, "handbook practice", fact, "", h->title);
      continue;
    }
    r.text(subject, "title", fact, it->second->title, h->title);
    r(subject, "practices", fact, it->second->practices, h->practices);
  }
  for (const auto& [number, h] : oh)
    if (!nh.count(number)) r.text("handbook " + std::to_string(number), "handbook practice", fact, h->title, "");

  const auto term = [](const GlossaryEntry& g) { return g.term; };
  const auto og = by_key(o.glossary(), term);
  const auto ng = by_key(n.glossary(), term);
  for (const auto& g : n.glossary()) {
    const auto it = og.find(g.term);
    if (it == og.end()) {
      r.text("glossary " + g.term, "term", fact, "", g.term);
      continue;
    }
    r("glossary " + g.term, "links", fact, it->second->links, g.links);
    r.text("glossary " + g.term, "definition", wording, it->second->definition, g.definition);
  }
  for (const auto& g : o.glossary())
    if (!ng.count(g.term)) r.text("glossary " + g.term, "term", fact, g.term, "");
  std::set<std::pair<std::string, std::string>> oa, na;
  for (const auto& a : o.acronyms()) oa.insert({a.term, a.expansion});
  for (const auto& a : n.acronyms()) na.insert({a.term, a.expansion});
  for (const auto& a : na)
    if (!oa.count(a)) r.text("acronym " + a.first, "expansion", fact, "", a.second);
  for (const auto& a : oa)
    if (!na.count(a)) r.text("acronym " + a.first, "expansion", fact, a.second, "");
}

// The primer's facts (which components, their titles, pages, risks, which connection rows
// occur, the varieties and where each connects; the classes' titles and labels) apart from
// its wording. A class's examples count as wording: the guide gives some of them in running
// prose, which a catalog may split into a list of its own.
void compare_primer(const Primer& o, const Primer& n, std::vector<FieldChange>& changes) {
  Recorder r{changes};
  r.count("catalog", "system components", o.components.size(), n.components.size());
  r.count("catalog", "system risks", o.risks.size(), n.risks.size());
  r.count("catalog", "connectedness classes", o.classes.size(), n.classes.size());
  std::map<Connectedness, const ConnectednessClass*> oc;
  for (const auto& c : o.classes) oc[c.id] = &c;
  std::set<Connectedness> in_new;
  for (const auto& c : n.classes) {
    in_new.insert(c.id);
    const std::string subject = "connectedness class " + std::string(to_string(c.id));
    const auto it = oc.find(c.id);
    if (it == oc.end()) {
      r.text(subject, "class", fact, "", c.title);
      continue;
    }
    const ConnectednessClass& a = *it->second;
    r.text(subject, "title", fact, a.title, c.title);
    if (detail::lower_case(a.label) != detail::lower_case(c.label)) r.text(subject, "label", fact, a.label, c.label);
    r.text(subject, "text", wording, a.text, c.text);
    r(subject, "examples", wording, a.examples, c.examples);
  }
  for (const auto& c : o.classes)
    if (!in_new.count(c.id)) r.text("connectedness class " + std::string(to_string(c.id)), "class", fact, c.title, "");

  const auto risk_id = [](const SystemRisk& x) { return x.id; };
  const auto orisk = by_key(o.risks, risk_id);
  const auto nrisk = by_key(n.risks, risk_id);
  for (const auto& x : n.risks) {
    const auto it = orisk.find(x.id);
    if (it == orisk.end()) {
      r.text("system risk " + x.id, "risk", fact, "", x.title);
      continue;
    }
    r.text("system risk " + x.id, "title", wording, it->second->title, x.title);
    r.text("system risk " + x.id, "text", wording, it->second->text, x.text);
  }
  for (const auto& x : o.risks)
    if (!nrisk.count(x.id)) r.text("system risk " + x.id, "risk", fact, x.title, "");

  const auto rows = [](const SystemComponent& c) {
    std::vector<std::string> v;
    for (const auto& row : c.connections)
      v.push_back(std::string(to_string(row.connectedness)) + (row.occurs ? ": occurs" : ": does not occur"));
    return v;
  };
  const auto row_texts = [](const SystemComponent& c) {
    std::vector<std::string> v;
    for (const auto& row : c.connections) v.push_back(row.text);
    return v;
  };
  const auto varieties = [](const SystemComponent& c) {
    std::vector<std::string> v;
    for (const auto& x : c.variants)
      v.push_back(x.name + " (" + (x.connectedness ? std::string(to_string(*x.connectedness)) : "none named") + ")");
    return v;
  };
  const auto variety_texts = [](const SystemComponent& c) {
    std::vector<std::string> v;
    for (const auto& x : c.variants) v.push_back(x.text);
    return v;
  };
  const auto component_id = [](const SystemComponent& c) { return c.id; };
  const auto ocomp = by_key(o.components, component_id);
  const auto ncomp = by_key(n.components, component_id);
  std::vector<std::string> order_o, order_n;
  for (const auto& c : o.components)
    if (ncomp.count(c.id)) order_o.push_back(c.id);
  for (const auto& c : n.components)
    if (ocomp.count(c.id)) order_n.push_back(c.id);
  r("primer", "component order", fact, order_o, order_n);
  for (const auto& c : n.components) {
    const std::string subject = "system " + c.id;
    const auto it = ocomp.find(c.id);
    if (it == ocomp.end()) {
      r.text(subject, "component", fact, "", c.title);
      continue;
    }
    const SystemComponent& a = *it->second;
    r.text(subject, "title", fact, a.title, c.title);
    r.text(subject, "page", fact, a.page, c.page);
    r(subject, "risks", fact, a.risks, c.risks);
    r(subject, "connections", fact, rows(a), rows(c));
    r(subject, "variants", fact, varieties(a), varieties(c));
    r.text(subject, "summary", wording, a.summary, c.summary);
    r(subject, "inputs", wording, a.inputs, c.inputs);
    r(subject, "outputs", wording, a.outputs, c.outputs);
    r(subject, "connection texts", wording, row_texts(a), row_texts(c));
    r(subject, "variant texts", wording, variety_texts(a), variety_texts(c));
  }
  for (const auto& c : o.components)
    if (!ncomp.count(c.id)) r.text("system " + c.id, "component", fact, c.title, "");
}

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
    PracticeChange c;
    c.id = np.id;
    compare_practice(*it->second, np, c);
    if (!c.changes.empty()) d.changed.push_back(std::move(c));
  }
  // A practice whose file was renamed: gone under one id, new under another, same title.
  for (const auto& gone : d.removed)
    for (const auto& added : d.added)
      if (detail::lower_case(olds.at(gone)->title) == detail::lower_case(news.at(added)->title))
        d.changes.push_back({"practice " + gone, "id (same title)", ChangeNature::fact, gone, added});
  compare_rest(old_catalog, new_catalog, d.changes);
  compare_primer(old_catalog.primer(), new_catalog.primer(), d.changes);
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
