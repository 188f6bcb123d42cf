#pragma once
// A compact binary form of CatalogData (not public API, not a file format users see).
// The build writes the embedded catalog in this form after validating it (src/gen/), so that
// default_catalog() copies strings out of one array instead of parsing JSON at start-up.
//
// Layout: the magic "ESCB", a format number, then every field of CatalogData in declaration
// order: whole numbers and lengths as LEB128, strings as length + bytes, optionals as a
// presence byte, enums as their number. Only the library reads it, and only the library's
// own build writes it, so it has no compatibility promise beyond one build.

#include <electsec/catalog.hpp>

#include <string>
#include <string_view>

namespace electsec::detail {

/// `data` in the binary form.
std::string encode_catalog_binary(const CatalogData& data);

/// The data back. Throws Error when `bytes` is cut short, has bytes left over or does not
/// start with this build's magic and format number.
CatalogData decode_catalog_binary(std::string_view bytes);

/// Only the Controls and Safeguards of the same bytes: the fields before them are stepped
/// over without being copied out (the importer of guide releases needs nothing else of the
/// embedded catalog). Throws Error as decode_catalog_binary does.
struct ControlsAndSafeguards {
  std::vector<Control> controls;
  std::vector<Safeguard> safeguards;
};
ControlsAndSafeguards decode_controls_and_safeguards(std::string_view bytes);

}  // namespace electsec::detail
