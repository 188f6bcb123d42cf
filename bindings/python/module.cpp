// electsec._core: the pybind11 module. Binding code only: the adaptation between the
// C++ API and Python lives here, in small shims, never in include/.
//
// Conventions (the same everywhere): values are plain Python values as in the catalog
// JSON format: maturity levels and Implementation Groups are ints (1..3); scopes, asset
// types and security functions are the format's strings. Queries return copies, so a
// returned object stays valid whatever happens to the catalog it came from.

#include <electsec/electsec.hpp>

#include <pybind11/eval.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "io/json_codec.hpp"

#include <climits>
#include <iostream>
#include <sstream>

namespace py = pybind11;
using electsec::detail::json;

// A file-system path from Python: str, bytes or any os.PathLike. A NUL inside it would
// silently cut the path short in the C library, so it is a ValueError here.
struct FsPath {
  std::string value;
  operator const std::string&() const { return value; }
};

// ---- enum conversions: int for levels and groups, str for the rest ------------------
namespace pybind11::detail {

template <typename Enum, Enum (*from_int)(int), const char* Name>
struct int_enum_caster {
  PYBIND11_TYPE_CASTER(Enum, const_name("int"));
  bool load(handle src, bool) {
    if (!src || PyBool_Check(src.ptr()) || !PyLong_Check(src.ptr())) return false;
    const long v = PyLong_AsLong(src.ptr());
    if (v == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      return false;
    }
    // Beyond int's range a cast would wrap (2**32 + 1 would become 1): refuse it here.
    if (v < INT_MIN || v > INT_MAX) throw electsec::Error(std::string(Name) + " " + std::to_string(v) + " is out of range");
    value = from_int(static_cast<int>(v));  // throws electsec::Error for 0, 4, ...
    return true;
  }
  static handle cast(Enum e, return_value_policy, handle) { return PyLong_FromLong(static_cast<long>(e)); }
};

template <typename Enum, Enum (*parse)(std::string_view)>
struct str_enum_caster {
  PYBIND11_TYPE_CASTER(Enum, const_name("str"));
  bool load(handle src, bool) {
    if (!src || !PyUnicode_Check(src.ptr())) return false;
    Py_ssize_t size = 0;
    const char* text = PyUnicode_AsUTF8AndSize(src.ptr(), &size);  // fails for lone surrogates
    if (text == nullptr) {
      PyErr_Clear();
      return false;
    }
    value = parse(std::string_view(text, static_cast<std::size_t>(size)));  // electsec::Error for unknown strings
    return true;
  }
  static handle cast(Enum e, return_value_policy, handle) {
    const auto s = electsec::to_string(e);
    return PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
  }
};

template <>
struct type_caster<FsPath> {
  PYBIND11_TYPE_CASTER(FsPath, const_name("str | os.PathLike[str]"));
  bool load(handle src, bool) {
    if (!src) return false;
    PyObject* fs = PyOS_FSPath(src.ptr());
    if (fs == nullptr) {
      PyErr_Clear();
      return false;
    }
    object path = reinterpret_steal<object>(fs);
    if (PyUnicode_Check(path.ptr())) path = reinterpret_steal<object>(PyUnicode_EncodeFSDefault(path.ptr()));
    if (!path || !PyBytes_Check(path.ptr())) {
      PyErr_Clear();
      return false;
    }
    value.value.assign(PyBytes_AS_STRING(path.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(path.ptr())));
    if (value.value.find('\0') != std::string::npos) throw value_error("path contains a NUL character");
    return true;
  }
  static handle cast(const FsPath& p, return_value_policy, handle) {
    return PyUnicode_DecodeFSDefaultAndSize(p.value.data(), static_cast<Py_ssize_t>(p.value.size()));
  }
};

inline electsec::ImplementationGroup ig_from_int(int n) {
  return electsec::parse_implementation_group(std::to_string(n));
}
inline constexpr char maturity_name[] = "maturity";
inline constexpr char ig_name[] = "ig";

template <>
struct type_caster<electsec::Maturity>
    : int_enum_caster<electsec::Maturity, electsec::maturity_from_int, maturity_name> {};
template <>
struct type_caster<electsec::ImplementationGroup>
    : int_enum_caster<electsec::ImplementationGroup, ig_from_int, ig_name> {};
template <>
struct type_caster<electsec::Scope> : str_enum_caster<electsec::Scope, electsec::parse_scope> {};
template <>
struct type_caster<electsec::Status> : str_enum_caster<electsec::Status, electsec::parse_status> {};
template <>
struct type_caster<electsec::JurisdictionKind>
    : str_enum_caster<electsec::JurisdictionKind, electsec::parse_jurisdiction_kind> {};
inline electsec::StepKind parse_step_kind(std::string_view text) {
  if (text == "worksheet") return electsec::StepKind::worksheet;
  if (text == "practice") return electsec::StepKind::practice;
  throw electsec::Error("unknown step kind '" + std::string(text) + "' (expected 'worksheet' or 'practice')");
}
template <>
struct type_caster<electsec::StepKind> : str_enum_caster<electsec::StepKind, parse_step_kind> {};
template <>
struct type_caster<electsec::HitKind> : str_enum_caster<electsec::HitKind, electsec::parse_hit_kind> {};
template <>
struct type_caster<electsec::AssetType> : str_enum_caster<electsec::AssetType, electsec::parse_asset_type> {};
template <>
struct type_caster<electsec::SecurityFunction>
    : str_enum_caster<electsec::SecurityFunction, electsec::parse_security_function> {};

}  // namespace pybind11::detail

namespace {

using namespace electsec;

// ---- shims ----------------------------------------------------------------------------

/// A practice that maps to a Safeguard, as a value (the C++ struct holds a pointer).
struct PyMappedPractice {
  Practice practice;
  std::optional<Maturity> maturity;
  bool operator==(const PyMappedPractice& o) const { return practice == o.practice && maturity == o.maturity; }
};
struct PyMappedSafeguard {
  Safeguard safeguard;
  std::optional<Maturity> maturity;
  bool operator==(const PyMappedSafeguard& o) const { return safeguard == o.safeguard && maturity == o.maturity; }
};
struct PyCoverage {
  ImplementationGroup ig;
  std::size_t total;
  std::vector<Safeguard> mapped;
  std::vector<Safeguard> unmapped;
};

template <typename T>
std::vector<T> copies(const std::vector<const T*>& items) {
  std::vector<T> out;
  out.reserve(items.size());
  for (const T* item : items) out.push_back(*item);
  return out;
}

py::object to_python(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return py::none();
    case json::value_t::boolean: return py::bool_(j.get<bool>());
    case json::value_t::number_integer: return py::int_(j.get<long long>());
    case json::value_t::number_unsigned: return py::int_(j.get<unsigned long long>());
    case json::value_t::number_float: return py::float_(j.get<double>());
    case json::value_t::string: return py::str(j.get_ref<const std::string&>());
    case json::value_t::array: {
      py::list list;
      for (const auto& item : j) list.append(to_python(item));
      return std::move(list);
    }
    default: {
      py::dict dict;
      for (const auto& item : j.items()) dict[py::str(item.key())] = to_python(item.value());
      return std::move(dict);
    }
  }
}

// A Python value as JSON text: plain dicts, lists, strings, numbers, booleans and None;
// anything else (NaN, infinities, other objects) is an electsec ParseError naming `what`.
std::string python_json_text(const py::handle& obj, const char* what) {
  try {
    return py::module_::import("json").attr("dumps")(obj, py::arg("allow_nan") = false).cast<std::string>();
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_ValueError) && !e.matches(PyExc_TypeError)) throw;
    throw ParseError(what, 0, 0, "", std::string("not a JSON value: ") + e.value().attr("__str__")().cast<std::string>());
  }
}

json from_python(const py::handle& obj, const char* what) { return json::parse(python_json_text(obj, what)); }

template <typename T>
T decode_python(const py::handle& obj, const char* what) {
  try {
    return detail::decode_value<T>(from_python(obj, what));
  } catch (const detail::DecodeError& e) {
    throw ParseError(what, 0, 0, e.pointer, e.expected);
  }
}

// Python exception types, created once at import and kept for the translator.
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

const char* exception_source = R"(
class Error(ValueError):
    """Base of every error electsec raises (a ValueError)."""

class ParseError(Error):
    """A file or text could not be read: source, line, column, field, expected."""

class ValidationError(Error):
    """A catalog is inconsistent; problems lists every (where, message)."""

class IoError(Error, OSError):
    """A file could not be read, written, locked or listed: path (also an OSError)."""
    __str__ = BaseException.__str__

class NotFound(Error, KeyError):
    """A lookup by id found nothing: kind, id, closest (also a KeyError)."""
    __str__ = BaseException.__str__
)";

// Text fields the loader requires to be non-empty are refused when set, not at the next load.
py::object json_loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

std::string non_empty(const char* field, std::string value) {
  if (!is_valid_name(value)) throw Error(std::string(field) + " must not be empty or hold control characters");
  return value;
}

// A jurisdiction whose text fields the loader would accept, or Error naming the field.
Jurisdiction checked(Jurisdiction j) {
  non_empty("id", j.id);
  non_empty("name", j.name);
  non_empty("state", j.state);
  return j;
}

std::string quote(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

// Equality, pickling (through the catalog format), to_dict/from_dict for a value class.
template <typename T, typename Class>
void value_protocol(Class& cls, const char* name) {
  cls.def("__eq__", [](const T& a, const T& b) { return a == b; }, py::is_operator())
      .def("__ne__", [](const T& a, const T& b) { return !(a == b); }, py::is_operator())
      .def("to_dict", [](const T& x) { return to_python(detail::encode(x)); },
           "The value as in the catalog JSON format.")
      .def_static("from_dict", [name](const py::object& d) { return decode_python<T>(d, name); },
                  py::arg("data"), "Build from the catalog JSON shape; raises ParseError.")
      .def(py::pickle([](const T& x) { return detail::encode(x).dump(); },
                      [name](const std::string& s) {
                        try {
                          return detail::decode_value<T>(json::parse(s));
                        } catch (const detail::DecodeError& e) {
                          throw ParseError(name, 0, 0, e.pointer, e.expected);
                        }
                      }));
}

template <typename T, typename Class>
void hash_by_id(Class& cls) {
  cls.def("__hash__", [](const T& x) { return py::hash(py::str(x.id)); });
}

}  // namespace

// ---- objects whose __init__ never ran --------------------------------------------------
// `Cls.__new__(Cls)` gives an object without a C++ value; pybind11 would hand such an
// object's raw memory to the methods. Every class's caster checks first and raises
// TypeError instead.
namespace pybind11::detail {
template <typename T>
struct initialised_caster : type_caster_base<T> {
  bool load(handle src, bool convert) {
    // Checked before loading: until __init__ runs, an object's value pointer is null (a
    // value_and_holder then tests false), and pybind11's load would allocate raw memory.
    const type_info* info = get_type_info(typeid(T));
    if (src && info != nullptr && PyObject_TypeCheck(src.ptr(), info->type)) {
      auto* inst = reinterpret_cast<instance*>(src.ptr());
      if (!inst->get_value_and_holder(info, false))
        throw type_error(std::string(Py_TYPE(src.ptr())->tp_name) +
                         " object was never initialised (call the class, not __new__)");
    }
    return type_caster_base<T>::load(src, convert);
  }
};
template <>
struct type_caster<Acronym> : initialised_caster<Acronym> {};
template <>
struct type_caster<Action> : initialised_caster<Action> {};
template <>
struct type_caster<ActionStatus> : initialised_caster<ActionStatus> {};
template <>
struct type_caster<Assessment> : initialised_caster<Assessment> {};
template <>
struct type_caster<Catalog> : initialised_caster<Catalog> {};
template <>
struct type_caster<CatalogBuilder> : initialised_caster<CatalogBuilder> {};
template <>
struct type_caster<CatalogDiff> : initialised_caster<CatalogDiff> {};
template <>
struct type_caster<CdmRank> : initialised_caster<CdmRank> {};
template <>
struct type_caster<Control> : initialised_caster<Control> {};
template <>
struct type_caster<GlossaryEntry> : initialised_caster<GlossaryEntry> {};
template <>
struct type_caster<Goal> : initialised_caster<Goal> {};
template <>
struct type_caster<Guidance> : initialised_caster<Guidance> {};
template <>
struct type_caster<GuidanceSource> : initialised_caster<GuidanceSource> {};
template <>
struct type_caster<GuideInfo> : initialised_caster<GuideInfo> {};
template <>
struct type_caster<HandbookPractice> : initialised_caster<HandbookPractice> {};
template <>
struct type_caster<ImportResult> : initialised_caster<ImportResult> {};
template <>
struct type_caster<ImportWarning> : initialised_caster<ImportWarning> {};
template <>
struct type_caster<Jurisdiction> : initialised_caster<Jurisdiction> {};
template <>
struct type_caster<LevelTally> : initialised_caster<LevelTally> {};
template <>
struct type_caster<Link> : initialised_caster<Link> {};
template <>
struct type_caster<MaturityLevel> : initialised_caster<MaturityLevel> {};
template <>
struct type_caster<MaturityResult> : initialised_caster<MaturityResult> {};
template <>
struct type_caster<MaturityStatement> : initialised_caster<MaturityStatement> {};
template <>
struct type_caster<Migration> : initialised_caster<Migration> {};
template <>
struct type_caster<OfficeSummary> : initialised_caster<OfficeSummary> {};
template <>
struct type_caster<Plan> : initialised_caster<Plan> {};
template <>
struct type_caster<PlanStep> : initialised_caster<PlanStep> {};
template <>
struct type_caster<Practice> : initialised_caster<Practice> {};
template <>
struct type_caster<PracticeChange> : initialised_caster<PracticeChange> {};
template <>
struct type_caster<PracticeRollup> : initialised_caster<PracticeRollup> {};
template <>
struct type_caster<PracticeScore> : initialised_caster<PracticeScore> {};
template <>
struct type_caster<Priorities> : initialised_caster<Priorities> {};
template <>
struct type_caster<PyCoverage> : initialised_caster<PyCoverage> {};
template <>
struct type_caster<PyMappedPractice> : initialised_caster<PyMappedPractice> {};
template <>
struct type_caster<PyMappedSafeguard> : initialised_caster<PyMappedSafeguard> {};
template <>
struct type_caster<Recommendation> : initialised_caster<Recommendation> {};
template <>
struct type_caster<RelatedPractice> : initialised_caster<RelatedPractice> {};
template <>
struct type_caster<Rollup> : initialised_caster<Rollup> {};
template <>
struct type_caster<Safeguard> : initialised_caster<Safeguard> {};
template <>
struct type_caster<SafeguardMapping> : initialised_caster<SafeguardMapping> {};
template <>
struct type_caster<SafeguardScore> : initialised_caster<SafeguardScore> {};
template <>
struct type_caster<Scorecard> : initialised_caster<Scorecard> {};
template <>
struct type_caster<SearchHit> : initialised_caster<SearchHit> {};
template <>
struct type_caster<Tool> : initialised_caster<Tool> {};
template <>
struct type_caster<Worksheet> : initialised_caster<Worksheet> {};
}  // namespace pybind11::detail

PYBIND11_MODULE(_core, m) {
  m.doc() = "electsec: the CIS Essential Guide to Election Security as a queryable model";

  // ---- exceptions ----
  py::dict ns;
  ns["__builtins__"] = py::module_::import("builtins");
  ns["__name__"] = "electsec";
  py::exec(exception_source, ns);
  exceptions = new Exceptions{ns["Error"], ns["ParseError"], ns["ValidationError"], ns["NotFound"], ns["IoError"]};
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
  py::class_<Assessment> assessment(m, "Assessment", "One office's self-assessment.");
  py::class_<PracticeScore> practice_score(m, "PracticeScore", "Progress on one practice.");
  py::class_<SafeguardScore> safeguard_score(m, "SafeguardScore", "Progress on one CIS Safeguard.");
  py::class_<Scorecard> scorecard(m, "Scorecard", "One office's scorecard.");
  py::class_<PracticeRollup> practice_rollup(m, "PracticeRollup", "One practice summed over many offices.");
  py::class_<OfficeSummary> office_summary(m, "OfficeSummary", "One office in a rollup.");
  py::class_<Rollup> rollup_class(m, "Rollup", "Many offices at once.");
  py::class_<SearchHit> search_hit(m, "SearchHit", "One result of Catalog.search.");
  py::class_<ImportWarning> import_warning(m, "ImportWarning", "Something the importer could not find or left out.");
  py::class_<ImportResult> import_result(m, "ImportResult", "An imported guide: catalog and warnings.");
  py::class_<PracticeChange> practice_change(m, "PracticeChange", "How one practice differs between two catalogs.");
  py::class_<CatalogDiff> catalog_diff(m, "CatalogDiff", "What changed between two catalogs.");
  py::class_<Migration> migration(m, "Migration", "An assessment carried over to another catalog.");
  py::class_<Catalog> catalog(m, "Catalog", "The validated, immutable model. Safe to share between threads.");
  py::class_<CatalogBuilder> builder(m, "CatalogBuilder", "Collects content; build() validates it.");

  // ---- value classes ----
  guide_info.def_readonly("title", &GuideInfo::title).def_readonly("version", &GuideInfo::version)
      .def("__repr__", [](const GuideInfo& g) { return "GuideInfo(" + quote(g.title) + ", " + quote(g.version) + ")"; });
  value_protocol<GuideInfo>(guide_info, "GuideInfo");

  maturity_level.def_readonly("level", &MaturityLevel::level).def_readonly("name", &MaturityLevel::name)
      .def_readonly("description", &MaturityLevel::description)
      .def("__repr__", [](const MaturityLevel& l) { return "MaturityLevel(" + std::to_string(static_cast<int>(l.level)) + ", " + quote(l.name) + ")"; })
      .def("__hash__", [](const MaturityLevel& l) { return py::hash(py::int_(static_cast<int>(l.level))); });
  value_protocol<MaturityLevel>(maturity_level, "MaturityLevel");

  statement.def_readonly("id", &MaturityStatement::id).def_readonly("level", &MaturityStatement::level)
      .def_readonly("text", &MaturityStatement::text)
      .def("__repr__", [](const MaturityStatement& s) { return "MaturityStatement(" + quote(s.id) + ")"; });
  value_protocol<MaturityStatement>(statement, "MaturityStatement");
  hash_by_id<MaturityStatement>(statement);

  goal.def_readonly("id", &Goal::id).def_readonly("text", &Goal::text).def_readonly("maturity", &Goal::maturity)
      .def("__repr__", [](const Goal& g) { return "Goal(" + quote(g.id) + ")"; });
  value_protocol<Goal>(goal, "Goal");
  hash_by_id<Goal>(goal);

  action.def_readonly("id", &Action::id).def_readonly("levels", &Action::levels)
      .def_readonly("group", &Action::group).def_readonly("text", &Action::text)
      .def_property_readonly("first_level", &Action::first_level, "The maturity from which the action applies.")
      .def_property_readonly("practice", [](const Action& a) { return a.id.substr(0, a.id.find('.')); },
                             "The id of the practice the action belongs to.")
      .def("__repr__", [](const Action& a) { return "Action(" + quote(a.id) + ")"; });
  value_protocol<Action>(action, "Action");
  hash_by_id<Action>(action);

  tool.def_readonly("name", &Tool::name).def_readonly("url", &Tool::url).def_readonly("description", &Tool::description)
      .def("__repr__", [](const Tool& t) { return "Tool(" + quote(t.name) + ")"; });
  value_protocol<Tool>(tool, "Tool");

  link.def_readonly("title", &Link::title).def_readonly("url", &Link::url)
      .def("__repr__", [](const Link& l) { return "Link(" + quote(l.title) + ", " + quote(l.url) + ")"; });
  value_protocol<Link>(link, "Link");

  mapping.def_readonly("safeguard", &SafeguardMapping::safeguard).def_readonly("maturity", &SafeguardMapping::maturity)
      .def("__repr__", [](const SafeguardMapping& x) { return "SafeguardMapping(" + quote(x.safeguard) + ")"; });
  value_protocol<SafeguardMapping>(mapping, "SafeguardMapping");

  practice.def_readonly("id", &Practice::id).def_readonly("title", &Practice::title)
      .def_readonly("order", &Practice::order).def_readonly("summary", &Practice::summary)
      .def_property_readonly("scopes", [](const Practice& p) { return py::make_tuple(p.scopes[0], p.scopes[1], p.scopes[2]); },
                             "Scope at Level 1, 2, 3.")
      .def_readonly("goals", &Practice::goals).def_readonly("actions", &Practice::actions)
      .def_readonly("tools", &Practice::tools).def_readonly("learn_more", &Practice::learn_more)
      .def_readonly("safeguards", &Practice::safeguards).def_readonly("handbook", &Practice::handbook)
      .def("scope_at", &Practice::scope_at, py::arg("maturity"), "Scope at a maturity (1..3).")
      .def("__repr__", [](const Practice& p) { return "Practice(" + quote(p.id) + ", " + quote(p.title) + ")"; });
  value_protocol<Practice>(practice, "Practice");
  hash_by_id<Practice>(practice);

  control.def_readonly("id", &Control::id).def_readonly("title", &Control::title)
      .def("__repr__", [](const Control& c) { return "Control(" + std::to_string(c.id) + ", " + quote(c.title) + ")"; })
      .def("__hash__", [](const Control& c) { return py::hash(py::int_(c.id)); });
  value_protocol<Control>(control, "Control");

  safeguard.def_readonly("id", &Safeguard::id).def_readonly("control", &Safeguard::control)
      .def_readonly("title", &Safeguard::title).def_readonly("asset_type", &Safeguard::asset_type)
      .def_readonly("security_function", &Safeguard::security_function)
      .def_readonly("implementation_groups", &Safeguard::implementation_groups)
      .def_readonly("depends_on", &Safeguard::depends_on)
      .def("in_group", &Safeguard::in_group, py::arg("ig"), "Whether the Safeguard belongs to IG 1, 2 or 3.")
      .def("__repr__", [](const Safeguard& s) { return "Safeguard(" + quote(s.id) + ", " + quote(s.title) + ")"; });
  value_protocol<Safeguard>(safeguard, "Safeguard");
  hash_by_id<Safeguard>(safeguard);

  worksheet.def_readonly("id", &Worksheet::id).def_readonly("name", &Worksheet::name)
      .def_readonly("group", &Worksheet::group).def_readonly("actions", &Worksheet::actions)
      .def("__repr__", [](const Worksheet& w) { return "Worksheet(" + quote(w.id) + ")"; });
  value_protocol<Worksheet>(worksheet, "Worksheet");
  hash_by_id<Worksheet>(worksheet);

  cdm_rank.def_readonly("rank", &CdmRank::rank).def_readonly("safeguard", &CdmRank::safeguard)
      .def_readonly("practice", &CdmRank::practice)
      .def("__repr__", [](const CdmRank& r) { return "CdmRank(" + std::to_string(r.rank) + ", " + quote(r.safeguard) + ", " + quote(r.practice) + ")"; });
  value_protocol<CdmRank>(cdm_rank, "CdmRank");

  priorities.def_readonly("level1_baseline", &Priorities::level1_baseline)
      .def_readonly("level1_election", &Priorities::level1_election)
      .def_readonly("cdm_ranking", &Priorities::cdm_ranking)
      .def("__repr__", [](const Priorities& p) {
        return "Priorities(" + std::to_string(p.level1_baseline.size()) + " worksheets, " +
               std::to_string(p.level1_election.size()) + " election priorities, " +
               std::to_string(p.cdm_ranking.size()) + " CDM ranks)";
      });
  value_protocol<Priorities>(priorities, "Priorities");

  handbook.def_readonly("number", &HandbookPractice::number).def_readonly("title", &HandbookPractice::title)
      .def_readonly("practices", &HandbookPractice::practices)
      .def("__repr__", [](const HandbookPractice& h) { return "HandbookPractice(" + std::to_string(h.number) + ")"; })
      .def("__hash__", [](const HandbookPractice& h) { return py::hash(py::int_(h.number)); });
  value_protocol<HandbookPractice>(handbook, "HandbookPractice");

  glossary.def_readonly("term", &GlossaryEntry::term).def_readonly("definition", &GlossaryEntry::definition)
      .def("__repr__", [](const GlossaryEntry& g) { return "GlossaryEntry(" + quote(g.term) + ")"; });
  value_protocol<GlossaryEntry>(glossary, "GlossaryEntry");

  acronym.def_readonly("term", &Acronym::term).def_readonly("expansion", &Acronym::expansion)
      .def("__repr__", [](const Acronym& a) { return "Acronym(" + quote(a.term) + ", " + quote(a.expansion) + ")"; });
  value_protocol<Acronym>(acronym, "Acronym");

  source.def_readonly("id", &GuidanceSource::id).def_readonly("title", &GuidanceSource::title)
      .def_readonly("publisher", &GuidanceSource::publisher).def_readonly("date", &GuidanceSource::date)
      .def_readonly("url", &GuidanceSource::url).def_readonly("partners", &GuidanceSource::partners)
      .def("__repr__", [](const GuidanceSource& s) { return "GuidanceSource(" + quote(s.id) + ")"; });
  value_protocol<GuidanceSource>(source, "GuidanceSource");
  hash_by_id<GuidanceSource>(source);

  related.def_readonly("practice", &RelatedPractice::practice).def_readonly("reason", &RelatedPractice::reason)
      .def("__repr__", [](const RelatedPractice& r) { return "RelatedPractice(" + quote(r.practice) + ")"; });
  value_protocol<RelatedPractice>(related, "RelatedPractice");

  recommendation.def_readonly("id", &Recommendation::id).def_readonly("source", &Recommendation::source)
      .def_readonly("audience", &Recommendation::audience).def_readonly("category", &Recommendation::category)
      .def_readonly("title", &Recommendation::title).def_readonly("text", &Recommendation::text)
      .def_readonly("practices", &Recommendation::practices).def_readonly("safeguards", &Recommendation::safeguards)
      .def_readonly("links", &Recommendation::links)
      .def("__repr__", [](const Recommendation& r) { return "Recommendation(" + quote(r.id) + ")"; });
  value_protocol<Recommendation>(recommendation, "Recommendation");
  hash_by_id<Recommendation>(recommendation);

  guidance.def_readonly("sources", &Guidance::sources).def_readonly("recommendations", &Guidance::recommendations)
      .def("__repr__", [](const Guidance& g) {
        return "Guidance(" + std::to_string(g.sources.size()) + " sources, " +
               std::to_string(g.recommendations.size()) + " recommendations)";
      });
  value_protocol<Guidance>(guidance, "Guidance");

  mapped_practice.def_readonly("practice", &PyMappedPractice::practice)
      .def_readonly("maturity", &PyMappedPractice::maturity)
      .def("__iter__", [](const PyMappedPractice& x) { return py::iter(py::make_tuple(x.practice, x.maturity)); })
      .def("__eq__", [](const PyMappedPractice& a, const PyMappedPractice& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const PyMappedPractice& x) {
        return "MappedPractice(" + quote(x.practice.id) + ", maturity=" +
               (x.maturity ? std::to_string(static_cast<int>(*x.maturity)) : "None") + ")";
      });
  mapped_safeguard.def_readonly("safeguard", &PyMappedSafeguard::safeguard)
      .def_readonly("maturity", &PyMappedSafeguard::maturity)
      .def("__iter__", [](const PyMappedSafeguard& x) { return py::iter(py::make_tuple(x.safeguard, x.maturity)); })
      .def("__eq__", [](const PyMappedSafeguard& a, const PyMappedSafeguard& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const PyMappedSafeguard& x) {
        return "MappedSafeguard(" + quote(x.safeguard.id) + ", maturity=" +
               (x.maturity ? std::to_string(static_cast<int>(*x.maturity)) : "None") + ")";
      });
  coverage.def_readonly("ig", &PyCoverage::ig).def_readonly("total", &PyCoverage::total)
      .def_readonly("mapped", &PyCoverage::mapped).def_readonly("unmapped", &PyCoverage::unmapped)
      .def("__repr__", [](const PyCoverage& c) {
        return "Coverage(ig=" + std::to_string(static_cast<int>(c.ig)) + ", total=" + std::to_string(c.total) +
               ", mapped=" + std::to_string(c.mapped.size()) + ", unmapped=" + std::to_string(c.unmapped.size()) + ")";
      });

  // ---- the catalog ----
  catalog
      .def("guide", &Catalog::guide, py::return_value_policy::copy)
      .def("practices",
           [](const Catalog& c, std::optional<Maturity> maturity, std::optional<Scope> scope) {
             return copies(c.practices(PracticeFilter{maturity, scope}));
           },
           py::arg("maturity") = py::none(), py::arg("scope") = py::none(),
           "Practices in index order. maturity alone: not out of scope there; with scope: that "
           "scope there; scope alone: that scope at some level.")
      .def("practice", &Catalog::practice, py::arg("id"), py::return_value_policy::copy)
      .def("action", &Catalog::action, py::arg("id"), py::return_value_policy::copy)
      .def("practice_of_action", &Catalog::practice_of_action, py::arg("action_id"), py::return_value_policy::copy)
      .def("controls", [](const Catalog& c) { return c.controls(); })
      .def("control", &Catalog::control, py::arg("id"), py::return_value_policy::copy)
      .def("safeguards",
           [](const Catalog& c, std::optional<ImplementationGroup> ig, std::optional<int> control,
              std::optional<AssetType> asset_type, std::optional<SecurityFunction> function) {
             return copies(c.safeguards(SafeguardFilter{ig, control, asset_type, function}));
           },
           py::arg("ig") = py::none(), py::arg("control") = py::none(), py::arg("asset_type") = py::none(),
           py::arg("function") = py::none(), "Safeguards matching every given filter (IG2 includes IG1's).")
      .def("safeguard", &Catalog::safeguard, py::arg("id"), py::return_value_policy::copy)
      .def("practices_of_safeguard",
           [](const Catalog& c, std::string_view id) {
             std::vector<PyMappedPractice> out;
             for (const auto& m : c.practices_of_safeguard(id)) out.push_back({*m.practice, m.maturity});
             return out;
           },
           py::arg("id"))
      .def("safeguards_of_practice",
           [](const Catalog& c, std::string_view id) {
             std::vector<PyMappedSafeguard> out;
             for (const auto& m : c.safeguards_of_practice(id)) out.push_back({*m.safeguard, m.maturity});
             return out;
           },
           py::arg("id"))
      .def("applicable_actions",
           [](const Catalog& c, std::string_view id, Maturity m) { return copies(c.applicable_actions(id, m)); },
           py::arg("practice"), py::arg("maturity"))
      .def("coverage",
           [](const Catalog& c, ImplementationGroup ig) {
             const Coverage cov = c.coverage(ig);
             return PyCoverage{cov.ig, cov.total, copies(cov.mapped), copies(cov.unmapped)};
           },
           py::arg("ig"))
      .def("maturity_levels", [](const Catalog& c) { return c.maturity_levels(); })
      .def("maturity_statements",
           [](const Catalog& c, std::optional<Maturity> m) {
             return m ? copies(c.maturity_statements(*m)) : c.maturity_statements();
           },
           py::arg("maturity") = py::none())
      .def("maturity_statement", &Catalog::maturity_statement, py::arg("id"), py::return_value_policy::copy)
      .def("priorities", &Catalog::priorities, py::return_value_policy::copy)
      .def("worksheet", &Catalog::worksheet, py::arg("id"), py::return_value_policy::copy)
      .def("handbook", [](const Catalog& c) { return c.handbook(); })
      .def("handbook_practice", &Catalog::handbook_practice, py::arg("number"), py::return_value_policy::copy)
      .def("practices_of_handbook", [](const Catalog& c, int n) { return copies(c.practices_of_handbook(n)); },
           py::arg("number"))
      .def("handbook_of_practice",
           [](const Catalog& c, std::string_view id) { return copies(c.handbook_of_practice(id)); }, py::arg("id"))
      .def("glossary", [](const Catalog& c) { return c.glossary(); })
      .def("glossary_entry", &Catalog::glossary_entry, py::arg("term"), py::return_value_policy::copy)
      .def("acronyms", [](const Catalog& c) { return c.acronyms(); })
      .def("acronym_expansions", &Catalog::acronym_expansions, py::arg("term"))
      .def("guidance", &Catalog::guidance, py::return_value_policy::copy)
      .def("guidance_source", &Catalog::guidance_source, py::arg("id"), py::return_value_policy::copy)
      .def("recommendation", &Catalog::recommendation, py::arg("id"), py::return_value_policy::copy)
      .def("recommendations",
           [](const Catalog& c, std::optional<std::string> source, std::optional<std::string> audience,
              std::optional<std::string> category, std::optional<std::string> practice) {
             return copies(c.recommendations(RecommendationFilter{source, audience, category, practice}));
           },
           py::arg("source") = py::none(), py::arg("audience") = py::none(), py::arg("category") = py::none(),
           py::arg("practice") = py::none(), "Recommendations matching every given filter.")
      .def("recommendations_of_practice",
           [](const Catalog& c, std::string_view id) { return copies(c.recommendations_of_practice(id)); }, py::arg("id"),
           "The recommendations (and partners' services) related to a practice.")
      .def("search",
           [](const Catalog& c, const std::string& text, std::optional<HitKind> kind, std::size_t limit) {
             py::gil_scoped_release release;
             return search(c, text, SearchOptions{kind, limit});
           },
           py::arg("text"), py::arg("kind") = py::none(), py::arg("limit") = 10,
           "Ranked full-text search; kind is one of practice, goal, action, tool, safeguard, glossary, acronym, "
           "recommendation.")
      .def("to_dict", [](const Catalog& c) { return to_python(detail::encode(c.data())); },
           "The whole catalog in the catalog JSON format.")
      .def("to_json", [](const Catalog& c, int indent) { return to_json(c, indent); }, py::arg("indent") = 2,
           py::call_guard<py::gil_scoped_release>())
      .def("__eq__", [](const Catalog& a, const Catalog& b) { return a == b; }, py::is_operator())
      .def("__ne__", [](const Catalog& a, const Catalog& b) { return a != b; }, py::is_operator())
      .def("__repr__", [](const Catalog& c) {
        return "Catalog(" + quote(c.guide().title) + ", " + quote(c.guide().version) + ", " +
               std::to_string(c.practices().size()) + " practices)";
      })
      .def(py::pickle([](const Catalog& c) { return to_json(c, -1); },
                      [](const std::string& s) { return parse_catalog(s, "<pickle>"); }));

  builder.def(py::init<>())
      .def("guide", [](CatalogBuilder& b, const GuideInfo& g) -> CatalogBuilder& { return b.guide(g); },
           py::arg("info"), py::return_value_policy::reference_internal)
      .def("priorities", [](CatalogBuilder& b, const Priorities& p) -> CatalogBuilder& { return b.priorities(p); },
           py::arg("priorities"), py::return_value_policy::reference_internal);
#define ELECTSEC_BUILDER_ADD(T)                                                                  \
  builder.def("add", [](CatalogBuilder& b, const T& x) -> CatalogBuilder& { return b.add(x); }, \
              py::arg("item"), py::return_value_policy::reference_internal);
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
#undef ELECTSEC_BUILDER_ADD
  builder
      .def("problems",
           [](const CatalogBuilder& b) {
             std::vector<std::pair<std::string, std::string>> out;
             for (const auto& p : b.problems()) out.emplace_back(p.where, p.message);
             return out;
           },
           "Every (where, message) that build() would report.")
      // Copied with the GIL held, so that another thread adding to the builder cannot
      // change what is being validated; the copy is built without the GIL.
      .def("build",
           [](const CatalogBuilder& b) {
             CatalogBuilder copy = b;
             py::gil_scoped_release release;
             return copy.build();
           },
           "Validate and index; raises ValidationError listing every problem.");


  search_hit.def_readonly("kind", &SearchHit::kind).def_readonly("id", &SearchHit::id)
      .def_readonly("title", &SearchHit::title)
      .def_property_readonly("practice", [](const SearchHit& h) -> std::optional<std::string> {
        if (h.practice.empty()) return std::nullopt;
        return h.practice;
      })
      .def_readonly("score", &SearchHit::score).def_readonly("snippet", &SearchHit::snippet)
      .def("__repr__", [](const SearchHit& h) {
        return "SearchHit(" + quote(std::string(to_string(h.kind))) + ", " + quote(h.id) + ")";
      });
  import_warning.def_readonly("file", &ImportWarning::file).def_readonly("line", &ImportWarning::line)
      .def_readonly("message", &ImportWarning::message)
      .def("__repr__", [](const ImportWarning& w) {
        return "ImportWarning(" + quote(w.file) + ", " + std::to_string(w.line) + ", " + quote(w.message) + ")";
      });
  import_result.def_readonly("catalog", &ImportResult::catalog).def_readonly("warnings", &ImportResult::warnings)
      .def("__repr__", [](const ImportResult& r) {
        return "ImportResult(" + std::to_string(r.catalog.practices().size()) + " practices, " +
               std::to_string(r.warnings.size()) + " warnings)";
      });
  practice_change.def_readonly("id", &PracticeChange::id)
      .def_property_readonly("title", [](const PracticeChange& c) -> std::optional<std::pair<std::string, std::string>> {
        return c.title;
      })
      .def_property_readonly("scopes", [](const PracticeChange& c) -> py::object {
        if (!c.scopes) return py::none();
        const auto& [o, n] = *c.scopes;
        return py::make_tuple(py::make_tuple(o[0], o[1], o[2]), py::make_tuple(n[0], n[1], n[2]));
      })
      .def_readonly("goals_changed", &PracticeChange::goals_changed)
      .def_readonly("actions_added", &PracticeChange::actions_added)
      .def_readonly("actions_removed", &PracticeChange::actions_removed)
      .def_readonly("actions_changed", &PracticeChange::actions_changed)
      .def_readonly("tools_added", &PracticeChange::tools_added).def_readonly("tools_removed", &PracticeChange::tools_removed)
      .def_readonly("safeguards_added", &PracticeChange::safeguards_added)
      .def_readonly("safeguards_removed", &PracticeChange::safeguards_removed)
      .def_readonly("safeguards_retagged", &PracticeChange::safeguards_retagged)
      .def_readonly("handbook_added", &PracticeChange::handbook_added)
      .def_readonly("handbook_removed", &PracticeChange::handbook_removed)
      .def("__repr__", [](const PracticeChange& c) { return "PracticeChange(" + quote(c.id) + ")"; });
  catalog_diff.def_readonly("added", &CatalogDiff::added).def_readonly("removed", &CatalogDiff::removed)
      .def_readonly("changed", &CatalogDiff::changed)
      .def("__bool__", [](const CatalogDiff& d) { return !d.empty(); })
      .def("to_dict", [](const CatalogDiff& d) { return json_loads(to_json(d, -1)); })
      .def("__repr__", [](const CatalogDiff& d) {
        return "CatalogDiff(" + std::to_string(d.added.size()) + " added, " + std::to_string(d.removed.size()) +
               " removed, " + std::to_string(d.changed.size()) + " changed)";
      });
  migration.def_readonly("assessment", &Migration::assessment).def_readonly("kept", &Migration::kept)
      .def_readonly("retired", &Migration::retired)
      .def("__repr__", [](const Migration& x) {
        return "Migration(kept=" + std::to_string(x.kept.size()) + ", retired=" + std::to_string(x.retired.size()) + ")";
      });
  m.def("import_eges_rst",
        [](const FsPath& directory, const std::optional<std::map<std::string, std::string>>& substitutions) {
          ImportOptions options;
          if (substitutions) options.substitutions = *substitutions;
          py::gil_scoped_release release;
          return import_eges_rst(directory, options);
        },
        py::arg("directory"), py::arg("substitutions") = py::none(),
        "Read a release of the guide from its docs/source folder; returns ImportResult(catalog, warnings).");
  m.def("import_practice_rst",
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
  const auto oscal_options = [](const std::optional<std::string>& ts) {
    OscalOptions o;
    if (ts) o.timestamp = *ts;
    return o;
  };
  m.def("to_oscal_catalog",
        [oscal_options](const Catalog& c, const std::optional<std::string>& ts) { return to_oscal_catalog(c, oscal_options(ts)); },
        py::arg("catalog"), py::arg("timestamp") = py::none(), "The guide as an OSCAL 1.0.6 catalog (JSON text).");
  m.def("to_oscal_profile",
        [oscal_options](const Catalog& c, Maturity m, const std::optional<std::string>& ts) {
          return to_oscal_profile(c, m, oscal_options(ts));
        },
        py::arg("catalog"), py::arg("maturity"), py::arg("timestamp") = py::none(),
        "What applies at a level as an OSCAL profile (JSON text).");
  m.def("to_oscal_assessment_results",
        [oscal_options](const Catalog& c, const Assessment& a, const std::optional<std::string>& ts) {
          return to_oscal_assessment_results(c, a, oscal_options(ts));
        },
        py::arg("catalog"), py::arg("assessment"), py::arg("timestamp") = py::none(),
        "An office's assessment as OSCAL assessment results (JSON text).");
  m.def("uuid_v5", &uuid_v5, py::arg("name"), "electsec's name-based UUID (version 5) of a name.");
  m.attr("HIT_KINDS") = py::make_tuple("practice", "goal", "action", "tool", "safeguard", "glossary", "acronym",
                                       "recommendation");

  // ---- engines: results ----
  level_tally.def_readonly("level", &LevelTally::level).def_readonly("yes", &LevelTally::yes)
      .def_readonly("answered", &LevelTally::answered).def_readonly("total", &LevelTally::total)
      .def_property_readonly("majority", &LevelTally::majority)
      .def("__repr__", [](const LevelTally& t) {
        return "LevelTally(level=" + std::to_string(static_cast<int>(t.level)) + ", yes=" + std::to_string(t.yes) +
               ", answered=" + std::to_string(t.answered) + ", total=" + std::to_string(t.total) + ")";
      });
  maturity_result.def_readonly("level", &MaturityResult::level).def_readonly("conflict", &MaturityResult::conflict)
      .def_readonly("unsure", &MaturityResult::unsure)
      .def_property_readonly("tallies", [](const MaturityResult& r) { return std::vector<LevelTally>(r.tallies.begin(), r.tallies.end()); })
      .def_readonly("applied", &MaturityResult::applied).def_readonly("rationale", &MaturityResult::rationale)
      .def("to_dict", [](const MaturityResult& r) { return json_loads(to_json(r, -1)); })
      .def("__repr__", [](const MaturityResult& r) {
        return "MaturityResult(level=" + std::to_string(static_cast<int>(r.level)) + ", conflict=" +
               (r.conflict ? "True" : "False") + ", unsure=" + (r.unsure ? "True" : "False") + ")";
      });
  plan_step.def_readonly("rank", &PlanStep::rank).def_readonly("kind", &PlanStep::kind)
      .def_readonly("id", &PlanStep::id)
      .def_property_readonly("practice", [](const PlanStep& s) -> std::optional<std::string> {
        if (s.practice.empty()) return std::nullopt;
        return s.practice;
      })
      .def_readonly("actions", &PlanStep::actions).def_readonly("reason", &PlanStep::reason)
      .def("to_dict", [](const PlanStep& s) { return to_python(detail::encode(Plan{Maturity::level1, {s}})["steps"][0]); })
      .def_static("from_dict", [](const py::object& d) { return decode_python<PlanStep>(d, "PlanStep"); },
                  py::arg("data"), "Build from the shape to_dict gives; raises ParseError.")
      .def("__eq__", [](const PlanStep& a, const PlanStep& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const PlanStep& s) {
        return "PlanStep(" + std::to_string(s.rank) + ", " + quote(std::string(to_string(s.kind))) + ", " + quote(s.id) + ")";
      });
  plan.def_readonly("maturity", &Plan::maturity).def_readonly("steps", &Plan::steps)
      .def("to_dict", [](const Plan& p) { return json_loads(to_json(p, -1)); })
      .def_static("from_dict", [](const py::object& d) { return parse_plan(python_json_text(d, "Plan"), "Plan"); },
                  py::arg("data"), "Build from the shape to_dict gives; raises ParseError.")
      .def("__eq__", [](const Plan& a, const Plan& b) { return a == b; }, py::is_operator())
      .def("__len__", [](const Plan& p) { return p.steps.size(); })
      .def("__iter__", [](const Plan& p) { return py::iter(py::cast(p.steps)); })
      .def("__getitem__", [](const Plan& p, long i) {
        const long n = static_cast<long>(p.steps.size());
        if (i < -n || i >= n) throw py::index_error("plan step index out of range");
        return p.steps[static_cast<std::size_t>(i < 0 ? i + n : i)];
      })
      .def("__repr__", [](const Plan& p) {
        return "Plan(maturity=" + std::to_string(static_cast<int>(p.maturity)) + ", " + std::to_string(p.steps.size()) + " steps)";
      });

  jurisdiction.def(py::init([](std::string id, std::string name, std::string state, JurisdictionKind kind) {
                     return checked(Jurisdiction{std::move(id), std::move(name), std::move(state), kind});
                   }),
                   py::arg("id"), py::arg("name"), py::arg("state"), py::arg("kind") = JurisdictionKind::county,
                   "Every text field must be non-empty (ValueError otherwise).")
      .def_property("id", [](const Jurisdiction& j) { return j.id; },
                    [](Jurisdiction& j, std::string v) { j.id = non_empty("id", std::move(v)); })
      .def_property("name", [](const Jurisdiction& j) { return j.name; },
                    [](Jurisdiction& j, std::string v) { j.name = non_empty("name", std::move(v)); })
      .def_property("state", [](const Jurisdiction& j) { return j.state; },
                    [](Jurisdiction& j, std::string v) { j.state = non_empty("state", std::move(v)); })
      .def_readwrite("kind", &Jurisdiction::kind)
      .def("__eq__", [](const Jurisdiction& a, const Jurisdiction& b) { return a == b; }, py::is_operator())
      .def("to_dict", [](const Jurisdiction& j) { return to_python(detail::encode(j)); })
      .def_static("from_dict", [](const py::object& d) {
        return checked(decode_python<Jurisdiction>(d, "Jurisdiction"));
      }, py::arg("data"))
      .def("__repr__", [](const Jurisdiction& j) { return "Jurisdiction(" + quote(j.id) + ", " + quote(j.name) + ")"; })
      .def(py::pickle([](const Jurisdiction& j) { return py::make_tuple(j.id, j.name, j.state, j.kind); },
                      [](const py::tuple& t) {
                        return Jurisdiction{t[0].cast<std::string>(), t[1].cast<std::string>(), t[2].cast<std::string>(),
                                            t[3].cast<JurisdictionKind>()};
                      }));
  action_status.def_readonly("status", &ActionStatus::status).def_readonly("note", &ActionStatus::note)
      .def_readonly("updated", &ActionStatus::updated)
      .def("__eq__", [](const ActionStatus& a, const ActionStatus& b) { return a == b; }, py::is_operator())
      .def("to_dict", [](const ActionStatus& a) {
        py::dict d;
        d["status"] = std::string(to_string(a.status));
        d["note"] = a.note;
        d["updated"] = a.updated;
        return d;
      })
      .def_static("from_dict", [](const py::object& d) { return decode_python<ActionStatus>(d, "ActionStatus"); },
                  py::arg("data"))
      .def("__repr__", [](const ActionStatus& a) { return "ActionStatus(" + quote(std::string(to_string(a.status))) + ")"; });

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
      .def_property("catalog_version", [](const Assessment& a) { return a.catalog_version; },
                    [](Assessment& a, std::string v) { a.catalog_version = non_empty("catalog_version", std::move(v)); })
      .def_readwrite("maturity", &Assessment::maturity)
      .def_property("answers", [](const Assessment& a) { return std::map<std::string, bool>(a.answers.begin(), a.answers.end()); },
                    [](Assessment& a, const std::map<std::string, bool>& answers) {
                      const Catalog& c = default_catalog();
                      for (const auto& entry : answers) c.maturity_statement(entry.first);  // NotFound for unknown ids
                      a.answers = MaturityAnswers(answers.begin(), answers.end());
                    }, "statement id -> bool; ids are checked against the embedded catalog.")
      .def_property_readonly("statuses", [](const Assessment& a) {
        return std::map<std::string, ActionStatus>(a.statuses.begin(), a.statuses.end());
      }, "action id -> ActionStatus (a copy; change it with set()).")
      .def_property_readonly("retired", [](const Assessment& a) {
        return std::map<std::string, ActionStatus>(a.retired.begin(), a.retired.end());
      }, "Statuses of actions an earlier release had (kept by migrate).")
      .def_property_readonly("retired_answers", [](const Assessment& a) {
        return std::map<std::string, bool>(a.retired_answers.begin(), a.retired_answers.end());
      })
      .def("status_of",
           [](const Assessment& a, std::string_view action, const std::optional<Catalog>& catalog) {
             return a.status_of(catalog ? *catalog : default_catalog(), action);
           },
           py::arg("action_id"), py::arg("catalog") = py::none(),
           "The action's status ('not_started' when none is recorded); raises NotFound for an unknown action.")
      .def("set",
           [](Assessment& a, std::string_view action, Status status, std::optional<std::string> note, std::string updated,
              const std::optional<Catalog>& catalog) {
             a.set(catalog ? *catalog : default_catalog(), action, status, std::move(note), std::move(updated));
           },
           py::arg("action_id"), py::arg("status"), py::arg("note") = py::none(), py::arg("updated") = "",
           py::arg("catalog") = py::none(),
           "Record a status. note=None keeps the action's note ('' clears it); updated defaults to today (UTC) and "
           "must be an ISO 8601 date or UTC date-time. Raises NotFound for an unknown action.")
      .def("set_level",
           [](Assessment& a, Maturity level, const std::optional<Catalog>& catalog) {
             return a.set_level(catalog ? *catalog : default_catalog(), level);
           },
           py::arg("level"), py::arg("catalog") = py::none(),
           "Move to another maturity level keeping every status; returns the recorded actions that no longer apply.")
      .def("score",
           [](const Assessment& a, const std::optional<Catalog>& catalog) {
             return score(catalog ? *catalog : default_catalog(), a);
           },
           py::arg("catalog") = py::none())
      // The assessment is taken by value: copied while the GIL is held, so another thread
      // changing the Python object cannot change what is being written.
      .def("save",
           [](Assessment a, const FsPath& path, const std::optional<Catalog>& catalog) {
             const Catalog c = catalog ? *catalog : default_catalog();
             py::gil_scoped_release release;
             save_assessment(a, path, c);
           },
           py::arg("path"), py::arg("catalog") = py::none(),
           "Validate (as load would), then write atomically under the file's writer lock.")
      .def_static("load",
                  [](const FsPath& path, const std::optional<Catalog>& catalog) {
                    const Catalog c = catalog ? *catalog : default_catalog();
                    py::gil_scoped_release release;
                    return load_assessment(path, c);
                  },
                  py::arg("path"), py::arg("catalog") = py::none(), "Read and validate an assessment file.")
      .def("to_json", [](const Assessment& a) { return to_json(a); })
      .def("to_dict", [](const Assessment& a) { return py::module_::import("json").attr("loads")(to_json(a)); })
      .def_static("from_dict",
                  [](const py::object& d, const std::optional<Catalog>& catalog) {
                    const std::string text = python_json_text(d, "Assessment.from_dict");
                    return parse_assessment(text, catalog ? *catalog : default_catalog(), "Assessment.from_dict");
                  },
                  py::arg("data"), py::arg("catalog") = py::none(),
                  "Build from the assessment JSON shape, validated as load validates.")
      .def("__eq__", [](const Assessment& a, const Assessment& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Assessment& a) {
        return "Assessment(" + quote(a.jurisdiction.id) + ", maturity=" + std::to_string(static_cast<int>(a.maturity)) +
               ", " + std::to_string(a.statuses.size()) + " statuses)";
      })
      .def(py::pickle(
          [](const Assessment& a) {
            py::dict statuses;
            for (const auto& [id, st] : a.statuses) statuses[py::str(id)] = py::make_tuple(st.status, st.note, st.updated);
            py::dict retired;
            for (const auto& [id, st] : a.retired) retired[py::str(id)] = py::make_tuple(st.status, st.note, st.updated);
            return py::make_tuple(a.jurisdiction, a.catalog_version, a.maturity,
                                  std::map<std::string, bool>(a.answers.begin(), a.answers.end()), statuses, retired,
                                  std::map<std::string, bool>(a.retired_answers.begin(), a.retired_answers.end()));
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
            return a;
          }));

  practice_score.def_readonly("practice", &PracticeScore::practice).def_readonly("scope", &PracticeScore::scope)
      .def_readonly("actions_applicable", &PracticeScore::actions_applicable)
      .def_readonly("actions_done", &PracticeScore::actions_done)
      .def_readonly("actions_in_progress", &PracticeScore::actions_in_progress)
      .def_readonly("completion", &PracticeScore::completion)
      .def("__repr__", [](const PracticeScore& p) { return "PracticeScore(" + quote(p.practice) + ")"; });
  safeguard_score.def_readonly("safeguard", &SafeguardScore::safeguard)
      .def_readonly("actions_applicable", &SafeguardScore::actions_applicable)
      .def_readonly("actions_done", &SafeguardScore::actions_done)
      .def_readonly("completion", &SafeguardScore::completion)
      .def("__repr__", [](const SafeguardScore& s) { return "SafeguardScore(" + quote(s.safeguard) + ")"; });
  scorecard.def_readonly("jurisdiction", &Scorecard::jurisdiction).def_readonly("maturity", &Scorecard::maturity)
      .def_readonly("practices", &Scorecard::practices).def_readonly("safeguards", &Scorecard::safeguards)
      .def_readonly("priorities_complete", &Scorecard::priorities_complete)
      .def_readonly("actions_applicable", &Scorecard::actions_applicable)
      .def_readonly("actions_done", &Scorecard::actions_done)
      .def_readonly("actions_in_progress", &Scorecard::actions_in_progress)
      .def_readonly("completion", &Scorecard::completion)
      .def("to_dict", [](const Scorecard& c) { return json_loads(to_json(c, -1)); })
      .def_static("from_dict", [](const py::object& d) { return parse_scorecard(python_json_text(d, "Scorecard"), "Scorecard"); },
                  py::arg("data"), "Build from the shape to_dict gives; raises ParseError.")
      .def("__eq__", [](const Scorecard& a, const Scorecard& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Scorecard& c) {
        return "Scorecard(" + quote(c.jurisdiction.id) + ", " + std::to_string(c.actions_done) + " of " +
               std::to_string(c.actions_applicable) + " done)";
      });
  practice_rollup.def_readonly("practice", &PracticeRollup::practice)
      .def_readonly("actions_applicable", &PracticeRollup::actions_applicable)
      .def_readonly("actions_done", &PracticeRollup::actions_done)
      .def_readonly("completion", &PracticeRollup::completion)
      .def_readonly("offices_complete", &PracticeRollup::offices_complete)
      .def("__repr__", [](const PracticeRollup& p) { return "PracticeRollup(" + quote(p.practice) + ")"; });
  office_summary.def_readonly("jurisdiction", &OfficeSummary::jurisdiction).def_readonly("maturity", &OfficeSummary::maturity)
      .def_readonly("actions_applicable", &OfficeSummary::actions_applicable)
      .def_readonly("actions_done", &OfficeSummary::actions_done)
      .def_readonly("completion", &OfficeSummary::completion)
      .def_readonly("priorities_complete", &OfficeSummary::priorities_complete)
      .def("to_dict", [](const OfficeSummary& o) {
        Rollup r;
        r.offices.push_back(o);
        return to_python(detail::encode(r)["offices"][0]);
      })
      .def_static("from_dict", [](const py::object& d) { return decode_python<OfficeSummary>(d, "OfficeSummary"); },
                  py::arg("data"), "Build from the shape to_dict gives; raises ParseError.")
      .def("__eq__", [](const OfficeSummary& a, const OfficeSummary& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const OfficeSummary& o) { return "OfficeSummary(" + quote(o.jurisdiction.id) + ")"; });
  rollup_class.def_readonly("jurisdictions", &Rollup::jurisdictions)
      .def_property_readonly("maturity_distribution", [](const Rollup& r) {
        return py::make_tuple(r.maturity_distribution[0], r.maturity_distribution[1], r.maturity_distribution[2]);
      }, "Offices at Level 1, 2, 3.")
      .def_readonly("practices", &Rollup::practices).def_readonly("least_complete", &Rollup::least_complete)
      .def_readonly("safeguards", &Rollup::safeguards).def_readonly("offices", &Rollup::offices)
      .def_readonly("actions_applicable", &Rollup::actions_applicable).def_readonly("actions_done", &Rollup::actions_done)
      .def_readonly("completion", &Rollup::completion)
      .def("to_dict", [](const Rollup& r) { return json_loads(to_json(r, -1)); })
      .def_static("from_dict", [](const py::object& d) { return parse_rollup(python_json_text(d, "Rollup"), "Rollup"); },
                  py::arg("data"), "Build from the shape to_dict gives; raises ParseError.")
      .def("__eq__", [](const Rollup& a, const Rollup& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Rollup& r) { return "Rollup(" + std::to_string(r.jurisdictions) + " offices)"; });

  // ---- engines: functions ----
  m.def("determine_maturity",
        [](const Catalog& c, const std::map<std::string, bool>& answers) {
          return determine_maturity(c, MaturityAnswers(answers.begin(), answers.end()));
        },
        py::arg("catalog"), py::arg("answers"), "Apply the guide's maturity rule to {statement id: bool}.");
  m.def("build_plan",
        [](const Catalog& c, Maturity maturity, const std::optional<Assessment>& a) {
          return build_plan(c, maturity, a ? &*a : nullptr);
        },
        py::arg("catalog"), py::arg("maturity"), py::arg("assessment") = py::none(),
        "The prioritized plan for an office at maturity; an assessment drops what is done.");
  m.def("scorecard", [](const Catalog& c, const Assessment& a) { return score(c, a); }, py::arg("catalog"),
        py::arg("assessment"), "Score one office.");
  m.def("rollup",
        [](const Catalog& c, const std::vector<Assessment>& assessments) {
          py::gil_scoped_release release;
          return rollup(c, assessments);
        },
        py::arg("catalog"), py::arg("assessments"), "Roll up assessments held in memory.");
  m.def("rollup_files",
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
  m.def("load_assessment", [](const FsPath& path, const Catalog& c) { return load_assessment(path, c); },
        py::arg("path"), py::arg("catalog"), py::call_guard<py::gil_scoped_release>());
  m.def("update_assessment",
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
  m.def("create_assessment",
        [](Assessment a, const FsPath& path, const std::optional<Catalog>& catalog) {
          const Catalog c = catalog ? *catalog : default_catalog();
          py::gil_scoped_release release;
          create_assessment(a, path, c);
        },
        py::arg("assessment"), py::arg("path"), py::arg("catalog") = py::none(),
        "Validate and create a new file; raises IoError (an OSError too) when it exists already.");
  m.def("parse_assessment",
        [](const std::string& text, const Catalog& c, const std::string& source) { return parse_assessment(text, c, source); },
        py::arg("text"), py::arg("catalog"), py::arg("source") = "<string>", py::call_guard<py::gil_scoped_release>());
  m.def("save_assessment",
        [](Assessment a, const FsPath& path, const std::optional<Catalog>& catalog) {
          const Catalog c = catalog ? *catalog : default_catalog();
          py::gil_scoped_release release;
          save_assessment(a, path, c);
        },
        py::arg("assessment"), py::arg("path"), py::arg("catalog") = py::none(),
        "Validate (as load_assessment would), then write atomically under the file's writer lock.");
  m.def("load_answers",
        [](const FsPath& path, const Catalog& c) {
          const auto a = load_answers(path, c);
          return std::map<std::string, bool>(a.begin(), a.end());
        },
        py::arg("path"), py::arg("catalog"));
  m.def("parse_answers",
        [](const std::string& text, const Catalog& c, const std::string& source) {
          const auto a = parse_answers(text, c, source);
          return std::map<std::string, bool>(a.begin(), a.end());
        },
        py::arg("text"), py::arg("catalog"), py::arg("source") = "<string>");
  m.attr("STATUSES") = py::make_tuple("not_started", "in_progress", "done", "not_applicable");
  m.attr("JURISDICTION_KINDS") = py::make_tuple("state", "county", "municipality", "territory");
  m.attr("ASSESSMENT_SCHEMA") = std::string(assessment_schema);

  // ---- functions ----
  m.def("default_catalog", [] { return default_catalog(); }, py::call_guard<py::gil_scoped_release>(),
        "The catalog embedded at build time (EGES 1.4.1 and CIS Controls v8).");
  m.def("load_catalog", [](const FsPath& path) { return load_catalog(path); }, py::arg("path"),
        py::call_guard<py::gil_scoped_release>(),
        "Read a catalog JSON file; raises ParseError or ValidationError.");
  m.def("parse_catalog", [](const std::string& text, const std::string& source) { return parse_catalog(text, source); },
        py::arg("text"), py::arg("source") = "<string>", py::call_guard<py::gil_scoped_release>(),
        "Parse catalog JSON text; raises ParseError or ValidationError.");
  m.def("to_json", [](const Catalog& c, int indent) { return to_json(c, indent); }, py::arg("catalog"),
        py::arg("indent") = 2, py::call_guard<py::gil_scoped_release>(), "The catalog as catalog JSON text.");
  m.def("level_name", &level_name, py::arg("maturity"), "'Level 1', 'Level 2' or 'Level 3'.");
  m.def("run_cli",
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
  m.def("main",
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
  py::list assets, functions;
  for (auto a : all_asset_types) assets.append(std::string(to_string(a)));
  for (auto f : all_security_functions) functions.append(std::string(to_string(f)));
  m.attr("ASSET_TYPES") = py::tuple(assets);
  m.attr("SECURITY_FUNCTIONS") = py::tuple(functions);
  m.attr("CATALOG_SCHEMA") = std::string(catalog_schema);
  m.attr("__version__") = version_string;
}
