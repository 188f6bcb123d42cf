#pragma once
// One table of names per enum, and the one way they are parsed: an unknown string is an
// Error naming what was given and every accepted spelling (not public API).

#include <electsec/error.hpp>

#include <array>
#include <string>
#include <string_view>

namespace electsec::detail {

template <typename Enum, std::size_t N>
struct EnumNames {
  const char* what;  // "status", "jurisdiction kind", ... as the error says it
  std::array<Enum, N> values;
  std::array<std::string_view, N> names;

  std::string_view name(Enum value) const {
    for (std::size_t i = 0; i < N; ++i)
      if (values[i] == value) return names[i];
    return "?";
  }

  Enum parse(std::string_view text) const {
    for (std::size_t i = 0; i < N; ++i)
      if (names[i] == text) return values[i];
    std::string accepted;
    for (std::size_t i = 0; i < N; ++i) accepted += (i ? ", '" : "'") + std::string(names[i]) + "'";
    throw Error("unknown " + std::string(what) + " '" + std::string(text) + "' (expected one of " + accepted + ")");
  }
};

}  // namespace electsec::detail
