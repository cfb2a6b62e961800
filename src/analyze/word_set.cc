#include "analyze/word_set.h"

#include <algorithm>

namespace newstrace::analyze {

WordSet::WordSet(std::vector<std::string_view> words)
    : words_(std::move(words)) {
  size_t capacity = 16;
  while (capacity < words_.size() * 2) capacity *= 2;
  mask_ = capacity - 1;
  slots_.assign(capacity, kEmpty);
  // Enough index bits that no slot (tag | index) can equal kEmpty: the
  // largest index is below the all-ones index.
  index_mask_ = 1;
  while (index_mask_ <= words_.size()) index_mask_ = index_mask_ * 2 + 1;
  min_size_ = words_.empty() ? 1 : words_[0].size();
  for (uint32_t i = 0; i < words_.size(); ++i) {
    std::string_view w = words_[i];
    min_size_ = std::min(min_size_, w.size());
    max_size_ = std::max(max_size_, w.size());
    if (!w.empty() && w.size() <= kFilterSizes) {
      edges_[w.size() - 1].first |= uint64_t{1} << (w[0] & 63);
      edges_[w.size() - 1].last |= uint64_t{1} << (w.back() & 63);
    }
    const uint64_t h = Hash(w);
    size_t s = h & mask_;
    bool duplicate = false;
    while (slots_[s] != kEmpty) {
      if (words_[slots_[s] & index_mask_] == w) duplicate = true;
      s = (s + 1) & mask_;
    }
    if (!duplicate) slots_[s] = Tag(h) | i;
  }
}

}  // namespace newstrace::analyze
