// Plain-text cleaning: splits the text of an already-extracted article
// (research corpora ship such text) into blocks and labels each one.
#ifndef NEWSTRACE_EXTRACT_TEXT_BLOCKS_H_
#define NEWSTRACE_EXTRACT_TEXT_BLOCKS_H_

#include <cstddef>

#include "newstrace/document.h"

namespace newstrace::extract {

struct TextBlocksOptions {
  // Hard-wrapped text (paragraphs wrapped at a fixed width, separated by
  // blank lines) is recognized when its longest wrapped line has between
  // min_wrap_width (default 30) and max_wrap_width (default 160) code
  // points; each wrapped paragraph then becomes one block.
  size_t min_wrap_width = 30;
  size_t max_wrap_width = 160;
  // How many bytes of body text feed the vocabulary that tells the
  // article's own lines from appended headlines (default 1 MiB): a cap, so
  // that a 50 MB text costs no more than a long article.
  size_t max_vocabulary_bytes = size_t{1} << 20;
};

// Splits article->text into blocks and labels each: title, byline,
// dateline, paragraph, heading, caption (a fused photo credit split off as
// its own credit block), credit, tag_line, related_link, navigation,
// advertisement, comment, other. Also fills article->title and, when a
// byline or dateline states them, article->authors and article->published.
// Blocks are in order, do not overlap, and cover every byte of the text but
// spaces, tabs and newlines: nothing is lost. A paragraph block is its input
// line (or wrapped lines) trimmed of surrounding spaces. Linear time.
// REQUIRES: article->text is normalized UTF-8 (DecodeToUtf8).
void ClassifyTextBlocks(const TextBlocksOptions& options, Article* article);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_TEXT_BLOCKS_H_
