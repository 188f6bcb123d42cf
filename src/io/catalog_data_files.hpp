#pragma once
// The project's data/ folder read as one catalog document (not public API). Used by the
// build (src/gen/embed_catalog.cpp), which validates the result and embeds it.

#include <electsec/catalog.hpp>

#include <string>
#include <vector>

namespace electsec::detail {

struct DataFile {
  std::string name;  // path within data/, e.g. "practices/asset_management.json"
  std::string text;  // its content
};

/// data/practices/<id>.json each hold one practice; every other file holds some of the
/// catalog document's top-level fields. Together they make one catalog document, decoded
/// here (not validated: CatalogBuilder does that). A mistake names the file, line and field
/// as "data/<name>"; a field in two files is such a mistake.
CatalogData catalog_data_from_files(const std::vector<DataFile>& files);

}  // namespace electsec::detail
