// The body's vocabulary for plain-text cleaning (text_features.h): stemmed
// content words in an open-addressing hash table.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/text_features.h"

namespace newstrace::extract::text {
namespace {

// The ASCII bytes a stemmed word may hold: letters, '-' and '\''.
constexpr std::array<bool, 128> kStemByte = [] {
  std::array<bool, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 32] = true;
  t['-'] = t['\''] = true;
  return t;
}();

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

// The rest of Stem for an ASCII core of `size` bytes, lower-cased in buf.
// REQUIRES: buf[0, 8) is readable.
std::string_view FinishAsciiStem(const char* buf, size_t size) {
  if (internal::IsFunctionWordAt(buf, size)) return {};
  if (size >= 2 && buf[size - 2] == '\'' && buf[size - 1] == 's') size -= 2;
  if (size < 3) return {};
  if (size > 4 && buf[size - 1] == 's' && buf[size - 2] != 's') --size;
  return std::string_view(buf, size);
}

// The token of `s` that starts at `start` (not white space), as
// ForEachToken cuts it: returns its end, its core in *core.
size_t ScanToken(std::string_view s, size_t start, std::string_view* core) {
  size_t core_begin, core_end;
  const size_t end = internal::TokenEnd(s, start, &core_begin, &core_end);
  *core = core_begin == std::string_view::npos
              ? std::string_view()
              : s.substr(core_begin, core_end - core_begin);
  return end;
}

// Byte classes for ForEachStem: bytes that stop the ASCII scan of a token
// (white space ends it; a byte >= 0x80 sends it the general way); letters
// and digits (which make a token's core); bytes a stem cannot hold (digits
// and punctuation other than '-' and '\'').
enum : uint8_t { kStopByte = 1, kCoreByte = 2, kNonStemByte = 4 };
constexpr std::array<uint8_t, 256> kTokenByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80 || c == ' ' || (c >= '\t' && c <= '\r')) {
      t[c] = kStopByte;
    } else if (c >= '0' && c <= '9') {
      t[c] = kCoreByte | kNonStemByte;
    } else if (kStemByte[c] && c != '-' && c != '\'') {
      t[c] = kCoreByte;
    } else if (!kStemByte[c]) {
      t[c] = kNonStemByte;
    }
  }
  return t;
}();

// ForEachStem's buffer: a core of kMaxStemInput bytes, and room to write
// the bytes after a longer one (to the last byte) without a branch.
constexpr size_t kStemBuffer = 64;

// Calls f(stem) for every token of `s` that has a stem, in order: the
// stems of ForEachToken's cores (internal::Stem). An ASCII token is cut,
// checked and lower-cased in one pass; others go the general way. The view
// is valid during the call only.
template <typename F>
void ForEachStem(std::string_view s, std::string* scratch, F&& f) {
  static_assert(internal::kMaxStemInput < kStemBuffer);
  char buf[kStemBuffer] = {};  // IsFunctionWordAt reads 8 bytes
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (p[i] >= 0x80) {
      size_t next = i;
      if (base::IsSpace(base::NextMultiByteCodePoint(s, &next))) {
        i = next;
        continue;
      }
    } else if (internal::AsciiSpaceByte(p[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    // Bytes before the core (quotes, brackets).
    while (i < n && (kTokenByte[p[i]] & (kStopByte | kCoreByte)) == 0) ++i;
    if (i < n && (kTokenByte[p[i]] & kCoreByte)) {
      // The core runs to the last letter or digit: count the bytes a stem
      // cannot hold, and remember the count at each core byte.
      size_t j = 0, core_size = 0, non_stem = 0, non_stem_in_core = 0;
      for (; i < n; ++i) {
        const uint8_t k = kTokenByte[p[i]];
        if (k & kStopByte) break;
        buf[j < kStemBuffer - 1 ? j : kStemBuffer - 1] =
            static_cast<char>(p[i] | 0x20);
        ++j;
        non_stem += (k & kNonStemByte) != 0;
        if (k & kCoreByte) {
          core_size = j;
          non_stem_in_core = non_stem;
        }
      }
      if (i == n || p[i] < 0x80) {
        if (non_stem_in_core == 0 && core_size <= internal::kMaxStemInput) {
          const std::string_view stem = FinishAsciiStem(buf, core_size);
          if (!stem.empty()) f(stem);
        }
        continue;
      }
    } else if (i == n || p[i] < 0x80) {
      continue;  // no core
    }
    // A byte >= 0x80 in the token: cut it as ForEachToken does.
    std::string_view core;
    i = ScanToken(s, start, &core);
    const std::string_view stem = internal::Stem(core, buf, scratch);
    if (!stem.empty()) f(stem);
  }
}

}  // namespace

namespace internal {

bool ReferenceStem(std::string_view core, std::string* w) {
  if (core.size() > kMaxStemInput || !AllLetters(core)) return false;
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

std::string_view Stem(std::string_view core, char* buf, std::string* scratch) {
  const size_t n = core.size();
  if (n > kMaxStemInput) return {};
  // An ASCII word in one pass: the letters, '-' and '\'' (all of which
  // `| 0x20` lower-cases or leaves alone) into buf, lower-cased. Its code
  // points are its bytes.
  for (size_t k = 0; k < n; ++k) {
    const unsigned char c = static_cast<unsigned char>(core[k]);
    if (c >= 0x80) {
      if (!ReferenceStem(core, scratch)) return {};
      return *scratch;
    }
    if (!kStemByte[c]) return {};
    buf[k] = static_cast<char>(c | 0x20);
  }
  return FinishAsciiStem(buf, n);
}

std::vector<std::string> Stems(std::string_view s) {
  std::vector<std::string> stems;
  std::string scratch;
  ForEachStem(s, &scratch, [&](std::string_view w) { stems.emplace_back(w); });
  return stems;
}

}  // namespace internal

namespace {

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
  ForEachStem(s, &scratch_, [&](std::string_view w) {
    // At most half full, so that probes stay short.
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = HashWord(w);
    Slot& slot = slots_[Find(w, h)];
    if (slot.size == 0) {
      slot.hash = h;
      slot.offset = words_.size();
      slot.size = static_cast<uint32_t>(w.size());
      slot.units = 1;
      slot.added = add;
      words_ += w;
      ++size_;
    } else if (slot.added != add) {
      ++slot.units;
      slot.added = add;
    }
  });
}

double Vocabulary::Overlap(std::string_view s, bool added) const {
  // The share does not depend on the words' order: sort to drop repeats.
  std::vector<std::string> words;
  std::string scratch;
  ForEachStem(s, &scratch, [&](std::string_view w) { words.emplace_back(w); });
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
