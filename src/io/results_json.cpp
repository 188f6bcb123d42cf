// The results codec of results_json.hpp, over the shared JSON encoders and decoders.
#include <electsec/results_json.hpp>

#include "json_codec.hpp"

namespace electsec {

ELECTSEC_DEFINE_TO_JSON(MaturityResult)
ELECTSEC_DEFINE_TO_JSON(Plan)
ELECTSEC_DEFINE_TO_JSON(PlanStep)
ELECTSEC_DEFINE_TO_JSON(Scorecard)
ELECTSEC_DEFINE_TO_JSON(Rollup)
ELECTSEC_DEFINE_TO_JSON(OfficeSummary)
ELECTSEC_DEFINE_TO_JSON(CatalogDiff)

Plan parse_plan(std::string_view text, std::string_view source) { return from_json<Plan>(text, source); }
Scorecard parse_scorecard(std::string_view text, std::string_view source) { return from_json<Scorecard>(text, source); }
Rollup parse_rollup(std::string_view text, std::string_view source) { return from_json<Rollup>(text, source); }

ELECTSEC_DEFINE_FROM_JSON(Plan)
ELECTSEC_DEFINE_FROM_JSON(PlanStep)
ELECTSEC_DEFINE_FROM_JSON(Scorecard)
ELECTSEC_DEFINE_FROM_JSON(Rollup)
ELECTSEC_DEFINE_FROM_JSON(OfficeSummary)

}  // namespace electsec
