// A best practice on one card: what it is for, where it stands at each level, what to do
// at your level, and what it maps to.
// Usage: practice_card [PRACTICE] [LEVEL]   (default user_management 1)
#include <electsec/electsec.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace electsec;
  try {
    const Catalog& catalog = default_catalog();
    const Practice& p = catalog.practice(argc > 1 ? argv[1] : "user_management");
    const Maturity level = argc > 2 ? parse_maturity(argv[2]) : Maturity::level1;
    std::cout << "== " << p.title << " ==\n" << p.summary << "\n\n";
    for (Maturity m : all_maturities) std::cout << level_name(m) << ": " << to_string(p.scope_at(m)) << "   ";
    std::cout << "\n\nTo do at " << level_name(level) << ":\n";
    const auto actions = catalog.applicable_actions(p.id, level);
    if (actions.empty()) std::cout << "  nothing at this level\n";
    for (const Action* a : actions) std::cout << "  [ ] " << a->text << '\n';
    std::cout << "\nCIS Safeguards:";
    for (const auto& m : catalog.safeguards_of_practice(p.id)) std::cout << ' ' << m.safeguard->id;
    std::cout << "\n2018 Handbook practices:";
    for (const HandbookPractice* h : catalog.handbook_of_practice(p.id)) std::cout << ' ' << h->number;
    std::cout << "\nTools: " << p.tools.size() << ", further reading: " << p.learn_more.size() << '\n';
    return 0;
  } catch (const Error& e) {
    std::cerr << "practice_card: " << e.what() << '\n';
    return 1;
  }
}
