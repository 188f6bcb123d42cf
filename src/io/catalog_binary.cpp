#include "catalog_binary.hpp"

#include <electsec/error.hpp>

#include <cstdint>
#include <type_traits>

namespace electsec::detail {

namespace {

constexpr std::string_view magic = "ESCB";
// Raise when the layout changes (a field added, removed or reordered).
constexpr std::uint64_t format = 1;

// Each value type lists its fields once; the same list writes and reads them, so the two
// directions cannot drift apart. A field missing from a list would come back empty, which
// the round-trip test over the whole catalog catches (CatalogData's == compares every field).
#define ELECTSEC_FIELDS(Type, ...)   \
  template <typename A>              \
  void fields(A& a, const Type& x) { \
    a(__VA_ARGS__);                  \
  }                                  \
  template <typename A>              \
  void fields(A& a, Type& x) {       \
    a(__VA_ARGS__);                  \
  }

ELECTSEC_FIELDS(Link, x.title, x.url)
ELECTSEC_FIELDS(Goal, x.id, x.text, x.maturity, x.links)
ELECTSEC_FIELDS(Action, x.id, x.levels, x.group, x.text, x.links)
ELECTSEC_FIELDS(Paragraph, x.block, x.group, x.after, x.kind, x.text, x.links)
ELECTSEC_FIELDS(Tool, x.name, x.url, x.description)
ELECTSEC_FIELDS(SafeguardMapping, x.safeguard, x.maturity)
ELECTSEC_FIELDS(Practice, x.id, x.title, x.order, x.scopes, x.summary, x.links, x.goals, x.actions, x.paragraphs,
                x.tools, x.learn_more, x.safeguards, x.handbook)
ELECTSEC_FIELDS(Control, x.id, x.title)
ELECTSEC_FIELDS(Safeguard, x.id, x.control, x.title, x.asset_type, x.security_function, x.implementation_groups,
                x.depends_on)
ELECTSEC_FIELDS(HandbookPractice, x.number, x.title, x.practices)
ELECTSEC_FIELDS(MaturityLevel, x.level, x.name, x.description)
ELECTSEC_FIELDS(MaturityStatement, x.id, x.level, x.text, x.links)
ELECTSEC_FIELDS(Worksheet, x.id, x.name, x.group, x.actions)
ELECTSEC_FIELDS(CdmRank, x.rank, x.safeguard, x.practice)
ELECTSEC_FIELDS(Priorities, x.level1_baseline, x.level1_election, x.cdm_ranking)
ELECTSEC_FIELDS(GlossaryEntry, x.term, x.definition, x.links)
ELECTSEC_FIELDS(Acronym, x.term, x.expansion)
ELECTSEC_FIELDS(GuidanceSource, x.id, x.title, x.publisher, x.date, x.url, x.partners)
ELECTSEC_FIELDS(RelatedPractice, x.practice, x.reason, x.provenance)
ELECTSEC_FIELDS(Recommendation, x.id, x.source, x.audience, x.category, x.title, x.text, x.practices, x.safeguards,
                x.links)
ELECTSEC_FIELDS(Guidance, x.sources, x.recommendations)
ELECTSEC_FIELDS(GuideInfo, x.title, x.version)
ELECTSEC_FIELDS(CatalogData, x.guide, x.maturity_levels, x.maturity_statements, x.practices, x.controls, x.safeguards,
                x.priorities, x.handbook, x.glossary, x.acronyms, x.guidance)

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
  explicit Reader(std::string_view in) : in_(in) {}
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
  void get(std::string& s) {
    const std::size_t n = length();
    s.assign(in_.data() + at_, n);
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

CatalogData decode_catalog_binary(std::string_view bytes) {
  Reader r(bytes);
  std::string m;
  r(m);
  int f = 0;
  r(f);
  if (m != magic || f != static_cast<int>(format)) Reader::fail();
  CatalogData data;
  r(data);
  if (!r.at_end()) Reader::fail();
  return data;
}

}  // namespace electsec::detail
