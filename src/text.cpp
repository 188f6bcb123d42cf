#include "text.hpp"

#include <electsec/text.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <numeric>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace electsec::detail {

std::string kebab_case(std::string_view text) {
  std::string out;
  bool pending_dash = false;
  for (char c : text) {
    if (ascii_alnum(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += ascii_lower(c);
    } else {
      pending_dash = true;
    }
  }
  return out;
}

Utf8Char utf8_char_at(std::string_view t, std::size_t at) {
  const auto b = static_cast<unsigned char>(t[at]);
  if (b < 0x80) return {1, b};
  const std::size_t length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
  if (length == 0 || at + length > t.size()) return {0, b};
  unsigned code = length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
  for (std::size_t k = 1; k < length; ++k) {
    const auto c = static_cast<unsigned char>(t[at + k]);
    if ((c & 0xC0) != 0x80) return {0, b};
    code = (code << 6) | (c & 0x3F);
  }
  if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
      (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
    return {0, b};
  return {length, code};
}

std::string_view cut_before_character(std::string_view t, std::size_t max) {
  if (t.size() <= max) return t;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
  return t.substr(0, cut);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string_view> split(std::string_view text, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(sep, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace electsec::detail

namespace electsec {

bool is_utf8(std::string_view t) {
  for (std::size_t i = 0; i < t.size();) {
    // ASCII, the bulk of any text here, sixteen or eight bytes at a time.
#if defined(__SSE2__)
    if (t.size() - i >= 16 && _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + i))) == 0) {
      i += 16;
      continue;
    }
#endif
    std::uint64_t word;
    if (i + 8 <= t.size() && (std::memcpy(&word, t.data() + i, 8), (word & 0x8080808080808080ULL) == 0)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(t[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = detail::utf8_char_at(t, i).length;
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = detail::ascii_lower(c);
  return out;
}

std::vector<std::string> closest(std::string_view query, const std::vector<std::string>& candidates,
                                 std::size_t limit) {
  // Suggestions are for typos: a query far longer than any id gets none, and a candidate
  // whose length alone puts it past the threshold is not compared (keeps this linear).
  constexpr std::size_t longest_query = 200;
  if (query.size() > longest_query) return {};
  const std::size_t threshold = std::max<std::size_t>(2, query.size() / 3);
  struct Scored {
    std::size_t score;
    std::size_t index;
  };
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    const bool prefix_possible = !query.empty() && c.size() > query.size();
    const std::size_t length_gap = c.size() > query.size() ? c.size() - query.size() : query.size() - c.size();
    if (length_gap > threshold && !prefix_possible) continue;
    std::size_t score = length_gap > threshold ? threshold + 1 : detail::edit_distance(query, c);
    const bool prefix = !query.empty() && c.size() > query.size() &&
                        detail::edit_distance(query, std::string_view(c).substr(0, query.size())) == 0;
    if (prefix) score = std::min<std::size_t>(score, 1);
    if (score <= threshold) scored.push_back({score, i});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) { return x.score < y.score; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && out.size() < limit; ++i) {
    const std::string& c = candidates[scored[i].index];
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += sep;
    out += items[i];
  }
  return out;
}

std::string percent(double fraction) { return std::to_string(static_cast<int>(fraction * 100 + 0.5)) + "%"; }

}  // namespace electsec
