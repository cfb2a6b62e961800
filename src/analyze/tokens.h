// The analyze module's view of an article: its title and body paragraphs cut
// into case-preserving tokens with byte offsets, and sentences.
//
// Unlike trace's tokenizer (lower-cased words for shingling), this one keeps
// what attribution and name finding need: capitalization, punctuation and
// quote marks as tokens of their own, abbreviations with their period
// ("Mr.", "U.S."), and a possessive "'s" split off its word.
#ifndef NEWSTRACE_ANALYZE_TOKENS_H_
#define NEWSTRACE_ANALYZE_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "newstrace/document.h"

namespace newstrace::analyze {

enum class TokKind : uint8_t {
  kWord,        // letters and digits, with inner ' - . (al-Assad, U.S.)
  kPossessive,  // 's or ’s split off a word
  kPunct,       // one punctuation or symbol code point
  kQuote,       // a double or single quote mark (or apostrophe) not in a word
};

struct Token {
  uint32_t begin = 0;  // byte offsets into the article text
  uint32_t end = 0;
  uint32_t para = 0;      // index into TextView::paras
  uint32_t sentence = 0;  // index into TextView::sentences
  TokKind kind = TokKind::kWord;
  bool cap = false;    // a word whose first letter is upper case
  bool upper = false;  // a word of two or more letters, all upper case
  bool digit = false;  // a word that starts with a digit
  char32_t cp = 0;     // kPunct, kQuote: the code point
};

struct Paragraph {
  Span span;
  bool headline = false;  // the title or a sub-heading
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // one past the last
};

struct Sentence {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  uint32_t first_word = 0;  // its first word or possessive token; end_token
                            // when it has none
};

// The tokens of the spans of `paras` in `text` (which must outlive it).
struct TextView {
  std::string_view text;
  std::vector<Paragraph> paras;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view TokenText(const Token& t) const {
    return text.substr(t.begin, t.end - t.begin);
  }
  std::string_view TokenText(size_t i) const { return TokenText(tokens[i]); }
};

// Cuts each span of `paras` into tokens and sentences. Sentences end at
// . ! ? (not after abbreviations) and at paragraph ends; quote marks do not
// end them.
TextView Tokenize(std::string_view text, std::vector<Paragraph> paras);

// The paragraphs AnalyzeArticle reads: the title block and the body blocks.
std::vector<Paragraph> AnalyzedParagraphs(const Article& article);

// Quote-mark classes for a kQuote token's code point.
bool IsDoubleQuoteMark(char32_t cp);
bool IsSingleQuoteMark(char32_t cp);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_TOKENS_H_
