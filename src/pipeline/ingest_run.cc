// IngestPaths (pipeline.h): read -> analyze -> write as a three-stage TBB
// pipeline.
//
// Design note. Reading is serial (readers are streams), analysis runs on
// every worker, and writing is serial *in reading order*. Order matters for
// resuming: because records of one input file are committed in the order
// they were read, "the first N records of this file are committed" is a
// single number per file, stored in the same transaction as the documents
// (Corpus::SetCheckpoint). A re-run reads the file again but skips analysis
// of those N records; content-hash ids make any overlap harmless. The number
// of documents in flight is bounded (tokens), so memory does not grow with
// the input.
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "base/clock.h"
#include "base/file_stamp.h"
#include "base/hash.h"
#include "newstrace/pipeline.h"

namespace newstrace {

StoredModel DescribeModel(const NamedModel& model, const std::string& file) {
  StoredModel m;
  m.name = model.name;
  m.checksum = base::Hex64(base::Hash64(model.model.ToBytes()));
  m.labels = model.model.info().labels;
  m.file = file;
  return m;
}

namespace {

// The input file and 1-based record number a reader's document id names:
// "path" (one document) or "path:N" (record N of a container file).
void SplitDocId(const std::string& id, std::string* file, uint64_t* ordinal) {
  size_t colon = id.rfind(':');
  if (colon != std::string::npos && colon + 1 < id.size() &&
      id.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
      id.size() - colon - 1 <= 18) {
    *file = id.substr(0, colon);
    *ordinal = std::stoull(id.substr(colon + 1));
    return;
  }
  *file = id;
  *ordinal = 1;
}

struct Item {
  RawDoc doc;
  std::string file;
  uint64_t ordinal = 0;
  std::optional<EncodedRecord> record;
  Status failure;
};

// Per input file: what was committed before and what this run wrote.
struct FileState {
  std::string stamp;
  uint64_t resume_after = 0;  // records an earlier run committed
  uint64_t done = 0;          // highest record number handled, in order
  bool dirty = false;         // checkpoint changed since the last commit
};

class Runner {
 public:
  Runner(const std::vector<std::string>& paths, Corpus* corpus,
         const IngestOptions& options)
      : paths_(paths), corpus_(corpus), options_(options) {
    // The corpus keeps no quotes, entities, figures or signals: computing
    // them here would only slow the run, unless a model reads them.
    options_.analyze.analysis =
        options_.models.empty() ? AnalysisOptions{false, false, false, false}
                                : ClassifierAnalyzeOptions().analysis;
  }

  Result<IngestSummary> Run() {
    start_ = base::MonotonicSeconds();
    if (options_.resume) {
      // Loaded up front: the reading stage must not share the corpus'
      // connection with the writing stage.
      NT_ASSIGN_OR_RETURN(auto checkpoints, corpus_->ListCheckpoints());
      for (auto& [path, c] : checkpoints) checkpoints_[path] = std::move(c);
    }
    for (const std::string& p : paths_) {
      summary_.bytes_total += base::TotalBytes(p);
    }
    const int threads = options_.threads > 0 ? options_.threads
                                             : tbb::info::default_concurrency();
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                              static_cast<size_t>(threads));
    const size_t tokens = static_cast<size_t>(threads) * 4;

    tbb::parallel_pipeline(
        tokens, tbb::make_filter<void, Item*>(
                    tbb::filter_mode::serial_in_order,
                    [this](tbb::flow_control& fc) { return ReadStage(fc); }) &
                    tbb::make_filter<Item*, Item*>(
                        tbb::filter_mode::parallel,
                        [this](Item* item) { return AnalyzeStage(item); }) &
                    tbb::make_filter<Item*, void>(
                        tbb::filter_mode::serial_in_order, [this](Item* item) {
                          Write(std::unique_ptr<Item>(item));
                        }));

    // The stages are done: their state may now be merged.
    FinishReader();
    summary_.interrupted = interrupted_;
    summary_.resumed = resumed_.load();
    summary_.malformed += reader_malformed_;
    summary_.skipped += reader_skipped_;
    for (const Diagnostic& d : read_problems_) AddProblem(d);
    if (!write_failed_.load()) {
      // Keep everything written so far, with its checkpoints; the current
      // file is complete only when the whole input was read.
      const bool whole = error_.ok() && read_error_.ok() && !interrupted_;
      Status c = Commit(/*final=*/whole);
      if (error_.ok()) error_ = read_error_;
      if (error_.ok()) error_ = c;
    } else if (in_batch_) {
      in_batch_ = false;
      (void)corpus_->CommitBatch();  // may fail too: then it rolls back
    }
    summary_.seconds = base::MonotonicSeconds() - start_;
    summary_.bytes_read = bytes_read_.load();
    if (options_.progress) options_.progress(summary_);
    if (!error_.ok()) return error_;
    return summary_;
  }

 private:
  // --- stage 1: reading (serial) ---------------------------------------

  Item* ReadStage(tbb::flow_control& fc) {
    Item* item = ReadNext();
    if (item == nullptr) fc.stop();
    return item;
  }

  Item* ReadNext() {
    while (read_error_.ok() && !write_failed_.load()) {
      if (options_.stop != nullptr && options_.stop->load()) {
        interrupted_ = true;
        return nullptr;
      }
      if (reader_ == nullptr) {
        if (next_path_ >= paths_.size()) return nullptr;
        const std::string& path = paths_[next_path_++];
        Result<std::unique_ptr<DocumentReader>> r =
            OpenReader(path, options_.reader);
        if (!r.ok()) {
          // Name the input once, whether or not the reader already did.
          const std::string& m = r.status().message();
          read_error_ =
              Status(r.status().code(),
                     m.find(path) == std::string::npos ? path + ": " + m : m);
          return nullptr;
        }
        reader_ = std::move(*r);
      }
      auto item = std::make_unique<Item>();
      Result<bool> more = reader_->Next(&item->doc);
      bytes_read_.store(finished_bytes_ + reader_->bytes_read());
      reader_malformed_now_.store(reader_malformed_ +
                                  reader_->stats().malformed);
      if (!more.ok()) {
        read_error_ = more.status();
        return nullptr;
      }
      if (!*more) {
        FinishReader();
        continue;
      }
      SplitDocId(item->doc.id, &item->file, &item->ordinal);
      if (options_.resume && IsCommitted(item->file, item->ordinal)) {
        resumed_.fetch_add(1);
        continue;
      }
      return item.release();
    }
    return nullptr;
  }

  // Folds a finished reader's counters into the summary.
  void FinishReader() {
    if (reader_ == nullptr) return;
    const ReadStats& st = reader_->stats();
    reader_malformed_ += st.malformed;
    reader_skipped_ += st.skipped;
    for (const Diagnostic& d : st.problems) {
      if (read_problems_.size() < ReadStats::kMaxProblems) {
        read_problems_.push_back(d);
      }
    }
    finished_bytes_ += reader_->bytes_read();
    bytes_read_.store(finished_bytes_);
    reader_.reset();
  }

  // True when an earlier run committed record `ordinal` of `file`. Reads
  // the file's checkpoint once.
  bool IsCommitted(const std::string& file, uint64_t ordinal) {
    auto it = resume_.find(file);
    if (it == resume_.end()) {
      uint64_t after = 0;
      auto c = checkpoints_.find(file);
      if (c != checkpoints_.end() && c->second.stamp == base::FileStamp(file)) {
        after = c->second.complete ? UINT64_MAX : c->second.done;
      }
      it = resume_.emplace(file, after).first;
    }
    return ordinal <= it->second;
  }

  // --- stage 2: analysis (parallel) -------------------------------------

  Item* AnalyzeStage(Item* item) {
    Result<Record> r = AnalyzeDocument(item->doc, options_.analyze);
    if (r.ok() && !options_.models.empty()) ScoreRecord(&*r);
    if (r.ok()) {
      // Encoding for the store is part of the parallel work too.
      item->record =
          EncodeRecord(std::move(*r), corpus_->fingerprint_options());
    } else {
      item->failure = r.status();
    }
    item->doc.bytes.clear();
    item->doc.bytes.shrink_to_fit();
    return item;
  }

  // Scores `record` with every model, then drops what only the models read.
  void ScoreRecord(Record* record) const {
    for (const NamedModel& m : options_.models) {
      Score s = m.model.Predict(*record, /*max_reasons=*/0);
      record->scores.push_back(
          {m.name, s.label, s.probability, std::move(s.probabilities)});
    }
    record->quotes.clear();
    record->signals.clear();
  }

  // --- stage 3: writing (serial, in reading order) ----------------------

  void Write(std::unique_ptr<Item> item) {
    if (!error_.ok()) return;
    Status s = WriteItem(*item);
    if (!s.ok()) {
      error_ = s;
      write_failed_.store(true);
    }
  }

  Status WriteItem(Item& item_ref) {
    Item* item = &item_ref;
    if (!item->record) {
      ++summary_.malformed;
      AddProblem({"unreadable", item->doc.id + ": " + item->failure.message()});
      if (options_.reader.strict) {
        return Status(item->failure.code(),
                      item->doc.id + ": " + item->failure.message());
      }
    } else {
      ++summary_.read;
      if (!in_batch_) {
        NT_RETURN_IF_ERROR(corpus_->BeginBatch());
        in_batch_ = true;
        batch_start_ = base::MonotonicSeconds();
        batch_count_ = 0;
      }
      NT_ASSIGN_OR_RETURN(bool added, corpus_->Add(*item->record, item->file));
      ++(added ? summary_.stored : summary_.duplicates);
      ++batch_count_;
    }
    Track(item->file, item->ordinal);
    const double now = base::MonotonicSeconds();
    if (in_batch_ && (batch_count_ >= options_.batch_documents ||
                      now - batch_start_ >= options_.batch_seconds)) {
      NT_RETURN_IF_ERROR(Commit(/*final=*/false));
    }
    if (options_.progress &&
        now - last_progress_ >= options_.progress_seconds) {
      last_progress_ = now;
      IngestProgress p = summary_;
      p.malformed += reader_malformed_now_.load();
      p.resumed = resumed_.load();
      p.seconds = now - start_;
      // The reader runs a few documents ahead of the writer.
      p.bytes_read = bytes_read_.load();
      options_.progress(p);
    }
    return Status::Ok();
  }

  // Notes that record `ordinal` of `file` was handled; a file left behind
  // (the reader moved on) is complete.
  void Track(const std::string& file, uint64_t ordinal) {
    if (file != current_file_) {
      if (!current_file_.empty()) {
        FileState& prev = files_[current_file_];
        prev.done = UINT64_MAX;  // complete
        prev.dirty = true;
      }
      current_file_ = file;
    }
    FileState& st = files_[file];
    if (ordinal > st.done) st.done = ordinal;
    st.dirty = true;
  }

  // Writes the checkpoints of files touched since the last commit, then
  // commits. On the final commit the current file is complete too, unless
  // the run was interrupted or stopped by an error.
  Status Commit(bool final) {
    if (final && !current_file_.empty()) {
      files_[current_file_].done = UINT64_MAX;
      files_[current_file_].dirty = true;
    }
    bool any_dirty = false;
    for (auto& [file, st] : files_) any_dirty = any_dirty || st.dirty;
    if (!in_batch_ && !any_dirty) return Status::Ok();
    if (!in_batch_) {
      NT_RETURN_IF_ERROR(corpus_->BeginBatch());
      in_batch_ = true;
    }
    for (auto it = files_.begin(); it != files_.end();) {
      FileState& st = it->second;
      if (st.dirty) {
        std::string stamp = base::FileStamp(it->first);
        if (!stamp.empty()) {
          InputCheckpoint c;
          c.stamp = stamp;
          c.complete = st.done == UINT64_MAX;
          c.done = c.complete ? 0 : st.done;
          Status s = corpus_->SetCheckpoint(it->first, c);
          if (!s.ok()) return s;
        }
        st.dirty = false;
      }
      // Finished files need no more bookkeeping.
      if (st.done == UINT64_MAX && it->first != current_file_) {
        it = files_.erase(it);
      } else {
        ++it;
      }
    }
    in_batch_ = false;
    batch_count_ = 0;
    return corpus_->CommitBatch();
  }

  void AddProblem(const Diagnostic& d) {
    if (summary_.problems.size() < ReadStats::kMaxProblems) {
      summary_.problems.push_back(d);
    }
  }

  const std::vector<std::string>& paths_;
  Corpus* corpus_;
  IngestOptions options_;  // a copy: analysis is switched off

  // Reading state (stage 1 only, read by Run() after the pipeline).
  size_t next_path_ = 0;
  std::unique_ptr<DocumentReader> reader_;
  std::map<std::string, uint64_t> resume_;
  std::map<std::string, InputCheckpoint> checkpoints_;
  uint64_t reader_malformed_ = 0;
  uint64_t reader_skipped_ = 0;
  uint64_t finished_bytes_ = 0;
  std::vector<Diagnostic> read_problems_;
  bool interrupted_ = false;
  Status read_error_;

  // Shared between the stages (progress and stopping).
  std::atomic<uint64_t> bytes_read_{0};
  std::atomic<uint64_t> resumed_{0};
  std::atomic<uint64_t> reader_malformed_now_{0};
  std::atomic<bool> write_failed_{false};

  // Writing state (stage 3 only).
  std::map<std::string, FileState> files_;
  std::string current_file_;
  bool in_batch_ = false;
  size_t batch_count_ = 0;
  double batch_start_ = 0;
  double last_progress_ = 0;

  double start_ = 0;
  Status error_;
  IngestSummary summary_;
};

}  // namespace

Result<IngestSummary> IngestPaths(const std::vector<std::string>& paths,
                                  Corpus* corpus,
                                  const IngestOptions& options) {
  if (corpus == nullptr) return Status::InvalidArgument("no corpus");
  for (const NamedModel& m : options.models) {
    NT_RETURN_IF_ERROR(corpus->RegisterModel(DescribeModel(m, "")));
  }
  Runner runner(paths, corpus, options);
  Result<IngestSummary> result = runner.Run();
  return result;
}

}  // namespace newstrace
