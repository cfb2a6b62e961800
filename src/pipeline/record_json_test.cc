// RecordToJson against a naive reference: the whole record built as one
// nlohmann DOM and dumped, as RecordToJson did before its quotes, entities
// and figures got their own writer. The two must agree byte for byte,
// compact and pretty, on records full of what escaping gets wrong: invalid
// UTF-8 (spans that cut a sequence), control bytes, quote marks and
// backslashes, and every kind of double.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "newstrace/pipeline.h"

namespace newstrace {
namespace {

using json = nlohmann::ordered_json;

json NaiveSpan(const Article& a, Span s) {
  json j;
  j["begin"] = s.begin;
  j["end"] = s.end;
  j["text"] = std::string(a.SpanText(s));
  return j;
}

void NaiveSpanInto(const Article& a, Span s, json* j) {
  const json span = NaiveSpan(a, s);  // items() must not outlive it
  for (auto& [k, v] : span.items()) (*j)[k] = v;
}

json NaiveRef(const Article& a, const PersonRef& r) {
  json j;
  if (r.resolved()) j["name"] = r.name;
  NaiveSpanInto(a, r.span, &j);
  j["via"] = std::string(RefViaName(r.via));
  return j;
}

std::string NaiveRecordToJson(const Record& record, bool pretty) {
  const Article& a = record.article;
  json j;
  if (!a.id.empty()) j["id"] = a.id;
  if (!a.source.url.empty()) j["url"] = a.source.url;
  if (!a.source.domain.empty()) j["domain"] = a.source.domain;
  j["format"] = std::string(FormatName(a.format));
  if (!a.title.empty()) j["title"] = a.title;
  if (!a.authors.empty()) j["authors"] = a.authors;
  if (!a.published.empty()) j["published"] = a.published;
  if (!a.language.empty()) j["language"] = a.language;
  if (!a.source.label.empty()) j["label"] = a.source.label;
  if (!a.source.fetched.empty()) j["fetched"] = a.source.fetched;
  j["text"] = a.text;
  json blocks = json::array();
  for (const Block& b : a.blocks) {
    json jb;
    jb["kind"] = std::string(BlockKindName(b.kind));
    NaiveSpanInto(a, b.span, &jb);
    if (!b.credit.empty()) jb["credit"] = b.credit;
    blocks.push_back(std::move(jb));
  }
  j["blocks"] = std::move(blocks);
  if (!record.quotes.empty()) {
    json out = json::array();
    for (const Quote& q : record.quotes) {
      json jq;
      jq["kind"] = std::string(QuoteKindName(q.kind));
      NaiveSpanInto(a, q.span, &jq);
      if (!q.cue.empty()) jq["cue"] = NaiveSpan(a, q.cue);
      if (q.speaker) jq["speaker"] = NaiveRef(a, *q.speaker);
      if (q.addressee) jq["addressee"] = NaiveRef(a, *q.addressee);
      out.push_back(std::move(jq));
    }
    j["quotes"] = std::move(out);
  }
  if (!record.entities.empty()) {
    json out = json::array();
    for (const Entity& e : record.entities) {
      json je;
      je["name"] = e.name;
      je["type"] = std::string(EntityTypeName(e.type));
      json mentions = json::array();
      for (Span s : e.mentions) mentions.push_back(NaiveSpan(a, s));
      je["mentions"] = std::move(mentions);
      out.push_back(std::move(je));
    }
    j["entities"] = std::move(out);
  }
  if (!record.figures.empty()) {
    json out = json::array();
    for (const Figure& f : record.figures) {
      json jf;
      jf["kind"] = std::string(FigureKindName(f.kind));
      NaiveSpanInto(a, f.span, &jf);
      if (f.kind == FigureKind::kNumber) {
        jf["value"] = f.value;
        if (!f.unit.empty()) jf["unit"] = f.unit;
      } else {
        jf["date"] = f.date;
        if (f.relative) jf["relative"] = true;
      }
      out.push_back(std::move(jf));
    }
    j["figures"] = std::move(out);
  }
  if (!record.signals.empty()) {
    json out = json::object();
    for (const Signal& s : record.signals) {
      const std::string name(s.name);
      if (std::isfinite(s.value) && s.value == std::trunc(s.value) &&
          std::fabs(s.value) < 1e15) {
        out[name] = static_cast<int64_t>(s.value);
      } else {
        out[name] = s.value;
      }
    }
    j["signals"] = std::move(out);
  }
  json diags = json::array();
  for (const Diagnostic& d : a.diagnostics) {
    diags.push_back({{"code", d.code}, {"message", d.message}});
  }
  if (!diags.empty()) j["diagnostics"] = std::move(diags);
  return j.dump(pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

void ExpectSame(const Record& r) {
  for (bool pretty : {false, true}) {
    JsonOptions options;
    options.pretty = pretty;
    ASSERT_EQ(RecordToJson(r, options), NaiveRecordToJson(r, pretty))
        << "pretty " << pretty;
  }
}

// Random records over random text; deterministic.
class RandomRecords {
 public:
  explicit RandomRecords(uint64_t seed) : rng_(seed) {}

  size_t Below(size_t n) { return n == 0 ? 0 : rng_() % n; }

  // Bytes biased to what escaping must handle: escapes, control bytes,
  // multi-byte sequences at either edge of their ranges (valid, and just
  // past: overlong forms, surrogates, past U+10FFFF, cut short) and lone
  // bytes that break UTF-8.
  std::string Text(size_t n) {
    static const char* const kValid[] = {
        "\xc2\x80",         "\xdf\xbf",        "\xe0\xa0\x80",
        "\xe2\x80\x9c",     "\xed\x80\x80",    "\xed\x9f\xbf",
        "\xee\x80\x80",     "\xef\xbf\xbf",    "\xf0\x90\x80\x80",
        "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf"};
    static const char* const kInvalid[] = {
        "\xc1\xbf",         "\xe0\x9f\xbf",     "\xed\xa0\x80",
        "\xed\xbf\xbf",     "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80",
        "\xf5\x80\x80\x80", "\xe2\x80",         "\xf0\x9f\x98"};
    static const unsigned char kOdd[] = {
        '"',  '\\', '\n', '\t', '\r', 0x08, 0x0c, 0x00, 0x01, 0x1f,
        0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xa0, 0xed,
        0x9f, 0xa0, 0xef, 0xf0, 0x90, 0x8f, 0xf4, 0xf5, 0xff, '/'};
    std::string s;
    for (size_t i = 0; i < n; ++i) {
      switch (Below(8)) {
        case 0:
          s.push_back(static_cast<char>(kOdd[Below(sizeof kOdd)]));
          break;
        case 1:
        case 2:
          s += kValid[Below(std::size(kValid))];
          break;
        case 3:
          if (Below(4) == 0) s += kInvalid[Below(std::size(kInvalid))];
          break;
        default:
          s.push_back(static_cast<char>('a' + Below(26)));
          break;
      }
    }
    return s;
  }

  Span SpanIn(const std::string& text) {
    Span s;
    s.begin = Below(text.size() + 1);
    s.end = s.begin + Below(text.size() - s.begin + 1);
    return s;
  }

  double Double() {
    static const double kEdges[] = {0.0,
                                    -0.0,
                                    1.0,
                                    -1.0,
                                    0.5,
                                    2300000000.0,
                                    1e14,
                                    999999999999999.0,
                                    1e15,
                                    1e16,
                                    -1e20,
                                    1e-7,
                                    123456789012345.0,
                                    9007199254740993.0,
                                    1e308,
                                    5e-324,
                                    std::numeric_limits<double>::quiet_NaN(),
                                    std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity()};
    const uint64_t bits = rng_();
    double v = 0;
    switch (Below(4)) {
      case 0:
        return kEdges[Below(std::size(kEdges))];
      case 1:
        std::memcpy(&v, &bits, sizeof v);
        return v;
      case 2:
        return static_cast<double>(static_cast<int64_t>(bits >> Below(64)));
      default:
        return std::round(std::ldexp(static_cast<double>(bits >> 11),
                                     static_cast<int>(Below(70)) - 60));
    }
  }

  PersonRef Ref(const std::string& text) {
    PersonRef p;
    if (Below(2)) p.name = Text(Below(8));
    p.span = SpanIn(text);
    p.via = static_cast<RefVia>(Below(4));
    return p;
  }

  Record Next() {
    Record r;
    Article& a = r.article;
    a.text = Text(Below(160));
    a.format = Below(2) ? Format::kText : Format::kHtml;
    if (Below(3) == 0) a.id = Text(Below(6));
    if (Below(4) == 0) a.source.url = "https://example.com/" + Text(3);
    if (Below(4) == 0) a.title = Text(Below(10));
    if (Below(4) == 0) a.authors = {"A. Writer", Text(4)};
    if (Below(4) == 0) a.language = "en";
    for (size_t i = Below(4); i > 0; --i) {
      Block b;
      b.kind = static_cast<BlockKind>(Below(5));
      b.span = SpanIn(a.text);
      if (Below(4) == 0) b.credit = Text(4);
      a.blocks.push_back(b);
    }
    for (size_t i = Below(4); i > 0; --i) {
      Quote q;
      q.kind = static_cast<QuoteKind>(Below(3));
      q.span = SpanIn(a.text);
      if (Below(2)) q.cue = SpanIn(a.text);
      if (Below(2)) q.speaker = Ref(a.text);
      if (Below(3) == 0) q.addressee = Ref(a.text);
      r.quotes.push_back(q);
    }
    for (size_t i = Below(4); i > 0; --i) {
      Entity e;
      e.name = Text(Below(8));
      e.type = static_cast<EntityType>(Below(3));
      for (size_t k = Below(3); k > 0; --k)
        e.mentions.push_back(SpanIn(a.text));
      r.entities.push_back(e);
    }
    for (size_t i = Below(5); i > 0; --i) {
      Figure f;
      f.kind = static_cast<FigureKind>(Below(2));
      f.span = SpanIn(a.text);
      f.value = Double();
      if (Below(2)) f.unit = Text(3);
      f.date = Text(Below(5));
      f.relative = Below(2);
      r.figures.push_back(f);
    }
    if (Below(2)) {
      r.signals = {{"headline_words", 12}, {"quote_share", 0.25}};
    }
    for (size_t i = Below(3); i > 0; --i) {
      a.diagnostics.push_back({Text(3), Text(6)});
    }
    return r;
  }

 private:
  std::mt19937_64 rng_;
};

TEST(RecordJsonTest, RecordDocExample) {
  Record r;
  Article& a = r.article;
  a.format = Format::kText;
  a.text = "Ms Varga said: \"It will raise $2.3 billion a year,\" on Tuesday.";
  a.blocks.push_back({BlockKind::kParagraph, {0, a.text.size()}, ""});
  Quote q;
  q.span = {16, 50};
  q.cue = {9, 13};
  q.speaker = PersonRef{"Elena Varga", {0, 8}, RefVia::kName};
  r.quotes.push_back(q);
  r.entities.push_back({"Elena Varga", EntityType::kPerson, {{0, 8}}});
  r.entities.push_back({"Nobody", EntityType::kPlace, {}});  // "mentions": []
  Figure money;
  money.span = {30, 42};
  money.value = 2300000000.0;
  money.unit = "USD";
  r.figures.push_back(money);
  Figure day;
  day.kind = FigureKind::kDate;
  day.span = {55, 62};
  day.date = "Tuesday";
  day.relative = true;
  r.figures.push_back(day);
  ExpectSame(r);
  EXPECT_NE(RecordToJson(r, {}).find("\"value\":2300000000.0,\"unit\":\"USD\""),
            std::string::npos);
}

TEST(RecordJsonTest, NoAnalysis) {
  Record r;
  r.article.format = Format::kHtml;
  ExpectSame(r);  // "text": "", "blocks": [] and nothing else
  r.article.diagnostics.push_back({"nul_bytes", "dropped 3 NUL bytes"});
  ExpectSame(r);
}

TEST(RecordJsonTest, RandomRecordsMatchTheReference) {
  RandomRecords random(20240601);
  for (int i = 0; i < 5000; ++i) {
    Record r = random.Next();
    SCOPED_TRACE(i);
    ExpectSame(r);
    if (HasFatalFailure()) return;
  }
}

TEST(RecordJsonTest, DoublesMatchTheReference) {
  RandomRecords random(7);
  Record r;
  r.article.text = "12";
  r.figures.resize(1);
  r.figures[0].span = {0, 2};
  for (int i = 0; i < 50000; ++i) {
    r.figures[0].value = random.Double();
    ASSERT_EQ(RecordToJson(r, {}), NaiveRecordToJson(r, false))
        << r.figures[0].value;
  }
}

}  // namespace
}  // namespace newstrace
