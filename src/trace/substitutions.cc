// FindSubstitutions (trace.h): short replacements of a diff, counted.
#include <algorithm>
#include <map>
#include <string>

#include "newstrace/trace.h"
#include "trace/tokens.h"

namespace newstrace {
namespace {

// The words of `text` joined by single spaces (the possessive "'s" stays
// attached to its word), typographic apostrophes read as "'".
std::string Words(std::string_view text) {
  std::vector<trace::Token> tokens;
  trace::Tokenize(text, 0, &tokens);
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view w =
        text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    const bool clitic = i > 0 && tokens[i].begin == tokens[i - 1].end;
    if (i > 0 && !clitic) out += ' ';
    for (size_t p = 0; p < w.size(); ++p) {
      if (w.compare(p, 3, "\xE2\x80\x99") == 0) {
        out += '\'';
        p += 2;
      } else {
        out += w[p];
      }
    }
  }
  return out;
}

}  // namespace

std::vector<Substitution> FindSubstitutions(
    const Article& from, const Article& to, const std::vector<DiffRun>& diff,
    const SubstitutionOptions& options) {
  std::map<std::pair<std::string, std::string>, uint32_t> counts;
  for (const DiffRun& r : diff) {
    if (r.op != DiffOp::kReplace || r.from_words > options.max_words ||
        r.to_words > options.max_words) {
      continue;
    }
    if (r.from.end > from.text.size() || r.to.end > to.text.size()) continue;
    ++counts[{Words(from.SpanText(r.from)), Words(to.SpanText(r.to))}];
  }
  std::vector<Substitution> out;
  for (const auto& [key, count] : counts) {
    if (count >= options.min_count)
      out.push_back({key.first, key.second, count});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Substitution& a, const Substitution& b) {
                     return a.count > b.count;
                   });
  return out;
}

}  // namespace newstrace
