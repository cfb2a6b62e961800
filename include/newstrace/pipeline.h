// Public API of the pipeline module: one document to one record, and the
// record's JSON form (ARCHITECTURE.md, "The record as JSON";
// docs/format/record.md).
#ifndef NEWSTRACE_PIPELINE_H_
#define NEWSTRACE_PIPELINE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newstrace/analyze.h"
#include "newstrace/classify.h"
#include "newstrace/corpus.h"
#include "newstrace/document.h"
#include "newstrace/extract.h"
#include "newstrace/reader.h"
#include "newstrace/result.h"
#include "newstrace/trace.h"

namespace newstrace {

struct AnalyzeOptions {
  ExtractOptions extract;
  AnalysisOptions analysis;  // quotes, entities, figures
};

// Extracts and analyzes one document. Fails as Extract does.
Result<Record> AnalyzeDocument(const RawDoc& doc,
                               const AnalyzeOptions& options);

struct JsonOptions {
  // Indent with two spaces instead of one compact line. Default: false.
  bool pretty = false;
};

// The record as one JSON object (UTF-8; no trailing newline). Fields are
// absent when unknown.
std::string RecordToJson(const Record& record, const JsonOptions& options);

// Classification (classify.h) over documents as the readers give them.

// What a classifier reads of a document: the extracted blocks, quotes (for
// the attribution signals, speakers unresolved) and the signals; no
// entities, figures or language.
AnalyzeOptions ClassifierAnalyzeOptions();

// AnalyzeDocument, except that a document whose text extraction finds
// nothing (a headline-only row) still gives a record: its title, no body.
Result<Record> AnalyzeForClassifier(const RawDoc& doc,
                                    const AnalyzeOptions& options);

struct LabeledReadOptions {
  // Readers' options; fields.label names the label column, and
  // fields.title_as_text lets headline-only rows through.
  ReaderOptions reader;
  AnalyzeOptions analyze = ClassifierAnalyzeOptions();
  int threads = 0;  // analysis threads; 0 uses every core
};

struct LabeledData {
  std::vector<LabeledRecord> rows;   // in reading order
  std::vector<std::string> ids;      // each row's document id
  uint64_t unlabeled = 0;            // documents without a label, skipped
  uint64_t malformed = 0;            // records the readers skipped as malformed
  uint64_t failed = 0;               // documents that could not be analyzed
  std::vector<Diagnostic> problems;  // the first few reasons
};

// Reads every document of `paths`, analyzes them in parallel and keeps
// those with a label (LabeledRecord::group is the document's domain, or its
// URL's host). Fails with the readers' errors (kNotFound, kIoError, ...).
Result<LabeledData> ReadLabeled(const std::vector<std::string>& paths,
                                const LabeledReadOptions& options);

// Counters of an ingest run, as it goes and at its end.
struct IngestProgress {
  uint64_t read = 0;         // documents read and analyzed
  uint64_t stored = 0;       // new documents written to the corpus
  uint64_t duplicates = 0;   // exact duplicates of stored documents, skipped
  uint64_t malformed = 0;    // unreadable records and documents, skipped
  uint64_t skipped = 0;      // records skipped by design (WARC requests, ...)
  uint64_t resumed = 0;      // committed by an earlier run, not re-analyzed
  uint64_t bytes_read = 0;   // input bytes consumed
  uint64_t bytes_total = 0;  // input bytes in all, 0 when unknown (stdin)
  double seconds = 0;        // since the run started
};

struct IngestSummary : IngestProgress {
  // The first few malformed inputs' reasons ("path:line: why").
  std::vector<Diagnostic> problems;
  bool interrupted = false;  // stopped early by IngestOptions::stop
};

// A classifier with the name its scores go by (in a corpus, in `score`).
struct NamedModel {
  std::string name;
  Classifier model;
};

// The corpus' description of `model` (its checksum is that of the model's
// file bytes); `file` is where it was loaded from.
StoredModel DescribeModel(const NamedModel& model, const std::string& file);

struct IngestOptions {
  // Extraction options. Its `analysis` part is not used: the corpus stores
  // no quotes, entities or figures (docs/format/store.md), and what the
  // models need (ClassifierAnalyzeOptions) is computed when there are any.
  AnalyzeOptions analyze;
  // Score every document with these and store the scores beside it (the
  // models must be registered in the corpus: Corpus::RegisterModel).
  // Default: none.
  std::vector<NamedModel> models;
  ReaderOptions reader;
  // Worker threads for analysis; 0 (default) uses every core.
  int threads = 0;
  // Documents per write transaction. Default: 1000.
  size_t batch_documents = 1000;
  // Longest time between commits, in seconds. Default: 2.
  double batch_seconds = 2.0;
  // Skip what an earlier run of the same input files committed (files
  // recognized by path, size and modification time). Default: true.
  bool resume = true;
  // When set to true (e.g. by a SIGINT handler), reading stops, what is in
  // flight is written and committed, and the run returns. Default: none.
  const std::atomic<bool>* stop = nullptr;
  // Called from one thread about every progress_seconds and once at the end.
  std::function<void(const IngestProgress&)> progress;
  double progress_seconds = 0.25;
};

// Reads every document of `paths` (files, directories, "-"), analyzes them
// in parallel and stores them in `corpus` in reading order, committing in
// batches with resume checkpoints, so a killed run loses at most its last
// batch and a re-run continues where it stopped. Malformed records and
// documents are counted and skipped. Fails with the reader's or the store's
// error (kNotFound for a missing path, kIoError, ...), or, with
// options.reader.strict, kCorruption at the first malformed input; what was
// committed before stays committed.
Result<IngestSummary> IngestPaths(const std::vector<std::string>& paths,
                                  Corpus* corpus, const IngestOptions& options);

// Tracing an article through a corpus (trace.h has the algorithms).
struct TraceOptions {
  // A verified Jaccard similarity at least this makes a near copy; 0 (the
  // default) uses the corpus' fingerprint threshold.
  double threshold = 0;
  // A candidate whose reused passages (FindReuse) cover at least this
  // share of the shorter article's words is a partial reuse. Default: 0.2.
  double min_reuse_share = 0.2;
  // Most matches reported, best first. Default: 10.
  size_t limit = 10;
  // Most candidates verified (by their MinHash estimate, then shared
  // sampled shingles). Default: 200.
  size_t max_candidates = 200;
  CandidateQuery candidates;
  DiffOptions diff;
  SubstitutionOptions substitutions;
  // Defaults; shingle_size is taken from the corpus.
  ReuseOptions reuse;
};

struct TraceMatch {
  Record record;  // the stored match
  DocId id = 0;
  std::string relation;  // "near_copy" or "reuse"
  Overlap overlap;       // a = the query, b = the match
  double estimate = 0;   // the index's MinHash estimate of the Jaccard
  // For a near copy: the word diff from `diff_from_query ? query : match`
  // to the other (from the origin's side when one of them is the origin),
  // and its systematic substitutions.
  bool diff_from_query = false;
  std::vector<DiffRun> diff;
  std::vector<Substitution> substitutions;
  // For a reuse: the passages, from the longer article (the source) into
  // the shorter; reuse_from_query says the query is the source.
  bool reuse_from_query = false;
  Reuse reuse;
};

struct TraceReport {
  Record query;
  DocId query_id = 0;               // ContentId of the query
  bool query_stored = false;        // the query is itself in the corpus
  uint32_t candidates = 0;          // candidates verified
  std::vector<TraceMatch> matches;  // near copies first, then reuse
  // The original among the query and its near copies: origin.index 0 is
  // the query, i > 0 is the near copy matches[i - 1].
  OriginChoice origin;
  DocId origin_id = 0;
};

// Finds the stored copies and reusers of `query` (already analyzed), verifies
// them, names the original and diffs each near copy. Fails with the store's
// error.
Result<TraceReport> TraceDocument(Corpus* corpus, const Record& query,
                                  const TraceOptions& options);

// One group of near duplicates in a corpus.
struct DupeGroup {
  std::vector<DocId> ids;       // the members, origin first
  std::vector<Record> records;  // the same order
  std::vector<double> jaccard;  // each member's Jaccard with the origin
  OriginChoice origin;          // origin.index refers to the order found
  // Systematic substitutions from the origin to each member, merged.
  std::vector<Substitution> substitutions;
};

struct DupesOptions {
  // Verified Jaccard at least this links two documents; 0 (the default)
  // uses the corpus' fingerprint threshold.
  double threshold = 0;
  // LSH buckets are verified pairwise up to this size; larger ones (many
  // exact copies) are verified against their first members only.
  // Default: 32.
  size_t max_pairwise_bucket = 32;
  // Diff members against the origin for substitutions. Default: true.
  bool substitutions = true;
  DiffOptions diff;
  SubstitutionOptions substitution_options;
  const std::atomic<bool>* stop = nullptr;
  std::function<void(uint64_t buckets, uint64_t pairs)> progress;
};

struct DupesSummary {
  uint64_t buckets = 0;         // LSH buckets with two or more documents
  uint64_t pairs_verified = 0;  // candidate pairs compared exactly
  uint64_t pairs_linked = 0;    // of them, at or above the threshold
  uint64_t groups = 0;
  // Substitutions made in copies of at least two different groups: a
  // copier's signature, with how many groups show it.
  std::vector<Substitution> signatures;
  bool interrupted = false;
};

// Every group of near duplicates (connected by verified pairs at or above
// the threshold), passed to `fn` as found, largest groups not guaranteed
// first. Fails with the store's error.
Result<DupesSummary> FindDupes(Corpus* corpus, const DupesOptions& options,
                               const std::function<void(const DupeGroup&)>& fn);

struct MergeSummary {
  uint64_t read = 0;        // documents of the other corpus
  uint64_t added = 0;       // stored here (new texts)
  uint64_t duplicates = 0;  // already here
  bool interrupted = false;
};

// Adds every document of the corpus at `from` to `into`, with its search
// and trace index entries (fingerprinted with `into`'s options, so corpora
// made with different options merge too), in batches of
// `batch_documents`. Documents already in `into` are skipped. Fails with
// kNotFound / kCorruption when `from` is missing or not a corpus, or with
// the store's error; committed batches stay.
Result<MergeSummary> MergeCorpus(Corpus* into, const std::string& from,
                                 size_t batch_documents = 1000,
                                 const std::atomic<bool>* stop = nullptr);

}  // namespace newstrace

#endif  // NEWSTRACE_PIPELINE_H_
