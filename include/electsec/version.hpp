#pragma once
/// \file
/// Version of the electsec library. The three numbers below are the one place the version
/// is written: CMake reads them from this file for the project, the shared library's
/// SOVERSION, the package files and pkg-config; `electsec --version` and Python's
/// `__version__` print version_string. (pyproject.toml repeats it for pip, and a test keeps
/// the two equal.)

/// Major version: raised for changes that break the API or the file formats.
#define ELECTSEC_VERSION_MAJOR 0
/// Minor version: raised for additions; shared libraries are versioned MAJOR.MINOR.
#define ELECTSEC_VERSION_MINOR 1
/// Patch version: raised for fixes.
#define ELECTSEC_VERSION_PATCH 0
/// Encoded as major * 10000 + minor * 100 + patch, for `#if` tests.
#define ELECTSEC_VERSION (ELECTSEC_VERSION_MAJOR * 10000 + ELECTSEC_VERSION_MINOR * 100 + ELECTSEC_VERSION_PATCH)

/// \cond ELECTSEC_INTERNAL
#define ELECTSEC_DETAIL_TEXT_(x) #x
#define ELECTSEC_DETAIL_TEXT(x) ELECTSEC_DETAIL_TEXT_(x)
/// \endcond

namespace electsec {
/// "MAJOR.MINOR.PATCH", from the numbers above.
inline constexpr const char* version_string = ELECTSEC_DETAIL_TEXT(ELECTSEC_VERSION_MAJOR) "." ELECTSEC_DETAIL_TEXT(
    ELECTSEC_VERSION_MINOR) "." ELECTSEC_DETAIL_TEXT(ELECTSEC_VERSION_PATCH);
}  // namespace electsec
