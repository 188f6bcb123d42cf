// The best practices an office at one maturity level should work on, priorities first,
// with how many of each practice's actions apply at that level.
// Usage: practices_for_maturity [LEVEL]   (LEVEL 1, 2 or 3; default 1)
#include <electsec/electsec.hpp>

#include <iomanip>
#include <iostream>

int main(int argc, char** argv) {
  using namespace electsec;
  try {
    const Maturity level = argc > 1 ? parse_maturity(argv[1]) : Maturity::level1;
    const Catalog& catalog = default_catalog();
    std::cout << "Best practices for an office at " << level_name(level) << "\n";
    for (Scope scope : {Scope::priority, Scope::in_scope}) {
      const auto practices = catalog.practices(PracticeFilter{level, scope});
      std::cout << '\n' << (scope == Scope::priority ? "Priority" : "In scope") << " (" << practices.size() << ")\n";
      for (const Practice* p : practices)
        std::cout << "  " << std::setw(2) << p->order << ". " << std::left << std::setw(52) << p->title << std::right
                  << std::setw(3) << catalog.applicable_actions(p->id, level).size() << " actions\n";
    }
    const auto out = catalog.practices(PracticeFilter{level, Scope::out_of_scope});
    std::cout << "\nOut of scope at " << level_name(level) << ": " << out.size() << " practices\n";
    return 0;
  } catch (const Error& e) {
    std::cerr << "practices_for_maturity: " << e.what() << '\n';
    return 1;
  }
}
