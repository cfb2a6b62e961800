// The shortest edit script between two sequences of word keys.
//
// Design note. Myers' O(ND) algorithm in its linear-space form ("An O(ND)
// Difference Algorithm and Its Variations", 1986, section 4b): find the
// middle snake of the two sequences by running the greedy search from both
// ends until the paths meet, then recurse on the parts before and after it.
// Time O((N + M) D), space O(N + M). Common prefixes and suffixes are
// stripped first, which makes the usual case (two versions of one article)
// cheap. A stretch whose distance exceeds `max_edits` is given up on and
// reported as deleted-then-inserted, so the time stays bounded on unrelated
// inputs.
#ifndef NEWSTRACE_TRACE_TOKEN_DIFF_H_
#define NEWSTRACE_TRACE_TOKEN_DIFF_H_

#include <cstdint>
#include <span>
#include <vector>

namespace newstrace::trace {

enum class EditOp : uint8_t { kKeep, kDelete, kInsert };

// A run of `count` ops of one kind. Keep and delete runs consume `a`,
// keep and insert runs consume `b`.
struct Edit {
  EditOp op;
  uint32_t count;
};

// The edit script turning `a` into `b`, adjacent runs of one kind merged;
// within a changed stretch deletions come before insertions. Minimal (the
// kept count equals the LCS length) unless a stretch exceeded `max_edits`.
std::vector<Edit> DiffSequences(std::span<const uint64_t> a,
                                std::span<const uint64_t> b,
                                uint32_t max_edits);

}  // namespace newstrace::trace

#endif  // NEWSTRACE_TRACE_TOKEN_DIFF_H_
