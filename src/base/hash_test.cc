#include "base/hash.h"

#include <gtest/gtest.h>

namespace newstrace::base {
namespace {

TEST(HashTest, StableKnownValues) {
  // XXH3 is specified; these values pin the algorithm and seed so stored
  // document ids never change silently.
  EXPECT_EQ(Hash64(""), 0x2d06800538d394c2ULL);
  EXPECT_NE(Hash64("a"), Hash64("b"));
}

TEST(HashTest, Hash128DiffersForDifferentInput) {
  EXPECT_NE(Hash128("one text"), Hash128("one text."));
  EXPECT_EQ(Hash128("same"), Hash128("same"));
}

TEST(HashTest, HexRoundTrip) {
  for (uint64_t v :
       {uint64_t{0}, uint64_t{1}, uint64_t{0xdeadbeefcafef00d}, ~uint64_t{0}}) {
    std::string hex = Hex64(v);
    EXPECT_EQ(hex.size(), 16u);
    uint64_t back = 0;
    ASSERT_TRUE(ParseHex64(hex, &back));
    EXPECT_EQ(back, v);
  }
}

TEST(HashTest, ParseHexRejectsJunk) {
  uint64_t v;
  EXPECT_FALSE(ParseHex64("", &v));
  EXPECT_FALSE(ParseHex64("12345678901234567", &v));
  EXPECT_FALSE(ParseHex64("12g4", &v));
  ASSERT_TRUE(ParseHex64("Ff", &v));
  EXPECT_EQ(v, 255u);
}

}  // namespace
}  // namespace newstrace::base
