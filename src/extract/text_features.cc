// Units and features for plain-text cleaning (text_features.h).
//
// Hard-wrap detection. A text wrapped at width W has, in every paragraph of
// several lines, non-final lines that are "full": the line plus a space plus
// the next line's first word would not fit in W. One-line-per-paragraph text
// has lines of every length, most ending a sentence. So the text is taken as
// hard-wrapped when, over the lines that have a non-blank successor:
//   - the longest such line W is within [min_width, max_width];
//   - at least two of them, and 60% of them, are full (with a 12% slack,
//     for wrappers that are not greedy);
//   - fewer than half of the full lines end a sentence;
//   - at most 10% of all non-blank lines are longer than W (plus slack).
// Then a line joins its successor when it is full and the successor is not
// indented deeper or a list item; otherwise (and always at blank lines) a new
// unit starts.
#include "extract/text_features.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "base/byte_scan.h"
#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::extract::text {
namespace {

bool AsciiSpace(char c) { return c == ' ' || c == '\t'; }

// base::CodePointCount, sixteen bytes at a time.
size_t CountCodePoints(std::string_view s) {
  return s.size() - base::CountContinuationBytes(s);
}

struct Line {
  size_t begin = 0;  // trimmed of ASCII spaces
  size_t end = 0;
  size_t indent = 0;  // ASCII spaces before begin
  size_t chars = 0;   // code points in [begin, end), once counted
  bool blank = true;
};

std::vector<Line> ReadLines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    Line line;
    size_t b = pos;
    while (b < nl && AsciiSpace(text[b])) ++b;
    size_t e = nl;
    while (e > b && AsciiSpace(text[e - 1])) --e;
    line.begin = b;
    line.end = e;
    line.indent = b - pos;
    // A first byte that is ASCII and no white space survives Trim.
    const unsigned char first =
        b < e ? static_cast<unsigned char>(text[b]) : ' ';
    const bool kept =
        first < 0x80 && first != ' ' && (first < '\t' || first > '\r');
    line.blank = !kept && base::Trim(text.substr(b, e - b)).empty();
    lines.push_back(line);
    pos = nl + 1;
  }
  return lines;
}

// Code points of the first word of `s`.
size_t FirstWordChars(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size() && !AsciiSpace(s[i]); ++i) {
    n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  return n;
}

bool EndsSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' ||
                        s.back() == ')' || s.back() == ']')) {
    s.remove_suffix(1);
  }
  if (base::EndsWith(s, "\xE2\x80\x9D") || base::EndsWith(s, "\xE2\x80\x99")) {
    s.remove_suffix(3);
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?' ||
                        s.back() == ':');
}

bool StartsListItem(std::string_view s) {
  if (s.empty()) return false;
  if (s[0] == '-' || s[0] == '*' || base::StartsWith(s, "\xE2\x80\xA2")) {
    return true;
  }
  size_t i = 0;
  while (i < s.size() && i < 3 && s[i] >= '0' && s[i] <= '9') ++i;
  return i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')') &&
         i + 1 < s.size() && s[i + 1] == ' ';
}

}  // namespace

std::vector<Span> SplitUnits(std::string_view text, const WrapOptions& options,
                             bool* hard_wrapped) {
  std::vector<Line> lines = ReadLines(text);
  const size_t n = lines.size();
  auto has_next = [&](size_t i) {
    return i + 1 < n && !lines[i].blank && !lines[i + 1].blank;
  };
  auto line_text = [&](size_t i) {
    return text.substr(lines[i].begin, lines[i].end - lines[i].begin);
  };

  // Estimate the wrap width and decide. Widths (code points) are counted
  // only where they are read: text with a blank line between paragraphs
  // has no line with a successor, and is decided without any.
  size_t width = 0, candidates = 0, non_blank = 0;
  for (size_t i = 0; i < n; ++i) {
    non_blank += !lines[i].blank;
    if (has_next(i)) {
      ++candidates;
      lines[i].chars = CountCodePoints(line_text(i));
      width = std::max(width, lines[i].chars);
    }
  }
  std::vector<bool> full;  // read only when wrapped
  bool wrapped = false;
  if (candidates >= 2 && width >= options.min_width &&
      width <= options.max_width) {
    full.assign(n, false);
    const double fit = 0.88 * static_cast<double>(width);
    size_t full_count = 0, full_ending = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!has_next(i)) continue;
      std::string_view next = text.substr(
          lines[i + 1].begin, lines[i + 1].end - lines[i + 1].begin);
      double need =
          static_cast<double>(lines[i].chars + 1 + FirstWordChars(next));
      if (need > fit) {
        full[i] = true;
        ++full_count;
        full_ending += EndsSentence(
            text.substr(lines[i].begin, lines[i].end - lines[i].begin));
      }
    }
    size_t too_long = 0;
    const double limit = 1.12 * static_cast<double>(width) + 2;
    for (size_t i = 0; i < n; ++i) {
      if (lines[i].blank) continue;
      const size_t chars =
          has_next(i) ? lines[i].chars : CountCodePoints(line_text(i));
      too_long += static_cast<double>(chars) > limit;
    }
    wrapped = full_count >= 2 && full_count * 10 >= candidates * 6 &&
              full_ending * 2 < full_count && too_long * 10 <= non_blank;
  }
  if (hard_wrapped != nullptr) *hard_wrapped = wrapped;

  std::vector<Span> units;
  units.reserve(n);  // at most one per line
  for (size_t i = 0; i < n; ++i) {
    if (lines[i].blank) {
      // A line of Unicode spaces (NBSP) separates paragraphs like a blank
      // line, but its bytes still need a block.
      if (lines[i].end > lines[i].begin) {
        units.push_back({lines[i].begin, lines[i].end});
      }
      continue;
    }
    size_t j = i;
    if (wrapped) {
      while (full[j] && lines[j + 1].indent <= lines[j].indent &&
             !StartsListItem(text.substr(
                 lines[j + 1].begin, lines[j + 1].end - lines[j + 1].begin))) {
        ++j;
      }
    }
    units.push_back({lines[i].begin, lines[j].end});
    i = j;
  }
  return units;
}

namespace {

// clang-format off
constexpr std::string_view kFunctionWords[] = {
    // English
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at",
    "by", "for", "from", "with", "without", "into", "onto", "over", "under",
    "about", "after", "before", "against", "between", "through", "during",
    "as", "than", "that", "this", "these", "those", "is", "are", "was",
    "were", "be", "been", "being", "am", "has", "have", "had", "do", "does",
    "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "it", "its", "it's", "he", "she", "they", "we", "you", "i", "his",
    "her", "their", "our", "your", "my", "him", "them", "us", "me", "who",
    "whom", "which", "what", "when", "where", "why", "how", "not", "no", "if",
    "so", "up", "out", "off", "down", "there", "here", "then", "also", "just",
    "very", "all", "any", "some", "such", "only", "too", "while", "because",
    "since", "until", "via", "per", "upon", "amid", "among", "across", "near",
    "within", "despite", "says", "said",
    // German
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines",
    "einem", "einen", "und", "oder", "aber", "im", "ins", "auf", "aus", "bei",
    "mit", "nach", "von", "vom", "zu", "zum", "zur", "für", "über", "unter",
    "vor", "durch", "gegen", "ohne", "um", "ist", "sind", "war", "waren",
    "wird", "werden", "wurde", "hat", "haben", "hatte", "nicht", "sich", "es",
    "er", "sie", "wir", "ihr", "auch", "als", "wie", "dass", "noch", "nur",
    // French
    "le", "la", "les", "l'", "un", "une", "du", "de", "d'", "et", "ou",
    "mais", "en", "dans", "sur", "sous", "pour", "par", "avec", "sans", "à",
    "au", "aux", "est", "sont", "était", "ont", "été", "il", "elle", "ils",
    "elles", "nous", "vous", "ce", "cette", "ces", "qui", "que", "qu'", "ne",
    "pas", "plus", "se", "sa", "son", "ses", "leur", "leurs",
    // Spanish
    "el", "los", "las", "una", "unos", "unas", "y", "o", "pero", "del", "al",
    "con", "sin", "por", "para", "sobre", "entre", "es", "son", "fue", "era",
    "ha", "han", "está", "están", "su", "sus", "lo", "le", "les", "como",
    "más", "muy"};
// clang-format on

// The function words in an open-addressing hash table (linear probing) of
// packed keys: a word's bytes in one integer, first byte lowest, with its
// length in the top byte. A lookup hashes one integer and compares integers
// (it runs for every word of every unit), and ComputeFeatures builds the key
// of an ASCII word straight from the text, lower-casing eight bytes at once.
class FunctionWordTable {
 public:
  // Longest word in bytes: the key's top byte holds the length.
  static constexpr size_t kMaxLength = 7;

  // Built at compile time: no guard or indirection on the lookup path.
  constexpr FunctionWordTable() {
    for (std::string_view w : kFunctionWords) {
      const uint64_t key = Pack(w.data(), w.size());
      size_t k = Slot(key);
      while (slots_[k] != 0 && slots_[k] != key) k = (k + 1) & kMask;
      slots_[k] = key;
    }
  }

  // The key of `size` bytes at `p`. REQUIRES: size <= kMaxLength.
  static constexpr uint64_t Pack(const char* p, size_t size) {
    uint64_t key = static_cast<uint64_t>(size) << 56;
    for (size_t i = 0; i < size; ++i) {
      key |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    }
    return key;
  }

  constexpr bool Contains(uint64_t key) const {
    for (size_t k = Slot(key);; k = (k + 1) & kMask) {
      if (slots_[k] == key) return true;
      if (slots_[k] == 0) return false;  // keys are never 0 (length >= 1)
    }
  }

 private:
  // A quarter full at most, so that probes stay short.
  static constexpr size_t kBits = 10;
  static constexpr size_t kMask = (size_t{1} << kBits) - 1;
  static constexpr size_t Slot(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
  }
  uint64_t slots_[size_t{1} << kBits] = {};
};

constexpr bool FitsTheKeys() {
  for (std::string_view w : kFunctionWords) {
    if (w.empty() || w.size() > FunctionWordTable::kMaxLength) return false;
  }
  return true;
}
static_assert(FitsTheKeys(), "a function word too long for the table");

constexpr FunctionWordTable kFunctionWordTable;

// The function word key of the ASCII word of `size` bytes at p[begin] (of
// `n` bytes at p), lower-cased. REQUIRES: size <= kMaxLength, no byte of
// the word >= 0x80.
uint64_t AsciiLowerKey(const char* p, size_t begin, size_t size, size_t n) {
  uint64_t x = 0;
  if constexpr (std::endian::native == std::endian::little) {
    if (begin + 8 <= n) {
      std::memcpy(&x, p + begin, 8);
      x &= (uint64_t{1} << (8 * size)) - 1;  // size < 8
    } else {
      x = FunctionWordTable::Pack(p + begin, size);
    }
  } else {
    x = FunctionWordTable::Pack(p + begin, size);
  }
  x &= 0x00FFFFFFFFFFFFFFull;  // the bytes only
  // Per byte b < 0x80, bit 7 of b + 0x3F is set when b >= 'A', and bit 7
  // of b + 0x25 when b > 'Z' (no carries between bytes).
  const uint64_t upper = (x + 0x3F3F3F3F3F3F3F3Full) &
                         ~(x + 0x2525252525252525ull) & 0x8080808080808080ull;
  return (x | (upper >> 2)) | (static_cast<uint64_t>(size) << 56);
}

// IsFunctionWord(LowerWord(s)) without building a string: LowerWord maps
// each code point to one code point, so a word is none as soon as its
// lower-cased bytes pass kMaxLength.
bool LowerIsFunctionWord(std::string_view s) {
  char lower[FunctionWordTable::kMaxLength];
  size_t size = 0, i = 0;
  while (i < s.size()) {
    char32_t cp = base::ToLower(base::NextCodePoint(s, &i));
    if (cp == 0x2019) cp = '\'';  // as LowerWord
    char utf8[4];
    const size_t m = base::EncodeUtf8(cp, utf8);
    if (size + m > sizeof(lower)) return false;
    std::memcpy(lower + size, utf8, m);
    size += m;
  }
  return size > 0 &&
         kFunctionWordTable.Contains(FunctionWordTable::Pack(lower, size));
}

}  // namespace

namespace internal {

std::span<const std::string_view> FunctionWordList() { return kFunctionWords; }

bool IsFunctionWordAt(const char* p, size_t size) {
  if (size == 0 || size > FunctionWordTable::kMaxLength) return false;
  uint64_t x;
  std::memcpy(&x, p, 8);
  if constexpr (std::endian::native == std::endian::little) {
    x &= (uint64_t{1} << (8 * size)) - 1;  // size < 8
    return kFunctionWordTable.Contains(x | (static_cast<uint64_t>(size) << 56));
  }
  return kFunctionWordTable.Contains(FunctionWordTable::Pack(p, size));
}

}  // namespace internal

bool IsFunctionWord(std::string_view lower) {
  return !lower.empty() && lower.size() <= FunctionWordTable::kMaxLength &&
         kFunctionWordTable.Contains(
             FunctionWordTable::Pack(lower.data(), lower.size()));
}

std::string LowerWord(std::string_view s) {
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return base::AsciiLower(s);
  std::string lower = base::Lower(s);
  if (lower.find("\xE2\x80\x99") == std::string::npos) return lower;
  std::string out;
  out.reserve(lower.size());
  for (size_t i = 0; i < lower.size(); ++i) {
    if (lower.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += lower[i];
    }
  }
  return out;
}

void LowerWordInto(std::string_view s, std::string* out) {
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) {
    *out = LowerWord(s);
    return;
  }
  out->assign(s);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
}

bool StartsUpper(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = base::NextCodePoint(s, &i);
    if (base::IsLetter(cp)) return base::IsUpper(cp);
    if (base::IsDigit(cp)) return false;
  }
  return false;
}

bool IsAllCaps(std::string_view s) {
  bool letter = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = base::NextCodePoint(s, &i);
    if (base::IsLower(cp)) return false;
    letter = letter || base::IsLetter(cp);
  }
  return letter;
}

namespace {

// Byte classes for ComputeFeatures: one table load per byte rather than a
// chain of comparisons. A letter has kLetter and, when it has a case,
// kUpper or kLower.
enum ByteClass : uint8_t {
  kLetter = 1,
  kUpper = 2,
  kLower = 4,
  kDigit = 8,
  kInWord = 16,  // '-', '\'' and U+2019: AllLetters accepts them
  kSpace = 32,
  kMultiByte = 64,  // a byte >= 0x80: decode the code point
  kOther = 128,     // any other ASCII byte (punctuation, controls)
};
constexpr uint8_t kAlnum = kLetter | kDigit;

struct ByteClasses {
  uint8_t of[256] = {};
  constexpr ByteClasses() {
    for (int c = 0; c < 256; ++c) {
      uint8_t k = kOther;
      if (c >= 0x80) {
        k = kMultiByte;
      } else if (c == ' ' || (c >= '\t' && c <= '\r')) {  // AsciiSpaceByte
        k = kSpace;
      } else if (c >= 'A' && c <= 'Z') {
        k = kLetter | kUpper;
      } else if (c >= 'a' && c <= 'z') {
        k = kLetter | kLower;
      } else if (c >= '0' && c <= '9') {
        k = kDigit;
      } else if (c == '-' || c == '\'') {
        k = kInWord;
      }
      of[c] = k;
    }
  }
  constexpr uint8_t operator[](char c) const {
    return of[static_cast<unsigned char>(c)];
  }
};
constexpr ByteClasses kByteClass;

// The class of a code point >= 0x80, as ForEachToken, AllLetters and the
// letter counts see it.
uint8_t MultiByteClass(char32_t cp) {
  if (base::IsSpace(cp)) return kSpace;
  if (base::IsLetter(cp)) {
    return kLetter | (base::IsUpper(cp) ? kUpper : 0) |
           (base::IsLower(cp) ? kLower : 0);
  }
  if (base::IsDigit(cp)) return kDigit;
  return cp == 0x2019 ? kInWord : kOther;
}

// The UTF-8 continuation bytes (10xxxxxx) of the code point decoded from
// p[begin, end): all but the first byte, or the one byte of an invalid
// sequence when it is a stray continuation byte.
size_t ContinuationBytes(const char* p, size_t begin, size_t end) {
  return end - begin - ((static_cast<unsigned char>(p[begin]) & 0xC0) != 0x80);
}

// The ASCII letters of `s`, and of them the upper-case ones, eight bytes at
// a time. Every letter is in the core of a token, so the unit's counts need
// no tokenizing (ComputeFeatures adds the other letters as it decodes them).
void CountAsciiLetters(std::string_view s, int* letters, int* upper) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t l = 0, u = 0, i = 0;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    // Per byte, b (bits 0-6) + 0x80 - c has bit 7 set when b >= c, with no
    // carry into the next byte; bit 7 of x itself marks non-ASCII bytes.
    const uint64_t b = x & (0x7F * kOnes);
    const uint64_t folded = b | (0x20 * kOnes);  // upper to lower case
    const uint64_t ascii = ~x & (0x80 * kOnes);
    const uint64_t up =
        (b + (0x80 - 'A') * kOnes) & ~(b + (0x80 - 'Z' - 1) * kOnes) & ascii;
    const uint64_t letter = (folded + (0x80 - 'a') * kOnes) &
                            ~(folded + (0x80 - 'z' - 1) * kOnes) & ascii;
    // Sum the bytes (each 0 or 1) in the top byte.
    l += ((letter >> 7) * kOnes) >> 56;
    u += ((up >> 7) * kOnes) >> 56;
  }
  for (; i < n; ++i) {
    const uint8_t k = kByteClass[p[i]];
    l += k & kLetter;
    u += (k & kUpper) != 0;
  }
  *letters += static_cast<int>(l);
  *upper += static_cast<int>(u);
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

int CountCommas(std::string_view s) {
  int commas = 0;
  for (char c : s) commas += c == ',';
  return commas;
}

// A first token that marks a list item: a bullet, "1." / "2)", "(a)".
void ListMarker(std::string_view w, bool* bullet, bool* number) {
  *bullet = w == "-" || w == "*" || w == "\xE2\x80\xA2" ||
            w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "\xC2\xB7";
  size_t d = 0;
  while (d < w.size() && d < 3 && w[d] >= '0' && w[d] <= '9') ++d;
  *number = d > 0 && d + 1 == w.size() && (w[d] == '.' || w[d] == ')');
  // "(a)", "(iv)", "b)"
  size_t open = !w.empty() && w[0] == '(';
  if (w.size() >= 2 + open && w.size() <= 5 + open && w.back() == ')') {
    bool alnum = true;
    for (size_t k = open; k + 1 < w.size(); ++k) {
      alnum = alnum && std::isalnum(static_cast<unsigned char>(w[k]));
    }
    *number = *number || alnum;
  }
}

// One token as ComputeFeatures sees it (ForEachToken's cut).
struct WordScan {
  size_t end = 0;                              // of the token
  size_t core_begin = std::string_view::npos;  // npos: no letter or digit
  size_t core_end = 0;
  uint8_t first_alnum = 0;   // class of the core's first code point
  uint8_t first_letter = 0;  // class of the first letter, 0 for none
  bool all_letters = true;   // AllLetters(core)
  bool multi_byte = false;   // a code point >= 0x80 in the token
};

// The token at s[start] (not white space), code point by code point: the
// path for tokens with bytes >= 0x80. Adds the continuation bytes and the
// letters >= 0x80 (CountAsciiLetters counts the others).
WordScan ScanMultiByteToken(std::string_view s, size_t start,
                            size_t* continuation, int* letters, int* upper) {
  const char* p = s.data();
  const size_t n = s.size();
  WordScan w;
  w.core_end = start;
  bool outside = false;  // a code point AllLetters rejects since the last
                         // letter or digit
  size_t i = start;
  while (i < n) {
    uint8_t k = kByteClass[p[i]];
    size_t end = i + 1;
    if (k & kSpace) break;
    if (k & kMultiByte) {
      end = i;
      k = MultiByteClass(base::NextMultiByteCodePoint(s, &end));
      if (k & kSpace) break;
      *continuation += ContinuationBytes(p, i, end);
      w.multi_byte = true;
      *letters += k & kLetter;
      *upper += (k & kUpper) != 0;
    }
    if (k & kAlnum) {
      if (w.core_begin == std::string_view::npos) {
        w.core_begin = i;
        w.first_alnum = k;
      } else {
        w.all_letters = w.all_letters && !outside;
      }
      outside = false;
      w.all_letters = w.all_letters && !(k & kDigit);
      w.core_end = end;
      if (w.first_letter == 0 && (k & kLetter)) w.first_letter = k;
    } else {
      outside = outside || !(k & kInWord);
    }
    i = end;
  }
  w.end = i;
  return w;
}

// The token at s[start] (not white space). Most tokens are ASCII: one tight
// loop finds the token's end and notes the classes it saw; the core's ends
// are found from there, and its bytes are looked at again only when the
// classes leave something to decide.
inline WordScan ScanToken(std::string_view s, size_t start,
                          size_t* continuation, int* letters, int* upper) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = start;
  uint8_t seen = 0;
  for (; i < n; ++i) {
    const uint8_t k = kByteClass[p[i]];
    if (k & (kSpace | kMultiByte)) {
      if (k & kSpace) break;
      return ScanMultiByteToken(s, start, continuation, letters, upper);
    }
    seen |= k;
  }
  WordScan w;
  w.end = i;
  if (!(seen & kAlnum)) return w;
  size_t b = start, core_end = i;
  while (!(kByteClass[p[b]] & kAlnum)) ++b;
  while (!(kByteClass[p[core_end - 1]] & kAlnum)) --core_end;
  w.core_begin = b;
  w.core_end = core_end;
  w.first_alnum = kByteClass[p[b]];
  if (w.first_alnum & kLetter) {
    w.first_letter = w.first_alnum;
  } else {
    for (size_t j = b; j < core_end && w.first_letter == 0; ++j) {
      const uint8_t k = kByteClass[p[j]];
      if (k & kLetter) w.first_letter = k;
    }
  }
  // AllLetters(core): only letters, '-' and '\''; the punctuation seen may
  // all be outside the core ("word," "(word)").
  if (seen & (kDigit | kOther)) {
    for (size_t j = b; j < core_end; ++j) {
      if (!(kByteClass[p[j]] & (kLetter | kInWord))) {
        w.all_letters = false;
        break;
      }
    }
  }
  return w;
}

bool HasSentenceEnd(std::string_view trail) {
  for (char c : trail) {
    if (c == '.' || c == '!' || c == '?') return true;
  }
  return trail.find("\xE2\x80\xA6") != std::string_view::npos;
}

// An abbreviation whose period ends no sentence: "Mr.", "U.S.", "St.".
bool Abbreviation(std::string_view core, std::string_view trail) {
  if (trail.empty() || trail[0] != '.') return false;
  if (core.find('.') != std::string_view::npos) return true;
  return core.size() <= 3 && StartsUpper(core);
}

void SetEnding(std::string_view s, Features* f) {
  // Drop closing quotes and brackets, then look at the last character.
  // German closes with U+201C and U+2018 („...“, ‚...‘) and may close with
  // U+00AB (»...«).
  while (!s.empty()) {
    char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' || c == ' ' ||
        c == '\n' || c == '\t') {
      s.remove_suffix(1);
    } else if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99") ||
               s.ends_with("\xE2\x80\x9C") || s.ends_with("\xE2\x80\x98")) {
      s.remove_suffix(3);
    } else if (s.ends_with("\xC2\xBB") || s.ends_with("\xC2\xAB")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  if (s.empty()) return;
  if (s.ends_with("...") || s.ends_with("\xE2\x80\xA6")) {
    f->ellipsis_end = true;
    return;
  }
  char c = s.back();
  f->period_end = c == '.';
  f->question_end = c == '?' || c == '!';
  f->colon_end = c == ':';
}

}  // namespace

Features ComputeFeatures(std::string_view s) {
  // The counters are locals, written to the result at the end: through the
  // char loads the compiler could not keep struct fields in registers.
  const char* p = s.data();
  const size_t n = s.size();
  size_t continuation = 0;  // UTF-8 continuation bytes, as CountCodePoints
  int letters = 0, upper = 0;
  CountAsciiLetters(s, &letters, &upper);
  int words = 0, lower_words = 0, functions = 0, lower_functions = 0;
  int content = 0, capitalized = 0, sentences = 0, commas = 0, numbers = 0;
  bool starts_upper = false, list_number = false, list_bullet = false;
  bool first_token = true;
  bool pending_end = false;
  size_t i = 0;
  while (i < n) {
    const uint8_t k = kByteClass[p[i]];
    if (k & kSpace) {
      ++i;
      continue;
    }
    if (k & kMultiByte) {
      size_t next = i;
      if (base::IsSpace(base::NextMultiByteCodePoint(s, &next))) {
        continuation += ContinuationBytes(p, i, next);
        i = next;
        continue;
      }
    }
    const size_t start = i;
    const WordScan w = ScanToken(s, start, &continuation, &letters, &upper);
    i = w.end;
    const std::string_view whole(p + start, i - start);
    if (first_token) {
      first_token = false;
      ListMarker(whole, &list_bullet, &list_number);
    }
    if (w.core_begin == std::string_view::npos) {
      commas += CountCommas(whole);
      if (!pending_end && words > 0 && HasSentenceEnd(whole)) {
        pending_end = true;
      }
      continue;
    }
    const std::string_view core(p + w.core_begin, w.core_end - w.core_begin);
    const std::string_view trail(p + w.core_end, i - w.core_end);
    const bool digit_start = core[0] >= '0' && core[0] <= '9';
    // StartsUpper(core), as the core starts with a letter or a digit.
    if (pending_end && ((w.first_alnum & kUpper) || digit_start)) ++sentences;
    pending_end = false;
    ++words;
    numbers += digit_start;
    const bool upper_start = (w.first_letter & kUpper) != 0;
    const bool lower_start = (w.first_letter & kLower) != 0;
    lower_words += lower_start;
    // Lower-casing keeps the length of ASCII words; other words longer than
    // 12 bytes are not looked up either.
    bool function = false;
    if (w.multi_byte && !IsAscii(core)) {
      function = core.size() <= 12 && LowerIsFunctionWord(core);
    } else if (core.size() <= FunctionWordTable::kMaxLength) {
      function = kFunctionWordTable.Contains(
          AsciiLowerKey(p, w.core_begin, core.size(), n));
    }
    if (function) {
      ++functions;
      lower_functions += lower_start;
    }
    if (words == 1) {
      starts_upper = upper_start;
    } else if (!function && w.all_letters) {
      ++content;
      capitalized += upper_start;
    }
    if (!trail.empty()) {
      commas += CountCommas(trail);
      // "3." opening a list item ends no sentence.
      const bool marker = words == 1 && list_number;
      if (!marker && HasSentenceEnd(trail) && !Abbreviation(core, trail)) {
        pending_end = true;
      }
    }
  }
  if (words > 0) ++sentences;

  Features f;
  f.bytes = n;
  f.chars = n - continuation;
  f.words = words;
  f.letters = letters;
  f.upper = upper;
  f.lower_words = lower_words;
  f.functions = functions;
  f.lower_functions = lower_functions;
  f.content = content;
  f.capitalized = capitalized;
  f.sentences = sentences;
  f.commas = commas;
  f.numbers = numbers;
  f.starts_upper = starts_upper;
  f.list_number = list_number;
  f.list_bullet = list_bullet;
  SetEnding(s, &f);

  // "VEGAS MYSTERY: ..." — all-caps words then a colon, then more text.
  size_t colon = s.substr(0, 48).find(':');
  if (colon != std::string_view::npos && colon + 2 < s.size()) {
    std::string_view head = s.substr(0, colon);
    size_t caps = 0;
    for (char c : head) caps += (c >= 'A' && c <= 'Z');
    f.caps_prefix = caps >= 3 && IsAllCaps(head);
  }
  return f;
}

}  // namespace newstrace::extract::text
