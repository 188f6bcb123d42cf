// The risk picture as JSON (results_json.hpp): every editorial link with its provenance.
#include <electsec/results_json.hpp>

#include "json_codec.hpp"

namespace electsec {

namespace {

using detail::json;

json encode_practice(const SystemPractice& p) {
  json links = json::array();
  for (const auto& l : p.links)
    links.push_back({{"component", l.component},
                     {"connectedness", std::string(to_string(l.connectedness))},
                     {"subject", l.subject},
                     {"reason", l.reason},
                     {"provenance", l.provenance}});
  return {{"practice", p.practice},
          {"scope", std::string(to_string(p.scope))},
          {"plan_rank", p.plan_rank == 0 ? json(nullptr) : json(p.plan_rank)},
          {"links", links}};
}

}  // namespace

std::string to_json(const RiskPicture& picture, int indent) {
  json systems = json::array();
  for (const auto& s : picture.systems)
    systems.push_back({{"component", s.use.component},
                       {"connectedness", std::string(to_string(s.use.connectedness))},
                       {"note", s.use.note},
                       {"occurs", s.occurs},
                       {"connection", s.connection},
                       {"risks", s.risks}});
  json practices = json::array(), out_of_scope = json::array();
  for (const auto& p : picture.practices) practices.push_back(encode_practice(p));
  for (const auto& p : picture.out_of_scope) out_of_scope.push_back(encode_practice(p));
  return detail::dump({{"maturity", static_cast<int>(picture.maturity)},
                       {"systems", systems},
                       {"practices", practices},
                       {"out_of_scope", out_of_scope}},
                      indent);
}

}  // namespace electsec
