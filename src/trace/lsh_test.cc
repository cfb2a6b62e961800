// LSH banding against a brute-force scan of all pairs.
#include "trace/lsh.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "testutil/naive_trace.h"
#include "trace/minhash.h"

namespace newstrace::trace {
namespace {

TEST(LshTest, ChooseBandsRule) {
  LshBands b = ChooseBands(0.5, 128);
  EXPECT_EQ(b.rows, 3);
  EXPECT_EQ(b.bands, 23);
  EXPECT_GE(CandidateProbability(0.5, b), 0.95);
  EXPECT_LT(CandidateProbability(0.1, b), 0.03);
  b = ChooseBands(0.8, 128);
  EXPECT_GE(CandidateProbability(0.8, b), 0.95);
  EXPECT_LE(b.bands * b.rows, 128);
  b = ChooseBands(0.3, 128);
  EXPECT_GE(CandidateProbability(0.3, b), 0.95);
  b = ChooseBands(0.05, 8);  // unreachable: all bands of one row
  EXPECT_EQ(b.rows, 1);
  EXPECT_EQ(b.bands, 8);
  EXPECT_DOUBLE_EQ(CandidateProbability(1.0, ChooseBands(0.5, 128)), 1.0);
}

TEST(LshTest, KeysCarryTheirBand) {
  std::vector<uint32_t> sig(128);
  for (size_t i = 0; i < sig.size(); ++i) sig[i] = uint32_t(i * 7919);
  const LshBands b = ChooseBands(0.5, 128);
  auto keys = BandKeys(sig, b);
  ASSERT_EQ(keys.size(), size_t(b.bands));
  for (int i = 0; i < b.bands; ++i) EXPECT_EQ(keys[i] >> kBandKeyBits, i);
  EXPECT_EQ(keys, BandKeys(sig, b));
  sig[0] ^= 1;  // only band 0 changes
  auto changed = BandKeys(sig, b);
  EXPECT_NE(changed[0], keys[0]);
  for (int i = 1; i < b.bands; ++i) EXPECT_EQ(changed[i], keys[i]);
}

// Documents in families sharing parts of their sets; every pair is scored by
// brute force and checked against the LSH candidates.
TEST(LshTest, RecallAgainstBruteForce) {
  std::mt19937_64 rng(7);
  const int kHashes = 128;
  const LshBands bands = ChooseBands(0.5, kHashes);
  std::vector<std::vector<uint64_t>> docs;
  for (int family = 0; family < 60; ++family) {
    std::vector<uint64_t> base(400);
    for (auto& x : base) x = rng();
    docs.push_back(base);
    for (int v = 0; v < 5; ++v) {
      // A variant keeping a random share of the base and adding new ones.
      std::vector<uint64_t> d;
      const double keep = 0.3 + 0.7 * (rng() % 1000) / 1000.0;
      for (uint64_t x : base) {
        if ((rng() % 1000) / 1000.0 < keep) d.push_back(x);
      }
      while (d.size() < 400) d.push_back(rng());
      docs.push_back(d);
    }
  }
  std::vector<std::set<uint64_t>> keys, sets;
  for (const auto& d : docs) {
    auto k =
        BandKeys(MinHash(d, kHashes, MinHashFamily::kOnePermutation), bands);
    keys.emplace_back(k.begin(), k.end());
    sets.emplace_back(d.begin(), d.end());
  }
  int above = 0, found_above = 0, far = 0, found_far = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      const double jac = testutil::NaiveJaccard(sets[i], sets[j]);
      bool candidate = false;
      for (uint64_t k : keys[i]) candidate |= keys[j].count(k) > 0;
      if (jac >= 0.5) {
        ++above;
        found_above += candidate;
      } else if (jac < 0.1) {
        ++far;
        found_far += candidate;
      }
    }
  }
  ASSERT_GT(above, 100);
  // Documented: recall >= 0.95 at the threshold, more above it.
  EXPECT_GE(double(found_above) / above, 0.95)
      << found_above << " of " << above;
  EXPECT_LE(double(found_far) / far, 0.03) << found_far << " of " << far;
}

}  // namespace
}  // namespace newstrace::trace
