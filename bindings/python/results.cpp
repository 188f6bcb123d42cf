// The engines' results: maturity, plan, jurisdiction, assessment, scorecard, rollup.
#include "bindings.hpp"

namespace electsec::python {

void init_results(py::module_& m) {
  auto level_tally = registered<LevelTally>(m, "LevelTally");
  auto maturity_result = registered<MaturityResult>(m, "MaturityResult");
  auto plan_step = registered<PlanStep>(m, "PlanStep");
  auto plan = registered<Plan>(m, "Plan");
  auto jurisdiction = registered<Jurisdiction>(m, "Jurisdiction");
  auto action_status = registered<ActionStatus>(m, "ActionStatus");
  auto assessment = registered<Assessment>(m, "Assessment");
  auto compact_assessment = registered<CompactAssessment>(m, "CompactAssessment");
  auto practice_score = registered<PracticeScore>(m, "PracticeScore");
  auto safeguard_score = registered<SafeguardScore>(m, "SafeguardScore");
  auto scorecard = registered<Scorecard>(m, "Scorecard");
  auto practice_rollup = registered<PracticeRollup>(m, "PracticeRollup");
  auto office_summary = registered<OfficeSummary>(m, "OfficeSummary");
  auto rollup_class = registered<Rollup>(m, "Rollup");

  // ---- engines: results ----
  members(level_tally)
      .readonly("level", &LevelTally::level)
      .readonly("yes", &LevelTally::yes)
      .readonly("answered", &LevelTally::answered)
      .readonly("total", &LevelTally::total)
      .readonly("majority", &LevelTally::majority)
      .method("__repr__", [](const LevelTally& t) {
        return "LevelTally(level=" + std::to_string(static_cast<int>(t.level)) + ", yes=" + std::to_string(t.yes) +
               ", answered=" + std::to_string(t.answered) + ", total=" + std::to_string(t.total) + ")";
      });
  members(maturity_result)
      .readonly("level", &MaturityResult::level)
      .readonly("conflict", &MaturityResult::conflict)
      .readonly("unsure", &MaturityResult::unsure)
      .readonly("tallies",
                [](const MaturityResult& r) { return std::vector<LevelTally>(r.tallies.begin(), r.tallies.end()); })
      .readonly("applied", &MaturityResult::applied)
      .readonly("rationale", &MaturityResult::rationale)
      .method("to_dict", [](const MaturityResult& r) { return json_loads(to_json(r, -1)); })
      .method("__repr__", [](const MaturityResult& r) {
        return "MaturityResult(level=" + std::to_string(static_cast<int>(r.level)) +
               ", conflict=" + (r.conflict ? "True" : "False") + ", unsure=" + (r.unsure ? "True" : "False") + ")";
      });
  members(plan_step)
      .readonly("rank", &PlanStep::rank)
      .readonly("kind", &PlanStep::kind)
      .readonly("id", &PlanStep::id)
      .readonly("practice",
                [](const PlanStep& s) -> std::optional<std::string> {
                  if (s.practice.empty()) return std::nullopt;
                  return s.practice;
                })
      .readonly("actions", &PlanStep::actions)
      .readonly("reason", &PlanStep::reason)
      .method("to_dict", [](const PlanStep& s) { return json_loads(to_json(s, -1)); })
      .binary("__eq__", [](const PlanStep& a, const PlanStep& b) { return a == b; })
      .method("__repr__", [](const PlanStep& s) {
        return "PlanStep(" + std::to_string(s.rank) + ", " + quote(std::string(to_string(s.kind))) + ", " +
               quote(s.id) + ")";
      });
  members(plan_step).from_dict([](py::handle d) { return decode_python<PlanStep>(d, "PlanStep"); },
                               "Build from the shape to_dict gives; raises ParseError.");
  members(plan)
      .readonly("maturity", &Plan::maturity)
      .readonly("steps", &Plan::steps)
      .method("to_dict", [](const Plan& p) { return json_loads(to_json(p, -1)); })
      .binary("__eq__", [](const Plan& a, const Plan& b) { return a == b; })
      .method("__len__", [](const Plan& p) { return p.steps.size(); })
      .method("__iter__", [](const Plan& p) { return py::iter(py::cast(p.steps)); })
      .method("__repr__", [](const Plan& p) {
        return "Plan(maturity=" + std::to_string(static_cast<int>(p.maturity)) + ", " + std::to_string(p.steps.size()) +
               " steps)";
      });
  members(plan).from_dict([](py::handle d) { return parse_plan(python_json_text(d, "Plan"), "Plan"); },
                          "Build from the shape to_dict gives; raises ParseError.");
  plan.def("__getitem__", [](const Plan& p, long i) {
    const long n = static_cast<long>(p.steps.size());
    if (i < -n || i >= n) throw py::index_error("plan step index out of range");
    return p.steps[static_cast<std::size_t>(i < 0 ? i + n : i)];
  });

  members(jurisdiction)
      .binary("__eq__", [](const Jurisdiction& a, const Jurisdiction& b) { return a == b; })
      .method("to_dict", [](const Jurisdiction& j) { return json_loads(to_json(j, -1)); })
      .method("__repr__",
              [](const Jurisdiction& j) { return "Jurisdiction(" + quote(j.id) + ", " + quote(j.name) + ")"; })
      .from_dict([](py::handle d) { return checked(decode_python<Jurisdiction>(d, "Jurisdiction")); }, nullptr);
  jurisdiction
      .def(py::init([](std::string id, std::string name, std::string state, JurisdictionKind kind) {
             return checked(Jurisdiction{std::move(id), std::move(name), std::move(state), kind});
           }),
           py::arg("id"), py::arg("name"), py::arg("state"), py::arg("kind") = JurisdictionKind::county,
           "Every text field must be non-empty (ValueError otherwise).")
      .def_property(
          "id", [](const Jurisdiction& j) { return j.id; },
          [](Jurisdiction& j, std::string v) { j.id = non_empty("id", std::move(v)); })
      .def_property(
          "name", [](const Jurisdiction& j) { return j.name; },
          [](Jurisdiction& j, std::string v) { j.name = non_empty("name", std::move(v)); })
      .def_property(
          "state", [](const Jurisdiction& j) { return j.state; },
          [](Jurisdiction& j, std::string v) { j.state = non_empty("state", std::move(v)); })
      .def_readwrite("kind", &Jurisdiction::kind)
      .def(py::pickle([](const Jurisdiction& j) { return py::make_tuple(j.id, j.name, j.state, j.kind); },
                      [](const py::tuple& t) {
                        return Jurisdiction{t[0].cast<std::string>(), t[1].cast<std::string>(),
                                            t[2].cast<std::string>(), t[3].cast<JurisdictionKind>()};
                      }));
  members(action_status)
      .readonly("status", &ActionStatus::status)
      .readonly("note", &ActionStatus::note)
      .readonly("updated", &ActionStatus::updated)
      .binary("__eq__", [](const ActionStatus& a, const ActionStatus& b) { return a == b; })
      .method("to_dict", [](const ActionStatus& a) { return json_loads(to_json(a, -1)); })
      .method("__repr__",
              [](const ActionStatus& a) { return "ActionStatus(" + quote(std::string(to_string(a.status))) + ")"; });
  members(action_status)
      .from_dict([](py::handle d) { return decode_python<ActionStatus>(d, "ActionStatus"); }, nullptr);

  members(assessment)
      .readonly(
          "statuses",
          [](const Assessment& a) { return std::map<std::string, ActionStatus>(a.statuses.begin(), a.statuses.end()); },
          "action id -> ActionStatus (a copy; change it with set()).")
      .readonly(
          "retired",
          [](const Assessment& a) { return std::map<std::string, ActionStatus>(a.retired.begin(), a.retired.end()); },
          "Statuses of actions an earlier release had (kept by migrate).")
      .readonly("retired_answers",
                [](const Assessment& a) {
                  return std::map<std::string, bool>(a.retired_answers.begin(), a.retired_answers.end());
                })
      .method("to_json", [](const Assessment& a) { return to_json(a); })
      .method("to_dict", [](const Assessment& a) { return py::module_::import("json").attr("loads")(to_json(a)); })
      .binary("__eq__", [](const Assessment& a, const Assessment& b) { return a == b; })
      .method("__repr__", [](const Assessment& a) {
        return "Assessment(" + quote(a.jurisdiction.id) + ", maturity=" + std::to_string(static_cast<int>(a.maturity)) +
               ", " + std::to_string(a.statuses.size()) + " statuses)";
      });
  assessment
      .def(py::init([](const Jurisdiction& j, Maturity maturity, std::optional<std::string> version) {
             Assessment a;
             a.jurisdiction = checked(j);
             a.maturity = maturity;
             a.catalog_version = non_empty("catalog_version", version.value_or(default_catalog().guide().version));
             return a;
           }),
           py::arg("jurisdiction"), py::arg("maturity"), py::arg("catalog_version") = py::none(),
           "A new, empty assessment; catalog_version defaults to the embedded guide's.")
      .def_readwrite("jurisdiction", &Assessment::jurisdiction)
      .def_property(
          "catalog_version", [](const Assessment& a) { return a.catalog_version; },
          [](Assessment& a, std::string v) { a.catalog_version = non_empty("catalog_version", std::move(v)); })
      .def_readwrite("maturity", &Assessment::maturity)
      .def_property(
          "answers",
          [](const Assessment& a) { return std::map<std::string, bool>(a.answers.begin(), a.answers.end()); },
          [](Assessment& a, const std::map<std::string, bool>& answers) {
            const Catalog& c = default_catalog();
            for (const auto& entry : answers) c.maturity_statement(entry.first);  // NotFound for unknown ids
            a.answers = MaturityAnswers(answers.begin(), answers.end());
          },
          "statement id -> bool; ids are checked against the embedded catalog.")
      .def(
          "status_of",
          [](const Assessment& a, std::string_view action, const std::optional<Catalog>& catalog) {
            return a.status_of(catalog ? *catalog : default_catalog(), action);
          },
          py::arg("action_id"), py::arg("catalog") = py::none(),
          "The action's status ('not_started' when none is recorded); raises NotFound for an unknown action.")
      .def(
          "set",
          [](Assessment& a, std::string_view action, Status status, std::optional<std::string> note,
             std::string updated, const std::optional<Catalog>& catalog) {
            a.set(catalog ? *catalog : default_catalog(), action, status, std::move(note), std::move(updated));
          },
          py::arg("action_id"), py::arg("status"), py::arg("note") = py::none(), py::arg("updated") = "",
          py::arg("catalog") = py::none(),
          "Record a status. note=None keeps the action's note ('' clears it); updated defaults to today (UTC) and "
          "must be an ISO 8601 date or UTC date-time. Raises NotFound for an unknown action.")
      .def(
          "set_level",
          [](Assessment& a, Maturity level, const std::optional<Catalog>& catalog) {
            return a.set_level(catalog ? *catalog : default_catalog(), level);
          },
          py::arg("level"), py::arg("catalog") = py::none(),
          "Move to another maturity level keeping every status; returns the recorded actions that no longer apply.")
      .def(
          "score",
          [](const Assessment& a, const std::optional<Catalog>& catalog) {
            return score(catalog ? *catalog : default_catalog(), a);
          },
          py::arg("catalog") = py::none())
      .def(
          "compact",
          [](const Assessment& a, const std::optional<Catalog>& catalog) {
            return compact(catalog ? *catalog : default_catalog(), a);
          },
          py::arg("catalog") = py::none(),
          "The CompactAssessment of this office against the catalog's actions; raises NotFound as score does.")
      // The assessment is taken by value: copied while the GIL is held, so another thread
      // changing the Python object cannot change what is being written.
      .def(
          "save",
          [](Assessment a, const FsPath& path, const std::optional<Catalog>& catalog) {
            const Catalog c = catalog ? *catalog : default_catalog();
            py::gil_scoped_release release;
            save_assessment(a, path, c);
          },
          py::arg("path"), py::arg("catalog") = py::none(),
          "Validate (as load would), then write atomically under the file's writer lock.")
      .def_static(
          "load",
          [](const FsPath& path, const std::optional<Catalog>& catalog) {
            const Catalog c = catalog ? *catalog : default_catalog();
            py::gil_scoped_release release;
            return load_assessment(path, c);
          },
          py::arg("path"), py::arg("catalog") = py::none(), "Read and validate an assessment file.")
      .def_static(
          "from_dict",
          [](const py::object& d, const std::optional<Catalog>& catalog) {
            const std::string text = python_json_text(d, "Assessment.from_dict");
            return parse_assessment(text, catalog ? *catalog : default_catalog(), "Assessment.from_dict");
          },
          py::arg("data"), py::arg("catalog") = py::none(),
          "Build from the assessment JSON shape, validated as load validates.")
      .def(py::pickle(
          [](const Assessment& a) {
            py::dict statuses;
            for (const auto& [id, st] : a.statuses)
              statuses[py::str(id)] = py::make_tuple(st.status, st.note, st.updated);
            py::dict retired;
            for (const auto& [id, st] : a.retired)
              retired[py::str(id)] = py::make_tuple(st.status, st.note, st.updated);
            return py::make_tuple(a.jurisdiction, a.catalog_version, a.maturity,
                                  std::map<std::string, bool>(a.answers.begin(), a.answers.end()), statuses, retired,
                                  std::map<std::string, bool>(a.retired_answers.begin(), a.retired_answers.end()),
                                  a.systems);
          },
          [](const py::tuple& t) {
            Assessment a;
            a.jurisdiction = t[0].cast<Jurisdiction>();
            a.catalog_version = t[1].cast<std::string>();
            a.maturity = t[2].cast<Maturity>();
            for (const auto& [id, yes] : t[3].cast<std::map<std::string, bool>>()) a.answers[id] = yes;
            for (std::size_t section = 4; section <= 5; ++section)
              for (const auto& item : t[section].cast<py::dict>()) {
                const auto st = item.second.cast<py::tuple>();
                (section == 4 ? a.statuses : a.retired)[item.first.cast<std::string>()] =
                    ActionStatus{st[0].cast<Status>(), st[1].cast<std::string>(), st[2].cast<std::string>()};
              }
            for (const auto& [id, yes] : t[6].cast<std::map<std::string, bool>>()) a.retired_answers[id] = yes;
            if (t.size() > 7) a.systems = t[7].cast<std::vector<SystemUse>>();  // pickles from before profiles lack it
            return a;
          }));

  members(compact_assessment)
      .readonly(
          "statuses",
          [](const CompactAssessment& a) {
            return py::bytes(reinterpret_cast<const char*>(a.statuses.data()), a.statuses.size());
          },
          "One byte per action in Catalog.actions() order: 0 not_started (or nothing recorded), 1 in_progress, "
          "2 done, 3 not_applicable.")
      .binary("__eq__", [](const CompactAssessment& a, const CompactAssessment& b) { return a == b; })
      .method("__repr__", [](const CompactAssessment& a) {
        return "CompactAssessment(" + quote(a.jurisdiction.id) +
               ", maturity=" + std::to_string(static_cast<int>(a.maturity)) + ", " + std::to_string(a.statuses.size()) +
               " actions)";
      });
  compact_assessment
      .def(py::init([](const Jurisdiction& j, Maturity maturity, const py::buffer& statuses) {
             return CompactAssessment{checked(j), maturity, status_bytes(statuses)};
           }),
           py::arg("jurisdiction"), py::arg("maturity"), py::arg("statuses"),
           "From bytes (or any buffer of single bytes, such as a numpy uint8 array): one per action of the catalog "
           "in Catalog.actions() order, each a status's number (0 not_started, 1 in_progress, 2 done, "
           "3 not_applicable). score and rollup check them against the catalog.")
      .def_readwrite("jurisdiction", &CompactAssessment::jurisdiction)
      .def_readwrite("maturity", &CompactAssessment::maturity)
      .def(
          "score",
          [](const CompactAssessment& a, const std::optional<Catalog>& catalog) {
            return score(catalog ? *catalog : default_catalog(), a);
          },
          py::arg("catalog") = py::none())
      .def(py::pickle(
          [](const CompactAssessment& a) {
            return py::make_tuple(a.jurisdiction, a.maturity,
                                  py::bytes(reinterpret_cast<const char*>(a.statuses.data()), a.statuses.size()));
          },
          [](const py::tuple& t) {
            return CompactAssessment{checked(t[0].cast<Jurisdiction>()), t[1].cast<Maturity>(), status_bytes(t[2])};
          }));

  members(practice_score)
      .readonly("practice", &PracticeScore::practice)
      .readonly("scope", &PracticeScore::scope)
      .readonly("actions_applicable", &PracticeScore::actions_applicable)
      .readonly("actions_done", &PracticeScore::actions_done)
      .readonly("actions_in_progress", &PracticeScore::actions_in_progress)
      .readonly("completion", &PracticeScore::completion)
      .method("__repr__", [](const PracticeScore& p) { return "PracticeScore(" + quote(p.practice) + ")"; });
  members(safeguard_score)
      .readonly("safeguard", &SafeguardScore::safeguard)
      .readonly("actions_applicable", &SafeguardScore::actions_applicable)
      .readonly("actions_done", &SafeguardScore::actions_done)
      .readonly("completion", &SafeguardScore::completion)
      .method("__repr__", [](const SafeguardScore& s) { return "SafeguardScore(" + quote(s.safeguard) + ")"; });
  members(scorecard)
      .readonly("jurisdiction", &Scorecard::jurisdiction)
      .readonly("maturity", &Scorecard::maturity)
      .readonly("practices", &Scorecard::practices)
      .readonly("safeguards", &Scorecard::safeguards)
      .readonly("priorities_complete", &Scorecard::priorities_complete)
      .readonly("actions_applicable", &Scorecard::actions_applicable)
      .readonly("actions_done", &Scorecard::actions_done)
      .readonly("actions_in_progress", &Scorecard::actions_in_progress)
      .readonly("completion", &Scorecard::completion)
      .method("to_dict", [](const Scorecard& c) { return json_loads(to_json(c, -1)); })
      .binary("__eq__", [](const Scorecard& a, const Scorecard& b) { return a == b; })
      .method("__repr__", [](const Scorecard& c) {
        return "Scorecard(" + quote(c.jurisdiction.id) + ", " + std::to_string(c.actions_done) + " of " +
               std::to_string(c.actions_applicable) + " done)";
      });
  members(scorecard).from_dict(
      [](py::handle d) { return parse_scorecard(python_json_text(d, "Scorecard"), "Scorecard"); },
      "Build from the shape to_dict gives; raises ParseError.");
  members(practice_rollup)
      .readonly("practice", &PracticeRollup::practice)
      .readonly("actions_applicable", &PracticeRollup::actions_applicable)
      .readonly("actions_done", &PracticeRollup::actions_done)
      .readonly("completion", &PracticeRollup::completion)
      .readonly("offices_complete", &PracticeRollup::offices_complete)
      .method("__repr__", [](const PracticeRollup& p) { return "PracticeRollup(" + quote(p.practice) + ")"; });
  members(office_summary)
      .readonly("jurisdiction", &OfficeSummary::jurisdiction)
      .readonly("maturity", &OfficeSummary::maturity)
      .readonly("actions_applicable", &OfficeSummary::actions_applicable)
      .readonly("actions_done", &OfficeSummary::actions_done)
      .readonly("completion", &OfficeSummary::completion)
      .readonly("priorities_complete", &OfficeSummary::priorities_complete)
      .method("to_dict", [](const OfficeSummary& o) { return json_loads(to_json(o, -1)); })
      .binary("__eq__", [](const OfficeSummary& a, const OfficeSummary& b) { return a == b; })
      .method("__repr__", [](const OfficeSummary& o) { return "OfficeSummary(" + quote(o.jurisdiction.id) + ")"; });
  members(office_summary)
      .from_dict([](py::handle d) { return decode_python<OfficeSummary>(d, "OfficeSummary"); },
                 "Build from the shape to_dict gives; raises ParseError.");
  members(rollup_class)
      .readonly("jurisdictions", &Rollup::jurisdictions)
      .readonly(
          "maturity_distribution",
          [](const Rollup& r) {
            return py::make_tuple(r.maturity_distribution[0], r.maturity_distribution[1], r.maturity_distribution[2]);
          },
          "Offices at Level 1, 2, 3.")
      .readonly("practices", &Rollup::practices)
      .readonly("least_complete", &Rollup::least_complete)
      .readonly("safeguards", &Rollup::safeguards)
      .readonly("offices", &Rollup::offices)
      .readonly("actions_applicable", &Rollup::actions_applicable)
      .readonly("actions_done", &Rollup::actions_done)
      .readonly("completion", &Rollup::completion)
      .method("to_dict", [](const Rollup& r) { return json_loads(to_json(r, -1)); })
      .binary("__eq__", [](const Rollup& a, const Rollup& b) { return a == b; })
      .method("__repr__", [](const Rollup& r) { return "Rollup(" + std::to_string(r.jurisdictions) + " offices)"; });
  members(rollup_class)
      .from_dict([](py::handle d) { return parse_rollup(python_json_text(d, "Rollup"), "Rollup"); },
                 "Build from the shape to_dict gives; raises ParseError.");
}

}  // namespace electsec::python
