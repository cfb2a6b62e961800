// The entity finder's word helpers and the short-string primitives of
// word_set.h, each against the code it replaced (kept here as the
// reference) on tricky cases and random strings, non-ASCII bytes included.
#include "analyze/entity_words.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace
}  // namespace newstrace::analyze
