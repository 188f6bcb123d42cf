#include "catalog_binary.hpp"

#include "catalog_fields.hpp"

#include <electsec/error.hpp>

#include <cstdint>
#include <type_traits>

namespace electsec::detail {

namespace {

constexpr std::string_view magic = "ESCB";
// Raise when the layout changes (a field added, removed or reordered).
constexpr std::uint64_t format = 2;

// Each value type's fields come from one list (catalog_fields.hpp); the same list writes and
// reads them, so the two directions cannot drift apart.
#define ELECTSEC_FIELDS(Type, ...)   \
  template <typename A>              \
  void fields(A& a, const Type& x) { \
    a(__VA_ARGS__);                  \
  }                                  \
  template <typename A>              \
  void fields(A& a, Type& x) {       \
    a(__VA_ARGS__);                  \
  }

ELECTSEC_CATALOG_FIELDS(ELECTSEC_FIELDS)

#undef ELECTSEC_FIELDS

class Writer {
 public:
  template <typename... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }
  std::string take() { return std::move(out_); }

 private:
  void number(std::uint64_t n) {
    do {
      const auto low = static_cast<unsigned char>(n & 0x7f);
      n >>= 7;
      out_.push_back(static_cast<char>(n ? (low | 0x80) : low));
    } while (n);
  }
  // Signed whole numbers are zig-zagged so that small negatives stay short.
  void put(int v) { number((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v < 0 ? -1 : 0)); }
  void put(bool b) { put(b ? 1 : 0); }
  void put(const std::string& s) {
    number(s.size());
    out_ += s;
  }
  template <typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  void put(E e) {
    put(static_cast<int>(e));
  }
  template <typename T>
  void put(const std::optional<T>& o) {
    out_.push_back(o ? 1 : 0);
    if (o) put(*o);
  }
  template <typename T>
  void put(const std::vector<T>& v) {
    number(v.size());
    for (const auto& x : v) put(x);
  }
  template <typename T, std::size_t N>
  void put(const std::array<T, N>& v) {
    for (const auto& x : v) put(x);
  }
  template <typename T, std::enable_if_t<std::is_class_v<T>, int> = 0>
  void put(const T& x) {
    fields(*this, x);
  }

  std::string out_;
};

class Reader {
 public:
  /// `copying` false: strings and lists are stepped over, except the Controls and Safeguards.
  explicit Reader(std::string_view in, bool copying = true) : in_(in), copying_(copying) {}
  template <typename... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  std::uint64_t number() {
    std::uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ >= in_.size()) fail();
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return n;
    }
    fail();
  }
  bool at_end() const { return at_ == in_.size(); }
  std::size_t left() const { return in_.size() - at_; }
  [[noreturn]] static void fail() { throw Error("the embedded catalog is damaged (rebuild electsec)"); }

 private:
  // A length no greater than what is left: a damaged length cannot make a huge allocation.
  std::size_t length() {
    const std::uint64_t n = number();
    if (n > in_.size() - at_) fail();
    return static_cast<std::size_t>(n);
  }
  void get(int& v) {
    const std::uint64_t z = number();
    v = static_cast<int>(static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1));
  }
  void get(bool& b) {
    int v = 0;
    get(v);
    if (v != 0 && v != 1) fail();
    b = v == 1;
  }
  void get(std::string& s) {
    const std::size_t n = length();
    if (copying_) s.assign(in_.data() + at_, n);
    at_ += n;
  }
  template <typename E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  void get(E& e) {
    int v = 0;
    get(v);
    e = static_cast<E>(v);
  }
  template <typename T>
  void get(std::optional<T>& o) {
    if (at_ >= in_.size()) fail();
    if (in_[at_++] == 0) {
      o.reset();
      return;
    }
    get(o.emplace());
  }
  template <typename T>
  void get(std::vector<T>& v) {
    const std::size_t n = length();  // every element takes at least one byte
    if (!copying_) {                 // stepped over: each element read into one scratch value, no text kept
      T scratch{};
      for (std::size_t i = 0; i < n; ++i) get(scratch);
      return;
    }
    copy_all(v, n);
  }
  // The Controls and Safeguards are copied out even when the rest is stepped over.
  void get(std::vector<Control>& v) { copy_anyway(v); }
  void get(std::vector<Safeguard>& v) { copy_anyway(v); }
  template <typename T>
  void copy_anyway(std::vector<T>& v) {
    const bool was = copying_;
    copying_ = true;
    copy_all(v, length());
    copying_ = was;
  }
  template <typename T>
  void copy_all(std::vector<T>& v, std::size_t n) {
    v.clear();
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) get(v.emplace_back());
  }
  template <typename T, std::size_t N>
  void get(std::array<T, N>& v) {
    for (auto& x : v) get(x);
  }
  template <typename T, std::enable_if_t<std::is_class_v<T>, int> = 0>
  void get(T& x) {
    fields(*this, x);
  }

  std::string_view in_;
  std::size_t at_ = 0;
  bool copying_;
};

}  // namespace

std::string encode_catalog_binary(const CatalogData& data) {
  Writer w;
  w(std::string(magic));
  w(static_cast<int>(format));
  w(data);
  std::string out = w.take();
  return out;
}

namespace {
// The magic and format number, then the data, copied out whole or only its Controls and
// Safeguards.
void decode(std::string_view bytes, CatalogData& data, bool copying) {
  Reader header(bytes);
  std::string m;
  header(m);
  int f = 0;
  header(f);
  if (m != magic || f != static_cast<int>(format)) Reader::fail();
  Reader r(bytes.substr(bytes.size() - header.left()), copying);
  r(data);
  if (!r.at_end()) Reader::fail();
}
}  // namespace

CatalogData decode_catalog_binary(std::string_view bytes) {
  CatalogData data;
  decode(bytes, data, true);
  return data;
}

ControlsAndSafeguards decode_controls_and_safeguards(std::string_view bytes) {
  CatalogData data;
  decode(bytes, data, false);
  return {std::move(data.controls), std::move(data.safeguards)};
}

}  // namespace electsec::detail
