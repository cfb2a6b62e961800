// The readable report: metadata, then the article in order with the body
// plain and every boilerplate block marked with its kind, then what the
// analysis found (quotes grouped by speaker, entities, figures, the
// non-zero signals), then a summary.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands.h"
#include "newstrace/analyze.h"

namespace newstrace::cli {
namespace {

constexpr size_t kWidth = 80;
// Longest quotation shown, in code points; the body above has all of it.
constexpr size_t kMaxQuote = 320;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Word-wraps `text` at kWidth code points. The first line starts with
// `first`, the others with `rest`. Empty text gives an empty string.
std::string Wrap(std::string_view text, std::string_view first,
                 std::string_view rest) {
  std::string out;
  size_t col = 0;
  size_t i = 0;
  bool at_start = true;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    if (j == i) break;
    std::string_view word = text.substr(i, j - i);
    size_t w = CodePoints(word);
    if (at_start) {
      out += first;
      col = CodePoints(first);
      at_start = false;
    } else if (col + 1 + w > kWidth) {
      out += '\n';
      out += rest;
      col = CodePoints(rest);
    } else {
      out += ' ';
      ++col;
    }
    out += word;
    col += w;
    i = j;
  }
  return out;
}

// Word-wraps `text` at kWidth code points, each line prefixed by `indent`.
std::string Wrap(std::string_view text, const std::string& indent) {
  return Wrap(text, indent, indent);
}

// `text` with every run of spaces and line breaks made one space and, past
// `max` code points, cut at a word boundary with "...".
std::string Clip(std::string_view text, size_t max) {
  std::string out;
  size_t cps = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    if (j == i) break;
    std::string_view word = text.substr(i, j - i);
    size_t w = CodePoints(word);
    if (!out.empty() && cps + 1 + w > max) return out + " ...";
    if (!out.empty()) {
      out += ' ';
      ++cps;
    }
    out += word;
    cps += w;
    i = j;
  }
  return out;
}

struct Styles {
  std::string bold, dim, reset;
};

// `line` with its leading `label` (if it starts with it) in bold.
std::string BoldLabel(std::string line, std::string_view label,
                      const Styles& st) {
  if (line.compare(0, label.size(), label) != 0) return line;
  return st.bold + std::string(label) + st.reset + line.substr(label.size());
}

// The quotes of one speaker (or of none), in text order.
struct SpeakerGroup {
  std::string label;  // canonical name, "[mention]" or "Speaker unknown"
  bool unresolved = false;
  std::vector<const Quote*> quotes;
};

// "said in a statement; via pronoun \"she\"; to the union leaders", or
// "no attribution" when the quote has neither cue nor speaker.
std::string QuoteMeta(const Article& a, const Quote& q,
                      const std::string& label) {
  std::vector<std::string> parts;
  if (!q.cue.empty()) parts.push_back(Clip(a.SpanText(q.cue), 60));
  if (q.speaker) {
    const PersonRef& r = *q.speaker;
    std::string via = "via " + std::string(RefViaName(r.via));
    std::string mention = Clip(a.SpanText(r.span), 60);
    if (r.via != RefVia::kContinuation && !mention.empty() &&
        mention != label && "[" + mention + "]" != label) {
      via += " \"" + mention + "\"";
    }
    parts.push_back(via);
  }
  if (q.addressee) {
    const PersonRef& r = *q.addressee;
    parts.push_back("to " +
                    (r.resolved() ? r.name : Clip(a.SpanText(r.span), 60)));
  }
  if (parts.empty()) return "no attribution";
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

// Quotes grouped under their speakers in order of first appearance, then
// those without a speaker, then the scare quotes on one (wrapped) line.
void RenderQuotes(const Record& record, const Styles& st, std::string* out) {
  if (record.quotes.empty()) return;
  const Article& a = record.article;
  std::vector<SpeakerGroup> groups;
  std::map<std::string, size_t> index;  // group key -> position in groups
  SpeakerGroup unknown{"Speaker unknown", false, {}};
  std::string scare;
  std::map<QuoteKind, size_t> by_kind;
  for (const Quote& q : record.quotes) {
    ++by_kind[q.kind];
    if (q.kind == QuoteKind::kScare) {
      if (!scare.empty()) scare += ", ";
      scare += "'" + Clip(a.SpanText(q.span), 80) + "'";
      continue;
    }
    if (!q.speaker) {
      unknown.quotes.push_back(&q);
      continue;
    }
    const PersonRef& r = *q.speaker;
    // Unresolved mentions group by their text: "[a spokesman]" twice is
    // shown together, but never merged into a named speaker.
    std::string key =
        r.resolved() ? "n:" + r.name : "m:" + Clip(a.SpanText(r.span), 60);
    auto [it, inserted] = index.emplace(key, groups.size());
    if (inserted) {
      groups.push_back({r.resolved() ? r.name : "[" + key.substr(2) + "]",
                        !r.resolved(),
                        {}});
    }
    groups[it->second].quotes.push_back(&q);
  }
  if (!unknown.quotes.empty()) groups.push_back(std::move(unknown));

  std::string counts;
  for (const auto& [kind, n] : by_kind) {  // full, partial, scare
    if (!counts.empty()) counts += ", ";
    counts += std::to_string(n) + " " + std::string(QuoteKindName(kind));
  }
  *out += st.bold + "Quotes:" + st.reset + "    " + counts + "\n";
  for (const SpeakerGroup& g : groups) {
    *out += "  " + st.bold + g.label + st.reset;
    if (g.unresolved) *out += st.dim + " (unresolved)" + st.reset;
    *out += "\n";
    for (const Quote* q : g.quotes) {
      std::string first = "    ";
      if (q->kind != QuoteKind::kFull) {
        first += std::string(QuoteKindName(q->kind)) + ": ";
      }
      std::string rest(CodePoints(first) + 1, ' ');
      *out += Wrap("\"" + Clip(a.SpanText(q->span), kMaxQuote) + "\"", first,
                   rest) +
              "\n";
      *out +=
          st.dim + Wrap(QuoteMeta(a, *q, g.label), "      ") + st.reset + "\n";
    }
  }
  if (!scare.empty()) {
    *out += Wrap(scare, "  Scare quotes: ", "                ") + "\n";
  }
  *out += "\n";
}

// One line per entity type: "People: Ellen Marsh (4), ...".
void RenderEntities(const Record& record, const Styles& st, std::string* out) {
  if (record.entities.empty()) return;
  const std::pair<EntityType, const char*> kTypes[] = {
      {EntityType::kPerson, "People: "},
      {EntityType::kOrganization, "Organizations: "},
      {EntityType::kPlace, "Places: "}};
  bool first_line = true;
  for (const auto& [type, title] : kTypes) {
    std::string names;
    for (const Entity& e : record.entities) {
      if (e.type != type) continue;
      if (!names.empty()) names += ", ";
      names += e.name + " (" + std::to_string(e.mentions.size()) + ")";
    }
    if (names.empty()) continue;
    std::string lead = first_line ? "Entities:  " : "           ";
    first_line = false;
    std::string rest(CodePoints(lead) + CodePoints(title), ' ');
    *out += BoldLabel(Wrap(names, lead + title, rest), "Entities:", st) + "\n";
  }
}

// The figure as the text has it: a number with its unit when the unit
// follows it ("400 boats"), a date with its normalized form when that
// differs ("March 2021 (2021-03)").
std::string FigureText(const Article& a, const Figure& f) {
  std::string text = Clip(a.SpanText(f.span), 60);
  if (f.kind == FigureKind::kNumber) {
    if (f.unit.empty() || text.find(f.unit) != std::string::npos) return text;
    std::string_view after = std::string_view(a.text).substr(f.span.end);
    if (after.size() > f.unit.size() && after[0] == ' ' &&
        after.substr(1, f.unit.size()) == f.unit) {
      text += " " + f.unit;
    }
    return text;
  }
  auto lower = [](std::string s) {
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  };
  if (!f.date.empty() && lower(f.date) != lower(text)) {
    text += " (" + f.date + ")";
  }
  return text;
}

// "Figures:   three; Monday; 400 boats x2; March 2021 (2021-03)".
void RenderFigures(const Record& record, const Styles& st, std::string* out) {
  if (record.figures.empty()) return;
  std::vector<std::pair<std::string, int>> shown;  // text, times
  std::map<std::string, size_t> index;
  for (const Figure& f : record.figures) {
    std::string text = FigureText(record.article, f);
    auto [it, inserted] = index.emplace(text, shown.size());
    if (inserted) shown.push_back({text, 0});
    ++shown[it->second].second;
  }
  std::string list;
  for (const auto& [text, times] : shown) {
    if (!list.empty()) list += "; ";
    list += text;
    if (times > 1) list += " x" + std::to_string(times);
  }
  if (list.empty()) return;
  *out += BoldLabel(Wrap(list, "Figures:   ", "           "), "Figures:", st) +
          "\n";
}

// The non-zero signals, one a line with its reason:
//   "  headline_caps_prefix    1        the headline starts with ...".
void RenderSignals(const Record& record, const Styles& st, std::string* out) {
  constexpr size_t kNameWidth = 24;
  constexpr size_t kValueWidth = 9;
  std::string lines;
  for (const Signal& s : record.signals) {
    if (s.value == 0) continue;
    const SignalInfo* info = FindSignalInfo(s.name);
    char value[32];
    if (s.value == std::trunc(s.value) && std::fabs(s.value) < 1e9) {
      std::snprintf(value, sizeof value, "%.0f", s.value);
    } else {
      std::snprintf(value, sizeof value, "%.3g", s.value);
    }
    std::string lead = "  " + std::string(s.name);
    lead.resize(std::max(lead.size() + 1, 2 + kNameWidth), ' ');
    lead += value;
    lead.resize(std::max(lead.size() + 1, 2 + kNameWidth + kValueWidth), ' ');
    std::string_view reason = info != nullptr ? info->reason : "";
    lines +=
        (reason.empty() ? lead
                        : Wrap(reason, lead, std::string(lead.size(), ' '))) +
        "\n";
  }
  if (lines.empty()) return;
  *out += st.bold + "Signals:" + st.reset + st.dim +
          "   non-zero ones (docs/format/signals.md)" + st.reset + "\n" +
          lines + "\n";
}

}  // namespace

std::string RenderReport(const Record& record, bool color) {
  const Article& a = record.article;
  const std::string bold = color ? "\033[1m" : "";
  const std::string dim = color ? "\033[2m" : "";
  const std::string reset = color ? "\033[0m" : "";
  const Styles styles{bold, dim, reset};
  std::string out;
  out += bold + "== " + (a.id.empty() ? std::string("<article>") : a.id) +
         " ==" + reset + "\n";
  auto field = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += std::string(name) + value + "\n";
  };
  field("Title:     ", a.title);
  std::string authors;
  for (const std::string& s : a.authors) {
    if (!authors.empty()) authors += "; ";
    authors += s;
  }
  field("Authors:   ", authors);
  field("Published: ", a.published);
  field("URL:       ", a.source.url);
  field("Language:  ", a.language);
  field("Format:    ", std::string(FormatName(a.format)));
  for (const ModelScore& m : record.scores) {
    // "Score:     clickbait: not_clickbait 0.98 (clickbait 0.02)"
    char p[32];
    std::snprintf(p, sizeof p, "%.2f", m.probability);
    std::string line = m.model + ": " + m.label + " " + p;
    std::string others;
    for (const auto& [label, q] : m.probabilities) {
      if (label == m.label) continue;
      std::snprintf(p, sizeof p, "%.2f", q);
      others += (others.empty() ? "" : ", ") + label + " " + p;
    }
    if (!others.empty()) line += " (" + others + ")";
    field("Score:     ", line);
  }
  out += "\n";

  std::map<std::string, int> counts;
  size_t body_words = 0;
  for (const Block& b : a.blocks) {
    std::string_view text = a.SpanText(b.span);
    std::string kind(BlockKindName(b.kind));
    ++counts[kind];
    if (IsBodyKind(b.kind)) {
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ++body_words;
      }
      if (b.kind == BlockKind::kHeading) {
        out += bold + Wrap(text, "  ") + reset + "\n\n";
      } else {
        out += Wrap(text, "  ") + "\n\n";
      }
    } else if (b.kind == BlockKind::kTitle) {
      continue;  // shown above
    } else if (b.kind == BlockKind::kCredit) {
      continue;  // shown with its caption
    } else {
      std::string label = "[" + kind + "] ";
      std::string line = Wrap(text, "    ");
      if (line.size() >= 4) line = line.substr(4);
      out += dim + "  " + label + line;
      if (!b.credit.empty()) out += "  (credit: " + b.credit + ")";
      out += reset + "\n\n";
    }
  }
  // What the analysis found: quotes by speaker, entities, figures.
  RenderQuotes(record, styles, &out);
  const size_t before_facts = out.size();
  RenderEntities(record, styles, &out);
  RenderFigures(record, styles, &out);
  if (out.size() > before_facts) out += "\n";
  RenderSignals(record, styles, &out);
  out += "Summary:   " + std::to_string(counts["paragraph"]) +
         " paragraph(s), " + std::to_string(body_words) + " body words";
  std::string boiler;
  for (const auto& [kind, n] : counts) {
    if (kind == "paragraph" || kind == "heading" || kind == "title") continue;
    if (!boiler.empty()) boiler += ", ";
    boiler += std::to_string(n) + " " + kind;
  }
  if (!boiler.empty()) out += "; marked: " + boiler;
  out += "\n";
  for (const Diagnostic& d : a.diagnostics) {
    out += "Note:      " + d.code + ": " + d.message + "\n";
  }
  return out;
}

}  // namespace newstrace::cli
