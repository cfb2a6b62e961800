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
namespace {

// For each of `tokens` (body words of `a`, in order), whether it stands
// inside quotation marks: between a straight double quote and the next one
// in its block, or between an opening and a closing typographic one (“ ”,
// « »). A block's unclosed quotation (a quote running on into the next
// paragraph) ends with the block.
std::vector<bool> QuotedTokens(const Article& a,
                               const std::vector<trace::Token>& tokens) {
  std::vector<std::pair<size_t, size_t>> ranges;
  for (const Block& b : a.blocks) {
    if (!IsBodyKind(b.kind) || b.span.end > a.text.size()) continue;
    const std::string_view t = a.SpanText(b.span);
    size_t open = std::string_view::npos;
    for (size_t p = 0; p < t.size(); ++p) {
      const bool straight = t[p] == '"';
      const bool opening = t.compare(p, 3, "\xE2\x80\x9C") == 0 ||
                           t.compare(p, 2, "\xC2\xAB") == 0;
      const bool closing = t.compare(p, 3, "\xE2\x80\x9D") == 0 ||
                           t.compare(p, 2, "\xC2\xBB") == 0;
      if (open == std::string_view::npos && (straight || opening)) {
        open = p;
      } else if (open != std::string_view::npos && (straight || closing)) {
        ranges.emplace_back(b.span.begin + open, b.span.begin + p);
        open = std::string_view::npos;
      }
    }
    if (open != std::string_view::npos) {
      ranges.emplace_back(b.span.begin + open, b.span.end);
    }
  }
  std::vector<bool> quoted(tokens.size(), false);
  size_t r = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    while (r < ranges.size() && ranges[r].second <= tokens[i].begin) ++r;
    quoted[i] = r < ranges.size() && ranges[r].first < tokens[i].begin;
  }
  return quoted;
}

}  // namespace

Reuse FindReuse(const Article& source, const Article& target,
                const ReuseOptions& options) {
  Reuse out;
  const std::vector<trace::Token> ts = trace::BodyTokens(source);
  const std::vector<trace::Token> tt = trace::BodyTokens(target);
  // Quoted words are what the people in the story said: two reporters
  // quoting one statement is not reuse. Only the target's own prose counts.
  const std::vector<bool> quoted = QuotedTokens(target, tt);
  for (bool q : quoted) out.target_words += !q;
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
    uint32_t words = 0;
    for (size_t w = word_begin; w < word_end; ++w) words += !quoted[w];
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
