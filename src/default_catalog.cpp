#include <electsec/default_catalog.hpp>

#include "catalog_impl.hpp"
#include "embedded_catalog.hpp"
#include "io/catalog_binary.hpp"

#include <string_view>

namespace electsec {

// The build read data/, validated it with CatalogBuilder and wrote it in the binary form
// (src/gen/embed_catalog.cpp): here it is only copied out and indexed, not checked again.
// It lives until the process ends and is never destroyed: freeing it piece by piece at
// exit would only cost every process that used it time (and it stays reachable, so leak
// checkers do not report it).
const Catalog& default_catalog() {
  static const Catalog& catalog = *new Catalog(detail::CatalogAccess::trusted(
      detail::decode_catalog_binary(std::string_view(detail::embedded_catalog, detail::embedded_catalog_size))));
  return catalog;
}

}  // namespace electsec
