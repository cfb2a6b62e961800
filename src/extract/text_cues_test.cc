// The indexed phrase matching of text_phrases.h and the one-pass key of
// text_cues.cc against the plain forms they replace, on generated strings.
#include "extract/text_cues.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/text_credits.h"
#include "extract/text_features.h"
#include "extract/text_phrases.h"

namespace newstrace::extract::text {
namespace {

// The linear scans the indexed look-ups replace.
template <size_t N>
bool LinearIn(std::string_view key, const std::string_view (&list)[N]) {
  for (std::string_view p : list) {
    if (p == key) return true;
  }
  return false;
}

template <size_t N>
std::string_view LinearPrefixIn(std::string_view key,
                                const std::string_view (&list)[N]) {
  for (std::string_view p : list) {
    if (p.size() > key.size() || !base::StartsWith(key, p)) continue;
    if (key.size() == p.size()) return p;
    char next = key[p.size()];
    char last = p.back();
    if (next == ' ' || last == ' ' || last == ':' || next == ':' ||
        next == ',' || next == '.' || next == '!') {
      return p;
    }
  }
  return {};
}

// A list with shared first bytes and prefixes of each other ("read" before
// "read more:"): the first match in list order must win.
constexpr std::string_view kSample[] = {
    "read", "read more:",    "read more", "related", "r",     "ad",  "advert",
    "a b",  "\xC3\xA0 lire", "\xC3\xA0",  "zz:",     "more:", "more"};
constexpr auto kSampleList = Phrases(kSample);

// Random text of pieces that make near-misses likely.
std::string RandomText(std::mt19937& rng,
                       const std::vector<std::string>& pieces, int max_len) {
  std::string s;
  const int len = static_cast<int>(rng() % (max_len + 1));
  for (int k = 0; k < len; ++k) s += pieces[rng() % pieces.size()];
  return s;
}

TEST(PhraseListTest, InAndPrefixInEqualLinearScans) {
  std::vector<std::string> pieces = {" ", ":", ",",    ".",    "!",
                                     "e", "x", "\xC3", "\xFF", "-"};
  for (std::string_view p : kSample) pieces.emplace_back(p);
  std::mt19937 rng(11);
  for (int n = 0; n < 20000; ++n) {
    std::string key = RandomText(rng, pieces, 4);
    EXPECT_EQ(In(key, kSampleList), LinearIn(key, kSample)) << key;
    EXPECT_EQ(PrefixIn(key, kSampleList), LinearPrefixIn(key, kSample)) << key;
    // The returned entry is the list's own bytes, not a copy.
    std::string_view p = PrefixIn(key, kSampleList);
    std::string_view q = LinearPrefixIn(key, kSample);
    EXPECT_EQ(p.data(), q.data()) << key;
  }
  EXPECT_FALSE(In("", kSampleList));
  EXPECT_TRUE(PrefixIn("", kSampleList).empty());
}

// Entries of at least ten bytes (stride 3), sharing first bytes, pieces
// and prefixes, one non-ASCII.
constexpr std::string_view kGroupA[] = {"comment below", "in the comments",
                                        "click here", "http://www"};
constexpr std::string_view kGroupB[] = {"here we go again", "commentary",
                                        "www.example", "\xC3\xA0 lire aussi"};
constexpr std::string_view kGroupC[] = {"zzzzzzzzzz"};
constexpr auto kSampleScanner = ScanLists(kGroupA, kGroupB, kGroupC);
// Stride 1 (an eight-byte entry) and the largest stride, 8.
constexpr std::string_view kShort[] = {"comments", "in the comments"};
constexpr std::string_view kLong[] = {"in the comments below",
                                      "click here now!"};
constexpr auto kShortScanner = ScanLists(kShort);
constexpr auto kLongScanner = ScanLists(kLong, kGroupA);

TEST(PhraseScannerTest, ScanEqualsContainsAnyPerList) {
  static_assert(kSampleScanner.stride == 3);
  static_assert(kShortScanner.stride == 1);
  static_assert(kLongScanner.stride == 3);
  std::vector<std::string> pieces = {
      " ",   "c", "comment",  "in the", "s", "h",  "here", "ttp",
      "www", ".", "\xC3\xA0", "lire",   "z", "zz", "\xFF", "below"};
  for (std::string_view p : kGroupA) pieces.emplace_back(p);
  for (std::string_view p : kGroupB) pieces.emplace_back(p);
  for (std::string_view p : kLong) pieces.emplace_back(p);
  std::mt19937 rng(5);
  for (int n = 0; n < 40000; ++n) {
    std::string s = RandomText(rng, pieces, 14);
    const uint32_t want = (ContainsAny(s, kGroupA) ? 1u : 0u) |
                          (ContainsAny(s, kGroupB) ? 2u : 0u) |
                          (ContainsAny(s, kGroupC) ? 4u : 0u);
    EXPECT_EQ(ScanPhrases(s, kSampleScanner), want) << s;
    EXPECT_EQ(ScanPhrases(s, kShortScanner), ContainsAny(s, kShort) ? 1u : 0u)
        << s;
    EXPECT_EQ(
        ScanPhrases(s, kLongScanner),
        (ContainsAny(s, kLong) ? 1u : 0u) | (ContainsAny(s, kGroupA) ? 2u : 0u))
        << s;
  }
  EXPECT_EQ(ScanPhrases("", kSampleScanner), 0u);
  EXPECT_EQ(ScanPhrases("commentary", kSampleScanner), 2u);
  EXPECT_EQ(ScanPhrases("commentar", kSampleScanner), 0u);
  EXPECT_EQ(ScanPhrases("xx comment below", kSampleScanner), 1u);
  EXPECT_EQ(ScanPhrases("commentary below", kSampleScanner), 2u);
  EXPECT_EQ(ScanPhrases("zzzzzzzzzzz", kSampleScanner), 4u);
  // An entry at every offset from the start, and ending the text.
  for (int pad = 0; pad < 12; ++pad) {
    std::string s = std::string(pad, 'x') + "click here";
    EXPECT_EQ(ScanPhrases(s, kSampleScanner), 1u) << s;
    s.pop_back();
    EXPECT_EQ(ScanPhrases(s, kSampleScanner), 0u) << s;
  }
}

// CueKey as it was: LowerWord, CollapseWhitespace, then decoration stripped
// entry by entry in turns until nothing changes.
std::string ReferenceCueKey(std::string_view s) {
  if (s.size() > 300) return "";
  std::string key = base::CollapseWhitespace(LowerWord(s));
  constexpr std::string_view kTrailing[] = {" ",
                                            ":",
                                            ".",
                                            "!",
                                            ">",
                                            "-",
                                            "|",
                                            "*",
                                            "\xC2\xBB",
                                            "\xE2\x80\xBA",
                                            "\xE2\x86\x92",
                                            "\xE2\x80\xA6",
                                            "\xE2\x80\x93",
                                            "\xE2\x80\x94"};
  constexpr std::string_view kLeading[] = {
      " ", "\xC2\xBB", "\xE2\x80\xBA", ">", "*", "\xE2\x80\xA2", "-", "|"};
  bool changed = true;
  while (changed && !key.empty()) {
    changed = false;
    for (std::string_view d : kTrailing) {
      if (base::EndsWith(key, d)) {
        key.resize(key.size() - d.size());
        changed = true;
      }
    }
    for (std::string_view d : kLeading) {
      if (base::StartsWith(key, d)) {
        key.erase(0, d.size());
        changed = true;
      }
    }
  }
  if (key.size() >= 2 && ((key.front() == '[' && key.back() == ']') ||
                          (key.front() == '(' && key.back() == ')'))) {
    key = key.substr(1, key.size() - 2);
  }
  return key;
}

TEST(CueKeyTest, StripsDecorationAsTheTurnByTurnLoop) {
  const std::vector<std::string> pieces = {"A",
                                           "z",
                                           " ",
                                           "\t",
                                           "\n",
                                           ":",
                                           ".",
                                           "!",
                                           ">",
                                           "-",
                                           "|",
                                           "*",
                                           "[",
                                           "]",
                                           "(",
                                           ")",
                                           "\xC2\xBB",
                                           "\xE2\x80\xBA",
                                           "\xE2\x86\x92",
                                           "\xE2\x80\xA6",
                                           "\xE2\x80\x93",
                                           "\xE2\x80\x94",
                                           "\xE2\x80\xA2",
                                           "\xC2\xA0",
                                           "\xE2\x80\x99",
                                           "\xC3\x89",
                                           "\xFF",
                                           "\xE2",
                                           "\xBB",
                                           std::string(1, '\0'),
                                           "\x7F",
                                           "Read more"};
  std::mt19937 rng(3);
  for (int n = 0; n < 30000; ++n) {
    std::string s = RandomText(rng, pieces, 8);
    EXPECT_EQ(CueKey(s), ReferenceCueKey(s)) << "input: " << s;
  }
  std::string long_line(301, 'a');
  EXPECT_EQ(CueKey(long_line), "");
}

// Lines up to the 300-byte limit, mostly words with single spaces: the
// eight-byte path of the lower-casing (every ASCII byte, space runs and
// spaces at block edges, blocks cut by non-ASCII, control and NUL bytes).
TEST(CueKeyTest, LongLinesEqualTheReference) {
  std::vector<std::string> pieces = {" ",
                                     " ",
                                     " ",
                                     "  ",
                                     "\t",
                                     "\n ",
                                     "Read",
                                     "MORE",
                                     "share",
                                     "AbCdEfGhIjKlMnOpQrStUvWxYz",
                                     "@[`{",
                                     "\x7F",
                                     "\x01",
                                     std::string(1, '\0'),
                                     "\xC2\xA0",
                                     "\xE2\x80\x99",
                                     "\xC3\x89t\xC3\xA9",
                                     "\xFF",
                                     "\xE2",
                                     ":",
                                     "\xC2\xBB",
                                     "-"};
  for (int c = 0x20; c < 0x7F; ++c)
    pieces.emplace_back(1, static_cast<char>(c));
  std::mt19937 rng(17);
  for (int n = 0; n < 20000; ++n) {
    std::string s = RandomText(rng, pieces, 120);
    if (s.size() > 300) s.resize(300);
    EXPECT_EQ(CueKey(s), ReferenceCueKey(s)) << "input: " << s;
  }
}

// MatchCue's URL rules run only when the line holds "://" or "www."
// (every token IsUrl accepts does); other spellings stay ordinary text.
TEST(MatchCueTest, UrlLines) {
  auto cue = [](std::string_view s) { return MatchCue(s, ComputeFeatures(s)); };
  EXPECT_EQ(cue("https://example.com/a"), Cue::kOther);
  EXPECT_EQ(cue("www.example.com"), Cue::kOther);
  EXPECT_EQ(cue("Facebook Link: http://example.com/x"), Cue::kOther);
  EXPECT_EQ(cue("HTTP://EXAMPLE.COM"), Cue::kNone);
  EXPECT_EQ(cue("The site example.com said the vote was close"), Cue::kNone);
}

TEST(IsAgencyTest, CaseRulesOfTheIndexedLookUp) {
  struct Case {
    std::string_view s;
    bool agency;
  };
  const Case cases[] = {{"Reuters", true},
                        {"REUTERS", true},
                        {"reuters", false},
                        {"rEUTERS", false},
                        {"iStock", true},
                        {"IStock", true},
                        {"ISTOCK", true},
                        {"istock", false},
                        {"dpa", true},
                        {"DPA", true},
                        {"Dpa", true},
                        {"AP", true},
                        {"Ap", true},
                        {"aP", false},
                        {"", false},
                        {"@AP", false},
                        {" Getty ", true},
                        {"Getty Images", true},
                        {"Getty  Images", false},
                        {"Supplied", true},
                        {"Zuma", true},
                        {"\xC3\x89"
                         "FE",
                         false},
                        {"Pool", true},
                        {"Poo", false}};
  for (const Case& c : cases) EXPECT_EQ(IsAgency(c.s), c.agency) << c.s;
}

}  // namespace
}  // namespace newstrace::extract::text
