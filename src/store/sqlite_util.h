// Thin RAII wrappers over the SQLite C API, for the store module only (the
// one module that knows SQL).
#ifndef NEWSTRACE_STORE_SQLITE_UTIL_H_
#define NEWSTRACE_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "newstrace/result.h"
#include "newstrace/status.h"

namespace newstrace::store {

// A Status for SQLite result `rc` on `db`, prefixed with `what`.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// Runs one or more statements without results.
Status Exec(sqlite3* db, std::string_view sql);

// A prepared statement. Bind* take 1-based indexes; Step returns true while
// a row is available. Not copyable.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept {
    if (this != &o) {
      sqlite3_finalize(stmt_);
      db_ = o.db_;
      stmt_ = o.stmt_;
      o.stmt_ = nullptr;
    }
    return *this;
  }

  static Result<Stmt> Prepare(sqlite3* db, std::string_view sql);

  sqlite3_stmt* get() const { return stmt_; }

  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void BindText(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_TRANSIENT);
  }
  // Bind without a copy: `v` must stay valid until the statement is reset
  // (Reset() also unbinds).
  void BindTextStatic(int i, std::string_view v) {
    // An empty view may have a null data(): that would bind NULL.
    sqlite3_bind_text(stmt_, i, v.empty() ? "" : v.data(),
                      static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void BindBlobStatic(int i, std::string_view v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()),
                      SQLITE_STATIC);
  }
  // Binds NULL for an empty string.
  void BindTextOrNull(int i, std::string_view v) {
    if (v.empty()) {
      sqlite3_bind_null(stmt_, i);
    } else {
      BindText(i, v);
    }
  }
  void BindBlob(int i, const void* data, size_t n) {
    sqlite3_bind_blob(stmt_, i, data, static_cast<int>(n), SQLITE_TRANSIENT);
  }
  void BindInt(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindDouble(int i, double v) { sqlite3_bind_double(stmt_, i, v); }

  // True when a row is ready, false when done; an error otherwise.
  Result<bool> Step();

  std::string_view Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (p == nullptr) return {};
    return std::string_view(
        reinterpret_cast<const char*>(p),
        static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  std::string_view Blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_, col);
    if (p == nullptr) return {};
    return std::string_view(
        static_cast<const char*>(p),
        static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
  }
  bool IsNull(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace newstrace::store

#endif  // NEWSTRACE_STORE_SQLITE_UTIL_H_
