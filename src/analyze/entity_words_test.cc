// The entity finder's word helpers and the short-string primitives of
// word_set.h, each against the code it replaced (kept here as the
// reference) on tricky cases and random strings, non-ASCII bytes included.
#include "analyze/entity_words.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/cues.h"
#include "analyze/gazetteer.h"
#include "analyze/word_set.h"

namespace newstrace::analyze {
namespace {

// The finder's mapping before the table: one test per bit.
uint16_t OldGazetteerTokenFlags(uint32_t f, bool capitalized) {
  uint16_t out = 0;
  if (capitalized) {
    if (f & kWordGiven) out |= kFGiven;
    if (f & kWordHonorific) out |= kFHonorific;
    if (f & kWordDemonym) out |= kFDemonym;
    if (f & kWordOrgHead) out |= kFOrgHead;
    if (f & kWordName) out |= kFName;
    if (f & kWordNamePrefix) out |= kFNamePrefix;
    if (f & kWordRoleNoun) out |= kFRole;
  } else if (f & kWordRoleNoun) {
    out |= kFRole;
  }
  if (f & kWordHonorificPrefix) out |= kFHonorificPrefix;
  return out;
}

TEST(EntityWordsTest, GazetteerTokenFlagsMatchesTheBitByBitMapping) {
  // Every combination of WordFlags' bits, and the flags of real words.
  for (uint32_t f = 0; f <= 0xFF; ++f) {
    for (bool cap : {false, true}) {
      EXPECT_EQ(GazetteerTokenFlags(f, cap), OldGazetteerTokenFlags(f, cap))
          << f << " " << cap;
    }
  }
  for (std::string_view w :
       {"Putin", "Vladimir", "President", "president", "Prime", "Russian",
        "Ministry", "United", "United Nations", "Spokesman", "spokesman", "Mr",
        "Mr.", "the", "", "Moscow", "moscow"}) {
    const uint32_t f = WordFlags(w);
    for (bool cap : {false, true}) {
      EXPECT_EQ(GazetteerTokenFlags(f, cap), OldGazetteerTokenFlags(f, cap))
          << w;
    }
  }
  EXPECT_NE(GazetteerTokenFlags(WordFlags("Vladimir"), true) & kFGiven, 0);
  EXPECT_EQ(GazetteerTokenFlags(WordFlags("Vladimir"), false) & kFGiven, 0);
  EXPECT_NE(GazetteerTokenFlags(WordFlags("president"), false) & kFRole, 0);
}

// SurnameKey before its prefix loop was put behind the shape test.
std::string_view OldSurnameKey(std::string_view w) {
  const bool particle_shape =
      w.size() > 4 && w[2] == '-' &&
      (w[0] == 'a' || w[0] == 'A' || w[0] == 'e' || w[0] == 'E');
  for (std::string_view p : {"al-", "Al-", "el-", "El-", "ad-", "as-"}) {
    if (!particle_shape) break;
    if (w.size() > p.size() + 1 && w.starts_with(p)) {
      w.remove_prefix(p.size());
      break;
    }
  }
  if (w.ends_with(".")) w.remove_suffix(1);
  return w;
}

// Random strings over a small alphabet that makes the interesting shapes
// likely: prefixes such as "al-", trailing periods, UTF-8 and invalid bytes.
std::vector<std::string> RandomWords(size_t n, size_t max_size, uint32_t seed) {
  static constexpr char kAlphabet[] = "aAeEldsxZz-. \xC3\xA9\xFF\x80";
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> size(0, max_size);
  std::uniform_int_distribution<size_t> pick(0, sizeof(kAlphabet) - 2);
  std::vector<std::string> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    std::string w(size(rng), ' ');
    for (char& c : w) c = kAlphabet[pick(rng)];
    out.push_back(std::move(w));
  }
  return out;
}

TEST(EntityWordsTest, SurnameKeyMatchesTheOldLoop) {
  for (std::string_view w :
       {"al-Assad", "Al-Assad", "el-Sisi", "El-Sisi", "ad-Din",
        "as-Sadr",  "al-",      "al-X",    "al-Xy",   "Assad",
        "Assad.",   "Jr.",      ".",       "",        "a-b-c",
        "ab-cd",    "Al-",      "al-.",    "e-mail",  "Ed-Dahab"}) {
    EXPECT_EQ(SurnameKey(w), OldSurnameKey(w)) << w;
  }
  for (const std::string& w : RandomWords(20000, 9, 7)) {
    ASSERT_EQ(SurnameKey(w), OldSurnameKey(w)) << w;
  }
}

TEST(WordSetTest, LookupsFindExactlyTheirWords) {
  // The sets' and ViewIndex's lookups compare keys with SameBytes: every
  // member is found at its index, every other string (a prefix, one byte
  // changed, random bytes) is not.
  std::vector<std::string> words = RandomWords(3000, 20, 3);
  for (std::string_view w : {"said", "says", "Mr.", "al-Assad", "a", "",
                             "international", "United Nations Security"}) {
    words.emplace_back(w);
  }
  std::vector<std::string_view> views(words.begin(), words.end());
  const WordSet set(views);
  ViewIndex index;
  for (std::string_view w : views) index.Insert(w);
  std::vector<std::string> probes = RandomWords(20000, 22, 5);
  for (const std::string& w : words) {
    if (w.empty()) continue;
    probes.push_back(w.substr(0, w.size() - 1));
    std::string changed = w;
    changed.back() = static_cast<char>(changed.back() ^ 0x20);
    probes.push_back(changed);
  }
  probes.insert(probes.end(), words.begin(), words.end());
  for (const std::string& p : probes) {
    int64_t first = -1;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == p) {
        first = static_cast<int64_t>(i);
        break;
      }
    }
    ASSERT_EQ(set.Find(p), first) << p;
    const int64_t in_index = index.Find(p);
    ASSERT_EQ(in_index >= 0, first >= 0) << p;
    if (first >= 0) {
      // ViewIndex numbers distinct strings in order of first insertion.
      ASSERT_EQ(words[static_cast<size_t>(first)], p);
    }
  }
}

TEST(WordSetTest, EdgeFilterRejectsOnlyNonMembers) {
  // Find rejects a short word by its size and first and last bytes before
  // hashing: small sets (where that filter rejects most words), probes that
  // share sizes and edge bytes with members, bytes that collide modulo 64
  // ('A' and 0x81, 'a' and '!'), non-ASCII bytes, and sizes at and past
  // the filter's last one must still be found exactly as a scan finds them.
  const std::vector<std::string> words = {"",
                                          "a",
                                          "Mr.",
                                          "said",
                                          "\xC3\xA9t\xC3\xA9",
                                          "January",
                                          "al-Assad",
                                          std::string(31, 'x'),
                                          std::string(32, 'y'),
                                          std::string(33, 'z'),
                                          "x" + std::string(30, 'q') + "x"};
  std::vector<std::string_view> views(words.begin(), words.end());
  const WordSet set(views);
  std::vector<std::string> probes = RandomWords(20000, 36, 11);
  for (const std::string& w : words) {
    probes.push_back(w);
    for (char c : {'A', 'a', '!', '\x81', '\xC3', 'x', 'y', 'z'}) {
      if (w.empty()) {
        probes.push_back(std::string(1, c));
        continue;
      }
      std::string first = w, last = w, both = w;
      first.front() = c;
      last.back() = c;
      both.front() = both.back() = c;
      probes.push_back(first);
      probes.push_back(last);
      probes.push_back(both);
      probes.push_back(w + c);
    }
  }
  for (const std::string& p : probes) {
    int64_t expected = -1;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == p) {
        expected = static_cast<int64_t>(i);
        break;
      }
    }
    ASSERT_EQ(set.Find(p), expected) << p;
  }
}

TEST(WordSetTest, ClearedViewIndexNumbersAsANewOne) {
  // The entity linker reuses its indexes across articles: after Clear (with
  // any expected size, smaller or larger than what it held), an index must
  // number and find strings exactly as a newly constructed one does.
  std::vector<std::string> round_words[4] = {
      RandomWords(3000, 12, 21), RandomWords(5, 6, 22),
      RandomWords(400, 20, 23), RandomWords(0, 4, 24)};
  const std::vector<std::string> probes = RandomWords(5000, 12, 25);
  ViewIndex reused(3);
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::vector<std::string>& words : round_words) {
      const size_t expected = pass == 0 ? words.size() : 1;
      reused.Clear(expected);
      ViewIndex fresh(expected);
      for (const std::string& w : words) {
        ASSERT_EQ(reused.Insert(w), fresh.Insert(w)) << w;
      }
      ASSERT_EQ(reused.size(), fresh.size());
      for (const std::string& p : probes) {
        ASSERT_EQ(reused.Find(p), fresh.Find(p)) << p;
      }
    }
  }
}

TEST(EntityWordsTest, PlainLowerWordMatchesTheFieldTests) {
  // Every kind and flag combination, with the other fields set to noise.
  for (int kind = 0; kind < 6; ++kind) {
    for (int bits = 0; bits < 8; ++bits) {
      Token t;
      t.begin = 0xFFFFFFFF;
      t.end = 7;
      t.para = 0x01010101;
      t.sentence = 3;
      t.cp = 0x201C;
      t.kind = static_cast<TokKind>(kind);
      t.cap = bits & 1;
      t.upper = bits & 2;
      t.digit = bits & 4;
      EXPECT_EQ(IsPlainLowerWord(t),
                t.kind == TokKind::kWord && !t.cap && !t.upper && !t.digit)
          << kind << " " << bits;
    }
  }
}

TEST(EntityWordsTest, CapitalizedListFlagsMatchesTheFourLookups) {
  std::vector<std::string> probes = {
      "",       "Mr",     "Mr.",    "MR",        "mr",        "Mrs",
      "Former", "FORMER", "former", "May",       "may",       "MAY",
      "Sept",   "Sept.",  "Jan.",   "Thurs.",    "Wednesday", "Wednesdays",
      "The",    "THE",    "the",    "U.S.",      "US",        "U.N.",
      "UN",     "Dr",     "Dr.",    "Professor", "Prof.",     "Vice",
      "Lt.",    "Sen.",   "Lady",   "Lord",      "Sir",       "Monday",
      "Putin",  "A",      "I",      "It",        "Secretary", "Gen."};
  for (std::span<const std::string_view> list :
       {CommonCapitalizedWords(), CalendarWords()}) {
    for (std::string_view w : list) probes.emplace_back(w);
  }
  const size_t listed = probes.size();
  for (size_t i = 0; i < listed; ++i) {
    // Other casings, a period more or less, a letter less.
    std::string w = probes[i];
    std::string lower = w, upper = w;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    probes.push_back(lower);
    probes.push_back(upper);
    probes.push_back(w + ".");
    if (!w.empty()) probes.push_back(w.substr(0, w.size() - 1));
    if (!w.empty()) probes.push_back(w.substr(1));
  }
  for (const std::string& w : RandomWords(20000, 10, 31)) probes.push_back(w);
  for (const std::string& w : probes) {
    const uint16_t want = (IsCommonCapitalized(w) ? kFCommonCap : 0) |
                          (IsCalendarWord(w) ? kFCalendar : 0) |
                          (IsTitleModifier(w) ? kFTitleModifier : 0) |
                          (IsPersonalHonorific(w) ? kFPersonal : 0);
    ASSERT_EQ(CapitalizedListFlags(w), want) << w;
  }
  EXPECT_EQ(CapitalizedListFlags("Mr."), kFPersonal);
  EXPECT_EQ(CapitalizedListFlags("Former"), kFTitleModifier);
  EXPECT_EQ(CapitalizedListFlags("Monday"), kFCommonCap | kFCalendar);
}

}  // namespace
}  // namespace newstrace::analyze
