// nt_bm25 (rank.h).
//
// Design note. FTS5's bm25() asks for every matching row's token count
// (xColumnSize), which FTS5 answers with one lookup in its docsize table per
// row; for a term in most documents that lookup is two thirds of the query.
// Rows are visited in rowid order and our rowids are the insertion order
// (documents.seq), so the lengths are kept in `doclens`, kLensPerChunk
// little-endian uint32 values per blob, and read one blob per
// kLensPerChunk rows. The score is bm25()'s: the same IDF (from
// xQueryPhrase), average length (xColumnTotalSize / xRowCount), column
// weights, k1 and b; only where the length comes from differs.
#include "store/rank.h"

#include <cmath>
#include <cstring>
#include <vector>

#include "store/sqlite_util.h"

namespace newstrace::store {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Per-connection state: what the last deferred query saw (rank.h).
struct Connection {
  sqlite3* db = nullptr;
  DeferredIdf last;
};

// Per-query state, kept as FTS5 auxdata for the life of the query.
struct QueryState {
  bool deferred = false;  // one phrase, IDF left to the caller
  int phrases = 0;
  double avgdl = 1;
  std::vector<double> idf;
  std::vector<double> freq;  // per phrase, scratch for the current row
  sqlite3_stmt* lens_stmt = nullptr;
  int64_t chunk = -1;  // which chunk `lens` holds
  std::vector<uint32_t> lens;
  ~QueryState() { sqlite3_finalize(lens_stmt); }
};

int CountRow(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  ++*static_cast<int64_t*>(user);
  return SQLITE_OK;
}

QueryState* Init(const Fts5ExtensionApi* api, Fts5Context* fts,
                 Connection* conn, bool defer) {
  sqlite3* db = conn->db;
  auto* q = new QueryState;
  q->phrases = api->xPhraseCount(fts);
  sqlite3_int64 rows = 0, tokens = 0;
  api->xRowCount(fts, &rows);
  api->xColumnTotalSize(fts, -1, &tokens);
  q->avgdl = rows > 0 ? static_cast<double>(tokens) / rows : 1.0;
  if (q->avgdl <= 0) q->avgdl = 1.0;
  // With one phrase the IDF scales every score alike, so ranking does not
  // need it; counting the phrase's rows first (xQueryPhrase) would run the
  // whole phrase query twice. The caller applies it from the rows seen.
  q->deferred = defer && q->phrases == 1;
  if (q->deferred) {
    conn->last = DeferredIdf();
    conn->last.active = true;
    conn->last.total_rows = rows;
    q->idf.push_back(1.0);
  }
  for (int i = q->deferred ? 1 : 0; i < q->phrases; ++i) {
    int64_t hits = 0;
    api->xQueryPhrase(fts, i, &hits, CountRow);
    double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf <= 0) idf = 1e-6;  // as bm25(): a very common term still counts
    q->idf.push_back(idf);
  }
  q->freq.assign(static_cast<size_t>(q->phrases), 0.0);
  sqlite3_prepare_v2(db, "SELECT lens FROM doclens WHERE chunk = ?1", -1,
                     &q->lens_stmt, nullptr);
  return q;
}

// The stored length of row `seq`, or -1 when there is none.
int64_t StoredLength(QueryState* q, int64_t seq) {
  if (q->lens_stmt == nullptr || seq < 0) return -1;
  const int64_t chunk = seq / kLensPerChunk;
  if (chunk != q->chunk) {
    q->chunk = chunk;
    q->lens.clear();
    sqlite3_reset(q->lens_stmt);
    sqlite3_bind_int64(q->lens_stmt, 1, chunk);
    if (sqlite3_step(q->lens_stmt) == SQLITE_ROW) {
      const void* blob = sqlite3_column_blob(q->lens_stmt, 0);
      const int n = sqlite3_column_bytes(q->lens_stmt, 0);
      q->lens.resize(static_cast<size_t>(n) / 4);
      if (blob != nullptr && !q->lens.empty()) {
        std::memcpy(q->lens.data(), blob, q->lens.size() * 4);
      }
    }
    sqlite3_reset(q->lens_stmt);
  }
  const size_t i = static_cast<size_t>(seq % kLensPerChunk);
  if (i >= q->lens.size() || q->lens[i] == 0) return -1;
  return q->lens[i];
}

void Score(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx,
           int argc, sqlite3_value** argv, bool defer) {
  auto* conn = static_cast<Connection*>(api->xUserData(fts));
  auto* q = static_cast<QueryState*>(api->xGetAuxdata(fts, 0));
  if (q == nullptr) {
    q = Init(api, fts, conn, defer);
    int rc = api->xSetAuxdata(
        fts, q, [](void* p) { delete static_cast<QueryState*>(p); });
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
  }
  if (q->deferred) ++conn->last.rows_seen;
  std::fill(q->freq.begin(), q->freq.end(), 0.0);
  int instances = 0;
  api->xInstCount(fts, &instances);
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    if (api->xInst(fts, i, &phrase, &column, &offset) != SQLITE_OK) continue;
    const double weight =
        column < argc ? sqlite3_value_double(argv[column]) : 1.0;
    if (phrase >= 0 && phrase < q->phrases) q->freq[phrase] += weight;
  }
  int64_t length = StoredLength(q, api->xRowid(fts));
  if (length < 0) {
    int n = 0;
    api->xColumnSize(fts, -1, &n);
    length = n;
  }
  double score = 0;
  const double norm =
      kK1 * (1 - kB + kB * static_cast<double>(length) / q->avgdl);
  for (int i = 0; i < q->phrases; ++i) {
    const double f = q->freq[i];
    score += q->idf[i] * (f * (kK1 + 1)) / (f + norm);
  }
  sqlite3_result_double(ctx, -score);
}

void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx,
          int argc, sqlite3_value** argv) {
  Score(api, fts, ctx, argc, argv, /*defer=*/false);
}

void Bm25DeferredIdf(const Fts5ExtensionApi* api, Fts5Context* fts,
                     sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  Score(api, fts, ctx, argc, argv, /*defer=*/true);
}

}  // namespace

double DeferredIdf::Idf() const {
  const double n = static_cast<double>(total_rows);
  const double hits = static_cast<double>(rows_seen);
  double idf = std::log((n - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

Result<DeferredIdf*> RegisterRanking(sqlite3* db) {
  fts5_api* api = nullptr;
  NT_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db, "SELECT fts5(?1)"));
  sqlite3_bind_pointer(s.get(), 1, &api, "fts5_api_ptr", nullptr);
  NT_RETURN_IF_ERROR(s.Step().status());
  if (api == nullptr) return Status::Unsupported("SQLite without FTS5");
  auto* conn = new Connection;
  conn->db = db;
  // FTS5 owns `conn` from here: the destructor of the first function frees
  // it when the connection closes.
  int rc = api->xCreateFunction(api, "nt_bm25", conn, Bm25, [](void* p) {
    delete static_cast<Connection*>(p);
  });
  if (rc != SQLITE_OK) {
    delete conn;
    return SqliteError(db, rc, "register nt_bm25");
  }
  rc = api->xCreateFunction(api, "nt_bm25_deferred_idf", conn, Bm25DeferredIdf,
                            nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, "register nt_bm25");
  return &conn->last;
}

uint32_t CountTokens(std::string_view text) {
  uint32_t n = 0;
  bool in = false;
  for (unsigned char c : text) {
    const bool word = c >= 0x80 || (c >= '0' && c <= '9') ||
                      (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (word && !in) ++n;
    in = word;
  }
  return n;
}

}  // namespace newstrace::store
