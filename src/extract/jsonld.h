// JSON-LD (<script type="application/ld+json">) as schema.org nodes, parsed
// with simdjson.
//
// A page may hold several scripts, each one object, an array, an "@graph",
// or (malformed) several objects in a row. Every object with an "@type" at
// any depth becomes a JsonLdNode with the few properties metadata needs.
// Malformed text (trailing commas, raw control characters in strings, HTML
// entities for quotes, HTML comment wrappers, concatenated objects) gets one
// cleaned retry; what still fails is skipped silently.
#ifndef NEWSTRACE_EXTRACT_JSONLD_H_
#define NEWSTRACE_EXTRACT_JSONLD_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newstrace::extract {

// One typed schema.org object. Strings are as written in the JSON (HTML
// entities not decoded); empty when absent.
struct JsonLdNode {
  std::vector<std::string> types;  // "@type" values, e.g. "NewsArticle"
  std::string id;                  // "@id"
  std::string headline;            // "headline"
  std::string name;                // "name"
  // "author" (else "creator"): names of Person objects, plain strings and
  // untyped objects with a name, in order. A string may name several people
  // ("A and B"); callers split it.
  std::vector<std::string> authors;
  // Names of Organization-typed authors, kept apart from persons.
  std::vector<std::string> author_orgs;
  std::string date_published;  // "datePublished"
  std::string date_created;    // "dateCreated"
  std::string date_modified;   // "dateModified"
  std::string publisher;       // the publisher's "name"
  std::string url;             // "url"
  std::string in_language;     // "inLanguage"
  std::string description;     // "description"
  // True for an object at a script's top level, in "@graph" or in
  // "mainEntity"; false for one nested in another property (a related
  // article in "itemListElement", an author's "worksFor").
  bool top_level = false;
};

// Collects the nodes of all JSON-LD scripts of one page. Not thread-safe;
// one reader per page.
class JsonLdReader {
 public:
  // Parses the text of one script and keeps its nodes. Returns false when
  // the text is not JSON even after cleaning (nothing is kept then).
  bool Add(std::string_view script_text);

  // Resolves "@id" references ("author": {"@id": "#person-1"}) against the
  // nodes of every script added so far. Call once, after the last Add.
  void Finish();

  // The nodes in document order.
  const std::vector<JsonLdNode>& nodes() const { return nodes_; }

 private:
  struct Ref {
    size_t node;  // index into nodes_
    std::string id;
    bool publisher;  // true: a publisher reference, false: an author
  };
  std::vector<JsonLdNode> nodes_;
  std::vector<Ref> refs_;
  friend class JsonLdWalker;
};

// Rewrites malformed JSON-LD into text simdjson can parse: drops HTML
// comment and CDATA wrappers, decodes &quot;-escaped JSON, turns raw
// control characters inside strings into spaces, drops trailing commas and
// bad escapes ("\'"), and joins several top-level values into one array.
// Exposed for tests.
std::string CleanJsonLd(std::string_view text);

// True for schema.org article types: Article, NewsArticle, BlogPosting,
// ReportageNewsArticle, ... (any type ending in "Article", plus postings and
// reports).
bool IsArticleType(std::string_view type);

// True for other creative works that carry an author and a date the way
// articles do: Recipe, HowTo, Review, VideoObject, PodcastEpisode, ...
bool IsContentType(std::string_view type);

// True for WebPage and its subtypes (ItemPage, AboutPage, ...).
bool IsPageType(std::string_view type);

// True for Organization and its common subtypes (NewsMediaOrganization,
// Corporation, ...).
bool IsOrganizationType(std::string_view type);

// True for types naming an organization that is not also a person (Yoast
// types a personal blog's owner ["Person", "Organization"]).
bool IsOrganizationOnly(const std::vector<std::string>& types);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_JSONLD_H_
