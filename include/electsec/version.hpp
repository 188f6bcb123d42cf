#pragma once
/// \file
/// Version of the electsec library.

#define ELECTSEC_VERSION_MAJOR 0
#define ELECTSEC_VERSION_MINOR 1
#define ELECTSEC_VERSION_PATCH 0
/// Encoded as major * 10000 + minor * 100 + patch.
#define ELECTSEC_VERSION 100

namespace electsec {
inline constexpr const char* version_string = "0.1.0";
}  // namespace electsec
