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

// Every byte's class for the token loop: the ASCII word classes above,
// and marks for white space, for the marks a word may continue across and
// for the bytes of multi-byte code points.
enum : uint8_t {
  kWordByte = kLower | kUpper | kDigit,
  kSpaceByte = 8,  // ' ', \n, \t, \r (other white space is decoded)
  kJoinByte = 16,  // - ' . , (a word may go on after them)
  kHighByte = 32,  // 0x80 and above
};

constexpr std::array<uint8_t, 256> MakeByteClass() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAsciiClass[c];
  for (char c : {' ', '\n', '\t', '\r'})
    t[static_cast<unsigned char>(c)] = kSpaceByte;
  for (char c : {'-', '\'', '.', ','})
    t[static_cast<unsigned char>(c)] = kJoinByte;
  for (int c = 128; c < 256; ++c) t[c] = kHighByte;
  return t;
}
constexpr std::array<uint8_t, 256> kByteClass = MakeByteClass();

uint8_t ByteClass(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

// Whether a word of ASCII letters and digits has two or more letters and
// no lower-case one.
bool IsUpperWord(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    const uint8_t cls = ByteClass(c);
    if (cls == kLower) return false;
    letters += cls == kUpper;
  }
  return letters >= 2;
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

// Bit (first letter - 'A') of entry `size`, bit 26 for 'v': some
// abbreviation of that size starts so. Most words before a period are
// sentence ends, and most of those fail this test.
constexpr std::array<uint32_t, 7> MakeAbbreviationStarts() {
  std::array<uint32_t, 7> t{};
  for (std::string_view w : kAbbreviations) {
    t[w.size()] |= 1u << (w[0] == 'v' ? 26 : w[0] - 'A');
  }
  return t;
}
constexpr std::array<uint32_t, 7> kAbbreviationStarts =
    MakeAbbreviationStarts();

bool IsAbbreviation(std::string_view w) {
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // initial
  // Every abbreviation is two to six bytes and capitalized, but for "vs".
  if (w.size() < 2 || w.size() > 6 ||
      !((w[0] >= 'A' && w[0] <= 'Z') || w[0] == 'v')) {
    return false;
  }
  const int bit = w[0] == 'v' ? 26 : w[0] - 'A';
  if (!(kAbbreviationStarts[w.size()] & (1u << bit))) return false;
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

// `stops` holds, in order, every token that EndsSentence: the tokenizer
// noted them, so only they are visited here.
void SplitSentences(const std::vector<uint32_t>& stops, TextView* v) {
  v->sentences.reserve(v->tokens.size() / 16 + v->paras.size());
  size_t c = 0;
  for (const Paragraph& p : v->paras) {
    uint32_t start = p.first_token;
    uint32_t from = p.first_token;  // stops before it were stepped over
    while (c < stops.size() && stops[c] < p.first_token) ++c;
    for (; c < stops.size() && stops[c] < p.end_token; ++c) {
      const uint32_t i = stops[c];
      if (i < from) continue;
      // Closing marks and brackets after the stop stay in the sentence.
      uint32_t j = i + 1;
      while (j < p.end_token &&
             ((v->tokens[j].kind == TokKind::kQuote &&
               v->tokens[j].begin == v->tokens[j - 1].end) ||
              (v->tokens[j].kind == TokKind::kPunct &&
               (v->tokens[j].cp == ')' || EndsSentence(*v, j))))) {
        ++j;
      }
      from = j;
      if (j < p.end_token) {
        const Token& n = v->tokens[j];
        bool starts = n.cap || n.digit || n.kind == TokKind::kQuote ||
                      (n.kind == TokKind::kPunct && n.cp == '(');
        if (!starts) continue;
      }
      v->sentences.push_back({start, j});
      start = j;
    }
    if (start < p.end_token) v->sentences.push_back({start, p.end_token});
  }
  Token* tokens = v->tokens.data();
  for (uint32_t s = 0; s < v->sentences.size(); ++s) {
    Sentence& sent = v->sentences[s];
    for (uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      tokens[i].sentence = s;
    }
    sent.first_word = sent.first_token;
    while (sent.first_word < sent.end_token &&
           tokens[sent.first_word].kind != TokKind::kWord &&
           tokens[sent.first_word].kind != TokKind::kPossessive) {
      ++sent.first_word;
    }
  }
}

bool IsQuoteMark(char32_t cp) {
  return IsDoubleQuoteMark(cp) || IsSingleQuoteMark(cp);
}

// The token at text[i] when it is no plain ASCII word (Tokenize's fast
// path): a word with non-ASCII letters or inner marks, a possessive, a mark;
// or none at non-ASCII white space. Appends it to *tokens (and its index to
// *stops when it may end a sentence); returns where the next token may
// start. Kept out of Tokenize's loop, which then holds its state in
// registers.
[[gnu::noinline]] size_t OtherToken(std::string_view text, size_t i, size_t end,
                                    uint32_t para, std::vector<Token>* tokens,
                                    std::vector<uint32_t>* stops) {
  size_t next = i;
  const char32_t cp = NextCodePoint(text, &next);
  if (cp >= 0x80 && base::IsSpace(cp)) return next;
  Token& t = tokens->emplace_back();
  t.para = para;
  t.begin = static_cast<uint32_t>(i);
  if (IsWordChar(cp)) {
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
    return we;
  }
  if (IsApostrophe(cp) && tokens->size() >= 2 &&
      (*tokens)[tokens->size() - 2].end == i && next < end &&
      (text[next] == 's' || text[next] == 'S') &&
      (next + 1 >= end ||
       !IsWordChar(static_cast<unsigned char>(text[next + 1])))) {
    t.end = static_cast<uint32_t>(next + 1);
    t.kind = TokKind::kPossessive;
    return next + 1;
  }
  t.end = static_cast<uint32_t>(next);
  t.cp = cp;
  if (IsQuoteMark(cp)) {
    t.kind = TokKind::kQuote;
  } else {
    t.kind = TokKind::kPunct;
    if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
      stops->push_back(static_cast<uint32_t>(tokens->size() - 1));
    }
  }
  return next;
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
  std::vector<uint32_t> stops;  // the tokens that may end a sentence
  const char* s = text.data();
  for (uint32_t pi = 0; pi < v.paras.size(); ++pi) {
    Paragraph& p = v.paras[pi];
    p.first_token = static_cast<uint32_t>(v.tokens.size());
    const size_t end = std::min(p.span.end, text.size());
    // When the byte at `end` ends a word anyway, the word loop below needs
    // no bound check.
    const bool stop_at_end =
        end < text.size() && !(ByteClass(s[end]) & kWordByte);
    size_t i = p.span.begin;
    while (i < end) {
      const uint8_t cls = ByteClass(s[i]);
      if (cls & kSpaceByte) {
        ++i;
        continue;
      }
      if (!(cls & kWordByte)) {
        const char c = s[i];
        if ((cls & kHighByte) || c == '"' || c == '\'') {
          i = OtherToken(text, i, end, pi, &v.tokens, &stops);
          continue;
        }
        // An ASCII mark that is no quote mark or apostrophe (most marks):
        // one kPunct token, as OtherToken would make it.
        Token& t = v.tokens.emplace_back();
        t.para = pi;
        t.begin = static_cast<uint32_t>(i);
        t.end = static_cast<uint32_t>(i + 1);
        t.kind = TokKind::kPunct;
        t.cp = static_cast<unsigned char>(c);
        if (c == '.' || c == '!' || c == '?') {
          stops.push_back(static_cast<uint32_t>(v.tokens.size() - 1));
        }
        ++i;
        continue;
      }
      // Fast path: a word of ASCII letters and digits that ends at a space
      // or at punctuation other than - ' . , (most words).
      size_t we = i + 1;
      if (stop_at_end) {
        while (ByteClass(s[we]) & kWordByte) ++we;
      } else {
        while (we < end && (ByteClass(s[we]) & kWordByte)) ++we;
      }
      const char stop = we < end ? s[we] : ' ';
      bool plain = !(ByteClass(stop) & (kJoinByte | kHighByte));
      // A word before a comma or period that no ASCII letter or digit
      // follows (a clause or sentence end; "said.”") ends there too, as
      // WordEnd would find: only those continue a word across the mark. A
      // period may still belong to it as an abbreviation's.
      bool period = false;
      if ((stop == '.' || stop == ',') &&
          (we + 1 >= end || !(ByteClass(s[we + 1]) & kWordByte))) {
        plain = true;
        period = stop == '.' && IsAbbreviation(text.substr(i, we - i));
      }
      if (!plain) {
        i = OtherToken(text, i, end, pi, &v.tokens, &stops);
        continue;
      }
      // Built in place: a Token assembled on the stack and copied in
      // stalls on its byte-sized fields.
      Token& t = v.tokens.emplace_back();
      t.para = pi;
      t.begin = static_cast<uint32_t>(i);
      t.end = static_cast<uint32_t>(we + period);
      t.kind = TokKind::kWord;
      t.digit = cls == kDigit;
      t.cap = cls == kUpper;
      // Two or more letters, none lower case.
      t.upper = cls != kLower && IsUpperWord(text.substr(i, we - i));
      i = we + period + (stop == ' ');  // and a space after it
    }
    p.end_token = static_cast<uint32_t>(v.tokens.size());
  }
  SplitSentences(stops, &v);
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
