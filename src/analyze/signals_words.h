// The word lists and phrase lists behind the style signals (written for
// newstrace; docs/format/signals.md lists what each holds), and the matcher
// that counts them in scanned words (signals_scan.h).
#ifndef NEWSTRACE_ANALYZE_SIGNALS_WORDS_H_
#define NEWSTRACE_ANALYZE_SIGNALS_WORDS_H_

#include <array>
#include <cstddef>
#include <cstdint>

#include "analyze/signals_scan.h"

namespace newstrace::analyze {

// Lists of single words.
enum class WordList : uint8_t {
  kSensational,   // shocking, bombshell, slams, destroys, ...
  kEmotional,     // heartbreaking, furious, terrified, disgusting, ...
  kFirstPerson,   // i, me, my, we, us (not US), our, ...
  kSecondPerson,  // you, your, yourself, you're, ...
};
inline constexpr size_t kWordListCount = 4;

// Lists of phrases (one or more words, matched word by word across white
// space only, case-insensitively; outlet names also by their capitals).
enum class PhraseList : uint8_t {
  kClickbait,    // you won't believe, what happened next, here's why, ...
  kOutlet,       // Reuters, Associated Press, AP, The New York Times, ...
  kStatement,    // in a statement, told reporters, at a news conference, ...
  kAccordingTo,  // according to
};
inline constexpr size_t kPhraseListCount = 4;

struct LexiconCounts {
  std::array<uint32_t, kWordListCount> words{};
  std::array<uint32_t, kPhraseListCount> phrases{};

  uint32_t word(WordList l) const { return words[static_cast<size_t>(l)]; }
  uint32_t phrase(PhraseList l) const {
    return phrases[static_cast<size_t>(l)];
  }
};

// Counts the list words and phrases among words [first, end) of `scan`.
// A phrase match is not counted again inside itself (a list's matches do
// not overlap); the longest phrase wins at a position. Thread-safe.
LexiconCounts CountLexicon(const ScanText& scan, size_t first, size_t end);

// Whether words [first, end) open like a listicle: a numeral of one to
// three digits among the first two words, followed within the next three
// words (white space between them only) by a listicle noun ("17 things",
// "10 reasons why", "These 5 amazing photos").
bool IsListicleStart(const ScanText& scan, size_t first, size_t end);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_SIGNALS_WORDS_H_
