#pragma once
// What every file of electsec._core shares: the type casters (paths, enums, objects whose
// __init__ never ran), the shims, and the helpers that give every value class the same
// protocol. Binding code only, on the public headers alone: the adaptation between the C++
// API and Python lives here, in small shims, never in include/.
//
// Map: module.cpp registers the exceptions and every class, then calls init_values
// (values.cpp), init_catalog (catalog.cpp), init_results (results.cpp), init_functions
// (functions.cpp), init_store (store.cpp) and init_systems (systems.cpp).
//
// Conventions (the same everywhere): values are plain Python values as in the catalog
// JSON format: maturity levels and Implementation Groups are ints (1..3); scopes, asset
// types and security functions are the format's strings. Queries return copies, so a
// returned object stays valid whatever happens to the catalog it came from.

#include <electsec/electsec.hpp>

#include <pybind11/eval.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <climits>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace py = pybind11;

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
    if (v < INT_MIN || v > INT_MAX)
      throw electsec::Error(std::string(Name) + " " + std::to_string(v) + " is out of range");
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
template <>
struct type_caster<electsec::StepKind> : str_enum_caster<electsec::StepKind, electsec::parse_step_kind> {};
template <>
struct type_caster<electsec::HitKind> : str_enum_caster<electsec::HitKind, electsec::parse_hit_kind> {};
template <>
struct type_caster<electsec::Period> : str_enum_caster<electsec::Period, electsec::parse_period> {};
template <>
struct type_caster<electsec::PeerGroup> : str_enum_caster<electsec::PeerGroup, electsec::parse_peer_group> {};
template <>
struct type_caster<electsec::AssetType> : str_enum_caster<electsec::AssetType, electsec::parse_asset_type> {};
template <>
struct type_caster<electsec::SecurityFunction>
    : str_enum_caster<electsec::SecurityFunction, electsec::parse_security_function> {};
template <>
struct type_caster<electsec::ParagraphKind> : str_enum_caster<electsec::ParagraphKind, electsec::parse_paragraph_kind> {
};
template <>
struct type_caster<electsec::Connectedness> : str_enum_caster<electsec::Connectedness, electsec::parse_connectedness> {
};

}  // namespace pybind11::detail

namespace electsec::python {

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

// A Python value as JSON text: plain dicts, lists, strings, numbers, booleans and None;
// anything else (NaN, infinities, other objects) is an electsec ParseError naming `what`.
inline std::string python_json_text(const py::handle& obj, const char* what) {
  try {
    return py::module_::import("json").attr("dumps")(obj, py::arg("allow_nan") = false).cast<std::string>();
  } catch (py::error_already_set& e) {
    if (!e.matches(PyExc_ValueError) && !e.matches(PyExc_TypeError)) throw;
    throw ParseError(what, 0, 0, "",
                     std::string("not a JSON value: ") + e.value().attr("__str__")().cast<std::string>());
  }
}

// A Python value as a T, through the public JSON codec; errors name `what` and the field
// (a dict has no lines and columns to report).
template <typename T>
T decode_json_text(const std::string& text, const char* what) {
  try {
    return from_json<T>(text, what);
  } catch (const ParseError& e) {
    throw ParseError(what, 0, 0, e.field(), e.expected());
  }
}

template <typename T>
T decode_python(const py::handle& obj, const char* what) {
  return decode_json_text<T>(python_json_text(obj, what), what);
}

// Python exception types, created once at import and kept for the translator.

inline py::object json_loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

inline std::string non_empty(const char* field, std::string value) {
  if (!is_valid_name(value)) throw Error(std::string(field) + " must not be empty or hold control characters");
  return value;
}

// A jurisdiction whose text fields the loader would accept, or Error naming the field.
inline Jurisdiction checked(Jurisdiction j) {
  non_empty("id", j.id);
  non_empty("name", j.name);
  non_empty("state", j.state);
  return j;
}

inline std::string quote(const std::string& s) { return py::repr(py::str(s)).cast<std::string>(); }

// A CompactAssessment's statuses from Python, copied: bytes, bytearray, memoryview or any
// other buffer holding one row of single bytes (a numpy uint8 array). TypeError otherwise.
inline std::vector<std::uint8_t> status_bytes(const py::handle& statuses) {
  if (!PyObject_CheckBuffer(statuses.ptr()))
    throw py::type_error(std::string("statuses must be bytes (one per action), not ") +
                         Py_TYPE(statuses.ptr())->tp_name);
  const py::buffer_info info = py::reinterpret_borrow<py::buffer>(statuses).request();
  if (info.itemsize != 1 || info.ndim != 1 || info.strides[0] != 1)
    throw py::type_error("statuses must be one row of single bytes, one per action");
  const auto* first = static_cast<const std::uint8_t*>(info.ptr);
  return std::vector<std::uint8_t>(first, first + info.size);
}

// Equality, pickling (through the catalog format), to_dict/from_dict for a value class.
template <typename T, typename Class>
void value_protocol(Class& cls, const char* name) {
  cls.def(
         "__eq__", [](const T& a, const T& b) { return a == b; }, py::is_operator())
      .def(
          "__ne__", [](const T& a, const T& b) { return !(a == b); }, py::is_operator())
      .def(
          "to_dict", [](const T& x) { return json_loads(to_json(x, -1)); }, "The value as in the catalog JSON format.")
      .def_static(
          "from_dict", [name](const py::object& d) { return decode_python<T>(d, name); }, py::arg("data"),
          "Build from the catalog JSON shape; raises ParseError.")
      .def(py::pickle([](const T& x) { return to_json(x, -1); },
                      [name](const std::string& s) { return decode_json_text<T>(s, name); }));
}

template <typename T, typename Class>
void hash_by_id(Class& cls) {
  cls.def("__hash__", [](const T& x) { return py::hash(py::str(x.id)); });
}

/// The class registered under `name` in module.cpp, to add methods to.
template <typename T>
py::class_<T> registered(py::module_& m, const char* name) {
  return py::reinterpret_borrow<py::class_<T>>(m.attr(name));
}

void init_values(py::module_& m);
void init_catalog(py::module_& m);
void init_results(py::module_& m);
void init_functions(py::module_& m);
void init_store(py::module_& m);     // registered on first use, as are the two below
void init_releases(py::module_& m);  // (catalog.cpp)
void init_exchange(py::module_& m);  // (catalog.cpp)
void init_systems(py::module_& m);   // (systems.cpp), at import: Assessment names SystemUse

}  // namespace electsec::python

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
struct type_caster<electsec::Acronym> : initialised_caster<electsec::Acronym> {};
template <>
struct type_caster<electsec::Action> : initialised_caster<electsec::Action> {};
template <>
struct type_caster<electsec::ActionStatus> : initialised_caster<electsec::ActionStatus> {};
template <>
struct type_caster<electsec::Assessment> : initialised_caster<electsec::Assessment> {};
template <>
struct type_caster<electsec::Catalog> : initialised_caster<electsec::Catalog> {};
template <>
struct type_caster<electsec::CatalogBuilder> : initialised_caster<electsec::CatalogBuilder> {};
template <>
struct type_caster<electsec::CatalogDiff> : initialised_caster<electsec::CatalogDiff> {};
template <>
struct type_caster<electsec::CdmRank> : initialised_caster<electsec::CdmRank> {};
template <>
struct type_caster<electsec::CompactAssessment> : initialised_caster<electsec::CompactAssessment> {};
template <>
struct type_caster<electsec::Control> : initialised_caster<electsec::Control> {};
template <>
struct type_caster<electsec::GlossaryEntry> : initialised_caster<electsec::GlossaryEntry> {};
template <>
struct type_caster<electsec::Goal> : initialised_caster<electsec::Goal> {};
template <>
struct type_caster<electsec::Guidance> : initialised_caster<electsec::Guidance> {};
template <>
struct type_caster<electsec::GuidanceSource> : initialised_caster<electsec::GuidanceSource> {};
template <>
struct type_caster<electsec::GuideInfo> : initialised_caster<electsec::GuideInfo> {};
template <>
struct type_caster<electsec::HandbookPractice> : initialised_caster<electsec::HandbookPractice> {};
template <>
struct type_caster<electsec::ImportResult> : initialised_caster<electsec::ImportResult> {};
template <>
struct type_caster<electsec::ImportWarning> : initialised_caster<electsec::ImportWarning> {};
template <>
struct type_caster<electsec::Jurisdiction> : initialised_caster<electsec::Jurisdiction> {};
template <>
struct type_caster<electsec::LevelTally> : initialised_caster<electsec::LevelTally> {};
template <>
struct type_caster<electsec::Link> : initialised_caster<electsec::Link> {};
template <>
struct type_caster<electsec::MaturityLevel> : initialised_caster<electsec::MaturityLevel> {};
template <>
struct type_caster<electsec::MaturityResult> : initialised_caster<electsec::MaturityResult> {};
template <>
struct type_caster<electsec::MaturityStatement> : initialised_caster<electsec::MaturityStatement> {};
template <>
struct type_caster<electsec::Migration> : initialised_caster<electsec::Migration> {};
template <>
struct type_caster<electsec::OfficeSummary> : initialised_caster<electsec::OfficeSummary> {};
template <>
struct type_caster<electsec::Plan> : initialised_caster<electsec::Plan> {};
template <>
struct type_caster<electsec::PlanStep> : initialised_caster<electsec::PlanStep> {};
template <>
struct type_caster<electsec::Practice> : initialised_caster<electsec::Practice> {};
template <>
struct type_caster<electsec::PracticeChange> : initialised_caster<electsec::PracticeChange> {};
template <>
struct type_caster<electsec::PracticeRollup> : initialised_caster<electsec::PracticeRollup> {};
template <>
struct type_caster<electsec::PracticeScore> : initialised_caster<electsec::PracticeScore> {};
template <>
struct type_caster<electsec::Priorities> : initialised_caster<electsec::Priorities> {};
template <>
struct type_caster<electsec::python::PyCoverage> : initialised_caster<electsec::python::PyCoverage> {};
template <>
struct type_caster<electsec::python::PyMappedPractice> : initialised_caster<electsec::python::PyMappedPractice> {};
template <>
struct type_caster<electsec::python::PyMappedSafeguard> : initialised_caster<electsec::python::PyMappedSafeguard> {};
template <>
struct type_caster<electsec::Recommendation> : initialised_caster<electsec::Recommendation> {};
template <>
struct type_caster<electsec::RelatedPractice> : initialised_caster<electsec::RelatedPractice> {};
template <>
struct type_caster<electsec::Rollup> : initialised_caster<electsec::Rollup> {};
template <>
struct type_caster<electsec::Safeguard> : initialised_caster<electsec::Safeguard> {};
template <>
struct type_caster<electsec::SafeguardMapping> : initialised_caster<electsec::SafeguardMapping> {};
template <>
struct type_caster<electsec::SafeguardScore> : initialised_caster<electsec::SafeguardScore> {};
template <>
struct type_caster<electsec::Scorecard> : initialised_caster<electsec::Scorecard> {};
template <>
struct type_caster<electsec::SearchHit> : initialised_caster<electsec::SearchHit> {};
template <>
struct type_caster<electsec::Tool> : initialised_caster<electsec::Tool> {};
template <>
struct type_caster<electsec::SystemUse> : initialised_caster<electsec::SystemUse> {};
template <>
struct type_caster<electsec::SystemUseRisks> : initialised_caster<electsec::SystemUseRisks> {};
template <>
struct type_caster<electsec::SystemPracticeLink> : initialised_caster<electsec::SystemPracticeLink> {};
template <>
struct type_caster<electsec::SystemPractice> : initialised_caster<electsec::SystemPractice> {};
template <>
struct type_caster<electsec::RiskPicture> : initialised_caster<electsec::RiskPicture> {};
template <>
struct type_caster<electsec::Worksheet> : initialised_caster<electsec::Worksheet> {};
}  // namespace pybind11::detail
