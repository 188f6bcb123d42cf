#pragma once
// The default catalog in the binary form of io/catalog_binary.hpp, written by the build
// (src/gen/embed_catalog.cpp) after it validated data/.

#include <cstddef>

namespace electsec::detail {

extern const char embedded_catalog[];
extern const std::size_t embedded_catalog_size;

}  // namespace electsec::detail
