#include "analyze/tokens.h"

#include <algorithm>
#include <array>
#include <string>

#include "base/utf8.h"

namespace newstrace::analyze {
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

bool IsDoubleQuoteMark(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
         cp == 0x201F || cp == 0xAB || cp == 0xBB || cp == 0x2033;
}

bool IsSingleQuoteMark(char32_t cp) {
  return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201A ||
         cp == 0x201B || cp == 0x2039 || cp == 0x203A;
}

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

std::vector<Paragraph> AnalyzedParagraphs(const Article& article) {
  std::vector<Paragraph> out;
  for (const Block& b : article.blocks) {
    if (b.kind != BlockKind::kTitle && !IsBodyKind(b.kind)) continue;
    Paragraph p;
    p.span = b.span;
    p.headline = b.kind == BlockKind::kTitle || b.kind == BlockKind::kHeading;
    out.push_back(p);
  }
  return out;
}

}  // namespace newstrace::analyze
