// A program that uses electsec the way a consumer project does: through the umbrella
// header and the electsec::electsec target. Exits 0 only when the catalog answers.
#include <electsec/electsec.hpp>

#include <iostream>

int main() {
  const electsec::Catalog& c = electsec::default_catalog();
  const auto ig1 = c.safeguards(electsec::SafeguardFilter{electsec::ImplementationGroup::ig1, {}, {}, {}});
  std::cout << "electsec " << electsec::version_string << ": " << c.safeguards().size() << " safeguards, " << ig1.size()
            << " in IG1\n";
  return c.safeguards().size() == 153 && ig1.size() == 56 && ELECTSEC_VERSION >= 100 ? 0 : 1;
}
