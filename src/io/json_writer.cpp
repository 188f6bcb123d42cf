#include "json_writer.hpp"

#include "json_bytes.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace electsec::detail {

void JsonWriter::grow(std::size_t n) {
  if (sink_) {  // the buffer is full: what it holds is sent, and the buffer is used again
    if (len_ > 0) sink_(std::string_view(buf_.data(), len_));
    len_ = 0;
    if (buf_.size() < n) buf_.resize(n);  // one value longer than a piece
    return;
  }
  constexpr std::size_t step = 16384;
  buf_.resize(std::max(buf_.size() + step, len_ + n));  // past the capacity, the string doubles it
}

void JsonWriter::open(char c) {
  element();
  put(c);
  open_.push_back(0);
}

void JsonWriter::close(char c) {
  const bool any = open_.back() != 0;
  open_.pop_back();
  if (any && indent_ >= 0) newline(open_.size());
  put(c);
}

void JsonWriter::value(std::int64_t n) {
  element();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  put(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::value(std::uint64_t n) {
  element();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  put(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::number(double x) {
  element();
  if (!std::isfinite(x)) {
    put("null", 4);
    return;
  }
  // nlohmann's own formatter, so that the digits are the ones dump() gives, which is not
  // always what std::to_chars would give (the ".0" of a whole number, the exponent form).
  char buf[64];
  const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, x);
  put(buf, static_cast<std::size_t>(end - buf));
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

}  // namespace

void JsonWriter::quoted(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::size_t i = plain_json_prefix(s.data(), s.size());  // what is copied as it is
  if (i == s.size()) {                                    // most strings: nothing to escape
    char* at = room(s.size() + 2);
    at[0] = '"';
    if (!s.empty()) std::memcpy(at + 1, s.data(), s.size());
    at[s.size() + 1] = '"';
    len_ += s.size() + 2;
    return;
  }
  put('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = utf8_sequence(s, i);
      if (n == 0) throw NotUtf8{};
      i += n;
    } else {
      put(s.data() + run, i - run);
      switch (c) {
        case '"':
          put("\\\"", 2);
          break;
        case '\\':
          put("\\\\", 2);
          break;
        case '\b':
          put("\\b", 2);
          break;
        case '\t':
          put("\\t", 2);
          break;
        case '\n':
          put("\\n", 2);
          break;
        case '\f':
          put("\\f", 2);
          break;
        case '\r':
          put("\\r", 2);
          break;
        default: {
          const char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
          put(esc, 6);
        }
      }
      run = ++i;
    }
    i += plain_json_prefix(s.data() + i, s.size() - i);
  }
  put(s.data() + run, s.size() - run);
  put('"');
}

}  // namespace electsec::detail
