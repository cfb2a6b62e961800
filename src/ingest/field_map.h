// Mapping a structured record's fields (JSON keys, CSV columns) onto a
// RawDoc, shared by the JSON, JSON Lines and CSV readers.
#ifndef NEWSTRACE_INGEST_FIELD_MAP_H_
#define NEWSTRACE_INGEST_FIELD_MAP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/document.h"
#include "newstrace/reader.h"

namespace newstrace::ingest {

// The record's keys that a candidate list names, as indices into `keys`,
// in candidate order (then key order for duplicate keys). Names match ASCII
// case-insensitively after trimming spaces. A caller takes the first index
// whose value is non-empty.
std::vector<size_t> CandidateIndices(const std::vector<std::string_view>& keys,
                                     const std::vector<std::string>& names);

// The document fields of one record, already UTF-8, empty when absent.
struct RecordValues {
  std::string text;
  std::string html;  // used only when `text` is empty
  std::string title;
  std::string url;
  std::string published;
  std::string domain;
  std::string label;
  std::string fetched;
  std::vector<std::string> authors;
};

// Fills *doc from `values`: bytes and format from text (kText) or else html
// (kHtml), charset "utf-8", and the Source fields; `default_label` when the
// record has no label of its own; a domain that is a URL reduced to its
// host. Leaves `doc->id` alone. Returns false (doc unspecified) when the
// record has neither text nor html that is non-blank, unless
// `title_as_text` and the title is non-blank: the title is then the text.
bool BuildRecordDocument(RecordValues values, std::string_view default_label,
                         RawDoc* doc, bool title_as_text = false);

// Splits an authors string on commas, semicolons and the word "and" (as in
// "A, B and C"), trimming each name and dropping empty ones.
std::vector<std::string> SplitAuthors(std::string_view s);

// "YYYY-MM-DD" (UTC) for a Unix time given in seconds, or in milliseconds
// when the value is too large to be seconds; nullopt for values outside
// 1970-2100.
std::optional<std::string> EpochToIsoDate(double value);

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_FIELD_MAP_H_
