// Prints the CIS Implementation Group 1 Safeguards, Control by Control: the starting
// checklist for a small office. Usage: ig1_checklist [--ig N]
#include <electsec/electsec.hpp>

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
  using namespace electsec;
  try {
    ImplementationGroup ig = ImplementationGroup::ig1;
    if (argc == 3 && std::strcmp(argv[1], "--ig") == 0)
      ig = parse_implementation_group(argv[2]);
    else if (argc != 1) {
      std::cerr << "usage: ig1_checklist [--ig N]\n";
      return 2;
    }
    const Catalog& catalog = default_catalog();
    std::size_t total = 0;
    for (const Control& control : catalog.controls()) {
      SafeguardFilter filter;
      filter.ig = ig;
      filter.control = control.id;
      const auto safeguards = catalog.safeguards(filter);
      if (safeguards.empty()) continue;
      std::cout << "Control " << control.id << ": " << control.title << '\n';
      for (const Safeguard* s : safeguards) std::cout << "  [ ] " << s->id << "  " << s->title << '\n';
      total += safeguards.size();
    }
    std::cout << total << " Safeguards in IG" << to_string(ig) << '\n';
    return 0;
  } catch (const Error& e) {
    std::cerr << "ig1_checklist: " << e.what() << '\n';
    return 1;
  }
}
