// Classifier scores in the corpus (schema 3: tables `models` and `scores`,
// docs/format/store.md). For the store module only.
#ifndef NEWSTRACE_STORE_SCORES_H_
#define NEWSTRACE_STORE_SCORES_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "newstrace/corpus.h"
#include "newstrace/document.h"
#include "newstrace/result.h"
#include "store/sqlite_util.h"

namespace newstrace::store {

// Writes, and reads back, the scores of documents; checks them against the
// registered models. One per connection.
class ScoreTable {
 public:
  explicit ScoreTable(sqlite3* db) : db_(db) {}

  // Corpus::RegisterModel, inside a transaction the caller holds.
  Status Register(const StoredModel& model, const std::string& now);
  Result<std::vector<StoredModel>> Models();

  // Stores `scores` for document `seq`; a (model) pair the document already
  // has is left as it is. Fails with kInvalidArgument for a model that is
  // not registered or a label it does not have.
  Status Insert(int64_t seq, const std::vector<ModelScore>& scores);
  // The scores of document `seq`, by model name.
  Result<std::vector<ModelScore>> Get(int64_t seq);
  Status Remove(int64_t seq);

  // Top-label counts per model (CorpusStats::scores).
  Result<std::vector<ScoreCount>> Counts();

  // Checks that each filter names a registered model and one of its labels
  // and that a threshold is within [0, 1] (kInvalidArgument otherwise).
  Status CheckFilters(const std::vector<ScoreFilter>& filters);

  // Drops prepared statements (before the connection closes).
  void Close() {
    insert_ = Stmt();
    exists_ = Stmt();
  }

 private:
  Status LoadModels();

  sqlite3* db_;
  bool loaded_ = false;
  std::vector<StoredModel> models_;  // cache of the `models` table
  Stmt insert_;
  Stmt exists_;
};

// The SQL condition (for a WHERE clause) that keeps documents whose
// `seq_column` passes filter `i`, with its parameters at ?first, ?first+1
// and ?first+2 (model, label, threshold); BindFilter binds them.
std::string FilterSql(const ScoreFilter& filter, const std::string& seq_column,
                      int first);
void BindFilter(Stmt& s, const ScoreFilter& filter, int first);

}  // namespace newstrace::store

#endif  // NEWSTRACE_STORE_SCORES_H_
