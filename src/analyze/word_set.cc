#include "analyze/word_set.h"

#include <algorithm>

namespace newstrace::analyze {

WordSet::WordSet(std::vector<std::string_view> words)
    : words_(std::move(words)) {
  size_t capacity = 16;
  while (capacity < words_.size() * 2) capacity *= 2;
  mask_ = capacity - 1;
  slots_.assign(capacity, kEmpty);
  min_size_ = words_.empty() ? 1 : words_[0].size();
  for (uint32_t i = 0; i < words_.size(); ++i) {
    std::string_view w = words_[i];
    min_size_ = std::min(min_size_, w.size());
    max_size_ = std::max(max_size_, w.size());
    size_t h = Hash(w) & mask_;
    bool duplicate = false;
    while (slots_[h] != kEmpty) {
      if (words_[slots_[h]] == w) duplicate = true;
      h = (h + 1) & mask_;
    }
    if (!duplicate) slots_[h] = i;
  }
}

}  // namespace newstrace::analyze
