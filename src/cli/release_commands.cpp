// Guide releases: import a guide folder, diff two catalogs.
#include "cli_internal.hpp"

#include <sstream>

namespace electsec::cli {

// ---- releases: import, diff, migrate ----

// What the importer could not find in the guide folder `dir`, a line each, with its kind.
void write_import_warnings(std::ostream& err, const std::string& dir, const ImportResult& r) {
  for (const auto& w : r.warnings)
    err << "electsec: warning: " << printable(dir + "/" + w.file) << (w.line ? ":" + std::to_string(w.line) : "")
        << ": " << printable(w.message) << " [" << to_string(w.kind) << "]\n";
}

// What an import found and what it could not, in two lines (on stderr: stdout keeps the
// catalog, its table or the "wrote" line).
void write_import_summary(std::ostream& err, const std::string& dir, const ImportResult& r) {
  const Catalog& c = r.catalog;
  std::size_t actions = 0, goals = 0, mappings = 0;
  for (const auto& p : c.practices()) {
    actions += p.actions.size();
    goals += p.goals.size();
    mappings += p.safeguards.size();
  }
  const auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  err << "electsec: imported " << printable(dir) << " (guide " << printable(c.guide().version)
      << "): " << count(c.practices().size(), "practice", "practices") << ", " << count(actions, "action", "actions")
      << ", " << count(goals, "goal", "goals") << ", " << count(mappings, "Safeguard mapping", "Safeguard mappings")
      << ", " << count(c.handbook().size(), "Handbook practice", "Handbook practices") << ", "
      << count(c.maturity_statements().size(), "maturity statement", "maturity statements") << ", "
      << count(c.priorities().level1_baseline.size(), "worksheet", "worksheets") << ", "
      << count(c.priorities().level1_election.size(), "election priority", "election priorities") << ", "
      << count(c.priorities().cdm_ranking.size(), "CDM rank", "CDM ranks") << ", "
      << count(c.glossary().size(), "glossary term", "glossary terms") << ", "
      << count(c.acronyms().size(), "acronym", "acronyms") << ", "
      << count(c.primer().components.size(), "system component", "system components") << ", "
      << count(c.primer().risks.size(), "system risk", "system risks") << '\n';
  std::map<std::string, std::size_t> kinds;
  for (const auto& w : r.warnings) ++kinds[std::string(to_string(w.kind))];
  err << "electsec: " << count(r.warnings.size(), "warning", "warnings");
  const char* sep = ": ";
  for (const auto& [kind, n] : kinds) {
    err << sep << n << " " << kind;
    sep = ", ";
  }
  err << '\n';
}

// A catalog named on the command line: "default", a guide directory, or a catalog file.
Catalog catalog_from(const std::string& spec, std::ostream* warnings_to) {
  if (spec == "default") return default_catalog();
  std::error_code ec;
  if (std::filesystem::is_directory(spec, ec)) {
    ImportResult r = import_eges_rst(spec);
    if (warnings_to != nullptr) write_import_warnings(*warnings_to, spec, r);
    return r.catalog;
  }
  return load_catalog(spec);
}

void run_import(const Command& cmd, const Args& a, Format f, Io& io) {
  const std::string& dir = a.positional[1];
  const ImportResult r = import_eges_rst(dir);
  // Gathered first and written at once: the error stream is unbuffered, and would otherwise
  // cost a system call for every piece of every line.
  std::ostringstream report;
  write_import_warnings(report, dir, r);
  write_import_summary(report, dir, r);
  io.err << report.str() << std::flush;
  if (f == Format::json || a.option("output")) {
    return write_result(
        a, io, [&](std::ostream& out) { write_json(out, r.catalog); },
        ": " + std::to_string(r.catalog.practices().size()) + " practices of guide " + r.catalog.guide().version +
            ", " + std::to_string(r.warnings.size()) + " warnings");
  }
  run_catalog(cmd, r.catalog, Args{}, Format::table, io);
  io.out << r.warnings.size() << " warnings\n";
}

// A value shown on one line: at most 80 characters (cut at a character's start).
std::string shown_value(const std::string& v) {
  if (v.empty()) return "(none)";
  if (v.size() <= 80) return v;
  std::size_t cut = 77;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return v.substr(0, cut) + "...";
}

void run_diff(const Command&, const Catalog&, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  const Catalog old_catalog = catalog_from(a.positional[1], &io.err);
  const Catalog new_catalog = catalog_from(a.positional[2], &io.err);
  const CatalogDiff d = diff(old_catalog, new_catalog);
  if (f == Format::json) {
    out << to_json(d) << '\n';
    return;
  }
  const bool md = f == Format::markdown;
  const bool wording = a.flag("wording");
  const auto list = [](const std::vector<std::string>& items) { return join(items, ", "); };
  out << (md ? "# " : "") << "From " << old_catalog.guide().version << " to " << new_catalog.guide().version << "\n\n";
  if (d.empty()) {
    out << "No differences.\n";
    return;
  }
  const std::string bullet = md ? "- " : "  ";
  bool listed = !d.added.empty() || !d.removed.empty();  // something above the closing lines
  if (!d.added.empty()) out << (md ? "- **Added practices:** " : "Added practices: ") << list(d.added) << '\n';
  if (!d.removed.empty()) out << (md ? "- **Removed practices:** " : "Removed practices: ") << list(d.removed) << '\n';
  // Facts first, practice by practice.
  for (const auto& c : d.changed) {
    if (!c.facts_changed() && !wording) continue;
    listed = true;
    out << '\n' << (md ? "## " : "") << c.id << (md ? "\n\n" : "\n");
    if (c.title) out << bullet << "title: " << c.title->first << " -> " << c.title->second << '\n';
    if (c.scopes) {
      const auto s = [](const std::array<Scope, 3>& x) {
        return std::string(to_string(x[0])) + "/" + std::string(to_string(x[1])) + "/" + std::string(to_string(x[2]));
      };
      out << bullet << "scopes: " << s(c.scopes->first) << " -> " << s(c.scopes->second) << '\n';
    }
    if (c.goals_changed) out << bullet << "goals changed\n";
    if (c.links_changed) out << bullet << "links of the introduction changed\n";
    if (c.paragraphs_changed) out << bullet << "paragraphs among the actions changed\n";
    const auto line = [&](const char* what, const std::vector<std::string>& items) {
      if (!items.empty()) out << bullet << what << ": " << list(items) << '\n';
    };
    line("actions added", c.actions_added);
    line("actions removed", c.actions_removed);
    line("actions changed", c.actions_changed);
    line("tools added", c.tools_added);
    line("tools removed", c.tools_removed);
    line("Safeguards added", c.safeguards_added);
    line("Safeguards removed", c.safeguards_removed);
    line("Safeguards with another level", c.safeguards_retagged);
    std::vector<std::string> ha, hr;
    for (int n : c.handbook_added) ha.push_back(std::to_string(n));
    for (int n : c.handbook_removed) hr.push_back(std::to_string(n));
    line("Handbook practices added", ha);
    line("Handbook practices removed", hr);
    for (const auto& ch : c.changes)  // facts the lines above do not name
      if (ch.nature == ChangeNature::fact &&
          (ch.field == "order" || ch.field == "learn more" || ch.field == "tool name"))
        out << bullet << ch.subject << " " << ch.field << ": " << shown_value(ch.old_value) << " -> "
            << shown_value(ch.new_value) << '\n';
    if (wording) {
      std::vector<std::string> reworded;
      if (c.summary_reworded) reworded.push_back("summary");
      if (c.goals_reworded) reworded.push_back("goals");
      if (c.paragraphs_reworded) reworded.push_back("paragraphs");
      std::map<std::string, std::size_t> fields;  // tool descriptions and the like, counted
      for (const auto& ch : c.changes)
        if (ch.nature == ChangeNature::wording && ch.field != "text" && ch.field != "summary" && ch.field != "kind")
          ++fields[ch.field];
      for (const auto& [field, n] : fields) reworded.push_back(field + (n > 1 ? " (" + std::to_string(n) + ")" : ""));
      line("reworded", reworded);
      line("actions reworded", c.actions_reworded);
    }
  }
  // The rest of the guide: counts, statements, priorities, Handbook, glossary.
  std::vector<const FieldChange*> rest_facts;
  std::size_t rest_wording = 0;
  for (const auto& ch : d.changes) (ch.nature == ChangeNature::fact ? rest_facts.push_back(&ch) : void(++rest_wording));
  if (!rest_facts.empty() || (wording && rest_wording > 0)) {
    listed = true;
    out << '\n' << (md ? "## " : "") << "The rest of the guide" << (md ? "\n\n" : "\n");
    for (const auto& ch : d.changes)
      if (ch.nature == ChangeNature::fact || wording)
        out << bullet << ch.subject << " " << ch.field << (ch.nature == ChangeNature::wording ? " (wording)" : "")
            << ": " << shown_value(ch.old_value) << " -> " << shown_value(ch.new_value) << '\n';
  }
  // Wording: counted, not listed (a catalog in its own words differs from the guide in
  // every text; --wording lists where, the JSON output gives old and new).
  std::size_t summaries = 0, goals = 0, actions = 0, paragraphs = 0, other = rest_wording;
  for (const auto& c : d.changed)
    for (const auto& ch : c.changes) {
      if (ch.nature != ChangeNature::wording) continue;
      if (ch.field == "summary")
        ++summaries;
      else if (ch.field == "text" && ch.subject.find(".goal.") != std::string::npos)
        ++goals;
      else if (ch.field == "text" && ch.subject.find(" paragraph ") != std::string::npos)
        ++paragraphs;
      else if (ch.field == "text")
        ++actions;
      else
        ++other;
    }
  if (listed) out << '\n';
  if (d.same_facts())
    out << (md ? "- " : "") << "Facts: no differences (ids, titles, levels, scopes, mappings, counts).\n";
  if (summaries + goals + actions + paragraphs + other > 0) {
    out << (md ? "- " : "") << "Wording differs: " << summaries << " summaries, " << goals << " goals, " << actions
        << " actions, " << paragraphs << " paragraphs, " << other << " other texts"
        << (wording ? "" : " (--wording lists them; --format json gives old and new)") << ".\n";
  }
}

}  // namespace electsec::cli
