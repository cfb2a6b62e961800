// The byte scans against one-byte-at-a-time references, on random strings
// of every length up to a few blocks, from every start offset.
#include "base/byte_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::base {
namespace {

size_t NaiveFindNonAscii(std::string_view s, size_t from) {
  for (size_t i = from; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return i;
  }
  return s.size();
}

bool NaiveIsControl(char c, uint32_t allowed) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x20 && ((allowed >> u) & 1u) == 0;
}

size_t NaiveFindControl(std::string_view s, uint32_t allowed, size_t from) {
  for (size_t i = from; i < s.size(); ++i) {
    if (NaiveIsControl(s[i], allowed)) return i;
  }
  return s.size();
}

size_t NaiveCountControls(std::string_view s, uint32_t allowed) {
  size_t n = 0;
  for (char c : s) n += NaiveIsControl(c, allowed);
  return n;
}

size_t NaiveContinuations(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) == 0x80;
  return n;
}

// Mostly text with the bytes the scans look for sprinkled in: at
// `rare` = 1 every byte is drawn uniformly.
std::string RandomBytes(std::mt19937* rng, size_t len, int rare) {
  static const std::string kText = "abcdefghij ,.'\"-ABCXYZ0189";
  std::string s;
  for (size_t i = 0; i < len; ++i) {
    if ((*rng)() % rare == 0) {
      s += static_cast<char>((*rng)() % 256);
    } else {
      s += kText[(*rng)() % kText.size()];
    }
  }
  return s;
}

TEST(ByteScanTest, MatchesNaiveScans) {
  std::mt19937 rng(11);
  const uint32_t kAllowed[] = {0, ControlBit('\t') | ControlBit('\n'),
                               ControlBit('\t') | ControlBit('\n') |
                                   ControlBit('\r') | ControlBit('\f') |
                                   ControlBit(0x1b),
                               0xFFFFFFFFu};
  for (int t = 0; t < 3000; ++t) {
    const size_t len = rng() % 100;
    const int rare = 1 + static_cast<int>(rng() % 40);
    const std::string s = RandomBytes(&rng, len, rare);
    const size_t from = len == 0 ? 0 : rng() % (len + 1);
    ASSERT_EQ(FindNonAscii(s, from), NaiveFindNonAscii(s, from)) << t;
    ASSERT_EQ(CountContinuationBytes(s), NaiveContinuations(s)) << t;
    ASSERT_EQ(CodePointCount(s), s.size() - NaiveContinuations(s)) << t;
    for (uint32_t allowed : kAllowed) {
      ASSERT_EQ(FindControl(s, allowed, from),
                NaiveFindControl(s, allowed, from))
          << t;
      ASSERT_EQ(CountControls(s, allowed), NaiveCountControls(s, allowed)) << t;
    }
  }
}

TEST(ByteScanTest, LongInputs) {
  // Past the 255-block flush of the continuation counters.
  std::mt19937 rng(5);
  for (size_t len : {size_t{4080}, size_t{4096}, size_t{5000}, size_t{70000}}) {
    const std::string s = RandomBytes(&rng, len, 3);
    EXPECT_EQ(CountContinuationBytes(s), NaiveContinuations(s));
    EXPECT_EQ(FindNonAscii(s), NaiveFindNonAscii(s, 0));
    const std::string ascii(len, 'a');
    EXPECT_EQ(FindNonAscii(ascii), len);
    EXPECT_EQ(CountContinuationBytes(ascii), 0u);
    const std::string high(len, '\x80');
    EXPECT_EQ(CountContinuationBytes(high), len);
    EXPECT_EQ(CountControls(std::string(len, '\0'), 0), len);
    EXPECT_EQ(FindControl(ascii + '\x01', 0), len);
  }
}

}  // namespace
}  // namespace newstrace::base
