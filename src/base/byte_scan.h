// Byte scans that run over every byte of every input before any parsing:
// the first non-ASCII byte (UTF-8 validation, NFC), C0 control bytes
// (binary sniffing, control cleanup) and code points (line widths). Sixteen
// bytes at a time with SSE2 (part of every x86-64 CPU), eight at a time
// elsewhere; the results do not depend on the path taken.
#ifndef NEWSTRACE_BASE_BYTE_SCAN_H_
#define NEWSTRACE_BASE_BYTE_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newstrace::base {

// A set of C0 control bytes (0x00..0x1F): bit b stands for byte b.
constexpr uint32_t ControlBit(unsigned char c) { return uint32_t{1} << c; }

// Index of the first byte >= 0x80 in s[from, size), or s.size().
inline size_t FindNonAscii(std::string_view s, size_t from = 0) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 32 <= n; i += 32) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i b =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 16));
    if (_mm_movemask_epi8(_mm_or_si128(a, b)) != 0) break;
  }
  for (; i + 16 <= n; i += 16) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(a));
    if (m != 0) return i + static_cast<size_t>(__builtin_ctz(m));
  }
#else
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
#endif
  while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

namespace byte_scan_internal {

#if defined(__SSE2__)
// Bit k set when p[k] (of 16) is below 0x20.
inline unsigned ControlMask16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i low = _mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8(0x1F)),
                                     _mm_setzero_si128());
  return static_cast<unsigned>(_mm_movemask_epi8(low));
}
#endif

inline bool IsControl(char c, uint32_t allowed) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x20 && ((allowed >> u) & 1u) == 0;
}

}  // namespace byte_scan_internal

// Index of the first byte below 0x20 that is not in `allowed` (ControlBit
// set) in s[from, size), or s.size().
inline size_t FindControl(std::string_view s, uint32_t allowed,
                          size_t from = 0) {
  using byte_scan_internal::IsControl;
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    // Text has a newline or a tab every few dozen bytes: look at the few
    // control bytes one by one.
    for (unsigned m = byte_scan_internal::ControlMask16(p + i); m != 0;
         m &= m - 1) {
      const size_t k = i + static_cast<size_t>(__builtin_ctz(m));
      if (IsControl(p[k], allowed)) return k;
    }
  }
#endif
  for (; i < n; ++i) {
    if (IsControl(p[i], allowed)) return i;
  }
  return n;
}

// Number of bytes of `s` below 0x20 that are not in `allowed`.
inline size_t CountControls(std::string_view s, uint32_t allowed) {
  using byte_scan_internal::IsControl;
  const char* p = s.data();
  const size_t n = s.size();
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    for (unsigned m = byte_scan_internal::ControlMask16(p + i); m != 0;
         m &= m - 1) {
      count += IsControl(p[i + static_cast<size_t>(__builtin_ctz(m))], allowed);
    }
  }
#endif
  for (; i < n; ++i) count += IsControl(p[i], allowed);
  return count;
}

// Number of UTF-8 continuation bytes (10xxxxxx) in `s`: s.size() less this
// is the number of code points of well-formed `s`.
inline size_t CountContinuationBytes(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  while (i + 16 <= n) {
    // Per-byte counters (each continuation byte's compare is -1), summed
    // before any can pass 255.
    const size_t end = i + 255 * 16 < n ? i + 255 * 16 : n;
    __m128i counts = _mm_setzero_si128();
    for (; i + 16 <= end; i += 16) {
      const __m128i v =
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // Signed, 0x80..0xBF are -128..-65.
      counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(v, _mm_set1_epi8(-64)));
    }
    const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#else
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    // Per byte, bit 7 set and bit 6 clear (x << 1 brings bit 6 to bit 7).
    const uint64_t c = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
    count += (c * 0x0101010101010101ull) >> 56;  // sum of the bytes
  }
#endif
  for (; i < n; ++i) {
    count += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  }
  return count;
}

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_BYTE_SCAN_H_
