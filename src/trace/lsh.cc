#include "trace/lsh.h"

// Inlined: the hashed inputs are a few bytes, where the call costs most.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cmath>

namespace newstrace::trace {

std::vector<uint64_t> BandKeys(const std::vector<uint32_t>& signature,
                               LshBands bands) {
  std::vector<uint64_t> keys(bands.bands);
  constexpr uint64_t kMask = (uint64_t{1} << kBandKeyBits) - 1;
  for (int b = 0; b < bands.bands; ++b) {
    const uint32_t* values = signature.data() + size_t(b) * bands.rows;
    const uint64_t h =
        XXH3_64bits_withSeed(values, bands.rows * sizeof(uint32_t), b);
    keys[b] = (uint64_t(b) << kBandKeyBits) | (h & kMask);
  }
  return keys;
}

}  // namespace newstrace::trace

namespace newstrace {

double CandidateProbability(double jaccard, LshBands bands) {
  if (bands.bands <= 0 || bands.rows <= 0) return 0;
  return 1 - std::pow(1 - std::pow(jaccard, bands.rows), bands.bands);
}

LshBands ChooseBands(double threshold, int num_hashes) {
  constexpr double kRecallAtThreshold = 0.95;
  for (int rows = num_hashes; rows >= 1; --rows) {
    const int max_bands = num_hashes / rows;
    if (max_bands < 1) continue;
    // Fewest bands reaching the recall at the threshold.
    const double p = std::pow(threshold, rows);
    if (p <= 0) continue;
    if (p >= 1) return {1, rows};
    const double need =
        std::ceil(std::log(1 - kRecallAtThreshold) / std::log1p(-p) - 1e-9);
    if (need <= max_bands) return {std::max(static_cast<int>(need), 1), rows};
  }
  return {num_hashes, 1};
}

}  // namespace newstrace
