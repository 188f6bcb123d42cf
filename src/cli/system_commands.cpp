// systems and system: the guide's election-infrastructure primer, with electsec's own links
// from its systems, connectedness classes and risks to the practices (always marked so).
#include "cli_internal.hpp"

namespace electsec::cli {

namespace {

constexpr const char* editorial_note = "linked by electsec, not by the guide";

const ComponentConnection* row_of(const SystemComponent& s, Connectedness c) {
  for (const auto& row : s.connections)
    if (row.connectedness == c) return &row;
  return nullptr;
}

// "yes", "no" or "-" (the guide's table has no such row) for one class of one system.
std::string occurs_text(const SystemComponent& s, Connectedness c) {
  const ComponentConnection* row = row_of(s, c);
  return row == nullptr ? "-" : row->occurs ? "yes" : "no";
}

// The subject a user typed: a component, a connectedness class or a risk; NotFound names the
// closest of all three.
enum class SubjectKind { component, connectedness, risk };

SubjectKind subject_kind(const Catalog& c, const std::string& id) {
  std::vector<std::string> all;
  for (const auto& s : c.primer().components) {
    if (s.id == id) return SubjectKind::component;
    all.push_back(s.id);
  }
  for (const auto& k : c.primer().classes) {
    if (to_string(k.id) == id) return SubjectKind::connectedness;
    all.emplace_back(to_string(k.id));
  }
  for (const auto& r : c.primer().risks) {
    if (r.id == id) return SubjectKind::risk;
    all.push_back(r.id);
  }
  if (c.primer().components.empty())
    throw Error("this catalog (" + c.guide().version + ") has no election-infrastructure primer");
  throw NotFound("system, connectedness class or risk", id, closest(id, all));
}

// electsec's links for the subjects, merged by practice in index order: each practice with
// the subjects that bring it in.
struct LinkedPractice {
  const Practice* practice;
  std::vector<const SystemLink*> links;
};

std::vector<LinkedPractice> linked_practices(const Catalog& c, const std::vector<std::string>& subjects) {
  std::vector<LinkedPractice> out;
  for (const Practice& p : c.practices()) {
    LinkedPractice lp{&p, {}};
    for (const auto& subject : subjects)
      for (const SystemLink* l : c.system_links_of(subject))
        if (l->practice == p.id) lp.links.push_back(l);
    if (!lp.links.empty()) out.push_back(std::move(lp));
  }
  return out;
}

void write_linked(std::ostream& out, const std::vector<LinkedPractice>& list) {
  if (list.empty()) return;
  out << "Practices that address it (" << editorial_note << ")\n";
  for (const auto& lp : list) {
    out << "  " << lp.practice->id << "  " << lp.practice->title << '\n';
    for (const SystemLink* l : lp.links) out << "      via " << l->subject << ": " << l->reason << '\n';
  }
  out << '\n';
}

json links_json(const std::vector<LinkedPractice>& list) {
  json out = json::array();
  for (const auto& lp : list)
    for (const SystemLink* l : lp.links) out.push_back(value_json(*l));
  return out;
}

void show_component(const Catalog& c, const SystemComponent& s, std::ostream& out) {
  out << s.title << " (" << s.id << "), the guide's page " << s.page << "\n\n" << s.summary << "\n\n";
  const auto list = [&](const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out << heading << '\n';
    for (const auto& i : items) out << "  - " << i << '\n';
    out << '\n';
  };
  list("Inputs", s.inputs);
  list("Outputs", s.outputs);
  if (!s.variants.empty()) {
    out << "Varieties\n";
    for (std::size_t i = 0; i < s.variants.size(); ++i) {
      const auto& v = s.variants[i];
      out << "  " << i + 1 << ". " << v.name
          << (v.connectedness ? " [" + c.connectedness_class(*v.connectedness).label + "]" : std::string()) << ": "
          << v.text << '\n';
    }
    out << '\n';
  }
  if (!s.risks.empty()) {
    out << "Risks and threats the guide names\n";
    Table t{{"Risk", "In short"}, {}};
    for (const auto& r : s.risks) t.rows.push_back({r, c.system_risk(r).title});
    write_table(out, t, terminal_width);
    out << '\n';
  }
  if (!s.connections.empty()) {
    out << "How it connects (the guide's table)\n";
    Table t{{"Connectedness", "Occurs", "How"}, {}};
    for (const auto& row : s.connections)
      t.rows.push_back({c.connectedness_class(row.connectedness).label, row.occurs ? "yes" : "no", row.text});
    write_table(out, t, terminal_width);
    out << '\n';
  }
  std::vector<std::string> subjects{s.id};
  subjects.insert(subjects.end(), s.risks.begin(), s.risks.end());
  for (const auto& row : s.connections)
    if (row.occurs) subjects.emplace_back(to_string(row.connectedness));
  write_linked(out, linked_practices(c, subjects));
}

void show_class(const Catalog& c, const ConnectednessClass& k, std::ostream& out) {
  out << k.title << " (" << to_string(k.id) << "; in the systems' tables: " << k.label << ")\n\n" << k.text << "\n\n";
  if (!k.examples.empty()) {
    out << "Examples\n";
    for (const auto& e : k.examples) out << "  - " << e << '\n';
    out << '\n';
  }
  out << "Systems for which the guide says it occurs\n";
  for (const auto& s : c.primer().components)
    if (const ComponentConnection* row = row_of(s, k.id); row && row->occurs)
      out << "  " << s.id << ": " << row->text << '\n';
  out << '\n';
  write_linked(out, linked_practices(c, {std::string(to_string(k.id))}));
}

void show_risk(const Catalog& c, const SystemRisk& r, std::ostream& out) {
  out << r.title << " (" << r.id << ")\n\n" << r.text << "\n\nSystems the guide names it for\n";
  for (const SystemComponent* s : c.components_with_risk(r.id)) out << "  " << s->id << "  " << s->title << '\n';
  out << '\n';
  write_linked(out, linked_practices(c, {r.id}));
}

}  // namespace

void run_systems(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::optional<Connectedness> connectedness;
  if (a.option("connectedness")) connectedness = parse_enum_option(a, "connectedness", parse_connectedness);
  const auto risk = a.option("risk");
  if (risk) c.system_risk(*risk);  // NotFound for a typo
  std::vector<const SystemComponent*> list;
  for (const auto& s : c.primer().components) {
    if (connectedness) {
      const ComponentConnection* row = row_of(s, *connectedness);
      if (row == nullptr || !row->occurs) continue;
    }
    if (risk && std::find(s.risks.begin(), s.risks.end(), *risk) == s.risks.end()) continue;
    list.push_back(&s);
  }
  if (f == Format::json) return write_json_items(out, list);
  Table t;
  if (f == Format::csv) {
    t.headers = {"id", "title", "page", "network", "indirect", "none", "transmission", "risks"};
    for (const SystemComponent* s : list)
      t.rows.push_back({s->id, s->title, s->page, occurs_text(*s, Connectedness::network),
                        occurs_text(*s, Connectedness::indirect), occurs_text(*s, Connectedness::none),
                        occurs_text(*s, Connectedness::transmission), join(s->risks, " ")});
    return write_csv(out, t);
  }
  if (c.primer().components.empty()) {
    out << "this catalog (" << c.guide().version << ") has no election-infrastructure primer\n";
    return;
  }
  t.headers = {"ID", "Title", "Network", "Indirect", "None", "Transmission", "Risks"};
  for (const SystemComponent* s : list)
    t.rows.push_back({s->id, s->title, occurs_text(*s, Connectedness::network),
                      occurs_text(*s, Connectedness::indirect), occurs_text(*s, Connectedness::none),
                      occurs_text(*s, Connectedness::transmission), std::to_string(s->risks.size())});
  write_table(out, t, terminal_width);
  out << '\n'
      << list.size() << " of " << c.primer().components.size()
      << " kinds of election system in the guide's primer; a column says whether the guide's table lets that\n"
         "connectedness occur for it. `electsec system ID` shows one, a connectedness class or a risk.\n";
}

void run_system(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const std::string& id = a.positional[1];
  const SubjectKind kind = subject_kind(c, id);
  if (f == Format::json) {
    json doc;
    std::vector<std::string> subjects{id};
    if (kind == SubjectKind::component) {
      const SystemComponent& s = c.system_component(id);
      doc = value_json(s);
      subjects.insert(subjects.end(), s.risks.begin(), s.risks.end());
      for (const auto& row : s.connections)
        if (row.occurs) subjects.emplace_back(to_string(row.connectedness));
    } else if (kind == SubjectKind::connectedness) {
      doc = value_json(c.connectedness_class(parse_connectedness(id)));
    } else {
      doc = value_json(c.system_risk(id));
      json names = json::array();
      for (const SystemComponent* s : c.components_with_risk(id)) names.push_back(s->id);
      doc["components"] = names;
    }
    // Kept apart from the guide's facts, under a name that says whose they are.
    doc["electsec_links"] = links_json(linked_practices(c, subjects));
    out << doc.dump(2) << '\n';
    return;
  }
  if (kind == SubjectKind::component) return show_component(c, c.system_component(id), out);
  if (kind == SubjectKind::connectedness) return show_class(c, c.connectedness_class(parse_connectedness(id)), out);
  show_risk(c, c.system_risk(id), out);
}

}  // namespace electsec::cli
