#pragma once
/// \file
/// ELECTSEC_API marks what libelectsec exports. The library is built with hidden visibility,
/// so a shared libelectsec exports exactly the public API of these headers and nothing of
/// its internals (nor of nlohmann::json); a static one is unaffected.

/// Exported from the shared library (GCC and Clang, ELF and Mach-O: default visibility).
#if defined(__GNUC__) || defined(__clang__)
#define ELECTSEC_API __attribute__((visibility("default")))
#else
#define ELECTSEC_API
#endif
