#include "trace/tokens.h"

// Inlined: the hashed inputs are a few bytes, where the call costs most.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <string>

#include "base/utf8.h"

namespace newstrace::trace {
namespace {

// What a byte says about a word: kWord for ASCII letters and digits, kUpper
// also for A-Z; kOther is set by the tokenizer for anything non-ASCII.
constexpr uint8_t kWord = 1, kUpper = 2, kOther = 4;
struct AsciiWordTable {
  uint8_t flags[256] = {};
  constexpr AsciiWordTable() {
    for (int c = '0'; c <= '9'; ++c) flags[c] = kWord;
    for (int c = 'a'; c <= 'z'; ++c) {
      flags[c] = kWord;
      flags[c - 32] = kWord | kUpper;
    }
  }
};
constexpr AsciiWordTable kAsciiWord;

inline bool IsAsciiWord(unsigned char c) { return kAsciiWord.flags[c] != 0; }

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return IsAsciiWord(static_cast<unsigned char>(cp));
  return base::IsLetter(cp) || base::IsDigit(cp) ||
         (cp >= 0x300 && cp <= 0x36F);  // combining diacritical marks
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// The code point at `pos` without advancing, and its byte length.
char32_t PeekCodePoint(std::string_view s, size_t pos, size_t* len) {
  size_t p = pos;
  char32_t cp = base::NextCodePoint(s, &p);
  *len = p - pos;
  return cp;
}

// Builds the exact and folded spellings of one word and hashes them.
// `flags`: kUpper and kOther as seen in the word's bytes (a superset is
// fine: it only costs time).
void Emit(std::string_view text, size_t begin, size_t end, uint32_t offset,
          uint8_t flags, std::string* exact, std::string* folded,
          std::vector<Token>* out) {
  Token t;
  t.begin = static_cast<uint32_t>(begin) + offset;
  t.end = static_cast<uint32_t>(end) + offset;
  if (!(flags & kOther)) {
    std::string_view w = text.substr(begin, end - begin);
    t.exact = XXH3_64bits(w.data(), w.size());
    if (flags & kUpper) {
      folded->assign(w);
      for (char& c : *folded) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      t.folded = XXH3_64bits(folded->data(), folded->size());
    } else {
      t.folded = t.exact;
    }
  } else {
    exact->clear();
    folded->clear();
    size_t p = begin;
    while (p < end) {
      char32_t cp = base::NextCodePoint(text, &p);
      if (cp == 0x2019) cp = '\'';
      base::AppendUtf8(cp, exact);
      base::AppendUtf8(base::ToLower(cp), folded);
    }
    t.exact = XXH3_64bits(exact->data(), exact->size());
    t.folded = XXH3_64bits(folded->data(), folded->size());
  }
  out->push_back(t);
}

}  // namespace

void Tokenize(std::string_view text, uint32_t offset, std::vector<Token>* out) {
  std::string exact, folded;
  const size_t n = text.size();
  size_t pos = 0;
  while (pos < n) {
    // Skip to the next word character.
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(text[pos]);
    bool word;
    if (c < 0x80) {
      word = IsAsciiWord(c);
    } else {
      word = IsWordCodePoint(PeekCodePoint(text, pos, &len));
    }
    if (!word) {
      pos += len;
      continue;
    }
    const size_t begin = pos;
    size_t end = pos;
    size_t possessive = 0;  // where a trailing "'s" starts, or 0
    char32_t prev = 0;
    uint8_t flags = 0;
    size_t segment = begin;     // start of the letters since the last '.'
    bool abbreviation = false;  // "U.S.": single letters and dots
    while (end < n) {
      // The common case: a run of ASCII letters and digits.
      // Accumulated in a local, so the loop keeps it in a register.
      uint8_t seen = 0;
      const size_t run = end;
      for (uint8_t f;
           end < n &&
           (f = kAsciiWord.flags[static_cast<unsigned char>(text[end])]);
           ++end) {
        seen |= f;
      }
      flags |= seen;
      if (end > run) prev = static_cast<unsigned char>(text[end - 1]);
      if (end >= n) break;
      size_t l = 1;
      unsigned char d = static_cast<unsigned char>(text[end]);
      if (d >= 0x80) flags |= kOther;
      char32_t cp = d < 0x80 ? d : PeekCodePoint(text, end, &l);
      if (IsWordCodePoint(cp)) {
        prev = cp;
        end += l;
        continue;
      }
      // An inner apostrophe, decimal point or thousands separator.
      if (!IsApostrophe(cp) && cp != '.' && cp != ',') break;
      size_t l2 = 0;
      char32_t next =
          end + l < n ? PeekCodePoint(text, end + l, &l2) : char32_t{0};
      if (IsApostrophe(cp) && base::IsLetter(prev) && base::IsLetter(next)) {
        const size_t after = end + l + l2;
        bool s_only =
            (next == 's' || next == 'S') &&
            (after >= n || !IsWordCodePoint(PeekCodePoint(text, after, &l2)));
        if (s_only) possessive = end;
        flags |= next < 0x80 ? kAsciiWord.flags[next] : kOther;
        end = after;
        prev = next;
        continue;
      }
      if ((cp == '.' || cp == ',') && base::IsDigit(prev) &&
          base::IsDigit(next)) {
        end += l;
        continue;
      }
      // Abbreviations of single letters ("U.S.", "e.g.") stay one word.
      if (cp == '.' && end - segment == 1 && base::IsLetter(prev)) {
        if (next < 0x80 && base::IsLetter(next)) {
          abbreviation = true;
          end += l;
          segment = end;
          continue;
        }
        if (abbreviation) ++end;  // the closing dot of "U.S."
      }
      break;
    }
    if (end + static_cast<size_t>(offset) > 0xFFFFFFFFu) break;
    if (possessive > begin) {
      Emit(text, begin, possessive, offset, flags, &exact, &folded, out);
      Emit(text, possessive, end, offset, flags, &exact, &folded, out);
    } else {
      Emit(text, begin, end, offset, flags, &exact, &folded, out);
    }
    pos = end;
  }
}

}  // namespace newstrace::trace
