#pragma once
// SHA-1 (FIPS 180-4), for name-based (version 5) UUIDs only: not for anything that needs a
// secure hash (not public API).

#include <array>
#include <cstdint>
#include <string>

namespace electsec::detail {

/// The 20-byte SHA-1 digest of `message`.
std::array<std::uint8_t, 20> sha1(const std::string& message);

}  // namespace electsec::detail
