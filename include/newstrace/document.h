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
#include <utility>
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

// What a quotation is (QuoteKindName: "full", "partial", "scare").
//   full:    a sentence or more of someone's words ("...", he said.)
//   partial: a phrase quoted inside reported speech (said their "success")
//   scare:   a phrase quoted to distance the writer from it, or a single-
//            quoted phrase in a headline; not speech.
enum class QuoteKind { kFull, kPartial, kScare };
std::string_view QuoteKindName(QuoteKind kind);

// How a quote's speaker (or addressee) was found (PersonRefViaName).
//   name:         a name in the attribution (Mr Putin said)
//   pronoun:      a pronoun (he said) resolved to an earlier person
//   role:         a role noun phrase (the Russian president said) resolved
//                 through the article's own apposition or title + name
//   continuation: no attribution of its own; the previous quote's speaker
//                 in the same or the preceding paragraph
enum class RefVia { kName, kPronoun, kRole, kContinuation };
std::string_view RefViaName(RefVia via);

// Who said (or was told) something. `span` is the mention in the text that
// the attribution used ("he", "the Russian president", "Mr Putin"). `name`
// is the canonical name of the person or organization it refers to, empty
// when the mention could not be resolved (reported as such, never guessed).
struct PersonRef {
  std::string name;
  Span span;
  RefVia via = RefVia::kName;
  bool resolved() const { return !name.empty(); }
};

// One quotation. `span` covers the quoted words without the quote marks; a
// quote that runs over several paragraphs (a mark reopening each one) is one
// quote whose span holds the paragraph breaks. `cue` is the attribution
// phrase (said, told, according to, in a statement), empty when none.
// Speaker absent: "speaker unknown".
struct Quote {
  QuoteKind kind = QuoteKind::kFull;
  Span span;
  Span cue;
  std::optional<PersonRef> speaker;
  std::optional<PersonRef> addressee;
};

// EntityTypeName: "person", "organization", "place".
enum class EntityType { kPerson, kOrganization, kPlace };
std::string_view EntityTypeName(EntityType type);

// A person, organization or place, with every mention of it in the text
// (in text order). `name` is canonical: the fullest form the article uses
// for a person (Vladimir Putin for Putin, Mr Putin), the gazetteer's name
// for a known place or organization.
struct Entity {
  std::string name;
  EntityType type = EntityType::kPerson;
  std::vector<Span> mentions;
};

// FigureKindName: "number", "date".
enum class FigureKind { kNumber, kDate };
std::string_view FigureKindName(FigureKind kind);

// A number with its unit and scale ("2.3 million people": value 2300000,
// unit "people"; "seven-year": value 7, unit "year"; "$5bn": value 5e9,
// unit "USD"; "40%": unit "percent"), or a date ("November 2017": date
// "2017-11"; "Thursday": date "Thursday", relative).
struct Figure {
  FigureKind kind = FigureKind::kNumber;
  Span span;
  double value = 0;       // numbers: the value with its scale applied
  std::string unit;       // numbers: the counted noun or unit, may be empty
  std::string date;       // dates: YYYY, YYYY-MM, YYYY-MM-DD, or the weekday /
                          // relative word ("Thursday", "yesterday")
  bool relative = false;  // dates: needs the article's date to resolve
};

// One named, documented numeric feature of an article's style, sourcing or
// page (docs/format/signals.md): a 0/1 flag, a capped count, a rate per 100
// body words, a share in [0, 1] or a score. `name` is a stable snake_case
// name from SignalCatalog() (analyze.h) and points into that catalogue's
// static storage, so a Signal is two words and a record's signals cost no
// allocation per name; build one only with a name of static storage
// duration (a catalogue name or a string literal).
struct Signal {
  std::string_view name;
  double value = 0;
};

// A classifier's verdict on a record as the corpus keeps it (`ingest
// --model`): the label, its calibrated probability and every label's.
// The reasons are not kept; `newstrace score` gives them.
struct ModelScore {
  std::string model;       // the model's name in the corpus ("clickbait")
  std::string label;       // its most probable label
  double probability = 0;  // that label's probability
  std::vector<std::pair<std::string, double>> probabilities;  // every label
};

// An Article with everything computed from it.
struct Record {
  Article article;
  std::vector<Quote> quotes;     // in text order
  std::vector<Entity> entities;  // in order of first mention
  std::vector<Figure> figures;   // in text order
  // In SignalCatalog() order, one per catalogue entry; empty when signals
  // were not computed.
  std::vector<Signal> signals;
  // By model name; empty unless scored (ingest --model) or read from a
  // corpus that holds scores.
  std::vector<ModelScore> scores;
};

}  // namespace newstrace

#endif  // NEWSTRACE_DOCUMENT_H_
