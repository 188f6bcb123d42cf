#pragma once
/// \file
/// The `electsec` command line as a library function, so that the C++ binary and
/// `python -m electsec` run the very same code.

#include <ostream>
#include <string>
#include <vector>

namespace electsec {

/// Run one command. `args` excludes the program name. Writes results to `out` and
/// messages to `err`. Returns the exit code: 0 success, 1 user error (one line on
/// `err` naming the file, line and field or the unknown id), 2 usage error.
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace electsec
