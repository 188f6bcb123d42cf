#pragma once
// The default catalog in the binary form of io/catalog_binary.hpp, written by the build
// (src/gen/embed_catalog.cpp) after it validated data/.

#include "io/catalog_binary.hpp"

#include <cstddef>
#include <string_view>

namespace electsec::detail {

extern const char embedded_catalog[];
extern const std::size_t embedded_catalog_size;

/// The embedded catalog's Controls and Safeguards alone, read once on first use (by any
/// thread) and never freed: what the importer of guide releases takes from it, for less
/// than decoding the whole catalog costs (default_catalog.cpp).
const ControlsAndSafeguards& embedded_controls_and_safeguards();
/// Whether `id` is a Safeguard of the embedded catalog ("4.2").
bool embedded_safeguard(std::string_view id);

}  // namespace electsec::detail
