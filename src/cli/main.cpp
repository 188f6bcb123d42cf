#include <electsec/cli.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  try {
    return electsec::run_cli(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "electsec: internal error: " << e.what() << '\n';
    return 3;
  }
}
