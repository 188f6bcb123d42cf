#pragma once
// The pieces every decoder shares: an object reader that refuses unknown keys and names
// missing ones, and the checks of enum strings, maturities and numbers (not public API).

#include "json_codec.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace electsec::detail {

[[noreturn]] inline void wrong(const json& j, const std::string& path, const std::string& expected) {
  throw DecodeError{path, "expected " + expected + ", found " + type_name(j)};
}

// Reads one JSON object: rejects keys it does not know and names the missing ones.
class Object {
 public:
  Object(const json& j, std::string path, std::initializer_list<const char*> keys) : j_(j), path_(std::move(path)) {
    if (!j.is_object()) wrong(j, path_.empty() ? "/" : path_, "an object");
    for (const auto& item : j.items()) {
      const bool known = std::any_of(keys.begin(), keys.end(), [&](const char* k) { return item.key() == k; });
      if (!known) {
        std::string list;
        for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
        throw DecodeError{at(item.key()), "unknown field '" + item.key() + "' (known: " + list + ")"};
      }
    }
  }

  std::string at(std::string_view key) const { return path_ + "/" + pointer_token(key); }

  const json* optional(const char* key) const {
    const auto it = j_.find(key);
    return it == j_.end() ? nullptr : &*it;
  }

  const json& required(const char* key) const {
    const json* v = optional(key);
    if (v == nullptr) throw DecodeError{at(key), "missing required field '" + std::string(key) + "'"};
    return *v;
  }

  std::string string(const char* key) const { return as_string(required(key), at(key)); }

  std::string string_or_empty(const char* key) const {
    const json* v = optional(key);
    return v ? as_string(*v, at(key)) : std::string();
  }

  int integer(const char* key) const { return as_int(required(key), at(key)); }

  static std::string as_string(const json& v, const std::string& path) {
    if (!v.is_string()) wrong(v, path, "a string");
    return v.get<std::string>();
  }

  static int as_int(const json& v, const std::string& path) {
    if (integer_past_int64(v)) throw DecodeError{path, "integer out of range"};
    if (!v.is_number_integer()) wrong(v, path, "an integer");
    const auto n = v.get<long long>();
    if (n < -1000000000LL || n > 1000000000LL) throw DecodeError{path, "integer out of range"};
    return static_cast<int>(n);
  }

  // A list of items decoded one by one; a missing list is empty.
  template <typename F, typename T = std::invoke_result_t<F, const json&, const std::string&>>
  std::vector<T> list(const char* key, F each) const {
    std::vector<T> out;
    const json* v = optional(key);
    if (v == nullptr) return out;
    const std::string path = at(key);
    if (!v->is_array()) wrong(*v, path, "an array");
    out.reserve(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) out.push_back(each((*v)[i], path + "/" + std::to_string(i)));
    return out;
  }

 private:
  const json& j_;
  std::string path_;
};

// Turns an enum parser's electsec::Error into a DecodeError at `path`.
template <typename F>
auto enum_at(const json& v, const std::string& path, F parse) {
  const std::string text = Object::as_string(v, path);
  try {
    return parse(text);
  } catch (const Error& e) {
    throw DecodeError{path, e.what()};
  }
}

inline Maturity maturity_at(const json& v, const std::string& path) {
  const int n = Object::as_int(v, path);
  if (!valid_maturity(n)) throw DecodeError{path, "maturity must be 1, 2 or 3, found " + std::to_string(n)};
  return static_cast<Maturity>(n);
}

inline std::optional<Maturity> optional_maturity(const Object& o, const char* key) {
  const json* v = o.optional(key);
  if (v == nullptr || v->is_null()) return std::nullopt;
  return maturity_at(*v, o.at(key));
}

inline std::string string_item(const json& v, const std::string& path) { return Object::as_string(v, path); }
inline int int_item(const json& v, const std::string& path) { return Object::as_int(v, path); }

}  // namespace electsec::detail
