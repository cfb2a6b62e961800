// File and stream reading with a size cap. The only place (with the CLI's
// output) where newstrace touches the file system.
#ifndef NEWSTRACE_BASE_FILE_IO_H_
#define NEWSTRACE_BASE_FILE_IO_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newstrace/result.h"

namespace newstrace::base {

// Reads the whole file at `path`. Fails with kNotFound when it does not
// exist, kInvalidArgument for a directory, kIoError when it cannot be read,
// and kResourceExhausted when it is larger than `max_bytes`.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes);

// Reads `stream` to its end, failing with kResourceExhausted past
// `max_bytes`. Does not close the stream.
Result<std::string> ReadStream(std::FILE* stream, size_t max_bytes);

// Writes `bytes` to `path` through a temporary file in the same folder,
// renamed over `path` when complete, so readers never see half a file.
// Fails with kIoError.
Status WriteFileAtomic(const std::string& path, std::string_view bytes);

// What a path names.
enum class FileType { kRegular, kDirectory, kOther };

struct FileInfo {
  FileType type = FileType::kOther;
  uint64_t size = 0;  // bytes, for a regular file
};

// Describes the file at `path`, following symbolic links. Fails with
// kNotFound when nothing is there and kIoError when it cannot be examined.
Result<FileInfo> Stat(const std::string& path);

// A file opened for sequential reading. Not thread-safe.
class ReadableFile {
 public:
  // Opens `path` for reading; "-" is standard input (never closed). Fails
  // with kNotFound, kInvalidArgument (a directory) or kIoError.
  static Result<std::unique_ptr<ReadableFile>> Open(const std::string& path);
  ~ReadableFile();
  ReadableFile(const ReadableFile&) = delete;
  ReadableFile& operator=(const ReadableFile&) = delete;

  // Reads up to `n` bytes into `buf`, retrying short reads of pipes only as
  // the OS returns them. Returns the count read, 0 at the end of the file.
  // Fails with kIoError.
  Result<size_t> Read(char* buf, size_t n);

  const std::string& path() const { return path_; }
  // The file's size when it is a regular file, else 0 (unknown).
  uint64_t size() const { return size_; }

 private:
  ReadableFile(std::string path, int fd, uint64_t size)
      : path_(std::move(path)), fd_(fd), size_(size) {}
  std::string path_;
  int fd_;
  uint64_t size_;
};

// One file found by ListFilesRecursive.
struct ListedFile {
  std::string path;  // `dir` joined with the relative path
  uint64_t size = 0;
};

struct DirListing {
  std::vector<ListedFile> files;  // regular files, sorted by path
  // Entries that could not be examined or listed, as "path: why".
  std::vector<std::string> problems;
};

// Lists the regular files below `dir`, recursively, sorted by path (byte
// order). Entries whose name starts with '.' are skipped with everything
// below them; symbolic links to files are listed, links to directories are
// not followed; other entries (sockets, FIFOs, devices) are left out. An
// unreadable subdirectory becomes a problem, not a failure. Fails with
// kNotFound or kInvalidArgument (not a directory) for `dir` itself.
Result<DirListing> ListFilesRecursive(const std::string& dir);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_FILE_IO_H_
