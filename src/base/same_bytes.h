// SameBytes: equality of two short byte strings, as word lookups need it.
#ifndef NEWSTRACE_BASE_SAME_BYTES_H_
#define NEWSTRACE_BASE_SAME_BYTES_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace newstrace::base {

// True when a[0, n) == b[0, n). Words are short: a few overlapping
// word-sized loads beat a call to memcmp and a byte loop alike.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  auto load8 = [](const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  };
  auto load4 = [](const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  if (n >= 8) {
    // Whole words, then the last eight bytes (overlapping the last word).
    for (size_t k = 0; k + 8 < n; k += 8) {
      if (load8(a + k) != load8(b + k)) return false;
    }
    return load8(a + n - 8) == load8(b + n - 8);
  }
  if (n >= 4) {
    return load4(a) == load4(b) && load4(a + n - 4) == load4(b + n - 4);
  }
  for (size_t k = 0; k < n; ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_SAME_BYTES_H_
