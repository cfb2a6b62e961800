// Unit tests of the word features of plain-text cleaning: ComputeFeatures
// (one pass over the bytes, with a byte class table and packed function word
// keys) against the straightforward implementation it replaced, on tricky
// and random strings (non-ASCII, invalid UTF-8, bytes after the view).
#include "extract/text_features.h"

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::extract::text {
namespace {

// The function word lookup as it was: the words in a set.
bool ReferenceIsFunctionWord(std::string_view lower) {
  static const std::set<std::string, std::less<>> words = [] {
    std::set<std::string, std::less<>> w;
    for (std::string_view s : internal::FunctionWordList()) w.emplace(s);
    return w;
  }();
  return words.find(lower) != words.end();
}

// ComputeFeatures as it was: ForEachToken, then a loop over each core.
bool ReferenceHasSentenceEnd(std::string_view trail) {
  for (char c : trail) {
    if (c == '.' || c == '!' || c == '?') return true;
  }
  return trail.find("\xE2\x80\xA6") != std::string_view::npos;
}

bool ReferenceAbbreviation(std::string_view core, std::string_view trail) {
  if (trail.empty() || trail[0] != '.') return false;
  if (core.find('.') != std::string_view::npos) return true;
  return core.size() <= 3 && StartsUpper(core);
}

void ReferenceSetEnding(std::string_view s, Features* f) {
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

Features ReferenceFeatures(std::string_view s) {
  Features f;
  f.bytes = s.size();
  f.chars = base::CodePointCount(s);
  bool first = true;
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
      if (!pending_end && ReferenceHasSentenceEnd(t.trail) && f.words > 0) {
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
    bool first_letter = true, upper_start = false, lower_start = false;
    bool all_letters = true;
    size_t i = 0;
    while (i < t.core.size()) {
      char32_t cp = base::NextCodePoint(t.core, &i);
      if (!base::IsLetter(cp)) {
        all_letters = all_letters && (cp == '-' || cp == '\'' || cp == 0x2019);
        continue;
      }
      bool up = base::IsUpper(cp), low = base::IsLower(cp);
      ++f.letters;
      f.upper += up;
      if (first_letter) {
        upper_start = up;
        lower_start = low;
        first_letter = false;
      }
    }
    f.lower_words += lower_start;
    bool function =
        t.core.size() <= 12 && ReferenceIsFunctionWord(LowerWord(t.core));
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
    bool marker = f.words == 1 && f.list_number;
    if (ReferenceHasSentenceEnd(t.trail) &&
        !ReferenceAbbreviation(t.core, t.trail) && !marker) {
      pending_end = true;
    }
    return true;
  });
  if (f.words > 0) ++f.sentences;
  ReferenceSetEnding(s, &f);
  size_t colon = s.substr(0, 48).find(':');
  if (colon != std::string_view::npos && colon + 2 < s.size()) {
    std::string_view head = s.substr(0, colon);
    size_t letters = 0;
    for (char c : head) letters += (c >= 'A' && c <= 'Z');
    f.caps_prefix = letters >= 3 && IsAllCaps(head);
  }
  return f;
}

void ExpectSameFeatures(std::string_view s) {
  const Features a = ComputeFeatures(s);
  const Features b = ReferenceFeatures(s);
  const std::string text(s);
  EXPECT_EQ(a.bytes, b.bytes) << text;
  EXPECT_EQ(a.chars, b.chars) << text;
  EXPECT_EQ(a.words, b.words) << text;
  EXPECT_EQ(a.letters, b.letters) << text;
  EXPECT_EQ(a.upper, b.upper) << text;
  EXPECT_EQ(a.lower_words, b.lower_words) << text;
  EXPECT_EQ(a.functions, b.functions) << text;
  EXPECT_EQ(a.lower_functions, b.lower_functions) << text;
  EXPECT_EQ(a.content, b.content) << text;
  EXPECT_EQ(a.capitalized, b.capitalized) << text;
  EXPECT_EQ(a.sentences, b.sentences) << text;
  EXPECT_EQ(a.commas, b.commas) << text;
  EXPECT_EQ(a.numbers, b.numbers) << text;
  EXPECT_EQ(a.starts_upper, b.starts_upper) << text;
  EXPECT_EQ(a.period_end, b.period_end) << text;
  EXPECT_EQ(a.question_end, b.question_end) << text;
  EXPECT_EQ(a.ellipsis_end, b.ellipsis_end) << text;
  EXPECT_EQ(a.colon_end, b.colon_end) << text;
  EXPECT_EQ(a.list_number, b.list_number) << text;
  EXPECT_EQ(a.list_bullet, b.list_bullet) << text;
  EXPECT_EQ(a.caps_prefix, b.caps_prefix) << text;
}

TEST(TextFeaturesTest, FunctionWordsMatchTheList) {
  std::vector<std::string> probes;
  for (std::string_view w : internal::FunctionWordList()) {
    EXPECT_TRUE(IsFunctionWord(w)) << w;
    std::string s(w);
    probes.push_back(s + "s");
    probes.push_back(s.substr(1));
    probes.push_back(s.substr(0, s.size() - 1));
    std::string upper = s;
    for (char& c : upper)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    probes.push_back(upper);
    probes.push_back(s + std::string(1, '\0'));
    probes.push_back(std::string(1, '\0') + s);
  }
  for (const char* w : {"", "aaaaaaaa", "withouts", "betweenx", "\xC3",
                        "\xFF\xFF", "The", "a b", "it\xE2\x80\x99s"}) {
    probes.emplace_back(w);
  }
  for (const std::string& p : probes) {
    EXPECT_EQ(IsFunctionWord(p), ReferenceIsFunctionWord(p)) << p;
  }
}

TEST(TextFeaturesTest, TrickyCases) {
  for (const char* s : {
           "",
           " ",
           "The",
           "THE",
           "the end. The start",
           "Mr. Smith met U.S. officials. They left!",
           "3. Item one, two; three.",
           "(a) first",
           "b) second",
           "- bullet point",
           "\xE2\x80\xA2 bullet",
           "VEGAS MYSTERY: more text here",
           "it\xE2\x80\x99s F\xC3\x9CR \xC3\x9C"
           "ber \xC3\xA9t\xC3\xA9 Est",
           "\"Hello,\" said\xC2\xA0M\xC3\xBCller\xE2\x80\x94 ... ok.",
           "well-known rock'n'roll 3Com x86 \xC7\x85ungla \xD9\xA3rd",
           "\xC4\xB0 \xE2\x84\xAA word\x80 \xFF\xFE bad\xE2\x80 end",
           "end\xE2\x80\xA6 Next one.\xE2\x80\x9D",
           "THE\tOF\nAND\rWITHOUT\x0B"
           "between\x0C"
           "Through",
           "a\xE2\x80\x83"
           "b\xE3\x80\x80"
           "c",
           "no\x00nul words",
       }) {
    ExpectSameFeatures(s);
  }
  // A word at the very end of the text, and words followed by more bytes
  // than the view holds.
  const std::string text = "of THE about WITHOUT xAND";
  for (size_t n = 0; n <= text.size(); ++n) {
    ExpectSameFeatures(std::string_view(text).substr(0, n));
  }
}

TEST(TextFeaturesTest, RandomStringsMatchTheOldImplementation) {
  const std::vector<std::string> pieces = {
      "a",
      "e",
      "T",
      "the",
      "The",
      "THE",
      "of",
      "I",
      "it",
      "and",
      "without",
      "Between",
      "las",
      "un",
      "x",
      "Mr",
      "U.S",
      "St",
      "VEGAS",
      "ab12",
      "3",
      "1",
      "9",
      "'",
      "-",
      ".",
      ",",
      "!",
      "?",
      ":",
      ";",
      "\"",
      "(",
      ")",
      "*",
      "...",
      " ",
      " ",
      " ",
      "  ",
      "\n",
      "\t",
      "\r",
      "\x0B",
      "\xC2\xA0",      // NBSP
      "\xE2\x80\x83",  // em space
      "\xE2\x80\x99",  // right single quote
      "\xE2\x80\x9C",
      "\xE2\x80\x9D",
      "\xC2\xAB",
      "\xC2\xBB",
      "\xE2\x80\xA6",  // ellipsis
      "\xE2\x80\xA2",  // bullet
      "\xE2\x80\x94",  // em dash
      "\xC2\xB7",      // middle dot
      "\xC3\xBC",
      "\xC3\x9C",
      "\xC3\xA9",
      "\xC3\x89",
      "f\xC3\xBCr",
      "\xC3\xA0",
      "\xC4\xB0",          // capital I with dot
      "\xC7\x85",          // titlecase DZ
      "\xD9\xA3",          // Arabic-Indic digit three
      "\xE4\xB8\xAD",      // CJK
      "\xF0\x9F\x98\x80",  // emoji
      "\xC3",
      "\x80",
      "\xFF",
      "\xE2\x80",
      "\xF0\x9F",  // invalid UTF-8
      std::string(1, '\0'),
      "\x01",
  };
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = length(rng);
    for (int k = 0; k < n; ++k) s += pieces[piece(rng)];
    // A view that ends before the buffer does, as units are views of the
    // article: bytes after the view must not count.
    std::string_view view(s);
    ExpectSameFeatures(view.substr(0, view.size() * 3 / 4));
    ExpectSameFeatures(view);
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace newstrace::extract::text
