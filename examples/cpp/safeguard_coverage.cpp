// Which best practices cover a CIS Safeguard, and which IG1 Safeguards no practice covers.
// Usage: safeguard_coverage [SAFEGUARD]   (default 4.1)
#include <electsec/electsec.hpp>

#include <iostream>

int main(int argc, char** argv) {
  using namespace electsec;
  const Catalog& catalog = default_catalog();
  try {
    const Safeguard& s = catalog.safeguard(argc > 1 ? argv[1] : "4.1");
    std::cout << "Safeguard " << s.id << " (" << s.title << ")\n";
    const auto& mapped = catalog.practices_of_safeguard(s.id);
    if (mapped.empty()) std::cout << "  no best practice maps to it\n";
    for (const auto& m : mapped)
      std::cout << "  covered by " << m.practice->title
                << (m.maturity ? " from " + level_name(*m.maturity) : std::string(" (no level given)")) << '\n';
  } catch (const NotFound& e) {
    std::cerr << "safeguard_coverage: " << e.what() << '\n';
    return 1;
  }
  const Coverage ig1 = catalog.coverage(ImplementationGroup::ig1);
  std::cout << "\nIG1: " << ig1.mapped.size() << " of " << ig1.total
            << " Safeguards are covered by a best practice; not covered:\n";
  for (const Safeguard* s : ig1.unmapped) std::cout << "  " << s->id << "  " << s->title << '\n';
  return 0;
}
