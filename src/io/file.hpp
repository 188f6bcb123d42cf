#pragma once
// Reading whole files (not public API).

#include <string>

namespace electsec::detail {

/// The whole content of `path`. Throws electsec::Error naming the path and the reason.
std::string read_file(const std::string& path);

}  // namespace electsec::detail
