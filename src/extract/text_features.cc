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
#include <unordered_set>

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
bool Space(char32_t cp) {
  return cp < 0x80 ? (cp == ' ' || (cp >= '\t' && cp <= '\r'))
                   : base::IsSpace(cp);
}
bool Alnum(char32_t cp) {
  return cp < 0x80 ? std::isalnum(static_cast<int>(cp)) != 0
                   : base::IsLetter(cp) || base::IsDigit(cp);
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
    if (!line.blank) line.chars = base::CodePointCount(s);
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

void ForEachToken(std::string_view s,
                  const std::function<bool(const Token&)>& f) {
  size_t i = 0;
  while (i < s.size()) {
    size_t next = i;
    char32_t cp = Next(s, &next);
    if (Space(cp)) {
      i = next;
      continue;
    }
    size_t start = i;
    size_t core_begin = std::string_view::npos, core_end = start;
    while (i < s.size()) {
      size_t at = i;
      cp = Next(s, &i);
      if (Space(cp)) {
        i = at;
        break;
      }
      if (Alnum(cp)) {
        if (core_begin == std::string_view::npos) core_begin = at;
        core_end = i;
      }
    }
    Token t;
    t.whole = s.substr(start, i - start);
    if (core_begin != std::string_view::npos) {
      t.core = s.substr(core_begin, core_end - core_begin);
      t.trail = s.substr(core_end, i - core_end);
    } else {
      t.trail = t.whole;
    }
    if (!f(t)) return;
  }
}

bool IsFunctionWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
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
  return kWords.count(lower) > 0;
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
    char32_t cp = base::NextCodePoint(s, &i);
    if (!base::IsLetter(cp) && cp != '-' && cp != '\'' && cp != 0x2019) {
      return false;
    }
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
  f.chars = base::CodePointCount(s);
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
    while (i < t.core.size()) {
      char32_t cp = Next(t.core, &i);
      bool up, low;
      if (cp < 0x80) {
        up = cp >= 'A' && cp <= 'Z';
        low = cp >= 'a' && cp <= 'z';
      } else {
        if (!base::IsLetter(cp)) continue;
        up = base::IsUpper(cp);
        low = base::IsLower(cp);
      }
      if (!up && !low && cp < 0x80) continue;
      ++f.letters;
      f.upper += up;
      if (first_letter) {
        upper_start = up;
        lower_start = low;
        first_letter = false;
      }
    }
    f.lower_words += lower_start;
    bool function = t.core.size() <= 12 && IsFunctionWord(LowerWord(t.core));
    if (function) {
      ++f.functions;
      f.lower_functions += lower_start;
    }
    if (first) {
      f.starts_upper = upper_start;
    } else if (!function && AllLetters(t.core)) {
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

// The stem of a content word, or "" for words that carry no topic.
std::string Stem(std::string_view core) {
  if (core.size() > 40 || !AllLetters(core)) return "";
  std::string w = LowerWord(core);
  if (IsFunctionWord(w)) return "";
  if (base::EndsWith(w, "'s")) w.resize(w.size() - 2);
  if (base::CodePointCount(w) < 3) return "";
  if (w.size() > 4 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

// The distinct content words of `s`.
std::vector<std::string> ContentWords(std::string_view s) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  ForEachToken(s, [&](const Token& t) {
    std::string w = Stem(t.core);
    if (!w.empty() && seen.insert(w).second) out.push_back(std::move(w));
    return true;
  });
  return out;
}

}  // namespace

void Vocabulary::Add(std::string_view s) {
  for (std::string& w : ContentWords(s)) ++units_[std::move(w)];
}

double Vocabulary::Overlap(std::string_view s, bool added) const {
  std::vector<std::string> words = ContentWords(s);
  if (words.empty()) return -1.0;
  int found = 0;
  for (const std::string& w : words) {
    auto it = units_.find(w);
    found += it != units_.end() && it->second > (added ? 1 : 0);
  }
  return static_cast<double>(found) / static_cast<double>(words.size());
}

}  // namespace newstrace::extract::text
