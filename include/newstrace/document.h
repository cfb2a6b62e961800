// The core data types that flow through newstrace (ARCHITECTURE.md):
//
//   bytes --ingest--> RawDoc --extract--> Article --analyze--> Record
//
// All are plain values. Spans are byte offsets into Article::text, the one
// normalized UTF-8 text of an article, so a viewer can highlight any block.
#ifndef NEWSTRACE_DOCUMENT_H_
#define NEWSTRACE_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newstrace {

// The syntax of a raw document's bytes.
enum class Format { kUnknown, kText, kHtml };

// "text", "html" or "unknown".
std::string_view FormatName(Format format);

// Where a document came from. Every field is optional: empty when unknown.
struct Source {
  std::string url;
  std::string domain;
  std::string published;  // as given by the source, ISO 8601 when known
  std::string fetched;    // when it was fetched (e.g. WARC-Date), ISO 8601
  std::string label;      // a free label supplied by the user or data set
  // Metadata a structured input (JSONL, CSV, JSON) declares for the
  // document. When set they win over what extraction finds in the text.
  std::string title;
  std::vector<std::string> authors;
};

// One document as read: bytes plus what the reader knows about them.
struct RawDoc {
  std::string id;     // the reader's name for it (path, "-", record id)
  std::string bytes;  // undecoded, as read
  Format format = Format::kUnknown;  // kUnknown: detect
  std::string charset;               // declared or known charset; empty: detect
  Source source;
};

// A half-open byte range [begin, end) into Article::text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// What a block of an article is. Body kinds are kParagraph and kHeading; the
// others are metadata or boilerplate. The names (BlockKindName) are part of
// the JSON contract (docs/format/record.md).
enum class BlockKind {
  kTitle,
  kByline,
  kDateline,
  kParagraph,
  kHeading,  // a sub-heading inside the body
  kCaption,
  kCredit,  // a photo credit split off a caption
  kTagLine,
  kRelatedLink,
  kNavigation,
  kAdvertisement,
  kComment,  // a reader comment
  kOther,
};

// "paragraph", "tag_line", ... (lower_snake_case).
std::string_view BlockKindName(BlockKind kind);
// The kind named `name`, or nullopt.
std::optional<BlockKind> BlockKindFromName(std::string_view name);
// True for the kinds that make up the article's body text.
bool IsBodyKind(BlockKind kind);

struct Block {
  BlockKind kind = BlockKind::kOther;
  Span span;
  // For a caption: the photo credit split off it ("GETTY"), else empty. The
  // credit also appears as its own kCredit block.
  std::string credit;
};

// A problem found in a document that did not stop its processing.
struct Diagnostic {
  std::string code;     // stable lower_snake_case, e.g. "invalid_utf8"
  std::string message;  // one line for a person
};

// A cleaned article: one normalized text and its labeled blocks, in order and
// non-overlapping. Fields are empty when unknown, never invented.
struct Article {
  std::string id;
  std::string text;
  std::vector<Block> blocks;
  std::string title;
  std::vector<std::string> authors;
  std::string published;  // YYYY-MM-DD (or a longer ISO 8601 form) or empty
  std::string language;   // ISO 639-1 code from CLD2, or empty when unsure
  Format format = Format::kUnknown;  // what the input was
  Source source;
  std::vector<Diagnostic> diagnostics;

  std::string_view SpanText(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  // The body: paragraph and heading blocks joined by blank lines.
  std::string BodyText() const;
};

// An Article with everything computed from it. Quotes, entities, signals,
// signatures and scores join it as those modules land.
struct Record {
  Article article;
};

}  // namespace newstrace

#endif  // NEWSTRACE_DOCUMENT_H_
