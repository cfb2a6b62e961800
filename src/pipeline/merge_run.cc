// MergeCorpus (pipeline.h): another corpus's documents added to this one.
#include "newstrace/pipeline.h"

namespace newstrace {

Result<MergeSummary> MergeCorpus(Corpus* into, const std::string& from,
                                 size_t batch_documents,
                                 const std::atomic<bool>* stop) {
  CorpusOptions ro;
  ro.read_only = true;
  NT_ASSIGN_OR_RETURN(std::unique_ptr<Corpus> other, Corpus::Open(from, ro));
  // Scores come along with their documents: their models first (a model
  // name the two corpora give to different models stops the merge).
  NT_ASSIGN_OR_RETURN(std::vector<StoredModel> models, other->Models());
  for (const StoredModel& m : models) {
    Status s = into->RegisterModel(m);
    if (!s.ok()) return Status(s.code(), from + ": " + s.message());
  }
  MergeSummary summary;
  const std::string input = "merge:" + from;
  const FingerprintOptions& fp = into->fingerprint_options();
  NT_RETURN_IF_ERROR(into->BeginBatch());
  size_t in_batch = 0;
  Status status;
  Status walk = other->ForEach([&](const Record& r) {
    if (stop && stop->load()) {
      summary.interrupted = true;
      return false;
    }
    ++summary.read;
    Result<bool> added = into->Add(EncodeRecord(r, fp), input);
    if (!added.ok()) {
      status = added.status();
      return false;
    }
    ++(*added ? summary.added : summary.duplicates);
    if (++in_batch >= batch_documents) {
      status = into->CommitBatch();
      if (status.ok()) status = into->BeginBatch();
      in_batch = 0;
      if (!status.ok()) return false;
    }
    return true;
  });
  if (status.ok()) status = walk;
  if (!status.ok()) {
    (void)into->CommitBatch();  // keeps what was added; may fail too
    return status;
  }
  NT_RETURN_IF_ERROR(into->CommitBatch());
  return summary;
}

}  // namespace newstrace
