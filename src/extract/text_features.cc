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
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::extract::text {
namespace {

bool AsciiSpace(char c) { return c == ' ' || c == '\t'; }

// Code point access with an ASCII fast path (most text is ASCII).
char32_t Next(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  if (c < 0x80) {
    ++*i;
    return c;
  }
  return base::NextCodePoint(s, i);
}

// base::CodePointCount (the bytes that are not UTF-8 continuation bytes,
// 10xxxxxx), eight bytes at a time: it runs over every line and every unit.
size_t CountCodePoints(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t continuation = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x;
    std::memcpy(&x, p + i, 8);
    // Per byte, bit 7 set and bit 6 clear (x << 1 brings bit 6 to bit 7).
    uint64_t c = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
    continuation += (c * 0x0101010101010101ull) >> 56;  // sum of the bytes
  }
  for (; i < n; ++i) {
    continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  }
  return n - continuation;
}

struct Line {
  size_t begin = 0;  // trimmed of ASCII spaces
  size_t end = 0;
  size_t indent = 0;  // ASCII spaces before begin
  size_t chars = 0;   // code points in [begin, end)
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
    std::string_view s = text.substr(b, e - b);
    line.blank = base::Trim(s).empty();
    if (!line.blank) line.chars = CountCodePoints(s);
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

  // Estimate the wrap width and decide.
  size_t width = 0, candidates = 0, non_blank = 0;
  for (size_t i = 0; i < n; ++i) {
    non_blank += !lines[i].blank;
    if (has_next(i)) {
      ++candidates;
      width = std::max(width, lines[i].chars);
    }
  }
  std::vector<bool> full(n, false);
  bool wrapped = false;
  if (candidates >= 2 && width >= options.min_width &&
      width <= options.max_width) {
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
    for (const Line& l : lines) {
      too_long += !l.blank && static_cast<double>(l.chars) > limit;
    }
    wrapped = full_count >= 2 && full_count * 10 >= candidates * 6 &&
              full_ending * 2 < full_count && too_long * 10 <= non_blank;
  }
  if (hard_wrapped != nullptr) *hard_wrapped = wrapped;

  std::vector<Span> units;
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

// The function words bucketed by byte length and first byte: a lookup reads
// one bucket of a few words, with no hashing of the word (it runs for every
// word of every unit).
class FunctionWordTable {
 public:
  static constexpr size_t kMaxLength = 15;

  FunctionWordTable() {
    std::vector<std::string_view> words(std::begin(kFunctionWords),
                                        std::end(kFunctionWords));
    std::sort(words.begin(), words.end(),
              [](std::string_view a, std::string_view b) {
                return Key(a) != Key(b) ? Key(a) < Key(b) : a < b;
              });
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (std::string_view w : words) {
      if (w.empty() || w.size() > kMaxLength) std::abort();  // table bug
      Bucket& b = buckets_[Key(w)];
      if (b.count == 0) b.begin = static_cast<uint16_t>(words_.size());
      ++b.count;
      words_.push_back(w);
    }
  }

  bool Contains(std::string_view w) const {
    if (w.empty() || w.size() > kMaxLength) return false;
    const Bucket& b = buckets_[Key(w)];
    // The bucket's words have w's length: compare bytes inline rather than
    // call memcmp for a few bytes.
    for (size_t k = b.begin; k < b.begin + b.count; ++k) {
      const char* word = words_[k].data();
      size_t i = 0;
      while (i < w.size() && word[i] == w[i]) ++i;
      if (i == w.size()) return true;
    }
    return false;
  }

 private:
  struct Bucket {
    uint16_t begin = 0;
    uint16_t count = 0;
  };
  static size_t Key(std::string_view w) {
    return w.size() * 256 + static_cast<unsigned char>(w[0]);
  }
  Bucket buckets_[(kMaxLength + 1) * 256];
  std::vector<std::string_view> words_;
};

const FunctionWordTable& FunctionWords() {
  static const FunctionWordTable* table = new FunctionWordTable();
  return *table;
}

}  // namespace

bool IsFunctionWord(std::string_view lower) {
  return FunctionWords().Contains(lower);
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

bool AllLetters(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII fast path: a letter, '-' or '\''
      if (static_cast<unsigned char>((c | 0x20) - 'a') >= 26 && c != '-' &&
          c != '\'') {
        return false;
      }
      ++i;
      continue;
    }
    char32_t cp = base::NextMultiByteCodePoint(s, &i);
    if (!base::IsLetter(cp) && cp != 0x2019) return false;
  }
  return true;
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
    } else if (base::EndsWith(s, "\xE2\x80\x9D") ||
               base::EndsWith(s, "\xE2\x80\x99") ||
               base::EndsWith(s, "\xE2\x80\x9C") ||
               base::EndsWith(s, "\xE2\x80\x98")) {
      s.remove_suffix(3);
    } else if (base::EndsWith(s, "\xC2\xBB") || base::EndsWith(s, "\xC2\xAB")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  if (s.empty()) return;
  if (base::EndsWith(s, "...") || base::EndsWith(s, "\xE2\x80\xA6")) {
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
  Features f;
  f.bytes = s.size();
  f.chars = CountCodePoints(s);
  bool first = true;  // no word seen yet
  bool first_token = true;
  bool pending_end = false;
  ForEachToken(s, [&](const Token& t) {
    if (first_token) {
      first_token = false;
      std::string_view w = t.whole;
      f.list_bullet = w == "-" || w == "*" || w == "\xE2\x80\xA2" ||
                      w == "\xE2\x80\x93" || w == "\xE2\x80\x94" ||
                      w == "\xC2\xB7";
      size_t d = 0;
      while (d < w.size() && d < 3 && w[d] >= '0' && w[d] <= '9') ++d;
      f.list_number =
          d > 0 && d + 1 == w.size() && (w[d] == '.' || w[d] == ')');
      // "(a)", "(iv)", "b)"
      size_t open = !w.empty() && w[0] == '(';
      if (w.size() >= 2 + open && w.size() <= 5 + open && w.back() == ')') {
        bool alnum = true;
        for (size_t k = open; k + 1 < w.size(); ++k) {
          alnum = alnum && std::isalnum(static_cast<unsigned char>(w[k]));
        }
        f.list_number = f.list_number || alnum;
      }
    }
    for (char c : t.trail) f.commas += c == ',';
    if (t.core.empty()) {
      if (pending_end == false && HasSentenceEnd(t.trail) && f.words > 0) {
        pending_end = true;
      }
      return true;
    }
    if (pending_end &&
        (StartsUpper(t.core) || (t.core[0] >= '0' && t.core[0] <= '9'))) {
      ++f.sentences;
    }
    pending_end = false;
    ++f.words;
    f.numbers += t.core[0] >= '0' && t.core[0] <= '9';
    size_t i = 0;
    bool first_letter = true, upper_start = false, lower_start = false;
    // The core lower-cased, for the function word lookup: built here for
    // short ASCII cores (most words), so that no string is allocated.
    char lower[12];
    bool ascii = true;
    bool all_letters = true;  // AllLetters(t.core), in the same pass
    const bool short_core = t.core.size() <= sizeof(lower);
    auto count_letter = [&](bool up, bool low) {
      ++f.letters;
      f.upper += up;
      if (first_letter) {
        upper_start = up;
        lower_start = low;
        first_letter = false;
      }
    };
    // ASCII bytes first, without decoding (most words are all ASCII); the
    // loop below takes over at the first other byte.
    for (; i < t.core.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(t.core[i]);
      if (c >= 0x80) break;
      const bool up = static_cast<unsigned char>(c - 'A') < 26;
      const bool low = static_cast<unsigned char>(c - 'a') < 26;
      if (short_core) lower[i] = static_cast<char>(up ? c + 32 : c);
      if (!up && !low) {
        all_letters = all_letters && (c == '-' || c == '\'');
        continue;
      }
      count_letter(up, low);
    }
    while (i < t.core.size()) {
      if (short_core) {
        char c = t.core[i];
        lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
      char32_t cp = Next(t.core, &i);
      bool up, low;
      if (cp < 0x80) {
        up = cp >= 'A' && cp <= 'Z';
        low = cp >= 'a' && cp <= 'z';
      } else {
        ascii = false;
        if (!base::IsLetter(cp)) {
          all_letters = all_letters && cp == 0x2019;
          continue;
        }
        up = base::IsUpper(cp);
        low = base::IsLower(cp);
      }
      if (!up && !low && cp < 0x80) {
        all_letters = all_letters && (cp == '-' || cp == '\'');
        continue;
      }
      count_letter(up, low);
    }
    f.lower_words += lower_start;
    bool function =
        short_core &&
        (ascii ? IsFunctionWord(std::string_view(lower, t.core.size()))
               : IsFunctionWord(LowerWord(t.core)));
    if (function) {
      ++f.functions;
      f.lower_functions += lower_start;
    }
    if (first) {
      f.starts_upper = upper_start;
    } else if (!function && all_letters) {
      ++f.content;
      f.capitalized += upper_start;
    }
    first = false;
    // "3." opening a list item ends no sentence.
    bool marker = f.words == 1 && f.list_number;
    if (HasSentenceEnd(t.trail) && !Abbreviation(t.core, t.trail) && !marker) {
      pending_end = true;
    }
    return true;
  });
  if (f.words > 0) ++f.sentences;
  SetEnding(s, &f);

  // "VEGAS MYSTERY: ..." — all-caps words then a colon, then more text.
  size_t colon = s.substr(0, 48).find(':');
  if (colon != std::string_view::npos && colon + 2 < s.size()) {
    std::string_view head = s.substr(0, colon);
    size_t letters = 0;
    for (char c : head) letters += (c >= 'A' && c <= 'Z');
    f.caps_prefix = letters >= 3 && IsAllCaps(head);
  }
  return f;
}

namespace {

// The stem of a content word into *w; false for words that carry no topic.
// *w is scratch space, reused across calls.
bool Stem(std::string_view core, std::string* w) {
  if (core.size() > 40 || !AllLetters(core)) return false;
  LowerWordInto(core, w);
  if (IsFunctionWord(*w)) return false;
  if (base::EndsWith(*w, "'s")) w->resize(w->size() - 2);
  // Nine bytes or more hold three code points at least (at most four bytes
  // each): only short words need counting, inline (as CodePointCount does).
  if (w->size() < 9) {
    size_t code_points = 0;
    for (char c : *w)
      code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (code_points < 3) return false;
  }
  if (w->size() > 4 && w->back() == 's' && (*w)[w->size() - 2] != 's') {
    w->pop_back();
  }
  return true;
}

// FNV-1a: words are short, and a simple inline hash beats a call.
uint64_t HashWord(std::string_view w) {
  uint64_t h = 14695981039346656037ull;
  for (char c : w) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

size_t Vocabulary::Find(std::string_view w, uint64_t h) const {
  const size_t mask = slots_.size() - 1;
  for (size_t k = h & mask;; k = (k + 1) & mask) {
    const Slot& slot = slots_[k];
    if (slot.size == 0) return k;
    if (slot.hash == h && slot.size == w.size()) {
      // Words are short: compare inline rather than call memcmp.
      const char* word = words_.data() + slot.offset;
      size_t i = 0;
      while (i < w.size() && word[i] == w[i]) ++i;
      if (i == w.size()) return k;
    }
  }
}

void Vocabulary::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 128 : old.size() * 2, Slot());
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.size == 0) continue;
    size_t k = slot.hash & mask;
    while (slots_[k].size != 0) k = (k + 1) & mask;
    slots_[k] = slot;
  }
}

void Vocabulary::Add(std::string_view s) {
  // A unit's words count once: each entry remembers the Add call that last
  // counted it, instead of a per-unit set of seen words.
  const size_t add = ++adds_;
  ForEachToken(s, [&](const Token& t) {
    if (!Stem(t.core, &scratch_)) return true;
    // At most half full, so that probes stay short.
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = HashWord(scratch_);
    Slot& slot = slots_[Find(scratch_, h)];
    if (slot.size == 0) {
      slot.hash = h;
      slot.offset = words_.size();
      slot.size = static_cast<uint32_t>(scratch_.size());
      slot.units = 1;
      slot.added = add;
      words_ += scratch_;
      ++size_;
    } else if (slot.added != add) {
      ++slot.units;
      slot.added = add;
    }
    return true;
  });
}

double Vocabulary::Overlap(std::string_view s, bool added) const {
  // The share does not depend on the words' order: sort to drop repeats.
  std::vector<std::string> words;
  std::string w;
  ForEachToken(s, [&](const Token& t) {
    if (Stem(t.core, &w)) words.push_back(w);
    return true;
  });
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  if (words.empty()) return -1.0;
  int found = 0;
  for (const std::string& word : words) {
    if (slots_.empty()) break;
    const Slot& slot = slots_[Find(word, HashWord(word))];
    found += slot.size != 0 && slot.units > (added ? 1 : 0);
  }
  return static_cast<double>(found) / static_cast<double>(words.size());
}

}  // namespace newstrace::extract::text
