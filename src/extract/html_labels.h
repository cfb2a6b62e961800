// Labels for the blocks of an HTML page once its content region is known,
// and their emission into an Article (with caption credits split off).
#ifndef NEWSTRACE_EXTRACT_HTML_LABELS_H_
#define NEWSTRACE_EXTRACT_HTML_LABELS_H_

#include <cstdint>
#include <vector>

#include "extract/html_blocks.h"
#include "extract/metadata.h"
#include "newstrace/document.h"

namespace newstrace::extract {

// Sets HtmlBlock::kind for every block of `page`. `roots` has one flag per
// element: the selected content containers (main_content.cc). Blocks inside
// them are body (paragraph, heading) unless their own markup or text says
// otherwise (a share box, a caption, an "Advertisement" label, a list of
// links); blocks outside are boilerplate, labeled by their markup and text
// (navigation, related_link, comment, advertisement, byline, dateline,
// tag_line, caption, other). The heading that matches meta.title is the
// title wherever it is.
// REQUIRES: roots.size() == page->elements.size().
void LabelBlocks(const std::vector<uint8_t>& roots, const HtmlMetadata& meta,
                 HtmlPage* page);

// Appends the labeled blocks of `page` to article->text (joined by "\n\n")
// and article->blocks. A caption with a credit (marked up as one, fused
// like "GETTYThe leaders...", or trailing like "(Photo: AP)") becomes a
// caption block and an adjacent credit block, and Block::credit of the
// caption names it.
void AppendBlocks(const HtmlPage& page, Article* article);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_LABELS_H_
