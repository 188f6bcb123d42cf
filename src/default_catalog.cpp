#include <electsec/default_catalog.hpp>

#include <electsec/error.hpp>

#include "embedded_data.hpp"
#include "io/json_codec.hpp"

#include <string_view>

namespace electsec {

namespace {

struct Source {
  std::string prefix;  // JSON pointer of the part the file supplied, e.g. "/safeguards"
  const detail::EmbeddedFile* file;
};

// data/practices/<id>.json each hold one practice; every other data/ file holds some of
// the catalog document's top-level fields. Together they make one catalog document. A
// field in two files is a mistake in data/, reported as such.
Catalog build_default() {
  detail::json doc = detail::json::object();
  doc["practices"] = detail::json::array();
  std::vector<Source> sources;
  for (std::size_t i = 0; i < detail::embedded_file_count; ++i) {
    const auto& file = detail::embedded_files[i];
    const std::string name = std::string("data/") + file.name;
    detail::json part = detail::parse_json(file.text, name);
    if (!part.is_object()) throw ParseError(name, 1, 1, "", "expected a JSON object");
    if (std::string_view(file.name).rfind("practices/", 0) == 0) {
      sources.push_back({"/practices/" + std::to_string(doc["practices"].size()), &file});
      doc["practices"].push_back(std::move(part));
      continue;
    }
    for (auto& item : part.items()) {
      if (doc.contains(item.key()) && item.key() != "practices")
        throw ParseError(name, 0, 0, "/" + item.key(), "field is also defined in another data file");
      if (item.key() == "practices")
        throw ParseError(name, 0, 0, "/practices", "practices belong in data/practices/<id>.json");
      sources.push_back({"/" + item.key(), &file});
      doc[item.key()] = std::move(item.value());
    }
  }
  try {
    return CatalogBuilder(detail::decode_catalog(doc)).build();
  } catch (const detail::DecodeError& e) {
    for (const auto& s : sources) {
      const bool inside = e.pointer.compare(0, s.prefix.size(), s.prefix) == 0 &&
                          (e.pointer.size() == s.prefix.size() || e.pointer[s.prefix.size()] == '/');
      if (!inside) continue;
      std::string local = e.pointer;
      // A practice file holds the practice itself: its pointers start at the root.
      if (s.prefix.rfind("/practices/", 0) == 0) local = e.pointer.substr(s.prefix.size());
      throw detail::located({local, e.expected}, s.file->text, std::string("data/") + s.file->name);
    }
    throw ParseError("data/", 0, 0, e.pointer, e.expected);
  }
}

}  // namespace

const Catalog& default_catalog() {
  static const Catalog catalog = build_default();
  return catalog;
}

}  // namespace electsec
