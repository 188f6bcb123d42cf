// store (the history store: init, import, set, level, systems, show, history, trend, rollup,
// compare, export, check, optimize).
#include "cli_internal.hpp"

#include <electsec/store.hpp>

#include <cstdlib>

namespace electsec::cli {

const char* const store_usage =
    "store init STORE\n"
    "       electsec store import STORE FILE|DIR... [--recursive] [--date DATE] [--author NAME]\n"
    "       electsec store set STORE OFFICE ACTION_ID... STATUS [--practice ID] [--note TEXT] [--date DATE] [--author "
    "NAME]\n"
    "       electsec store level STORE OFFICE N [--date DATE] [--author NAME]\n"
    "       electsec store systems STORE OFFICE [--add COMPONENT --connectedness C [--note TEXT]]\n"
    "                     [--remove COMPONENT [--connectedness C]] [--date DATE] [--author NAME] [--as-of DATE]\n"
    "                     [--format table|json|csv]\n"
    "       electsec store show STORE [OFFICE] [--as-of DATE] [--format table|json|csv|markdown]\n"
    "       electsec store history STORE OFFICE [--format table|json|csv]\n"
    "       electsec store trend STORE [OFFICE...] [--period day|week|month] [--from DATE] [--to DATE] [--state S]\n"
    "                     [--kind K] [--maturity N] [--format table|json|csv]\n"
    "       electsec store rollup STORE [--as-of DATE] [--state S] [--kind K] [--maturity N] [--format "
    "table|json|csv]\n"
    "       electsec store compare STORE OFFICE [--as-of DATE] [--peer-group state|level|all] [--format "
    "table|json|csv]\n"
    "       electsec store export STORE OFFICE [--as-of DATE] [--format json|csv] [-o FILE]\n"
    "       electsec store check STORE\n"
    "       electsec store optimize STORE";

// A filter by state, kind or level that matches no office is a mistake more often than an
// answer: say so, with the states the store knows.
void refuse_empty(const Store& s, const OfficeFilter& f, bool empty) {
  if (!empty || (f.state.empty() && !f.kind && !f.maturity)) return;
  std::vector<std::string> states;
  for (const OfficeSummary& o : s.rollup().offices)
    if (std::find(states.begin(), states.end(), o.jurisdiction.state) == states.end())
      states.push_back(o.jurisdiction.state);
  std::sort(states.begin(), states.end());
  throw Error(s.path() + ": no office matches --state/--kind/--maturity" +
              (f.state.empty() ? std::string()
                               : " (state '" + f.state +
                                     "'; the store's states: " + (states.empty() ? "none" : join(states, ", ")) + ")"));
}

namespace {

using Options = std::initializer_list<const char*>;

struct Sub {
  const Args& a;
  std::string name;

  void only(Options allowed) const { allow_options(a, "store " + name, allowed); }
  void formats(Format f, std::initializer_list<Format> allowed) const {
    if (std::find(allowed.begin(), allowed.end(), f) == allowed.end())
      throw UsageError{"'store " + name + "' does not support --format " + format_name(f)};
  }
  void positional(std::size_t lo, std::size_t hi, const char* usage) const {
    if (a.positional.size() < lo || a.positional.size() > hi)
      throw UsageError{std::string("usage: electsec store ") + usage};
  }
};

Stamp stamp_of(const Args& a) {
  Stamp s;
  s.at = a.option("date").value_or("");
  if (a.option("date") && s.at.empty()) throw UsageError{"--date needs a date (YYYY-MM-DD or a UTC date-time)"};
  if (const auto author = a.option("author")) {
    s.author = *author;
  } else if (const char* user = std::getenv("USER")) {
    s.author = user;
  }
  return s;
}

OfficeFilter filter_of(const Args& a) {
  OfficeFilter f;
  f.state = a.option("state").value_or("");
  if (a.option("kind")) f.kind = parse_enum_option(a, "kind", parse_jurisdiction_kind);
  if (a.option("maturity")) f.maturity = static_cast<Maturity>(parse_int_option(a, "maturity", 1, 3));
  return f;
}

std::string as_of_words(const std::string& as_of) { return as_of.empty() ? "latest" : "as of " + as_of; }

void store_import(Store& s, const Args& a, Format f, Io& io) {
  const std::vector<std::string> paths(a.positional.begin() + 3, a.positional.end());
  Stamp stamp = stamp_of(a);
  const ImportSummary r = s.import_files(paths, stamp, a.flag("recursive"));
  if (f == Format::json) {
    io.out << json{{"files", r.files},
                   {"offices_new", r.offices_new},
                   {"offices_changed", r.offices_changed},
                   {"offices_unchanged", r.offices_unchanged},
                   {"events", r.events}}
                  .dump(2)
           << '\n';
    return;
  }
  io.out << s.path() << ": read " << r.files << (r.files == 1 ? " file" : " files") << "; " << r.offices_new << " new, "
         << r.offices_changed << " changed, " << r.offices_unchanged << " unchanged "
         << (r.offices_new + r.offices_changed + r.offices_unchanged == 1 ? "office" : "offices") << "; " << r.events
         << (r.events == 1 ? " change" : " changes") << " recorded\n";
}

void store_set(const Catalog& c, Store& s, const Args& a, Io& io) {
  const std::string& office = a.positional[3];
  const Status status = status_argument(a.positional.back());
  std::vector<std::string> ids;
  for (auto it = a.positional.begin() + 4; it != a.positional.end() - 1; ++it)
    if (std::find(ids.begin(), ids.end(), *it) == ids.end()) ids.push_back(*it);
  if (const auto practice = a.option("practice")) {
    // The actions that apply at the office's level on the day the change takes effect.
    const Maturity level = s.assessment(office, a.option("date").value_or("")).maturity;
    for (const Action* action : c.applicable_actions(*practice, level))
      if (std::find(ids.begin(), ids.end(), action->id) == ids.end()) ids.push_back(action->id);
  }
  if (ids.empty()) throw UsageError{"store set: name at least one action, or --practice ID"};
  Stamp stamp = stamp_of(a);
  stamp.source = "electsec store set";
  const std::string when = stamp.at.empty() ? today_utc() : stamp.at;
  const std::size_t n = s.set_status(office, ids, status, a.option("note"), stamp);
  io.out << office << ": " << n << " of " << ids.size() << (ids.size() == 1 ? " action" : " actions") << " set to "
         << to_string(status) << " from " << when;
  if (n < ids.size()) io.out << " (the others already were, with the same note)";
  io.out << '\n';
}

// An office's system profile in the store: shown as of a day, or changed from a day on, its
// reading and recording one transaction.
void store_systems(const Catalog& c, Store& s, const Args& a, Format f, Io& io) {
  const std::string& office = a.positional[3];
  const ProfileChange change = profile_change(c, a, "store systems");
  if (!change.add && !change.remove) {
    if (a.option("date") || a.option("author"))
      throw UsageError{"store systems: --date and --author go with --add or --remove (--as-of shows a past day)"};
    const Assessment x = s.assessment(office, a.option("as-of").value_or(""));
    write_risk_picture(c, x, risk_picture(c, x), f, io,
                       "electsec store systems STORE OFFICE --add COMPONENT --connectedness C");
    return;
  }
  if (a.option("as-of")) throw UsageError{"store systems: --as-of shows a past day; a change takes --date"};
  if (f != Format::table) throw UsageError{"store systems: --add and --remove print one line; --format is for showing"};
  Stamp stamp = stamp_of(a);
  stamp.source = "electsec store systems";
  const std::string at = stamp.at.empty() ? today_utc() : stamp.at;
  std::string said;
  const std::size_t n = s.update_systems(
      office,
      [&](std::vector<SystemUse>& profile) {
        Assessment x;
        x.systems = std::move(profile);
        said = apply_profile_change(c, change, x, s.path() + ": office '" + office + "' as of " + at);
        profile = std::move(x.systems);
      },
      stamp);
  io.out << office << ": " << said << (n == 0 ? "; nothing recorded" : " from " + at) << '\n';
  if (change.add)
    warn_not_occurring(
        risk_picture(c, {SystemUse{*change.add, *change.connectedness, ""}}, s.assessment(office, at).maturity),
        io.err);
}

void store_show(const Catalog& c, Store& s, const Args& a, Format f, Io& io) {
  const std::string as_of = a.option("as-of").value_or("");
  if (a.positional.size() == 4) {
    show_statuses(c, s.assessment(a.positional[3], as_of), a, f, io);
    return;
  }
  Rollup r = s.rollup(as_of);
  std::sort(r.offices.begin(), r.offices.end(),
            [](const OfficeSummary& x, const OfficeSummary& y) { return x.jurisdiction.id < y.jurisdiction.id; });
  if (f == Format::json) {
    json list = json::array();
    for (const auto& o : r.offices) list.push_back(value_json(o));
    io.out << list.dump(2) << '\n';
    return;
  }
  if (f == Format::csv) return write_csv(io.out, offices_table(r.offices));
  Table t{{"Office", "Name", "State", "Kind", "Level", "Done", "Applicable", "Complete"}, {}};
  for (const auto& o : r.offices)
    t.rows.push_back({o.jurisdiction.id, o.jurisdiction.name, o.jurisdiction.state,
                      std::string(to_string(o.jurisdiction.kind)), std::to_string(static_cast<int>(o.maturity)),
                      std::to_string(o.actions_done), std::to_string(o.actions_applicable), percent(o.completion)});
  if (f == Format::markdown) {
    io.out << "# Offices in " << markdown_escape(s.path()) << " (" << as_of_words(as_of) << ")\n\n";
    io.out << "| Office | Name | State | Kind | Level | Done | Applicable | Complete |\n"
              "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    for (const auto& row : t.rows) {
      io.out << '|';
      for (const auto& cell : row) io.out << ' ' << markdown_escape(cell) << " |";
      io.out << '\n';
    }
    return;
  }
  io.out << r.jurisdictions << (r.jurisdictions == 1 ? " office" : " offices") << ", " << as_of_words(as_of) << "\n\n";
  write_table(io.out, t, terminal_width);
}

json distribution_json(const Distribution& d) {
  return json{{"count", d.count}, {"min", d.min}, {"q1", d.q1}, {"median", d.median}, {"q3", d.q3}, {"max", d.max}};
}

void store_history(Store& s, const Args& a, Format f, Io& io) {
  const std::vector<StoreEvent> events = s.history(a.positional[3]);
  if (f == Format::json) {
    json list = json::array();
    for (const auto& e : events)
      list.push_back({{"sequence", e.sequence},
                      {"office", e.office},
                      {"subject", e.subject},
                      {"value", e.value},
                      {"note", e.note},
                      {"at", e.at},
                      {"author", e.author},
                      {"source", e.source}});
    io.out << list.dump(2) << '\n';
    return;
  }
  const bool csv = f == Format::csv;
  Table t{csv ? std::vector<std::string>{"sequence", "office", "at", "subject", "value", "note", "author", "source"}
              : std::vector<std::string>{"At", "Subject", "Value", "Note", "Author", "Source"},
          {}};
  for (const auto& e : events) {
    if (csv)
      t.rows.push_back({std::to_string(e.sequence), e.office, e.at, e.subject, e.value, e.note, e.author, e.source});
    else
      t.rows.push_back({e.at, e.subject, e.value.empty() ? "(removed)" : e.value, e.note, e.author, e.source});
  }
  if (csv) return write_csv(io.out, t);
  io.out << a.positional[3] << ": " << events.size() << (events.size() == 1 ? " change" : " changes") << "\n\n";
  write_table(io.out, t, terminal_width);
}

void store_trend(Store& s, const Args& a, Format f, Io& io) {
  TrendOptions options;
  if (a.option("period")) options.period = parse_enum_option(a, "period", parse_period);
  options.from = a.option("from").value_or("");
  options.to = a.option("to").value_or("");
  options.filter = filter_of(a);
  options.filter.offices.assign(a.positional.begin() + 3, a.positional.end());
  for (const auto& id : options.filter.offices) s.history(id);  // NotFound for an unknown office
  const std::vector<TrendPoint> points = s.trend(options);
  refuse_empty(s, options.filter,
               std::all_of(points.begin(), points.end(), [](const TrendPoint& p) { return p.offices == 0; }));
  if (f == Format::json) {
    json list = json::array();
    for (const auto& p : points) {
      json practices = json::array();
      for (const auto& pr : p.practices)
        practices.push_back({{"practice", pr.practice},
                             {"actions_applicable", pr.actions_applicable},
                             {"actions_done", pr.actions_done},
                             {"completion", pr.completion},
                             {"offices_complete", pr.offices_complete}});
      list.push_back({{"period", p.period},
                      {"as_of", p.as_of},
                      {"offices", p.offices},
                      {"maturity_distribution", p.maturity_distribution},
                      {"actions_applicable", p.actions_applicable},
                      {"actions_done", p.actions_done},
                      {"completion", p.completion},
                      {"office_completion", distribution_json(p.office_completion)},
                      {"practices", practices}});
    }
    io.out << list.dump(2) << '\n';
    return;
  }
  if (f == Format::csv) {
    // Long form: one row per period and practice, with the whole ("") first.
    return write_csv(io.out, trend_table(points));
  }
  Table t{{"Period", "As of", "Offices", "Done", "Applicable", "Complete", "Median office", "Middle half"}, {}};
  for (const auto& p : points) {
    const Distribution& d = p.office_completion;
    t.rows.push_back({p.period, p.as_of, std::to_string(p.offices), std::to_string(p.actions_done),
                      std::to_string(p.actions_applicable), percent(p.completion), d.count ? percent(d.median) : "-",
                      d.count ? percent(d.q1) + "-" + percent(d.q3) : "-"});
  }
  const std::string who = options.filter.offices.empty() ? "every office" : join(options.filter.offices, ", ");
  io.out << "Progress by " << to_string(options.period) << ", " << printable(who);
  if (!options.filter.state.empty()) io.out << " of " << printable(options.filter.state);
  io.out << "\n\n";
  write_table(io.out, t, terminal_width);
}

void store_compare(const Catalog& c, Store& s, const Args& a, Format f, Io& io) {
  const std::string as_of = a.option("as-of").value_or("");
  const PeerGroup group =
      a.option("peer-group") ? parse_enum_option(a, "peer-group", parse_peer_group) : PeerGroup::state;
  const PeerComparison r = s.compare(a.positional[3], as_of, group);
  if (f == Format::json) {
    json practices = json::array();
    for (const auto& p : r.practices)
      practices.push_back({{"practice", p.practice},
                           {"completion", p.completion},
                           {"peers", distribution_json(p.peers)},
                           {"percentile_rank", p.percentile_rank}});
    io.out << json{{"jurisdiction", value_json(r.jurisdiction)},
                   {"maturity", static_cast<int>(r.maturity)},
                   {"as_of", r.as_of},
                   {"peer_group", std::string(to_string(r.peer_group))},
                   {"completion", r.completion},
                   {"peers", distribution_json(r.peers)},
                   {"percentile_rank", r.percentile_rank},
                   {"practices", practices}}
                  .dump(2)
           << '\n';
    return;
  }
  if (f == Format::csv) return write_csv(io.out, comparison_table(r));
  Table t{{"Practice", "Office", "Peers", "Peers' median", "Middle half", "Percentile"}, {}};
  const auto rank = [](double x) { return std::to_string(static_cast<int>(x + 0.5)); };
  for (const auto& p : r.practices)
    t.rows.push_back({c.practice(p.practice).title, percent(p.completion), std::to_string(p.peers.count),
                      p.peers.count ? percent(p.peers.median) : "-",
                      p.peers.count ? percent(p.peers.q1) + "-" + percent(p.peers.q3) : "-",
                      p.peers.count ? rank(p.percentile_rank) : "-"});
  const std::string peers = group == PeerGroup::state   ? "offices of " + r.jurisdiction.state
                            : group == PeerGroup::level ? "offices at " + level_name(r.maturity)
                                                        : "offices";
  io.out << printable(r.jurisdiction.name) << " (" << printable(r.jurisdiction.id) << "), " << level_name(r.maturity)
         << ", as of " << r.as_of << ": " << percent(r.completion) << " done.\n";
  if (r.peers.count == 0)
    io.out << "No other " << printable(peers) << " to compare with.\n\n";
  else
    io.out << "Its peers, " << r.peers.count << " other "
           << printable(r.peers.count == 1 ? peers.substr(0, 6) + peers.substr(7) : peers) << ": median "
           << percent(r.peers.median) << ", middle half " << percent(r.peers.q1) << "-" << percent(r.peers.q3)
           << "; it ranks at the " << rank(r.percentile_rank) << "th percentile.\n\n";
  write_table(io.out, t, terminal_width);
}

}  // namespace

void run_store(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  const std::string sub = a.positional.size() > 1 ? a.positional[1] : std::string();
  const Sub s{a, sub};
  if (sub == "init") {
    s.positional(3, 3, "init STORE");
    s.only({});
    s.formats(f, {Format::table});
    const Store created = Store::create(a.positional[2], c);
    io.out << "created " << created.path() << ": an empty history store (schema version " << store_schema_version
           << ")\n";
    return;
  }
  static const std::vector<std::string> subs{"init",  "import", "set",     "level",  "systems", "show",    "history",
                                             "trend", "rollup", "compare", "export", "check",   "optimize"};
  if (std::find(subs.begin(), subs.end(), sub) == subs.end()) {
    const auto near = closest(sub, subs, 1);
    throw UsageError{
        (sub.empty() ? std::string("store needs a subcommand") : "unknown store subcommand '" + sub + "'") +
        (near.empty() ? "" : " (did you mean '" + near[0] + "'?)") + "; usage: electsec " + store_usage};
  }
  if (a.positional.size() < 3) throw UsageError{"usage: electsec store " + sub + " STORE ..."};
  if (sub == "import") {
    s.positional(4, 1000000, "import STORE FILE|DIR... [--recursive] [--date DATE] [--author NAME]");
    s.only({"recursive", "date", "author"});
    s.formats(f, {Format::table, Format::json});
  } else if (sub == "set") {
    s.positional(5, 1000000,
                 "set STORE OFFICE ACTION_ID... STATUS [--practice ID] [--note TEXT] [--date DATE] [--author NAME]");
    s.only({"practice", "note", "date", "author"});
    s.formats(f, {Format::table});
  } else if (sub == "level") {
    s.positional(5, 5, "level STORE OFFICE N [--date DATE] [--author NAME]");
    s.only({"date", "author"});
    s.formats(f, {Format::table});
  } else if (sub == "systems") {
    s.positional(4, 4,
                 "systems STORE OFFICE [--add COMPONENT --connectedness C [--note TEXT]] [--remove COMPONENT "
                 "[--connectedness C]] [--date DATE] [--author NAME] [--as-of DATE] [--format table|json|csv]");
    s.only({"add", "remove", "connectedness", "note", "date", "author", "as-of"});
    s.formats(f, {Format::table, Format::json, Format::csv});
  } else if (sub == "show") {
    s.positional(3, 4, "show STORE [OFFICE] [--as-of DATE] [--format table|json|csv|markdown]");
    s.only({"as-of", "practice", "status"});
  } else if (sub == "history") {
    s.positional(4, 4, "history STORE OFFICE [--format table|json|csv]");
    s.only({});
    s.formats(f, {Format::table, Format::json, Format::csv});
  } else if (sub == "trend") {
    s.positional(3, 1000000, "trend STORE [OFFICE...] [--period day|week|month] [--from DATE] [--to DATE]");
    s.only({"period", "from", "to", "state", "kind", "maturity"});
    s.formats(f, {Format::table, Format::json, Format::csv});
  } else if (sub == "rollup") {
    s.positional(3, 3, "rollup STORE [--as-of DATE] [--state S] [--kind K] [--maturity N]");
    s.only({"as-of", "state", "kind", "maturity"});
    s.formats(f, {Format::table, Format::json, Format::csv});
  } else if (sub == "compare") {
    s.positional(4, 4, "compare STORE OFFICE [--as-of DATE] [--peer-group state|level|all]");
    s.only({"as-of", "peer-group"});
    s.formats(f, {Format::table, Format::json, Format::csv});
  } else if (sub == "check" || sub == "optimize") {
    s.positional(3, 3, sub == "check" ? "check STORE" : "optimize STORE");
    s.only({});
    s.formats(f, {Format::table});
  } else if (sub == "export") {
    s.positional(4, 4, "export STORE OFFICE [--as-of DATE] [--format json|csv] [-o FILE]");
    s.only({"as-of", "output"});
  }
  for (const char* o : {"practice", "status"})
    if (a.option(o) && sub != "show" && !(sub == "set" && std::string(o) == "practice"))
      throw UsageError{"'store " + sub + "' has no option --" + o};
  Store store = Store::open(a.positional[2], c);
  if (sub == "import") {
    store_import(store, a, f, io);
  } else if (sub == "set") {
    store_set(c, store, a, io);
  } else if (sub == "level") {
    Stamp stamp = stamp_of(a);
    stamp.source = "electsec store level";
    const Maturity to = [&] {
      try {
        return parse_maturity(a.positional[4]);
      } catch (const Error&) {
        throw UsageError{"store level: the level must be 1, 2 or 3, not '" + a.positional[4] + "'"};
      }
    }();
    const std::size_t n = store.set_level(a.positional[3], to, stamp);
    io.out << a.positional[3] << ": " << level_name(to) << (n == 0 ? " already; nothing recorded" : " from ")
           << (n == 0             ? ""
               : stamp.at.empty() ? today_utc()
                                  : stamp.at)
           << '\n';
  } else if (sub == "systems") {
    store_systems(c, store, a, f, io);
  } else if (sub == "show") {
    store_show(c, store, a, f, io);
  } else if (sub == "history") {
    store_history(store, a, f, io);
  } else if (sub == "trend") {
    store_trend(store, a, f, io);
  } else if (sub == "rollup") {
    const std::string as_of = a.option("as-of").value_or("");
    const OfficeFilter filter = filter_of(a);
    const Rollup r = store.rollup(as_of, filter);
    refuse_empty(store, filter, r.jurisdictions == 0);
    if (f == Format::table) io.out << store.path() << ", " << as_of_words(as_of) << ":\n";
    write_rollup(c, r, f, io.out);
  } else if (sub == "compare") {
    store_compare(c, store, a, f, io);
  } else if (sub == "check") {
    const std::vector<std::string> problems = store.check();
    if (!problems.empty()) {
      std::vector<Problem> list;
      bool only_checkpoints = true;
      for (const auto& p : problems) {
        list.push_back({"damage", p});
        static const std::string hint = " (a checkpoint; `electsec store optimize` rebuilds them from the events)";
        only_checkpoints =
            only_checkpoints && p.size() >= hint.size() && p.compare(p.size() - hint.size(), hint.size(), hint) == 0;
      }
      throw ValidationError(
          std::move(list),
          store.path() + (only_checkpoints ? ": checkpoints do not match the events, which are "
                                             "intact; rebuild them with: electsec store optimize " +
                                                 store.path()
                                           : ": the history store is damaged; restore it from a backup"));
    }
    const std::int64_t events = store.event_count();
    const std::size_t offices = store.offices().size();
    io.out << store.path() << ": no damage found (" << events << (events == 1 ? " event of " : " events of ") << offices
           << (offices == 1 ? " office)\n" : " offices)\n");
  } else if (sub == "optimize") {
    const std::size_t n = store.optimize();
    const std::size_t offices = store.offices().size();
    io.out << store.path() << ": " << n << (n == 1 ? " checkpoint" : " checkpoints") << " rebuilt from the events of "
           << offices << (offices == 1 ? " office\n" : " offices\n");
  } else if (sub == "export") {
    const Assessment x = store.assessment(a.positional[3], a.option("as-of").value_or(""));
    if (f == Format::csv) return write_result(a, io, to_status_csv(x));
    if (f != Format::json && f != Format::table) throw UsageError{"'store export' writes json or csv"};
    write_result(a, io, to_json(x), " (" + a.positional[3] + ", " + as_of_words(a.option("as-of").value_or("")) + ")");
  }
}

}  // namespace electsec::cli
