#include <electsec/default_catalog.hpp>

#include <electsec/error.hpp>

#include "embedded_data.hpp"
#include "io/json_codec.hpp"

namespace electsec {

namespace {

// Each data/ file holds some of the catalog document's top-level fields; together they
// make one document. A field in two files is a build mistake, reported as such.
Catalog build_default() {
  detail::json doc = detail::json::object();
  std::vector<std::pair<std::string, const detail::EmbeddedFile*>> owner;
  for (std::size_t i = 0; i < detail::embedded_file_count; ++i) {
    const auto& file = detail::embedded_files[i];
    const std::string source = std::string("data/") + file.name;
    detail::json part = detail::parse_json(file.text, source);
    if (!part.is_object()) throw ParseError(source, 1, 1, "", "expected a JSON object");
    for (auto& item : part.items()) {
      if (doc.contains(item.key()))
        throw ParseError(source, 0, 0, "/" + item.key(), "field is also defined in another data file");
      owner.emplace_back(item.key(), &file);
      doc[item.key()] = std::move(item.value());
    }
  }
  try {
    return CatalogBuilder(detail::decode_catalog(doc)).build();
  } catch (const detail::DecodeError& e) {
    for (const auto& [key, file] : owner)
      if (e.pointer.compare(0, key.size() + 1, "/" + key) == 0)
        throw detail::located(e, file->text, std::string("data/") + file->name);
    throw ParseError("data/", 0, 0, e.pointer, e.expected);
  }
}

}  // namespace

const Catalog& default_catalog() {
  static const Catalog catalog = build_default();
  return catalog;
}

}  // namespace electsec
