// DiffArticles (trace.h): the word edit script of token_diff.h turned into
// runs with byte spans in both articles' texts.
#include "newstrace/trace.h"
#include "trace/shingles.h"
#include "trace/token_diff.h"

namespace newstrace {
namespace {

using trace::Token;

std::string_view OpName(DiffOp op) {
  switch (op) {
    case DiffOp::kKeep:
      return "keep";
    case DiffOp::kInsert:
      return "insert";
    case DiffOp::kDelete:
      return "delete";
    case DiffOp::kReplace:
      return "replace";
  }
  return "keep";
}

// The byte span of tokens [i, j) of `t`; for i == j, the empty span where
// such words would go (after token i - 1, or at the text's start).
Span Covering(const std::vector<Token>& t, size_t i, size_t j) {
  if (i < j) return {t[i].begin, t[j - 1].end};
  const size_t at = i > 0 ? t[i - 1].end : (t.empty() ? 0 : t[0].begin);
  return {at, at};
}

// How well an inserted (or deleted) run of words [i, j) of `t` sits on the
// text's structure: starting a line scores 2, ending one 1.
int BoundaryScore(const std::vector<Token>& t, std::string_view text, size_t i,
                  size_t j) {
  auto breaks = [&](size_t from, size_t to) {
    return text.substr(from, to - from).find('\n') != std::string_view::npos;
  };
  int score = 0;
  if (i == 0 || breaks(t[i - 1].end, t[i].begin)) score += 2;
  if (j == t.size() || breaks(t[j - 1].end, t[j].begin)) score += 1;
  return score;
}

// Removes empty runs and merges neighbours of one kind. Returns true when
// anything changed.
bool Compact(std::vector<trace::Edit>* edits) {
  std::vector<trace::Edit> out;
  for (const trace::Edit& e : *edits) {
    if (e.count == 0) continue;
    if (!out.empty() && out.back().op == e.op) {
      out.back().count += e.count;
    } else {
      out.push_back(e);
    }
  }
  const bool changed = out.size() != edits->size();
  *edits = std::move(out);
  return changed;
}

// A pure insertion (or deletion) next to kept runs can often slide:
// inserting "civil war. Tags... civil war" after "Syrian" is the same edit
// as inserting "Tags... civil war. " after "war". Slides each such run to
// where it starts (then ends) a line, so that an added paragraph comes out
// as that paragraph; among equally good places, the rightmost, so that
// words added in front of a name ("of [Kingdom of] Norway") sit against
// it. A slide may empty a kept run; the runs around it then merge (two
// insertions split by one chance match become one).
bool SlideOnce(std::vector<trace::Edit>* edits, const std::vector<Token>& ta,
               std::string_view text_a, const std::vector<Token>& tb,
               std::string_view text_b) {
  bool moved = false;
  size_t i = 0, j = 0;  // positions in a and b at the start of edit e
  for (size_t e = 0; e < edits->size(); ++e) {
    const trace::Edit ed = (*edits)[e];  // a copy: the vector may grow
    const bool keep_before =
        e > 0 && (*edits)[e - 1].op == trace::EditOp::kKeep;
    const bool keep_after =
        e + 1 < edits->size() && (*edits)[e + 1].op == trace::EditOp::kKeep;
    if (ed.op != trace::EditOp::kKeep && ed.count > 0 &&
        (keep_before || keep_after)) {
      const bool ins = ed.op == trace::EditOp::kInsert;
      const std::vector<Token>& t = ins ? tb : ta;
      const std::string_view text = ins ? text_b : text_a;
      const size_t at = ins ? j : i;
      const size_t n = ed.count;
      const size_t before = keep_before ? (*edits)[e - 1].count : 0;
      const size_t after = keep_after ? (*edits)[e + 1].count : 0;
      long best_shift = 0;
      int best = BoundaryScore(t, text, at, at + n);
      for (size_t s = 1; s <= before && t[at - s].exact == t[at + n - s].exact;
           ++s) {
        const int score = BoundaryScore(t, text, at - s, at + n - s);
        if (score > best) best = score, best_shift = -static_cast<long>(s);
      }
      for (size_t s = 1;
           s <= after && t[at + s - 1].exact == t[at + n + s - 1].exact; ++s) {
        const int score = BoundaryScore(t, text, at + s, at + n + s);
        if (score >= best) best = score, best_shift = static_cast<long>(s);
      }
      if (best_shift != 0) {
        moved = true;
        if (!keep_before) {  // a right slide opens a kept run before it
          edits->insert(edits->begin() + e, {trace::EditOp::kKeep, 0});
          ++e;
        }
        if (!keep_after) {  // a left slide opens one after it
          edits->insert(edits->begin() + e + 1, {trace::EditOp::kKeep, 0});
        }
        (*edits)[e - 1].count =
            static_cast<uint32_t>((*edits)[e - 1].count + best_shift);
        (*edits)[e + 1].count =
            static_cast<uint32_t>((*edits)[e + 1].count - best_shift);
        // The kept run before consumed both sides: both positions move.
        i = static_cast<size_t>(static_cast<long>(i) + best_shift);
        j = static_cast<size_t>(static_cast<long>(j) + best_shift);
      }
    }
    const trace::Edit& cur = (*edits)[e];
    if (cur.op != trace::EditOp::kInsert) i += cur.count;
    if (cur.op != trace::EditOp::kDelete) j += cur.count;
  }
  return moved;
}

void SlideToBoundaries(std::vector<trace::Edit>* edits,
                       const std::vector<Token>& ta, std::string_view text_a,
                       const std::vector<Token>& tb, std::string_view text_b) {
  for (int pass = 0; pass < 4; ++pass) {
    const bool moved = SlideOnce(edits, ta, text_a, tb, text_b);
    const bool merged = Compact(edits);
    if (!moved || !merged) break;
  }
}

}  // namespace

std::string_view DiffOpName(DiffOp op) { return OpName(op); }

std::vector<DiffRun> DiffArticles(const Article& from, const Article& to,
                                  const DiffOptions& options) {
  const std::vector<Token> ta = trace::TextTokens(from);
  const std::vector<Token> tb = trace::TextTokens(to);
  std::vector<uint64_t> ka(ta.size()), kb(tb.size());
  for (size_t i = 0; i < ta.size(); ++i) ka[i] = ta[i].exact;
  for (size_t i = 0; i < tb.size(); ++i) kb[i] = tb[i].exact;
  std::vector<trace::Edit> edits =
      trace::DiffSequences(ka, kb, options.max_edits);
  SlideToBoundaries(&edits, ta, from.text, tb, to.text);

  std::vector<DiffRun> runs;
  size_t i = 0, j = 0;  // words of `from` and `to` consumed
  for (size_t e = 0; e < edits.size(); ++e) {
    DiffRun r;
    size_t del = 0, ins = 0;
    if (edits[e].op == trace::EditOp::kKeep) {
      del = ins = edits[e].count;
      r.op = DiffOp::kKeep;
    } else {
      // A deletion directly followed by an insertion is a replacement.
      if (edits[e].op == trace::EditOp::kDelete) {
        del = edits[e].count;
        if (e + 1 < edits.size() && edits[e + 1].op == trace::EditOp::kInsert) {
          ins = edits[++e].count;
        }
      } else {
        ins = edits[e].count;
      }
      r.op = del && ins ? DiffOp::kReplace
                        : (del ? DiffOp::kDelete : DiffOp::kInsert);
    }
    r.from = Covering(ta, i, i + del);
    r.to = Covering(tb, j, j + ins);
    r.from_words = static_cast<uint32_t>(del);
    r.to_words = static_cast<uint32_t>(ins);
    i += del;
    j += ins;
    runs.push_back(r);
  }
  return runs;
}

}  // namespace newstrace
