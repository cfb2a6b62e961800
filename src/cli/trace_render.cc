#include "cli/trace_render.h"

#include <cstdio>

namespace newstrace::cli {
namespace {

using nlohmann::json;

std::string Fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

std::string Percent(double v) { return Fmt("%.0f%%", 100 * v); }

// `s` on one line: newlines and tabs as spaces, runs of spaces as one.
std::string OneLine(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

// At most `n` bytes of `s` (cut at a UTF-8 boundary) with "..." when cut.
std::string Clip(std::string s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s + "...";
}

// The last `n` bytes of `s`, on a UTF-8 boundary, with "..." before.
std::string Tail(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = s.size() - n;
  while (cut < s.size() &&
         (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
    ++cut;
  }
  return "..." + s.substr(cut);
}

json SpanJson(const Article& a, Span s, bool with_text) {
  json j = {{"begin", s.begin}, {"end", s.end}};
  if (with_text && s.end <= a.text.size()) j["text"] = a.SpanText(s);
  return j;
}

std::string Describe(const Record& r, DocId id) {
  const Article& a = r.article;
  std::string out = DocIdToString(id).substr(0, 12);
  const std::string domain = a.source.domain;
  const std::string date =
      a.published.empty() ? a.source.published : a.published;
  if (!domain.empty()) out += "  " + domain;
  if (!date.empty()) out += "  " + date.substr(0, 10);
  if (!a.title.empty()) out += "  \"" + Clip(OneLine(a.title), 70) + "\"";
  return out;
}

struct Styles {
  std::string bold, del, ins, dim, off;
  explicit Styles(bool color) {
    if (color) {
      bold = "\x1b[1m";
      del = "\x1b[31m";
      ins = "\x1b[32m";
      dim = "\x1b[2m";
      off = "\x1b[0m";
    }
  }
};

void RenderDiff(const TraceMatch& m, const Article& from, const Article& to,
                const TraceRenderOptions& o, std::string* out) {
  const Styles st(o.color);
  size_t shown = 0, changed = 0;
  for (size_t i = 0; i < m.diff.size(); ++i) {
    const DiffRun& r = m.diff[i];
    if (r.op == DiffOp::kKeep) continue;
    ++changed;
    if (shown >= o.max_runs) continue;
    ++shown;
    // Context: a few words of the kept runs around it.
    std::string before, after;
    if (i > 0 && m.diff[i - 1].op == DiffOp::kKeep) {
      before = Tail(OneLine(to.SpanText(m.diff[i - 1].to)), 30);
    }
    if (i + 1 < m.diff.size() && m.diff[i + 1].op == DiffOp::kKeep) {
      after = Clip(OneLine(to.SpanText(m.diff[i + 1].to)), 30);
    }
    const std::string old_text = Clip(OneLine(from.SpanText(r.from)), 160);
    const std::string new_text = Clip(OneLine(to.SpanText(r.to)), 160);
    const std::string op(DiffOpName(r.op));
    if (o.side_by_side) {
      const size_t col = o.width > 20 ? (o.width - 14) / 2 : 30;
      char line[64];
      std::snprintf(line, sizeof line, "    %-8s ", op.c_str());
      *out += line + st.del + Clip(old_text, col) + st.off;
      const size_t used = std::min(old_text.size(), col + 3);
      *out += std::string(col + 3 > used ? col + 3 - used : 1, ' ') + "| " +
              st.ins + Clip(new_text, col) + st.off + "\n";
    } else {
      *out += "    " + st.dim + before + st.off + " ";
      if (!old_text.empty()) *out += st.del + "[-" + old_text + "-]" + st.off;
      if (!new_text.empty()) *out += st.ins + "{+" + new_text + "+}" + st.off;
      *out += " " + st.dim + after + st.off + "\n";
    }
  }
  if (changed > shown) {
    *out += "    ... " + std::to_string(changed - shown) + " more changes\n";
  }
  if (changed == 0) *out += "    (no word changes)\n";
}

}  // namespace

std::string RenderTrace(const TraceReport& report,
                        const TraceRenderOptions& o) {
  const Styles st(o.color);
  std::string out;
  const Article& q = report.query.article;
  out += st.bold + "Trace of " + Describe(report.query, report.query_id) +
         st.off + (report.query_stored ? "  (stored)" : "  (not stored)") +
         "\n";
  size_t copies = 0;
  for (const auto& m : report.matches) copies += m.relation == "near_copy";
  out += std::to_string(report.candidates) +
         " candidates verified: " + std::to_string(copies) + " near copies, " +
         std::to_string(report.matches.size() - copies) + " partial reuses\n";
  if (copies > 0) {
    const Record& origin = report.origin.index <= 0
                               ? report.query
                               : report.matches[report.origin.index - 1].record;
    out += "\n" + st.bold + "Origin: " + st.off +
           (report.origin.index == 0 ? std::string("this article, ") : "") +
           Describe(origin, report.origin_id) + "\n  by " + report.origin.rule +
           " (" + report.origin.confidence +
           " confidence): " + report.origin.reason + "\n";
  }
  for (size_t i = 0; i < report.matches.size(); ++i) {
    const TraceMatch& m = report.matches[i];
    out += "\n" + st.bold + std::to_string(i + 1) + ". " +
           (m.relation == "near_copy" ? "near copy" : "partial reuse") +
           st.off + "  " + Describe(m.record, m.id) + "\n";
    out += "   Jaccard " + Fmt("%.3f", m.overlap.jaccard) + ", " +
           Percent(m.overlap.a_in_b) + " of this article is in it, " +
           Percent(m.overlap.b_in_a) + " of it is in this article\n";
    if (m.relation == "near_copy") {
      const Article& from = m.diff_from_query ? q : m.record.article;
      const Article& to = m.diff_from_query ? m.record.article : q;
      if (!m.substitutions.empty()) {
        out += "   Systematic substitutions:\n";
        for (const Substitution& s : m.substitutions) {
          out += "     " + st.del + s.from + st.off + " -> " + st.ins + s.to +
                 st.off + " (" + std::to_string(s.count) + " times)\n";
        }
      }
      out += std::string("   Changes from ") +
             (m.diff_from_query ? "this article to it" : "it to this article") +
             ":\n";
      RenderDiff(m, from, to, o, &out);
    } else {
      const Article& src = m.reuse_from_query ? q : m.record.article;
      const Article& dst = m.reuse_from_query ? m.record.article : q;
      out += "   " + Percent(m.reuse.share()) + " of " +
             (m.reuse_from_query ? "it" : "this article") + " reuses " +
             std::to_string(m.reuse.passages.size()) + " passages of " +
             (m.reuse_from_query ? "this article" : "it") + ":\n";
      size_t shown = 0;
      for (const ReusedPassage& p : m.reuse.passages) {
        if (++shown > 8) break;
        out += "     \"" + Clip(OneLine(dst.SpanText(p.target)), 150) + "\"\n";
        (void)src;
      }
    }
  }
  return out;
}

json TraceToJson(const TraceReport& report) {
  json j;
  const Article& q = report.query.article;
  j["query"] = {{"id", DocIdToString(report.query_id)},
                {"stored", report.query_stored}};
  if (!q.title.empty()) j["query"]["title"] = q.title;
  j["candidates"] = report.candidates;
  if (report.origin.index >= 0) {
    j["origin"] = {{"id", DocIdToString(report.origin_id)},
                   {"rule", report.origin.rule},
                   {"confidence", report.origin.confidence},
                   {"reason", report.origin.reason}};
  }
  j["matches"] = json::array();
  for (const TraceMatch& m : report.matches) {
    const Article& a = m.record.article;
    json x = {{"id", DocIdToString(m.id)},
              {"relation", m.relation},
              {"jaccard", m.overlap.jaccard},
              {"query_in_match", m.overlap.a_in_b},
              {"match_in_query", m.overlap.b_in_a},
              {"estimate", m.estimate}};
    if (!a.title.empty()) x["title"] = a.title;
    if (!a.source.url.empty()) x["url"] = a.source.url;
    if (!a.source.domain.empty()) x["domain"] = a.source.domain;
    if (!a.published.empty()) x["published"] = a.published;
    if (m.relation == "near_copy") {
      const Article& from = m.diff_from_query ? q : a;
      const Article& to = m.diff_from_query ? a : q;
      json subs = json::array();
      for (const Substitution& s : m.substitutions) {
        subs.push_back({{"from", s.from}, {"to", s.to}, {"count", s.count}});
      }
      x["substitutions"] = subs;
      json runs = json::array();
      for (const DiffRun& r : m.diff) {
        const bool text = r.op != DiffOp::kKeep;
        runs.push_back({{"op", DiffOpName(r.op)},
                        {"from", SpanJson(from, r.from, text)},
                        {"to", SpanJson(to, r.to, text)},
                        {"from_words", r.from_words},
                        {"to_words", r.to_words}});
      }
      x["diff"] = {{"from", m.diff_from_query ? "query" : "match"},
                   {"runs", runs}};
    } else {
      const Article& src = m.reuse_from_query ? q : a;
      const Article& dst = m.reuse_from_query ? a : q;
      json passages = json::array();
      for (const ReusedPassage& p : m.reuse.passages) {
        passages.push_back({{"source", SpanJson(src, p.source, true)},
                            {"target", SpanJson(dst, p.target, true)},
                            {"words", p.words}});
      }
      x["reuse"] = {{"source", m.reuse_from_query ? "query" : "match"},
                    {"share", m.reuse.share()},
                    {"passages", passages}};
    }
    j["matches"].push_back(std::move(x));
  }
  return j;
}

std::string RenderDupeGroup(const DupeGroup& g, uint64_t number, bool color) {
  const Styles st(color);
  std::string out = st.bold + "Group " + std::to_string(number) + ": " +
                    std::to_string(g.ids.size()) + " documents" + st.off +
                    "  (origin by " + g.origin.rule + ", " +
                    g.origin.confidence + " confidence)\n";
  for (size_t i = 0; i < g.ids.size(); ++i) {
    out += std::string(i == 0 ? "  origin " : "  copy   ") +
           (i == 0 ? std::string("      ") : Fmt("J %.2f", g.jaccard[i])) +
           "  " + Describe(g.records[i], g.ids[i]) + "\n";
  }
  for (const Substitution& s : g.substitutions) {
    out += "  substitution: " + st.del + s.from + st.off + " -> " + st.ins +
           s.to + st.off + " (" + std::to_string(s.count) + " times)\n";
  }
  return out;
}

json DupeGroupToJson(const DupeGroup& g, uint64_t number) {
  json members = json::array();
  for (size_t i = 0; i < g.ids.size(); ++i) {
    const Article& a = g.records[i].article;
    json m = {{"id", DocIdToString(g.ids[i])}, {"jaccard", g.jaccard[i]}};
    if (!a.title.empty()) m["title"] = a.title;
    if (!a.source.url.empty()) m["url"] = a.source.url;
    if (!a.source.domain.empty()) m["domain"] = a.source.domain;
    if (!a.published.empty()) m["published"] = a.published;
    members.push_back(std::move(m));
  }
  json subs = json::array();
  for (const Substitution& s : g.substitutions) {
    subs.push_back({{"from", s.from}, {"to", s.to}, {"count", s.count}});
  }
  return {{"group", number},
          {"size", g.ids.size()},
          {"origin",
           {{"id", DocIdToString(g.ids.empty() ? 0 : g.ids[0])},
            {"rule", g.origin.rule},
            {"confidence", g.origin.confidence},
            {"reason", g.origin.reason}}},
          {"members", members},
          {"substitutions", subs}};
}

}  // namespace newstrace::cli
