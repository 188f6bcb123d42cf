// export (OSCAL, JSON, CSV) and report (Markdown, HTML).
#include "cli_internal.hpp"

namespace electsec::cli {

void run_export(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  // Three different documents: say which, rather than print one of them unasked.
  if (!a.option("format"))
    throw UsageError{"export needs --format oscal-catalog, oscal-profile or oscal-assessment-results"};
  OscalOptions options;
  if (const auto ts = a.option("timestamp")) {
    if (!is_iso_timestamp(*ts) || ts->size() == 10)
      throw UsageError{"--timestamp must be a UTC date-time such as 2026-01-01T00:00:00Z, not '" + *ts + "'"};
    options.timestamp = *ts;
  }
  std::string text;
  if (f == Format::oscal_catalog) {
    text = to_oscal_catalog(c, options);
  } else if (f == Format::oscal_profile) {
    if (!a.option("maturity")) throw UsageError{"--format oscal-profile needs --maturity N"};
    text = to_oscal_profile(c, parse_enum_option(a, "maturity", parse_maturity), options);
  } else {
    if (!a.option("assessment")) throw UsageError{"--format oscal-assessment-results needs --assessment FILE"};
    text = to_oscal_assessment_results(c, load_assessment(*a.option("assessment"), c), options);
  }
  write_result(a, io, text);
}

void run_report(const Command&, const Catalog& c, const Args& a, Format f, Io& io) {
  std::string text;
  if (const auto file = a.option("assessment")) {
    if (a.option("rollup") || a.positional.size() > 1)
      throw UsageError{"report takes --assessment FILE or --rollup FILE|DIR..., not both"};
    const Assessment x = load_assessment(*file, c);
    text = f == Format::html ? office_report_html(c, x) : office_report_markdown(c, x);
  } else if (const auto first = a.option("rollup")) {
    std::vector<std::string> paths{*first};
    paths.insert(paths.end(), a.positional.begin() + 1, a.positional.end());
    const Rollup r = rollup_files(c, paths);
    text = f == Format::html ? rollup_report_html(c, r) : rollup_report_markdown(c, r);
  } else {
    throw UsageError{"report needs --assessment FILE or --rollup FILE|DIR..."};
  }
  write_result(a, io, text);
}

}  // namespace electsec::cli
