// The corpus' trace index (docs/format/store.md): per-document MinHash
// signatures, LSH band postings and sampled-shingle postings for partial
// reuse, in SQLite tables beside the documents. Store-internal: the Corpus
// (corpus.h) exposes it.
#ifndef NEWSTRACE_STORE_TRACE_INDEX_H_
#define NEWSTRACE_STORE_TRACE_INDEX_H_

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newstrace/corpus.h"
#include "newstrace/result.h"
#include "newstrace/trace.h"
#include "store/sqlite_util.h"

namespace newstrace::store {

// The fingerprint options stored in the corpus (table trace_params). When
// it has none and `writable`, stores `wanted` and returns it; a corpus keeps
// the options it was created with. Fails with kCorruption on unreadable
// stored values.
Result<FingerprintOptions> LoadOrInitParams(sqlite3* db,
                                            const FingerprintOptions& wanted,
                                            bool writable);

// The stored form of a signature: each value remixed and cut to 16 bits
// (b-bit MinHash, Li and Koenig 2010), little-endian. Equal values stay
// equal; unequal ones collide with probability 2^-16, which
// EstimatePacked corrects for.
std::string PackSignature(const std::vector<uint32_t>& minhash);
// Jaccard estimate from two packed signatures of one corpus; 0 when either
// is empty or their sizes differ.
double EstimatePacked(std::string_view a, std::string_view b);

// Reads and writes the index tables of one connection. Not thread-safe.
class TraceIndex {
 public:
  explicit TraceIndex(sqlite3* db) : db_(db) {}

  // Indexes document `seq`: its signature now, its LSH and reuse rows at
  // the next Flush (reads and removals flush first). REQUIRES: inside a
  // transaction, which must Flush before it commits.
  Status Insert(int64_t seq, const Fingerprint& f);
  Status Flush();
  // Forgets unflushed rows (the transaction is being rolled back).
  void DiscardPending();
  // Removes what Insert(seq, f) wrote.
  Status Remove(int64_t seq, const Fingerprint& f);

  // Documents sharing a band or sampled shingles with `f`, with their
  // packed signatures' estimate against `f` (see Corpus::FindCandidates).
  Result<std::vector<TraceCandidate>> Candidates(const Fingerprint& f,
                                                 const CandidateQuery& q);

  // Calls `fn` with the document ids of each LSH bucket holding two or more
  // documents, in key order, until it returns false. Buckets larger than
  // `max_bucket` are cut to their first max_bucket documents.
  Status ForEachBucket(size_t max_bucket,
                       const std::function<bool(std::vector<DocId>&)>& fn);

 private:
  sqlite3* db_;
  Stmt insert_sig_, insert_lsh_, insert_reuse_;
  Stmt find_lsh_, find_reuse_, candidate_;
  std::vector<std::pair<int64_t, int64_t>> pending_lsh_, pending_reuse_;
};

}  // namespace newstrace::store

#endif  // NEWSTRACE_STORE_TRACE_INDEX_H_
