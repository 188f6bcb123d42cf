#pragma once
/// \file
/// The catalog embedded at build time from the project's data/ folder.

#include <electsec/export.hpp>
#include <electsec/catalog.hpp>

namespace electsec {

/// The embedded catalog. Built on the first call (thread-safe), then shared: every call
/// returns the same object, which lives until the program ends. Needs no file.
ELECTSEC_API const Catalog& default_catalog();

}  // namespace electsec
