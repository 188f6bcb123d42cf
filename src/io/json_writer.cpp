#include "json_writer.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>

namespace electsec::detail {

void JsonWriter::open(char c) {
  element();
  out_ += c;
  open_.push_back(false);
}

void JsonWriter::close(char c) {
  const bool any = open_.back();
  open_.pop_back();
  if (any && indent_ >= 0) newline(open_.size());
  out_ += c;
}

void JsonWriter::value(std::int64_t n) {
  element();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

namespace {

// The length of the well-formed UTF-8 sequence at s[i] (Unicode's table 3-7: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0. nlohmann's decoder accepts the same.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = at(i);
  const auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < s.size() && at(k) >= lo && at(k) <= hi;
  };
  if (b >= 0xC2 && b <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (b == 0xE0) return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : 0;
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
  if (b == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
  if (b == 0xF0) return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b >= 0xF1 && b <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  if (b == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  return 0;
}

// What a byte needs in a JSON string: nothing (0), an escape (1), or a check that its
// UTF-8 sequence is whole (2).
struct ByteKinds {
  unsigned char kind[256] = {};
  constexpr ByteKinds() {
    for (int c = 0; c < 0x20; ++c) kind[c] = 1;
    kind[static_cast<int>('"')] = 1;
    kind[static_cast<int>('\\')] = 1;
    for (int c = 0x80; c < 0x100; ++c) kind[c] = 2;
  }
};
constexpr ByteKinds byte_kinds;

// Whether any of the eight bytes of `w` needs more than copying: one below 0x20, '"', '\\'
// or one from 0x80 on (the classic test for a zero byte, applied to w minus 0x20 and to w
// compared with each of the two characters).
bool any_special(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  const auto zero_in = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  return ((w - ones * 0x20) | w | zero_in(w ^ (ones * '"')) | zero_in(w ^ (ones * '\\'))) & highs;
}

}  // namespace

void JsonWriter::quoted(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size();) {
    // Most text is plain: skipped eight bytes at a time up to the first that is not.
    for (std::uint64_t w; i + 8 <= s.size(); i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      if (any_special(w)) break;
    }
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (byte_kinds.kind[c] == 0) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(s, i);
      if (n == 0) throw NotUtf8{};
      i += n;
      continue;
    }
    out_.append(s.data() + run, i - run);
    switch (c) {
      case '"':
        out_.append("\\\"", 2);
        break;
      case '\\':
        out_.append("\\\\", 2);
        break;
      case '\b':
        out_.append("\\b", 2);
        break;
      case '\t':
        out_.append("\\t", 2);
        break;
      case '\n':
        out_.append("\\n", 2);
        break;
      case '\f':
        out_.append("\\f", 2);
        break;
      case '\r':
        out_.append("\\r", 2);
        break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out_.append(esc, 6);
      }
    }
    run = ++i;
  }
  out_.append(s.data() + run, s.size() - run);
  out_ += '"';
}

}  // namespace electsec::detail
