#include <electsec/default_catalog.hpp>

#include "catalog_impl.hpp"
#include "embedded_catalog.hpp"
#include "io/catalog_binary.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

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

namespace detail {

namespace {
struct EmbeddedSafeguards {
  ControlsAndSafeguards data;
  std::vector<std::string_view> ids;  // sorted, into data
};

const EmbeddedSafeguards& embedded_safeguards() {
  static const EmbeddedSafeguards& held = *[] {
    auto* e = new EmbeddedSafeguards{
        decode_controls_and_safeguards(std::string_view(embedded_catalog, embedded_catalog_size)), {}};
    for (const auto& s : e->data.safeguards) e->ids.emplace_back(s.id);
    std::sort(e->ids.begin(), e->ids.end());
    return e;
  }();
  return held;
}
}  // namespace

const ControlsAndSafeguards& embedded_controls_and_safeguards() { return embedded_safeguards().data; }

bool embedded_safeguard(std::string_view id) {
  const auto& ids = embedded_safeguards().ids;
  return std::binary_search(ids.begin(), ids.end(), id);
}

}  // namespace detail

}  // namespace electsec
