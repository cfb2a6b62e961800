// Shingles: hashes of every run of `size` consecutive words (case-folded),
// the sets that Jaccard similarity and containment are measured on.
#ifndef NEWSTRACE_TRACE_SHINGLES_H_
#define NEWSTRACE_TRACE_SHINGLES_H_

#include <cstdint>
#include <vector>

#include "newstrace/document.h"
#include "trace/tokens.h"

namespace newstrace::trace {

// The words of the article's body blocks (paragraphs and headings), in
// order, with offsets into article.text; all its words when it has no body.
std::vector<Token> BodyTokens(const Article& article);
// The words of the article's whole text.
std::vector<Token> TextTokens(const Article& article);

// The hash of each window of `size` words, in order: tokens.size() - size +
// 1 of them; one (of all the words) when there are fewer than `size` but at
// least one; none for no words. Hash i covers tokens [i, i + size).
// REQUIRES: size >= 1.
std::vector<uint64_t> ShingleHashes(const std::vector<Token>& tokens, int size);

// `hashes` sorted with duplicates removed.
std::vector<uint64_t> ShingleSet(std::vector<uint64_t> hashes);

// Size of the intersection of two sorted, duplicate-free sets.
uint32_t IntersectionSize(const std::vector<uint64_t>& a,
                          const std::vector<uint64_t>& b);

}  // namespace newstrace::trace

#endif  // NEWSTRACE_TRACE_SHINGLES_H_
