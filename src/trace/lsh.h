// LSH banding of MinHash signatures into index keys.
//
// Design note. A signature's first bands * rows values are cut into bands;
// each band hashes to one 64-bit key: the band's number in the top bits
// (bits 40 and up) and 40 bits of the XXH3 hash of its values below, so a
// key fits SQLite's 6-byte integer form and keys of different bands never
// meet. Two documents are candidates when they share a key. With 40 hash
// bits, two different bands collide by chance with probability 2^-40 per
// pair and band: about 2 * 10^-5 false candidates per query in a corpus of
// a million documents.
#ifndef NEWSTRACE_TRACE_LSH_H_
#define NEWSTRACE_TRACE_LSH_H_

#include <cstdint>
#include <vector>

#include "newstrace/trace.h"

namespace newstrace::trace {

inline constexpr int kBandKeyBits = 40;

// One key per band. REQUIRES: signature.size() >= bands * rows.
std::vector<uint64_t> BandKeys(const std::vector<uint32_t>& signature,
                               LshBands bands);

}  // namespace newstrace::trace

#endif  // NEWSTRACE_TRACE_LSH_H_
