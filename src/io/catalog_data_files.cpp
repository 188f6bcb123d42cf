#include "catalog_data_files.hpp"

#include <electsec/error.hpp>

#include "json_codec.hpp"

#include <string_view>

namespace electsec::detail {

namespace {

struct Source {
  std::string prefix;  // JSON pointer of the part the file supplied, e.g. "/safeguards"
  const DataFile* file;
};

}  // namespace

CatalogData catalog_data_from_files(const std::vector<DataFile>& files) {
  json doc = json::object();
  doc["practices"] = json::array();
  std::vector<Source> sources;
  for (const auto& file : files) {
    const std::string name = "data/" + file.name;
    json part = parse_json(file.text, name);
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
    return decode_catalog(doc);
  } catch (const DecodeError& e) {
    for (const auto& s : sources) {
      const bool inside = e.pointer.compare(0, s.prefix.size(), s.prefix) == 0 &&
                          (e.pointer.size() == s.prefix.size() || e.pointer[s.prefix.size()] == '/');
      if (!inside) continue;
      std::string local = e.pointer;
      // A practice file holds the practice itself: its pointers start at the root.
      if (s.prefix.rfind("/practices/", 0) == 0) local = e.pointer.substr(s.prefix.size());
      throw located({local, e.expected}, s.file->text, "data/" + s.file->name);
    }
    throw ParseError("data/", 0, 0, e.pointer, e.expected);
  }
}

}  // namespace electsec::detail
