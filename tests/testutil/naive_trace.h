// Naive reference implementations for the trace module's differential
// tests: slow, obviously right, test-only.
#ifndef NEWSTRACE_TESTS_TESTUTIL_NAIVE_TRACE_H_
#define NEWSTRACE_TESTS_TESTUTIL_NAIVE_TRACE_H_

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

namespace newstrace::testutil {

// |A n B| / |A u B| of two sets; 0 for two empty ones.
inline double NaiveJaccard(const std::set<uint64_t>& sa,
                           const std::set<uint64_t>& sb) {
  size_t shared = 0;
  for (uint64_t x : sa) shared += sb.count(x);
  const size_t uni = sa.size() + sb.size() - shared;
  return uni ? double(shared) / uni : 0;
}

// The same for two collections read as sets.
inline double NaiveJaccard(const std::vector<uint64_t>& a,
                           const std::vector<uint64_t>& b) {
  return NaiveJaccard(std::set<uint64_t>(a.begin(), a.end()),
                      std::set<uint64_t>(b.begin(), b.end()));
}

// Length of the longest common subsequence, by the textbook O(NM) table.
inline size_t NaiveLcs(const std::vector<uint64_t>& a,
                       const std::vector<uint64_t>& b) {
  std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
                                    : std::max(prev[j], cur[j - 1]);
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace newstrace::testutil

#endif  // NEWSTRACE_TESTS_TESTUTIL_NAIVE_TRACE_H_
