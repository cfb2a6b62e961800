// The body's vocabulary for plain-text cleaning (text_features.h): stemmed
// content words in an open-addressing hash table.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/text_features.h"

namespace newstrace::extract::text {
namespace {

bool AllLetters(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII fast path: a letter, '-' or '\''
      if (static_cast<unsigned char>((c | 0x20) - 'a') >= 26 && c != '-' &&
          c != '\'') {
        return false;
      }
      ++i;
      continue;
    }
    char32_t cp = base::NextMultiByteCodePoint(s, &i);
    if (!base::IsLetter(cp) && cp != 0x2019) return false;
  }
  return true;
}

// The stem of a content word into *w; false for words that carry no topic.
// *w is scratch space, reused across calls.
bool Stem(std::string_view core, std::string* w) {
  if (core.size() > 40 || !AllLetters(core)) return false;
  LowerWordInto(core, w);
  if (IsFunctionWord(*w)) return false;
  if (base::EndsWith(*w, "'s")) w->resize(w->size() - 2);
  // Nine bytes or more hold three code points at least (at most four bytes
  // each): only short words need counting, inline (as CodePointCount does).
  if (w->size() < 9) {
    size_t code_points = 0;
    for (char c : *w)
      code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (code_points < 3) return false;
  }
  if (w->size() > 4 && w->back() == 's' && (*w)[w->size() - 2] != 's') {
    w->pop_back();
  }
  return true;
}

// FNV-1a: words are short, and a simple inline hash beats a call.
uint64_t HashWord(std::string_view w) {
  uint64_t h = 14695981039346656037ull;
  for (char c : w) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

size_t Vocabulary::Find(std::string_view w, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  for (size_t k = h & mask;; k = (k + 1) & mask) {
    const Slot& slot = slots_[k];
    if (slot.size == 0) return k;
    if (slot.hash == h && slot.size == w.size()) {
      // Words are short: compare inline rather than call memcmp.
      const char* word = words_.data() + slot.offset;
      size_t i = 0;
      while (i < w.size() && word[i] == w[i]) ++i;
      if (i == w.size()) return k;
    }
  }
}

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 128 : old.size() * 2, Slot());
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.size == 0) continue;
    size_t k = slot.hash & mask;
    while (slots_[k].size != 0) k = (k + 1) & mask;
    slots_[k] = slot;
  }
}

void Vocabulary::Add(std::string_view s) {
  // A unit's words count once: each entry remembers the Add call that last
  // counted it, instead of a per-unit set of seen words.
  const size_t add = ++adds_;
  ForEachToken(s, [&](const Token& t) {
    if (!Stem(t.core, &scratch_)) return true;
    // At most half full, so that probes stay short.
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = HashWord(scratch_);
    Slot& slot = slots_[Find(scratch_, h)];
    if (slot.size == 0) {
      slot.hash = h;
      slot.offset = words_.size();
      slot.size = static_cast<uint32_t>(scratch_.size());
      slot.units = 1;
      slot.added = add;
      words_ += scratch_;
      ++size_;
    } else if (slot.added != add) {
      ++slot.units;
      slot.added = add;
    }
    return true;
  });
}

double Vocabulary::Overlap(std::string_view s, bool added) const {
  // The share does not depend on the words' order: sort to drop repeats.
  std::vector<std::string> words;
  std::string w;
  ForEachToken(s, [&](const Token& t) {
    if (Stem(t.core, &w)) words.push_back(w);
    return true;
  });
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.empty()) return -1.0;
  int found = 0;
  for (const std::string& word : words) {
    if (slots_.empty()) break;
    const Slot& slot = slots_[Find(word, HashWord(word))];
    found += slot.size != 0 && slot.units > (added ? 1 : 0);
  }
  return static_cast<double>(found) / static_cast<double>(words.size());
}

}  // namespace newstrace::extract::text
