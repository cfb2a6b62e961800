// MinHash estimates against exact Jaccard (tests/testutil/naive_trace.h).
#include "trace/minhash.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "testutil/naive_trace.h"

namespace newstrace::trace {
namespace {

// Two random sets with about the given Jaccard similarity.
void MakePair(std::mt19937_64& rng, size_t size, double jaccard,
              std::vector<uint64_t>* a, std::vector<uint64_t>* b) {
  // |A n B| = s, |A| = |B| = size: J = s / (2 size - s).
  const size_t shared =
      static_cast<size_t>(std::lround(2 * size * jaccard / (1 + jaccard)));
  a->clear();
  b->clear();
  for (size_t i = 0; i < shared; ++i) {
    uint64_t x = rng();
    a->push_back(x);
    b->push_back(x);
  }
  for (size_t i = shared; i < size; ++i) {
    a->push_back(rng());
    b->push_back(rng());
  }
}

double Estimate(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b,
                int k, MinHashFamily family) {
  return EstimateJaccard(MinHash(a, k, family), MinHash(b, k, family));
}

// The documented bound (minhash.h): standard error sqrt(J (1 - J) / k).
// Over many pairs, at most 1% may miss by more than 3 standard errors (plus
// 1/k for the rounding of a share of k values), none by more than 5.
void CheckBound(MinHashFamily family, int k, size_t set_size) {
  std::mt19937_64 rng(42 + k + set_size);
  std::vector<uint64_t> a, b;
  int beyond3 = 0, pairs = 0;
  double bias = 0;
  for (double j : {0.0, 0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1.0}) {
    for (int rep = 0; rep < 60; ++rep) {
      MakePair(rng, set_size, j, &a, &b);
      const double exact = testutil::NaiveJaccard(a, b);
      const double est = Estimate(a, b, k, family);
      const double sigma = std::sqrt(exact * (1 - exact) / k);
      const double err = std::fabs(est - exact);
      EXPECT_LE(err, 5 * sigma + 1.0 / k)
          << "J=" << exact << " est=" << est << " k=" << k;
      beyond3 += err > 3 * sigma + 1.0 / k;
      bias += est - exact;
      ++pairs;
    }
  }
  EXPECT_LE(beyond3, pairs / 100) << "k=" << k << " size=" << set_size;
  EXPECT_LT(std::fabs(bias / pairs), 0.01);
}

TEST(MinHashTest, OnePermutationWithinBound) {
  CheckBound(MinHashFamily::kOnePermutation, 128, 600);
  CheckBound(MinHashFamily::kOnePermutation, 128, 60);  // many empty bins
  CheckBound(MinHashFamily::kOnePermutation, 256, 2000);
}

TEST(MinHashTest, MultiplyShiftWithinBound) {
  CheckBound(MinHashFamily::kMultiplyShift, 128, 600);
  CheckBound(MinHashFamily::kMultiplyShift, 64, 100);
}

TEST(MinHashTest, EqualSetsEqualSignaturesAndEdgeCases) {
  std::vector<uint64_t> a = {5, 1, 9, 1, 5};
  std::vector<uint64_t> b = {9, 5, 1};
  for (auto f :
       {MinHashFamily::kOnePermutation, MinHashFamily::kMultiplyShift}) {
    EXPECT_EQ(MinHash(a, 64, f), MinHash(b, 64, f));
    EXPECT_EQ(MinHash(a, 64, f).size(), 64u);
    EXPECT_TRUE(MinHash({}, 64, f).empty());
    EXPECT_EQ(MinHash({7}, 16, f).size(), 16u);  // one shingle fills all
  }
  EXPECT_EQ(EstimateJaccard({}, {}), 0);
  EXPECT_EQ(EstimateJaccard({1, 2}, {1, 2, 3}), 0);  // different options
}

}  // namespace
}  // namespace newstrace::trace
