#include <electsec/default_catalog.hpp>

#include "catalog_impl.hpp"
#include "embedded_catalog.hpp"
#include "io/catalog_binary.hpp"

#include <string_view>

namespace electsec {

// The build read data/, validated it with CatalogBuilder and wrote it in the binary form
// (src/gen/embed_catalog.cpp): here it is only copied out and indexed, not checked again.
const Catalog& default_catalog() {
  static const Catalog catalog = detail::CatalogAccess::trusted(
      detail::decode_catalog_binary(std::string_view(detail::embedded_catalog, detail::embedded_catalog_size)));
  return catalog;
}

}  // namespace electsec
