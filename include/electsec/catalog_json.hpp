#pragma once
/// \file
/// The catalog JSON format of DESIGN.md ("electsec.catalog/1"): read and write.

#include <electsec/catalog.hpp>
#include <electsec/limits.hpp>

#include <string>
#include <string_view>

namespace electsec {

/// The schema string a catalog document carries.
inline constexpr std::string_view catalog_schema = "electsec.catalog/1";

/// Parse a catalog document and build (validate) the Catalog.
/// Throws ParseError (source, line, column, JSON pointer of the field, what was
/// expected) for malformed JSON, wrong types, unknown fields or enum strings; throws
/// ValidationError when the content is well-formed but inconsistent. `source` names the
/// text in messages.
Catalog parse_catalog(std::string_view text, std::string_view source = "<string>");

/// Read `path` and parse it as above. Throws Error when the file cannot be read.
Catalog load_catalog(const std::string& path);

/// The catalog as a document of the catalog format: `parse_catalog(to_json(c)) == c`.
/// `indent` < 0 gives the most compact form.
std::string to_json(const Catalog& catalog, int indent = 2);

}  // namespace electsec
