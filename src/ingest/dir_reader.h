// DirReader: every file below a directory, recursively, in sorted path
// order, each read by the reader its extension selects (OpenFileReader).
#ifndef NEWSTRACE_INGEST_DIR_READER_H_
#define NEWSTRACE_INGEST_DIR_READER_H_

#include <memory>
#include <string>

#include "base/file_io.h"
#include "newstrace/reader.h"

namespace newstrace::ingest {

// Hidden files and directories (a name starting with '.') are left out.
// Files that FileKindOf() marks kSkip (images, archives, other gzip, ...)
// are counted in stats().skipped. A file that cannot be opened or read,
// and a directory that cannot be listed, is counted malformed
// ("unreadable") and the walk goes on. The files' readers' counts and
// problems are added into this reader's stats() as they happen.
class DirReader : public DocumentReader {
 public:
  // Lists `dir`. Fails with kNotFound, kInvalidArgument (not a directory)
  // or kIoError.
  static Result<std::unique_ptr<DocumentReader>> Open(
      const std::string& dir, const ReaderOptions& options);

  // Fails with kCorruption on the first malformed record when strict.
  Result<bool> Next(RawDoc* doc) override;
  uint64_t bytes_read() const override;
  uint64_t bytes_total() const override { return total_; }

 private:
  DirReader(base::DirListing listing, const ReaderOptions& options);
  // Adds what the current file's reader counted since the last call.
  void SyncChildStats();
  // Closes the current file's reader and moves to the next file.
  void FinishChild();

  const base::DirListing listing_;
  const ReaderOptions options_;
  size_t next_ = 0;           // index of the next file to open
  size_t problems_done_ = 0;  // listing problems counted so far
  std::unique_ptr<DocumentReader> child_;
  ReadStats child_seen_;     // child_'s counts already added
  uint64_t done_bytes_ = 0;  // sizes of the files finished
  uint64_t total_ = 0;
};

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_DIR_READER_H_
