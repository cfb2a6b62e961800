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

// The four bytes at `p`, first byte lowest (GCC makes this one load).
constexpr uint32_t Load4(const char* p) {
  return static_cast<uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(p[3])) << 24;
}
// A 15-bit hash of four bytes.
constexpr uint32_t Hash4(uint32_t v) { return (v * 0x9E3779B1u) >> 17; }

}  // namespace internal

// Several phrase lists (groups) searched together in one pass over a text.
// A bit set of the four-byte openings of all entries rules out nearly every
// position with one table look-up; the entries that start with the byte at
// a remaining position are compared in full.
template <size_t N>
struct PhraseScanner {
  std::array<uint64_t, 512> openings{};  // bit Hash4(first four bytes)
  std::array<std::string_view, N> by_byte{};
  std::array<uint8_t, N> group{};  // of by_byte[k]
  std::array<uint16_t, 257> start{};
};

// A PhraseScanner of `lists`; group g is the g-th list. Every entry has at
// least four bytes.
template <size_t... Ns>
constexpr PhraseScanner<(Ns + ...)> ScanLists(
    const std::string_view (&... lists)[Ns]) {
  PhraseScanner<(Ns + ...)> out;
  uint16_t k = 0;
  for (int b = 0; b < 256; ++b) {
    out.start[b] = k;
    uint8_t g = 0;
    auto add = [&](const auto& list) {
      for (std::string_view p : list) {
        if (p.size() < 4) std::abort();  // not constant: fails the build
        if (static_cast<unsigned char>(p[0]) != b) continue;
        out.by_byte[k] = p;
        out.group[k++] = g;
        const uint32_t h = internal::Hash4(internal::Load4(p.data()));
        out.openings[h >> 6] |= uint64_t{1} << (h & 63);
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
  if (s.size() < 4) return found;
  const char* const data = s.data();
  const size_t n = s.size();
  for (size_t i = 0; i + 4 <= n; ++i) {
    const uint32_t h = internal::Hash4(internal::Load4(data + i));
    if (((scanner.openings[h >> 6] >> (h & 63)) & 1) == 0) continue;
    const unsigned char b = static_cast<unsigned char>(data[i]);
    for (size_t k = scanner.start[b]; k < scanner.start[b + 1]; ++k) {
      std::string_view p = scanner.by_byte[k];
      if (p.size() <= n - i && std::memcmp(data + i, p.data(), p.size()) == 0) {
        found |= uint32_t{1} << scanner.group[k];
      }
    }
  }
  return found;
}

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_PHRASES_H_
