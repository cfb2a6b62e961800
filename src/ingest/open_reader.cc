// OpenReader (reader.h): the dispatch from a path to a reader, and the
// DocumentReader base's counting.
#include "ingest/open_reader.h"

#include "base/file_io.h"
#include "base/strings.h"
#include "ingest/csv_reader.h"
#include "ingest/dir_reader.h"
#include "ingest/json_reader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/single_reader.h"
#include "ingest/warc_reader.h"

namespace newstrace {

void DocumentReader::CountMalformed(std::string code, std::string message) {
  ++stats_.malformed;
  if (stats_.problems.size() < ReadStats::kMaxProblems) {
    stats_.problems.push_back({std::move(code), std::move(message)});
  }
}

Status DocumentReader::Malformed(std::string code, std::string message,
                                 bool strict) {
  std::string copy = strict ? message : std::string();
  CountMalformed(std::move(code), std::move(message));
  return strict ? Status::Corruption(std::move(copy)) : Status::Ok();
}

namespace ingest {
namespace {

constexpr std::string_view kSkipExtensions[] = {
    ".gz",     ".png",  ".jpg", ".jpeg", ".gif",  ".webp", ".bmp",   ".ico",
    ".tif",    ".tiff", ".svg", ".pdf",  ".zip",  ".tar",  ".tgz",   ".bz2",
    ".xz",     ".zst",  ".7z",  ".rar",  ".mp3",  ".mp4",  ".m4a",   ".mov",
    ".avi",    ".mkv",  ".wav", ".ogg",  ".webm", ".woff", ".woff2", ".ttf",
    ".otf",    ".eot",  ".exe", ".dll",  ".so",   ".o",    ".a",     ".class",
    ".jar",    ".pyc",  ".bin", ".mat",  ".pkl",  ".npy",  ".npz",   ".parquet",
    ".sqlite", ".docx", ".css", ".js"};

}  // namespace

FileKind FileKindOf(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string name = base::AsciiLower(
      slash == std::string_view::npos ? path : path.substr(slash + 1));
  std::string_view n = name;
  bool gz = base::EndsWith(n, ".gz");
  if (gz) n.remove_suffix(3);
  if (base::EndsWith(n, ".warc")) return FileKind::kWarc;
  if (base::EndsWith(n, ".jsonl") || base::EndsWith(n, ".ndjson")) {
    return FileKind::kJsonl;
  }
  if (base::EndsWith(n, ".json")) return FileKind::kJson;
  if (base::EndsWith(n, ".csv")) return FileKind::kCsv;
  if (base::EndsWith(n, ".tsv")) return FileKind::kTsv;
  if (!gz) {
    if (base::EndsWith(n, ".txt") || base::EndsWith(n, ".text")) {
      return FileKind::kText;
    }
    if (base::EndsWith(n, ".html") || base::EndsWith(n, ".htm") ||
        base::EndsWith(n, ".xhtml")) {
      return FileKind::kHtml;
    }
  }
  for (std::string_view ext : kSkipExtensions) {
    if (base::EndsWith(name, ext)) return FileKind::kSkip;
  }
  return FileKind::kOther;
}

Result<std::unique_ptr<DocumentReader>> OpenFileReader(
    const std::string& path, FileKind kind, uint64_t size,
    const ReaderOptions& options) {
  switch (kind) {
    case FileKind::kJson:
      return JsonReader::Open(path, options);
    case FileKind::kJsonl:
      return JsonlReader::Open(path, options);
    case FileKind::kCsv:
      return CsvReader::Open(path, ',', options);
    case FileKind::kTsv:
      return CsvReader::Open(path, '\t', options);
    case FileKind::kWarc:
      return WarcReader::Open(path, options);
    case FileKind::kText:
      return std::unique_ptr<DocumentReader>(
          new SingleReader(path, Format::kText, false, size, options));
    case FileKind::kHtml:
      return std::unique_ptr<DocumentReader>(
          new SingleReader(path, Format::kHtml, false, size, options));
    case FileKind::kSkip:
    case FileKind::kOther:
      break;
  }
  return std::unique_ptr<DocumentReader>(
      new SingleReader(path, Format::kUnknown, true, size, options));
}

}  // namespace ingest

Result<std::unique_ptr<DocumentReader>> OpenReader(
    const std::string& path, const ReaderOptions& options) {
  if (path.empty()) return Status::InvalidArgument("empty input path");
  if (path == "-") {
    return std::unique_ptr<DocumentReader>(
        new ingest::SingleReader(path, Format::kUnknown, false, 0, options));
  }
  NT_ASSIGN_OR_RETURN(base::FileInfo info, base::Stat(path));
  if (info.type == base::FileType::kDirectory) {
    return ingest::DirReader::Open(path, options);
  }
  return ingest::OpenFileReader(path, ingest::FileKindOf(path), info.size,
                                options);
}

}  // namespace newstrace
