// The results codec of results_json.hpp, over the shared JSON encoders and decoders.
#include <electsec/results_json.hpp>

#include "json_codec.hpp"
#include "json_writer.hpp"

#include <electsec/limits.hpp>

namespace electsec {

ELECTSEC_DEFINE_TO_JSON(MaturityResult)
ELECTSEC_DEFINE_TO_JSON(Plan)
ELECTSEC_DEFINE_TO_JSON(PlanStep)
ELECTSEC_DEFINE_TO_JSON(Scorecard)
ELECTSEC_DEFINE_TO_JSON(OfficeSummary)
ELECTSEC_DEFINE_TO_JSON(CatalogDiff)

namespace detail {

namespace {

void write_safeguards(JsonWriter& w, const std::vector<SafeguardScore>& list) {
  w.begin_array();
  for (const auto& s : list) {
    w.begin_object();
    w.key("safeguard");
    w.value(s.safeguard);
    w.key("actions_applicable");
    w.value(std::uint64_t{s.actions_applicable});
    w.key("actions_done");
    w.value(std::uint64_t{s.actions_done});
    w.key("completion");
    w.number(s.completion);
    w.end_object();
  }
  w.end_array();
}

void write_office(JsonWriter& w, const OfficeSummary& o) {
  w.begin_object();
  w.key("id");
  w.value(o.jurisdiction.id);
  w.key("name");
  w.value(o.jurisdiction.name);
  w.key("state");
  w.value(o.jurisdiction.state);
  w.key("kind");
  w.value(to_string(o.jurisdiction.kind));
  w.key("maturity");
  w.value(static_cast<int>(o.maturity));
  w.key("actions_applicable");
  w.value(std::uint64_t{o.actions_applicable});
  w.key("actions_done");
  w.value(std::uint64_t{o.actions_done});
  w.key("completion");
  w.number(o.completion);
  w.key("priorities_complete");
  w.boolean(o.priorities_complete);
  w.end_object();
}

}  // namespace

std::string write_rollup_json(const Rollup& r, int indent) {
  // About 270 bytes an office when indented, the practices and Safeguards a few KB more.
  JsonWriter w(indent, 16384 + r.offices.size() * (indent < 0 ? 200 : 300));
  w.begin_object();
  w.key("jurisdictions");
  w.value(std::uint64_t{r.jurisdictions});
  w.key("maturity_distribution");
  w.begin_object();
  for (std::size_t l = 0; l < 3; ++l) {
    const char name = static_cast<char>('1' + l);
    w.key(std::string_view(&name, 1));
    w.value(std::uint64_t{r.maturity_distribution[l]});
  }
  w.end_object();
  w.key("actions_applicable");
  w.value(std::uint64_t{r.actions_applicable});
  w.key("actions_done");
  w.value(std::uint64_t{r.actions_done});
  w.key("completion");
  w.number(r.completion);
  w.key("practices");
  w.begin_array();
  for (const auto& p : r.practices) {
    w.begin_object();
    w.key("id");
    w.value(p.practice);
    w.key("actions_applicable");
    w.value(std::uint64_t{p.actions_applicable});
    w.key("actions_done");
    w.value(std::uint64_t{p.actions_done});
    w.key("completion");
    w.number(p.completion);
    w.key("offices_complete");
    w.value(std::uint64_t{p.offices_complete});
    w.end_object();
  }
  w.end_array();
  w.key("least_complete");
  w.values(r.least_complete);
  w.key("safeguards");
  write_safeguards(w, r.safeguards);
  w.key("offices");
  w.begin_array();
  for (const auto& o : r.offices) write_office(w, o);
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace detail

// A rollup of many offices is written straight into text (the tree of 10,000 offices cost
// more to build, print and free than the rollup itself); encode() stays the definition, and
// a test compares the two byte for byte.
std::string to_json(const Rollup& value, int indent) {
  if (indent <= max_json_indent) {
    try {
      return detail::write_rollup_json(value, indent);
    } catch (const detail::JsonWriter::NotUtf8&) {  // the tree route says which byte
    }
  }
  return detail::dump(detail::encode(value), indent);
}

Plan parse_plan(std::string_view text, std::string_view source) { return from_json<Plan>(text, source); }
Scorecard parse_scorecard(std::string_view text, std::string_view source) { return from_json<Scorecard>(text, source); }
Rollup parse_rollup(std::string_view text, std::string_view source) { return from_json<Rollup>(text, source); }

ELECTSEC_DEFINE_FROM_JSON(Plan)
ELECTSEC_DEFINE_FROM_JSON(PlanStep)
ELECTSEC_DEFINE_FROM_JSON(Scorecard)
ELECTSEC_DEFINE_FROM_JSON(Rollup)
ELECTSEC_DEFINE_FROM_JSON(OfficeSummary)

}  // namespace electsec
