// The Myers diff against a naive LCS table (tests/testutil/naive_trace.h).
#include "trace/token_diff.h"

#include <gtest/gtest.h>

#include <random>

#include "testutil/naive_trace.h"

namespace newstrace::trace {
namespace {

// Applies `edits` to `a`, checking that they consume both sequences exactly
// and that kept elements are equal; returns the kept count.
size_t CheckScript(const std::vector<uint64_t>& a,
                   const std::vector<uint64_t>& b,
                   const std::vector<Edit>& edits) {
  size_t i = 0, j = 0, kept = 0;
  for (size_t e = 0; e < edits.size(); ++e) {
    EXPECT_GT(edits[e].count, 0u);
    if (e > 0) EXPECT_NE(edits[e].op, edits[e - 1].op) << "unmerged runs";
    for (uint32_t c = 0; c < edits[e].count; ++c) {
      switch (edits[e].op) {
        case EditOp::kKeep:
          EXPECT_LT(i, a.size());
          EXPECT_LT(j, b.size());
          if (i < a.size() && j < b.size()) EXPECT_EQ(a[i], b[j]);
          ++i, ++j, ++kept;
          break;
        case EditOp::kDelete:
          ++i;
          break;
        case EditOp::kInsert:
          ++j;
          break;
      }
    }
  }
  EXPECT_EQ(i, a.size());
  EXPECT_EQ(j, b.size());
  return kept;
}

TEST(TokenDiffTest, MinimalAgainstNaiveLcs) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 3000; ++round) {
    const size_t alphabet = 2 + rng() % 6;
    std::vector<uint64_t> a(rng() % 40), b;
    for (auto& x : a) x = rng() % alphabet;
    // b: an edited copy of a, or an unrelated sequence.
    if (rng() % 4) {
      for (uint64_t x : a) {
        const int r = rng() % 10;
        if (r == 0) continue;                        // delete
        if (r == 1) b.push_back(rng() % alphabet);   // insert
        b.push_back(r == 2 ? rng() % alphabet : x);  // replace or keep
      }
    } else {
      b.resize(rng() % 40);
      for (auto& x : b) x = rng() % alphabet;
    }
    const auto edits = DiffSequences(a, b, 1'000'000);
    ASSERT_EQ(CheckScript(a, b, edits), testutil::NaiveLcs(a, b))
        << "round " << round;
  }
}

TEST(TokenDiffTest, EdgeCases) {
  std::vector<uint64_t> e, x = {1, 2, 3};
  EXPECT_TRUE(DiffSequences(e, e, 10).empty());
  auto d = DiffSequences(x, e, 10);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].op, EditOp::kDelete);
  d = DiffSequences(e, x, 10);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].op, EditOp::kInsert);
  d = DiffSequences(x, x, 10);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].op, EditOp::kKeep);
  // A replacement in the middle: keep, delete, insert, keep.
  std::vector<uint64_t> a = {1, 2, 9, 4}, b = {1, 2, 7, 8, 4};
  d = DiffSequences(a, b, 10);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(d[1].op, EditOp::kDelete);
  EXPECT_EQ(d[2].op, EditOp::kInsert);
  EXPECT_EQ(d[2].count, 2u);
}

TEST(TokenDiffTest, CapBoundsWorkAndStaysValid) {
  std::mt19937_64 rng(3);
  std::vector<uint64_t> a(5000), b(5000);
  for (auto& x : a) x = rng();
  for (auto& x : b) x = rng();
  b[2500] = a[100];  // one stray match
  const auto edits = DiffSequences(a, b, 50);
  CheckScript(a, b, edits);  // valid though not minimal
  // Large but close inputs stay exact under the cap.
  std::vector<uint64_t> c = a;
  for (size_t i = 0; i < c.size(); i += 100) c[i] = rng();
  EXPECT_EQ(CheckScript(a, c, DiffSequences(a, c, 500)), a.size() - 50);
}

}  // namespace
}  // namespace newstrace::trace
