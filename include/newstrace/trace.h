// Public API of the trace module: fingerprints for finding copies of an
// article, the word diff between two versions, the substitutions a copier
// made, passages one article reused from another, and which of several
// copies is the original. Everything here is a pure function of its inputs;
// searching a corpus with it is in pipeline.h (TraceDocument, FindDupes).
//
//   Fingerprint f = ComputeFingerprint(article, FingerprintOptions());
//   Overlap o = CompareArticles(a, b, options.shingle_size);
//   std::vector<DiffRun> diff = DiffArticles(original, copy, DiffOptions());
//   std::vector<Substitution> subs = FindSubstitutions(original, copy, diff);
//
// Design and error bounds: docs/design.md ("Tracing"); the stored forms of
// signatures and bands: docs/format/store.md.
#ifndef NEWSTRACE_TRACE_H_
#define NEWSTRACE_TRACE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/document.h"
#include "newstrace/status.h"

namespace newstrace {

// How MinHash values are drawn.
enum class MinHashFamily {
  // One hash per shingle, spread over num_hashes bins, empty bins filled by
  // optimal densification (Shrivastava 2017). The fast default.
  kOnePermutation,
  // num_hashes multiply-shift hashes of each shingle's 64-bit hash: the
  // classic scheme, num_hashes times more work.
  kMultiplyShift,
};

// "one_permutation" or "multiply_shift"; and back (false when unknown).
std::string_view MinHashFamilyName(MinHashFamily family);
bool ParseMinHashFamily(std::string_view name, MinHashFamily* family);

// How articles are fingerprinted. A corpus records the options it was
// created with and uses them for every document it stores.
struct FingerprintOptions {
  // Words per shingle. Default: 5.
  int shingle_size = 5;
  // MinHash values per signature. Default: 128.
  int num_hashes = 128;
  // Default: kOnePermutation.
  MinHashFamily family = MinHashFamily::kOnePermutation;
  // The Jaccard similarity the LSH bands are tuned for: a pair at this
  // similarity becomes a candidate with probability >= 0.95 (ChooseBands).
  // Default: 0.5.
  double threshold = 0.5;
  // One shingle in this many (chosen by hash, so the same shingles in every
  // document) goes into the partial-reuse index; 0 disables that index.
  // Default: 8.
  int reuse_sample = 8;

  friend bool operator==(const FingerprintOptions&,
                         const FingerprintOptions&) = default;

  // kInvalidArgument when a field is out of range (shingle_size 1..32,
  // num_hashes 8..1024, threshold in (0, 1), reuse_sample 0..1024).
  Status Validate() const;
};

// LSH banding: a signature's first bands*rows values cut into `bands` bands
// of `rows` values; two documents are candidates when any band is equal.
struct LshBands {
  int bands = 0;
  int rows = 0;
};

// The banding used for `threshold` and `num_hashes`: the largest `rows` for
// which some `bands` with bands*rows <= num_hashes gives a pair at the
// threshold a candidate probability of at least 0.95, with the fewest such
// bands (fewest index rows). Larger rows means fewer unrelated candidates.
// When no banding reaches 0.95 (tiny num_hashes), rows = 1 and all bands.
LshBands ChooseBands(double threshold, int num_hashes);

// The probability that two documents with Jaccard similarity `jaccard`
// share a band: 1 - (1 - jaccard^rows)^bands.
double CandidateProbability(double jaccard, LshBands bands);

// What a corpus stores to find an article's copies.
struct Fingerprint {
  uint32_t words = 0;                // words fingerprinted
  uint32_t shingles = 0;             // distinct shingles
  std::vector<uint32_t> minhash;     // num_hashes values; empty: no words
  std::vector<uint64_t> band_keys;   // one per band; empty: no words
  std::vector<uint64_t> reuse_keys;  // sampled distinct shingles, sorted
};

// Fingerprints the article's body (its paragraph and heading blocks; the
// whole text when it has none), so that boilerplate a copier adds or strips
// does not change it much. Thread-safe.
Fingerprint ComputeFingerprint(const Article& article,
                               const FingerprintOptions& options);

// MinHash estimate of the Jaccard similarity of two signatures made with
// the same options: the share of equal values. 0 when either is empty.
double EstimateJaccard(const std::vector<uint32_t>& a,
                       const std::vector<uint32_t>& b);

// Exact overlap of two articles' body shingle sets.
struct Overlap {
  uint32_t a_shingles = 0;
  uint32_t b_shingles = 0;
  uint32_t shared = 0;
  double jaccard = 0;  // shared / |A u B|
  double a_in_b = 0;   // containment: shared / |A|
  double b_in_a = 0;   // shared / |B|
};
Overlap CompareArticles(const Article& a, const Article& b, int shingle_size);

// The sorted, distinct shingle hashes of the article's body (as
// ComputeFingerprint reads it), and the exact overlap of two such sets:
// for comparing one article with many without re-shingling it.
std::vector<uint64_t> BodyShingles(const Article& article, int shingle_size);
Overlap CompareShingles(const std::vector<uint64_t>& a,
                        const std::vector<uint64_t>& b);

// One run of a word diff from article `from` to article `to`. Spans are
// byte ranges of each article's text (empty on the side that has no words:
// an insertion's `from` span is empty and placed where the words go).
enum class DiffOp { kKeep, kInsert, kDelete, kReplace };
std::string_view DiffOpName(DiffOp op);  // "keep", "insert", ...

struct DiffRun {
  DiffOp op = DiffOp::kKeep;
  Span from;
  Span to;
  uint32_t from_words = 0;
  uint32_t to_words = 0;
};

struct DiffOptions {
  // Most differing words (insertions plus deletions) the exact diff works
  // through in one stretch between two matching passages; a stretch that
  // differs more is reported as one replacement. Bounds time to about
  // (n + m) * max_edits word comparisons. Default: 4,000.
  uint32_t max_edits = 4'000;
};

// The shortest word diff (Myers' O(ND) algorithm, linear space) from
// `from`'s text to `to`'s text; words compare as written (tokens.h).
// Adjacent deletions and insertions are reported as one kReplace run.
std::vector<DiffRun> DiffArticles(const Article& from, const Article& to,
                                  const DiffOptions& options);

// A replacement the copier made, with how many times it was made.
struct Substitution {
  std::string from;  // the original words, joined by single spaces
  std::string to;    // what replaced them
  uint32_t count = 0;
};

struct SubstitutionOptions {
  // Replacements longer than this (words, on either side) are rewrites,
  // not substitutions. Default: 4.
  uint32_t max_words = 4;
  // A substitution made at least this often is systematic. Default: 2.
  uint32_t min_count = 2;
};

// The systematic substitutions in `diff` (from DiffArticles(from, to)),
// most frequent first.
std::vector<Substitution> FindSubstitutions(
    const Article& from, const Article& to, const std::vector<DiffRun>& diff,
    const SubstitutionOptions& options = SubstitutionOptions());

// A passage of `target` that comes from `source`.
struct ReusedPassage {
  Span source;
  Span target;
  uint32_t words = 0;  // words of the target passage outside quotations
};

struct ReuseOptions {
  // Words per shingle (as in FingerprintOptions). Default: 5.
  int shingle_size = 5;
  // A passage shorter than this many words is not reported: short shared
  // phrases ("said in a statement on") are common to unrelated articles.
  // Default: 12.
  uint32_t min_words = 12;
};

// Words inside quotation marks do not count (two reports quoting one
// statement have not reused each other): a passage needs min_words words
// outside quotations, and the share is of the target's unquoted words.
struct Reuse {
  std::vector<ReusedPassage> passages;  // in the target's order
  uint32_t target_words = 0;            // body words outside quotations
  uint32_t reused_words = 0;            // of them, inside passages
  double share() const {
    return target_words ? double(reused_words) / target_words : 0;
  }
};

// The passages of `target`'s body that also appear in `source`'s body:
// runs of consecutive shared shingles, joined across gaps of a few words.
Reuse FindReuse(const Article& source, const Article& target,
                const ReuseOptions& options);

// One of a group of copies, for choosing the original.
struct OriginCandidate {
  std::string published;  // ISO date or date-time, may be empty
  std::string fetched;    // may be empty
  // How much of this document is inside the others (mean containment).
  double contained = 0;
  // How much of the others is inside this one (mean of their containment
  // in it).
  double holds = 0;
  // Mean Jaccard similarity with the others.
  double similarity = 0;
};

struct OriginChoice {
  int index = -1;          // into the candidates; -1 when there are none
  std::string rule;        // "earliest_published", "central",
                           // "holds_others", "only_dated",
                           // "earliest_fetched", "only_document" or
                           // "undecided"
  std::string confidence;  // "high", "medium" or "low"
  std::string reason;      // one sentence for a person
};

// The original among copies, by the first rule that decides:
//  1. earliest_published: the earliest publication day, when at least two
//     copies are dated and the earliest is unique;
//  2. central (three or more copies): the one most similar to all the
//     others, leading by more than 0.002 mean Jaccard: copies made from one
//     original differ from each other more than from it;
//  3. holds_others: the one holding most of the others, leading by more
//     than 0.002: copies are compared on their cleaned bodies, where what a
//     copier adds (captions, tags, headlines) is gone and what it cut is
//     missing, so the original is the fuller text;
//  4. only_dated: the only copy with a date;
//  5. earliest_fetched;
//  6. undecided: the one holding most of the others, low confidence.
OriginChoice ChooseOrigin(const std::vector<OriginCandidate>& candidates);

}  // namespace newstrace

#endif  // NEWSTRACE_TRACE_H_
