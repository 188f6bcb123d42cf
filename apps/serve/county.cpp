// The county's pages: the offices, one office's overview, the maturity questionnaire, the
// plan with forms to mark actions, a practice's actions, its systems and their risks, peers,
// and the downloads.
#include "web.hpp"

#include <algorithm>
#include <ctime>
#include <mutex>
#include <sstream>

namespace serve {

using namespace electsec;

namespace {

Stamp stamp_of(const httplib::Request& req) { return Stamp{"", "web " + req.remote_addr, "electsec-serve"}; }

// The form field `name`, or a 400 naming it.
const std::string& field(const std::map<std::string, std::string>& form, const std::string& name) {
  const auto it = form.find(name);
  if (it == form.end()) throw HttpError{400, "the form lacks the field '" + name + "'"};
  return it->second;
}

std::string office_path(const std::string& id) { return "/office/" + url_encode(id); }

// The office's name, state and level, and the links between its pages.
std::string office_header(const Assessment& a, const std::string& current) {
  const std::string base = office_path(a.jurisdiction.id);
  const std::vector<std::pair<std::string, std::string>> tabs{{"", "Overview"},
                                                              {"/questionnaire", "Maturity questionnaire"},
                                                              {"/plan", "Plan"},
                                                              {"/systems", "Systems"},
                                                              {"/peers", "Against its peers"},
                                                              {"/downloads", "Reports and downloads"}};
  std::string out = "<p class=\"lede\">" + esc(a.jurisdiction.name) + " · " + esc(a.jurisdiction.state) + " · " +
                    esc(to_string(a.jurisdiction.kind)) + " · <strong>" + esc(level_name(a.maturity)) +
                    "</strong> · id <code>" + esc(a.jurisdiction.id) + "</code></p><nav class=\"tabs\">";
  for (const auto& [suffix, label] : tabs)
    out += "<a href=\"" + base + suffix + "\"" + (suffix == current ? " aria-current=\"page\"" : "") + ">" + label +
           "</a>";
  return out + "</nav>";
}

// A form that records one action's status and note.
std::string action_form(const Catalog& catalog, const Assessment& a, const std::string& action_id,
                        const Session& session, const std::string& back) {
  const Action& action = catalog.action(action_id);
  const auto found = a.statuses.find(action_id);
  const Status current = found == a.statuses.end() ? Status::not_started : found->second.status;
  const std::string note = found == a.statuses.end() ? "" : found->second.note;
  std::string out =
      "<li class=\"action status-" + esc(to_string(current)) + "\" id=\"a-" + esc(action_id) + "\"><p>" +
      esc(action.text) + " <span class=\"muted\">(" + esc(action_id) + ")</span></p><form method=\"post\" action=\"" +
      office_path(a.jurisdiction.id) + "/status\" class=\"mark\">" + csrf_field(session) +
      "<input type=\"hidden\" name=\"action\" value=\"" + esc(action_id) +
      "\"><input type=\"hidden\" name=\"back\" value=\"" + esc(back) + "\"><label>Status <select name=\"status\">";
  for (Status s : all_statuses)
    out += "<option value=\"" + std::string(to_string(s)) + "\"" + (s == current ? " selected" : "") + ">" +
           status_words(s) + "</option>";
  out += "</select></label> <label>Note <input type=\"text\" name=\"note\" maxlength=\"800\" value=\"" + esc(note) +
         "\"></label> <button type=\"submit\">Save</button>";
  if (found != a.statuses.end() && !found->second.updated.empty())
    out += " <span class=\"muted\">last changed " + esc(found->second.updated) + "</span>";
  return out + "</form></li>";
}

std::string now_utc() {
  const std::time_t t = std::time(nullptr);
  std::tm out{};
  gmtime_r(&t, &out);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &out);
  return buffer;
}

// The office's completion and its peers' median per period, as a chart.
std::string progress_chart(const Progress& p) {
  std::vector<std::string> periods;
  Series office{"this office", "office", {}}, peers{"median of its state's other offices", "peers", {}};
  for (const auto& point : p.trend) {
    periods.push_back(point.period);
    office.values.push_back(point.offices ? std::optional<double>(point.completion) : std::nullopt);
  }
  for (const auto& point : p.peers)
    peers.values.push_back(point.offices ? std::optional<double>(point.office_completion.median) : std::nullopt);
  std::vector<Series> series{office};
  if (!p.peers.empty()) series.push_back(peers);
  return line_chart(periods, series, "Share of applicable actions done, " + p.since + " to " + p.as_of);
}

// "Saved: ..." after a form sent the reader back here.
std::string saved_notice(const Catalog& catalog, const Assessment& a, const httplib::Request& req) {
  const std::string action = query(req, "saved");
  if (action.empty()) return "";
  const auto found = a.statuses.find(action);
  const Status status = found == a.statuses.end() ? Status::not_started : found->second.status;
  std::string text;
  try {
    text = catalog.action(action).text;
  } catch (const NotFound&) {
    return "";
  }
  return "<p class=\"notice\" role=\"status\">Saved: <em>" + esc(text) + "</em> is now <strong>" +
         esc(status_words(status)) + "</strong>.</p>";
}

void home(App& app, const httplib::Request&, httplib::Response& res, const Session& session) {
  Rollup r = app.stores.lease()->rollup();
  std::sort(r.offices.begin(), r.offices.end(),
            [](const OfficeSummary& x, const OfficeSummary& y) { return x.jurisdiction.id < y.jurisdiction.id; });
  std::vector<std::vector<std::string>> rows;
  for (const auto& o : r.offices)
    rows.push_back({"<a href=\"" + office_path(o.jurisdiction.id) + "\">" + esc(o.jurisdiction.name) + "</a>",
                    esc(o.jurisdiction.state), esc(to_string(o.jurisdiction.kind)), esc(level_name(o.maturity)),
                    meter(o.completion, std::to_string(o.actions_done) + " of " + std::to_string(o.actions_applicable) +
                                            " (" + percent(o.completion) + ")")});
  std::string body =
      "<p>Pick your office to answer the maturity questionnaire, see its plan and record progress. "
      "The <a href=\"/state\">state dashboard</a> shows every office together.</p>" +
      html_table({"Office", "State", "Kind", "Level", "Actions done"}, rows) +
      "<h2>Add an office</h2><form method=\"post\" action=\"/offices\" class=\"grid\">" + csrf_field(session) +
      "<label>Id <input name=\"id\" required maxlength=\"200\" placeholder=\"us-pa-dauphin\"></label>"
      "<label>Name <input name=\"name\" required maxlength=\"200\" placeholder=\"Dauphin County\">"
      "</label><label>State <input name=\"state\" required maxlength=\"200\" placeholder=\"PA\">"
      "</label><label>Kind <select name=\"kind\">";
  for (auto kind : all_jurisdiction_kinds)  // county, the usual office, chosen at first
    body += "<option" + std::string(kind == JurisdictionKind::county ? " selected" : "") + ">" +
            std::string(to_string(kind)) + "</option>";
  body +=
      "</select></label><label>Level <select name=\"maturity\"><option value=\"1\">Level 1</option>"
      "<option value=\"2\">Level 2</option><option value=\"3\">Level 3</option></select></label>"
      "<button type=\"submit\">Add the office</button></form>";
  send_html(res, page("Election offices", Section::home, body));
}

void add_office(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const auto form = parse_form(req.body);
  Assessment a;
  a.jurisdiction.id = field(form, "id");
  a.jurisdiction.name = field(form, "name");
  a.jurisdiction.state = field(form, "state");
  // An id becomes part of the office's addresses: letters, digits, '.', '_' and '-' only.
  const std::string& id = a.jurisdiction.id;
  if (id.empty() || id.size() > 200 || id == "." || id == ".." ||
      id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != std::string::npos)
    throw HttpError{400, "id: use 1 to 200 letters, digits, '.', '_' or '-' (such as us-pa-dauphin)"};
  for (const char* name : {"name", "state"}) {
    if (!is_valid_name(field(form, name)))
      throw HttpError{400, std::string(name) + ": give a value on one line, without control characters"};
    if (characters(field(form, name)) > 200) throw HttpError{400, std::string(name) + ": at most 200 characters"};
  }
  try {
    a.jurisdiction.kind = parse_jurisdiction_kind(field(form, "kind"));
    a.maturity = parse_maturity(field(form, "maturity"));
  } catch (const Error& e) {
    throw HttpError{400, e.what()};
  }
  a.catalog_version = app.catalog.guide().version;
  // One office added at a time, so that two forms sent at once cannot both add it.
  static std::mutex adding;
  const std::lock_guard<std::mutex> lock(adding);
  auto store = app.stores.lease();
  const auto offices = store->offices();
  if (std::binary_search(offices.begin(), offices.end(), a.jurisdiction.id))
    throw HttpError{409, "an office with the id '" + a.jurisdiction.id + "' exists already"};
  store->import_assessment(a, stamp_of(req));
  redirect(res, office_path(a.jurisdiction.id) + "/questionnaire");
}

void overview(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  auto store = app.stores.lease();
  const Assessment a = store->assessment(id);
  const Scorecard card = score(app.catalog, a);
  const std::string as_of = today_utc();
  const Progress progress = store->progress(id, days_before(as_of, 365), as_of);
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : card.practices)
    rows.push_back({practice_link(app.catalog, p.practice), esc(words(to_string(p.scope))),
                    meter(p.completion, std::to_string(p.actions_done) + " of " + std::to_string(p.actions_applicable)),
                    std::to_string(p.actions_in_progress),
                    "<a class=\"noprint\" href=\"" + office_path(id) + "/practice/" + url_encode(p.practice) +
                        "\">Mark actions</a>"});
  const std::string body =
      office_header(a, "") + "<section class=\"summary\"><p class=\"big\">" + percent(card.completion) +
      "</p><p>of the actions that apply at " + esc(level_name(a.maturity)) +
      " are done: " + std::to_string(card.actions_done) + " of " + std::to_string(card.actions_applicable) + ", and " +
      std::to_string(card.actions_in_progress) + " in progress. " +
      (card.priorities_complete ? "Every priority practice of its level is complete."
                                : "Its level's priority practices are not all complete yet.") +
      " <a href=\"" + office_path(id) + "/plan\">See the plan</a>.</p></section><h2>Progress over the last year</h2>" +
      progress_chart(progress) + "<h2>Scorecard</h2>" +
      html_table({"Practice", "Scope", "Done", "In progress", ""}, rows);
  send_html(res, page(a.jurisdiction.name, Section::home, body));
}

void questionnaire(App& app, const httplib::Request& req, httplib::Response& res, const Session& session) {
  const std::string id = req.matches[1];
  const Assessment a = app.stores.lease()->assessment(id);
  const MaturityResult result = determine_maturity(app.catalog, a.answers);
  std::string body = office_header(a, "/questionnaire");
  if (query(req, "saved") == "1")
    body += "<p class=\"notice\" role=\"status\">Answers saved.</p>";
  else if (query(req, "saved") == "unsure")
    body +=
        "<p class=\"notice\" role=\"status\">Answers saved. Fewer than half of the statements are answered, "
        "so the office's level was left as it was.</p>";
  body +=
      "<p>Say for each statement whether it describes the office today. The guide's rule turns the answers "
      "into a level; with fewer than half of them answered it cannot, and gives Level 1.</p><section "
      "class=\"result\"><p><strong>"
      "The answers recorded so far give " +
      esc(level_name(result.level)) + ".</strong> " + esc(result.rationale) +
      "</p></section><form method=\"post\" "
      "action=\"" +
      office_path(id) + "/questionnaire\">" + csrf_field(session);
  for (Maturity level : all_maturities) {
    body += "<fieldset><legend>" + esc(level_name(level)) + "</legend>";
    for (const MaturityStatement* s : app.catalog.maturity_statements(level)) {
      const auto found = a.answers.find(s->id);
      const std::string name = "s." + s->id;
      auto radio = [&](const char* value, const char* label, bool checked) {
        return "<label class=\"choice\"><input type=\"radio\" name=\"" + esc(name) + "\" value=\"" + value + "\"" +
               (checked ? " checked" : "") + "> " + label + "</label>";
      };
      body += "<div class=\"statement\"><p>" + esc(s->text) + " <span class=\"muted\">(" + esc(s->id) + ")</span></p>" +
              radio("yes", "Yes", found != a.answers.end() && found->second) +
              radio("no", "No", found != a.answers.end() && !found->second) + "</div>";
    }
    body += "</fieldset>";
  }
  body +=
      "<label class=\"choice\"><input type=\"checkbox\" name=\"record_level\" value=\"1\" checked> Record the "
      "level the answers give as the office's level</label> <button type=\"submit\">Save the answers</button>"
      "</form>";
  send_html(res, page(a.jurisdiction.name + ": maturity questionnaire", Section::home, body));
}

void save_answers(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  const auto form = parse_form(req.body);
  MaturityAnswers answers;
  for (const auto& [name, value] : form) {
    if (name.rfind("s.", 0) != 0) continue;
    if (value != "yes" && value != "no") throw HttpError{400, name + ": expected yes or no, found '" + value + "'"};
    answers[name.substr(2)] = value == "yes";
  }
  auto store = app.stores.lease();
  const Assessment before = store->assessment(id);  // 404 before anything is recorded
  MaturityAnswers all = before.answers;
  for (const auto& [statement, yes] : answers) all[statement] = yes;
  const MaturityResult result = determine_maturity(app.catalog, all);  // unknown statements: 404, nothing recorded
  store->set_answers(id, answers, stamp_of(req));
  // Two records (the answers, then the level): should the second fail, the answers stay.
  const bool record = form.count("record_level") > 0;
  if (record && !result.unsure) store->set_level(id, result.level, stamp_of(req));
  redirect(res, office_path(id) + "/questionnaire?saved=" + (record && result.unsure ? "unsure" : "1"));
}

void plan_page(App& app, const httplib::Request& req, httplib::Response& res, const Session& session) {
  const std::string id = req.matches[1];
  const Assessment a = app.stores.lease()->assessment(id);
  const Plan plan = build_plan(app.catalog, a.maturity, a);
  std::string body = office_header(a, "/plan") + saved_notice(app.catalog, a, req);
  if (plan.steps.empty()) {
    body += "<p class=\"notice\">Every action that applies at " + esc(level_name(a.maturity)) +
            " is done or marked not applicable.</p>";
  } else {
    body += "<p>The steps of " + esc(level_name(a.maturity)) +
            " in the order the guide gives them, with the actions still open. Mark an action when the office "
            "has done it, has started it, or finds that it does not apply.</p>";
  }
  // The first step is open; "?steps=all" opens every one (for a whole read, or for printing).
  const bool all_open = query(req, "steps") == "all";
  if (plan.steps.size() > 1)
    body += all_open ? "<p class=\"noprint\"><a href=\"" + office_path(id) + "/plan\">Show the first step only</a></p>"
                     : "<p class=\"noprint\"><a href=\"" + office_path(id) +
                           "/plan?steps=all\">Open every step</a> (to read or print the whole plan)</p>";
  for (const PlanStep& step : plan.steps) {
    body += std::string("<details class=\"step\"") + (all_open || step.rank == plan.steps.front().rank ? " open" : "") +
            "><summary><span class=\"rank\">" + std::to_string(step.rank) + "</span> " +
            esc(step_title(app.catalog, step)) + " <span class=\"muted\">(" + std::to_string(step.actions.size()) +
            (step.actions.size() == 1 ? " action" : " actions") + ")</span></summary><p class=\"reason\">" +
            esc(step.reason) + "</p><ul class=\"actions\">";
    for (const auto& action : step.actions)
      body += action_form(app.catalog, a, action, session, office_path(id) + "/plan#a-" + action);
    body += "</ul></details>";
  }
  send_html(res, page(a.jurisdiction.name + ": plan", Section::home, body));
}

void practice_page(App& app, const httplib::Request& req, httplib::Response& res, const Session& session) {
  const std::string id = req.matches[1];
  const Practice& practice = app.catalog.practice(std::string(req.matches[2]));
  const Assessment a = app.stores.lease()->assessment(id);
  std::string body = office_header(a, "/practice") + "<p>" + esc(practice.summary) + " <a href=\"/guide/practice/" +
                     url_encode(practice.id) + "\">The practice in the guide</a>.</p>" +
                     saved_notice(app.catalog, a, req);
  const auto actions = app.catalog.applicable_actions(practice.id, a.maturity);
  if (actions.empty())
    body += "<p class=\"notice\">No action of this practice applies at " + esc(level_name(a.maturity)) + ".</p>";
  body += "<ul class=\"actions\">";
  for (const Action* action : actions)
    body += action_form(app.catalog, a, action->id, session,
                        office_path(id) + "/practice/" + url_encode(practice.id) + "#a-" + action->id);
  body += "</ul>";
  send_html(res, page(a.jurisdiction.name + ": " + practice.title, Section::home, body));
}

void set_status(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  const auto form = parse_form(req.body);
  const std::string& action = field(form, "action");
  Status status;
  try {
    status = parse_status(field(form, "status"));
  } catch (const Error& e) {
    throw HttpError{400, e.what()};
  }
  std::optional<std::string> note;
  if (form.count("note")) note = form.at("note");
  if (note && characters(*note) > 800) throw HttpError{400, "note: at most 800 characters"};
  auto store = app.stores.lease();
  const Assessment before = store->assessment(id);
  // The form shows a note on one line with its control characters escaped; when it comes
  // back as shown, it was not edited, and the note stays exactly as it was.
  const auto old = before.statuses.find(action);
  if (note && old != before.statuses.end() && *note == as_shown(old->second.note)) note.reset();
  store->set_status(id, {action}, status, note, stamp_of(req));
  // Back to the page the form was on: only a path of this office, never another site.
  std::string back = form.count("back") ? form.at("back") : "";
  if (back.rfind(office_path(id) + "/", 0) != 0 || back.find("//") != std::string::npos ||
      back.find_first_of("\\\r\n?") != std::string::npos)
    back = office_path(id) + "/plan";
  // The page says what was saved; a done action has left the plan, so its anchor may be gone.
  const std::size_t hash = back.find('#');
  redirect(res, back.substr(0, hash) + "?saved=" + url_encode(action) +
                    (hash == std::string::npos ? "" : back.substr(hash)));
}

void peers_page(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  const std::string as_of = date_param(req, "as_of");
  PeerGroup group = PeerGroup::state;
  if (!query(req, "peers").empty()) {
    try {
      group = parse_peer_group(query(req, "peers"));
    } catch (const Error& e) {
      throw HttpError{400, e.what()};
    }
  }
  auto store = app.stores.lease();
  const Assessment a = store->assessment(id, as_of);
  const PeerComparison c = store->compare(id, as_of, group);
  std::string body = office_header(a, "/peers") +
                     "<form method=\"get\" class=\"filters\"><label>Peers <select "
                     "name=\"peers\">";
  const std::pair<PeerGroup, const char*> groups[] = {{PeerGroup::state, "offices of its state"},
                                                      {PeerGroup::level, "offices at its level"},
                                                      {PeerGroup::all, "all offices"}};
  for (const auto& [g, label] : groups)
    body += "<option value=\"" + std::string(to_string(g)) + "\"" + (g == group ? " selected" : "") + ">" + label +
            "</option>";
  body += "</select></label> <label>As of <input type=\"date\" name=\"as_of\" value=\"" + esc(as_of) +
          "\"></label> <button type=\"submit\">Compare</button></form><p>As of " + esc(c.as_of) + ", the office has " +
          percent(c.completion) + " of its actions done. ";
  if (c.peers.count == 0)
    body += "It has no peers in this group to compare with.</p>";
  else
    body += "Its " + std::to_string(c.peers.count) + (c.peers.count == 1 ? " peer" : " peers") + " have a median of " +
            percent(c.peers.median) + " (middle half " + percent(c.peers.q1) + " to " + percent(c.peers.q3) +
            "); its percentile rank among them is " + std::to_string(static_cast<int>(c.percentile_rank + 0.5)) +
            ".</p>";
  const auto spread = [](const Distribution& d, const std::string& text) { return d.count ? text : "-"; };
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : c.practices)
    rows.push_back({practice_link(app.catalog, p.practice), meter(p.completion, percent(p.completion)),
                    std::to_string(p.peers.count), spread(p.peers, percent(p.peers.median)),
                    spread(p.peers, percent(p.peers.q1) + " to " + percent(p.peers.q3)),
                    spread(p.peers, std::to_string(static_cast<int>(p.percentile_rank + 0.5)))});
  body += html_table({"Practice", "This office", "Peers", "Peers' median", "Middle half", "Percentile"}, rows) +
          "<p class=\"csv\"><a href=\"" + office_path(id) + "/peers.csv?peers=" + std::string(to_string(group)) +
          (as_of.empty() ? "" : "&amp;as_of=" + as_of) + "\" download>Download as CSV</a></p>";
  send_html(res, page(a.jurisdiction.name + " against its peers", Section::home, body));
}

void peers_csv(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  PeerGroup group = PeerGroup::state;
  try {
    if (!query(req, "peers").empty()) group = parse_peer_group(query(req, "peers"));
  } catch (const Error& e) {
    throw HttpError{400, e.what()};
  }
  Table t = comparison_table(app.stores.lease()->compare(id, date_param(req, "as_of"), group));
  for (auto& row : t.rows)
    for (auto& cell : row) cell = spreadsheet_safe(cell);
  std::ostringstream out;
  write_csv(out, t);
  send_download(res, out.str(), "text/csv; charset=utf-8", "electsec-" + url_encode(id) + "-peers.csv");
}

void downloads_page(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  const Assessment a = app.stores.lease()->assessment(id);
  const std::string base = office_path(id) + "/download/";
  const std::vector<std::pair<std::string, std::string>> files{
      {"report.html", "The office report, as a web page to print or send"},
      {"report.md", "The office report, as Markdown"},
      {"assessment.json", "The assessment file (electsec's interchange format)"},
      {"assessment.csv", "The statuses as a spreadsheet (id, status, note, updated)"},
      {"oscal-assessment-results.json", "OSCAL assessment results, for GRC tools"},
      {"oscal-poam.json", "OSCAL plan of action and milestones"}};
  std::string body = office_header(a, "/downloads") + "<ul class=\"downloads\">";
  for (const auto& [file, what] : files)
    body += "<li><a href=\"" + base + file + "\" download>" + esc(file) + "</a> " + esc(what) + "</li>";
  body += "</ul>";
  send_html(res, page(a.jurisdiction.name + ": reports and downloads", Section::home, body));
}

void download(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  const std::string file = req.matches[2];
  auto store = app.stores.lease();
  const Assessment a = store->assessment(id);
  const std::string stem = "electsec-" + url_encode(id) + "-";
  ReportOptions options;
  options.report_date = today_utc();
  OscalOptions oscal;
  oscal.timestamp = now_utc();
  if (file == "report.html" || file == "report.md") {
    const Progress progress = store->progress(id, days_before(options.report_date, 365), options.report_date);
    if (file == "report.html")
      send_download(res, office_report_html(app.catalog, a, progress, options), "text/html; charset=utf-8",
                    stem + file);
    else
      send_download(res, office_report_markdown(app.catalog, a, progress, options), "text/markdown; charset=utf-8",
                    stem + file);
  } else if (file == "assessment.json") {
    send_download(res, to_json(a) + "\n", "application/json", stem + file);
  } else if (file == "assessment.csv") {
    send_download(res, to_status_csv(a), "text/csv; charset=utf-8", stem + file);
  } else if (file == "oscal-assessment-results.json") {
    send_download(res, to_oscal_assessment_results(app.catalog, a, oscal) + "\n", "application/json", stem + file);
  } else if (file == "oscal-poam.json") {
    send_download(res, to_oscal_poam(app.catalog, a, oscal) + "\n", "application/json", stem + file);
  } else {
    throw HttpError{404, "no download called '" + file + "'"};
  }
}

// What an editorial link starts from, as a person reads it: a risk's title, "the system
// itself", or the connectedness class.
std::string link_subject(const Catalog& catalog, const SystemPracticeLink& l) {
  for (const SystemRisk& r : catalog.primer().risks)
    if (r.id == l.subject) return r.title;
  if (l.subject == l.component) return "the system itself";
  return words(l.subject) + " connection";
}

// The office's system profile, with a button to take each entry out and a form to add one,
// and its risk picture: the primer's risks, and the practices electsec links to them, each
// link marked as electsec's.
void systems_page(App& app, const httplib::Request& req, httplib::Response& res, const Session& session) {
  const std::string id = req.matches[1];
  const Assessment a = app.stores.lease()->assessment(id);
  const RiskPicture picture = risk_picture(app.catalog, a);
  const std::string action = office_path(id) + "/systems";
  std::string body = office_header(a, "/systems");
  const std::string saved = query(req, "saved");
  if (saved == "added" || saved == "removed" || saved == "kept" || saved == "noted")
    body += "<p class=\"notice\" role=\"status\">" +
            std::string(saved == "added"     ? "Added to the profile."
                        : saved == "removed" ? "Taken out of the profile."
                        : saved == "noted"   ? "That entry was there already; its note was replaced."
                                             : "That entry was there already; nothing changed.") +
            "</p>";
  body +=
      "<p>Which kinds of election system the office runs, and how each exchanges data. The guide's primer lists "
      "the risks of each; the practices below are linked to them by electsec, not by the guide.</p>";
  if (a.systems.empty()) {
    body += "<p class=\"notice\">No system recorded yet. Add the first one below.</p>";
  } else {
    std::vector<std::vector<std::string>> rows;
    for (const SystemUseRisks& s : picture.systems) {
      std::string risks;
      for (const auto& r : s.risks) risks += (risks.empty() ? "" : ", ") + esc(app.catalog.system_risk(r).title);
      if (risks.empty()) risks = s.use.connectedness == Connectedness::none ? "none (not digital)" : "-";
      if (!s.occurs) risks += " <span class=\"muted\">(the guide says this does not occur)</span>";
      rows.push_back({esc(app.catalog.system_component(s.use.component).title),
                      esc(words(to_string(s.use.connectedness))), risks, esc(s.use.note),
                      "<form method=\"post\" action=\"" + action + "\" class=\"inline\">" + csrf_field(session) +
                          "<input type=\"hidden\" name=\"op\" value=\"remove\"><input type=\"hidden\" "
                          "name=\"component\" value=\"" +
                          esc(s.use.component) + "\"><input type=\"hidden\" name=\"connectedness\" value=\"" +
                          esc(to_string(s.use.connectedness)) + "\"><button type=\"submit\">Remove</button></form>"});
    }
    body += html_table({"System", "Connectedness", "Risks the guide lists", "Note", ""}, rows);
  }
  body += "<h2>Add a system</h2><form method=\"post\" action=\"" + action + "\" class=\"grid\">" + csrf_field(session) +
          "<input type=\"hidden\" name=\"op\" value=\"add\"><label>System <select name=\"component\">";
  for (const SystemComponent& c : app.catalog.primer().components)
    body += "<option value=\"" + esc(c.id) + "\">" + esc(c.title) + "</option>";
  body += "</select></label><label>Connectedness <select name=\"connectedness\">";
  for (Connectedness c : all_connectedness)
    body += "<option value=\"" + std::string(to_string(c)) + "\">" + esc(words(to_string(c))) + "</option>";
  body +=
      "</select></label><label>Note <input type=\"text\" name=\"note\" maxlength=\"800\"></label>"
      "<button type=\"submit\">Add</button></form>";
  if (!picture.practices.empty()) {
    body += "<h2>Practices that address them</h2><p>In the guide's plan order at " + esc(level_name(a.maturity)) +
            ". Each reason is electsec's judgement, not the guide's.</p>";
    std::vector<std::vector<std::string>> rows;
    for (const SystemPractice& p : picture.practices) {
      std::string why;
      for (const SystemPracticeLink& l : p.links)
        why += "<li>" + esc(app.catalog.system_component(l.component).title) + ", " +
               esc(link_subject(app.catalog, l)) + ": " + esc(editorial_reason(l)) + "</li>";
      rows.push_back({std::to_string(p.plan_rank), practice_link(app.catalog, p.practice),
                      "<ul class=\"links\">" + why + "</ul>",
                      "<a class=\"noprint\" href=\"" + office_path(id) + "/practice/" + url_encode(p.practice) +
                          "\">Mark actions</a>"});
    }
    body += html_table({"Plan step", "Practice", "Why (electsec's links)", ""}, rows);
  }
  send_html(res, page(a.jurisdiction.name + ": systems", Section::home, body));
}

void change_systems(App& app, const httplib::Request& req, httplib::Response& res, const Session&) {
  const std::string id = req.matches[1];
  const auto form = parse_form(req.body);
  const std::string& op = field(form, "op");
  if (op != "add" && op != "remove") throw HttpError{400, "op: expected add or remove, found '" + op + "'"};
  const std::string& component = field(form, "component");
  Connectedness connectedness;
  try {
    connectedness = parse_connectedness(field(form, "connectedness"));
  } catch (const Error& e) {
    throw HttpError{400, e.what()};
  }
  std::optional<std::string> note;
  if (op == "add" && form.count("note") && !form.at("note").empty()) note = form.at("note");
  if (note && characters(*note) > 800) throw HttpError{400, "note: at most 800 characters"};
  // A new entry's component is checked first (404 with the closest ids); one the record has may be taken
  // out even when this catalog no longer knows it.
  if (op == "add") app.catalog.system_component(component);
  std::string outcome;
  app.stores.lease()->update_systems(
      id,
      [&](std::vector<SystemUse>& profile) {
        Assessment x;
        x.systems = std::move(profile);
        if (op == "add") {
          std::optional<std::string> old_note;
          for (const SystemUse& use : x.systems)
            if (use.component == component && use.connectedness == connectedness) old_note = use.note;
          const bool added = x.add_system(app.catalog, component, connectedness, note);
          outcome = added ? "added" : note && old_note != note ? "noted" : "kept";
        } else {
          if (x.remove_system(component, connectedness) == 0)
            throw HttpError{409, "the profile has no " + component + " (" + std::string(to_string(connectedness)) +
                                     "); it may have been taken out meanwhile"};
          outcome = "removed";
        }
        profile = std::move(x.systems);
      },
      stamp_of(req));
  redirect(res, office_path(id) + "/systems?saved=" + outcome);
}

}  // namespace

void add_county_routes(App& app, const Router& route) {
  route("GET", "/", bind(app, home));
  route("POST", "/offices", bind(app, add_office));
  route("GET", "/office/([^/]+)", bind(app, overview));
  route("GET", "/office/([^/]+)/questionnaire", bind(app, questionnaire));
  route("POST", "/office/([^/]+)/questionnaire", bind(app, save_answers));
  route("GET", "/office/([^/]+)/plan", bind(app, plan_page));
  route("GET", "/office/([^/]+)/practice/([^/]+)", bind(app, practice_page));
  route("GET", "/office/([^/]+)/systems", bind(app, systems_page));
  route("POST", "/office/([^/]+)/systems", bind(app, change_systems));
  route("POST", "/office/([^/]+)/status", bind(app, set_status));
  route("GET", "/office/([^/]+)/peers", bind(app, peers_page));
  route("GET", "/office/([^/]+)/peers\\.csv", bind(app, peers_csv));
  route("GET", "/office/([^/]+)/downloads", bind(app, downloads_page));
  route("GET", "/office/([^/]+)/download/([^/]+)", bind(app, download));
}

}  // namespace serve
