#include <electsec/catalog_json.hpp>
#include <electsec/error.hpp>

#include "file.hpp"
#include "json_codec.hpp"

namespace electsec {

Catalog parse_catalog(std::string_view text, std::string_view source) {
  const detail::json doc = detail::parse_json(text, source);
  try {
    return CatalogBuilder(detail::decode_catalog(doc)).build();
  } catch (const detail::DecodeError& e) {
    throw detail::located(e, text, source);
  }
}

Catalog load_catalog(const std::string& path) {
  const std::string text = detail::read_file(path);
  try {
    return parse_catalog(text, path);
  } catch (const ValidationError& e) {
    // Name the file in the summary; the problems stay as they are.
    throw ValidationError(e.problems(), path + ": catalog is inconsistent (" + std::to_string(e.problems().size()) +
                                            (e.problems().size() == 1 ? " problem)" : " problems)"));
  }
}

std::string to_json(const Catalog& catalog, int indent) {
  if (indent > max_json_indent) throw Error("indent " + std::to_string(indent) + " is over the limit of 16");
  return detail::encode(catalog.data()).dump(indent < 0 ? -1 : indent) + (indent < 0 ? "" : "\n");
}

}  // namespace electsec
