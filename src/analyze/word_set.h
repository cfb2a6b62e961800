// WordSet: a fixed set of short strings (word lists), built once, with a
// lookup cheaper than std::unordered_set's: a length range check first,
// then one hash and, in an open-addressing table whose slots carry a few
// bits of each key's hash beside its index, usually no string comparison
// for a word that is not in the set and one for a word that is. Analyze
// looks up most words of every article in a few of these.
#ifndef NEWSTRACE_ANALYZE_WORD_SET_H_
#define NEWSTRACE_ANALYZE_WORD_SET_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "base/same_bytes.h"

namespace newstrace::analyze {

class WordSet {
 public:
  // The views must outlive the set (string literals, static tables).
  // A word listed twice keeps its first index.
  WordSet(std::initializer_list<std::string_view> words)
      : WordSet(std::vector<std::string_view>(words)) {}
  explicit WordSet(std::vector<std::string_view> words);

  // The index of `w` in the list given, or -1.
  int64_t Find(std::string_view w) const {
    if (w.size() < min_size_ || w.size() > max_size_) return -1;
    // Most words looked up are in no list: a short word whose first or
    // last byte no member of its length has is rejected before hashing.
    if (w.size() - 1 < kFilterSizes &&
        !((edges_[w.size() - 1].first >> (w[0] & 63)) & 1 &
          (edges_[w.size() - 1].last >> (w.back() & 63)))) {
      return -1;
    }
    const uint64_t h = Hash(w);
    const uint32_t tag = Tag(h);
    for (size_t s = h & mask_;; s = (s + 1) & mask_) {
      const uint32_t slot = slots_[s];
      if (slot == kEmpty) return -1;
      if ((slot & ~index_mask_) != tag) continue;
      const uint32_t i = slot & index_mask_;
      const std::string_view k = words_[i];
      if (k.size() == w.size() &&
          base::SameBytes(k.data(), w.data(), w.size())) {
        return i;
      }
    }
  }
  bool contains(std::string_view w) const { return Find(w) >= 0; }

  // A hash of short strings: a few loads of up to eight bytes (which
  // together cover every byte) and one multiply each.
  static uint64_t Hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    const char* p = s.data();
    const size_t n = s.size();
    uint64_t h = (n + 1) * kMul;
    uint64_t x = 0;
    if (n >= 8) {
      for (size_t k = 0; k + 8 < n; k += 8) {
        std::memcpy(&x, p + k, 8);
        h = (h ^ x) * kMul;
        h ^= h >> 29;
      }
      std::memcpy(&x, p + n - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      x = a | (static_cast<uint64_t>(b) << 32);
    } else if (n > 0) {
      x = static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
          static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
          static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    h = (h ^ x) * kMul;
    return h ^ (h >> 32);
  }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;
  // Word sizes 1 to kFilterSizes have first/last-byte filters.
  static constexpr size_t kFilterSizes = 32;
  struct Edges {
    uint64_t first = 0;  // bit (c & 63) for the first byte c of a member
    uint64_t last = 0;   // the same for the last byte
  };

  // The hash bits a slot keeps above its index bits.
  uint32_t Tag(uint64_t h) const {
    return static_cast<uint32_t>(h >> 32) & ~index_mask_;
  }

  std::vector<std::string_view> words_;
  std::vector<uint32_t> slots_;  // kEmpty, or tag | index into words_
  size_t mask_ = 0;
  uint32_t index_mask_ = 0;
  size_t min_size_ = 0;
  size_t max_size_ = 0;
  Edges edges_[kFilterSizes];  // per word size - 1
};

// A word lower-cased as base::AsciiLower does (A-Z only), into a buffer
// inside the object for words of up to 32 bytes: no allocation. Its view
// points into the object, so it is neither copied nor moved: use it as a
// temporary argument (`IsSpeechVerb(LowerWord(w))`) or as a named local,
// never to initialize a string_view that outlives it.
class LowerWord {
 public:
  explicit LowerWord(std::string_view w) {
    char* out = w.size() <= sizeof(buffer_) ? buffer_ : &long_.assign(w)[0];
    for (size_t k = 0; k < w.size(); ++k) {
      const char c = w[k];
      out[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    view_ = std::string_view(out, w.size());
  }
  LowerWord(const LowerWord&) = delete;
  LowerWord& operator=(const LowerWord&) = delete;

  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }  // NOLINT
  bool operator==(std::string_view other) const { return view_ == other; }

 private:
  char buffer_[32];
  std::string long_;  // words longer than buffer_
  std::string_view view_;
};

// ViewIndex: numbers distinct strings 0, 1, 2, ... in order of first
// insertion; a growable open-addressing table, cheaper than
// std::unordered_map for the few dozen names of one article. Stores the
// views, not the strings: they must outlive the index.
class ViewIndex {
 public:
  // Room for `expected` strings before the table grows.
  explicit ViewIndex(size_t expected = 8) { Clear(expected); }

  // Empties the index, as if constructed anew with `expected`, keeping
  // the storage it has (an index reused per article allocates rarely).
  void Clear(size_t expected = 8) {
    size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    slots_.assign(capacity, kEmpty);
    keys_.clear();
    hashes_.clear();
    keys_.reserve(expected);
    hashes_.reserve(expected);
  }

  // The number of `key`, or -1.
  int64_t Find(std::string_view key) const {
    const uint64_t h = WordSet::Hash(key);
    for (size_t s = h & (slots_.size() - 1);;
         s = (s + 1) & (slots_.size() - 1)) {
      const uint32_t i = slots_[s];
      if (i == kEmpty) return -1;
      if (hashes_[i] == h && Same(keys_[i], key)) return i;
    }
  }

  // The number of `key`, giving it the next one (size() before the call)
  // when it is new.
  uint32_t Insert(std::string_view key) {
    const uint64_t h = WordSet::Hash(key);
    size_t s = h & (slots_.size() - 1);
    for (;; s = (s + 1) & (slots_.size() - 1)) {
      const uint32_t i = slots_[s];
      if (i == kEmpty) break;
      if (hashes_[i] == h && Same(keys_[i], key)) return i;
    }
    const uint32_t id = static_cast<uint32_t>(keys_.size());
    keys_.push_back(key);
    hashes_.push_back(h);
    slots_[s] = id;
    if (keys_.size() * 2 > slots_.size()) Grow();
    return id;
  }

  size_t size() const { return keys_.size(); }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;

  static bool Same(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           base::SameBytes(a.data(), b.data(), a.size());
  }

  void Grow() {
    slots_.assign(slots_.size() * 2, kEmpty);
    const size_t mask = slots_.size() - 1;
    for (uint32_t i = 0; i < keys_.size(); ++i) {
      size_t s = hashes_[i] & mask;
      while (slots_[s] != kEmpty) s = (s + 1) & mask;
      slots_[s] = i;
    }
  }

  std::vector<std::string_view> keys_;
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> slots_;  // kEmpty or an index into keys_
};

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_WORD_SET_H_
