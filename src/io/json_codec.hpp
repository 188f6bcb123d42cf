#pragma once
// The JSON shapes of DESIGN.md for each value type, in both directions (not public API:
// nlohmann::json stays out of the public headers).

#include <electsec/catalog.hpp>
#include <electsec/error.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace electsec::detail {

using json = nlohmann::ordered_json;

/// A value has the wrong shape. `pointer` is its JSON pointer; `expected` says what
/// should be there. Turned into a ParseError with line and column by `located`.
struct DecodeError {
  std::string pointer;
  std::string expected;
};

/// Parse JSON text; syntax errors become ParseError with line and column.
json parse_json(std::string_view text, std::string_view source);

/// A ParseError for `e`, with the line and column of its value in `text`.
ParseError located(const DecodeError& e, std::string_view text, std::string_view source);

/// Catalog document -> data. Throws DecodeError. Does not validate references.
CatalogData decode_catalog(const json& doc);

json encode(const CatalogData& d);
json encode(const Practice& p);
json encode(const Control& c);
json encode(const Safeguard& s);
json encode(const MaturityStatement& s);
json encode(const Worksheet& w);
json encode(const CdmRank& r);
json encode(const Priorities& p);
json encode(const HandbookPractice& h);
json encode(const GlossaryEntry& g);
json encode(const Acronym& a);

}  // namespace electsec::detail
