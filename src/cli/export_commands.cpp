// export (OSCAL, JSON, CSV) and report (Markdown, HTML).
#include "cli_internal.hpp"

#include <algorithm>
#include <map>

namespace electsec::cli {

void run_export(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  // Three different documents: say which, rather than print one of them unasked.
  if (!a.option("format"))
    throw UsageError{
        "export needs --format oscal-catalog, oscal-profile, oscal-assessment-results, oscal-poam, ciso-assistant or "
        "ciso-assistant-mapping"};
  // Each format takes the options that shape it, and no other: an option given and not
  // used would let a user believe it was.
  const std::map<Format, std::vector<std::string>> takes{
      {Format::oscal_catalog, {"timestamp"}},
      {Format::oscal_profile, {"timestamp", "maturity"}},
      {Format::oscal_assessment_results, {"timestamp", "assessment"}},
      {Format::oscal_poam, {"timestamp", "assessment"}},
      {Format::ciso_assistant, {}},
      {Format::ciso_assistant_mapping, {"cis-packager"}}};
  for (const char* option : {"timestamp", "maturity", "assessment", "cis-packager"}) {
    const auto& allowed = takes.at(f);
    if (a.option(option) && std::find(allowed.begin(), allowed.end(), option) == allowed.end())
      throw UsageError{std::string("--format ") + format_name(f) + " takes no --" + option};
  }
  OscalOptions options;
  if (const auto ts = a.option("timestamp")) {
    if (!is_iso_timestamp(*ts) || ts->size() == 10)
      throw UsageError{"--timestamp must be a UTC date-time such as 2026-01-01T00:00:00Z, not '" + *ts + "'"};
    options.timestamp = *ts;
  }
  std::string text;
  if (f == Format::ciso_assistant) {
    text = to_ciso_assistant_library(c);
  } else if (f == Format::ciso_assistant_mapping) {
    CisoAssistantOptions ciso_options;
    if (const auto packager = a.option("cis-packager")) ciso_options.cis_packager = *packager;
    text = to_ciso_assistant_mapping(c, ciso_options);
  } else if (f == Format::oscal_catalog) {
    text = to_oscal_catalog(c, options);
  } else if (f == Format::oscal_profile) {
    if (!a.option("maturity")) throw UsageError{"--format oscal-profile needs --maturity N"};
    text = to_oscal_profile(c, parse_enum_option(a, "maturity", parse_maturity), options);
  } else {
    const bool poam = f == Format::oscal_poam;
    if (!a.option("assessment"))
      throw UsageError{std::string("--format ") + (poam ? "oscal-poam" : "oscal-assessment-results") +
                       " needs --assessment FILE"};
    const Assessment office = load_assessment(*a.option("assessment"), c);
    text = poam ? to_oscal_poam(c, office, options) : to_oscal_assessment_results(c, office, options);
  }
  write_result(a, io, text);
}

namespace {

// The same day a year earlier (February 29th becomes the 28th).
std::string a_year_before(const std::string& day) {
  std::string out = std::to_string(std::stoi(day.substr(0, 4)) - 1) + day.substr(4);
  if (out.substr(5) == "02-29") out.replace(8, 2, "28");
  return out;
}

// --title, --report-date (default today), --next-steps and --max-offices, each only where it shows.
ReportOptions report_options(const Args& a, bool office) {
  ReportOptions o;
  o.title = a.option("title").value_or("");
  o.report_date = a.option("report-date").value_or(today_utc());
  if (o.report_date.size() != 10 || !is_iso_timestamp(o.report_date))
    throw UsageError{"--report-date: '" + o.report_date + "' is not a date (YYYY-MM-DD)"};
  if (a.option("next-steps")) {
    if (!office)
      throw UsageError{"report --next-steps is for one office's report (--assessment, or --store with --office)"};
    o.next_steps = static_cast<std::size_t>(parse_int_option(a, "next-steps", 1, 1000));
  }
  if (a.option("max-offices")) {
    if (office)
      throw UsageError{"report --max-offices is for a state's report (--rollup, or --store without --office)"};
    o.max_offices = static_cast<std::size_t>(parse_int_option(a, "max-offices", 1, 100000));
  }
  if (a.option("stalled-days"))
    o.stalled_days = static_cast<std::size_t>(parse_int_option(a, "stalled-days", 1, 36500));
  return o;
}

std::string store_report(const Catalog& c, const Args& a, Format f) {
  if (a.option("assessment") || a.option("rollup") || a.positional.size() > 1)
    throw UsageError{"report takes one of --assessment, --rollup and --store"};
  const Store store = Store::open(*a.option("store"), c);
  const std::string as_of = a.option("as-of").value_or("");
  if (!as_of.empty() && (as_of.size() != 10 || !is_iso_timestamp(as_of)))
    throw UsageError{"--as-of: '" + as_of + "' is not a date (YYYY-MM-DD)"};
  const std::string since = a.option("since").value_or(a_year_before(as_of.empty() ? today_utc() : as_of));
  const bool html = f == Format::html;
  if (const auto office = a.option("office")) {
    for (const char* o : {"state", "kind", "maturity", "stalled-days"})
      if (a.option(o)) throw UsageError{std::string("report --office takes no --") + o};
    const ReportOptions o = report_options(a, true);
    const Assessment x = store.assessment(*office, as_of);
    const Progress p = store.progress(*office, since, as_of);
    return html ? office_report_html(c, x, p, o) : office_report_markdown(c, x, p, o);
  }
  OfficeFilter filter;
  filter.state = a.option("state").value_or("");
  if (a.option("kind")) filter.kind = parse_enum_option(a, "kind", parse_jurisdiction_kind);
  if (a.option("maturity")) filter.maturity = static_cast<Maturity>(parse_int_option(a, "maturity", 1, 3));
  const ReportOptions o = report_options(a, false);
  const Rollup r = store.rollup(as_of, filter);
  refuse_empty(store, filter, r.jurisdictions == 0);
  const Progress p = store.progress(filter, since, as_of);
  return html ? rollup_report_html(c, r, p, o) : rollup_report_markdown(c, r, p, o);
}

}  // namespace

void run_report(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  for (const char* o : {"office", "as-of", "since", "stalled-days", "state", "kind", "maturity"})
    if (a.option(o) && !a.option("store")) throw UsageError{std::string("report --") + o + " needs --store STORE"};
  std::string text;
  if (a.option("store")) {
    text = store_report(c, a, f);
  } else if (const auto file = a.option("assessment")) {
    if (a.option("rollup") || a.positional.size() > 1)
      throw UsageError{"report takes --assessment FILE or --rollup FILE|DIR..., not both"};
    const ReportOptions o = report_options(a, true);
    const Assessment x = load_assessment(*file, c);
    text = f == Format::html ? office_report_html(c, x, o) : office_report_markdown(c, x, o);
  } else if (const auto first = a.option("rollup")) {
    std::vector<std::string> paths{*first};
    paths.insert(paths.end(), a.positional.begin() + 1, a.positional.end());
    const ReportOptions o = report_options(a, false);
    const Rollup r = rollup_files(c, paths);
    text = f == Format::html ? rollup_report_html(c, r, o) : rollup_report_markdown(c, r, o);
  } else {
    throw UsageError{"report needs --assessment FILE, --rollup FILE|DIR... or --store STORE"};
  }
  write_result(a, io, text);
}

}  // namespace electsec::cli
