// FindSubstitutions (trace.h): short replacements of a diff, counted.
#include <algorithm>
#include <map>
#include <string>

#include "base/utf8.h"
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

// The word of `tokens` ending at byte `end` (or starting at `begin`), as
// written; empty when there is none.
std::string WordEndingAt(const std::vector<trace::Token>& tokens,
                         std::string_view text, size_t end) {
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), end,
      [](const trace::Token& t, size_t v) { return t.end < v; });
  if (it == tokens.end() || it->end != end) return "";
  return Words(text.substr(it->begin, it->end - it->begin));
}

std::string WordStartingAt(const std::vector<trace::Token>& tokens,
                           std::string_view text, size_t begin) {
  auto it = std::lower_bound(
      tokens.begin(), tokens.end(), begin,
      [](const trace::Token& t, size_t v) { return t.begin < v; });
  if (it == tokens.end() || it->begin != begin) return "";
  return Words(text.substr(it->begin, it->end - it->begin));
}

using Key = std::pair<std::string, std::string>;

// `s` in lower case: "The Kingdom" at a sentence's start and "the Kingdom"
// inside one are the same substitution.
std::string Fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t p = 0;
  while (p < s.size())
    base::AppendUtf8(base::ToLower(base::NextCodePoint(s, &p)), &out);
  return out;
}

}  // namespace

// Each short change gives one or two readings: a replacement reads as
// itself; a pure insertion or deletion reads with the kept word before it
// ("of" -> "of Kingdom of") or after it ("Norway" -> "Kingdom of Norway").
// Every change then takes its reading that the document makes most often,
// so a systematic expansion is counted under the name it expands.
std::vector<Substitution> FindSubstitutions(
    const Article& from, const Article& to, const std::vector<DiffRun>& diff,
    const SubstitutionOptions& options) {
  std::vector<trace::Token> tf;
  trace::Tokenize(from.text, 0, &tf);
  std::vector<std::vector<Key>> readings;
  for (size_t k = 0; k < diff.size(); ++k) {
    const DiffRun& r = diff[k];
    if (r.op == DiffOp::kKeep || r.from_words > options.max_words ||
        r.to_words > options.max_words || r.from.end > from.text.size() ||
        r.to.end > to.text.size()) {
      continue;
    }
    const std::string old_words = Words(from.SpanText(r.from));
    const std::string new_words = Words(to.SpanText(r.to));
    std::vector<Key> options_here;
    if (r.op == DiffOp::kReplace) {
      options_here.push_back({old_words, new_words});
    } else {
      const bool ins = r.op == DiffOp::kInsert;
      const std::string& changed = ins ? new_words : old_words;
      if (k > 0 && diff[k - 1].op == DiffOp::kKeep) {
        const std::string w = WordEndingAt(tf, from.text, diff[k - 1].from.end);
        if (!w.empty()) {
          options_here.push_back(ins ? Key{w, w + " " + changed}
                                     : Key{w + " " + changed, w});
        }
      }
      if (k + 1 < diff.size() && diff[k + 1].op == DiffOp::kKeep) {
        const std::string w =
            WordStartingAt(tf, from.text, diff[k + 1].from.begin);
        if (!w.empty()) {
          options_here.push_back(ins ? Key{w, changed + " " + w}
                                     : Key{changed + " " + w, w});
        }
      }
    }
    if (!options_here.empty()) readings.push_back(std::move(options_here));
  }
  // Readings compare case-folded; each is shown as first written.
  std::map<Key, uint32_t> seen;
  std::map<Key, Key> shown;
  auto fold = [&](const Key& k) {
    Key f{Fold(k.first), Fold(k.second)};
    shown.emplace(f, k);
    return f;
  };
  std::vector<std::vector<Key>> folded;
  for (const auto& rs : readings) {
    folded.emplace_back();
    for (const Key& key : rs) {
      folded.back().push_back(fold(key));
      ++seen[folded.back().back()];
    }
  }
  std::map<Key, uint32_t> counts;
  for (const auto& rs : folded) {
    const Key* best = &rs[0];
    for (const Key& key : rs) {
      if (seen[key] > seen[*best]) best = &key;
    }
    ++counts[*best];
  }
  std::vector<Substitution> out;
  for (const auto& [key, count] : counts) {
    if (count >= options.min_count) {
      const Key& k = shown[key];
      out.push_back({k.first, k.second, count});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Substitution& a, const Substitution& b) {
                     return a.count > b.count;
                   });
  return out;
}

}  // namespace newstrace
