// The corpus schema and its migrations (docs/format/store.md).
#ifndef NEWSTRACE_STORE_SCHEMA_H_
#define NEWSTRACE_STORE_SCHEMA_H_

#include <sqlite3.h>

#include "newstrace/status.h"

namespace newstrace::store {

// PRAGMA application_id of a newstrace corpus: "NTRC".
inline constexpr int kApplicationId = 0x4E545243;
// PRAGMA user_version written by this build.
inline constexpr int kSchemaVersion = 3;

// Brings the database to kSchemaVersion: creates the schema in an empty
// database, runs each migration in order otherwise, all in one transaction.
// Fails with kCorruption for a database that is not a newstrace corpus or
// has a newer schema than this build knows.
Status Migrate(sqlite3* db);

// Checks, without writing, that `db` is a corpus this build can read.
Status CheckReadable(sqlite3* db);

}  // namespace newstrace::store

#endif  // NEWSTRACE_STORE_SCHEMA_H_
