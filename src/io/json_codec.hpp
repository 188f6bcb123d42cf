#pragma once
// The JSON shapes of DESIGN.md for each value type, in both directions, as nlohmann trees
// (not public API: nlohmann::json stays out of the public headers; the public codecs in
// catalog_json.hpp, results_json.hpp and assessment_json.hpp give and take text).
// json_parse.cpp: text -> tree; json_encode.cpp: value -> tree; json_decode_catalog.cpp and
// json_decode_results.cpp: tree -> value, over the shared readers of json_decode.hpp.

#include <electsec/assessment.hpp>

#include <cmath>
#include <electsec/catalog.hpp>
#include <electsec/maturity.hpp>
#include <electsec/plan.hpp>
#include <electsec/rst_import.hpp>
#include <electsec/scorecard.hpp>
#include <electsec/error.hpp>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace electsec::detail {

using json = nlohmann::ordered_json;

/// An office's system profile, as a type of its own for the decoder.
using SystemProfile = std::vector<SystemUse>;

/// A value has the wrong shape. `pointer` is its JSON pointer; `expected` says what
/// should be there. Turned into a ParseError with line and column by `located`.
struct DecodeError {
  std::string pointer;
  std::string expected;
};

/// "a string", "an object", ...: the kind of a JSON value, for error messages.
const char* type_name(nlohmann::detail::value_t type);
const char* type_name(const json& j);

/// A key escaped for use in a JSON pointer (RFC 6901: '~' -> "~0", '/' -> "~1").
std::string pointer_token(std::string_view key);

/// Parse JSON text; syntax errors become ParseError with line and column.
json parse_json(std::string_view text, std::string_view source);
/// The same into nlohmann::json, whose objects are sorted maps: faster to build for objects
/// with many keys (an assessment's statuses), for readers that do not keep key order.
nlohmann::json parse_json_unordered(std::string_view text, std::string_view source);

/// A ParseError for `e`, with the line and column of its value in `text`.
/// True for a whole number too large for a 64-bit integer, which the parser can only keep
/// as a double: it is an integer out of range, not a fraction.
template <typename J>
bool integer_past_int64(const J& v) {
  if (!v.is_number_float()) return false;
  const double d = v.template get<double>();
  return std::isfinite(d) && std::floor(d) == d && std::fabs(d) >= 9223372036854775808.0;
}

ParseError located(const DecodeError& e, std::string_view text, std::string_view source);

/// Catalog document -> data. Throws DecodeError. Does not validate references.
CatalogData decode_catalog(const json& doc);

json encode(const CatalogData& d);
json encode(const GuideInfo& g);
json encode(const MaturityLevel& l);
json encode(const Goal& g);
json encode(const Action& a);
json encode(const Paragraph& p);
json encode(const Tool& t);
json encode(const Link& l);
json encode(const SafeguardMapping& m);
json encode(const GuidanceSource& s);
json encode(const RelatedPractice& r);
json encode(const Recommendation& r);
json encode(const Guidance& g);
json encode(const ConnectednessClass& v);
json encode(const SystemRisk& v);
json encode(const ComponentConnection& v);
json encode(const ComponentVariant& v);
json encode(const SystemComponent& v);
json encode(const Primer& v);
json encode(const SystemLink& v);
json encode(const Practice& p);
json encode(const Jurisdiction& j);
json encode(const ActionStatus& s);
json encode(const SystemUse& s);
json encode(const MaturityResult& r);
json encode(const PlanStep& s);
json encode(const Plan& p);
json encode(const Scorecard& s);
json encode(const OfficeSummary& o);
json encode(const Rollup& r);
json encode(const FieldChange& c);
json encode(const CatalogDiff& d);
json encode(const Control& c);
json encode(const Safeguard& s);
json encode(const MaturityStatement& s);
json encode(const Worksheet& w);
json encode(const CdmRank& r);
json encode(const Priorities& p);
json encode(const HandbookPractice& h);
json encode(const GlossaryEntry& g);
json encode(const Acronym& a);

/// A whole catalog document as text, the same bytes as dump(encode(d), indent), written
/// without the tree (catalog_json_write.cpp). Throws JsonWriter::NotUtf8 for a string that is
/// not UTF-8, which the tree route reports.
std::string write_catalog_json(const CatalogData& d, int indent);
/// The same text sent to `sink` a piece (64 KiB) at a time, never held whole. A string that is
/// not UTF-8 throws JsonWriter::NotUtf8 when the writer reaches it, after the pieces before
/// it were sent.
void write_catalog_json(const CatalogData& d, int indent, const std::function<void(std::string_view)>& sink);

/// An office's system profile as one line of JSON (an array of {component, connectedness,
/// note}), the value of the history store's `systems` events; decode_text<SystemProfile>
/// reads it back.
std::string systems_json(const std::vector<SystemUse>& systems);

/// A rollup as text, the same bytes as dump(encode(r), indent), written without the tree
/// (results_json.cpp); throws JsonWriter::NotUtf8 as write_catalog_json does.
std::string write_rollup_json(const Rollup& r, int indent);

/// The tree as text: `indent` spaces per level, one line when negative; Error past
/// max_json_indent.
std::string dump(const json& doc, int indent);

/// Parse `text` and decode it as a T; errors become ParseError with line and column.
template <typename T>
T decode_text(std::string_view text, std::string_view source);

/// One value of the catalog format -> T, checking it as the catalog loader does.
/// Throws DecodeError (pointers relative to `j`).
template <typename T>
T decode_value(const json& j);

#define ELECTSEC_DECODABLE(T) \
  template <>                 \
  T decode_value<T>(const json& j);
ELECTSEC_DECODABLE(CatalogData)
ELECTSEC_DECODABLE(GuideInfo)
ELECTSEC_DECODABLE(MaturityLevel)
ELECTSEC_DECODABLE(MaturityStatement)
ELECTSEC_DECODABLE(Goal)
ELECTSEC_DECODABLE(Action)
ELECTSEC_DECODABLE(Tool)
ELECTSEC_DECODABLE(Link)
ELECTSEC_DECODABLE(SafeguardMapping)
ELECTSEC_DECODABLE(Practice)
ELECTSEC_DECODABLE(Control)
ELECTSEC_DECODABLE(Safeguard)
ELECTSEC_DECODABLE(Worksheet)
ELECTSEC_DECODABLE(CdmRank)
ELECTSEC_DECODABLE(Priorities)
ELECTSEC_DECODABLE(HandbookPractice)
ELECTSEC_DECODABLE(GlossaryEntry)
ELECTSEC_DECODABLE(Acronym)
ELECTSEC_DECODABLE(GuidanceSource)
ELECTSEC_DECODABLE(RelatedPractice)
ELECTSEC_DECODABLE(Recommendation)
ELECTSEC_DECODABLE(Guidance)
ELECTSEC_DECODABLE(ConnectednessClass)
ELECTSEC_DECODABLE(SystemRisk)
ELECTSEC_DECODABLE(ComponentConnection)
ELECTSEC_DECODABLE(ComponentVariant)
ELECTSEC_DECODABLE(SystemComponent)
ELECTSEC_DECODABLE(Primer)
ELECTSEC_DECODABLE(SystemLink)
ELECTSEC_DECODABLE(Jurisdiction)
ELECTSEC_DECODABLE(ActionStatus)
ELECTSEC_DECODABLE(SystemProfile)
ELECTSEC_DECODABLE(Plan)
ELECTSEC_DECODABLE(PlanStep)
ELECTSEC_DECODABLE(Scorecard)
ELECTSEC_DECODABLE(OfficeSummary)
ELECTSEC_DECODABLE(Rollup)
#undef ELECTSEC_DECODABLE

// The public text codec of one type (catalog_json.hpp, results_json.hpp, assessment_json.hpp)
// over the encoder and decoder above: the same two definitions for every type.
#define ELECTSEC_DEFINE_TO_JSON(T) \
  std::string to_json(const T& value, int indent) { return detail::dump(detail::encode(value), indent); }
#define ELECTSEC_DEFINE_FROM_JSON(T)                               \
  template <>                                                      \
  T from_json<T>(std::string_view text, std::string_view source) { \
    return detail::decode_text<T>(text, source);                   \
  }

template <typename T>
T decode_text(std::string_view text, std::string_view source) {
  const json doc = parse_json(text, source);
  try {
    return decode_value<T>(doc);
  } catch (const DecodeError& e) {
    throw located(e, text, source);
  }
}

}  // namespace electsec::detail
