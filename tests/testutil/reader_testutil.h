// Test-only helpers for the ingest readers' tests: temporary files, gzip
// members, and reading a whole input through a DocumentReader.
#ifndef NEWSTRACE_TESTS_TESTUTIL_READER_TESTUTIL_H_
#define NEWSTRACE_TESTS_TESTUTIL_READER_TESTUTIL_H_

#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/reader.h"

namespace newstrace::testutil {

// A fresh directory under the system temp dir, removed with its contents
// when the object dies.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("newstrace_readers_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string path() const { return path_.string(); }

  // Writes `bytes` to `name` (creating parent directories) and returns the
  // file's full path.
  std::string Write(const std::string& name, std::string_view bytes) const {
    std::filesystem::path p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// `data` as one complete gzip member.
inline std::string Gzip(std::string_view data, int level = 6) {
  z_stream zs{};
  deflateInit2(&zs, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// Everything a reader yields.
struct ReadResult {
  std::vector<RawDoc> docs;
  ReadStats stats;
  Status status;  // the first failure, or OK
  bool HasProblem(std::string_view code) const {
    for (const Diagnostic& d : stats.problems) {
      if (d.code == code) return true;
    }
    return false;
  }
};

// Reads `path` to its end (or first failure) with OpenReader.
inline ReadResult ReadAll(const std::string& path,
                          const ReaderOptions& options = ReaderOptions()) {
  ReadResult out;
  Result<std::unique_ptr<DocumentReader>> reader = OpenReader(path, options);
  if (!reader.ok()) {
    out.status = reader.status();
    return out;
  }
  while (true) {
    RawDoc doc;
    Result<bool> more = (*reader)->Next(&doc);
    if (!more.ok()) {
      out.status = more.status();
      break;
    }
    if (!*more) break;
    out.docs.push_back(std::move(doc));
  }
  out.stats = (*reader)->stats();
  return out;
}

inline ReaderOptions StrictOptions() {
  ReaderOptions o;
  o.strict = true;
  return o;
}

}  // namespace newstrace::testutil

#endif  // NEWSTRACE_TESTS_TESTUTIL_READER_TESTUTIL_H_
