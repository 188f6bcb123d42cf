// The module functions: engines, reading and writing assessments, catalogs, run_cli, constants.
#include "bindings.hpp"

namespace electsec::python {

void init_functions(py::module_& m) {
  // ---- engines: functions ----
  m.def(
      "determine_maturity",
      [](const Catalog& c, const std::map<std::string, bool>& answers) {
        return determine_maturity(c, MaturityAnswers(answers.begin(), answers.end()));
      },
      py::arg("catalog"), py::arg("answers"), "Apply the guide's maturity rule to {statement id: bool}.");
  m.def(
      "build_plan",
      [](const Catalog& c, Maturity maturity, const std::optional<Assessment>& a, bool systems_first) {
        if (systems_first && !a) throw Error("systems_first needs an assessment (its system profile)");
        PlanOptions options;
        options.systems_first = systems_first;
        return a ? build_plan(c, maturity, *a, options) : build_plan(c, maturity);
      },
      py::arg("catalog"), py::arg("maturity"), py::arg("assessment") = py::none(), py::kw_only(),
      py::arg("systems_first") = false,
      "The prioritized plan for an office at maturity; an assessment drops what is done. systems_first=True is "
      "electsec's weighting (off by default): steps that address the assessment's systems come first, each group "
      "in the guide's order, and each moved step's reason says so.");
  m.def("step_title", &step_title, py::arg("catalog"), py::arg("step"),
        "What a plan step is called when shown: the worksheet's name and 'worksheet', or the practice's title.");
  m.def(
      "score", [](const Catalog& c, const Assessment& a) { return score(c, a); }, py::arg("catalog"),
      py::arg("assessment"), "Score one office: its Scorecard.");
  m.def(
      "score", [](const Catalog& c, const CompactAssessment& a) { return score(c, a); }, py::arg("catalog"),
      py::arg("assessment"), "Score one office in compact form: the Scorecard of the Assessment it was made from.");
  m.def(
      "compact", [](const Catalog& c, const Assessment& a) { return compact(c, a); }, py::arg("catalog"),
      py::arg("assessment"),
      "The CompactAssessment of an office: its statuses as one byte per action of the catalog. Raises NotFound "
      "as score does.");
  m.attr("scorecard") = m.attr("score");  // the older name, kept for scripts that use it
  // Reports, with the progress from a history store when one is given (Store.progress).
  // Options as keywords: title, report_date (YYYY-MM-DD), next_steps, max_offices, stalled_days.
  const auto options = [](std::optional<std::string> title, std::optional<std::string> date, std::size_t next_steps,
                          std::size_t offices, std::size_t stalled_days) {
    ReportOptions o;
    o.title = title.value_or("");
    o.report_date = date.value_or("");
    o.next_steps = next_steps;
    o.max_offices = offices;
    o.stalled_days = stalled_days;
    return o;
  };
  for (const bool html : {false, true}) {
    m.def(
        html ? "office_report_html" : "office_report_markdown",
        [html, options](const Catalog& c, Assessment a, std::optional<Progress> p, std::optional<std::string> title,
                        std::optional<std::string> date, std::size_t next_steps) {
          const ReportOptions o = options(title, date, next_steps, 10, 90);
          py::gil_scoped_release release;
          if (p) return html ? office_report_html(c, a, *p, o) : office_report_markdown(c, a, *p, o);
          return html ? office_report_html(c, a, o) : office_report_markdown(c, a, o);
        },
        py::arg("catalog"), py::arg("assessment"), py::arg("progress") = py::none(), py::kw_only(),
        py::arg("title") = py::none(), py::arg("report_date") = py::none(), py::arg("next_steps") = 5,
        html ? "One office's report as one self-contained HTML page."
             : "One office's report (level, scorecard, next steps, gaps; progress when given) as Markdown.");
    m.def(
        html ? "rollup_report_html" : "rollup_report_markdown",
        [html, options](const Catalog& c, Rollup r, std::optional<Progress> p, std::size_t stalled_days,
                        std::optional<std::string> title, std::optional<std::string> date, std::size_t offices) {
          const ReportOptions o = options(title, date, 5, offices, stalled_days);
          py::gil_scoped_release release;
          if (p) return html ? rollup_report_html(c, r, *p, o) : rollup_report_markdown(c, r, *p, o);
          return html ? rollup_report_html(c, r, o) : rollup_report_markdown(c, r, o);
        },
        py::arg("catalog"), py::arg("rollup"), py::arg("progress") = py::none(), py::arg("stalled_days") = 90,
        py::kw_only(), py::arg("title") = py::none(), py::arg("report_date") = py::none(), py::arg("max_offices") = 10,
        html ? "A state's report over many offices as one self-contained HTML page."
             : "A state's report over many offices (progress when given) as Markdown.");
  }
  // Each office is added where it lies, by reference, not copied into a std::vector first
  // (for 10,000 assessments the copies took twice as long as the rollup). The GIL is held
  // while offices are added, so no other thread changes one meanwhile; it is released for
  // the sort and the sums at the end.
  m.def(
      "rollup",
      [](const Catalog& c, const py::iterable& assessments) {
        RollupBuilder builder(c);
        std::size_t position = 0;
        for (const py::handle item : assessments) {
          if (py::isinstance<CompactAssessment>(item))
            builder.add(item.cast<const CompactAssessment&>());
          else if (py::isinstance<Assessment>(item))
            builder.add(item.cast<const Assessment&>());
          else
            throw py::type_error("rollup: assessments[" + std::to_string(position) + "] is " +
                                 Py_TYPE(item.ptr())->tp_name + ", not an Assessment or a CompactAssessment");
          ++position;
        }
        py::gil_scoped_release release;
        return builder.finish();
      },
      py::arg("catalog"), py::arg("assessments"),
      "Roll up offices held in memory: Assessment or CompactAssessment objects, from any iterable.");
  m.def(
      "rollup_files",
      [](const Catalog& c, const std::vector<FsPath>& paths, unsigned threads, bool recursive, bool skip_invalid) {
        std::vector<std::string> files(paths.begin(), paths.end());
        RollupOptions options;
        options.threads = threads;
        options.recursive = recursive;
        options.skip_invalid = skip_invalid;
        FileRollup read;
        {
          py::gil_scoped_release release;
          read = rollup_files(c, files, options);
        }
        if (!skip_invalid) return py::object(py::cast(read.rollup));
        py::list skipped;
        for (const auto& f : read.skipped) skipped.append(py::make_tuple(f.path, f.reason));
        return py::object(py::make_tuple(read.rollup, skipped));
      },
      py::arg("catalog"), py::arg("paths"), py::arg("threads") = 0, py::kw_only(), py::arg("recursive") = false,
      py::arg("skip_invalid") = false,
      "Roll up assessment files (directories stand for their *.json files), read in parallel. Two files for one "
      "office, or no file at all, raise Error; a bad file raises, naming every bad file. With skip_invalid=True "
      "returns (rollup, [(path, reason), ...]) instead.");
  m.def(
      "load_assessment", [](const FsPath& path, const Catalog& c) { return load_assessment(path, c); }, py::arg("path"),
      py::arg("catalog"), py::call_guard<py::gil_scoped_release>());
  m.def(
      "update_assessment",
      [](const FsPath& path, const py::function& change, const std::optional<Catalog>& catalog) {
        const Catalog c = catalog ? *catalog : default_catalog();
        // The lock is waited for without the GIL, so that the thread holding it can finish.
        py::gil_scoped_release release;
        return update_assessment(path, c, [&](Assessment& a) {
          py::gil_scoped_acquire acquire;
          py::object copy = py::cast(a);
          change(copy);
          a = copy.cast<Assessment>();
        });
      },
      py::arg("path"), py::arg("change"), py::arg("catalog") = py::none(),
      "Read-modify-write under the file's writer lock: change(assessment) edits it in place; it is validated "
      "and saved atomically. Concurrent writers (threads or processes) lose nothing. Returns what was saved.");
  m.def(
      "create_assessment",
      [](Assessment a, const FsPath& path, const std::optional<Catalog>& catalog) {
        const Catalog c = catalog ? *catalog : default_catalog();
        py::gil_scoped_release release;
        create_assessment(a, path, c);
      },
      py::arg("assessment"), py::arg("path"), py::arg("catalog") = py::none(),
      "Validate and create a new file; raises IoError (an OSError too) when it exists already.");
  m.def(
      "parse_assessment",
      [](const std::string& text, const Catalog& c, const std::string& source) {
        return parse_assessment(text, c, source);
      },
      py::arg("text"), py::arg("catalog"), py::arg("source") = "<string>", py::call_guard<py::gil_scoped_release>());
  m.def(
      "save_assessment",
      [](Assessment a, const FsPath& path, const std::optional<Catalog>& catalog) {
        const Catalog c = catalog ? *catalog : default_catalog();
        py::gil_scoped_release release;
        save_assessment(a, path, c);
      },
      py::arg("assessment"), py::arg("path"), py::arg("catalog") = py::none(),
      "Validate (as load_assessment would), then write atomically under the file's writer lock.");
  m.def(
      "load_answers",
      [](const FsPath& path, const Catalog& c) {
        const auto a = load_answers(path, c);
        return std::map<std::string, bool>(a.begin(), a.end());
      },
      py::arg("path"), py::arg("catalog"));
  m.def(
      "parse_answers",
      [](const std::string& text, const Catalog& c, const std::string& source) {
        const auto a = parse_answers(text, c, source);
        return std::map<std::string, bool>(a.begin(), a.end());
      },
      py::arg("text"), py::arg("catalog"), py::arg("source") = "<string>");
  m.attr("STATUSES") = py::make_tuple("not_started", "in_progress", "done", "not_applicable");
  m.attr("JURISDICTION_KINDS") = py::make_tuple("state", "county", "municipality", "territory");
  m.attr("ASSESSMENT_SCHEMA") = std::string(assessment_schema);

  // ---- functions ----
  m.def(
      "default_catalog", [] { return default_catalog(); }, py::call_guard<py::gil_scoped_release>(),
      "The catalog embedded at build time (EGES 1.4.1 and CIS Controls v8).");
  m.def(
      "load_catalog", [](const FsPath& path) { return load_catalog(path); }, py::arg("path"),
      py::call_guard<py::gil_scoped_release>(), "Read a catalog JSON file; raises ParseError or ValidationError.");
  m.def(
      "parse_catalog", [](const std::string& text, const std::string& source) { return parse_catalog(text, source); },
      py::arg("text"), py::arg("source") = "<string>", py::call_guard<py::gil_scoped_release>(),
      "Parse catalog JSON text; raises ParseError or ValidationError.");
  m.def(
      "to_json", [](const Catalog& c, int indent) { return to_json(c, indent); }, py::arg("catalog"),
      py::arg("indent") = 2, py::call_guard<py::gil_scoped_release>(), "The catalog as catalog JSON text.");
  m.def("level_name", &level_name, py::arg("maturity"), "'Level 1', 'Level 2' or 'Level 3'.");
  m.def(
      "run_cli",
      [](const std::vector<std::string>& args) {
        std::ostringstream out, err;
        int code = 0;
        {
          py::gil_scoped_release release;
          code = run_cli(args, out, err);
        }
        return py::make_tuple(code, out.str(), err.str());
      },
      py::arg("args"), "Run an electsec command; returns (exit code, stdout, stderr).");
  m.def(
      "main",
      [](const std::vector<std::string>& args) {
        // The process's own streams, as the binary uses them: the questionnaire needs a
        // live terminal. Python's buffers are flushed first so output stays in order.
        auto sys = py::module_::import("sys");
        sys.attr("stdout").attr("flush")();
        sys.attr("stderr").attr("flush")();
        py::gil_scoped_release release;
        const int code = run_cli(args, std::cout, std::cerr);
        std::cout.flush();
        return code;
      },
      py::arg("args"), "The electsec command line (what `python -m electsec` runs); returns the exit code.");

  m.attr("MATURITIES") = py::make_tuple(1, 2, 3);
  m.attr("IMPLEMENTATION_GROUPS") = py::make_tuple(1, 2, 3);
  m.attr("SCOPES") = py::make_tuple("priority", "in_scope", "out_of_scope");
  m.attr("PARAGRAPH_KINDS") = py::make_tuple("instruction", "context");
  py::list assets, functions;
  for (auto a : all_asset_types) assets.append(std::string(to_string(a)));
  for (auto f : all_security_functions) functions.append(std::string(to_string(f)));
  m.attr("ASSET_TYPES") = py::tuple(assets);
  m.attr("SECURITY_FUNCTIONS") = py::tuple(functions);
  m.attr("CATALOG_SCHEMA") = std::string(catalog_schema);
  m.attr("__version__") = version_string;
}

}  // namespace electsec::python
