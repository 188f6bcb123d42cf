// electsec._core: the module's entry point. Registers the exceptions and every class
// first, so that every signature names registered types, then adds the methods and
// functions area by area (bindings.hpp has the map).
#include "bindings.hpp"

namespace {

using namespace electsec;
using namespace electsec::python;

struct Exceptions {
  py::object error, parse_error, validation_error, not_found, io_error;
};
Exceptions* exceptions = nullptr;

// Text from an error as str: it may quote bytes of a file that are not UTF-8 (a JSON error
// can stop inside a character), which are shown as \xNN escapes instead of failing.
py::str error_text(const std::string& s) {
  return py::reinterpret_steal<py::str>(
      PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "backslashreplace"));
}

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const IoError& e) {
    py::object exc = exceptions->io_error(error_text(e.what()));
    exc.attr("path") = py::reinterpret_steal<py::str>(
        PyUnicode_DecodeFSDefaultAndSize(e.path().data(), static_cast<Py_ssize_t>(e.path().size())));
    PyErr_SetObject(exceptions->io_error.ptr(), exc.ptr());
  } catch (const NotFound& e) {
    py::object exc = exceptions->not_found(error_text(e.what()));
    exc.attr("kind") = error_text(e.kind());
    exc.attr("id") = error_text(e.id());
    exc.attr("closest") = e.closest();
    PyErr_SetObject(exceptions->not_found.ptr(), exc.ptr());
  } catch (const ParseError& e) {
    py::object exc = exceptions->parse_error(error_text(e.what()));
    exc.attr("source") = error_text(e.source());
    exc.attr("line") = e.line();
    exc.attr("column") = e.column();
    exc.attr("field") = error_text(e.field());
    exc.attr("expected") = error_text(e.expected());
    PyErr_SetObject(exceptions->parse_error.ptr(), exc.ptr());
  } catch (const ValidationError& e) {
    py::object exc = exceptions->validation_error(error_text(e.what()));
    py::list problems;
    for (const auto& pr : e.problems()) problems.append(py::make_tuple(error_text(pr.where), error_text(pr.message)));
    exc.attr("problems") = problems;
    PyErr_SetObject(exceptions->validation_error.ptr(), exc.ptr());
  } catch (const Error& e) {
    PyErr_SetObject(exceptions->error.ptr(), error_text(e.what()).ptr());
  }
}

// An exception class of module electsec, as a `class` statement would make it (with the
// same __module__, __qualname__, __doc__ and `extra` in its namespace), made directly rather
// than by compiling Python source at every import (issue #18).
py::object exception_class(const char* name, const char* doc, const py::tuple& bases, py::dict extra = py::dict()) {
  const std::string qualified = std::string("electsec.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), extra.ptr());
  if (cls == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(cls);
}

// IoError and NotFound print their message as given, not as OSError or KeyError would.
py::dict plain_str() {
  py::dict d;
  d["__str__"] = py::reinterpret_borrow<py::object>(PyExc_BaseException).attr("__str__");
  return d;
}

// Text fields the loader requires to be non-empty are refused when set, not at the next load.

// pybind11 asks the module for __module__ for every class and function it adds to it; a
// module has none, and each miss builds and drops an AttributeError (two messages on
// Python 3.11), about a tenth of registering a class (issue #18). While this lives, the
// module answers with its own name, which is what pybind11 falls back to.
class ModuleNameAsModule {
 public:
  explicit ModuleNameAsModule(py::module_ m) : m_(std::move(m)) { m_.attr("__module__") = m_.attr("__name__"); }
  ~ModuleNameAsModule() {
    if (PyDict_DelItemString(PyModule_GetDict(m_.ptr()), "__module__") != 0) PyErr_Clear();
  }
  ModuleNameAsModule(const ModuleNameAsModule&) = delete;
  ModuleNameAsModule& operator=(const ModuleNameAsModule&) = delete;

 private:
  py::module_ m_;
};
}  // namespace

PYBIND11_MODULE(_core, m) {
  const ModuleNameAsModule named(m);
  m.doc() = "electsec: the CIS Essential Guide to Election Security as a queryable model";

  // ---- exceptions ----
  const py::object error = exception_class("Error", "Base of every error electsec raises (a ValueError).",
                                           py::make_tuple(py::reinterpret_borrow<py::object>(PyExc_ValueError)));
  const py::object parse_error = exception_class(
      "ParseError", "A file or text could not be read: source, line, column, field, expected.", py::make_tuple(error));
  const py::object validation_error = exception_class(
      "ValidationError", "A catalog is inconsistent; problems lists every (where, message).", py::make_tuple(error));
  const py::object io_error =
      exception_class("IoError", "A file could not be read, written, locked or listed: path (also an OSError).",
                      py::make_tuple(error, py::reinterpret_borrow<py::object>(PyExc_OSError)), plain_str());
  const py::object not_found =
      exception_class("NotFound", "A lookup by id found nothing: kind, id, closest (also a KeyError).",
                      py::make_tuple(error, py::reinterpret_borrow<py::object>(PyExc_KeyError)), plain_str());
  exceptions = new Exceptions{error, parse_error, validation_error, not_found, io_error};
  m.attr("IoError") = exceptions->io_error;
  m.attr("Error") = exceptions->error;
  m.attr("ParseError") = exceptions->parse_error;
  m.attr("ValidationError") = exceptions->validation_error;
  m.attr("NotFound") = exceptions->not_found;
  py::register_exception_translator(translate);

  // ---- every class first, so that every signature below names registered types ----
  py::class_<GuideInfo> guide_info(m, "GuideInfo", "Which guide a catalog models.");
  py::class_<MaturityLevel> maturity_level(m, "MaturityLevel", "A maturity level: level, name, description.");
  py::class_<MaturityStatement> statement(m, "MaturityStatement", "A statement characterising a maturity level.");
  py::class_<Goal> goal(m, "Goal", "A goal of a best practice.");
  py::class_<Action> action(m, "Action", "An action of a best practice.");
  py::class_<Paragraph> paragraph(m, "Paragraph",
                                  "A paragraph among a practice's actions: an instruction or context the guide "
                                  "writes as prose.");
  py::class_<Tool> tool(m, "Tool", "A cost-effective tool named by a best practice.");
  py::class_<Link> link(m, "Link", "A learn-more link.");
  py::class_<SafeguardMapping> mapping(m, "SafeguardMapping", "A practice's mapping to a CIS Safeguard.");
  py::class_<Practice> practice(m, "Practice", "One EGES best practice.");
  py::class_<Control> control(m, "Control", "A CIS Control (v8).");
  py::class_<Safeguard> safeguard(m, "Safeguard", "A CIS Safeguard (v8).");
  py::class_<Worksheet> worksheet(m, "Worksheet", "A Level 1 baseline worksheet and the actions it fulfils.");
  py::class_<CdmRank> cdm_rank(m, "CdmRank", "A row of the Community Defense Model ranking.");
  py::class_<Priorities> priorities(m, "Priorities", "The guide's priority lists.");
  py::class_<HandbookPractice> handbook(m, "HandbookPractice", "A practice of the 2018 Handbook.");
  py::class_<GlossaryEntry> glossary(m, "GlossaryEntry", "A glossary term and its definition.");
  py::class_<Acronym> acronym(m, "Acronym", "An acronym and one of its expansions.");
  py::class_<GuidanceSource> source(m, "GuidanceSource", "A guidance document other than the EGES.");
  py::class_<RelatedPractice> related(m, "RelatedPractice", "A recommendation's link to a practice.");
  py::class_<Recommendation> recommendation(m, "Recommendation", "A recommendation of a guidance source.");
  py::class_<Guidance> guidance(m, "Guidance", "Guidance sources and their recommendations.");
  py::class_<ConnectednessClass> connectedness_class(m, "ConnectednessClass",
                                                     "One of the primer's connectedness classes, or its transmission "
                                                     "risks.");
  py::class_<SystemRisk> system_risk(m, "SystemRisk", "A risk the primer names for kinds of election system.");
  py::class_<ComponentConnection> component_connection(
      m, "ComponentConnection", "A row of a system's connection table: whether a class occurs for it, and how.");
  py::class_<ComponentVariant> component_variant(m, "ComponentVariant",
                                                 "A variety of a kind of election system the primer tells apart.");
  py::class_<SystemComponent> system_component(m, "SystemComponent", "A kind of election system the primer describes.");
  py::class_<Primer> primer(m, "Primer", "The guide's primer on election infrastructure.");
  py::class_<SystemLink> system_link(
      m, "SystemLink", "electsec's own link (not the guide's) from a system, class or risk to a practice.");
  py::class_<PyMappedPractice> mapped_practice(m, "MappedPractice",
                                               "A practice that maps to a Safeguard, with the mapping's maturity.");
  py::class_<PyMappedSafeguard> mapped_safeguard(m, "MappedSafeguard",
                                                 "A Safeguard a practice maps to, with the mapping's maturity.");
  py::class_<PyCoverage> coverage(m, "Coverage", "How much of an Implementation Group the practices cover.");
  py::class_<LevelTally> level_tally(m, "LevelTally", "How one level's maturity statements were answered.");
  py::class_<MaturityResult> maturity_result(m, "MaturityResult", "The outcome of determine_maturity.");
  py::class_<PlanStep> plan_step(m, "PlanStep", "One step of a prioritized plan.");
  py::class_<Plan> plan(m, "Plan", "An office's next steps in the guide's order.");
  py::class_<Jurisdiction> jurisdiction(m, "Jurisdiction", "The office an assessment belongs to.");
  py::class_<ActionStatus> action_status(m, "ActionStatus", "Where an office stands on one action.");
  py::class_<SystemUse> system_use(m, "SystemUse",
                                   "One kind of election system an office runs and how it connects: an entry of "
                                   "its system profile.");
  py::class_<Assessment> assessment(m, "Assessment", "One office's self-assessment.");
  py::class_<SystemUseRisks> system_use_risks(m, "SystemUseRisks",
                                              "What the guide's primer says of one entry of a system profile.");
  py::class_<SystemPracticeLink> system_practice_link(
      m, "SystemPracticeLink", "One of electsec's editorial links (never the guide's), as it applies to a profile.");
  py::class_<SystemPractice> system_practice(m, "SystemPractice",
                                             "A practice that addresses an office's systems, with its links.");
  py::class_<RiskPicture> risk_picture_class(m, "RiskPicture",
                                             "The risks of an office's systems and the practices that address them.");
  py::class_<CompactAssessment> compact_assessment(
      m, "CompactAssessment",
      "An office's statuses as one byte per action of a catalog (Catalog.actions() order): what score and rollup "
      "read of an Assessment, without its notes and dates.");
  py::class_<PracticeScore> practice_score(m, "PracticeScore", "Progress on one practice.");
  py::class_<SafeguardScore> safeguard_score(m, "SafeguardScore", "Progress on one CIS Safeguard.");
  py::class_<Scorecard> scorecard(m, "Scorecard", "One office's scorecard.");
  py::class_<PracticeRollup> practice_rollup(m, "PracticeRollup", "One practice summed over many offices.");
  py::class_<OfficeSummary> office_summary(m, "OfficeSummary", "One office in a rollup.");
  py::class_<Rollup> rollup_class(m, "Rollup", "Many offices at once.");
  py::class_<SearchHit> search_hit(m, "SearchHit", "One result of Catalog.search.");
  // The reports' signatures name Progress; its members, and the rest of the history store,
  // are registered on first use (store.cpp).
  py::class_<Progress> progress(m, "Progress", "Progress between two dates, as a report shows it.");
  py::class_<Catalog> catalog(m, "Catalog", "The validated, immutable model. Safe to share between threads.");
  py::class_<CatalogBuilder> builder(m, "CatalogBuilder", "Collects content; build() validates it.");

  electsec::python::init_values(m);
  electsec::python::init_catalog(m);
  electsec::python::init_results(m);
  electsec::python::init_functions(m);
  electsec::python::init_systems(m);
  // Three parts most programs never use are registered on their first use rather than at
  // `import electsec` (issue #18): the history store (about a fifth of the module), the
  // importer of releases with diff and migrate, and the OSCAL and CISO Assistant exchanges.
  // The package calls this, once per part, when a name of the part is first looked up.
  m.def(
      "_register",
      [](py::module_ module, const std::string& part) {
        const ModuleNameAsModule named(module);
        if (part == "store")
          electsec::python::init_store(module);
        else if (part == "releases")
          electsec::python::init_releases(module);
        else if (part == "exchange")
          electsec::python::init_exchange(module);
        else
          throw py::value_error("no part " + part);
      },
      py::arg("module"), py::arg("part"));
}
