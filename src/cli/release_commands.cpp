// Guide releases: import a guide folder, diff two catalogs.
#include "cli_internal.hpp"

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
      << count(c.acronyms().size(), "acronym", "acronyms") << '\n';
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

void run_import(const Command& cmd, const Catalog&, const Args& a, Format f, Io& io) {
  const std::string& dir = a.positional[1];
  const ImportResult r = import_eges_rst(dir);
  write_import_warnings(io.err, dir, r);
  write_import_summary(io.err, dir, r);
  if (f == Format::json || a.option("output")) {
    return write_result(a, io, to_json(r.catalog),
                        ": " + std::to_string(r.catalog.practices().size()) + " practices of guide " +
                            r.catalog.guide().version + ", " + std::to_string(r.warnings.size()) + " warnings");
  }
  run_catalog(cmd, r.catalog, Args{}, Format::table, io);
  io.out << r.warnings.size() << " warnings\n";
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
  const auto list = [](const std::vector<std::string>& items) { return join(items, ", "); };
  out << (md ? "# " : "") << "From " << old_catalog.guide().version << " to " << new_catalog.guide().version << "\n\n";
  if (d.empty()) {
    out << "No differences.\n";
    return;
  }
  if (!d.added.empty()) out << (md ? "- **Added practices:** " : "Added practices: ") << list(d.added) << '\n';
  if (!d.removed.empty()) out << (md ? "- **Removed practices:** " : "Removed practices: ") << list(d.removed) << '\n';
  for (const auto& c : d.changed) {
    out << '\n' << (md ? "## " : "") << c.id << (md ? "\n\n" : "\n");
    const std::string bullet = md ? "- " : "  ";
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
  }
}

}  // namespace electsec::cli
