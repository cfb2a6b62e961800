// FindQuoteMarks against the loop it replaced (kept here as the reference:
// it walked every token of every paragraph, FindQuoteMarks only the quote
// tokens) on random texts full of ambiguous marks.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/quotes.h"
#include "analyze/tokens.h"

namespace newstrace::analyze {
namespace {
namespace reference {

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

bool IsOpeningDouble(char32_t cp) {
  return cp == 0x201C || cp == 0x201E || cp == 0xAB;
}
bool IsClosingDouble(char32_t cp) { return cp == 0x201D || cp == 0xBB; }

// For an ambiguous mark (straight ' or ", or ’ that may close or be an
// apostrophe): what its neighbours say.
bool OpenerContext(const TextView& v, const Token& t) {
  const Paragraph& p = v.paras[t.para];
  bool before_ok = t.begin == p.span.begin;
  if (!before_ok) {
    char c = v.text[t.begin - 1];
    before_ok = IsSpaceByte(c) || c == '(' || c == '[' || c == '{' ||
                c == '/' || c == '-' ||
                // an em/en dash or another mark right before
                static_cast<unsigned char>(c) >= 0x80;
  }
  bool after_ok = t.end < p.span.end && !IsSpaceByte(v.text[t.end]);
  return before_ok && after_ok;
}

bool CloserContext(const TextView& v, const Token& t) {
  const Paragraph& p = v.paras[t.para];
  bool before_ok = t.begin > p.span.begin && !IsSpaceByte(v.text[t.begin - 1]);
  if (!before_ok) return false;
  if (t.end >= p.span.end) return true;
  char c = v.text[t.end];
  return IsSpaceByte(c) || c == ',' || c == '.' || c == ';' || c == ':' ||
         c == '?' || c == '!' || c == ')' || c == ']' || c == '-' ||
         static_cast<unsigned char>(c) >= 0x80;
}

Span TrimSpan(std::string_view text, size_t b, size_t e) {
  while (b < e && IsSpaceByte(text[b])) ++b;
  while (e > b && IsSpaceByte(text[e - 1])) --e;
  return {b, e};
}

std::vector<QuoteMarks> OldFindQuoteMarks(const TextView& v) {
  std::vector<QuoteMarks> out;
  size_t body_double = 0;
  for (const Paragraph& p : v.paras) {
    if (p.headline) continue;
    for (uint32_t i = p.first_token; i < p.end_token; ++i) {
      const Token& t = v.tokens[i];
      if (t.kind == TokKind::kQuote && IsDoubleQuoteMark(t.cp)) ++body_double;
    }
  }
  auto emit = [&](uint32_t open, uint32_t close, bool closed, bool single) {
    QuoteMarks q;
    q.open = open;
    q.close = close;
    q.closed = closed;
    q.single = single;
    size_t end = closed ? v.tokens[close].begin : v.tokens[close - 1].end;
    q.span = TrimSpan(v.text, v.tokens[open].end, end);
    if (!q.span.empty()) out.push_back(q);
  };
  int64_t open = -1;  // an open double quote, possibly from an earlier
                      // paragraph
  for (uint32_t pi = 0; pi < v.paras.size(); ++pi) {
    const Paragraph& p = v.paras[pi];
    bool single_ok = p.headline || body_double == 0;
    uint32_t i = p.first_token;
    if (open >= 0 && i < p.end_token) i++;  // the reopening mark
    for (; i < p.end_token; ++i) {
      const Token& t = v.tokens[i];
      if (t.kind != TokKind::kQuote) continue;
      if (IsDoubleQuoteMark(t.cp)) {
        bool opener = IsOpeningDouble(t.cp) ||
                      (!IsClosingDouble(t.cp) && OpenerContext(v, t));
        bool closer = IsClosingDouble(t.cp) ||
                      (!IsOpeningDouble(t.cp) && CloserContext(v, t));
        // German and other Central European text opens with „ (low) and
        // closes with “, the mark English opens with.
        if (open >= 0 && v.tokens[open].cp == 0x201E && t.cp == 0x201C) {
          opener = false;
          closer = true;
        }
        if (open < 0) {
          if (opener || !closer) open = i;
          continue;
        }
        if (closer || !opener) {
          emit(static_cast<uint32_t>(open), i, true, false);
          open = -1;
        } else {
          // A second opener: the first quote was never closed.
          emit(static_cast<uint32_t>(open), i, false, false);
          open = i;
        }
        continue;
      }
      if (!single_ok || open >= 0 || !IsSingleQuoteMark(t.cp)) continue;
      if (t.cp == 0x2019 || !OpenerContext(v, t)) continue;
      uint32_t sent_end = v.sentences[t.sentence].end_token;
      for (uint32_t j = i + 1; j < sent_end && j < i + 30; ++j) {
        const Token& c = v.tokens[j];
        if (c.kind != TokKind::kQuote) continue;
        if (IsSingleQuoteMark(c.cp) && c.cp != 0x2018 && CloserContext(v, c)) {
          emit(i, j, true, true);
          i = j;
          break;
        }
        if (IsDoubleQuoteMark(c.cp)) break;
      }
    }
    if (open >= 0) {
      // News reopens a quote at each new paragraph it runs into.
      bool continues =
          pi + 1 < v.paras.size() && !v.paras[pi + 1].headline &&
          v.paras[pi + 1].first_token < v.paras[pi + 1].end_token &&
          IsDoubleOpener(v, v.paras[pi + 1].first_token);
      if (!continues) {
        if (p.end_token > static_cast<uint32_t>(open) + 1) {
          emit(static_cast<uint32_t>(open), p.end_token, false, false);
        }
        open = -1;
      }
    }
  }
  return out;
}

}  // namespace reference

TEST(FindQuoteMarksTest, MatchesTheOldLoopOnRandomTexts) {
  constexpr std::string_view kPieces[] = {"He said",
                                          " ",
                                          " ",
                                          "\"",
                                          "\" ",
                                          " \"",
                                          "'",
                                          "' ",
                                          " '",
                                          "\xE2\x80\x9C",
                                          "\xE2\x80\x9D",
                                          "\xE2\x80\x98",
                                          "\xE2\x80\x99",
                                          "\xE2\x80\x9E",
                                          "\xC2\xAB",
                                          "\xC2\xBB",
                                          "\xE2\x80\x94",
                                          "(",
                                          ")",
                                          ", ",
                                          ". ",
                                          "? ",
                                          "Smith's",
                                          "we won",
                                          "no",
                                          "Yes",
                                          "-",
                                          "\n"};
  std::mt19937 rng(5);
  int quotes_found = 0;  // the property is not met by finding none
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t n = 1 + rng() % 80;
    for (size_t k = 0; k < n; ++k) {
      text += kPieces[rng() % std::size(kPieces)];
    }
    std::vector<Paragraph> paras;
    for (size_t pos = 0; pos < text.size();) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      Paragraph p;
      p.span = {pos, end};
      p.headline = rng() % 6 == 0;
      paras.push_back(p);
      pos = end + 1;
    }
    const TextView v = Tokenize(text, std::move(paras));
    const std::vector<QuoteMarks> want = reference::OldFindQuoteMarks(v);
    const std::vector<QuoteMarks> got = FindQuoteMarks(v);
    quotes_found += static_cast<int>(want.size());
    ASSERT_EQ(got.size(), want.size()) << text;
    for (size_t k = 0; k < want.size(); ++k) {
      EXPECT_EQ(got[k].open, want[k].open) << text;
      EXPECT_EQ(got[k].close, want[k].close) << text;
      EXPECT_EQ(got[k].closed, want[k].closed) << text;
      EXPECT_EQ(got[k].single, want[k].single) << text;
      EXPECT_EQ(got[k].span.begin, want[k].span.begin) << text;
      EXPECT_EQ(got[k].span.end, want[k].span.end) << text;
    }
    if (HasFailure()) return;
  }
  EXPECT_GT(quotes_found, 1000);
}

}  // namespace
}  // namespace newstrace::analyze
