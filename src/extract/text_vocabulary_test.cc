// Vocabulary stems and unit splitting against the code they replaced:
// the stems of ForEachToken's cores (ReferenceStem) and the first
// SplitUnits, on tricky cases and random text.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/text_features.h"

namespace newstrace::extract::text {
namespace {

std::vector<std::string> ReferenceStems(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  ForEachToken(s, [&](const Token& t) {
    if (internal::ReferenceStem(t.core, &w)) out.push_back(w);
    return true;
  });
  return out;
}

const std::vector<std::string>& StemPieces() {
  static const std::vector<std::string> kPieces = {
      "the",
      "The",
      "ABOUT",
      "Harbour",
      "harbours",
      "glass",
      "boss's",
      "Jones's",
      "its",
      "it's",
      "it\xE2\x80\x99s",
      "don't",
      "well-known",
      "rock'n'roll",
      "x86",
      "3Com",
      "co-op",
      "ab",
      "abc",
      "abcs",
      "U.S.",
      "e-mail,",
      "\"quoted\"",
      "(paren)",
      "--",
      "'",
      "-",
      "word.",
      "end!",
      "M\xC3\xBCller",
      "\xC3\x89T\xC3\x89",
      "\xC4\xB0stanbul",
      "na\xC3\xAFve's",
      "\xE2\x80\x9Cquote\xE2\x80\x9D",
      "caf\xC3\xA9s",
      "\xD9\xA3rd",
      "\xE2\x80\x94",
      "\xFF",
      "\xC3",
      "bad\x80",
      "\xE2\x80",
      " ",
      "  ",
      "\t",
      "\n",
      "\xC2\xA0",
      "\xE3\x80\x80",
      "\xE2\x80\x83",
      ",",
      "a",
      "I",
      "LES",
      "M\xC3\xA1s",
      "\xC3\xBC"
      "ber"};
  return kPieces;
}

TEST(VocabularyStemTest, OnePassStemsMatchTokensThenStem) {
  std::mt19937 rng(31);
  const std::vector<std::string>& pieces = StemPieces();
  for (int t = 0; t < 20000; ++t) {
    std::string s;
    const int n = static_cast<int>(rng() % 10);
    for (int k = 0; k < n; ++k) {
      s += pieces[rng() % pieces.size()];
      if (rng() % 3 != 0) s += ' ';
    }
    ASSERT_EQ(internal::Stems(s), ReferenceStems(s)) << "input: " << s;
  }
  // Cores around the 40-byte limit, with punctuation after them that runs
  // past the one-pass buffer.
  for (size_t len : {38, 39, 40, 41, 42, 63, 64, 65, 100}) {
    for (const std::string& tail :
         {std::string(), std::string("."), std::string(80, '!'),
          std::string("'s"), std::string(70, '-') + "x"}) {
      const std::string word = std::string(len, 'w') + tail;
      const std::string mixed = "Ab" + std::string(len, 'c') + "s" + tail;
      for (const std::string& s : {word, mixed, "x " + word + " y"}) {
        ASSERT_EQ(internal::Stems(s), ReferenceStems(s)) << "input: " << s;
      }
    }
  }
}

TEST(VocabularyStemTest, StemMatchesReferenceStem) {
  std::mt19937 rng(32);
  const std::vector<std::string>& pieces = StemPieces();
  char buf[internal::kMaxStemInput];
  std::string scratch, want;
  for (int t = 0; t < 20000; ++t) {
    std::string core;
    const int n = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < n; ++k) core += pieces[rng() % pieces.size()];
    const bool ok = internal::ReferenceStem(core, &want);
    const std::string_view got = internal::Stem(core, buf, &scratch);
    ASSERT_EQ(!got.empty(), ok) << "core: " << core;
    if (ok) ASSERT_EQ(got, want) << "core: " << core;
  }
}

TEST(VocabularyStemTest, FunctionWordAtMatchesIsFunctionWord) {
  std::vector<std::string> probes;
  for (std::string_view w : internal::FunctionWordList()) {
    probes.emplace_back(w);
    probes.push_back(std::string(w) + "s");
    probes.push_back(std::string(w).substr(1));
  }
  for (const char* w :
       {"", "a", "aaaaaaa", "aaaaaaaa", "without", "withouts", "THE", "x",
        "\xC3\xBC"
        "ber",
        "f\xC3\xBCr"}) {
    probes.emplace_back(w);
  }
  for (const std::string& p : probes) {
    // Garbage after the word must not matter.
    char buf[16];
    std::fill(buf, buf + sizeof buf, 'z');
    std::copy(p.begin(), p.begin() + std::min<size_t>(p.size(), 8), buf);
    if (p.size() <= 8) {
      EXPECT_EQ(internal::IsFunctionWordAt(buf, p.size()), IsFunctionWord(p))
          << p;
    }
  }
}

// SplitUnits as first written: every line's width counted, Trim for blank
// lines.
bool AsciiSpace(char c) { return c == ' ' || c == '\t'; }

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

std::vector<Span> ReferenceSplitUnits(std::string_view text,
                                      const WrapOptions& options,
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

std::string RandomText(std::mt19937* rng) {
  static const std::vector<std::string> kWords = {"the",
                                                  "harbour",
                                                  "reopened",
                                                  "after",
                                                  "a",
                                                  "long",
                                                  "winter.",
                                                  "Fish",
                                                  "prices",
                                                  "rose",
                                                  "sharply",
                                                  "in",
                                                  "March",
                                                  "said:",
                                                  "\xC3\xA9t\xC3\xA9",
                                                  "M\xC3\xBCller",
                                                  "\xE2\x80\x9Cyes\xE2\x80\x9D",
                                                  "-",
                                                  "1.",
                                                  "2)",
                                                  "*",
                                                  "\xE2\x80\xA2",
                                                  "end.)",
                                                  "ok?\xE2\x80\x9D",
                                                  "x"};
  const size_t width = 20 + (*rng)() % 80;
  const bool wrap = (*rng)() % 2 == 0;
  std::string text;
  const int paragraphs = 1 + static_cast<int>((*rng)() % 6);
  for (int p = 0; p < paragraphs; ++p) {
    const int words = static_cast<int>((*rng)() % 60);
    std::string line = (*rng)() % 8 == 0 ? std::string((*rng)() % 4, ' ') : "";
    for (int w = 0; w < words; ++w) {
      const std::string& word = kWords[(*rng)() % kWords.size()];
      if (wrap && line.size() + 1 + word.size() > width && !line.empty()) {
        text += line + ((*rng)() % 10 == 0 ? " \t" : "") + "\n";
        line.clear();
      }
      if (!line.empty()) line += ' ';
      line += word;
    }
    text += line;
    switch ((*rng)() % 6) {
      case 0:
        text += "\n";
        break;
      case 1:
        text += "\n\xC2\xA0\n";
        break;
      case 2:
        text += "\n \t\n";
        break;
      case 3:
        text += "\r\n\n";
        break;
      default:
        text += "\n\n";
        break;
    }
  }
  if ((*rng)() % 4 == 0 && !text.empty()) text.pop_back();
  return text;
}

TEST(SplitUnitsTest, MatchesReference) {
  std::mt19937 rng(41);
  int wrapped_texts = 0;
  for (int t = 0; t < 5000; ++t) {
    const std::string text = RandomText(&rng);
    WrapOptions options;
    if (t % 3 == 0) options.min_width = 10;
    bool got_wrapped = false, want_wrapped = false;
    const std::vector<Span> got = SplitUnits(text, options, &got_wrapped);
    const std::vector<Span> want =
        ReferenceSplitUnits(text, options, &want_wrapped);
    ASSERT_EQ(got_wrapped, want_wrapped) << "text: " << text;
    wrapped_texts += got_wrapped;
    ASSERT_EQ(got.size(), want.size()) << "text: " << text;
    for (size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(got[i].begin, want[i].begin) << "text: " << text;
      ASSERT_EQ(got[i].end, want[i].end) << "text: " << text;
    }
  }
  EXPECT_GT(wrapped_texts, 100);  // both decisions are exercised
}

}  // namespace
}  // namespace newstrace::extract::text
