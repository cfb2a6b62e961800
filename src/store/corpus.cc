// Corpus (corpus.h) on SQLite: WAL journal, writes grouped in explicit
// transactions, FTS5 external-content index over title and body.
//
// Durability: WAL with synchronous=NORMAL keeps every committed batch across
// a killed process (SIGKILL); only a power loss may drop the last batches.
#include "newstrace/corpus.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/hash.h"
#include "store/rank.h"
#include "store/schema.h"
#include "store/scores.h"
#include "store/search.h"
#include "store/sqlite_util.h"
#include "store/trace_index.h"

namespace newstrace {

DocId ContentId(const Article& article) { return base::Hash64(article.text); }

std::string DocIdToString(DocId id) { return base::Hex64(id); }

int Corpus::SchemaVersion() { return store::kSchemaVersion; }

namespace store {
namespace {
std::string BlocksToJson(const Article& a);
std::string StringsToJson(const std::vector<std::string>& v);
}  // namespace
}  // namespace store

EncodedRecord EncodeRecord(Record record,
                           const FingerprintOptions& fingerprint) {
  EncodedRecord e;
  const Article& a = record.article;
  e.fingerprint = ComputeFingerprint(a, fingerprint);
  e.fingerprint_options = fingerprint;
  e.id = ContentId(a);
  const auto hash = base::Hash128(a.text);
  e.hash.assign(reinterpret_cast<const char*>(hash.data()), hash.size());
  e.body = a.BodyText();
  e.blocks = store::BlocksToJson(a);
  e.tokens = store::CountTokens(a.title) + store::CountTokens(e.body);
  if (!a.authors.empty()) e.authors = store::StringsToJson(a.authors);
  if (!a.diagnostics.empty()) {
    nlohmann::json d = nlohmann::json::array();
    for (const Diagnostic& x : a.diagnostics) {
      d.push_back(nlohmann::json::array({x.code, x.message}));
    }
    e.diagnostics =
        d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  e.record = std::move(record);
  return e;
}

namespace store {
namespace {

using nlohmann::json;

int64_t ToRowid(DocId id) { return static_cast<int64_t>(id); }
DocId FromRowid(int64_t rowid) { return static_cast<DocId>(rowid); }

std::string BlocksToJson(const Article& a) {
  json blocks = json::array();
  for (const Block& b : a.blocks) {
    json one = json::array({BlockKindName(b.kind), b.span.begin, b.span.end});
    if (!b.credit.empty()) one.push_back(b.credit);
    blocks.push_back(std::move(one));
  }
  return blocks.dump();
}

// Parses what BlocksToJson wrote; spans outside `text` are dropped.
Status BlocksFromJson(std::string_view s, Article* a) {
  json blocks = json::parse(s, nullptr, /*allow_exceptions=*/false);
  if (!blocks.is_array()) return Status::Corruption("stored blocks unreadable");
  for (const json& one : blocks) {
    if (!one.is_array() || one.size() < 3 || !one[0].is_string() ||
        !one[1].is_number_unsigned() || !one[2].is_number_unsigned()) {
      return Status::Corruption("stored block unreadable");
    }
    std::optional<BlockKind> kind =
        BlockKindFromName(one[0].get<std::string>());
    Block b;
    b.kind = kind.value_or(BlockKind::kOther);
    b.span.begin = one[1].get<size_t>();
    b.span.end = one[2].get<size_t>();
    if (b.span.begin > b.span.end || b.span.end > a->text.size()) {
      return Status::Corruption("stored block outside the text");
    }
    if (one.size() > 3 && one[3].is_string())
      b.credit = one[3].get<std::string>();
    a->blocks.push_back(std::move(b));
  }
  return Status::Ok();
}

std::string StringsToJson(const std::vector<std::string>& v) {
  return json(v).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<std::string> StringsFromJson(std::string_view s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  json j = json::parse(s, nullptr, false);
  if (!j.is_array()) return out;
  for (const json& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

constexpr const char kInsert[] =
    "INSERT INTO documents (id, hash, url, domain, title, authors, "
    "published, language, label, format, fetched, input, text, body, blocks, "
    "diagnostics, added) VALUES "
    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
    "?17) ON CONFLICT(id) DO NOTHING";  // only a duplicate is skipped
constexpr const char kInsertFts[] =
    "INSERT INTO documents_fts (rowid, title, body) VALUES (?1, ?2, ?3)";
constexpr const char kSelectColumns[] =
    "SELECT id, url, domain, title, authors, published, language, label, "
    "format, fetched, text, blocks, diagnostics, input, seq FROM documents";

class SqliteCorpus final : public Corpus {
 public:
  explicit SqliteCorpus(sqlite3* db) : db_(db), index_(db), scores_(db) {}
  ~SqliteCorpus() override {
    insert_ = Stmt();
    insert_fts_ = Stmt();
    find_seq_ = Stmt();
    scores_.Close();
    if (in_batch_) (void)Exec(db_, "ROLLBACK");
    sqlite3_close_v2(db_);
  }

  void set_deferred_idf(store::DeferredIdf* d) { deferred_idf_ = d; }

  Status BeginBatch() override {
    if (in_batch_) return Status::Internal("BeginBatch inside a batch");
    NT_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
    in_batch_ = true;
    now_ = base::NowUtcIso();  // one 'added' time per batch
    pending_lens_.clear();
    index_.DiscardPending();
    return Status::Ok();
  }

  Status CommitBatch() override {
    if (!in_batch_) return Status::Internal("CommitBatch outside a batch");
    Status s = FlushLengths();
    if (s.ok()) s = index_.Flush();
    if (!s.ok()) return s;  // still in the batch: the caller may roll back
    in_batch_ = false;
    return Exec(db_, "COMMIT");
  }

  Result<bool> Add(const EncodedRecord& e, std::string_view input) override {
    if (!in_batch_) return Status::Internal("Add outside a batch");
    const Article& a = e.record.article;
    if (insert_.get() == nullptr) {
      NT_ASSIGN_OR_RETURN(insert_, Stmt::Prepare(db_, kInsert));
      NT_ASSIGN_OR_RETURN(insert_fts_, Stmt::Prepare(db_, kInsertFts));
    }
    // Values are bound without copies (they outlive the steps below) and
    // unbound before returning.
    Stmt& s = insert_;
    s.Reset();
    s.BindInt(1, ToRowid(e.id));
    s.BindBlobStatic(2, e.hash);
    s.BindTextOrNull(3, a.source.url);
    s.BindTextOrNull(4, a.source.domain);
    s.BindTextOrNull(5, a.title);
    s.BindTextOrNull(6, e.authors);
    s.BindTextOrNull(7, a.published);
    s.BindTextOrNull(8, a.language);
    s.BindTextOrNull(9, a.source.label);
    s.BindText(10, FormatName(a.format));
    s.BindTextOrNull(11, a.source.fetched);
    s.BindTextOrNull(12, input);
    s.BindTextStatic(13, a.text);
    s.BindTextStatic(14, e.body);
    s.BindTextStatic(15, e.blocks);
    s.BindTextOrNull(16, e.diagnostics);
    s.BindText(17, now_);
    Result<bool> step = s.Step();
    s.Reset();
    NT_RETURN_IF_ERROR(step.status());
    if (sqlite3_changes(db_) == 0) {  // already stored
      if (!e.record.scores.empty()) {
        NT_ASSIGN_OR_RETURN(int64_t seq, FindSeq(e.id));
        if (seq != 0) NT_RETURN_IF_ERROR(scores_.Insert(seq, e.record.scores));
      }
      return false;
    }
    const int64_t seq = sqlite3_last_insert_rowid(db_);
    NT_RETURN_IF_ERROR(scores_.Insert(seq, e.record.scores));
    if (e.fingerprint_options == fingerprint_) {
      NT_RETURN_IF_ERROR(index_.Insert(seq, e.fingerprint));
    } else {
      NT_RETURN_IF_ERROR(
          index_.Insert(seq, ComputeFingerprint(a, fingerprint_)));
    }
    pending_lens_.emplace_back(seq, e.tokens);
    Stmt& f = insert_fts_;
    f.Reset();
    f.BindInt(1, seq);
    f.BindTextStatic(2, a.title);
    f.BindTextStatic(3, e.body);
    step = f.Step();
    f.Reset();
    NT_RETURN_IF_ERROR(step.status());
    return true;
  }

  Status RegisterModel(const StoredModel& model) override {
    if (in_batch_) return Status::Internal("RegisterModel inside a batch");
    NT_RETURN_IF_ERROR(Exec(db_, "BEGIN IMMEDIATE"));
    Status s = scores_.Register(model, base::NowUtcIso());
    if (!s.ok()) {
      (void)Exec(db_, "ROLLBACK");
      return s;
    }
    return Exec(db_, "COMMIT");
  }

  Result<std::vector<StoredModel>> Models() override {
    return scores_.Models();
  }

  Result<std::optional<InputCheckpoint>> GetCheckpoint(
      const std::string& input) override {
    NT_ASSIGN_OR_RETURN(
        Stmt s, Stmt::Prepare(db_,
                              "SELECT stamp, done, complete FROM inputs "
                              "WHERE path = ?1"));
    s.BindText(1, input);
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<InputCheckpoint>();
    InputCheckpoint c;
    c.stamp = std::string(s.Text(0));
    c.done = static_cast<uint64_t>(s.Int(1));
    c.complete = s.Int(2) != 0;
    return std::optional<InputCheckpoint>(std::move(c));
  }

  Result<std::vector<std::pair<std::string, InputCheckpoint>>> ListCheckpoints()
      override {
    NT_ASSIGN_OR_RETURN(Stmt s,
                        Stmt::Prepare(db_,
                                      "SELECT path, stamp, done, complete FROM "
                                      "inputs ORDER BY path"));
    std::vector<std::pair<std::string, InputCheckpoint>> out;
    while (true) {
      NT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      InputCheckpoint c;
      c.stamp = std::string(s.Text(1));
      c.done = static_cast<uint64_t>(s.Int(2));
      c.complete = s.Int(3) != 0;
      out.emplace_back(std::string(s.Text(0)), std::move(c));
    }
    return out;
  }

  Status SetCheckpoint(const std::string& input,
                       const InputCheckpoint& c) override {
    if (!in_batch_) return Status::Internal("SetCheckpoint outside a batch");
    NT_ASSIGN_OR_RETURN(
        Stmt s,
        Stmt::Prepare(db_,
                      "INSERT INTO inputs (path, stamp, done, complete) "
                      "VALUES (?1, ?2, ?3, ?4) ON CONFLICT(path) DO "
                      "UPDATE SET stamp = ?2, done = ?3, complete = ?4"));
    s.BindText(1, input);
    s.BindText(2, c.stamp);
    s.BindInt(3, static_cast<int64_t>(c.done));
    s.BindInt(4, c.complete ? 1 : 0);
    return s.Step().status();
  }

  Result<std::optional<Record>> Get(DocId id) override {
    NT_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, std::string(kSelectColumns) +
                                                       " WHERE id = ?1"));
    s.BindInt(1, ToRowid(id));
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<Record>();
    NT_ASSIGN_OR_RETURN(Record r, ReadRow(s));
    NT_ASSIGN_OR_RETURN(r.scores, scores_.Get(s.Int(14)));
    return std::optional<Record>(std::move(r));
  }

  Result<std::vector<DocId>> FindByPrefix(std::string_view prefix,
                                          size_t limit) override {
    uint64_t value = 0;
    if (!base::ParseHex64(prefix, &value)) {
      return Status::InvalidArgument("not a document id: '" +
                                     std::string(prefix) + "'");
    }
    // Ids are hex of an unsigned value stored signed: range-scan the
    // unsigned interval [lo, hi] as one or two signed intervals.
    const int shift = static_cast<int>(64 - 4 * prefix.size());
    const uint64_t lo = shift == 64 ? 0 : value << shift;
    const uint64_t hi = shift == 0 ? value : lo | ((uint64_t{1} << shift) - 1);
    std::vector<DocId> out;
    auto scan = [&](int64_t a, int64_t b) -> Status {
      NT_ASSIGN_OR_RETURN(
          Stmt s, Stmt::Prepare(db_,
                                "SELECT id FROM documents WHERE id >= ?1 "
                                "AND id <= ?2 ORDER BY id LIMIT ?3"));
      s.BindInt(1, a);
      s.BindInt(2, b);
      s.BindInt(3, static_cast<int64_t>(limit));
      while (out.size() < limit) {
        NT_ASSIGN_OR_RETURN(bool row, s.Step());
        if (!row) break;
        out.push_back(FromRowid(s.Int(0)));
      }
      return Status::Ok();
    };
    if (ToRowid(lo) <= ToRowid(hi)) {
      NT_RETURN_IF_ERROR(scan(ToRowid(lo), ToRowid(hi)));
    } else {  // the interval crosses 2^63: two signed ranges
      NT_RETURN_IF_ERROR(scan(ToRowid(lo), INT64_MAX));
      NT_RETURN_IF_ERROR(scan(INT64_MIN, ToRowid(hi)));
    }
    return out;
  }

  Result<std::vector<SearchHit>> Search(const SearchQuery& query) override {
    return RunSearch(db_, deferred_idf_, &scores_, query);
  }

  Status ForEach(const std::function<bool(const Record&)>& fn) override {
    NT_ASSIGN_OR_RETURN(Stmt s, Stmt::Prepare(db_, std::string(kSelectColumns) +
                                                       " ORDER BY id"));
    NT_ASSIGN_OR_RETURN(std::vector<StoredModel> models, scores_.Models());
    while (true) {
      NT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      NT_ASSIGN_OR_RETURN(Record r, ReadRow(s));
      if (!models.empty()) {
        NT_ASSIGN_OR_RETURN(r.scores, scores_.Get(s.Int(14)));
      }
      if (!fn(r)) break;
    }
    return Status::Ok();
  }

  Result<CorpusStats> Stats() override { return RunStats(db_, &scores_); }

  const FingerprintOptions& fingerprint_options() const override {
    return fingerprint_;
  }
  void set_fingerprint_options(const FingerprintOptions& o) {
    fingerprint_ = o;
  }

  Result<std::vector<TraceCandidate>> FindCandidates(
      const Fingerprint& f, const CandidateQuery& query) override {
    return index_.Candidates(f, query);
  }

  Status ForEachLshBucket(
      size_t max_bucket,
      const std::function<bool(std::vector<DocId>&)>& fn) override {
    return index_.ForEachBucket(max_bucket, fn);
  }

  Result<bool> Remove(DocId id) override {
    if (!in_batch_) return Status::Internal("Remove outside a batch");
    NT_ASSIGN_OR_RETURN(
        Stmt s, Stmt::Prepare(db_,
                              "SELECT seq, title, body, text, blocks FROM "
                              "documents WHERE id = ?1"));
    s.BindInt(1, ToRowid(id));
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return false;
    const int64_t seq = s.Int(0);
    Article a;
    a.text = std::string(s.Text(3));
    NT_RETURN_IF_ERROR(BlocksFromJson(s.Text(4), &a));
    NT_ASSIGN_OR_RETURN(
        Stmt fts, Stmt::Prepare(db_,
                                "INSERT INTO documents_fts (documents_fts, "
                                "rowid, title, body) VALUES ('delete', ?1, "
                                "?2, ?3)"));
    fts.BindInt(1, seq);
    fts.BindText(2, s.Text(1));
    fts.BindText(3, s.Text(2));
    NT_RETURN_IF_ERROR(fts.Step().status());
    NT_RETURN_IF_ERROR(index_.Remove(seq, ComputeFingerprint(a, fingerprint_)));
    NT_RETURN_IF_ERROR(scores_.Remove(seq));
    NT_ASSIGN_OR_RETURN(
        Stmt del, Stmt::Prepare(db_, "DELETE FROM documents WHERE seq = ?1"));
    del.BindInt(1, seq);
    NT_RETURN_IF_ERROR(del.Step().status());
    return true;
  }

  // Fingerprints the documents stored before the trace index existed (a
  // corpus migrated from schema 1): those without a `signatures` row.
  Status IndexMissing() {
    NT_ASSIGN_OR_RETURN(
        Stmt s, Stmt::Prepare(db_,
                              "SELECT seq, text, blocks FROM documents WHERE "
                              "seq NOT IN (SELECT seq FROM signatures)"));
    NT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    NT_RETURN_IF_ERROR(BeginBatch());
    Status status;
    for (; row && status.ok();) {
      Article a;
      a.text = std::string(s.Text(1));
      status = BlocksFromJson(s.Text(2), &a);
      if (status.ok()) {
        status = index_.Insert(s.Int(0), ComputeFingerprint(a, fingerprint_));
      }
      if (status.ok()) {
        Result<bool> next = s.Step();
        status = next.status();
        row = status.ok() && *next;
      }
    }
    s = Stmt();
    if (!status.ok()) {
      in_batch_ = false;
      index_.DiscardPending();
      (void)Exec(db_, "ROLLBACK");
      return status;
    }
    return CommitBatch();
  }

 private:
  // The seq of stored document `id`, 0 when there is none.
  Result<int64_t> FindSeq(DocId id) {
    if (find_seq_.get() == nullptr) {
      NT_ASSIGN_OR_RETURN(
          find_seq_,
          Stmt::Prepare(db_, "SELECT seq FROM documents WHERE id = ?1"));
    }
    find_seq_.Reset();
    find_seq_.BindInt(1, ToRowid(id));
    NT_ASSIGN_OR_RETURN(bool row, find_seq_.Step());
    const int64_t seq = row ? find_seq_.Int(0) : 0;
    find_seq_.Reset();
    return seq;
  }

  static Result<Record> ReadRow(const Stmt& s) {
    Record r;
    Article& a = r.article;
    a.id = DocIdToString(FromRowid(s.Int(0)));
    a.source.url = std::string(s.Text(1));
    a.source.domain = std::string(s.Text(2));
    a.title = std::string(s.Text(3));
    a.authors = StringsFromJson(s.Text(4));
    a.published = std::string(s.Text(5));
    a.language = std::string(s.Text(6));
    a.source.label = std::string(s.Text(7));
    a.format = s.Text(8) == "html" ? Format::kHtml : Format::kText;
    a.source.fetched = std::string(s.Text(9));
    a.text = std::string(s.Text(10));
    NT_RETURN_IF_ERROR(BlocksFromJson(s.Text(11), &a));
    if (!s.IsNull(12)) {
      json d = json::parse(s.Text(12), nullptr, false);
      if (d.is_array()) {
        for (const json& x : d) {
          if (x.is_array() && x.size() == 2 && x[0].is_string() &&
              x[1].is_string()) {
            a.diagnostics.push_back(
                {x[0].get<std::string>(), x[1].get<std::string>()});
          }
        }
      }
    }
    return r;
  }

  // Writes the lengths of this batch's documents into `doclens` (rank.h):
  // one read-modify-write per chunk touched.
  Status FlushLengths() {
    if (pending_lens_.empty()) return Status::Ok();
    NT_ASSIGN_OR_RETURN(
        Stmt get,
        Stmt::Prepare(db_, "SELECT lens FROM doclens WHERE chunk = ?1"));
    NT_ASSIGN_OR_RETURN(Stmt put,
                        Stmt::Prepare(db_,
                                      "INSERT OR REPLACE INTO doclens (chunk, "
                                      "lens) VALUES (?1, ?2)"));
    size_t i = 0;
    while (i < pending_lens_.size()) {
      const int64_t chunk = pending_lens_[i].first / kLensPerChunk;
      std::vector<uint32_t> lens(static_cast<size_t>(kLensPerChunk), 0);
      get.Reset();
      get.BindInt(1, chunk);
      NT_ASSIGN_OR_RETURN(bool row, get.Step());
      if (row) {
        std::string_view blob = get.Blob(0);
        std::memcpy(lens.data(), blob.data(),
                    std::min(blob.size(), lens.size() * 4));
      }
      get.Reset();
      for (; i < pending_lens_.size() &&
             pending_lens_[i].first / kLensPerChunk == chunk;
           ++i) {
        // Zero means "unknown" to the ranking: store at least 1.
        lens[static_cast<size_t>(pending_lens_[i].first % kLensPerChunk)] =
            std::max<uint32_t>(1, pending_lens_[i].second);
      }
      put.Reset();
      put.BindInt(1, chunk);
      put.BindBlob(2, lens.data(), lens.size() * 4);
      NT_RETURN_IF_ERROR(put.Step().status());
      put.Reset();
    }
    pending_lens_.clear();
    return Status::Ok();
  }

  sqlite3* db_;
  TraceIndex index_;
  FingerprintOptions fingerprint_;
  store::DeferredIdf* deferred_idf_ = nullptr;  // owned by the connection
  bool in_batch_ = false;
  std::vector<std::pair<int64_t, uint32_t>> pending_lens_;  // (seq, tokens)
  std::string now_;
  Stmt insert_;
  Stmt insert_fts_;
  Stmt find_seq_;
  ScoreTable scores_;
};

}  // namespace
}  // namespace store

Result<std::unique_ptr<Corpus>> Corpus::Open(const std::string& path,
                                             const CorpusOptions& options) {
  if (path.empty()) return Status::InvalidArgument("empty corpus path");
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc =
      sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = rc == SQLITE_CANTOPEN && options.read_only
                   ? Status::NotFound("cannot open corpus " + path)
                   : store::SqliteError(db, rc, "open " + path);
    sqlite3_close_v2(db);
    return s;
  }
  auto corpus = std::make_unique<store::SqliteCorpus>(db);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  NT_ASSIGN_OR_RETURN(store::DeferredIdf * deferred,
                      store::RegisterRanking(db));
  corpus->set_deferred_idf(deferred);
  if (options.read_only) {
    NT_RETURN_IF_ERROR(store::CheckReadable(db));
    NT_ASSIGN_OR_RETURN(
        FingerprintOptions fp,
        store::LoadOrInitParams(db, options.fingerprint, /*writable=*/false));
    corpus->set_fingerprint_options(fp);
  } else {
    NT_RETURN_IF_ERROR(
        store::Exec(db,
                    // Set before anything is written: a new file gets big pages
                    // (articles are kilobytes; fewer overflow pages).
                    "PRAGMA page_size = 16384; "
                    "PRAGMA journal_mode = WAL; "
                    // Checkpoint less often than every 1000 pages: a
                    // bulk ingest otherwise copies its pages many times.
                    "PRAGMA wal_autocheckpoint = 4000; "
                    "PRAGMA cache_size = -65536; "
                    "PRAGMA synchronous = NORMAL; "
                    "PRAGMA foreign_keys = ON"));
    NT_RETURN_IF_ERROR(store::Migrate(db));
    NT_RETURN_IF_ERROR(store::Exec(db, "BEGIN IMMEDIATE"));
    Result<FingerprintOptions> fp =
        store::LoadOrInitParams(db, options.fingerprint, /*writable=*/true);
    if (!fp.ok()) {
      (void)store::Exec(db, "ROLLBACK");
      return fp.status();
    }
    NT_RETURN_IF_ERROR(store::Exec(db, "COMMIT"));
    corpus->set_fingerprint_options(*fp);
    NT_RETURN_IF_ERROR(corpus->IndexMissing());
  }
  return std::unique_ptr<Corpus>(std::move(corpus));
}

}  // namespace newstrace
