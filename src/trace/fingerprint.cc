// Fingerprints (trace.h): body shingles -> MinHash -> LSH band keys, plus the
// sampled shingles of the partial-reuse index.
#include <algorithm>

#include "newstrace/trace.h"
#include "trace/lsh.h"
#include "trace/minhash.h"
#include "trace/shingles.h"

namespace newstrace {

std::string_view MinHashFamilyName(MinHashFamily family) {
  return family == MinHashFamily::kMultiplyShift ? "multiply_shift"
                                                 : "one_permutation";
}

bool ParseMinHashFamily(std::string_view name, MinHashFamily* family) {
  if (name == "one_permutation") {
    *family = MinHashFamily::kOnePermutation;
  } else if (name == "multiply_shift") {
    *family = MinHashFamily::kMultiplyShift;
  } else {
    return false;
  }
  return true;
}

Status FingerprintOptions::Validate() const {
  if (shingle_size < 1 || shingle_size > 32) {
    return Status::InvalidArgument("shingle size must be 1 to 32 words");
  }
  if (num_hashes < 8 || num_hashes > 1024) {
    return Status::InvalidArgument("MinHash size must be 8 to 1024 values");
  }
  if (!(threshold > 0 && threshold < 1)) {
    return Status::InvalidArgument("threshold must be between 0 and 1");
  }
  if (reuse_sample < 0 || reuse_sample > 1024) {
    return Status::InvalidArgument("reuse sample must be 0 to 1024");
  }
  return Status::Ok();
}

// The reuse index keeps a shingle when the top 20 bits of its hash
// (unrelated to the 40 key bits) fall below 2^20 / sample: one shingle in
// `sample`, the same ones in every document, without a division.
uint64_t ReuseCutoff(int sample) {
  return sample > 0 ? (uint64_t{1} << 20) / static_cast<uint64_t>(sample) : 0;
}

uint64_t ReuseKey(uint64_t shingle) {
  return shingle & ((uint64_t{1} << trace::kBandKeyBits) - 1);
}

Fingerprint ComputeFingerprint(const Article& article,
                               const FingerprintOptions& options) {
  Fingerprint f;
  const std::vector<trace::Token> tokens = trace::BodyTokens(article);
  f.words = static_cast<uint32_t>(tokens.size());
  std::vector<uint64_t> shingles =
      trace::ShingleHashes(tokens, options.shingle_size);
  if (shingles.empty()) return f;
  f.minhash = trace::MinHash(shingles, options.num_hashes, options.family);
  // ChooseBands costs more than the rest: keep the last answer per thread.
  thread_local std::pair<double, int> cached_for{-1, -1};
  thread_local LshBands cached;
  if (cached_for != std::make_pair(options.threshold, options.num_hashes)) {
    cached = ChooseBands(options.threshold, options.num_hashes);
    cached_for = {options.threshold, options.num_hashes};
  }
  f.band_keys = trace::BandKeys(f.minhash, cached);
  f.shingles = static_cast<uint32_t>(shingles.size());
  const uint64_t cutoff = ReuseCutoff(options.reuse_sample);
  for (uint64_t s : shingles) {
    if ((s >> 44) < cutoff) f.reuse_keys.push_back(ReuseKey(s));
  }
  std::sort(f.reuse_keys.begin(), f.reuse_keys.end());
  f.reuse_keys.erase(std::unique(f.reuse_keys.begin(), f.reuse_keys.end()),
                     f.reuse_keys.end());
  return f;
}

double EstimateJaccard(const std::vector<uint32_t>& a,
                       const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return double(equal) / a.size();
}

std::vector<uint64_t> BodyShingles(const Article& article, int shingle_size) {
  return trace::ShingleSet(
      trace::ShingleHashes(trace::BodyTokens(article), shingle_size));
}

Overlap CompareShingles(const std::vector<uint64_t>& sa,
                        const std::vector<uint64_t>& sb) {
  Overlap o;
  o.a_shingles = static_cast<uint32_t>(sa.size());
  o.b_shingles = static_cast<uint32_t>(sb.size());
  o.shared = trace::IntersectionSize(sa, sb);
  const uint32_t uni = o.a_shingles + o.b_shingles - o.shared;
  if (uni) o.jaccard = double(o.shared) / uni;
  if (o.a_shingles) o.a_in_b = double(o.shared) / o.a_shingles;
  if (o.b_shingles) o.b_in_a = double(o.shared) / o.b_shingles;
  return o;
}

Overlap CompareArticles(const Article& a, const Article& b, int shingle_size) {
  return CompareShingles(BodyShingles(a, shingle_size),
                         BodyShingles(b, shingle_size));
}

}  // namespace newstrace
