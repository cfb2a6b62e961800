// Full-text search and corpus statistics: the read-only queries of the
// corpus (corpus.h).
#ifndef NEWSTRACE_STORE_SEARCH_H_
#define NEWSTRACE_STORE_SEARCH_H_

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "newstrace/corpus.h"
#include "store/rank.h"
#include "store/scores.h"

namespace newstrace::store {

// BM25-ranked hits for `query` (corpus.h, Corpus::Search), with their
// stored scores. `deferred` is the connection's nt_bm25_deferred_idf state
// (rank.h); `scores` the connection's score table.
Result<std::vector<SearchHit>> RunSearch(sqlite3* db, DeferredIdf* deferred,
                                         ScoreTable* scores,
                                         const SearchQuery& query);

// Counts by domain, label, language and stored score, date range and sizes.
Result<CorpusStats> RunStats(sqlite3* db, ScoreTable* scores);

// `text` as an FTS5 query that cannot be a syntax error: every run of word
// characters becomes a quoted term (implicitly ANDed) except the bare
// operators AND, OR, NOT and NEAR; quoted phrases are kept as phrases.
// Empty when `text` has no word characters.
std::string QuoteFtsQuery(std::string_view text);

}  // namespace newstrace::store

#endif  // NEWSTRACE_STORE_SEARCH_H_
