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
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// Calls `f` for every token of `s`, in order. Stops early when `f` returns
// false.
void ForEachToken(std::string_view s,
                  const std::function<bool(const Token&)>& f);

// True for the short grammatical words (articles, prepositions, pronouns,
// auxiliaries) of English, German, French and Spanish. `lower` must be
// lower-cased.
bool IsFunctionWord(std::string_view lower);

// `s` lower-cased (Unicode simple case mapping), with the typographic
// apostrophe turned into an ASCII one.
std::string LowerWord(std::string_view s);

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
  size_t size() const { return units_.size(); }

 private:
  // Content word -> number of units that hold it.
  std::unordered_map<std::string, int> units_;
};

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_FEATURES_H_
