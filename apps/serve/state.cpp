// The state's dashboard: the rollup as of a date with filters, the trend, the offices
// furthest behind and those without progress, each table also as CSV.
#include "web.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>
#include <sstream>

namespace serve {

using namespace electsec;

namespace {

// The dashboard's filters, read from the query and written back into links.
struct Filters {
  std::string as_of;  // "" latest
  std::string since;  // "" one year before as_of
  std::string state;  // "" all
  std::string kind;   // "" all
  std::string level;  // "" all
  std::size_t stalled = 90;

  OfficeFilter office_filter() const {
    OfficeFilter f;
    f.state = state;
    if (!kind.empty()) f.kind = parse_jurisdiction_kind(kind);
    if (!level.empty()) f.maturity = parse_maturity(level);
    return f;
  }
  std::string query_string() const {
    std::string q;
    auto add = [&](const char* name, const std::string& value) {
      if (!value.empty()) q += std::string(q.empty() ? "?" : "&") + name + "=" + url_encode(value);
    };
    add("as_of", as_of);
    add("since", since);
    add("state", state);
    add("kind", kind);
    add("level", level);
    add("stalled", std::to_string(stalled));
    return q;
  }
};

Filters read_filters(const httplib::Request& req) {
  Filters f;
  f.as_of = date_param(req, "as_of");
  f.since = date_param(req, "since");
  f.state = query(req, "state");
  f.kind = query(req, "kind");
  f.level = query(req, "level");
  try {
    if (!f.kind.empty()) parse_jurisdiction_kind(f.kind);
    if (!f.level.empty()) parse_maturity(f.level);
  } catch (const Error& e) {
    throw HttpError{400, e.what()};
  }
  const std::string stalled = query(req, "stalled");
  if (!stalled.empty()) {
    if (stalled.size() > 5 || stalled.find_first_not_of("0123456789") != std::string::npos)
      throw HttpError{400, "stalled: expected a number of days (0 to 99999), found '" + stalled + "'"};
    f.stalled = std::stoul(stalled);
  }
  return f;
}

// The same day a year earlier (28 February for 29 February).
std::string year_before(const std::string& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d", std::stoi(date.substr(0, 4)) - 1);
  std::string out = buffer + date.substr(4);
  return out.substr(5) == "02-29" ? out.substr(0, 5) + "02-28" : out;
}

// The span a dashboard covers: `since` to `as_of`, both days.
std::pair<std::string, std::string> span(const Filters& f) {
  const std::string to = f.as_of.empty() ? today_utc() : f.as_of;
  const std::string from = f.since.empty() ? year_before(to) : f.since;
  if (from > to) throw HttpError{400, "since: the first day (" + from + ") comes after the last (" + to + ")"};
  if (std::stoi(to.substr(0, 4)) - std::stoi(from.substr(0, 4)) > 10)
    throw HttpError{400, "since: a trend covers at most ten years; give a later first day"};
  return {from, to};
}

std::vector<OfficeProgress> stalled_offices(const Progress& p, std::size_t days) {
  std::vector<OfficeProgress> out;
  for (const auto& o : p.offices)
    if (o.days_without_change >= days) out.push_back(o);
  std::sort(out.begin(), out.end(), [](const OfficeProgress& x, const OfficeProgress& y) {
    return x.days_without_change != y.days_without_change ? x.days_without_change > y.days_without_change
                                                          : x.jurisdiction.id < y.jurisdiction.id;
  });
  return out;
}

Table stalled_table(const std::vector<OfficeProgress>& offices) {
  Table t{{"id", "name", "state", "kind", "maturity", "completion", "last_change", "days_without_change"}, {}};
  for (const auto& o : offices)
    t.rows.push_back({o.jurisdiction.id, o.jurisdiction.name, o.jurisdiction.state,
                      std::string(to_string(o.jurisdiction.kind)), std::to_string(static_cast<int>(o.maturity)),
                      std::to_string(o.completion), o.last_change, std::to_string(o.days_without_change)});
  return t;
}

std::string office_link(const Jurisdiction& j) {
  return "<a href=\"/office/" + url_encode(j.id) + "\">" + esc(j.name) + "</a>";
}

std::string csv_link(const std::string& name, const Filters& f) {
  return "<p class=\"csv\"><a href=\"/state/" + name + ".csv" + esc(f.query_string()) +
         "\" download>Download as CSV</a></p>";
}

void dashboard(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const Filters f = read_filters(req);
  const auto [from, to] = span(f);
  auto store = app.stores.lease();
  const OfficeFilter filter = f.office_filter();
  const Rollup r = store->rollup(f.as_of, filter);
  TrendOptions trend_options;
  trend_options.from = from;
  trend_options.to = to;
  trend_options.filter = filter;
  const std::vector<TrendPoint> trend = store->trend(trend_options);
  const Progress progress = store->progress(filter, from, to);
  const auto stalled = stalled_offices(progress, f.stalled);

  // The states the offices give, for the filter (the rollup above when nothing filters it).
  const bool unfiltered = f.state.empty() && f.kind.empty() && f.level.empty();
  Rollup everyone;
  if (!unfiltered) everyone = store->rollup(f.as_of);
  std::set<std::string> states;
  for (const auto& o : (unfiltered ? r : everyone).offices) states.insert(o.jurisdiction.state);

  std::ostringstream body;
  body << "<form method=\"get\" class=\"filters\"><label>As of <input type=\"date\" name=\"as_of\" value=\""
       << esc(f.as_of) << "\"></label><label>Trend from <input type=\"date\" name=\"since\" value=\"" << esc(f.since)
       << "\"></label><label>State <select name=\"state\"><option value=\"\">all</option>";
  for (const auto& s : states)
    body << "<option" << (s == f.state ? " selected" : "") << " value=\"" << esc(s) << "\">" << esc(s) << "</option>";
  body << "</select></label><label>Kind <select name=\"kind\"><option value=\"\">all</option>";
  for (auto k : all_jurisdiction_kinds)
    body << "<option" << (to_string(k) == f.kind ? " selected" : "") << ">" << to_string(k) << "</option>";
  body << "</select></label><label>Level <select name=\"level\"><option value=\"\">all</option>";
  for (Maturity m : all_maturities)
    body << "<option value=\"" << static_cast<int>(m) << "\""
         << (std::to_string(static_cast<int>(m)) == f.level ? " selected" : "") << ">" << level_name(m) << "</option>";
  body << "</select></label><label>No progress for <input type=\"number\" min=\"0\" max=\"99999\" name=\"stalled\" "
          "value=\""
       << f.stalled << "\"> days</label><button type=\"submit\">Show</button></form>";

  body << "<section class=\"summary\"><p class=\"big\">" << percent(r.completion)
       << "</p><p>of the applicable actions of " << r.jurisdictions << (r.jurisdictions == 1 ? " office" : " offices")
       << " are done (" << r.actions_done << " of " << r.actions_applicable << "), as of "
       << esc(f.as_of.empty() ? "today" : f.as_of) << ".</p></section>";
  body << "<div class=\"two\"><div><h2>Offices by level</h2>"
       << count_bars({{"Level 1", r.maturity_distribution[0]},
                      {"Level 2", r.maturity_distribution[1]},
                      {"Level 3", r.maturity_distribution[2]}},
                     "Offices at each maturity level")
       << "</div><div><h2>Trend</h2>";
  std::vector<std::string> periods;
  Series whole{"all actions", "office", {}}, median{"median office", "peers", {}};
  for (const auto& p : trend) {
    periods.push_back(p.period);
    whole.values.push_back(p.offices ? std::optional<double>(p.completion) : std::nullopt);
    median.values.push_back(p.offices ? std::optional<double>(p.office_completion.median) : std::nullopt);
  }
  body << line_chart(periods, {whole, median}, "Share of applicable actions done per month, " + from + " to " + to)
       << csv_link("trend", f) << "</div></div>";

  body << "<h2>Completion by practice</h2>";
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : r.practices)
    if (p.actions_applicable > 0)
      rows.push_back(
          {practice_link(app.catalog, p.practice),
           meter(p.completion, std::to_string(p.actions_done) + " of " + std::to_string(p.actions_applicable) + " (" +
                                   percent(p.completion) + ")"),
           std::to_string(p.offices_complete)});
  body << html_table({"Practice", "Actions done", "Offices complete"}, rows) << csv_link("practices", f);

  body << "<h2>Offices furthest behind</h2>";
  rows.clear();
  for (std::size_t i = 0; i < r.offices.size() && i < 10; ++i) {
    const auto& o = r.offices[i];
    rows.push_back(
        {office_link(o.jurisdiction), esc(o.jurisdiction.state), esc(level_name(o.maturity)),
         meter(o.completion, percent(o.completion)),
         "<a class=\"noprint\" href=\"/office/" + url_encode(o.jurisdiction.id) + "/peers\">against its peers</a>"});
  }
  body << html_table({"Office", "State", "Level", "Done", ""}, rows)
       << "<p class=\"muted\">The ten least complete; the CSV lists every office.</p>" << csv_link("offices", f);

  body << "<h2>No progress for " << f.stalled << " days or more</h2>";
  rows.clear();
  for (const auto& o : stalled)
    rows.push_back({office_link(o.jurisdiction), esc(o.jurisdiction.state), esc(level_name(o.maturity)),
                    percent(o.completion), esc(o.last_change.empty() ? "none since it was added" : o.last_change),
                    std::to_string(o.days_without_change)});
  body << html_table({"Office", "State", "Level", "Done", "Last status change", "Days without one"}, rows)
       << csv_link("stalled", f);
  send_html(res, page("State dashboard", Section::state, body.str()));
}

void csv(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string name = req.matches[1];
  const Filters f = read_filters(req);
  const auto [from, to] = span(f);
  auto store = app.stores.lease();
  const OfficeFilter filter = f.office_filter();
  Table t;
  if (name == "practices") {
    t = practices_table(store->rollup(f.as_of, filter));
  } else if (name == "offices") {
    t = offices_table(store->rollup(f.as_of, filter).offices);
  } else if (name == "trend") {
    TrendOptions options;
    options.from = from;
    options.to = to;
    options.filter = filter;
    t = trend_table(store->trend(options));
  } else if (name == "stalled") {
    t = stalled_table(stalled_offices(store->progress(filter, from, to), f.stalled));
  } else {
    throw HttpError{404, "no table called '" + name + "'"};
  }
  for (auto& row : t.rows)
    for (auto& cell : row) cell = spreadsheet_safe(cell);
  std::ostringstream out;
  write_csv(out, t);
  send_download(res, out.str(), "text/csv; charset=utf-8", "electsec-" + name + ".csv");
}

}  // namespace

void add_state_routes(App& app, const Router& route) {
  route("GET", "/state", bind(app, dashboard));
  route("GET", R"(/state/([a-z]+)\.csv)", bind(app, csv));
}

}  // namespace serve
