#pragma once
// Small text helpers shared by the library's parts (not public API).

#include <electsec/text.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace electsec::detail {

// The public helpers (text.hpp), under the names the library's parts have always used.
using ::electsec::closest;
using ::electsec::is_utf8;
using ::electsec::join;
using ::electsec::lower_case;

/// ASCII classes and case, the same whatever the process's locale: the C library's
/// isalnum and tolower follow the locale, which a program or Python around the library
/// may set, and would then treat bytes of UTF-8 characters as letters.
constexpr bool ascii_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool ascii_alpha(char c) { return ascii_upper(c) || (c >= 'a' && c <= 'z'); }
constexpr bool ascii_alnum(char c) { return ascii_alpha(c) || ascii_digit(c); }
constexpr char ascii_lower(char c) { return ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

/// The character that starts at byte `at` of `text`: its length in bytes, 0 when the bytes
/// there are not well-formed UTF-8 (a stray byte, an overlong form, a surrogate, a code
/// point past U+10FFFF, a sequence cut short), and its code point.
struct Utf8Char {
  std::size_t length;
  unsigned code;
};
Utf8Char utf8_char_at(std::string_view text, std::size_t at);

/// At most `max` bytes of `text`, cut before a character, never inside one.
std::string_view cut_before_character(std::string_view text, std::size_t max);

/// Lower-case ASCII letters and digits, every other run of characters one '-', no '-'
/// at either end: "User Recommendations" -> "user-recommendations".
std::string kebab_case(std::string_view text);

/// Edit distance (insertions, deletions, substitutions), ASCII case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Split on a single character; keeps empty pieces.
std::vector<std::string_view> split(std::string_view text, char sep);

}  // namespace electsec::detail
