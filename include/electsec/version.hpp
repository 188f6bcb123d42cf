#pragma once
/// \file
/// Version of the electsec library.

/// Major version: raised for changes that break the API or the file formats.
#define ELECTSEC_VERSION_MAJOR 0
/// Minor version: raised for additions; shared libraries are versioned MAJOR.MINOR.
#define ELECTSEC_VERSION_MINOR 1
/// Patch version: raised for fixes.
#define ELECTSEC_VERSION_PATCH 0
/// Encoded as major * 10000 + minor * 100 + patch.
#define ELECTSEC_VERSION 100

namespace electsec {
/// "MAJOR.MINOR.PATCH", the same as the CMake project version.
inline constexpr const char* version_string = "0.1.0";
}  // namespace electsec
