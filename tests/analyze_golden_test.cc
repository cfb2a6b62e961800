// Golden cases for analysis (quotes, speakers, entities, figures):
// tests/golden/analyze/<case>/ holds input.txt or input.html (written by
// us) and expected.json, which states what a careful reader says the record
// must contain. Keys, all optional:
//   "quotes": the full quote list, in text order; each
//       {"kind": "full|partial|scare", "text": quoted words (no marks),
//        "speaker": canonical name, or null for "speaker unknown",
//        "speaker_unresolved": the mention text of a speaker that names no
//            one the article identifies ("a spokesman"),
//        "via": "name|pronoun|role|continuation",
//        "cue": cue text, "addressee": canonical name}
//       (keys other than kind and text are checked only when present)
//   "has_quotes": quotes that must be among the quotes, same form
//   "entities": entities that must be present:
//       {"name", "type", "mentions": minimum number of mentions}
//   "no_entities": names that must not be any entity's name
//   "figures": figures that must be present: {"kind", "text", "value",
//       "unit", "date", "relative"} (keys checked when present)
//   "no_figures": texts that must not be any figure's text
// Every case also checks invariants: spans inside the text and on its
// code-point boundaries, quotes in order and not overlapping, every
// mention's text consistent with its span.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newstrace/pipeline.h"
#include "testutil/files.h"

namespace newstrace {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testutil::ReadWholeFile;

fs::path Root() {
  return fs::path(NEWSTRACE_SOURCE_DIR) / "tests/golden/analyze";
}

std::vector<std::string> Cases() { return testutil::GoldenCases("analyze"); }

std::string Describe(const Record& r) {
  const Article& a = r.article;
  std::string s = "quotes found:\n";
  for (const Quote& q : r.quotes) {
    s += "  [" + std::string(QuoteKindName(q.kind)) + "] \"" +
         std::string(a.SpanText(q.span)).substr(0, 70) + "\"";
    if (!q.cue.empty()) s += " cue=" + std::string(a.SpanText(q.cue));
    if (q.speaker) {
      s += " speaker=" + (q.speaker->resolved() ? q.speaker->name : "?") +
           " (" + std::string(a.SpanText(q.speaker->span)) + ", " +
           std::string(RefViaName(q.speaker->via)) + ")";
    } else {
      s += " speaker=unknown";
    }
    if (q.addressee) s += " addressee=" + q.addressee->name;
    s += "\n";
  }
  s += "entities found:\n";
  for (const Entity& e : r.entities) {
    s += "  " + std::string(EntityTypeName(e.type)) + " " + e.name + " x" +
         std::to_string(e.mentions.size()) + "\n";
  }
  s += "figures found:\n";
  for (const Figure& f : r.figures) {
    s += "  " + std::string(FigureKindName(f.kind)) + " \"" +
         std::string(a.SpanText(f.span)) + "\" " +
         (f.kind == FigureKind::kNumber
              ? std::to_string(f.value) + " " + f.unit
              : f.date + (f.relative ? " (relative)" : "")) +
         "\n";
  }
  return s;
}

// Whether quote `q` matches the expectation `want`; `why` says how not.
bool QuoteMatches(const Article& a, const Quote& q, const json& want,
                  std::string* why) {
  auto fail = [&](const std::string& m) {
    *why = m;
    return false;
  };
  if (a.SpanText(q.span) != want["text"].get<std::string>()) {
    return fail("text");
  }
  if (QuoteKindName(q.kind) != want["kind"].get<std::string>()) {
    return fail("kind is " + std::string(QuoteKindName(q.kind)));
  }
  if (want.contains("speaker")) {
    if (want["speaker"].is_null()) {
      if (q.speaker) return fail("speaker should be unknown");
    } else if (!q.speaker || q.speaker->name != want["speaker"]) {
      return fail("speaker is " +
                  (q.speaker ? "'" + q.speaker->name + "'" : "unknown"));
    }
  }
  if (want.contains("speaker_unresolved")) {
    if (!q.speaker || q.speaker->resolved() ||
        a.SpanText(q.speaker->span) != want["speaker_unresolved"]) {
      return fail("speaker should be the unresolved mention " +
                  want["speaker_unresolved"].dump());
    }
  }
  if (want.contains("via") &&
      (!q.speaker || RefViaName(q.speaker->via) != want["via"])) {
    return fail("via");
  }
  if (want.contains("cue") && a.SpanText(q.cue) != want["cue"]) {
    return fail("cue is '" + std::string(a.SpanText(q.cue)) + "'");
  }
  if (want.contains("addressee") &&
      (!q.addressee || q.addressee->name != want["addressee"])) {
    return fail("addressee");
  }
  return true;
}

bool FigureMatches(const Article& a, const Figure& f, const json& want) {
  if (a.SpanText(f.span) != want["text"].get<std::string>()) return false;
  if (want.contains("kind") && FigureKindName(f.kind) != want["kind"]) {
    return false;
  }
  if (want.contains("value") &&
      std::abs(f.value - want["value"].get<double>()) >
          1e-9 * std::max(1.0, std::abs(f.value))) {
    return false;
  }
  if (want.contains("unit") && f.unit != want["unit"]) return false;
  if (want.contains("date") && f.date != want["date"]) return false;
  if (want.contains("relative") && f.relative != want["relative"]) {
    return false;
  }
  return true;
}

class AnalyzeGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(AnalyzeGoldenTest, MatchesExpected) {
  fs::path dir = Root() / GetParam();
  RawDoc doc;
  ASSERT_TRUE(testutil::ReadGoldenInput(dir, &doc))
      << "no input.txt or input.html in " << dir;
  const Format format = doc.format;
  ASSERT_TRUE(fs::exists(dir / "expected.json")) << dir;
  json expected = json::parse(ReadWholeFile(dir / "expected.json"));

  Result<Record> r = AnalyzeDocument(doc, AnalyzeOptions());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Article& a = r->article;
  SCOPED_TRACE(Describe(*r));

  auto on_boundary = [&](size_t i) {
    return i >= a.text.size() ||
           (static_cast<unsigned char>(a.text[i]) & 0xC0) != 0x80;
  };
  auto check_span = [&](Span s, const char* what) {
    ASSERT_LE(s.begin, s.end) << what;
    ASSERT_LE(s.end, a.text.size()) << what;
    EXPECT_TRUE(on_boundary(s.begin) && on_boundary(s.end)) << what;
  };
  size_t prev_end = 0;
  for (const Quote& q : r->quotes) {
    check_span(q.span, "quote");
    EXPECT_GE(q.span.begin, prev_end) << "quotes overlap or out of order";
    prev_end = q.span.end;
    check_span(q.cue, "cue");
    if (q.speaker) check_span(q.speaker->span, "speaker");
  }
  for (const Entity& e : r->entities) {
    EXPECT_FALSE(e.mentions.empty()) << e.name;
    for (Span s : e.mentions) check_span(s, "mention");
  }
  for (const Figure& f : r->figures) check_span(f.span, "figure");

  if (expected.contains("quotes")) {
    const json& want = expected["quotes"];
    EXPECT_EQ(r->quotes.size(), want.size()) << "quote count";
    for (size_t i = 0; i < std::min(r->quotes.size(), want.size()); ++i) {
      std::string why;
      EXPECT_TRUE(QuoteMatches(a, r->quotes[i], want[i], &why))
          << "quote " << i << " " << want[i].dump() << ": " << why;
    }
  }
  for (const json& want : expected.value("has_quotes", json::array())) {
    std::string why = "not found";
    bool found = false;
    for (const Quote& q : r->quotes) {
      std::string w;
      if (a.SpanText(q.span) != want["text"].get<std::string>()) continue;
      found = QuoteMatches(a, q, want, &w);
      why = w;
      break;
    }
    EXPECT_TRUE(found) << want.dump() << ": " << why;
  }
  for (const json& want : expected.value("entities", json::array())) {
    const Entity* got = nullptr;
    for (const Entity& e : r->entities) {
      if (e.name == want["name"].get<std::string>()) got = &e;
    }
    if (!got) {
      ADD_FAILURE() << "no entity " << want.dump();
      continue;
    }
    if (want.contains("type")) {
      EXPECT_EQ(EntityTypeName(got->type), want["type"].get<std::string>())
          << got->name;
    }
    if (want.contains("mentions")) {
      EXPECT_GE(got->mentions.size(), want["mentions"].get<size_t>())
          << got->name;
    }
  }
  for (const json& name : expected.value("no_entities", json::array())) {
    for (const Entity& e : r->entities) {
      EXPECT_NE(e.name, name.get<std::string>()) << "unwanted entity";
    }
  }
  for (const json& want : expected.value("figures", json::array())) {
    bool found = false;
    for (const Figure& f : r->figures)
      found = found || FigureMatches(a, f, want);
    EXPECT_TRUE(found) << "no figure " << want.dump();
  }
  for (const json& text : expected.value("no_figures", json::array())) {
    for (const Figure& f : r->figures) {
      EXPECT_NE(a.SpanText(f.span), text.get<std::string>())
          << "unwanted figure";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Analyze, AnalyzeGoldenTest,
                         ::testing::ValuesIn(Cases()), [](const auto& info) {
                           return testutil::GoldenTestName(info.param);
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(AnalyzeGoldenTest);

}  // namespace
}  // namespace newstrace
