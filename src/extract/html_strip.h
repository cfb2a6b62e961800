// A cheap pre-pass before libxml2's HTML parser: empties the contents of
// <script> and <style> elements and of <!-- comments -->, which are half the
// bytes of a typical news page and which nothing downstream reads, so that
// libxml2 tokenizes, copies and frees far less.
//
// Contract: parsing the stripped text yields the same tree as parsing the
// original, except that script and style elements have no text child,
// comment nodes have empty content and (on request) some attributes have
// empty values or are missing. Scripts whose start tag mentions "json"
// (`<script type="application/ld+json">`) keep their text: metadata reads it.
// To keep that promise the pass follows libxml2 2.9's tokenizer (recovery
// mode) and at the first construct it is not sure of (an unterminated tag,
// script or comment, ...) copies the rest of the page unchanged: the worst
// case is no saving, never a different tree. html_strip_test.cc checks the
// contract against the linked libxml2; HtmlDocument::Parse does not call
// this pass with libxml2 2.14 or later, whose tokenizer follows HTML5.
#ifndef NEWSTRACE_EXTRACT_HTML_STRIP_H_
#define NEWSTRACE_EXTRACT_HTML_STRIP_H_

#include <string>
#include <string_view>

namespace newstrace::extract {

// Which attributes' values the pass keeps: a predicate on the lower-case
// attribute name, or nullptr (the default) for all of them.
using KeepAttribute = bool (*)(std::string_view name);

// Writes the stripped form of `html` to *out (replacing its contents) and
// returns true, or returns false and leaves *out unspecified when there was
// nothing to strip (the caller parses `html` itself). With `keep_attribute`,
// the quoted values of start-tag attributes it rejects come out empty too
// (`srcset=""`): for a reader that never looks at them, which saves libxml2
// its slowest loop (attribute values go one character at a time). Never
// fails; linear in the size of `html`. Thread-safe.
// With `drop_attributes` as well, such attributes are dropped whole (the
// name, '=' and the quoted value) instead: the tree then lacks them, as a
// tree builder that keeps only `keep_attribute`'s attributes (HtmlDocument)
// would build it anyway, and libxml2 is spared their names too.
bool StripRawText(std::string_view html, std::string* out,
                  KeepAttribute keep_attribute = nullptr,
                  bool drop_attributes = false);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_STRIP_H_
