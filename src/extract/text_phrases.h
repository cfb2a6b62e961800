// Plain-text cleaning: matching a line against fixed phrase lists (the cue,
// notice and byline lists), indexed at compile time. A line meets hundreds
// of entries; comparing each costs more than the rest of its cue matching.
// Internal to the extract module.
#ifndef NEWSTRACE_EXTRACT_TEXT_PHRASES_H_
#define NEWSTRACE_EXTRACT_TEXT_PHRASES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "base/strings.h"
#include "extract/byte_blocks.h"

namespace newstrace::extract::text {

// A phrase list with its entries grouped by first byte (in list order within
// a group): In and PrefixIn compare only the entries that start with the
// key's first byte. Built by Phrases() in a constant expression.
template <size_t N>
struct PhraseList {
  std::array<std::string_view, N> by_byte{};
  // Entries by_byte[start[b], start[b + 1]) start with byte b.
  std::array<uint16_t, 257> start{};
};

// The entries of `list` (none empty) as a PhraseList.
template <size_t N>
constexpr PhraseList<N> Phrases(const std::string_view (&list)[N]) {
  PhraseList<N> out;
  uint16_t k = 0;
  for (int b = 0; b < 256; ++b) {
    out.start[b] = k;
    for (std::string_view p : list) {
      // Not a constant expression, so an empty entry fails the build.
      if (p.empty()) std::abort();
      if (static_cast<unsigned char>(p[0]) == b) out.by_byte[k++] = p;
    }
  }
  out.start[256] = k;
  return out;
}

// `In`: `key` is an entry of `list`.
template <size_t N>
bool In(std::string_view key, const PhraseList<N>& list) {
  if (key.empty()) return false;
  const unsigned char b = static_cast<unsigned char>(key[0]);
  for (size_t k = list.start[b]; k < list.start[b + 1]; ++k) {
    if (list.by_byte[k] == key) return true;
  }
  return false;
}

// The first entry of `list` (in list order) that `key` starts with at a word
// boundary, or "".
template <size_t N>
std::string_view PrefixIn(std::string_view key, const PhraseList<N>& list) {
  if (key.empty()) return {};
  const unsigned char b = static_cast<unsigned char>(key[0]);
  for (size_t k = list.start[b]; k < list.start[b + 1]; ++k) {
    std::string_view p = list.by_byte[k];
    if (p.size() > key.size() || !base::StartsWith(key, p)) continue;
    if (key.size() == p.size()) return p;
    char next = key[p.size()];
    char last = p.back();
    if (next == ' ' || last == ' ' || last == ':' || next == ':' ||
        next == ',' || next == '.' || next == '!') {
      return p;
    }
  }
  return {};
}

// True when `p` occurs in `s` (as s.find(p) != npos). Like find, it jumps
// between occurrences of p's first byte with memchr, but tests the second
// byte before comparing the rest: lines are full of the entries' first
// letters, and a memcmp call at each costs more than the search.
inline bool Contains(std::string_view s, std::string_view p) {
  if (p.size() <= 1) return p.empty() || s.find(p[0]) != std::string_view::npos;
  if (p.size() > s.size()) return false;
  const char* const begin = s.data();
  const char* const last = begin + (s.size() - p.size());  // last start
  for (const char* at = begin; at <= last; ++at) {
    at = static_cast<const char*>(
        std::memchr(at, p[0], static_cast<size_t>(last - at) + 1));
    if (at == nullptr) return false;
    if (at[1] == p[1] && std::memcmp(at + 2, p.data() + 2, p.size() - 2) == 0) {
      return true;
    }
  }
  return false;
}

// True when some entry occurs anywhere in `key` (for the short lists that
// are rarely reached; ScanPhrases finds several lists' entries in one pass).
template <size_t N>
bool ContainsAny(std::string_view key, const std::string_view (&list)[N]) {
  for (std::string_view p : list) {
    if (Contains(key, p)) return true;
  }
  return false;
}

namespace internal {

// A 15-bit hash of eight bytes.
constexpr uint32_t Hash8(uint64_t v) {
  return static_cast<uint32_t>((v * 0x9E3779B97F4A7C15u) >> 49);
}

}  // namespace internal

// Several phrase lists (groups) searched together in one pass over a text.
// Only every `stride`-th eight-byte window of the text is looked at: an
// entry of at least 7 + stride bytes covers one of them whole, at an offset
// below `stride`. A bit set of the eight-byte pieces of the entries at those
// offsets rules out nearly every window with one table look-up (eight bytes
// of news text rarely match a piece of a phrase, four often do: "the ");
// at a remaining window, the entries that start at each of the `stride`
// positions it may begin at are compared in full.
template <size_t N>
struct PhraseScanner {
  std::array<uint64_t, 512> pieces{};  // bit Hash8(an entry's piece)
  std::array<std::string_view, N> by_byte{};
  std::array<uint8_t, N> group{};  // of by_byte[k]
  std::array<uint16_t, 257> start{};
  size_t stride = 0;
};

// A PhraseScanner of `lists`; group g is the g-th list. Every entry has at
// least eight bytes; the stride is the shortest entry's length less 7, at
// most 8.
template <size_t... Ns>
constexpr PhraseScanner<(Ns + ...)> ScanLists(
    const std::string_view (&... lists)[Ns]) {
  PhraseScanner<(Ns + ...)> out;
  size_t shortest = 15;
  auto measure = [&](const auto& list) {
    for (std::string_view p : list) {
      if (p.size() < 8) std::abort();  // not constant: fails the build
      shortest = p.size() < shortest ? p.size() : shortest;
    }
  };
  (measure(lists), ...);
  out.stride = shortest - 7;
  uint16_t k = 0;
  for (int b = 0; b < 256; ++b) {
    out.start[b] = k;
    uint8_t g = 0;
    auto add = [&](const auto& list) {
      for (std::string_view p : list) {
        if (static_cast<unsigned char>(p[0]) != b) continue;
        out.by_byte[k] = p;
        out.group[k++] = g;
        for (size_t off = 0; off < out.stride; ++off) {
          const uint32_t h = internal::Hash8(Load8(p.data() + off));
          out.pieces[h >> 6] |= uint64_t{1} << (h & 63);
        }
      }
      ++g;
    };
    (add(lists), ...);
  }
  out.start[256] = k;
  return out;
}

// The groups of `scanner` with an entry that occurs in `s`: bit g set when
// ContainsAny(s, g-th list).
template <size_t N>
uint32_t ScanPhrases(std::string_view s, const PhraseScanner<N>& scanner) {
  uint32_t found = 0;
  const char* const data = s.data();
  const size_t n = s.size();
  const size_t stride = scanner.stride;
  for (size_t i = 0; i + 8 <= n; i += stride) {
    const uint32_t h = internal::Hash8(Load8(data + i));
    if (((scanner.pieces[h >> 6] >> (h & 63)) & 1) == 0) continue;
    // An entry whose piece at offset `off` is this window starts at i - off.
    for (size_t off = 0; off < stride && off <= i; ++off) {
      const size_t at = i - off;
      const unsigned char b = static_cast<unsigned char>(data[at]);
      for (size_t k = scanner.start[b]; k < scanner.start[b + 1]; ++k) {
        std::string_view p = scanner.by_byte[k];
        if (p.size() <= n - at &&
            std::memcmp(data + at, p.data(), p.size()) == 0) {
          found |= uint32_t{1} << scanner.group[k];
        }
      }
    }
  }
  return found;
}

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_PHRASES_H_
