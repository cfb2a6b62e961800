// Content hashing (xxHash, XXH3). Stable across platforms and versions of
// newstrace: stored document ids are derived from it.
#ifndef NEWSTRACE_BASE_HASH_H_
#define NEWSTRACE_BASE_HASH_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace newstrace::base {

// XXH3 64-bit hash of `bytes` (seed 0).
uint64_t Hash64(std::string_view bytes);

// XXH3 128-bit hash of `bytes` (seed 0), high half first, big-endian bytes.
std::array<uint8_t, 16> Hash128(std::string_view bytes);

// `value` as 16 lowercase hex digits.
std::string Hex64(uint64_t value);

// Parses 1 to 16 hex digits. Returns false when `hex` is empty, too long or
// not hex.
bool ParseHex64(std::string_view hex, uint64_t* value);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_HASH_H_
