// Choosing a reader for a file by its name: the per-extension dispatch
// behind OpenReader (reader.h), shared with DirReader.
#ifndef NEWSTRACE_INGEST_OPEN_READER_H_
#define NEWSTRACE_INGEST_OPEN_READER_H_

#include <memory>
#include <string>
#include <string_view>

#include "newstrace/reader.h"

namespace newstrace::ingest {

enum class FileKind {
  kText,   // .txt .text
  kHtml,   // .html .htm .xhtml
  kJson,   // .json (.gz)
  kJsonl,  // .jsonl .ndjson (.gz)
  kCsv,    // .csv (.gz)
  kTsv,    // .tsv (.gz)
  kWarc,   // .warc (.gz)
  kSkip,   // not documents: images, audio, video, fonts, archives, office
           // files, other .gz, compiled code, data dumps, .css/.js
  kOther,  // anything else: one document, format sniffed
};

// The kind of file `path` names, from its extension (case-insensitive).
FileKind FileKindOf(std::string_view path);

// Opens the reader for a file of kind `kind` (kSkip is read as kOther).
// `size` is the file's size when known, else 0. Fails as
// base::ReadableFile::Open.
Result<std::unique_ptr<DocumentReader>> OpenFileReader(
    const std::string& path, FileKind kind, uint64_t size,
    const ReaderOptions& options);

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_OPEN_READER_H_
