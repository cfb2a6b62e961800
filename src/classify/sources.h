// Source lists (classify.h, SourceList): the parsers behind
// SourceList::Load and the table it hides. Internal to the classify module.
#ifndef NEWSTRACE_CLASSIFY_SOURCES_H_
#define NEWSTRACE_CLASSIFY_SOURCES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newstrace/classify.h"
#include "newstrace/result.h"

namespace newstrace {

class SourceList::Impl {
 public:
  std::string name;
  std::vector<SourceEntry> entries;               // file order
  std::unordered_map<std::string, size_t> index;  // domain -> entries[i]
};

namespace classify {

// One row as read, before domains are merged: the raw domain cell, the
// label cells and the note, with the 1-based line it starts on.
struct SourceRow {
  std::string domain;
  std::vector<std::string> labels;
  std::string note;
  size_t line = 0;
};

// Parses CSV with a header naming a domain column ("domain", "site",
// "source", "url", "host", or an empty first cell as OpenSources has), label
// columns ("label", "labels", "type", "2nd type", "3rd type") and an
// optional note column ("note", "notes", "Source Notes ..."). Quoted fields
// may hold commas, doubled quotes and line breaks. Rows whose cells are all
// blank are skipped. REQUIRES: `text` is valid UTF-8 without NUL bytes.
// Fails with kCorruption ("NAME:LINE: what") or kResourceExhausted (a row
// past options.max_record_bytes).
Result<std::vector<SourceRow>> ParseSourcesCsv(
    std::string_view text, std::string_view name,
    const SourceListOptions& options);

// Parses a JSON object of domain -> label string, array of label strings,
// or object with label fields ("type", "2nd type", "3rd type", "label",
// "labels") and a note field ("note", "notes", "Source Notes ..."). Fails
// with kCorruption ("NAME:LINE: what"; the line is the best guess simdjson's
// error allows) or kResourceExhausted (nesting past options.max_depth, a
// string past options.max_record_bytes).
Result<std::vector<SourceRow>> ParseSourcesJson(
    std::string_view text, std::string_view name,
    const SourceListOptions& options);

// The 1-based line of byte `offset` of `text`.
size_t LineAt(std::string_view text, size_t offset);

}  // namespace classify
}  // namespace newstrace

#endif  // NEWSTRACE_CLASSIFY_SOURCES_H_
