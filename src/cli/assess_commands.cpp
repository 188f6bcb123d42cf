// assess (an office's record: init, set, level, show, import, score, systems, migrate) and rollup.
#include "cli_internal.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>

namespace electsec::cli {

// ---- assessments ----

void write_scorecard(const Catalog& c, const Scorecard& card, Format f, std::ostream& out) {
  if (f == Format::json) {
    out << to_json(card) << '\n';
    return;
  }
  Table t{f == Format::csv
              ? std::vector<std::string>{"practice", "scope", "actions_applicable", "actions_done",
                                         "actions_in_progress", "completion"}
              : std::vector<std::string>{"Practice", "Scope", "Done", "In progress", "Applicable", "Complete"},
          {}};
  for (const auto& p : card.practices) {
    if (f == Format::csv)
      t.rows.push_back({p.practice, std::string(to_string(p.scope)), std::to_string(p.actions_applicable),
                        std::to_string(p.actions_done), std::to_string(p.actions_in_progress),
                        std::to_string(p.completion)});
    else
      t.rows.push_back({c.practice(p.practice).title, std::string(to_string(p.scope)), std::to_string(p.actions_done),
                        std::to_string(p.actions_in_progress), std::to_string(p.actions_applicable),
                        percent(p.completion)});
  }
  if (f == Format::csv) return write_csv(out, t);
  out << card.jurisdiction.name << " (" << card.jurisdiction.id << "), " << level_name(card.maturity) << ": "
      << card.actions_done << " of " << card.actions_applicable << " applicable actions done ("
      << percent(card.completion) << "), " << card.actions_in_progress << " in progress; priority practices "
      << (card.priorities_complete ? "complete" : "not yet complete") << "\n\n";
  write_table(out, t, terminal_width);
}

const char* const assess_usage =
    "assess init FILE --id ID --name NAME --state STATE --kind KIND (--maturity N | --answers FILE|-) [--force]\n"
    "       electsec assess set FILE ACTION_ID... STATUS [--practice ID] [--note TEXT] [--date DATE]\n"
    "       electsec assess level FILE N\n"
    "       electsec assess show FILE [--practice ID] [--status S] [--format table|json|csv|markdown]\n"
    "       electsec assess import FILE CSV\n"
    "       electsec assess import-oscal FILE RESULTS [--date DATE]\n"
    "       electsec assess import-ciso-assistant FILE EXPORT [--date DATE]\n"
    "       electsec assess score FILE [--format table|json|csv]\n"
    "       electsec assess systems FILE [--add COMPONENT --connectedness C [--note TEXT]]\n"
    "                               [--remove COMPONENT [--connectedness C]] [--format table|json|csv]\n"
    "       electsec assess migrate FILE --to CATALOG";

// A status as a person may type it ("DONE", "Done"); anything else names every status.
Status status_argument(const std::string& text) {
  try {
    return parse_in_any_case(parse_status, text);
  } catch (const Error& e) {
    throw UsageError{e.what()};
  }
}

void assess_init(const Catalog& c, const Args& a, Io& io) {
  const std::string& file = a.positional[2];
  for (const char* field : {"id", "name", "state", "kind"})
    if (!a.option(field)) throw UsageError{std::string("assess init needs --") + field};
  if (!a.option("maturity") && !a.option("answers"))
    throw UsageError{"assess init needs --maturity N, or --answers FILE to determine it"};
  Assessment x;
  x.jurisdiction = {*a.option("id"), *a.option("name"), *a.option("state"),
                    parse_enum_option(a, "kind", parse_jurisdiction_kind)};
  x.catalog_version = c.guide().version;
  if (a.option("answers")) {
    x.answers = *answers_option(c, a, io);
    x.maturity = determine_maturity(c, x.answers).level;
  }
  if (a.option("maturity")) x.maturity = parse_enum_option(a, "maturity", parse_maturity);
  if (a.flag("force")) {
    save_assessment(x, file, c);
  } else {
    try {
      create_assessment(x, file, c);
    } catch (const IoError& e) {
      const std::string what = e.what();
      if (what.size() < 16 || what.compare(what.size() - 16, 16, ": already exists") != 0) throw;
      throw Error(file + ": already exists; pass --force to overwrite it");
    }
  }
  io.out << "wrote " << file << ": " << x.jurisdiction.name << " at " << level_name(x.maturity) << '\n';
}

void assess_set(const Catalog& c, const Args& a, Io& io) {
  const std::string& file = a.positional[2];
  if (a.positional.size() < 4) throw UsageError{"usage: electsec assess set FILE ACTION_ID... STATUS [--practice ID]"};
  const Status status = status_argument(a.positional.back());
  std::vector<std::string> ids(a.positional.begin() + 3, a.positional.end() - 1);
  const auto practice = a.option("practice");
  if (ids.empty() && !practice) throw UsageError{"assess set needs at least one ACTION_ID or --practice ID"};
  if (practice) c.practice(*practice);  // NotFound for a typo, before anything else
  const std::optional<std::string> note = a.option("note");
  if (note && !is_utf8(*note)) throw UsageError{"--note is not valid UTF-8 text"};
  const std::string date = a.option("date").value_or("");
  if (!date.empty() && !is_iso_timestamp(date))
    throw UsageError{"--date must be an ISO 8601 date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDThh:mm:ssZ), not '" +
                     date + "'"};
  update_assessment(file, c, [&](Assessment& x) {
    if (practice)
      for (const Action* action : c.applicable_actions(*practice, x.maturity))
        if (std::find(ids.begin(), ids.end(), action->id) == ids.end()) ids.push_back(action->id);
    for (const auto& id : ids) x.set(c, id, status, note, date);
  });
  for (const auto& id : ids) io.out << id << ": " << to_string(status) << '\n';
}

// A profile entry as a person reads it: "pollbooks (indirect)".
std::string use_name(const std::string& component, Connectedness connectedness) {
  return printable(component) + " (" + std::string(to_string(connectedness)) + ")";
}

// Where the guide says a class does not occur for a component, the profile may be wrong.
void warn_not_occurring(const RiskPicture& p, std::ostream& out) {
  for (const auto& s : p.systems)
    if (!s.occurs)
      out << "warning: the guide's primer says " << use_name(s.use.component, s.use.connectedness) << " does not occur"
          << (s.connection.empty() ? std::string() : " (\"" + printable(s.connection) + "\")") << '\n';
}

void write_risk_picture(const Catalog& c, const Assessment& x, const RiskPicture& p, Format f, Io& io,
                        const std::string& how_to_add) {
  std::ostream& out = io.out;
  if (f == Format::json) {
    out << to_json(p) << '\n';
    return;
  }
  // One row per editorial link, each marked as electsec's.
  const auto link_rows = [&](Table& t, const std::vector<SystemPractice>& list, bool csv) {
    for (const auto& sp : list)
      for (std::size_t i = 0; i < sp.links.size(); ++i) {
        const auto& l = sp.links[i];
        if (csv)
          t.rows.push_back({sp.plan_rank ? std::to_string(sp.plan_rank) : "", sp.practice,
                            std::string(to_string(sp.scope)), l.component, std::string(to_string(l.connectedness)),
                            l.subject, l.reason, l.provenance});
        else
          t.rows.push_back({i ? "" : (sp.plan_rank ? std::to_string(sp.plan_rank) : "-"),
                            i ? "" : c.practice(sp.practice).title, use_name(l.component, l.connectedness), l.subject,
                            editorial_reason(l)});
      }
  };
  if (f == Format::csv) {
    Table t{{"plan_rank", "practice", "scope", "component", "connectedness", "subject", "reason", "provenance"}, {}};
    link_rows(t, p.practices, true);
    link_rows(t, p.out_of_scope, true);
    return write_csv(out, t);
  }
  out << printable(x.jurisdiction.name) << " (" << printable(x.jurisdiction.id) << "), " << level_name(x.maturity)
      << ": " << x.systems.size() << (x.systems.size() == 1 ? " system" : " systems") << " in its profile\n";
  if (x.systems.empty()) {
    out << "No system recorded yet: " << how_to_add << '\n';
    return;
  }
  out << '\n';
  Table systems{{"Component", "Connectedness", "Risks the guide lists", "Note"}, {}};
  for (const auto& s : p.systems)
    systems.rows.push_back({printable(s.use.component), std::string(to_string(s.use.connectedness)),
                            s.risks.empty() ? (s.use.connectedness == Connectedness::none ? "none (not digital)" : "-")
                                            : join(s.risks, ", "),
                            s.use.note});
  write_table(out, systems, terminal_width);
  warn_not_occurring(p, out);
  out << "\nPractices that address them, in the guide's plan order at " << level_name(p.maturity)
      << ". The links are electsec's, not the guide's:\n\n";
  Table practices{{"Plan step", "Practice", "System", "Linked from", "Why (electsec's link)"}, {}};
  link_rows(practices, p.practices, false);
  write_table(out, practices, terminal_width);
  if (!p.out_of_scope.empty()) {
    out << "\nLinked but out of scope at " << level_name(p.maturity) << ":\n\n";
    Table apart{{"Plan step", "Practice", "System", "Linked from", "Why (electsec's link)"}, {}};
    link_rows(apart, p.out_of_scope, false);
    write_table(out, apart, terminal_width);
  }
}

ProfileChange profile_change(const Catalog& c, const Args& a, const std::string& command) {
  ProfileChange change{a.option("add"), a.option("remove"), a.option("note"), std::nullopt};
  if (change.add && change.remove) throw UsageError{command + " takes --add or --remove, not both"};
  if (!change.add && !change.remove && (change.note || a.option("connectedness")))
    throw UsageError{command + ": --connectedness and --note go with --add or --remove"};
  if (change.note && !change.add) throw UsageError{command + ": --note goes with --add"};
  if (a.option("connectedness")) change.connectedness = parse_enum_option(a, "connectedness", parse_connectedness);
  if (change.note && !is_utf8(*change.note)) throw UsageError{"--note is not valid UTF-8 text"};
  if (change.add) {
    if (!change.connectedness)
      throw UsageError{command + " --add needs --connectedness network, indirect, none or transmission"};
    c.system_component(*change.add);  // NotFound for a typo, before anything is touched
  }
  return change;
}

std::string apply_profile_change(const Catalog& c, const ProfileChange& change, Assessment& x,
                                 const std::string& where) {
  if (change.add) {
    std::optional<std::string> old_note;
    for (const SystemUse& s : x.systems)
      if (s.component == *change.add && s.connectedness == *change.connectedness) old_note = s.note;
    const bool added = x.add_system(c, *change.add, *change.connectedness, change.note);
    const bool note_replaced = !added && change.note && old_note != change.note;
    return std::string(added ? "added " : "kept ") + use_name(*change.add, *change.connectedness) +
           (note_replaced ? ", note replaced" : "");
  }
  const std::size_t removed = x.remove_system(*change.remove, change.connectedness);
  if (removed == 0)
    throw Error(where + ": the system profile has no " +
                (change.connectedness ? use_name(*change.remove, *change.connectedness)
                                      : "'" + printable(*change.remove) + "'") +
                "; nothing changed");
  return "removed " + std::to_string(removed) + (removed == 1 ? " entry" : " entries") + " for " +
         printable(*change.remove);
}

void assess_systems(const Catalog& c, const Args& a, Format f, Io& io) {
  const std::string& file = a.positional[2];
  const ProfileChange change = profile_change(c, a, "assess systems");
  if (change.add || change.remove) {
    std::string said;
    const Assessment x =
        update_assessment(file, c, [&](Assessment& x) { said = apply_profile_change(c, change, x, file); });
    io.out << file << ": " << said << '\n';
    if (change.add)
      warn_not_occurring(risk_picture(c, {SystemUse{*change.add, *change.connectedness, ""}}, x.maturity), io.err);
    return;
  }
  const Assessment x = load_assessment(file, c);
  write_risk_picture(c, x, risk_picture(c, x), f, io, "electsec assess systems FILE --add COMPONENT --connectedness C");
}

void assess_show(const Catalog& c, const Args& a, Format f, Io& io) {
  show_statuses(c, load_assessment(a.positional[2], c), a, f, io);
}

void show_statuses(const Catalog& c, Assessment x, const Args& a, Format f, Io& io) {
  const auto practice = a.option("practice");
  if (practice) c.practice(*practice);
  std::optional<Status> status;
  if (const auto s = a.option("status")) status = status_argument(*s);
  const std::size_t recorded = x.statuses.size();
  for (auto it = x.statuses.begin(); it != x.statuses.end();) {
    const bool keep =
        (!practice || c.practice_of_action(it->first).id == *practice) && (!status || it->second.status == *status);
    it = keep ? std::next(it) : x.statuses.erase(it);
  }
  if (f == Format::csv) {
    io.out << to_status_csv(x);
    return;
  }
  if (f == Format::json) {
    json doc = json::object();
    for (const auto& [id, st] : x.statuses)
      doc[id] = {{"status", std::string(to_string(st.status))}, {"note", st.note}, {"updated", st.updated}};
    io.out << doc.dump(2) << '\n';
    return;
  }
  if (f == Format::markdown) {
    io.out << "# " << markdown_escape(x.jurisdiction.name) << ": recorded statuses (" << level_name(x.maturity)
           << ")\n\n";
    if (x.statuses.empty())
      io.out << "No status recorded yet.\n";
    else
      io.out << "| Action | Status | Updated | Note |\n| --- | --- | --- | --- |\n";
    for (const auto& [id, st] : x.statuses)
      io.out << "| `" << id << "` | " << to_string(st.status) << " | " << st.updated << " | "
             << markdown_escape(st.note) << " |\n";
    return;
  }
  Table t{{"Action", "Status", "Updated", "Note"}, {}};
  for (const auto& [id, st] : x.statuses)
    t.rows.push_back({id, std::string(to_string(st.status)), st.updated, st.note});
  io.out << printable(x.jurisdiction.name) << " (" << printable(x.jurisdiction.id) << "), " << level_name(x.maturity)
         << ": ";
  if (practice || status)
    io.out << x.statuses.size() << " of " << recorded << " recorded statuses shown\n\n";
  else
    io.out << recorded << (recorded == 1 ? " status recorded\n\n" : " statuses recorded\n\n");
  write_table(io.out, t, terminal_width);
}

void run_assess(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const std::string& sub = a.positional.size() > 1 ? a.positional[1] : std::string();
  const auto need = [&](std::size_t n, const char* usage) {
    if (a.positional.size() != n) throw UsageError{std::string("usage: electsec ") + usage};
  };
  const auto only = [&](std::initializer_list<const char*> allowed) { allow_options(a, "assess " + sub, allowed); };
  const auto formats = [&](std::initializer_list<Format> allowed) {
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end())
      throw UsageError{"'assess " + sub + "' does not support --format " + format_name(f)};
  };
  if (sub != "show" && sub != "score" && sub != "systems") formats({Format::table});
  if (sub == "init") {
    need(3,
         "assess init FILE --id ID --name NAME --state STATE --kind KIND (--maturity N | --answers FILE|-) [--force]");
    only({"id", "name", "state", "kind", "maturity", "answers", "force"});
    assess_init(c, a, io);
  } else if (sub == "set") {
    only({"note", "date", "practice"});
    if (a.positional.size() < 4)
      throw UsageError{
          "usage: electsec assess set FILE ACTION_ID... STATUS [--practice ID] [--note TEXT] [--date DATE]"};
    assess_set(c, a, io);
  } else if (sub == "level") {
    need(4, "assess level FILE N");
    only({});
    const std::string& file = a.positional[2];
    const Maturity to = [&] {
      try {
        return parse_maturity(a.positional[3]);
      } catch (const Error&) {
        throw UsageError{"assess level: the level must be 1, 2 or 3, not '" + a.positional[3] + "'"};
      }
    }();
    Maturity from = to;
    std::vector<std::string> no_longer;
    update_assessment(file, c, [&](Assessment& x) {
      from = x.maturity;
      no_longer = x.set_level(c, to);
    });
    write_level_change(file, from, to, no_longer, out);
  } else if (sub == "show") {
    need(3, "assess show FILE [--practice ID] [--status S] [--format table|json|csv|markdown]");
    only({"practice", "status"});
    assess_show(c, a, f, io);
  } else if (sub == "import") {
    need(4, "assess import FILE CSV");
    only({});
    const std::vector<StatusRow> rows = load_status_csv(a.positional[3], c);
    update_assessment(a.positional[2], c, [&](Assessment& x) {
      for (const auto& r : rows) x.set(c, r.action, r.status, r.note, r.updated);
    });
    out << a.positional[2] << ": " << rows.size() << " statuses set from " << a.positional[3] << '\n';
  } else if (sub == "import-oscal") {
    need(4, "assess import-oscal FILE RESULTS [--date DATE]");
    only({"date"});
    const std::string &file = a.positional[2], &results = a.positional[3];
    const std::string date = a.option("date").value_or("");
    if (!date.empty() && !is_iso_timestamp(date))
      throw UsageError{"--date must be YYYY-MM-DD or a UTC date-time, not '" + date + "'"};
    // Read against the office as it stands under the file's lock; only what differs is applied.
    const std::string text = read_file(results);
    OscalImport read;
    std::vector<std::string> changed;
    update_assessment(file, c, [&](Assessment& x) {
      read = parse_oscal_assessment_results(text, c, x, results);
      changed.clear();
      for (const StatusRow& r : read.statuses) {
        const auto it = x.statuses.find(r.action);
        std::string what;
        if (it == x.statuses.end())
          what = std::string(to_string(r.status)) + (r.note->empty() ? "" : ", with a note");
        else if (it->second.status != r.status)
          what = std::string(to_string(it->second.status)) + " -> " + std::string(to_string(r.status)) +
                 (it->second.note != *r.note ? ", and its note" : "");
        else if (it->second.note != *r.note)
          what = r.note->empty() ? "note removed" : "note changed";
        else
          continue;
        x.set(c, r.action, r.status, r.note, date);
        changed.push_back(r.action + ": " + what);
      }
    });
    out << file << ": " << changed.size() << (changed.size() == 1 ? " action" : " actions") << " changed from "
        << results << ", " << read.statuses.size() - changed.size() << " as they were\n";
    for (const auto& line : changed) out << "  " << line << '\n';
    if (!read.changed_since.empty())
      out << "changed in " << file << " since these results were made, so left as the file has them:\n";
    for (const auto& line : read.changed_since) out << "  " << line << '\n';
    if (!read.unmatched.empty()) out << "not matched, left alone:\n";
    for (const auto& line : read.unmatched) out << "  " << printable(line) << '\n';
    if (!read.changed_since.empty()) io.exit_code = exit_skipped;
  } else if (sub == "import-ciso-assistant") {
    need(4, "assess import-ciso-assistant FILE EXPORT [--date DATE]");
    only({"date"});
    const std::string &file = a.positional[2], &exported = a.positional[3];
    const std::string date = a.option("date").value_or("");
    if (!date.empty() && !is_iso_timestamp(date))
      throw UsageError{"--date must be YYYY-MM-DD or a UTC date-time, not '" + date + "'"};
    // Read against the office as it stands under the file's lock; only what differs is applied.
    const std::string text = read_file(exported);
    CisoAssistantImport read;
    update_assessment(file, c, [&](Assessment& x) {
      read = import_ciso_assistant_audit(text, c, x, exported, date);
      x = read.assessment;
    });
    out << file << ": " << read.changed.size() << (read.changed.size() == 1 ? " action" : " actions")
        << " changed from " << exported << ", " << read.statuses.size() - read.changed.size() << " as they were, "
        << read.not_assessed << " not assessed there\n";
    for (const auto& line : read.changed) out << "  " << line << '\n';
    if (!read.unmatched.empty()) out << "not matched, left alone:\n";
    for (const auto& line : read.unmatched) out << "  " << printable(line) << '\n';
  } else if (sub == "migrate") {
    need(3, "assess migrate FILE --to CATALOG");
    only({"to"});
    if (!a.option("to"))
      throw UsageError{"assess migrate needs --to CATALOG (a catalog file, a guide folder or 'default')"};
    const std::string& file = a.positional[2];
    const Catalog target = catalog_from(*a.option("to"), &io.err);
    const Migration m = migrate_assessment_file(file, target);
    out << file << ": from " << m.from_version << " to " << m.assessment.catalog_version << ": kept " << m.kept.size()
        << " statuses";
    if (m.retired.empty()) {
      out << ", retired none\n";
    } else {
      out << ", retired " << m.retired.size() << " (kept in the file's \"retired\" section):\n";
      for (const auto& id : m.retired) out << "  " << id << '\n';
    }
  } else if (sub == "systems") {
    need(3,
         "assess systems FILE [--add COMPONENT --connectedness C [--note TEXT]] [--remove COMPONENT "
         "[--connectedness C]] [--format table|json|csv]");
    only({"add", "remove", "connectedness", "note"});
    formats({Format::table, Format::json, Format::csv});
    assess_systems(c, a, f, io);
  } else if (sub == "score") {
    need(3, "assess score FILE [--format table|json|csv]");
    only({});
    formats({Format::table, Format::json, Format::csv});
    write_scorecard(c, score(c, load_assessment(a.positional[2], c)), f, out);
  } else {
    throw UsageError{
        (sub.empty() ? std::string("'assess' needs a subcommand") : "unknown subcommand 'assess " + sub + "'") +
        ": init, set, level, show, import, import-oscal, import-ciso-assistant, score, systems or migrate (see "
        "electsec assess --help)"};
  }
}

// ---- rollup ----

void run_rollup(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const std::vector<std::string> paths(a.positional.begin() + 1, a.positional.end());
  RollupOptions options;
  options.threads = a.option("threads") ? static_cast<unsigned>(parse_int_option(a, "threads", 0, 256)) : 0;
  options.recursive = a.flag("recursive");
  options.skip_invalid = a.flag("skip-invalid");
  const FileRollup read = rollup_files(c, paths, options);
  if (!read.skipped.empty()) {
    io.err << "electsec: skipped " << read.skipped.size() << " files that do not load:\n";
    for (const auto& s : read.skipped)
      io.err << "  " << (s.reason.rfind(s.path + ":", 0) == 0 ? "" : s.path + ": ") << s.reason << '\n';
    io.exit_code = exit_skipped;
  }
  write_rollup(c, read.rollup, f, out);
}

void write_rollup(const Catalog& c, const Rollup& r, Format f, std::ostream& out) {
  if (f == Format::json) {
    out << to_json(r) << '\n';
    return;
  }
  if (f == Format::csv) return write_csv(out, practices_table(r));
  Table t{{"Practice", "Done", "Applicable", "Complete", "Offices complete"}, {}};
  for (const auto& p : r.practices)
    if (p.actions_applicable > 0)
      t.rows.push_back({c.practice(p.practice).title, std::to_string(p.actions_done),
                        std::to_string(p.actions_applicable), percent(p.completion),
                        std::to_string(p.offices_complete)});
  out << r.jurisdictions << (r.jurisdictions == 1 ? " office: " : " offices: ") << r.maturity_distribution[0]
      << " at Level 1, " << r.maturity_distribution[1] << " at Level 2, " << r.maturity_distribution[2]
      << " at Level 3; " << r.actions_done << " of " << r.actions_applicable << " applicable actions done ("
      << percent(r.completion) << ")\n\n";
  write_table(out, t, terminal_width);
  std::vector<std::string> least;
  for (const auto& id : r.least_complete) least.push_back(c.practice(id).title);
  out << "\nLeast complete: " << (least.empty() ? "-" : join(least, "; ")) << '\n';
  out << "Furthest behind:";
  for (std::size_t i = 0; i < r.offices.size() && i < 5; ++i)
    out << (i ? ";" : "") << ' ' << r.offices[i].jurisdiction.name << " (" << percent(r.offices[i].completion) << ")";
  out << '\n';
}

}  // namespace electsec::cli
