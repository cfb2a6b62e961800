#include "trace/minhash.h"

#include <algorithm>
#include <limits>

namespace newstrace::trace {
namespace {

constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();

// SplitMix64: a fixed, well-mixed sequence for hash parameters and probes.
uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

std::vector<uint32_t> OnePermutation(const std::vector<uint64_t>& shingles,
                                     int num_hashes) {
  const uint64_t k = static_cast<uint64_t>(num_hashes);
  std::vector<uint32_t> bins(k, kEmpty);
  std::vector<uint8_t> filled(k, 0);
  for (uint64_t h : shingles) {
    const size_t bin = static_cast<size_t>(((h >> 32) * k) >> 32);
    const uint32_t v = static_cast<uint32_t>(h);
    if (v <= bins[bin]) bins[bin] = v;
    filled[bin] = 1;
  }
  std::vector<uint32_t> out(bins);
  for (uint64_t i = 0; i < k; ++i) {
    if (filled[i]) continue;
    // Optimal densification: probe bins in an order fixed by i alone.
    for (uint64_t attempt = 1;; ++attempt) {
      const uint64_t r = Mix((i << 32) ^ attempt);
      const size_t j = static_cast<size_t>(((r >> 32) * k) >> 32);
      if (filled[j]) {
        out[i] = bins[j];
        break;
      }
    }
  }
  return out;
}

std::vector<uint32_t> MultiplyShift(const std::vector<uint64_t>& shingles,
                                    int num_hashes) {
  std::vector<uint32_t> out(num_hashes, kEmpty);
  for (int i = 0; i < num_hashes; ++i) {
    const uint64_t a = Mix(2 * static_cast<uint64_t>(i)) | 1;
    const uint64_t b = Mix(2 * static_cast<uint64_t>(i) + 1);
    uint32_t m = kEmpty;
    for (uint64_t x : shingles) {
      m = std::min(m, static_cast<uint32_t>((a * x + b) >> 32));
    }
    out[i] = m;
  }
  return out;
}

}  // namespace

std::vector<uint32_t> MinHash(const std::vector<uint64_t>& shingles,
                              int num_hashes, MinHashFamily family) {
  if (shingles.empty()) return {};
  return family == MinHashFamily::kMultiplyShift
             ? MultiplyShift(shingles, num_hashes)
             : OnePermutation(shingles, num_hashes);
}

}  // namespace newstrace::trace
