// The C++ getting-started guide (docs/guide/cpp.md) as one program: look things up in the
// guide, find an office's level from its answers, record progress, plan, score, save and
// load again. Usage: first_steps [FILE]   (default: first_steps.json here)
#include <electsec/electsec.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  using namespace electsec;
  const std::string path = argc > 1 ? argv[1] : "first_steps.json";
  try {
    // 1. The catalog compiled into the library: immutable, safe to share between threads.
    const Catalog& catalog = default_catalog();
    std::cout << catalog.guide().title << ' ' << catalog.guide().version << ": " << catalog.practices().size()
              << " practices, " << catalog.safeguards().size() << " CIS Safeguards\n";

    // 2. Single lookups return references or throw NotFound; filters return lists.
    const Practice& backups = catalog.practice("backups");
    std::cout << backups.title << " at Level 1: " << to_string(backups.scope_at(Maturity::level1)) << '\n';
    for (const Action* action : catalog.applicable_actions(backups.id, Maturity::level1))
      std::cout << "  " << action->id << '\n';
    try {
      catalog.practice("backup");
    } catch (const NotFound& e) {
      std::cout << e.what() << '\n';
    }

    // 3. The maturity rule: here every Level 2 statement applies and no other one does.
    MaturityAnswers answers;
    for (const MaturityStatement& s : catalog.maturity_statements()) answers[s.id] = s.level == Maturity::level2;
    const MaturityResult result = determine_maturity(catalog, answers);
    std::cout << "maturity: " << level_name(result.level) << '\n';

    // 4. An assessment: record progress, then plan and score. Pure functions, no I/O.
    Assessment office;
    office.jurisdiction = {"us-xx-sample", "Sample County", "XX", JurisdictionKind::county};
    office.catalog_version = catalog.guide().version;
    office.maturity = result.level;
    office.set(catalog, "backups.l1.1", Status::done, "list kept by the clerk");
    const Plan plan = build_plan(catalog, office.maturity, office);
    std::cout << "plan: " << plan.steps.size() << " steps, first " << plan.steps.front().id << " ("
              << plan.steps.front().reason << ")\n";
    const Scorecard card = score(catalog, office);
    std::cout << "score: " << card.actions_done << " of " << card.actions_applicable << " applicable actions done\n";

    // 5. Files: saved atomically; loading checks every id and value against the catalog.
    save_assessment(office, path);
    const bool same = load_assessment(path, catalog) == office;
    std::cout << "saved " << path << " and loaded it back " << (same ? "unchanged" : "CHANGED") << '\n';
    return same ? 0 : 1;
  } catch (const Error& e) {
    std::cerr << "first_steps: " << e.what() << '\n';
    return 1;
  }
}
