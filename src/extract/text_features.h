// Plain-text cleaning, layer 1: units and their features. Internal to the
// extract module (text_blocks.cc is the only user).
//
// A unit is what becomes one block (or two, when a photo credit is split off
// a caption): one non-blank line, or, in hard-wrapped text, the run of lines
// that make up one wrapped paragraph. Features are the numbers the rules in
// text_blocks.cc look at: words, capitalization, function words (a verb and
// sentence proxy), terminal punctuation, sentences. Everything here is one
// linear pass over the bytes and safe on a 50 MB line.
#ifndef NEWSTRACE_EXTRACT_TEXT_FEATURES_H_
#define NEWSTRACE_EXTRACT_TEXT_FEATURES_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"
#include "newstrace/document.h"

namespace newstrace::extract::text {

struct WrapOptions {
  // Hard wrapping is only considered when the longest wrapped line has
  // between min_width and max_width code points (default 30 and 160).
  size_t min_width = 30;
  size_t max_width = 160;
};

// Splits `text` into units, in order: the non-blank lines, each trimmed of
// ASCII spaces and tabs, or, when the text is hard-wrapped (paragraphs
// wrapped at a fixed width), the wrapped paragraphs, each spanning its lines.
// Sets *hard_wrapped to the decision. A line that holds only Unicode spaces
// (NBSP) separates paragraphs like a blank line, and is a unit of its own
// (its bytes are not ASCII spaces). Linear in the size of the text.
std::vector<Span> SplitUnits(std::string_view text, const WrapOptions& options,
                             bool* hard_wrapped);

// One whitespace-separated token: `core` is the token without leading and
// trailing punctuation; it is empty when the token has no letter or digit.
struct Token {
  std::string_view whole;
  std::string_view core;
  std::string_view trail;  // punctuation after the core
};

// Calls `f` (any callable taking `const Token&` and returning bool) for
// every token of `s`, in order. Stops early when `f` returns false. A
// template rather than a std::function: it runs once per word of every unit,
// and an inlined callback keeps the tokenizer's loop tight.
template <typename F>
void ForEachToken(std::string_view s, F&& f);

// True for the short grammatical words (articles, prepositions, pronouns,
// auxiliaries) of English, German, French and Spanish. `lower` must be
// lower-cased.
bool IsFunctionWord(std::string_view lower);

// `s` lower-cased (Unicode simple case mapping), with the typographic
// apostrophe turned into an ASCII one.
std::string LowerWord(std::string_view s);
// LowerWord(s) into *out, reusing its capacity (no allocation in the common
// case of a short ASCII word).
void LowerWordInto(std::string_view s, std::string* out);

// True when the first letter of `s` is upper case.
bool StartsUpper(std::string_view s);
// True when `s` has a letter and no lower-case letter.
bool IsAllCaps(std::string_view s);

struct Features {
  size_t bytes = 0;
  size_t chars = 0;  // code points
  int words = 0;     // tokens with a letter or digit
  int letters = 0;
  int upper = 0;            // upper-case letters
  int lower_words = 0;      // words starting with a lower-case letter
  int functions = 0;        // function words, any case
  int lower_functions = 0;  // function words written in lower case
  int content = 0;          // other words after the first, letters only
  int capitalized = 0;      // of `content`, those starting upper case
  int sentences = 0;        // sentence ends inside, plus one for the last
  int commas = 0;
  int numbers = 0;  // words starting with a digit
  bool starts_upper = false;
  bool period_end = false;    // ends with "." (not "...")
  bool question_end = false;  // "?" or "!"
  bool ellipsis_end = false;  // "..." or U+2026
  bool colon_end = false;
  bool list_number = false;  // "1." / "2)" first token
  bool list_bullet = false;  // "-", "*", U+2022 first token
  bool caps_prefix = false;  // "VEGAS MYSTERY: ..." (all-caps words, colon)

  bool Terminal() const { return period_end || question_end; }
  // Share of the content words written with a capital: 1 for Title Case.
  double TitleCase() const {
    return content == 0 ? (starts_upper ? 1.0 : 0.0)
                        : static_cast<double>(capitalized) / content;
  }
  // Title Case: every lower-case word is a function word ("Congress to
  // Observe Democracy Day in Protest"); one slip allowed in long lines.
  bool TitleCased() const {
    int lower_content = lower_words - lower_functions;
    return content >= 2 &&
           (lower_content == 0 || (words >= 10 && lower_content == 1));
  }
  double CapsRatio() const {
    return letters == 0 ? 0.0 : static_cast<double>(upper) / letters;
  }
};

// The features of `s` (a unit's text; newlines count as spaces).
Features ComputeFeatures(std::string_view s);

// The content words of the body, stemmed, to tell lines about the article
// from lines about something else (appended headlines).
class Vocabulary {
 public:
  // Adds the content words of `s` (one unit of text).
  void Add(std::string_view s);
  // The share of the content words of `s` found in the vocabulary, or -1
  // when `s` has none. When `added`, `s` itself was added and its own
  // words count only if another unit has them too.
  double Overlap(std::string_view s, bool added = false) const;
  size_t size() const { return size_; }

 private:
  // An open-addressing hash table (linear probing) over words stored back to
  // back in words_: adding a unit's words allocates nothing per word, unlike
  // a node-based map of strings (Add runs for every word of the body).
  struct Slot {
    uint64_t hash = 0;
    size_t offset = 0;  // of the word in words_
    uint32_t size = 0;  // of the word in bytes; 0 for an empty slot
    int units = 0;      // number of units that hold the word
    size_t added = 0;   // the Add call that counted it last
  };
  // The slot of `w` (hash `h`), or the empty slot where it would go.
  size_t Find(std::string_view w, uint64_t h) const;
  void Grow();

  std::vector<Slot> slots_;  // a power of two in size, or empty
  std::string words_;
  size_t size_ = 0;  // distinct words
  size_t adds_ = 0;  // Add calls so far: a unit's words count once
  std::string scratch_;
};

namespace internal {

// Character classes with an ASCII fast path (most text is ASCII); other
// code points go through the Unicode tables.
inline bool AsciiSpaceByte(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
inline bool AsciiAlnumByte(unsigned char c) {
  return static_cast<unsigned char>((c | 0x20) - 'a') < 26 ||
         static_cast<unsigned char>(c - '0') < 10;
}
inline bool UnicodeAlnum(char32_t cp) {
  return base::IsLetter(cp) || base::IsDigit(cp);
}

// The words IsFunctionWord knows, for tests.
std::span<const std::string_view> FunctionWordList();

// IsFunctionWord(std::string_view(p, size)), reading the word's bytes at
// once. REQUIRES: p[0, 8) is readable.
bool IsFunctionWordAt(const char* p, size_t size);

// Vocabulary stems: longer tokens are no words.
inline constexpr size_t kMaxStemInput = 40;
// The stem of a content word (lower-cased, without "'s" or a plural "s"),
// or an empty view for a word that carries no topic (not letters only, a
// function word, under three code points). The view points into `buf`
// (kMaxStemInput bytes) or *scratch.
std::string_view Stem(std::string_view core, char* buf, std::string* scratch);
// Stem as first written, for tests: the stem into *w, or false.
bool ReferenceStem(std::string_view core, std::string* w);
// The stems of the tokens of `s` in order, as the vocabulary reads them
// (ForEachToken, then Stem of each core), for tests.
std::vector<std::string> Stems(std::string_view s);

// The end of the token of `s` that starts at `start` (not white space),
// as ForEachToken cuts it: it runs to the next white space. Its core (first
// to last letter or digit) is [*core_begin, *core_end); *core_begin is npos
// when it has none.
inline size_t TokenEnd(std::string_view s, size_t start, size_t* core_begin,
                       size_t* core_end) {
  const size_t n = s.size();
  size_t i = start;
  size_t begin = std::string_view::npos, end = start;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (AsciiSpaceByte(c)) break;
      if (AsciiAlnumByte(c)) {
        if (begin == std::string_view::npos) begin = i;
        end = i + 1;
      }
      ++i;
      continue;
    }
    const size_t at = i;
    const char32_t cp = base::NextMultiByteCodePoint(s, &i);
    if (base::IsSpace(cp)) {
      i = at;
      break;
    }
    if (UnicodeAlnum(cp)) {
      if (begin == std::string_view::npos) begin = at;
      end = i;
    }
  }
  *core_begin = begin;
  *core_end = end;
  return i;
}

}  // namespace internal

template <typename F>
void ForEachToken(std::string_view s, F&& f) {
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (internal::AsciiSpaceByte(c)) {
        ++i;
        continue;
      }
    } else {
      size_t next = i;
      if (base::IsSpace(base::NextMultiByteCodePoint(s, &next))) {
        i = next;
        continue;
      }
    }
    const size_t start = i;
    size_t core_begin, core_end;
    i = internal::TokenEnd(s, start, &core_begin, &core_end);
    Token t;
    t.whole = s.substr(start, i - start);
    if (core_begin != std::string_view::npos) {
      t.core = s.substr(core_begin, core_end - core_begin);
      t.trail = s.substr(core_end, i - core_end);
    } else {
      t.trail = t.whole;
    }
    if (!f(static_cast<const Token&>(t))) return;
  }
}

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_FEATURES_H_
