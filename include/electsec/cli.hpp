#pragma once
/// \file
/// The `electsec` command line as a library function, so that the C++ binary and
/// `python -m electsec` run the very same code.

#include <electsec/export.hpp>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace electsec {

/// Run one command. `args` excludes the program name. Writes results to `out` and
/// messages to `err`. Returns the exit code: 0 success, 1 user error (one line on
/// `err` naming the file, line and field or the unknown id), 2 usage error, 4 a rollup
/// with `--skip-invalid` that left out files (listed on `err`). (The `electsec` program
/// adds 3 for an internal error.) Tables are as wide as their content; the three-argument
/// form fits them to the terminal when `out` is std::cout on a terminal.
/// Interactive commands (the maturity questionnaire) read from standard input when it is
/// a terminal.
ELECTSEC_API int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The same, with the input stream given; `interactive` says whether to treat `in` as a
/// person at a terminal (prompts) or not (a command that needs a file then asks for one).
ELECTSEC_API int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
                         bool interactive);

}  // namespace electsec
