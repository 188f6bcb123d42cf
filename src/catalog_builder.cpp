#include "catalog_impl.hpp"

#include <electsec/error.hpp>

#include "text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cctype>
#include <map>
#include <set>
#include <string_view>
#include <unordered_set>

namespace electsec {

namespace {

bool valid_level(Maturity m) { return valid_maturity(static_cast<int>(m)); }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool is_practice_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool is_positive_number(std::string_view s) {
  return !s.empty() && s.size() < 6 && s[0] != '0' &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `n` in decimal, in `buf`.
std::string_view decimal(long long n, char (&buf)[24]) {
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  return {buf, static_cast<std::size_t>(r.ptr - buf)};
}

// The parts of an id between its dots, for ids of at most `N` parts: the count, or N + 1
// when there are more (what is past the N-th part is then not split).
template <std::size_t N>
std::size_t split_id(std::string_view id, std::array<std::string_view, N>& parts) {
  std::size_t n = 0;
  for (;;) {
    if (n == N) return N + 1;
    const auto dot = id.find('.');
    parts[n++] = id.substr(0, dot);
    if (dot == std::string_view::npos) return n;
    id.remove_prefix(dot + 1);
  }
}

// "all" -> {1,2,3}; "l<digits>" -> those levels, which must ascend; else empty.
std::string levels_text(const std::vector<Maturity>& levels) {
  std::string s = "[";
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (i > 0) s += ", ";
    s += std::to_string(static_cast<int>(levels[i]));
  }
  return s + "]";
}

class Checker {
 public:
  explicit Checker(const CatalogData& d) : d_(d) {}

  std::vector<Problem> run() {
    if (d_.guide.title.empty()) add("guide", "title is empty");
    check_levels();
    check_controls_and_safeguards();
    check_handbook();  // before practices: they refer to Handbook numbers
    check_practices();
    check_priorities();
    check_terms();
    check_guidance();
    check_primer();
    return std::move(problems_);
  }

 private:
  void add(std::string where, std::string message) { problems_.push_back({std::move(where), std::move(message)}); }

  // `where` gives the place a problem is at: written out only when there is one.
  template <typename Set, typename Key, typename Where>
  bool first_time(Set& seen, const Key& key, const Where& where) {
    if (seen.insert(key).second) return true;
    add(where(), "duplicate id");
    return false;
  }

  void check_levels() {
    std::set<int> seen;
    for (const auto& l : d_.maturity_levels) {
      const auto where = [&] { return "maturity level " + std::to_string(static_cast<int>(l.level)); };
      if (!valid_level(l.level)) add(where(), "level must be 1, 2 or 3");
      first_time(seen, static_cast<int>(l.level), where);
      if (l.name.empty()) add(where(), "name is empty");
    }
    std::set<std::string> ids;
    for (const auto& s : d_.maturity_statements) {
      const auto where = [&] { return "maturity statement " + quoted(s.id); };
      first_time(ids, s.id, where);
      check_links(where, s.links);
      if (!valid_level(s.level)) {
        add(where(), "level must be 1, 2 or 3");
        continue;
      }
      const auto parts = detail::split(s.id, '.');
      const std::string prefix = "l" + std::to_string(static_cast<int>(s.level));
      if (parts.size() != 2 || parts[0] != prefix || !is_positive_number(parts[1]))
        add(where(), "id must be '" + prefix + ".<n>' for a statement of " + level_name(s.level));
      if (s.text.empty()) add(where(), "text is empty");
    }
  }

  void check_controls_and_safeguards() {
    std::set<int> controls;
    for (const auto& c : d_.controls) {
      const auto where = [&] { return "control " + std::to_string(c.id); };
      if (c.id < 1) add(where(), "id must be a positive number");
      first_time(controls, c.id, where);
      if (c.title.empty()) add(where(), "title is empty");
    }
    safeguard_ids_.reserve(d_.safeguards.size());
    for (const auto& s : d_.safeguards) safeguard_ids_.insert(s.id);
    std::unordered_set<std::string_view> seen;
    seen.reserve(d_.safeguards.size());
    for (const auto& s : d_.safeguards) {
      const auto where = [&] { return "safeguard " + quoted(s.id); };
      first_time(seen, s.id, where);
      std::array<std::string_view, 2> parts;
      char buf[24];
      if (split_id(s.id, parts) != 2 || !is_positive_number(parts[0]) || !is_positive_number(parts[1]))
        add(where(), "id must be '<control>.<n>'");
      else if (parts[0] != decimal(s.control, buf))
        add(where(), "id does not belong to control " + std::to_string(s.control));
      if (controls.count(s.control) == 0) add(where(), "unknown control " + std::to_string(s.control));
      if (s.title.empty()) add(where(), "title is empty");
      check_groups(s, where);
      for (const auto& dep : s.depends_on) {
        if (dep == s.id)
          add(where(), "depends on itself");
        else if (safeguard_ids_.count(dep) == 0)
          add(where(), "depends on unknown safeguard " + quoted(dep));
      }
    }
  }

  template <typename Where>
  void check_groups(const Safeguard& s, const Where& where) {
    const auto& g = s.implementation_groups;
    if (g.empty()) {
      add(where(), "belongs to no implementation group");
      return;
    }
    for (std::size_t i = 0; i < g.size(); ++i) {
      const int n = static_cast<int>(g[i]);
      if (n < 1 || n > 3) {
        add(where(), "implementation group must be 1, 2 or 3");
        return;
      }
      if (i > 0 && g[i] <= g[i - 1]) {
        add(where(), "implementation groups must be listed once each, ascending");
        return;
      }
    }
    // CIS groups are cumulative: a Safeguard of IG1 is also in IG2 and IG3.
    if (static_cast<int>(g.back()) != 3 ||
        static_cast<int>(g.back()) - static_cast<int>(g.front()) + 1 != static_cast<int>(g.size()))
      add(where(), "implementation groups must run from its lowest group up to 3");
  }

  void check_handbook() {
    std::set<int> seen;
    for (const auto& h : d_.handbook) {
      const auto where = [&] { return "handbook practice " + std::to_string(h.number); };
      if (h.number < 1) add(where(), "number must be positive");
      first_time(seen, h.number, where);
      handbook_numbers_.insert(h.number);
      if (h.title.empty()) add(where(), "title is empty");
      // practice references are checked once the practice ids are known
    }
  }

  void check_practices() {
    std::unordered_set<std::string_view> ids;
    std::set<int> orders;
    std::size_t actions = 0;
    for (const auto& p : d_.practices) actions += p.actions.size();
    ids.reserve(d_.practices.size());
    practice_ids_.reserve(d_.practices.size());
    action_ids_.reserve(actions);
    for (const auto& p : d_.practices) practice_ids_.insert(p.id);
    for (const auto& p : d_.practices) {
      const auto where = [&] { return "practice " + quoted(p.id); };
      first_time(ids, p.id, where);
      if (!is_practice_id(p.id)) add(where(), "id must use only a-z, 0-9 and '_'");
      if (p.title.empty()) add(where(), "title is empty");
      if (p.order < 1)
        add(where(), "order must be positive");
      else if (!orders.insert(p.order).second)
        add(where(), "order " + std::to_string(p.order) + " is used by another practice");
      for (std::size_t i = 0; i < 3; ++i) {
        const int s = static_cast<int>(p.scopes[i]);
        if (s < 0 || s > 2) add(where(), "scope at Level " + std::to_string(i + 1) + " is invalid");
      }
      for (std::size_t i = 0; i < p.goals.size(); ++i) {
        const Goal& g = p.goals[i];
        const auto gwhere = [&] { return "goal " + quoted(g.id); };
        char buf[24];
        const std::string_view n = decimal(static_cast<long long>(i + 1), buf);
        const std::string_view id = g.id;
        constexpr std::string_view infix = ".goal.";
        if (id.size() != p.id.size() + infix.size() + n.size() || id.compare(0, p.id.size(), p.id) != 0 ||
            id.compare(p.id.size(), infix.size(), infix) != 0 || id.substr(p.id.size() + infix.size()) != n)
          add(gwhere(), "id must be " + quoted(p.id + ".goal." + std::string(n)) + " (its position)");
        if (g.text.empty()) add(gwhere(), "text is empty");
        if (g.maturity && !valid_level(*g.maturity)) add(gwhere(), "maturity must be 1, 2 or 3");
      }
      check_actions(p);
      check_paragraphs(p);
      for (const auto& t : p.tools)
        if (t.name.empty()) add(where(), "a tool needs a name");
      check_links(where, p.links);
      for (const auto& g : p.goals) check_links([&] { return "goal " + quoted(g.id); }, g.links);
      for (const auto& a : p.actions) check_links([&] { return "action " + quoted(a.id); }, a.links);
      check_links(where, p.learn_more);
      std::unordered_set<std::string_view> mapped;
      mapped.reserve(p.safeguards.size());
      for (const auto& m : p.safeguards) {
        if (safeguard_ids_.count(m.safeguard) == 0) add(where(), "maps to unknown safeguard " + quoted(m.safeguard));
        if (!mapped.insert(m.safeguard).second) add(where(), "maps to safeguard " + quoted(m.safeguard) + " twice");
        if (m.maturity && !valid_level(*m.maturity))
          add(where(), "mapping to safeguard " + quoted(m.safeguard) + ": maturity must be 1, 2 or 3");
      }
      std::set<int> numbers;
      for (int n : p.handbook) {
        if (!numbers.insert(n).second) add(where(), "lists Handbook practice " + std::to_string(n) + " twice");
        if (n < 1 || (!d_.handbook.empty() && handbook_numbers_.count(n) == 0))
          add(where(), "unknown Handbook practice " + std::to_string(n));
      }
    }
    for (const auto& h : d_.handbook)
      for (const auto& pid : h.practices)
        if (practice_ids_.count(pid) == 0)
          add("handbook practice " + std::to_string(h.number), "unknown practice " + quoted(pid));
  }

  template <typename Where>
  void check_links(const Where& where, const std::vector<Link>& links) {
    for (const auto& l : links)
      if (l.title.empty() || l.url.empty()) add(where(), "a link needs a title and a URL");
  }

  // Action ids are "<practice>.<block>[.<group>].<n>"; n counts 1, 2, ... within each
  // (block, group) in guide order.
  void check_actions(const Practice& p) {
    // The next position of each (block, group) the id scheme counts in; a practice has few.
    struct Counter {
      std::string_view block, group;
      int next;
    };
    std::vector<Counter> next_position;
    for (const auto& a : p.actions) {
      const auto where = [&] { return "action " + quoted(a.id); };
      if (!action_ids_.insert(a.id).second) add(where(), "duplicate id");
      if (a.text.empty()) add(where(), "text is empty");
      if (a.group && a.group->empty()) add(where(), "group is empty (use none instead)");
      bool levels_ok = !a.levels.empty();
      for (std::size_t i = 0; i < a.levels.size(); ++i)
        if (!valid_level(a.levels[i]) || (i > 0 && a.levels[i] <= a.levels[i - 1])) levels_ok = false;
      if (!levels_ok) add(where(), "levels must be 1, 2 or 3, each once, ascending");

      std::array<std::string_view, 4> parts;
      const std::size_t count = split_id(a.id, parts);
      if (count < 3 || count > 4 || parts[0] != p.id) {
        add(where(), "id must be '" + p.id + ".<block>[.<group>].<n>'");
        continue;
      }
      const auto block = block_levels(parts[1]);
      if (block.empty())
        add(where(), "unknown block " + quoted(parts[1]) + " (expected all, l1, l2, l3, l12, l23, ...)");
      else if (levels_ok && block != a.levels)
        add(where(),
            "levels " + levels_text(a.levels) + " do not match block " + quoted(parts[1]) + " " + levels_text(block));
      const std::string_view id_group = count == 4 ? parts[2] : std::string_view();
      const std::string group = a.group ? detail::kebab_case(*a.group) : std::string();
      if (id_group != group)
        add(where(), a.group ? "id must name group " + quoted(group)
                             : "id names group " + quoted(id_group) + " but the action has none");
      const std::string_view n = parts[count - 1];
      auto counter = std::find_if(next_position.begin(), next_position.end(),
                                  [&](const Counter& c) { return c.block == parts[1] && c.group == id_group; });
      if (counter == next_position.end()) counter = next_position.insert(counter, {parts[1], id_group, 1});
      const int expected = counter->next++;
      int position = 0;
      if (!is_positive_number(n) || (std::from_chars(n.data(), n.data() + n.size(), position), position != expected))
        add(where(), "position must be " + std::to_string(expected) + " (guide order within its block)");
    }
  }

  // A paragraph names a block the id scheme knows, and follows an action of its own block
  // and group, or opens the block; its kind is checked by the JSON reader's enum.
  void check_paragraphs(const Practice& p) {
    for (std::size_t i = 0; i < p.paragraphs.size(); ++i) {
      const Paragraph& para = p.paragraphs[i];
      const auto where = [&] { return "paragraph " + std::to_string(i + 1) + " of practice " + quoted(p.id); };
      if (para.text.empty()) add(where(), "text is empty");
      if (para.group && para.group->empty()) add(where(), "group is empty (use none instead)");
      if (block_levels(para.block).empty())
        add(where(), "unknown block " + quoted(para.block) + " (expected all, l1, l2, l3, l12, l23, ...)");
      check_links(where, para.links);
      if (para.after.empty()) continue;
      const auto action =
          std::find_if(p.actions.begin(), p.actions.end(), [&](const Action& a) { return a.id == para.after; });
      if (action == p.actions.end()) {
        add(where(), "follows unknown action " + quoted(para.after));
        continue;
      }
      std::array<std::string_view, 4> parts;
      if (split_id(para.after, parts) < 3 || parts[1] != para.block || action->group != para.group)
        add(where(), "follows action " + quoted(para.after) + " of another block or group");
    }
  }

  void check_priorities() {
    const Priorities& pr = d_.priorities;
    std::set<std::string> ids;
    for (const auto& w : pr.level1_baseline) {
      const auto where = [&] { return "worksheet " + quoted(w.id); };
      first_time(ids, w.id, where);
      if (w.id != detail::kebab_case(w.name))
        add(where(), "id must be the kebab-case of its name " + quoted(detail::kebab_case(w.name)));
      if (w.group != "IT inventory" && w.group != "cybersecurity action")
        add(where(), "group must be 'IT inventory' or 'cybersecurity action'");
      for (const auto& a : w.actions)
        if (action_ids_.count(a) == 0) add(where(), "unknown action " + quoted(a));
    }
    std::set<std::string> election;
    for (const auto& p : pr.level1_election) {
      if (practice_ids_.count(p) == 0) add("level1_election", "unknown practice " + quoted(p));
      if (!election.insert(p).second) add("level1_election", "lists " + quoted(p) + " twice");
    }
    std::set<int> ranks;
    for (const auto& r : pr.cdm_ranking) {
      const auto where = [&] { return "cdm rank " + std::to_string(r.rank); };
      if (r.rank < 1) add(where(), "rank must be positive");
      first_time(ranks, r.rank, where);
      if (safeguard_ids_.count(r.safeguard) == 0) add(where(), "unknown safeguard " + quoted(r.safeguard));
      if (practice_ids_.count(r.practice) == 0) add(where(), "unknown practice " + quoted(r.practice));
    }
  }

  void check_terms() {
    std::set<std::string> terms;
    for (const auto& g : d_.glossary) {
      const auto where = [&] { return "glossary term " + quoted(g.term); };
      if (g.term.empty() || g.definition.empty()) add(where(), "term and definition must be set");
      check_links(where, g.links);
      if (!terms.insert(g.term).second) add(where(), "duplicate term");
    }
    // An acronym may stand for several things (the guide's CDM has three expansions).
    std::set<std::pair<std::string, std::string>> acronyms;
    for (const auto& a : d_.acronyms) {
      const auto where = [&] { return "acronym " + quoted(a.term); };
      if (a.term.empty() || a.expansion.empty()) add(where(), "term and expansion must be set");
      if (!acronyms.insert({a.term, a.expansion}).second) add(where(), "expansion listed twice");
    }
  }

  void check_guidance() {
    std::set<std::string> sources;
    for (const auto& s : d_.guidance.sources) {
      const auto where = [&] { return "guidance source " + quoted(s.id); };
      first_time(sources, s.id, where);
      if (!is_practice_id(s.id)) add(where(), "id must use only a-z, 0-9 and '_'");
      if (s.title.empty()) add(where(), "title is empty");
    }
    std::set<std::string> ids;
    for (const auto& r : d_.guidance.recommendations) {
      const auto where = [&] { return "recommendation " + quoted(r.id); };
      first_time(ids, r.id, where);
      if (sources.count(r.source) == 0) add(where(), "unknown source " + quoted(r.source));
      const auto parts = detail::split(r.id, '.');
      if (parts.size() != 2 || parts[0] != r.source || !is_positive_number(parts[1]))
        add(where(), "id must be '" + r.source + ".<n>'");
      if (r.title.empty() || r.text.empty()) add(where(), "title and text must be set");
      for (const auto& rp : r.practices)
        if (practice_ids_.count(rp.practice) == 0) add(where(), "unknown practice " + quoted(rp.practice));
      for (const auto& s : r.safeguards)
        if (safeguard_ids_.count(s) == 0) add(where(), "unknown safeguard " + quoted(s));
      for (const auto& l : r.links)
        if (l.title.empty() || l.url.empty()) add(where(), "a link needs a title and a URL");
    }
  }

  void check_primer() {
    const Primer& p = d_.primer;
    std::set<int> classes;
    for (const auto& c : p.classes) {
      const auto where = [&] { return "connectedness class " + quoted(to_string(c.id)); };
      first_time(classes, static_cast<int>(c.id), where);
      if (c.title.empty()) add(where(), "title is empty");
    }
    std::set<std::string> risks, subjects;
    for (const auto& c : all_connectedness) subjects.insert(std::string(to_string(c)));
    for (const auto& r : p.risks) {
      const auto where = [&] { return "system risk " + quoted(r.id); };
      first_time(risks, r.id, where);
      if (!is_practice_id(r.id)) add(where(), "id must use only a-z, 0-9 and '_'");
      if (subjects.count(r.id) != 0) add(where(), "id is taken by a connectedness class");
      if (r.title.empty()) add(where(), "title is empty");
    }
    std::set<std::string> components;
    for (const auto& c : p.components) {
      const auto where = [&] { return "system component " + quoted(c.id); };
      first_time(components, c.id, where);
      if (!is_practice_id(c.id)) add(where(), "id must use only a-z, 0-9 and '_'");
      if (subjects.count(c.id) != 0 || risks.count(c.id) != 0)
        add(where(), "id is taken by a connectedness class or a risk");
      if (c.title.empty()) add(where(), "title is empty");
      std::set<std::string> listed;
      for (const auto& r : c.risks) {
        if (risks.count(r) == 0) add(where(), "unknown risk " + quoted(r));
        if (!listed.insert(r).second) add(where(), "risk " + quoted(r) + " listed twice");
      }
      std::set<int> rows;
      for (const auto& row : c.connections)
        if (!rows.insert(static_cast<int>(row.connectedness)).second)
          add(where(), "two connection rows for " + quoted(to_string(row.connectedness)));
      for (const auto& v : c.variants)
        if (v.name.empty()) add(where(), "a variant has no name");
    }
    subjects.insert(risks.begin(), risks.end());
    subjects.insert(components.begin(), components.end());
    std::set<std::pair<std::string, std::string>> links;
    for (const auto& l : d_.system_links) {
      const auto where = [&] { return "system link " + quoted(l.subject) + " -> " + quoted(l.practice); };
      if (subjects.count(l.subject) == 0)
        add(where(), "unknown subject " + quoted(l.subject) + " (a component, a connectedness class or a risk)");
      if (practice_ids_.count(l.practice) == 0) add(where(), "unknown practice " + quoted(l.practice));
      if (l.provenance.empty()) add(where(), "provenance is empty (who draws the link?)");
      if (l.reason.empty()) add(where(), "reason is empty");
      if (!links.insert({l.subject, l.practice}).second) add(where(), "link listed twice");
    }
  }

  const CatalogData& d_;
  std::vector<Problem> problems_;
  // Views of the ids in d_, which outlives the checker: no id is copied to be looked up.
  std::unordered_set<std::string_view> safeguard_ids_, practice_ids_, action_ids_;
  std::unordered_set<int> handbook_numbers_;
};

}  // namespace

CatalogBuilder& CatalogBuilder::guide(GuideInfo info) {
  data_.guide = std::move(info);
  return *this;
}
CatalogBuilder& CatalogBuilder::add(MaturityLevel v) {
  data_.maturity_levels.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(MaturityStatement v) {
  data_.maturity_statements.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(Practice v) {
  data_.practices.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(Control v) {
  data_.controls.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(Safeguard v) {
  data_.safeguards.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(HandbookPractice v) {
  data_.handbook.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(GlossaryEntry v) {
  data_.glossary.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(Acronym v) {
  data_.acronyms.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(GuidanceSource v) {
  data_.guidance.sources.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(Recommendation v) {
  data_.guidance.recommendations.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::add(SystemLink v) {
  data_.system_links.push_back(std::move(v));
  return *this;
}
CatalogBuilder& CatalogBuilder::primer(Primer v) {
  data_.primer = std::move(v);
  return *this;
}
CatalogBuilder& CatalogBuilder::priorities(Priorities v) {
  data_.priorities = std::move(v);
  return *this;
}

std::vector<Problem> CatalogBuilder::problems() const { return Checker(data_).run(); }

Catalog CatalogBuilder::build() const& { return CatalogBuilder(data_).build(); }

Catalog CatalogBuilder::build() && {
  auto problems = Checker(data_).run();
  if (!problems.empty()) throw ValidationError(std::move(problems));
  return Catalog(std::make_shared<const Catalog::Impl>(std::move(data_)));
}

}  // namespace electsec
