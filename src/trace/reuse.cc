// FindReuse (trace.h): the passages of one article that come from another.
//
// Design note. Each shingle of the target's body that also occurs in the
// source's body marks its words as shared. Runs of shared shingles are
// joined across gaps of up to one shingle length (one substituted word
// breaks `size` consecutive shingles), and a passage must cover at least
// min_words words: two articles on one event share names and short stock
// phrases, a rewrite of a source shares whole stretches of sentences. A
// passage follows the source in order: a shared shingle that comes from
// elsewhere in the source (a reordered sentence) starts a new passage.
#include <algorithm>
#include <unordered_map>

#include "newstrace/trace.h"
#include "trace/shingles.h"

namespace newstrace {

Reuse FindReuse(const Article& source, const Article& target,
                const ReuseOptions& options) {
  Reuse out;
  const std::vector<trace::Token> ts = trace::BodyTokens(source);
  const std::vector<trace::Token> tt = trace::BodyTokens(target);
  out.target_words = static_cast<uint32_t>(tt.size());
  const int k = std::max(1, options.shingle_size);
  if (ts.size() < size_t(k) || tt.size() < size_t(k)) return out;
  const std::vector<uint64_t> hs = trace::ShingleHashes(ts, k);
  const std::vector<uint64_t> ht = trace::ShingleHashes(tt, k);
  std::unordered_map<uint64_t, uint32_t> first;  // shingle -> source index
  first.reserve(hs.size());
  for (size_t i = 0; i < hs.size(); ++i) {
    first.emplace(hs[i], static_cast<uint32_t>(i));
  }
  std::vector<int64_t> at(ht.size(), -1);  // source index of each, or -1
  for (size_t i = 0; i < ht.size(); ++i) {
    auto it = first.find(ht[i]);
    if (it != first.end()) at[i] = it->second;
  }
  size_t i = 0;
  while (i < ht.size()) {
    if (at[i] < 0) {
      ++i;
      continue;
    }
    // A passage: shared shingles from i to last, gaps <= k allowed.
    size_t last = i;
    size_t j = i + 1;
    while (j < ht.size()) {
      // A shared shingle continues the passage when it sits about as far
      // after the last one in the source as in the target (a few words
      // inserted or dropped); one from elsewhere in the source starts anew.
      const int64_t drift = at[j] - at[last] - static_cast<int64_t>(j - last);
      if (at[j] >= 0 && drift >= -k && drift <= k && at[j] > at[last]) {
        last = j;
        ++j;
      } else if (at[j] >= 0) {
        break;
      } else if (j - last <= size_t(k)) {
        ++j;
      } else {
        break;
      }
    }
    const size_t word_begin = i;
    const size_t word_end = last + k;  // exclusive
    const uint32_t words = static_cast<uint32_t>(word_end - word_begin);
    if (words >= options.min_words) {
      ReusedPassage p;
      p.target = {tt[word_begin].begin, tt[word_end - 1].end};
      size_t s0 = static_cast<size_t>(at[i]);
      const size_t s1 = std::min(static_cast<size_t>(at[last]) + k, ts.size());
      p.source = {ts[s0].begin, ts[s1 - 1].end};
      p.words = words;
      out.reused_words += words;
      out.passages.push_back(p);
    }
    i = last + 1;
  }
  return out;
}

}  // namespace newstrace
