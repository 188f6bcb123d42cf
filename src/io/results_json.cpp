// The results codec of results_json.hpp, over the shared JSON encoders and decoders.
#include <electsec/error.hpp>
#include <electsec/results_json.hpp>

#include "json_codec.hpp"

namespace electsec {

namespace {

std::string dump(const detail::json& doc, int indent) {
  if (indent > max_json_indent) throw Error("indent " + std::to_string(indent) + " is over the limit of 16");
  return doc.dump(indent < 0 ? -1 : indent);
}

template <typename T>
T parse_result(std::string_view text, std::string_view source) {
  const detail::json doc = detail::parse_json(text, source);
  try {
    return detail::decode_value<T>(doc);
  } catch (const detail::DecodeError& e) {
    throw detail::located(e, text, source);
  }
}

}  // namespace

std::string to_json(const MaturityResult& r, int indent) { return dump(detail::encode(r), indent); }
std::string to_json(const Plan& p, int indent) { return dump(detail::encode(p), indent); }
std::string to_json(const Scorecard& s, int indent) { return dump(detail::encode(s), indent); }
std::string to_json(const Rollup& r, int indent) { return dump(detail::encode(r), indent); }
std::string to_json(const CatalogDiff& d, int indent) { return dump(detail::encode(d), indent); }

Plan parse_plan(std::string_view text, std::string_view source) { return parse_result<Plan>(text, source); }
Scorecard parse_scorecard(std::string_view text, std::string_view source) {
  return parse_result<Scorecard>(text, source);
}
Rollup parse_rollup(std::string_view text, std::string_view source) { return parse_result<Rollup>(text, source); }

}  // namespace electsec
