// The catalog lookups: controls, safeguards, practices, actions, show, catalog, handbook,
// glossary, acronyms, statements, priorities.
#include "cli_internal.hpp"

namespace electsec::cli {

Table safeguard_rows(const std::vector<const Safeguard*>& list, Format f) {
  Table t;
  if (f == Format::csv)
    t.headers = {"id", "control", "title", "asset_type", "security_function", "implementation_groups", "depends_on"};
  else
    t.headers = {"ID", "IGs", "Asset type", "Function", "Title"};
  for (const Safeguard* s : list) {
    if (f == Format::csv)
      t.rows.push_back({s->id, std::to_string(s->control), s->title, std::string(to_string(s->asset_type)),
                        std::string(to_string(s->security_function)), groups_text(*s), join(s->depends_on, " ")});
    else
      t.rows.push_back({s->id, groups_text(*s), std::string(to_string(s->asset_type)),
                        std::string(to_string(s->security_function)), s->title});
  }
  return t;
}

void run_controls(const Command&, const Catalog& c, const Args&, Format f, Io& io) {
  std::ostream& out = io.out;
  if (f == Format::json) return write_json_items(out, c.controls());
  Table t;
  t.headers = f == Format::csv ? std::vector<std::string>{"id", "title", "safeguards"}
                               : std::vector<std::string>{"ID", "Safeguards", "Title"};
  for (const auto& control : c.controls()) {
    SafeguardFilter filter;
    filter.control = control.id;
    const std::string count = std::to_string(c.safeguards(filter).size());
    if (f == Format::csv)
      t.rows.push_back({std::to_string(control.id), control.title, count});
    else
      t.rows.push_back({std::to_string(control.id), count, control.title});
  }
  write_rows(out, f, t, "controls");
}

void run_safeguards(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  SafeguardFilter filter;
  if (a.option("ig")) filter.ig = parse_enum_option(a, "ig", parse_implementation_group);
  if (a.option("control")) filter.control = parse_int_option(a, "control", 1, 1000);
  if (a.option("asset-type")) filter.asset_type = parse_enum_option(a, "asset-type", parse_asset_type);
  if (a.option("function")) filter.function = parse_enum_option(a, "function", parse_security_function);
  const auto list = c.safeguards(filter);
  if (f == Format::json) return write_json_items(out, list);
  write_rows(out, f, safeguard_rows(list, f), "safeguards");
}

void run_safeguard(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Safeguard& s = c.safeguard(a.positional[1]);
  if (f == Format::json) {
    out << value_json(s).dump(2) << '\n';
    return;
  }
  if (f == Format::csv) return write_csv(out, safeguard_rows({&s}, f));
  const Control& control = c.control(s.control);
  out << "Safeguard " << s.id << ": " << s.title << '\n'
      << "  Control:        " << control.id << ' ' << control.title << '\n'
      << "  Asset type:     " << to_string(s.asset_type) << '\n'
      << "  Function:       " << to_string(s.security_function) << '\n'
      << "  IGs:            " << groups_text(s) << '\n'
      << "  Depends on:     " << (s.depends_on.empty() ? "-" : join(s.depends_on, ", ")) << '\n';
  const auto& mapped = c.practices_of_safeguard(s.id);
  out << (mapped.empty() ? "  Best practices: none map to it\n" : "  Best practices:\n");
  for (const auto& m : mapped)
    out << "    " << m.practice->id << " (" << m.practice->title << ")"
        << (m.maturity ? ", " + level_name(*m.maturity) : std::string()) << '\n';
}

void run_practices(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  PracticeFilter filter;
  if (a.option("maturity")) filter.maturity = parse_enum_option(a, "maturity", parse_maturity);
  if (a.option("scope")) filter.scope = parse_enum_option(a, "scope", parse_scope);
  const auto list = c.practices(filter);
  if (f == Format::json) return write_json_items(out, list);
  Table t;
  t.headers = f == Format::csv ? std::vector<std::string>{"id",           "order",        "title",   "scope_level1",
                                                          "scope_level2", "scope_level3", "actions", "safeguards"}
                               : std::vector<std::string>{"#", "ID", "Level 1", "Level 2", "Level 3", "Title"};
  for (const Practice* p : list) {
    const std::string s1(to_string(p->scopes[0])), s2(to_string(p->scopes[1])), s3(to_string(p->scopes[2]));
    if (f == Format::csv)
      t.rows.push_back({p->id, std::to_string(p->order), p->title, s1, s2, s3, std::to_string(p->actions.size()),
                        std::to_string(p->safeguards.size())});
    else
      t.rows.push_back({std::to_string(p->order), p->id, s1, s2, s3, p->title});
  }
  write_rows(out, f, t, "practices");
}

void run_actions(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::optional<Maturity> m;
  if (a.option("maturity")) m = parse_enum_option(a, "maturity", parse_maturity);
  std::vector<std::pair<const Practice*, const Action*>> rows;
  for (const Action* action : c.actions(ActionFilter{a.option("practice"), m}))
    rows.emplace_back(&c.practice_of_action(action->id), action);
  if (f == Format::json) {
    json list = json::array();
    for (const auto& [p, action] : rows) list.push_back(value_json(*action));
    out << list.dump(2) << '\n';
    return;
  }
  Table t{f == Format::csv ? std::vector<std::string>{"id", "practice", "levels", "group", "text"}
                           : std::vector<std::string>{"ID", "Levels", "Text"},
          {}};
  for (const auto& [p, action] : rows) {
    std::vector<std::string> levels;
    for (auto l : action->levels) levels.emplace_back(to_string(l));
    if (f == Format::csv)
      t.rows.push_back({action->id, p->id, join(levels, " "), action->group.value_or(""), action->text});
    else
      t.rows.push_back({action->id, join(levels, " "), action->text});
  }
  write_rows(out, f, t, "actions");
}

// Links under an entry, one per line: "link: title <url>".
void write_links(std::ostream& out, const std::vector<Link>& links, const char* indent) {
  for (const auto& l : links) out << indent << "  link: " << l.title << " <" << l.url << ">\n";
}

void show_practice_text(const Catalog& c, const Practice& p, std::ostream& out) {
  out << p.title << " (" << p.id << "), practice " << p.order << " of " << c.practices().size() << '\n';
  for (Maturity m : all_maturities)
    out << (m == Maturity::level1 ? "  " : "   ") << level_name(m) << ": " << to_string(p.scope_at(m));
  out << "\n\n";
  if (!p.summary.empty()) out << p.summary << "\n";
  write_links(out, p.links, "");
  if (!p.summary.empty() || !p.links.empty()) out << '\n';
  if (!p.goals.empty()) {
    out << "Goals\n";
    for (std::size_t i = 0; i < p.goals.size(); ++i) {
      out << "  " << i + 1 << ". " << p.goals[i].text
          << (p.goals[i].maturity ? " (" + level_name(*p.goals[i].maturity) + ")" : std::string()) << '\n';
      write_links(out, p.goals[i].links, "     ");
    }
    out << '\n';
  }
  if (!p.actions.empty() || !p.paragraphs.empty()) {
    out << "Actions\n";
    std::string heading;
    const auto head = [&](const std::vector<Maturity>& levels, const std::optional<std::string>& group) {
      const std::string h = block_title(levels) + (group ? ", " + *group : std::string());
      if (h != heading) out << "  " << (heading = h) << '\n';
    };
    for (const SectionEntry& e : action_section(p)) {
      if (const Action* a = e.action) {
        head(a->levels, a->group);
        out << "    - " << a->text << "  [" << a->id << "]\n";
        write_links(out, a->links, "      ");
      } else {
        const Paragraph& para = *e.paragraph;
        head(block_levels(para.block), para.group);
        out << "    " << (para.kind == ParagraphKind::instruction ? "* " : "Note: ") << para.text << '\n';
        write_links(out, para.links, "      ");
      }
    }
    if (std::any_of(p.paragraphs.begin(), p.paragraphs.end(),
                    [](const Paragraph& para) { return para.kind == ParagraphKind::instruction; }))
      out << "  (* an instruction the guide gives as a paragraph, not as a numbered action; it is not\n"
             "   scored)\n";
    out << '\n';
  }
  if (!p.tools.empty()) {
    out << "Cost-effective tools\n";
    for (const auto& t : p.tools)
      out << "  - " << t.name << " <" << t.url << ">" << (t.description.empty() ? "" : ": ") << t.description << '\n';
    out << '\n';
  }
  if (!p.learn_more.empty()) {
    out << "Learn more\n";
    for (const auto& l : p.learn_more) out << "  - " << l.title << " <" << l.url << ">\n";
    out << '\n';
  }
  out << "CIS Safeguards\n";
  const auto& mapped = c.safeguards_of_practice(p.id);
  if (mapped.empty()) out << "  none\n";
  for (const auto& m : mapped)
    out << "  " << m.safeguard->id << "  " << m.safeguard->title
        << (m.maturity ? " (" + maturity_tag(m.maturity) + ")" : std::string()) << '\n';
  const auto& guidance = c.recommendations_of_practice(p.id);
  if (!guidance.empty()) {
    out << "\nRelated guidance\n";
    for (const Recommendation* r : guidance)
      for (const auto& rp : r->practices)
        if (rp.practice == p.id)
          out << "  " << r->id << "  " << r->title << " (" << r->audience << "): " << rp.reason << provenance_label(rp)
              << '\n';
  }
  std::vector<std::string> numbers;
  for (int n : p.handbook) numbers.push_back(std::to_string(n));
  out << "\n2018 Handbook practices: " << (numbers.empty() ? "none" : join(numbers, ", ")) << '\n';
}

void run_practice(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Practice& p = c.practice(a.positional[1]);
  if (f == Format::json) {
    out << value_json(p).dump(2) << '\n';
    return;
  }
  if (f == Format::table) return show_practice_text(c, p, out);
  Table t;
  t.headers = {"id", "levels", "group", "text"};
  for (const auto& action : p.actions) {
    std::vector<std::string> levels;
    for (auto m : action.levels) levels.emplace_back(to_string(m));
    t.rows.push_back({action.id, join(levels, " "), action.group.value_or(""), action.text});
  }
  write_csv(out, t);
}

void run_catalog(const Command&, const Catalog& c, const Args&, Format f, Io& io) {
  std::ostream& out = io.out;
  if (f == Format::json) {
    write_json(out, c);  // as it is made: the whole text is never held
    return;
  }
  std::size_t actions = 0, goals = 0;
  for (const auto& p : c.practices()) {
    actions += p.actions.size();
    goals += p.goals.size();
  }
  const auto row = [](std::string what, std::size_t n) {
    return std::vector<std::string>{std::move(what), std::to_string(n)};
  };
  Table t;
  t.headers = {"Content", "Count"};
  t.rows = {row("best practices", c.practices().size()),
            row("goals", goals),
            row("actions", actions),
            row("maturity statements", c.maturity_statements().size()),
            row("CIS Controls", c.controls().size()),
            row("CIS Safeguards", c.safeguards().size()),
            row("Level 1 worksheets", c.priorities().level1_baseline.size()),
            row("CDM-ranked Safeguards", c.priorities().cdm_ranking.size()),
            row("2018 Handbook practices", c.handbook().size()),
            row("glossary terms", c.glossary().size()),
            row("acronyms", c.acronyms().size()),
            row("guidance recommendations", c.guidance().recommendations.size()),
            row("kinds of election system", c.primer().components.size()),
            row("system risks", c.primer().risks.size())};
  out << c.guide().title << ", version " << c.guide().version << "\n\n";
  write_table(out, t, terminal_width);
}

std::string practice_ids(const std::vector<const Practice*>& list) {
  std::vector<std::string> ids;
  for (const Practice* p : list) ids.push_back(p->id);
  return join(ids, " ");
}

void run_handbook(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  if (a.positional.size() == 2) {
    const int number = parse_int_option_text(a.positional[1], "Handbook practice number");
    const HandbookPractice& h = c.handbook_practice(number);
    if (f == Format::json) {
      out << value_json(h).dump(2) << '\n';
      return;
    }
    const auto mapped = c.practices_of_handbook(number);
    if (f == Format::csv) {
      Table t{{"number", "title", "practices"}, {{std::to_string(h.number), h.title, practice_ids(mapped)}}};
      return write_csv(out, t);
    }
    out << "2018 Handbook practice " << h.number << ": " << h.title << '\n';
    out << "  EGES practices (guide's appendix):" << (mapped.empty() ? " none" : "") << '\n';
    for (const Practice* p : mapped) out << "    " << p->id << " (" << p->title << ")\n";
    std::vector<std::string> pages;
    for (const auto& p : c.practices())
      if (std::find(p.handbook.begin(), p.handbook.end(), number) != p.handbook.end() &&
          std::find(mapped.begin(), mapped.end(), &p) == mapped.end())
        pages.push_back(p.id);
    if (!pages.empty()) out << "  Also listed on the page of: " << join(pages, ", ") << '\n';
    return;
  }
  if (f == Format::json) return write_json_items(out, c.handbook());
  Table t;
  t.headers = f == Format::csv ? std::vector<std::string>{"number", "title", "practices"}
                               : std::vector<std::string>{"#", "EGES practices", "Title"};
  for (const auto& h : c.handbook()) {
    const std::string ids = practice_ids(c.practices_of_handbook(h.number));
    if (f == Format::csv)
      t.rows.push_back({std::to_string(h.number), h.title, ids});
    else
      t.rows.push_back({std::to_string(h.number), ids.empty() ? "-" : ids, h.title});
  }
  write_rows(out, f, t, "Handbook practices");
}

void run_glossary(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  if (a.positional.size() == 2) {
    const std::string& term = a.positional[1];
    // A term may be a glossary entry, an acronym, or both; an unknown one names the
    // closest of either kind.
    std::vector<GlossaryEntry> found;
    try {
      found.push_back(c.glossary_entry(term));
    } catch (const NotFound&) {
    }
    std::vector<Acronym> acronyms;
    for (const auto& x : c.acronyms())
      if (lower_case(x.term) == lower_case(term)) acronyms.push_back(x);
    if (found.empty() && acronyms.empty()) {
      std::vector<std::string> terms;
      for (const auto& g : c.glossary()) terms.push_back(g.term);
      for (const auto& x : c.acronyms()) terms.push_back(x.term);
      throw NotFound("term", term, closest(term, terms));
    }
    if (f == Format::json) {
      json o = json::object();
      o["glossary"] = json::array();
      for (const auto& g : found) o["glossary"].push_back(value_json(g));
      o["acronyms"] = json::array();
      for (const auto& x : acronyms) o["acronyms"].push_back(value_json(x));
      out << o.dump(2) << '\n';
      return;
    }
    Table t{{"term", "kind", "text"}, {}};
    for (const auto& g : found) t.rows.push_back({g.term, "definition", g.definition});
    for (const auto& x : acronyms) t.rows.push_back({x.term, "acronym", x.expansion});
    if (f == Format::csv) return write_csv(out, t);
    for (const auto& row : t.rows) out << row[0] << (row[1] == "acronym" ? " stands for: " : ": ") << row[2] << '\n';
    return;
  }
  if (f == Format::json) return write_json_items(out, c.glossary());
  Table t{f == Format::csv ? std::vector<std::string>{"term", "definition"}
                           : std::vector<std::string>{"Term", "Definition"},
          {}};
  for (const auto& g : c.glossary()) t.rows.push_back({g.term, g.definition});
  write_rows(out, f, t, "terms");
}

void run_acronyms(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::vector<Acronym> list;
  if (a.positional.size() == 2) {
    const auto expansions = c.acronym_expansions(a.positional[1]);  // throws NotFound
    for (const auto& x : c.acronyms())
      if (lower_case(x.term) == lower_case(a.positional[1])) list.push_back(x);
  } else {
    list = c.acronyms();
  }
  if (f == Format::json) return write_json_items(out, list);
  Table t{f == Format::csv ? std::vector<std::string>{"term", "expansion"}
                           : std::vector<std::string>{"Acronym", "Stands for"},
          {}};
  for (const auto& x : list) t.rows.push_back({x.term, x.expansion});
  write_rows(out, f, t, "expansions");
}

void run_statements(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::vector<MaturityStatement> list;
  if (a.option("maturity")) {
    for (const auto* s : c.maturity_statements(parse_enum_option(a, "maturity", parse_maturity))) list.push_back(*s);
  } else {
    list = c.maturity_statements();
  }
  if (f == Format::json) return write_json_items(out, list);
  Table t{f == Format::csv ? std::vector<std::string>{"id", "level", "text"}
                           : std::vector<std::string>{"ID", "Level", "Statement"},
          {}};
  for (const auto& s : list) t.rows.push_back({s.id, std::string(to_string(s.level)), s.text});
  write_rows(out, f, t, "statements");
}

void run_priorities(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Priorities& pr = c.priorities();
  std::optional<Maturity> m;
  if (a.option("maturity")) m = parse_enum_option(a, "maturity", parse_maturity);
  const bool level1 = !m || *m == Maturity::level1;
  const bool higher = !m || *m != Maturity::level1;
  if (f == Format::json) {
    json o = json::object();
    const json all = value_json(pr);
    if (level1) {
      o["level1_baseline"] = all["level1_baseline"];
      o["level1_election"] = all["level1_election"];
    }
    if (higher) o["cdm_ranking"] = all["cdm_ranking"];
    out << o.dump(2) << '\n';
    return;
  }
  // One table for every format: kind, position, what, and the practice/actions it concerns.
  Table t{f == Format::csv ? std::vector<std::string>{"list", "position", "id", "name", "practice", "actions"}
                           : std::vector<std::string>{"List", "#", "ID", "Practice", "Name"},
          {}};
  const auto add = [&](std::string list, std::size_t pos, std::string id, std::string name, std::string practice,
                       std::string actions) {
    if (f == Format::csv)
      t.rows.push_back({list, std::to_string(pos), id, name, practice, actions});
    else
      t.rows.push_back({list, std::to_string(pos), id, practice, name});
  };
  if (level1) {
    for (std::size_t i = 0; i < pr.level1_baseline.size(); ++i) {
      const Worksheet& w = pr.level1_baseline[i];
      std::vector<std::string> practices;
      for (const auto& action : w.actions) {
        const std::string pid = c.practice_of_action(action).id;
        if (std::find(practices.begin(), practices.end(), pid) == practices.end()) practices.push_back(pid);
      }
      add("level1_baseline", i + 1, w.id, w.name + " (" + w.group + ")", join(practices, " "), join(w.actions, " "));
    }
    for (std::size_t i = 0; i < pr.level1_election.size(); ++i) {
      const Practice& p = c.practice(pr.level1_election[i]);
      add("level1_election", i + 1, p.id, p.title, p.id, "");
    }
  }
  if (higher)
    for (const auto& r : pr.cdm_ranking)
      add("cdm_ranking", static_cast<std::size_t>(r.rank), r.safeguard, c.safeguard(r.safeguard).title, r.practice, "");
  write_rows(out, f, t, "entries");
}

}  // namespace electsec::cli
