// HTML main-content extraction: the page's visible text as labeled blocks.
#ifndef NEWSTRACE_EXTRACT_MAIN_CONTENT_H_
#define NEWSTRACE_EXTRACT_MAIN_CONTENT_H_

#include <cstddef>

#include "extract/html_document.h"
#include "extract/metadata.h"
#include "newstrace/document.h"

namespace newstrace::extract {

struct MainContentOptions {
  // Deepest element nesting walked; deeper content is dropped with a
  // "depth_cap" diagnostic. Default: 512.
  size_t max_depth = 512;
};

// Walks `doc`'s visible text into blocks (one per paragraph-level element),
// labels each with a BlockKind, and appends them to article->text and
// article->blocks (blocks joined by "\n\n"). The body (paragraph and heading
// blocks) is the page's main content; the rest is labeled boilerplate.
void ExtractHtmlBlocks(const HtmlDocument& doc, const HtmlMetadata& meta,
                       const MainContentOptions& options, Article* article);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_MAIN_CONTENT_H_
