// Public API of the store module: the corpus, an embedded SQLite database of
// records with full-text search (docs/format/store.md).
//
//   NT_ASSIGN_OR_RETURN(auto corpus, Corpus::Open("news.db", CorpusOptions()));
//   NT_RETURN_IF_ERROR(corpus->BeginBatch());
//   NT_ASSIGN_OR_RETURN(bool added, corpus->Add(record, "crawl.jsonl"));
//   NT_RETURN_IF_ERROR(corpus->CommitBatch());
//
// Documents are keyed by their content: the id is the XXH3-64 hash of the
// record's normalized text, so adding the same text twice stores it once.
#ifndef NEWSTRACE_CORPUS_H_
#define NEWSTRACE_CORPUS_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/document.h"
#include "newstrace/result.h"
#include "newstrace/status.h"
#include "newstrace/trace.h"

namespace newstrace {

// A stored document's id: XXH3-64 of Article::text. Shown as 16 hex digits.
using DocId = uint64_t;
DocId ContentId(const Article& article);
std::string DocIdToString(DocId id);

// A record in the form the store writes it: the derived columns (id, body,
// blocks, ...) are computed here, without a corpus, so a pipeline can do this
// work on its worker threads and leave only the write to the writer.
// EncodeRecord is thread-safe.
struct EncodedRecord {
  Record record;
  DocId id = 0;
  std::string hash;         // XXH3-128 of the text, 16 bytes
  std::string body;         // the body blocks joined: what search indexes
  std::string blocks;       // JSON (docs/format/store.md)
  std::string authors;      // JSON array, empty when none
  std::string diagnostics;  // JSON, empty when none
  uint32_t tokens = 0;      // words in title and body: the search length
  Fingerprint fingerprint;  // for the trace index
  FingerprintOptions fingerprint_options;  // what `fingerprint` was made with
};
// `fingerprint` should be the corpus' own (Corpus::fingerprint_options());
// Add recomputes the fingerprint when they differ.
EncodedRecord EncodeRecord(
    Record record,
    const FingerprintOptions& fingerprint = FingerprintOptions());

struct CorpusOptions {
  // Open without writing (no schema creation or migration). Default: false.
  bool read_only = false;
  // Milliseconds to wait for a lock held by another process. Default: 5000.
  int busy_timeout_ms = 5000;
  // How a NEW corpus fingerprints documents for tracing; an existing corpus
  // keeps the options it was created with (fingerprint_options()).
  // Default: FingerprintOptions().
  FingerprintOptions fingerprint;
};

// A document that may be a copy of, or reuse, a query document: from the
// trace index, not yet verified.
struct TraceCandidate {
  DocId id = 0;
  uint32_t bands = 0;       // LSH bands shared with the query
  uint32_t reuse_hits = 0;  // sampled shingles shared with the query
  double estimate = 0;      // MinHash estimate of their Jaccard similarity
};

struct CandidateQuery {
  // Skip this document (the query itself when it is stored). Default: none.
  DocId exclude = 0;
  // A sampled shingle found in more documents than this is a stock phrase
  // and is ignored. Default: 100.
  uint32_t max_posting = 100;
  // Documents sharing no LSH band need this many sampled shingles with the
  // query to be candidates for partial reuse. Default: 2.
  uint32_t min_reuse_hits = 2;
  // At most this many such reuse-only candidates, the most hits first.
  // Default: 50.
  size_t max_reuse_candidates = 50;
};

// Where an earlier ingest of one input file stopped (for resuming).
struct InputCheckpoint {
  std::string stamp;      // size and mtime of the file when it was read
  uint64_t done = 0;      // records of it committed, in reading order
  bool complete = false;  // every record of it was committed
};

// Keeps the documents a stored model scored with `label`: as its most
// probable label, or, when min_probability is set (0 to 1), with at least
// that probability for `label`.
struct ScoreFilter {
  std::string model;
  std::string label;
  std::optional<double> min_probability;
};

struct SearchQuery {
  // Words, "a phrase", or FTS5 syntax (AND OR NOT NEAR). May be empty when
  // `scores` is not: then every document passing the filters is a hit, the
  // first filter's most probable first, and a hit's score is that
  // probability.
  std::string text;
  std::string domain;  // only this domain (exact). Default: any
  std::string since;   // published on or after this ISO date. Default: any
  std::string until;   // published on or before this ISO date. Default: any
  size_t limit = 20;   // most hits returned
  std::vector<ScoreFilter> scores;  // all must hold. Default: none
  // Markers around matched words in the snippet.
  std::string mark_begin = "[";
  std::string mark_end = "]";
};

struct SearchHit {
  DocId id = 0;
  std::string title;
  std::string url;
  std::string domain;
  std::string published;
  std::string snippet;  // body excerpt with matches between the markers
  double score = 0;     // BM25, higher is better
  std::vector<ModelScore> scores;  // the stored scores, by model name
};

// A model whose scores a corpus holds (ingest --model), identified by its
// file's checksum: one name never mixes the scores of two models.
struct StoredModel {
  std::string name;
  std::string checksum;  // 16 hex digits: XXH3-64 of the model file's bytes
  std::vector<std::string> labels;
  std::string file;   // the path it was first loaded from
  std::string added;  // when first registered, ISO 8601 UTC
};

// How many documents a stored model gave each label (as most probable).
struct ScoreCount {
  std::string model;
  std::string label;
  uint64_t documents = 0;
};

struct CorpusStats {
  uint64_t documents = 0;
  uint64_t text_bytes = 0;      // sum of the stored texts' sizes
  uint64_t file_bytes = 0;      // the database file(s) on disk
  std::string first_published;  // earliest published date, or empty
  std::string last_published;   // latest published date, or empty
  uint64_t undated = 0;         // documents without a published date
  std::vector<std::pair<std::string, uint64_t>> domains;  // by count, desc
  std::vector<std::pair<std::string, uint64_t>> labels;   // by count, desc
  std::vector<std::pair<std::string, uint64_t>> languages;
  std::vector<ScoreCount> scores;  // by model, then count, desc
};

// One corpus file. Not thread-safe: use one Corpus per thread (SQLite lets
// several processes and connections read while one writes).
class Corpus {
 public:
  // Opens (creating unless read_only) the corpus at `path`, migrating its
  // schema to the current version. Fails with kNotFound (read_only and
  // missing), kCorruption (not a newstrace corpus, or a newer schema), or
  // kIoError.
  static Result<std::unique_ptr<Corpus>> Open(const std::string& path,
                                              const CorpusOptions& options);
  virtual ~Corpus() = default;
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;

  // The schema version this build writes (docs/format/store.md).
  static int SchemaVersion();

  // Writes are grouped: Add and SetCheckpoint between BeginBatch and
  // CommitBatch land together or not at all.
  virtual Status BeginBatch() = 0;
  virtual Status CommitBatch() = 0;

  // Stores `record` (from input file `input`, may be empty) with its
  // scores (Record::scores, whose models must be registered). Returns false
  // when a document with the same content is already stored: then only
  // scores of models it has none from are added. REQUIRES: inside a batch.
  virtual Result<bool> Add(const EncodedRecord& record,
                           std::string_view input) = 0;
  Result<bool> Add(const Record& record, std::string_view input) {
    return Add(EncodeRecord(record, fingerprint_options()), input);
  }

  // Registers a model before records with its scores are added, in a
  // transaction of its own (REQUIRES: outside a batch). Registering the
  // same name and checksum again changes nothing; the same name with
  // another checksum fails with kInvalidArgument (scores of two models
  // under one name could not be told apart).
  virtual Status RegisterModel(const StoredModel& model) = 0;
  // The registered models, by name.
  virtual Result<std::vector<StoredModel>> Models() = 0;

  // Resume bookkeeping for an input file, keyed by its path.
  virtual Result<std::optional<InputCheckpoint>> GetCheckpoint(
      const std::string& input) = 0;
  // Every input's checkpoint, by path.
  virtual Result<std::vector<std::pair<std::string, InputCheckpoint>>>
  ListCheckpoints() = 0;
  // REQUIRES: inside a batch.
  virtual Status SetCheckpoint(const std::string& input,
                               const InputCheckpoint& checkpoint) = 0;

  // The record stored under `id` (with its scores), or nullopt.
  virtual Result<std::optional<Record>> Get(DocId id) = 0;
  // Ids starting with the hex digits `prefix` (at most `limit`).
  virtual Result<std::vector<DocId>> FindByPrefix(std::string_view prefix,
                                                  size_t limit) = 0;

  // Full-text search over titles and bodies (boilerplate is not indexed),
  // best BM25 first. Fails with kInvalidArgument for an empty query without
  // score filters, and for a filter naming a model or label the corpus
  // does not hold.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;

  // Calls `fn` for every stored record in id order until it returns false.
  virtual Status ForEach(const std::function<bool(const Record&)>& fn) = 0;

  virtual Result<CorpusStats> Stats() = 0;

  // Tracing (trace.h). The options every stored fingerprint was made with.
  virtual const FingerprintOptions& fingerprint_options() const = 0;
  // Stored documents sharing an LSH band or enough sampled shingles with
  // `f` (made with fingerprint_options()), best estimate first. Candidates
  // are unverified: compare the articles (CompareArticles) before trusting
  // one.
  virtual Result<std::vector<TraceCandidate>> FindCandidates(
      const Fingerprint& f, const CandidateQuery& query) = 0;
  // Calls `fn` with the ids of each LSH bucket of two or more documents
  // (cut to its first `max_bucket`) until it returns false.
  virtual Status ForEachLshBucket(
      size_t max_bucket,
      const std::function<bool(std::vector<DocId>&)>& fn) = 0;
  // Deletes document `id` with its search and trace index entries. Returns
  // false when there is no such document. REQUIRES: inside a batch.
  virtual Result<bool> Remove(DocId id) = 0;

 protected:
  Corpus() = default;
};

}  // namespace newstrace

#endif  // NEWSTRACE_CORPUS_H_
