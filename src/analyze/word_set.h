// WordSet: a fixed set of short strings (word lists), built once, with a
// lookup cheaper than std::unordered_set's: a length range check first,
// then one FNV-1a hash and usually one comparison in an open-addressing
// table. Analyze looks up most words of every article in a few of these.
#ifndef NEWSTRACE_ANALYZE_WORD_SET_H_
#define NEWSTRACE_ANALYZE_WORD_SET_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace newstrace::analyze {

class WordSet {
 public:
  // The views must outlive the set (string literals, static tables).
  WordSet(std::initializer_list<std::string_view> words)
      : WordSet(std::vector<std::string_view>(words)) {}
  explicit WordSet(std::vector<std::string_view> words);

  // The index of `w` in the list given, or -1.
  int64_t Find(std::string_view w) const {
    if (w.size() < min_size_ || w.size() > max_size_) return -1;
    for (size_t h = Hash(w) & mask_;; h = (h + 1) & mask_) {
      uint32_t i = slots_[h];
      if (i == kEmpty) return -1;
      if (words_[i] == w) return i;
    }
  }
  bool contains(std::string_view w) const { return Find(w) >= 0; }

  static size_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;

  std::vector<std::string_view> words_;
  std::vector<uint32_t> slots_;
  size_t mask_ = 0;
  size_t min_size_ = 0;
  size_t max_size_ = 0;
};

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_WORD_SET_H_
