// Plain-text cleaning: classifies the lines of an already-extracted article.
#ifndef NEWSTRACE_EXTRACT_TEXT_BLOCKS_H_
#define NEWSTRACE_EXTRACT_TEXT_BLOCKS_H_

#include "newstrace/document.h"

namespace newstrace::extract {

struct TextBlocksOptions {
  // (options join here as rules need them; every field documents its default)
};

// Splits article->text into blocks and labels each (see extract.h). Also
// fills article->title and, when a byline or dateline states them,
// article->authors and article->published. Blocks are in order, do not
// overlap, and cover every non-space byte of the text: nothing is lost.
// REQUIRES: article->text is normalized UTF-8 (DecodeToUtf8).
void ClassifyTextBlocks(const TextBlocksOptions& options, Article* article);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_TEXT_BLOCKS_H_
