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
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
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

// ---- fields and simple methods as CPython's own descriptors ----------------------------
// A pybind11 def_readonly or def costs a whole cpp_function at import: signature text,
// records, attribute lookups, and as much again to tear down (issue #18). Fields and the
// methods that take nothing, or one more object of the same class, need none of that: a
// getset or method descriptor calls the C++ code directly. Arguments and results still go
// through pybind11's casters, and errors through its exception translators, so Python sees
// the same values, keep-alive rules and exceptions.

// Sets the Python error for the C++ exception being handled, as pybind11's dispatcher
// would. Only inside a catch block.
inline void set_python_error() noexcept {
  try {
    throw;
  } catch (py::error_already_set& e) {
    e.restore();
  } catch (...) {
    if (py::detail::apply_exception_translators(py::detail::get_local_internals().registered_exception_translators))
      return;
    if (py::detail::apply_exception_translators(py::detail::get_internals().registered_exception_translators)) return;
    PyErr_SetString(PyExc_SystemError, "Exception escaped from default exception translator!");
  }
}

// `Cls.__new__(Cls)` gives an object without a C++ value; pybind11 would hand such an
// object's raw memory to the methods. TypeError instead.
template <typename T>
void require_initialised(PyObject* obj) {
  // Until __init__ runs, an object's value pointer is null (a value_and_holder then tests false).
  const py::detail::type_info* info = py::detail::get_type_info(typeid(T));
  if (obj != nullptr && info != nullptr && PyObject_TypeCheck(obj, info->type) &&
      !reinterpret_cast<py::detail::instance*>(obj)->get_value_and_holder(info, false))
    throw py::type_error(std::string(Py_TYPE(obj)->tp_name) +
                         " object was never initialised (call the class, not __new__)");
}

// The C++ value of `self`, an instance of T's class or a subclass (the descriptor checks).
template <typename T>
T& self_value(PyObject* self, py::detail::make_caster<T>& caster) {
  require_initialised<T>(self);
  if (!caster.load(self, true))
    throw py::type_error(std::string("expected ") + py::type_id<T>() + ", got " + Py_TYPE(self)->tp_name);
  return py::detail::cast_op<T&>(caster);
}

// `result` as a new Python reference, under `policy` as pybind11 would adjust it, or
// nullptr with the error set.
template <typename R, typename V>
PyObject* to_python(V&& result, py::return_value_policy policy, PyObject* parent) {
  policy = py::detail::return_value_policy_override<R>::policy(policy);
  PyObject* out = py::detail::make_caster<R>::cast(std::forward<V>(result), policy, parent).ptr();
  if (out == nullptr && !PyErr_Occurred())
    PyErr_SetString(PyExc_TypeError, "Unable to convert function return value to a Python type!");
  return out;
}

template <typename T, typename Get>
struct getset_def {
  PyGetSetDef def;
  Get get;
};

// A field: a member read as def_readonly would (reference_internal, so a nested object
// refers to its parent's memory and keeps the parent alive), or a computed value.
template <typename T, typename Get>
PyObject* get_field(PyObject* self, void* closure) {
  const Get& get = static_cast<const getset_def<T, Get>*>(closure)->get;
  try {
    py::detail::loader_life_support guard;
    py::detail::make_caster<T> caster;
    T& value = self_value<T>(self, caster);
    // A data member is read through const T&, as def_readonly reads it.
    auto read = [&]() -> decltype(auto) {
      if constexpr (std::is_member_object_pointer_v<Get>)
        return std::as_const(value).*get;
      else
        return std::invoke(get, value);
    };
    using R = decltype(read());
    return to_python<R>(read(), py::return_value_policy::reference_internal, self);
  } catch (...) {
    set_python_error();
    return nullptr;
  }
}

// Assigning to or deleting a read-only field fails as for a pybind11 property (a
// `property` without a setter or deleter).
inline int refuse_set(PyObject* self, PyObject* value, void* /*closure*/) {
#if PY_VERSION_HEX >= 0x030B0000
  PyObject* qualname = PyType_GetQualName(Py_TYPE(self));
  if (qualname != nullptr) {
    PyErr_Format(PyExc_AttributeError,
                 value == nullptr ? "property of %R object has no deleter" : "property of %R object has no setter",
                 qualname);
    Py_DECREF(qualname);
    return -1;
  }
  PyErr_Clear();
#else
  (void)self;
#endif
  PyErr_SetString(PyExc_AttributeError, value == nullptr ? "can't delete attribute" : "can't set attribute");
  return -1;
}

// One callable per lambda type (each lambda has its own type), kept for the method's life.
template <typename T, typename F>
struct method_body {
  static inline const F* fn = nullptr;
};

template <typename T, typename F>
PyObject* call_unary(PyObject* self, PyObject* /*unused*/) {
  try {
    py::detail::loader_life_support guard;
    py::detail::make_caster<T> caster;
    const T& value = self_value<T>(self, caster);
    using R = decltype((*method_body<T, F>::fn)(value));
    return to_python<R>((*method_body<T, F>::fn)(value), py::return_value_policy::automatic, self);
  } catch (...) {
    set_python_error();
    return nullptr;
  }
}

// An operator between two objects of the class: NotImplemented when `other` is not one.
template <typename T, typename F>
PyObject* call_binary(PyObject* self, PyObject* other) {
  try {
    py::detail::loader_life_support guard;
    py::detail::make_caster<T> caster;
    const T& value = self_value<T>(self, caster);
    require_initialised<T>(other);
    // Without conversion, as no class here has implicit ones: a converting load would take
    // None for a null pointer.
    py::detail::make_caster<T> other_caster;
    if (!other_caster.load(other, false)) Py_RETURN_NOTIMPLEMENTED;
    const T& other_value = py::detail::cast_op<const T&>(other_caster);
    using R = decltype((*method_body<T, F>::fn)(value, other_value));
    return to_python<R>((*method_body<T, F>::fn)(value, other_value), py::return_value_policy::automatic, self);
  } catch (...) {
    set_python_error();
    return nullptr;
  }
}

// from_dict: a static function taking one argument, `data` (by position or by name).
template <typename T, typename F>
PyObject* call_from_dict(PyObject* /*cls*/, PyObject* args, PyObject* kwargs) {
  static const char* names[] = {"data", nullptr};
  PyObject* data = nullptr;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O:from_dict", const_cast<char**>(names), &data)) return nullptr;
  try {
    py::detail::loader_life_support guard;
    using R = decltype((*method_body<T, F>::fn)(py::handle(data)));
    return to_python<R>((*method_body<T, F>::fn)(py::handle(data)), py::return_value_policy::move, nullptr);
  } catch (...) {
    set_python_error();
    return nullptr;
  }
}

// __setstate__ as py::pickle makes it: the object comes from `Cls.__new__(Cls)` and gets its
// C++ value here, from the str that __getstate__ gave; a second call changes nothing.
template <typename T, typename F>
PyObject* call_setstate(PyObject* self, PyObject* state) {
  try {
    const py::detail::type_info* info = py::detail::get_type_info(typeid(T), true);
    auto* inst = reinterpret_cast<py::detail::instance*>(self);
    py::detail::value_and_holder v_h = inst->get_value_and_holder(info, true);
    if (v_h.instance_registered()) Py_RETURN_NONE;
    py::detail::make_caster<std::string> text;
    if (!text.load(state, true))
      throw py::type_error(std::string("__setstate__ takes the str __getstate__ gives, not ") +
                           Py_TYPE(state)->tp_name);
    v_h.value_ptr() = new T((*method_body<T, F>::fn)(py::detail::cast_op<const std::string&>(text)));
    if (!v_h.holder_constructed()) info->init_instance(inst, nullptr);
    Py_RETURN_NONE;
  } catch (...) {
    set_python_error();
    return nullptr;
  }
}

// Adds fields and simple methods to a registered class:
//   members(cls).readonly("id", &T::id).readonly("size", [](const T& x) { ... }, "doc")
//                .method("__repr__", [](const T& x) { ... }).binary("__eq__", ...);
// Definitions live as long as the process (a class is never unloaded).
template <typename T>
class members {
 public:
  template <typename... Options>
  explicit members(const py::class_<T, Options...>& cls) : cls_(cls) {}

  // `get`: a data member of T (or of a base), a member function, or a callable taking const T&.
  template <typename Get>
  members& readonly(const char* name, Get get, const char* doc = "") {
    auto* def = new getset_def<T, Get>{{name, &get_field<T, Get>, &refuse_set, doc, nullptr}, std::move(get)};
    def->def.closure = def;
    add(name, PyDescr_NewGetSet(type(), &def->def));
    return *this;
  }

  // A method taking no argument but self.
  template <typename F>
  members& method(const char* name, F fn, const char* doc = nullptr) {
    return add_method(name, fn, reinterpret_cast<PyCFunction>(&call_unary<T, F>), METH_NOARGS, doc);
  }

  // The static method from_dict(data).
  template <typename F>
  members& from_dict(F fn, const char* doc) {
    store<F>(fn);
    auto* def =
        new PyMethodDef{"from_dict", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(&call_from_dict<T, F>)),
                        METH_VARARGS | METH_KEYWORDS, documented("from_dict", "($type, data)", doc)};
    // Bound to the class, as a classmethod is, so that __qualname__ names it.
    PyObject* function = PyCFunction_NewEx(def, cls_.ptr(), nullptr);
    if (function == nullptr) throw py::error_already_set();
    add("from_dict", PyStaticMethod_New(py::reinterpret_steal<py::object>(function).ptr()));
    return *this;
  }

  // Pickling through a str: __getstate__ gives `get(value)`, __setstate__ builds the value
  // from `set(text)`.
  template <typename Get, typename Set>
  members& pickle_as_text(Get get, Set set) {
    method("__getstate__", std::move(get));
    store<Set>(set);
    add("__setstate__",
        PyDescr_NewMethod(type(), new PyMethodDef{"__setstate__", &call_setstate<T, Set>, METH_O,
                                                  documented("__setstate__", "($self, state, /)", nullptr)}));
    return *this;
  }

  // An operator taking one more object of the class ("__eq__", "__ne__"), NotImplemented for
  // any other. As with pybind11, a class given __eq__ and no __hash__ is unhashable.
  template <typename F>
  members& binary(const char* name, F fn) {
    add_method(name, fn, &call_binary<T, F>, METH_O, nullptr);
    if (std::string_view(name) == "__eq__" && !PyDict_GetItemString(type()->tp_dict, "__hash__"))
      add("__hash__", py::none().release().ptr());
    return *this;
  }

 private:
  PyTypeObject* type() const { return reinterpret_cast<PyTypeObject*>(cls_.ptr()); }

  void add(const char* name, PyObject* descriptor) {
    const py::object owned = py::reinterpret_steal<py::object>(descriptor);
    if (!owned) throw py::error_already_set();
    // A special method must go through setattr, which points the type's slot at it. Any
    // other name goes straight into the class's dict; PyType_Modified is CPython's way to
    // say so (it drops cached look-ups), and it spares pybind11's and type's setattr.
    const std::string_view n(name);
    const bool special = n.substr(0, 2) == "__" && n != "__getstate__" && n != "__setstate__";
    if (special ? PyObject_SetAttrString(cls_.ptr(), name, owned.ptr()) != 0 : !put_in_dict(name, owned.ptr()))
      throw py::error_already_set();
  }

  bool put_in_dict(const char* name, PyObject* value) {
    PyObject* key = PyUnicode_InternFromString(name);
    if (key == nullptr) return false;
    const int failed = PyDict_SetItem(type()->tp_dict, key, value);
    Py_DECREF(key);
    PyType_Modified(type());
    return failed == 0;
  }

  template <typename F>
  static void store(const F& fn) {
    // Kept per type: two functions of one pointer type would share the first one's slot.
    static_assert(std::is_class_v<F>, "pass a lambda, not a function pointer");
    if (method_body<T, F>::fn == nullptr) method_body<T, F>::fn = new F(fn);
  }

  // help() and inspect.signature read the signature from the head of the doc string.
  static const char* documented(const char* name, const char* signature, const char* doc) {
    return (new std::string(std::string(name) + signature + "\n--\n\n" + (doc ? doc : "")))->c_str();
  }

  template <typename F>
  members& add_method(const char* name, const F& fn, PyCFunction call, int flags, const char* doc) {
    store<F>(fn);
    const char* signature = flags == METH_O ? "($self, other, /)" : "($self, /)";
    add(name, PyDescr_NewMethod(type(), new PyMethodDef{name, call, flags, documented(name, signature, doc)}));
    return *this;
  }

  py::handle cls_;
};
template <typename T, typename... Options>
members(const py::class_<T, Options...>&) -> members<T>;

// Equality, pickling (through the catalog format), to_dict/from_dict for a value class.
template <typename T, typename Class>
void value_protocol(Class& cls, const char* name) {
  members(cls)
      .binary("__eq__", [](const T& a, const T& b) { return a == b; })
      .binary("__ne__", [](const T& a, const T& b) { return !(a == b); })
      .method(
          "to_dict", [](const T& x) { return json_loads(to_json(x, -1)); }, "The value as in the catalog JSON format.")
      .from_dict([name](py::handle d) { return decode_python<T>(d, name); },
                 "Build from the catalog JSON shape; raises ParseError.")
      .pickle_as_text([](const T& x) { return to_json(x, -1); },
                      [name](const std::string& s) { return decode_json_text<T>(s, name); });
}

template <typename T, typename Class>
void hash_by_id(Class& cls) {
  members(cls).method("__hash__", [](const T& x) { return py::hash(py::str(x.id)); });
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
// Every class's caster checks first (require_initialised) and raises TypeError instead of
// loading an object that has no C++ value.
namespace pybind11::detail {
template <typename T>
struct initialised_caster : type_caster_base<T> {
  bool load(handle src, bool convert) {
    // Checked before loading: pybind11's load would allocate raw memory.
    electsec::python::require_initialised<T>(src.ptr());
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
template <>
struct type_caster<electsec::CisoAssistantImport> : initialised_caster<electsec::CisoAssistantImport> {};
template <>
struct type_caster<electsec::ComponentConnection> : initialised_caster<electsec::ComponentConnection> {};
template <>
struct type_caster<electsec::ComponentVariant> : initialised_caster<electsec::ComponentVariant> {};
template <>
struct type_caster<electsec::ConnectednessClass> : initialised_caster<electsec::ConnectednessClass> {};
template <>
struct type_caster<electsec::Distribution> : initialised_caster<electsec::Distribution> {};
template <>
struct type_caster<electsec::FieldChange> : initialised_caster<electsec::FieldChange> {};
template <>
struct type_caster<electsec::ImportSummary> : initialised_caster<electsec::ImportSummary> {};
template <>
struct type_caster<electsec::OfficeProgress> : initialised_caster<electsec::OfficeProgress> {};
template <>
struct type_caster<electsec::OscalImport> : initialised_caster<electsec::OscalImport> {};
template <>
struct type_caster<electsec::Paragraph> : initialised_caster<electsec::Paragraph> {};
template <>
struct type_caster<electsec::PeerComparison> : initialised_caster<electsec::PeerComparison> {};
template <>
struct type_caster<electsec::PracticeComparison> : initialised_caster<electsec::PracticeComparison> {};
template <>
struct type_caster<electsec::Primer> : initialised_caster<electsec::Primer> {};
template <>
struct type_caster<electsec::Progress> : initialised_caster<electsec::Progress> {};
template <>
struct type_caster<electsec::StatusRow> : initialised_caster<electsec::StatusRow> {};
template <>
struct type_caster<electsec::StoreEvent> : initialised_caster<electsec::StoreEvent> {};
template <>
struct type_caster<electsec::SystemComponent> : initialised_caster<electsec::SystemComponent> {};
template <>
struct type_caster<electsec::SystemLink> : initialised_caster<electsec::SystemLink> {};
template <>
struct type_caster<electsec::SystemRisk> : initialised_caster<electsec::SystemRisk> {};
template <>
struct type_caster<electsec::TrendPoint> : initialised_caster<electsec::TrendPoint> {};
}  // namespace pybind11::detail
