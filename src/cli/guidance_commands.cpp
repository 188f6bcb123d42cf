// guidance (the DHS/CISA and mayors' recommendations) and search.
#include "cli_internal.hpp"

namespace electsec::cli {

// ---- guidance and search ----

namespace {

// The catalog's own spelling of a value typed in any case, or a usage error that names the
// closest value and every one there is.
std::optional<std::string> known_value(const Args& a, const std::string& option, std::vector<std::string> values) {
  const auto given = a.option(option);
  if (!given) return std::nullopt;
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  for (const auto& v : values)
    if (lower_case(v) == lower_case(*given)) return v;
  const auto near = closest(*given, values, 1);
  throw UsageError{"--" + option + ": no recommendation has '" + *given + "'" +
                   (near.empty() ? std::string() : "; did you mean '" + near[0] + "'?") + " (one of: '" +
                   join(values, "', '") + "')"};
}

}  // namespace

void run_guidance(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  std::vector<std::string> audiences, categories;
  for (const auto& r : c.guidance().recommendations) {
    audiences.push_back(r.audience);
    categories.push_back(r.category);
  }
  RecommendationFilter filter{a.option("source"), known_value(a, "audience", audiences),
                              known_value(a, "category", categories), a.option("practice")};
  if (filter.source) c.guidance_source(*filter.source);  // NotFound for a typo
  if (filter.practice) c.practice(*filter.practice);
  const auto list = c.recommendations(filter);
  if (f == Format::json) return write_json_items(out, list);
  Table t{f == Format::csv ? std::vector<std::string>{"id", "source", "audience", "category", "title", "text",
                                                      "practices", "provenance"}
                           : std::vector<std::string>{"ID", "Audience", "Title", "Practices"},
          {}};
  // Who linked each practice: electsec's own links are marked, in the table and the CSV.
  bool marked = false;
  for (const Recommendation* r : list) {
    std::vector<std::string> practices, provenance, shown;
    for (const auto& rp : r->practices) {
      practices.push_back(rp.practice);
      provenance.push_back(rp.provenance.empty() ? "-" : rp.provenance);
      shown.push_back(rp.practice + (rp.provenance == "electsec" ? "*" : ""));
      marked = marked || rp.provenance == "electsec";
    }
    if (f == Format::csv)
      t.rows.push_back(
          {r->id, r->source, r->audience, r->category, r->title, r->text, join(practices, " "), join(provenance, " ")});
    else
      t.rows.push_back({r->id, r->audience, r->title, shown.empty() ? "-" : join(shown, " ")});
  }
  if (f == Format::csv) return write_csv(out, t);
  // Grouped as the source groups them.
  std::vector<std::string> shown;
  for (const Recommendation* r : list) {
    const std::string group = c.guidance_source(r->source).title + " / " + r->category;
    if (std::find(shown.begin(), shown.end(), group) == shown.end()) shown.push_back(group);
  }
  for (const auto& group : shown) {
    out << group << '\n';
    Table part{t.headers, {}};
    for (std::size_t i = 0; i < list.size(); ++i)
      if (c.guidance_source(list[i]->source).title + " / " + list[i]->category == group) part.rows.push_back(t.rows[i]);
    write_table(out, part, terminal_width);
    out << '\n';
  }
  out << list.size() << " recommendations\n";
  if (marked) out << "* linked to the practice by electsec, not by the source\n";
}

void run_search(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::ostream& out = io.out;
  SearchOptions options;
  if (a.option("kind")) options.kind = parse_enum_option(a, "kind", parse_hit_kind);
  if (a.option("limit")) options.limit = static_cast<std::size_t>(parse_int_option(a, "limit", 1, 1000));
  std::string query;
  for (std::size_t i = 1; i < a.positional.size(); ++i) query += (i > 1 ? " " : "") + a.positional[i];
  const auto hits = search(c, query, options);
  if (f == Format::json) {
    json list = json::array();
    for (const auto& h : hits)
      list.push_back({{"kind", std::string(to_string(h.kind))},
                      {"id", h.id},
                      {"title", h.title},
                      {"practice", h.practice.empty() ? json(nullptr) : json(h.practice)},
                      {"score", h.score},
                      {"snippet", h.snippet}});
    out << list.dump(2) << '\n';
    return;
  }
  Table t{f == Format::csv ? std::vector<std::string>{"rank", "kind", "id", "title", "score", "snippet"}
                           : std::vector<std::string>{"#", "Kind", "ID", "Title", "Score"},
          {}};
  for (std::size_t i = 0; i < hits.size(); ++i) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", hits[i].score);
    if (f == Format::csv)
      t.rows.push_back({std::to_string(i + 1), std::string(to_string(hits[i].kind)), hits[i].id, hits[i].title, score,
                        hits[i].snippet});
    else
      t.rows.push_back({std::to_string(i + 1), std::string(to_string(hits[i].kind)), hits[i].id, hits[i].title, score});
  }
  if (f == Format::csv) return write_csv(out, t);
  if (hits.empty()) {
    out << "no matches for '" << query << "'\n";
    return;
  }
  write_table(out, t, terminal_width);
  out << "\nbest match: " << hits[0].snippet << '\n';
}

}  // namespace electsec::cli
