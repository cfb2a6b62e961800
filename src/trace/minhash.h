// MinHash signatures of shingle sets.
//
// Design note. Two hash families (FingerprintOptions::family):
//  - One-permutation hashing (Li, Owen, Zhang 2012): each shingle's 64-bit
//    hash picks a bin from its high 32 bits (multiply-shift range
//    reduction) and competes with its low 32 bits for that bin's minimum.
//    One hash per shingle instead of num_hashes. Bins that no shingle hit
//    are filled by optimal densification (Shrivastava 2017): empty bin i
//    probes bins h(i, 1), h(i, 2), ... until it finds a filled one and takes
//    its value. The probe sequence depends only on i, so two documents fill
//    their empty bins from the same places and equal sets stay equal.
//  - Multiply-shift (Dietzfelbinger): value i is the minimum over shingles
//    of the high 32 bits of a_i * x + b_i (mod 2^64), a_i odd.
// Both give P(value_i(A) == value_i(B)) ~= J(A, B), so the share of equal
// values estimates J with standard error about sqrt(J (1 - J) / num_hashes)
// (0.044 at J = 0.5 with 128 values); densification adds a little variance
// when the sets have fewer shingles than bins. minhash_test.cc checks the
// bound against exact Jaccard.
#ifndef NEWSTRACE_TRACE_MINHASH_H_
#define NEWSTRACE_TRACE_MINHASH_H_

#include <cstdint>
#include <vector>

#include "newstrace/trace.h"

namespace newstrace::trace {

// The signature of the set of `shingles` (duplicates allowed): num_hashes
// values, or none when `shingles` is empty.
// REQUIRES: num_hashes >= 1.
std::vector<uint32_t> MinHash(const std::vector<uint64_t>& shingles,
                              int num_hashes, MinHashFamily family);

}  // namespace newstrace::trace

#endif  // NEWSTRACE_TRACE_MINHASH_H_
