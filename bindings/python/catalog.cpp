// Catalog and CatalogBuilder, the importer, diff and migrate, the OSCAL exports.
#include "bindings.hpp"

namespace electsec::python {

void init_catalog(py::module_& m) {
  auto search_hit = registered<SearchHit>(m, "SearchHit");
  auto catalog = registered<Catalog>(m, "Catalog");
  auto builder = registered<CatalogBuilder>(m, "CatalogBuilder");

  // ---- the catalog ----
  members(catalog)
      .method("controls", [](const Catalog& c) { return c.controls(); })
      .method("maturity_levels", [](const Catalog& c) { return c.maturity_levels(); })
      .method("handbook", [](const Catalog& c) { return c.handbook(); })
      .method("glossary", [](const Catalog& c) { return c.glossary(); })
      .method("acronyms", [](const Catalog& c) { return c.acronyms(); })
      .method(
          "system_links", [](const Catalog& c) { return c.system_links(); },
          "electsec's own links (not the guide's) from systems, classes and risks to practices.")
      .method(
          "to_dict", [](const Catalog& c) { return json_loads(to_json(c, -1)); },
          "The whole catalog in the catalog JSON format.")
      .binary("__eq__", [](const Catalog& a, const Catalog& b) { return a == b; })
      .binary("__ne__", [](const Catalog& a, const Catalog& b) { return a != b; })
      .method("__repr__", [](const Catalog& c) {
        return "Catalog(" + quote(c.guide().title) + ", " + quote(c.guide().version) + ", " +
               std::to_string(c.practices().size()) + " practices)";
      });
  catalog.def("guide", &Catalog::guide, py::return_value_policy::copy)
      .def(
          "practices",
          [](const Catalog& c, std::optional<Maturity> maturity, std::optional<Scope> scope) {
            return copies(c.practices(PracticeFilter{maturity, scope}));
          },
          py::arg("maturity") = py::none(), py::arg("scope") = py::none(),
          "Practices in index order. maturity alone: not out of scope there; with scope: that "
          "scope there; scope alone: that scope at some level.")
      .def("practice", &Catalog::practice, py::arg("id"), py::return_value_policy::copy)
      .def("action", &Catalog::action, py::arg("id"), py::return_value_policy::copy)
      .def("practice_of_action", &Catalog::practice_of_action, py::arg("action_id"), py::return_value_policy::copy)
      .def("control", &Catalog::control, py::arg("id"), py::return_value_policy::copy)
      .def(
          "safeguards",
          [](const Catalog& c, std::optional<ImplementationGroup> ig, std::optional<int> control,
             std::optional<AssetType> asset_type, std::optional<SecurityFunction> function) {
            return copies(c.safeguards(SafeguardFilter{ig, control, asset_type, function}));
          },
          py::arg("ig") = py::none(), py::arg("control") = py::none(), py::arg("asset_type") = py::none(),
          py::arg("function") = py::none(), "Safeguards matching every given filter (IG2 includes IG1's).")
      .def("safeguard", &Catalog::safeguard, py::arg("id"), py::return_value_policy::copy)
      .def(
          "practices_of_safeguard",
          [](const Catalog& c, std::string_view id) {
            std::vector<PyMappedPractice> out;
            for (const auto& m : c.practices_of_safeguard(id)) out.push_back({*m.practice, m.maturity});
            return out;
          },
          py::arg("id"))
      .def(
          "safeguards_of_practice",
          [](const Catalog& c, std::string_view id) {
            std::vector<PyMappedSafeguard> out;
            for (const auto& m : c.safeguards_of_practice(id)) out.push_back({*m.safeguard, m.maturity});
            return out;
          },
          py::arg("id"))
      .def(
          "applicable_actions",
          [](const Catalog& c, std::string_view id, Maturity m) { return copies(c.applicable_actions(id, m)); },
          py::arg("practice"), py::arg("maturity"))
      .def(
          "actions",
          [](const Catalog& c, std::optional<std::string> practice, std::optional<Maturity> maturity) {
            return copies(c.actions(ActionFilter{std::move(practice), maturity}));
          },
          py::kw_only(), py::arg("practice") = py::none(), py::arg("maturity") = py::none(),
          "Actions practice by practice in index order: of one practice when given, and only those that "
          "apply at a level when maturity is given (the cumulative rule).")
      .def(
          "coverage",
          [](const Catalog& c, ImplementationGroup ig) {
            const Coverage cov = c.coverage(ig);
            return PyCoverage{cov.ig, cov.total, copies(cov.mapped), copies(cov.unmapped)};
          },
          py::arg("ig"))
      .def(
          "maturity_statements",
          [](const Catalog& c, std::optional<Maturity> m) {
            return m ? copies(c.maturity_statements(*m)) : c.maturity_statements();
          },
          py::arg("maturity") = py::none())
      .def("maturity_statement", &Catalog::maturity_statement, py::arg("id"), py::return_value_policy::copy)
      .def("priorities", &Catalog::priorities, py::return_value_policy::copy)
      .def("worksheet", &Catalog::worksheet, py::arg("id"), py::return_value_policy::copy)
      .def("handbook_practice", &Catalog::handbook_practice, py::arg("number"), py::return_value_policy::copy)
      .def(
          "practices_of_handbook", [](const Catalog& c, int n) { return copies(c.practices_of_handbook(n)); },
          py::arg("number"))
      .def(
          "handbook_of_practice",
          [](const Catalog& c, std::string_view id) { return copies(c.handbook_of_practice(id)); }, py::arg("id"))
      .def("glossary_entry", &Catalog::glossary_entry, py::arg("term"), py::return_value_policy::copy)
      .def("acronym_expansions", &Catalog::acronym_expansions, py::arg("term"))
      .def("guidance", &Catalog::guidance, py::return_value_policy::copy)
      .def("guidance_source", &Catalog::guidance_source, py::arg("id"), py::return_value_policy::copy)
      .def("recommendation", &Catalog::recommendation, py::arg("id"), py::return_value_policy::copy)
      .def(
          "recommendations",
          [](const Catalog& c, std::optional<std::string> source, std::optional<std::string> audience,
             std::optional<std::string> category, std::optional<std::string> practice) {
            return copies(c.recommendations(RecommendationFilter{source, audience, category, practice}));
          },
          py::arg("source") = py::none(), py::arg("audience") = py::none(), py::arg("category") = py::none(),
          py::arg("practice") = py::none(), "Recommendations matching every given filter.")
      .def(
          "recommendations_of_practice",
          [](const Catalog& c, std::string_view id) { return copies(c.recommendations_of_practice(id)); },
          py::arg("id"), "The recommendations (and partners' services) related to a practice.")
      .def("primer", &Catalog::primer, py::return_value_policy::copy,
           "The guide's primer on election infrastructure (empty for a release without one).")
      .def("system_component", &Catalog::system_component, py::arg("id"), py::return_value_policy::copy,
           "A kind of election system by id, e.g. 'pollbooks'.")
      .def("system_risk", &Catalog::system_risk, py::arg("id"), py::return_value_policy::copy,
           "A risk the primer names, by id.")
      .def("connectedness_class", &Catalog::connectedness_class, py::arg("connectedness"),
           py::return_value_policy::copy, "A connectedness class: 'network', 'indirect', 'none' or 'transmission'.")
      .def(
          "components_with_risk",
          [](const Catalog& c, std::string_view id) { return copies(c.components_with_risk(id)); }, py::arg("id"),
          "The kinds of system the primer names a risk for.")
      .def(
          "system_links_of",
          [](const Catalog& c, std::string_view subject) { return copies(c.system_links_of(subject)); },
          py::arg("subject"), "electsec's links from one system, connectedness class or risk.")
      .def(
          "search",
          [](const Catalog& c, const std::string& text, std::optional<HitKind> kind, std::size_t limit) {
            py::gil_scoped_release release;
            return search(c, text, SearchOptions{kind, limit});
          },
          py::arg("text"), py::arg("kind") = py::none(), py::arg("limit") = 10,
          "Ranked full-text search; kind is one of practice, goal, action, tool, safeguard, glossary, acronym, "
          "recommendation, system, connectedness, risk.")
      .def(
          "to_json", [](const Catalog& c, int indent) { return to_json(c, indent); }, py::arg("indent") = 2,
          py::call_guard<py::gil_scoped_release>())
      .def(py::pickle([](const Catalog& c) { return to_json(c, -1); },
                      [](const std::string& s) { return parse_catalog(s, "<pickle>"); }));

  builder.def(py::init<>())
      .def(
          "guide", [](CatalogBuilder& b, const GuideInfo& g) -> CatalogBuilder& { return b.guide(g); }, py::arg("info"),
          py::return_value_policy::reference_internal)
      .def(
          "priorities", [](CatalogBuilder& b, const Priorities& p) -> CatalogBuilder& { return b.priorities(p); },
          py::arg("priorities"), py::return_value_policy::reference_internal)
      .def(
          "primer", [](CatalogBuilder& b, const Primer& p) -> CatalogBuilder& { return b.primer(p); },
          py::arg("primer"), py::return_value_policy::reference_internal);
#define ELECTSEC_BUILDER_ADD(T)                                                                          \
  builder.def(                                                                                           \
      "add", [](CatalogBuilder& b, const T& x) -> CatalogBuilder& { return b.add(x); }, py::arg("item"), \
      py::return_value_policy::reference_internal);
  ELECTSEC_BUILDER_ADD(MaturityLevel)
  ELECTSEC_BUILDER_ADD(MaturityStatement)
  ELECTSEC_BUILDER_ADD(Practice)
  ELECTSEC_BUILDER_ADD(Control)
  ELECTSEC_BUILDER_ADD(Safeguard)
  ELECTSEC_BUILDER_ADD(HandbookPractice)
  ELECTSEC_BUILDER_ADD(GlossaryEntry)
  ELECTSEC_BUILDER_ADD(Acronym)
  ELECTSEC_BUILDER_ADD(GuidanceSource)
  ELECTSEC_BUILDER_ADD(Recommendation)
  ELECTSEC_BUILDER_ADD(SystemLink)
#undef ELECTSEC_BUILDER_ADD
  members(builder)
      .method(
          "problems",
          [](const CatalogBuilder& b) {
            std::vector<std::pair<std::string, std::string>> out;
            for (const auto& p : b.problems()) out.emplace_back(p.where, p.message);
            return out;
          },
          "Every (where, message) that build() would report.")
      // Copied with the GIL held, so that another thread adding to the builder cannot
      // change what is being validated; the copy is built without the GIL.
      .method(
          "build",
          [](const CatalogBuilder& b) {
            CatalogBuilder copy = b;
            py::gil_scoped_release release;
            return copy.build();
          },
          "Validate and index; raises ValidationError listing every problem.");

  members(search_hit)
      .readonly("kind", &SearchHit::kind)
      .readonly("id", &SearchHit::id)
      .readonly("title", &SearchHit::title)
      .readonly("practice",
                [](const SearchHit& h) -> std::optional<std::string> {
                  if (h.practice.empty()) return std::nullopt;
                  return h.practice;
                })
      .readonly("score", &SearchHit::score)
      .readonly("snippet", &SearchHit::snippet)
      .method("__repr__", [](const SearchHit& h) {
        return "SearchHit(" + quote(std::string(to_string(h.kind))) + ", " + quote(h.id) + ")";
      });
  m.def("uuid_v5", &uuid_v5, py::arg("name"), "electsec's name-based UUID (version 5) of a name.");
  m.attr("HIT_KINDS") = py::make_tuple("practice", "goal", "action", "paragraph", "tool", "safeguard", "glossary",
                                       "acronym", "recommendation", "system", "connectedness", "risk");
}

// Importing a release from its .rst sources, diff and migrate: registered on first use
// (module.cpp says why).
void init_releases(py::module_& m) {
  // Once only (the package's lock makes the calls one at a time); the module's own
  // dictionary is asked, since the module's __getattr__ would come back here.
  if (py::reinterpret_borrow<py::dict>(PyModule_GetDict(m.ptr())).contains("ImportResult")) return;
  py::class_<ImportWarning> import_warning(m, "ImportWarning", "Something the importer could not find or left out.");
  py::class_<ImportResult> import_result(m, "ImportResult", "An imported guide: catalog and warnings.");
  py::class_<PracticeChange> practice_change(m, "PracticeChange", "How one practice differs between two catalogs.");
  py::class_<CatalogDiff> catalog_diff(m, "CatalogDiff", "What changed between two catalogs.");
  py::class_<FieldChange> field_change(m, "FieldChange",
                                       "One field that differs between two catalogs: a fact or wording, old and new.");
  py::class_<Migration> migration(m, "Migration", "An assessment carried over to another catalog.");

  members(import_warning)
      .readonly("file", &ImportWarning::file)
      .readonly("line", &ImportWarning::line)
      .readonly("message", &ImportWarning::message)
      .readonly(
          "kind", [](const ImportWarning& w) { return std::string(to_string(w.kind)); },
          "missing, unreadable, unresolved, duplicate or inferred")
      .method("__repr__", [](const ImportWarning& w) {
        return "ImportWarning(" + quote(w.file) + ", " + std::to_string(w.line) + ", " + quote(w.message) + ", " +
               quote(std::string(to_string(w.kind))) + ")";
      });
  members(import_result)
      .readonly("catalog", &ImportResult::catalog)
      .readonly("warnings", &ImportResult::warnings)
      .method("__repr__", [](const ImportResult& r) {
        return "ImportResult(" + std::to_string(r.catalog.practices().size()) + " practices, " +
               std::to_string(r.warnings.size()) + " warnings)";
      });
  members(practice_change)
      .readonly("id", &PracticeChange::id)
      .readonly("title",
                [](const PracticeChange& c) -> std::optional<std::pair<std::string, std::string>> { return c.title; })
      .readonly("scopes",
                [](const PracticeChange& c) -> py::object {
                  if (!c.scopes) return py::none();
                  const auto& [o, n] = *c.scopes;
                  return py::make_tuple(py::make_tuple(o[0], o[1], o[2]), py::make_tuple(n[0], n[1], n[2]));
                })
      .readonly("goals_changed", &PracticeChange::goals_changed)
      .readonly("goals_reworded", &PracticeChange::goals_reworded)
      .readonly("links_changed", &PracticeChange::links_changed)
      .readonly("summary_reworded", &PracticeChange::summary_reworded)
      .readonly("paragraphs_changed", &PracticeChange::paragraphs_changed)
      .readonly("paragraphs_reworded", &PracticeChange::paragraphs_reworded)
      .readonly("actions_added", &PracticeChange::actions_added)
      .readonly("actions_removed", &PracticeChange::actions_removed)
      .readonly("actions_changed", &PracticeChange::actions_changed)
      .readonly("actions_reworded", &PracticeChange::actions_reworded)
      .readonly("tools_added", &PracticeChange::tools_added)
      .readonly("tools_removed", &PracticeChange::tools_removed)
      .readonly("safeguards_added", &PracticeChange::safeguards_added)
      .readonly("safeguards_removed", &PracticeChange::safeguards_removed)
      .readonly("safeguards_retagged", &PracticeChange::safeguards_retagged)
      .readonly("handbook_added", &PracticeChange::handbook_added)
      .readonly("handbook_removed", &PracticeChange::handbook_removed)
      .readonly("changes", &PracticeChange::changes)
      .method("__repr__", [](const PracticeChange& c) { return "PracticeChange(" + quote(c.id) + ")"; });
  practice_change.def("facts_changed", &PracticeChange::facts_changed,
                      "True when a fact differs (anything but wording).");
  members(catalog_diff)
      .readonly("added", &CatalogDiff::added)
      .readonly("removed", &CatalogDiff::removed)
      .readonly("changed", &CatalogDiff::changed)
      .readonly("changes", &CatalogDiff::changes)
      .method("__bool__", [](const CatalogDiff& d) { return !d.empty(); })
      .method("to_dict", [](const CatalogDiff& d) { return json_loads(to_json(d, -1)); })
      .method("__repr__", [](const CatalogDiff& d) {
        return "CatalogDiff(" + std::to_string(d.added.size()) + " added, " + std::to_string(d.removed.size()) +
               " removed, " + std::to_string(d.changed.size()) + " changed)";
      });
  catalog_diff.def("same_facts", &CatalogDiff::same_facts, "True when the catalogs differ in wording at most.");
  members(field_change)
      .readonly("subject", &FieldChange::subject)
      .readonly("field", &FieldChange::field)
      .readonly(
          "nature", [](const FieldChange& c) { return std::string(to_string(c.nature)); }, "fact or wording")
      .readonly("old_value", &FieldChange::old_value)
      .readonly("new_value", &FieldChange::new_value)
      .method("__repr__", [](const FieldChange& c) {
        return "FieldChange(" + quote(c.subject) + ", " + quote(c.field) + ", " +
               quote(std::string(to_string(c.nature))) + ")";
      });
  field_change.def("__eq__", [](const FieldChange& a, const FieldChange& b) { return a == b; });
  members(migration)
      .readonly("assessment", &Migration::assessment)
      .readonly("kept", &Migration::kept)
      .readonly("retired", &Migration::retired)
      .method("__repr__", [](const Migration& x) {
        return "Migration(kept=" + std::to_string(x.kept.size()) + ", retired=" + std::to_string(x.retired.size()) +
               ")";
      });
  m.def(
      "import_eges_rst",
      [](const FsPath& directory, const std::optional<std::map<std::string, std::string>>& substitutions) {
        ImportOptions options;
        if (substitutions) options.substitutions = *substitutions;
        py::gil_scoped_release release;
        return import_eges_rst(directory, options);
      },
      py::arg("directory"), py::arg("substitutions") = py::none(),
      "Read a release of the guide from its docs/source folder; returns ImportResult(catalog, warnings).");
  m.def(
      "import_practice_rst",
      [](const FsPath& path, const std::optional<std::map<std::string, std::string>>& substitutions) {
        ImportOptions options;
        if (substitutions) options.substitutions = *substitutions;
        return import_practice_rst(path, options);
      },
      py::arg("path"), py::arg("substitutions") = py::none(), "Read one best-practice .rst file.");
  m.def("diff", &diff, py::arg("old"), py::arg("new"), py::call_guard<py::gil_scoped_release>(),
        "What changed from one catalog to another, practice by practice.");
  m.def("migrate", &migrate, py::arg("assessment"), py::arg("target"),
        "Carry an assessment to another catalog; unknown ids move to its retired section.");
}

// The OSCAL and CISO Assistant exchanges: registered on first use (module.cpp says why).
void init_exchange(py::module_& m) {
  // Once only (the package's lock makes the calls one at a time); the module's own
  // dictionary is asked, since the module's __getattr__ would come back here.
  if (py::reinterpret_borrow<py::dict>(PyModule_GetDict(m.ptr())).contains("OscalImport")) return;
  py::class_<StatusRow> status_row(m, "StatusRow", "One status read from a table or a document, for one action.");
  py::class_<OscalImport> oscal_import(m, "OscalImport", "What OSCAL assessment results say of an office's statuses.");
  py::class_<CisoAssistantImport> ciso_assistant_import(
      m, "CisoAssistantImport", "What an audit exported from CISO Assistant changes in an office's record.");

  const auto oscal_options = [](const std::optional<std::string>& ts) {
    OscalOptions o;
    if (ts) o.timestamp = *ts;
    return o;
  };
  m.def(
      "to_oscal_catalog",
      [oscal_options](const Catalog& c, const std::optional<std::string>& ts) {
        return to_oscal_catalog(c, oscal_options(ts));
      },
      py::arg("catalog"), py::arg("timestamp") = py::none(), "The guide as an OSCAL 1.0.6 catalog (JSON text).");
  m.def(
      "to_oscal_profile",
      [oscal_options](const Catalog& c, Maturity m, const std::optional<std::string>& ts) {
        return to_oscal_profile(c, m, oscal_options(ts));
      },
      py::arg("catalog"), py::arg("maturity"), py::arg("timestamp") = py::none(),
      "What applies at a level as an OSCAL profile (JSON text).");
  m.def(
      "to_oscal_assessment_results",
      [oscal_options](const Catalog& c, const Assessment& a, const std::optional<std::string>& ts) {
        return to_oscal_assessment_results(c, a, oscal_options(ts));
      },
      py::arg("catalog"), py::arg("assessment"), py::arg("timestamp") = py::none(),
      "An office's assessment as OSCAL assessment results (JSON text).");
  m.def(
      "to_oscal_poam",
      [oscal_options](const Catalog& c, const Assessment& a, const std::optional<std::string>& ts) {
        return to_oscal_poam(c, a, oscal_options(ts));
      },
      py::arg("catalog"), py::arg("assessment"), py::arg("timestamp") = py::none(),
      "An office's plan as an OSCAL plan of action and milestones (JSON text).");
  members(status_row)
      .readonly("action", &StatusRow::action)
      .readonly("status", &StatusRow::status)
      .readonly("note", &StatusRow::note)
      .readonly("updated", &StatusRow::updated)
      .readonly("line", &StatusRow::line)
      .method("__repr__", [](const StatusRow& r) {
        return "StatusRow(" + r.action + ", " + std::string(to_string(r.status)) + ")";
      });
  members(oscal_import)
      .readonly("statuses", &OscalImport::statuses)
      .readonly("unmatched", &OscalImport::unmatched)
      .readonly("changed_since", &OscalImport::changed_since)
      .method("__repr__", [](const OscalImport& x) {
        return "OscalImport(" + std::to_string(x.statuses.size()) + " statuses, " + std::to_string(x.unmatched.size()) +
               " unmatched, " + std::to_string(x.changed_since.size()) + " changed since)";
      });
  m.def(
      "parse_oscal_assessment_results",
      [](const std::string& text, const Catalog& c, const Assessment& a, const std::string& source) {
        return parse_oscal_assessment_results(text, c, a, source);
      },
      py::arg("text"), py::arg("catalog"), py::arg("assessment"), py::arg("source") = "<string>",
      "Read OSCAL assessment results written for an office (perhaps edited elsewhere): its statuses, what "
      "could not be matched, and what the office changed after them.");
  members(ciso_assistant_import)
      .readonly("assessment", &CisoAssistantImport::assessment)
      .readonly("statuses", &CisoAssistantImport::statuses)
      .readonly("changed", &CisoAssistantImport::changed)
      .readonly("unmatched", &CisoAssistantImport::unmatched)
      .readonly("not_assessed", &CisoAssistantImport::not_assessed)
      .method("__repr__", [](const CisoAssistantImport& x) {
        return "CisoAssistantImport(" + std::to_string(x.statuses.size()) + " statuses, " +
               std::to_string(x.changed.size()) + " changed, " + std::to_string(x.unmatched.size()) + " unmatched, " +
               std::to_string(x.not_assessed) + " not assessed)";
      });
  m.def(
      "import_ciso_assistant_audit",
      [](const std::string& text, const Catalog& c, const Assessment& a, const std::string& source,
         const std::string& date) { return import_ciso_assistant_audit(text, c, a, source, date); },
      py::arg("text"), py::arg("catalog"), py::arg("assessment"), py::arg("source") = "<string>", py::arg("date") = "",
      "Apply an audit exported from CISO Assistant (its audit CSV) to a copy of an office's record: the updated "
      "record, what changed and what could not be matched. Nothing is written.");
  m.def(
      "to_ciso_assistant_library", [](const Catalog& c) { return to_ciso_assistant_library(c); }, py::arg("catalog"),
      "The guide as a CISO Assistant framework library (YAML text).");
  m.def(
      "to_ciso_assistant_mapping",
      [](const Catalog& c, const std::string& cis_packager) {
        CisoAssistantOptions o;
        o.cis_packager = cis_packager;
        return to_ciso_assistant_mapping(c, o);
      },
      py::arg("catalog"), py::arg("cis_packager") = "intuitem",
      "The guide's mapping to the CIS Controls v8 as a CISO Assistant mapping library (YAML text).");
}

}  // namespace electsec::python
