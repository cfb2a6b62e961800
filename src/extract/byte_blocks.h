// Plain-text cleaning, eight bytes at a time: loads, stores and per-byte
// masks computed with word-wide bit arithmetic, for the scans that look at
// every byte of a line (lower-casing a cue key, finding capitals, phrase
// windows). A byte's mask bit is its high bit (bit 8k + 7 for byte k, the
// first byte lowest whatever the machine's byte order). Internal to the
// extract module.
#ifndef NEWSTRACE_EXTRACT_BYTE_BLOCKS_H_
#define NEWSTRACE_EXTRACT_BYTE_BLOCKS_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace newstrace::extract::text {

inline constexpr uint64_t kOnes = 0x0101010101010101u;
inline constexpr uint64_t kHighBits = 0x8080808080808080u;

// The eight bytes at `p`, first byte lowest (GCC makes this one load).
constexpr uint64_t Load8(const char* p) {
  auto at = [p](int k) {
    return static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
  };
  return at(0) | at(1) | at(2) | at(3) | at(4) | at(5) | at(6) | at(7);
}

// The `n` bytes at `p` (n < 8) as Load8 reads them, zero above.
inline uint64_t LoadPartial8(const char* p, size_t n) {
  uint64_t v = 0;
  for (size_t k = 0; k < n; ++k) {
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
  }
  return v;
}

// Writes the eight bytes of `v` at `out`, lowest first.
inline void Store8(uint64_t v, char* out) {
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(out, &v, 8);
  } else {
    for (int k = 0; k < 8; ++k) out[k] = static_cast<char>(v >> (8 * k));
  }
}

// The mask of the bytes of `w` that are ASCII capitals ('A'..'Z'), when no
// byte of `w` has its high bit set: then no sum carries into the next byte.
constexpr uint64_t AsciiCapitalBits(uint64_t w) {
  return (w + (0x80 - 'A') * kOnes) & ~(w + (0x80 - 'Z' - 1) * kOnes) &
         kHighBits;
}

// The mask of the bytes of `w` that are ASCII capitals, any bytes: the low
// seven bits of each, less those with the high bit set (not ASCII).
constexpr uint64_t CapitalBits(uint64_t w) {
  return AsciiCapitalBits(w & ~kHighBits) & ~w;
}

// The mask of the bytes of `w` equal to `c`: those with no bit of w ^ c
// set (on the low seven bits no sum carries into the next byte).
constexpr uint64_t ByteBits(uint64_t w, unsigned char c) {
  const uint64_t t = w ^ (c * kOnes);
  return ~(((t & ~kHighBits) + ~kHighBits) | t) & kHighBits;
}

// The index of the first byte in `mask` (not zero).
inline size_t FirstByte(uint64_t mask) {
  return static_cast<size_t>(std::countr_zero(mask)) / 8;
}

// s.find(c, from), eight bytes at a time: quicker than memchr's call for
// the short words of a line.
inline size_t FindByte(std::string_view s, char c, size_t from) {
  const unsigned char u = static_cast<unsigned char>(c);
  for (; from < s.size(); from += 8) {
    const size_t left = s.size() - from;
    const uint64_t bits =
        ByteBits(left >= 8 ? Load8(s.data() + from)
                           : LoadPartial8(s.data() + from, left),
                 u);
    // A partial load's zero bytes match only c == 0: cut them off.
    const uint64_t kept =
        left >= 8 ? bits : bits & ((uint64_t{1} << (8 * left)) - 1);
    if (kept != 0) return from + FirstByte(kept);
  }
  return std::string_view::npos;
}

// The b in [from, to) with s[b] an ASCII capital, in order: Next() returns
// each, then `to` (at most s.size()). Eight bytes at a time: rules that
// start at capitals skip the lower-case rest of a line quickly.
class Capitals {
 public:
  Capitals(std::string_view s, size_t from, size_t to)
      : s_(s), base_(from), to_(to), caps_(from < to ? BitsAt(from) : 0) {}

  size_t Next() {
    while (caps_ == 0) {
      base_ += 8;
      if (base_ >= to_) return to_;
      caps_ = BitsAt(base_);
    }
    const size_t b = base_ + FirstByte(caps_);
    caps_ &= caps_ - 1;
    return std::min(b, to_);
  }

 private:
  uint64_t BitsAt(size_t at) const {
    const size_t left = s_.size() - at;
    return CapitalBits(left >= 8 ? Load8(s_.data() + at)
                                 : LoadPartial8(s_.data() + at, left));
  }

  std::string_view s_;
  size_t base_;  // of the eight bytes in caps_
  size_t to_;
  uint64_t caps_;  // CapitalBits of s_[base_, base_ + 8), those not returned
};

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_BYTE_BLOCKS_H_
