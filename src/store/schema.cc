// Schema creation and migrations. Each schema version has one migration
// step from the previous; a new version appends a step and never edits an
// old one, so any older corpus can be brought forward.
#include "store/schema.h"

#include <string>

#include "store/sqlite_util.h"

namespace newstrace::store {
namespace {

// Version 0 -> 1: the first schema.
constexpr const char kV1[] = R"sql(
CREATE TABLE documents (
  seq         INTEGER PRIMARY KEY,  -- insertion order: rows append, fast
  id          INTEGER NOT NULL UNIQUE,  -- ContentId: XXH3-64 of text, signed
  hash        BLOB NOT NULL,        -- XXH3-128 of text, to catch collisions
  url         TEXT,
  domain      TEXT,
  title       TEXT,
  authors     TEXT,                 -- JSON array of names
  published   TEXT,                 -- ISO 8601 date (or date-time)
  language    TEXT,
  label       TEXT,
  format      TEXT NOT NULL,        -- 'text' or 'html': what was read
  fetched     TEXT,
  input       TEXT,                 -- the file it was read from
  text        TEXT NOT NULL,        -- Article::text, offsets refer to it
  body        TEXT NOT NULL,        -- body blocks joined: what FTS indexes
  blocks      TEXT NOT NULL,        -- JSON [[kind, begin, end(, credit)]...]
  diagnostics TEXT,                 -- JSON [[code, message]...] or NULL
  added       TEXT NOT NULL         -- when stored, ISO 8601 UTC
);
CREATE INDEX documents_domain ON documents(domain);
CREATE INDEX documents_published ON documents(published);
CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, body, content='documents', content_rowid='seq',
  tokenize='unicode61 remove_diacritics 2');
CREATE TABLE doclens (
  chunk    INTEGER PRIMARY KEY,     -- documents.seq / 1024
  lens     BLOB NOT NULL            -- 1024 little-endian uint32 token counts
);
CREATE TABLE inputs (
  path     TEXT PRIMARY KEY,        -- an input file as given to ingest
  stamp    TEXT NOT NULL,           -- its size and mtime when read
  done     INTEGER NOT NULL,        -- records of it committed, in order
  complete INTEGER NOT NULL         -- 1 when all of it was committed
);
)sql";

// Version 1 -> 2: the trace index (docs/format/store.md). Documents stored
// before it are fingerprinted when the corpus is next opened for writing
// (they have no `signatures` row).
constexpr const char kV2[] = R"sql(
CREATE TABLE trace_params (
  name     TEXT PRIMARY KEY,        -- shingle_size, num_hashes, family, ...
  value    TEXT NOT NULL
);
CREATE TABLE signatures (
  seq      INTEGER PRIMARY KEY,     -- documents.seq
  words    INTEGER NOT NULL,        -- body words fingerprinted
  minhash  BLOB NOT NULL            -- num_hashes 16-bit values, LE; empty: no words
);
CREATE TABLE lsh (
  key      INTEGER NOT NULL,        -- band << 40 | 40 bits of the band's hash
  seq      INTEGER NOT NULL,
  PRIMARY KEY (key, seq)
) WITHOUT ROWID;
CREATE TABLE reuse (
  key      INTEGER NOT NULL,        -- 40 bits of a sampled shingle's hash
  seq      INTEGER NOT NULL,
  PRIMARY KEY (key, seq)
) WITHOUT ROWID;
)sql";

// Version 2 -> 3: classifier scores (ingest --model; docs/format/store.md).
constexpr const char kV3[] = R"sql(
CREATE TABLE models (
  name     TEXT PRIMARY KEY,        -- the model's name in this corpus
  checksum TEXT NOT NULL,           -- XXH3-64 of the model file, 16 hex digits
  labels   TEXT NOT NULL,           -- JSON array, the model's order
  file     TEXT,                    -- the path it was first loaded from
  added    TEXT NOT NULL            -- ISO 8601 UTC
);
CREATE TABLE scores (
  seq         INTEGER NOT NULL,     -- documents.seq
  model       TEXT NOT NULL,        -- models.name
  label       TEXT NOT NULL,
  probability REAL NOT NULL,        -- calibrated, 0 to 1
  top         INTEGER NOT NULL,     -- 1 for the most probable label
  PRIMARY KEY (seq, model, label)
) WITHOUT ROWID;
CREATE INDEX scores_by_label ON scores(model, label, top, probability);
)sql";

constexpr const char* kMigrations[] = {kV1, kV2, kV3};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion);

Result<int64_t> PragmaInt(sqlite3* db, const char* pragma) {
  NT_ASSIGN_OR_RETURN(Stmt s,
                      Stmt::Prepare(db, std::string("PRAGMA ") + pragma));
  NT_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

Result<int64_t> TableCount(sqlite3* db) {
  NT_ASSIGN_OR_RETURN(Stmt s,
                      Stmt::Prepare(db, "SELECT count(*) FROM sqlite_master"));
  NT_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

// The corpus' version, or an error when it is not a corpus or too new.
Result<int64_t> Version(sqlite3* db) {
  NT_ASSIGN_OR_RETURN(int64_t app, PragmaInt(db, "application_id"));
  NT_ASSIGN_OR_RETURN(int64_t version, PragmaInt(db, "user_version"));
  if (app == 0) {
    NT_ASSIGN_OR_RETURN(int64_t tables, TableCount(db));
    if (tables == 0 && version == 0) return 0;  // empty: a new corpus
  }
  if (app != kApplicationId) {
    return Status::Corruption("not a newstrace corpus (SQLite application_id " +
                              std::to_string(app) + ")");
  }
  if (version > kSchemaVersion) {
    return Status::Corruption("corpus schema version " +
                              std::to_string(version) +
                              " is newer than this newstrace (" +
                              std::to_string(kSchemaVersion) + ")");
  }
  return version;
}

}  // namespace

Status Migrate(sqlite3* db) {
  NT_RETURN_IF_ERROR(Exec(db, "BEGIN IMMEDIATE"));
  Result<int64_t> version = Version(db);
  Status status = version.status();
  if (status.ok()) {
    for (int64_t v = *version; v < kSchemaVersion && status.ok(); ++v) {
      status = Exec(db, kMigrations[v]);
    }
    if (status.ok() && *version < kSchemaVersion) {
      status = Exec(
          db, "PRAGMA application_id = " + std::to_string(kApplicationId) +
                  "; PRAGMA user_version = " + std::to_string(kSchemaVersion));
    }
  }
  if (!status.ok()) {
    (void)Exec(db, "ROLLBACK");
    return status;
  }
  return Exec(db, "COMMIT");
}

Status CheckReadable(sqlite3* db) {
  NT_ASSIGN_OR_RETURN(int64_t version, Version(db));
  if (version != kSchemaVersion) {
    return Status::Corruption(
        version == 0 ? std::string("empty database, not a newstrace corpus")
                     : "corpus schema version " + std::to_string(version) +
                           " needs a migration: open it once for writing");
  }
  return Status::Ok();
}

}  // namespace newstrace::store
