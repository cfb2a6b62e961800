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

}  // namespace

std::string_view DiffOpName(DiffOp op) { return OpName(op); }

std::vector<DiffRun> DiffArticles(const Article& from, const Article& to,
                                  const DiffOptions& options) {
  const std::vector<Token> ta = trace::TextTokens(from);
  const std::vector<Token> tb = trace::TextTokens(to);
  std::vector<uint64_t> ka(ta.size()), kb(tb.size());
  for (size_t i = 0; i < ta.size(); ++i) ka[i] = ta[i].exact;
  for (size_t i = 0; i < tb.size(); ++i) kb[i] = tb[i].exact;
  const std::vector<trace::Edit> edits =
      trace::DiffSequences(ka, kb, options.max_edits);

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
