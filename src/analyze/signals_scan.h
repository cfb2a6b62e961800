// The word scanner behind the style signals (signals.h): one pass over a
// text that keeps, per word, its lower-cased form and the little the signals
// need (capitals, a leading digit, syllables, the mark that follows it), and
// counts sentences and marks. No regular expressions, no allocation per
// word beyond the growing arrays.
#ifndef NEWSTRACE_ANALYZE_SIGNALS_SCAN_H_
#define NEWSTRACE_ANALYZE_SIGNALS_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newstrace::analyze {

// The most syllables a word counts for (so a megabyte without a space is
// not a million-syllable word).
inline constexpr uint8_t kMaxSyllables = 20;

struct ScanWord {
  uint32_t begin = 0;  // offset of its lower-cased form in ScanText::lower
  uint32_t size = 0;
  uint32_t hash = 0;      // WordHash of its lower-cased form (0 for a URL)
  uint8_t letters = 0;    // ASCII letters in it, capped at 255
  uint8_t syllables = 1;  // vowel groups, 1 to kMaxSyllables
  // The first mark between this word and the next, in ASCII: 0 when only
  // white space separates them, '\n' after a segment's last word, '.' for
  // U+2026 and the like, '~' for other non-ASCII marks.
  char after = 0;
  bool caps = false;   // has an ASCII letter and no lower-case ASCII letter
  bool cap = false;    // starts with an upper-case ASCII letter
  bool digit = false;  // starts with an ASCII digit
  bool url = false;    // a URL-like string (http://, https://, www.)
  bool segment_start = false;  // the first word of its segment
};

// The words of one or more segments (a headline, a paragraph).
struct ScanText {
  std::string lower;  // each word lower-cased (ASCII), typographic
                      // apostrophes as ', hyphens as -
  std::vector<ScanWord> words;
  size_t sentences = 0;     // sentences with at least one word
  size_t exclamations = 0;  // ! marks (each one)
  size_t questions = 0;     // ? marks (each one)
  size_t syllables = 0;     // summed over the words

  std::string_view Word(size_t i) const {
    return std::string_view(lower.data() + words[i].begin, words[i].size);
  }
  // True when word i follows word i - 1 in the same segment with only white
  // space between them (phrases match only across such gaps).
  bool Joined(size_t i) const { return i > 0 && words[i - 1].after == 0; }
  void Clear();
};

// Appends the words of `text` to *out as one segment. Any bytes are
// accepted: invalid UTF-8 counts as a mark. A word is a run of letters and
// digits (any non-ASCII letter counts as one) with inner apostrophes and
// hyphens (don't, seven-year) and inner . or , between digits (2.3, 1,000);
// a URL-like string is one word up to the next white space. A sentence ends
// at ! or ?, at . unless it follows a title abbreviation (Mr, Dr, Gen, ...)
// or a single letter (an initial) or is followed by a lower-case word, and
// at the segment's end. Linear in text.size().
void ScanSegment(std::string_view text, ScanText* out);

// The hash ScanWord::hash holds: FNV-1a over the bytes, folded to 32 bits.
inline uint32_t WordHash(std::string_view w) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

// Vowel groups (a e i o u y) of a lower-cased word, less a silent final e
// (not after l), at least 1 and at most kMaxSyllables. ScanSegment counts
// the same way as it goes.
uint8_t CountSyllables(std::string_view lower_word);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_SIGNALS_SCAN_H_
