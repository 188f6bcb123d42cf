#pragma once
// Finding the bytes of a JSON string that need a closer look, eight at a time (not public
// API): shared by the fast assessment reader and the JSON writer, whose strings are mostly
// plain ASCII.

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace electsec::detail {

/// A byte a JSON string may hold as it is, with nothing to check: printable ASCII (and
/// DEL) other than the quote and the backslash.
constexpr bool plain_json_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
}

/// The high bit of each byte of the word `w` that is not a plain_json_byte, and no other
/// bit: exact per byte, since no step carries from one byte into the next.
constexpr std::uint64_t special_json_bytes(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull, lows = 0x7F7F7F7F7F7F7F7Full;
  const auto zero_bytes = [](std::uint64_t x) { return ~(((x & lows) + lows) | x) & highs; };
  const std::uint64_t control = ~((w & lows) + 0x60 * ones) & ~w & highs;  // below 0x20
  return control | (w & highs) | zero_bytes(w ^ ('"' * ones)) | zero_bytes(w ^ ('\\' * ones));
}

/// How many plain_json_bytes `s` (of `n` bytes) starts with.
inline std::size_t plain_json_prefix(const char* s, std::size_t n) {
  std::size_t i = 0;
#if defined(__SSE2__)
  // Sixteen bytes at a time: as signed bytes, those below 0x20 and those of 0x80 or more
  // are both less than 0x20.
  const __m128i below = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; n - i >= 16; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    const __m128i special =
        _mm_or_si128(_mm_cmplt_epi8(x, below), _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
    if (const int mask = _mm_movemask_epi8(special); mask != 0)
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
  if (i < n && n >= 16) {  // the last bytes: the final sixteen, less those already seen
    const std::size_t from = n - 16;
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + from));
    const __m128i special =
        _mm_or_si128(_mm_cmplt_epi8(x, below), _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special)) >> (i - from);
    return mask != 0 ? i + static_cast<std::size_t>(__builtin_ctz(mask)) : n;
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  for (; n - i >= 8; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (const std::uint64_t special = special_json_bytes(w); special != 0)
      return i + static_cast<std::size_t>(__builtin_ctzll(special)) / 8;
  }
#endif
  while (i < n && plain_json_byte(s[i])) ++i;
  return i;
}

}  // namespace electsec::detail
