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

#include "newstrace/corpus.h"
#include "newstrace/document.h"
#include "newstrace/extract.h"
#include "newstrace/reader.h"
#include "newstrace/result.h"

namespace newstrace {

struct AnalyzeOptions {
  ExtractOptions extract;
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

struct IngestOptions {
  AnalyzeOptions analyze;
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

}  // namespace newstrace

#endif  // NEWSTRACE_PIPELINE_H_
