// The results codec of results_json.hpp, over the shared JSON encoders and decoders.
#include <electsec/results_json.hpp>

#include "json_codec.hpp"

namespace electsec {

std::string to_json(const MaturityResult& r, int indent) { return detail::dump(detail::encode(r), indent); }
std::string to_json(const Plan& p, int indent) { return detail::dump(detail::encode(p), indent); }
std::string to_json(const PlanStep& s, int indent) { return detail::dump(detail::encode(s), indent); }
std::string to_json(const Scorecard& s, int indent) { return detail::dump(detail::encode(s), indent); }
std::string to_json(const Rollup& r, int indent) { return detail::dump(detail::encode(r), indent); }
std::string to_json(const OfficeSummary& o, int indent) { return detail::dump(detail::encode(o), indent); }
std::string to_json(const CatalogDiff& d, int indent) { return detail::dump(detail::encode(d), indent); }

Plan parse_plan(std::string_view text, std::string_view source) { return from_json<Plan>(text, source); }
Scorecard parse_scorecard(std::string_view text, std::string_view source) { return from_json<Scorecard>(text, source); }
Rollup parse_rollup(std::string_view text, std::string_view source) { return from_json<Rollup>(text, source); }

#define ELECTSEC_FROM_JSON(T)                                      \
  template <>                                                      \
  T from_json<T>(std::string_view text, std::string_view source) { \
    return detail::decode_text<T>(text, source);                   \
  }
ELECTSEC_FROM_JSON(Plan)
ELECTSEC_FROM_JSON(PlanStep)
ELECTSEC_FROM_JSON(Scorecard)
ELECTSEC_FROM_JSON(Rollup)
ELECTSEC_FROM_JSON(OfficeSummary)
#undef ELECTSEC_FROM_JSON

}  // namespace electsec
