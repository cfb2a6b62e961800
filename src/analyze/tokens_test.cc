// Tokenize (tokens.h) against a frozen copy of the tokenizer it replaced
// (commit b383ed5: one pass with a per-token emplace and a sentence pass over
// every token): every token field, paragraph range and sentence must match
// on generated text with words, abbreviations, possessives, marks, quote
// marks, digit groups, non-ASCII letters and white space, invalid UTF-8, and
// paragraph spans that end mid-word, mid-code point or past the text.
#include "analyze/tokens.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace newstrace::analyze {
namespace reference {

// --- the tokenizer as it was (kept verbatim; the quote-mark classes are the
// live ones, which did not change) --------------------------------------

namespace {

using base::NextCodePoint;

// ASCII byte classes, for the fast path of the word scanner.
enum : uint8_t { kOther = 0, kLower = 1, kUpper = 2, kDigit = 4 };

constexpr std::array<uint8_t, 128> MakeAsciiClass() {
  std::array<uint8_t, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  return t;
}
constexpr std::array<uint8_t, 128> kAsciiClass = MakeAsciiClass();

// The same for every byte: those of multi-byte code points are kOther.
constexpr std::array<uint8_t, 256> MakeByteClass() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiClass[c];
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClass();

// Whether a word of ASCII letters and digits has two or more letters.
bool HasTwoLetters(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    letters += kByteClass[static_cast<unsigned char>(c)] != kDigit;
    if (letters >= 2) return true;
  }
  return false;
}

inline bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return kAsciiClass[cp] != kOther;
  return base::IsLetter(cp) || base::IsDigit(cp) ||
         (cp >= 0x300 && cp <= 0x36F);  // combining marks stay in the word
}

bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Words whose trailing period belongs to them (titles, initials, company
// suffixes, month abbreviations): it does not end a sentence.
constexpr std::array<std::string_view, 44> kAbbreviations = {
    "Adm", "Apr",  "Aug", "Capt", "Co",   "Col",  "Corp", "Dec",   "Dr",
    "Feb", "Fr",   "Ft",  "Gen",  "Gov",  "Hon",  "Inc",  "Jan",   "Jr",
    "Jul", "Jun",  "Lt",  "Ltd",  "Maj",  "Mar",  "Mr",   "Mrs",   "Ms",
    "Mt",  "No",   "Nov", "Oct",  "Pres", "Prof", "Rep",  "Rev",   "Sen",
    "Sep", "Sept", "Sgt", "Sr",   "St",   "Supt", "vs",   "Messrs"};

bool IsAbbreviation(std::string_view w) {
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // initial
  // Most words before a period are sentence ends: every abbreviation is
  // two to six bytes and capitalized, but for "vs".
  if (w.size() < 2 || w.size() > 6 ||
      !((w[0] >= 'A' && w[0] <= 'Z') || w[0] == 'v')) {
    return false;
  }
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), w) !=
         kAbbreviations.end();
}

// Reads one word starting at text[pos] (a word character) up to `end`.
// Returns its end. Inner hyphens, apostrophes (not a possessive 's),
// dots between letters (U.S.) and digit group separators stay inside.
size_t WordEnd(std::string_view text, size_t pos, size_t end) {
  size_t i = pos;
  bool all_digits = true;
  while (i < end) {
    // Fast path: a run of ASCII letters and digits.
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 && kAsciiClass[b] != kOther) {
      if (kAsciiClass[b] != kDigit) all_digits = false;
      ++i;
      continue;
    }
    size_t next = i;
    char32_t cp = NextCodePoint(text, &next);
    if (IsWordChar(cp)) {
      if (cp >= 0x80 || !(cp >= '0' && cp <= '9')) all_digits = false;
      i = next;
      continue;
    }
    if (next >= end) break;
    size_t after = next;
    char32_t following = NextCodePoint(text, &after);
    if (!IsWordChar(following)) break;
    if (cp == '-' || cp == 0x2010 || cp == 0x2011) {
      i = next;
      continue;
    }
    if (IsApostrophe(cp)) {
      // A possessive or contracted 's is its own token: "Assad's".
      bool s_then_break = (following == 's' || following == 'S') &&
                          (after >= end || !IsWordChar([&] {
                             size_t p = after;
                             return NextCodePoint(text, &p);
                           }()));
      if (s_then_break) break;
      i = next;
      continue;
    }
    if ((cp == '.' || cp == ',') && all_digits && following >= '0' &&
        following <= '9') {
      i = next;  // 2.3, 3,000
      continue;
    }
    if (cp == '.' && following < 0x80 && following >= 'A' && following <= 'Z' &&
        next - pos <= 3) {
      i = next;  // U.S, U.N
      continue;
    }
    break;
  }
  return i;
}

void SetWordFlags(std::string_view w, Token* t) {
  // Fast path: a plain ASCII word (most are).
  uint8_t seen = 0;
  int letters = 0;
  bool ascii = true;
  for (char ch : w) {
    unsigned char b = static_cast<unsigned char>(ch);
    if (b >= 0x80) {
      ascii = false;
      break;
    }
    uint8_t c = kAsciiClass[b];
    seen |= c;
    letters += c == kLower || c == kUpper;
  }
  if (ascii && !w.starts_with("al-") && !w.starts_with("el-") &&
      !w.starts_with("ad-") && !w.starts_with("as-")) {
    uint8_t first = kAsciiClass[static_cast<unsigned char>(w[0])];
    t->digit = first == kDigit;
    t->cap = first == kUpper;
    t->upper = letters >= 2 && !(seen & kLower);
    return;
  }
  size_t p = 0;
  char32_t first = NextCodePoint(w, &p);
  t->digit =
      first < 0x80 ? (first >= '0' && first <= '9') : base::IsDigit(first);
  // "al-Assad", "de'Medici": a lower-case particle and a capital.
  if (!t->digit && (w.starts_with("al-") || w.starts_with("el-") ||
                    w.starts_with("ad-") || w.starts_with("as-"))) {
    size_t q = 3;
    t->cap = q < w.size() && base::IsUpper(NextCodePoint(w, &q));
  } else {
    t->cap = base::IsUpper(first);
  }
  letters = 0;
  bool upper = true;
  for (size_t i = 0; i < w.size();) {
    char32_t cp = NextCodePoint(w, &i);
    if (base::IsLetter(cp)) {
      ++letters;
      if (!base::IsUpper(cp)) upper = false;
    }
  }
  t->upper = upper && letters >= 2;
}

bool EndsSentence(const TextView& v, size_t i) {
  const Token& t = v.tokens[i];
  if (t.kind != TokKind::kPunct) return false;
  return t.cp == '.' || t.cp == '!' || t.cp == '?' || t.cp == 0x2026;
}

void SplitSentences(TextView* v) {
  v->sentences.reserve(v->tokens.size() / 16 + v->paras.size());
  for (const Paragraph& p : v->paras) {
    uint32_t start = p.first_token;
    for (uint32_t i = p.first_token; i < p.end_token; ++i) {
      if (!EndsSentence(*v, i)) continue;
      // Closing marks and brackets after the stop stay in the sentence.
      uint32_t j = i + 1;
      while (j < p.end_token &&
             ((v->tokens[j].kind == TokKind::kQuote &&
               v->tokens[j].begin == v->tokens[j - 1].end) ||
              (v->tokens[j].kind == TokKind::kPunct &&
               (v->tokens[j].cp == ')' || EndsSentence(*v, j))))) {
        ++j;
      }
      if (j < p.end_token) {
        const Token& n = v->tokens[j];
        bool starts = n.cap || n.digit || n.kind == TokKind::kQuote ||
                      (n.kind == TokKind::kPunct && n.cp == '(');
        if (!starts) {
          i = j - 1;
          continue;
        }
      }
      v->sentences.push_back({start, j});
      start = j;
      i = j - 1;
    }
    if (start < p.end_token) v->sentences.push_back({start, p.end_token});
  }
  for (uint32_t s = 0; s < v->sentences.size(); ++s) {
    Sentence& sent = v->sentences[s];
    for (uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      v->tokens[i].sentence = s;
    }
    sent.first_word = sent.first_token;
    while (sent.first_word < sent.end_token &&
           v->tokens[sent.first_word].kind != TokKind::kWord &&
           v->tokens[sent.first_word].kind != TokKind::kPossessive) {
      ++sent.first_word;
    }
  }
}

}  // namespace

TextView Tokenize(std::string_view text, std::vector<Paragraph> paras) {
  TextView v;
  v.text = text;
  v.paras = std::move(paras);
  v.tokens.reserve(text.size() / 5);
  for (uint32_t pi = 0; pi < v.paras.size(); ++pi) {
    Paragraph& p = v.paras[pi];
    p.first_token = static_cast<uint32_t>(v.tokens.size());
    size_t end = std::min(p.span.end, text.size());
    size_t i = p.span.begin;
    while (i < end) {
      char c0 = text[i];
      if (c0 == ' ' || c0 == '\n' || c0 == '\t' || c0 == '\r') {
        ++i;
        continue;
      }
      size_t next = i;
      char32_t cp = NextCodePoint(text, &next);
      if (cp >= 0x80 && base::IsSpace(cp)) {
        i = next;
        continue;
      }
      // Built in place: a Token assembled on the stack and copied in
      // stalls on its byte-sized fields.
      Token& t = v.tokens.emplace_back();
      t.para = pi;
      t.begin = static_cast<uint32_t>(i);
      bool fast = false;
      if (cp < 0x80 && kAsciiClass[cp] != kOther) {
        // Fast path: a word of ASCII letters and digits that ends at a
        // space or at punctuation other than - ' . , (most words).
        size_t we = i + 1;
        uint8_t seen = kAsciiClass[cp];
        while (we < end) {
          uint8_t cls = kByteClass[static_cast<unsigned char>(text[we])];
          if (cls == kOther) break;
          seen |= cls;
          ++we;
        }
        char stop = we < end ? text[we] : ' ';
        bool plain = static_cast<unsigned char>(stop) < 0x80 && stop != '-' &&
                     stop != '\'' && stop != '.' && stop != ',';
        // A word before a comma or period that no word character follows
        // (a clause or sentence end) ends there too, as WordEnd would find;
        // a period may still belong to it as an abbreviation's.
        bool period = false;
        if ((stop == '.' || stop == ',') &&
            (we + 1 >= end ||
             (static_cast<unsigned char>(text[we + 1]) < 0x80 &&
              kAsciiClass[static_cast<unsigned char>(text[we + 1])] ==
                  kOther))) {
          plain = true;
          period = stop == '.' && IsAbbreviation(text.substr(i, we - i));
        }
        if (plain) {
          uint8_t first = kAsciiClass[cp];
          t.end = static_cast<uint32_t>(we + period);
          t.kind = TokKind::kWord;
          t.digit = first == kDigit;
          t.cap = first == kUpper;
          // Two or more letters, none lower case.
          t.upper = !(seen & kLower) && (seen & kUpper) &&
                    HasTwoLetters(text.substr(i, we - i));
          i = we + period;
          fast = true;
        }
      }
      if (fast) {
        // done above
      } else if (IsWordChar(cp)) {
        size_t we = WordEnd(text, i, end);
        std::string_view w = text.substr(i, we - i);
        // An abbreviation keeps its period: "Mr.", "U.S.".
        if (we < end && text[we] == '.' &&
            (IsAbbreviation(w) || w.find('.') != std::string_view::npos)) {
          ++we;
          w = text.substr(i, we - i);
        }
        t.end = static_cast<uint32_t>(we);
        t.kind = TokKind::kWord;
        SetWordFlags(w, &t);
        i = we;
      } else if (IsApostrophe(cp) && v.tokens.size() >= 2 &&
                 v.tokens[v.tokens.size() - 2].end == i && next < end &&
                 (text[next] == 's' || text[next] == 'S') &&
                 (next + 1 >= end ||
                  !IsWordChar(static_cast<unsigned char>(text[next + 1])))) {
        t.end = static_cast<uint32_t>(next + 1);
        t.kind = TokKind::kPossessive;
        i = next + 1;
      } else {
        t.end = static_cast<uint32_t>(next);
        t.cp = cp;
        t.kind = IsDoubleQuoteMark(cp) || IsSingleQuoteMark(cp)
                     ? TokKind::kQuote
                     : TokKind::kPunct;
        i = next;
      }
    }
    p.end_token = static_cast<uint32_t>(v.tokens.size());
  }
  SplitSentences(&v);
  return v;
}

}  // namespace reference

namespace {

// Pieces the generator strings together: the cases the fast paths must
// hand to the general code, and plain words.
constexpr std::string_view kPieces[] = {"the",       "said",
                                        "Trump",     "NATO",
                                        "US",        "U.S",
                                        "U.S.",      "Mr",
                                        "Mrs.",      "Dr",
                                        "Inc",       "vs",
                                        "Sept",      "Messrs",
                                        "A",         "b",
                                        "x1",        "3M",
                                        "MB",        "2016",
                                        "3,000",     "2.5",
                                        "1.",        "al-Assad",
                                        "el-Sisi",   "as-",
                                        "de'Medici", "seven-year",
                                        "don't",     "Assad's",
                                        "Assad’s",   "it’S",
                                        "'s",        "’s",
                                        "'",         "’",
                                        "‘",         "\"",
                                        "“",         "”",
                                        "„",         "«",
                                        "»",         "″",
                                        "‹",         "(",
                                        ")",         "[",
                                        ".",         ",",
                                        "!",         "?",
                                        "…",         ":",
                                        ";",         "-",
                                        "—",         "–",
                                        "‐",         "‑",
                                        "/",         "&",
                                        "é",         "Ébola",
                                        "naïve",     "ÖL",
                                        "日本",      "ß",
                                        "e\u0301",   "Ω",
                                        "𝔸",         "\xC2\xA0",
                                        "\u2009",    "\u3000",
                                        "\xFF",      "\xC3",
                                        "\x80",      "\xE2\x80",
                                        "\xF0\x9F",  "\v",
                                        "\f",        std::string_view("\0", 1)};
constexpr std::string_view kGaps[] = {" ",  " ",  " ",    "",  "",
                                      "\n", "\t", "\r\n", "  "};

std::string RandomText(std::mt19937* rng, size_t pieces) {
  std::string s;
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<size_t> gap(0, std::size(kGaps) - 1);
  std::uniform_int_distribution<int> byte(0, 255);
  for (size_t k = 0; k < pieces; ++k) {
    if ((*rng)() % 16 == 0) {
      s += static_cast<char>(byte(*rng));
    } else {
      s += kPieces[piece(*rng)];
    }
    s += kGaps[gap(*rng)];
  }
  return s;
}

// Consecutive spans that cover `text`, cut anywhere (also inside words and
// code points); now and then one that overlaps, is empty or runs past the
// end.
std::vector<Paragraph> RandomParagraphs(std::mt19937* rng, size_t size) {
  std::vector<Paragraph> paras;
  size_t pos = 0;
  while (pos < size) {
    size_t len = 1 + (*rng)() % 40;
    Paragraph p;
    p.span = {pos, std::min(size, pos + len)};
    switch ((*rng)() % 12) {
      case 0:
        p.span.end = size + 5;
        break;
      case 1:
        p.span.begin = pos > 3 ? pos - 3 : 0;
        break;
      case 2:
        p.span.end = p.span.begin;
        break;
      default:
        break;
    }
    p.headline = (*rng)() % 5 == 0;
    paras.push_back(p);
    pos += len;
  }
  return paras;
}

void ExpectSame(std::string_view text, const std::vector<Paragraph>& paras) {
  const TextView want = reference::Tokenize(text, paras);
  const TextView got = Tokenize(text, paras);
  ASSERT_EQ(got.tokens.size(), want.tokens.size()) << text;
  for (size_t i = 0; i < want.tokens.size(); ++i) {
    const Token& a = got.tokens[i];
    const Token& b = want.tokens[i];
    SCOPED_TRACE(testing::Message() << "token " << i << " of " << text);
    EXPECT_EQ(a.begin, b.begin);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.para, b.para);
    EXPECT_EQ(a.sentence, b.sentence);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.cap, b.cap);
    EXPECT_EQ(a.upper, b.upper);
    EXPECT_EQ(a.digit, b.digit);
    EXPECT_EQ(a.cp, b.cp);
  }
  ASSERT_EQ(got.paras.size(), want.paras.size());
  for (size_t i = 0; i < want.paras.size(); ++i) {
    EXPECT_EQ(got.paras[i].first_token, want.paras[i].first_token);
    EXPECT_EQ(got.paras[i].end_token, want.paras[i].end_token);
  }
  ASSERT_EQ(got.sentences.size(), want.sentences.size()) << text;
  for (size_t i = 0; i < want.sentences.size(); ++i) {
    EXPECT_EQ(got.sentences[i].first_token, want.sentences[i].first_token);
    EXPECT_EQ(got.sentences[i].end_token, want.sentences[i].end_token);
    EXPECT_EQ(got.sentences[i].first_word, want.sentences[i].first_word);
  }
}

TEST(TokenizeTest, MatchesTheOldTokenizerOnGeneratedText) {
  std::mt19937 rng(20261126);
  for (int round = 0; round < 20000; ++round) {
    const std::string text = RandomText(&rng, 1 + rng() % 60);
    // Views into a larger buffer too: bytes after a span's end are there.
    const std::string padded = text + RandomText(&rng, 2);
    const std::string_view view(padded.data(), text.size());
    ExpectSame(view, RandomParagraphs(&rng, text.size()));
    if (HasFailure()) return;
  }
}

TEST(TokenizeTest, MatchesTheOldTokenizerOnTrickyCases) {
  constexpr std::string_view kCases[] = {
      "",
      "Mr. Putin said. He left.",
      "The U.S. and U.N. met in Washington, D.C. on Jan. 5.",
      "Assad's forces, Assad’s men and the Assads' homes.",
      "\"We won,\" he said. “Yes!” she said… (Then) ‘no’ — ok?",
      "3,000 people; 2.5 percent; 1,2,3 and 1.2.3 then 10.",
      "ALL CAPS HEADLINE: NATO, A, 3M, MB, 2016 vs Inc.",
      "al-Assad and el-Sisi met al- as-Sadr; AL-QAEDA.",
      "naïve Ébola ÖL 日本 ß e\u0301 𝔸\xC2\xA0x\u3000y\xFF\xC3\x80z",
      "end with a word",
      "end with a period.",
      "end with an abbreviation Mr.",
      "word.word word,word word-word word'word word’s’s",
  };
  for (std::string_view text : kCases) {
    std::vector<Paragraph> paras(1);
    paras[0].span = {0, text.size()};
    ExpectSame(text, paras);
    // Every cut into two paragraphs.
    for (size_t cut = 0; cut <= text.size(); ++cut) {
      std::vector<Paragraph> two(2);
      two[0].span = {0, cut};
      two[1].span = {cut, text.size()};
      ExpectSame(text, two);
    }
  }
}

TEST(TokenizeTest, MatchesTheOldTokenizerOnLongWords) {
  std::string text(1 << 20, 'a');
  text[text.size() / 2] = 'B';
  text += ". Then " + std::string(5000, 'X') + "\xC3";
  std::vector<Paragraph> paras(1);
  paras[0].span = {0, text.size()};
  ExpectSame(text, paras);
}

}  // namespace
}  // namespace newstrace::analyze
