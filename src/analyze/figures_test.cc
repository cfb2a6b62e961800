#include "analyze/figures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace newstrace::analyze {
namespace {

// One line per figure: "N 2.3 million = 2300000 people" or
// "D November 2017 = 2017-11" ("D~" when relative).
std::string Describe(std::string_view text, const Figure& f) {
  std::string span(text.substr(f.span.begin, f.span.end - f.span.begin));
  if (f.kind == FigureKind::kDate) {
    return std::string(f.relative ? "D~ " : "D ") + span + " = " + f.date;
  }
  char value[64];
  std::snprintf(value, sizeof(value), "%.15g", f.value);
  std::string s = "N " + span + " = " + value;
  if (!f.unit.empty()) s += " " + f.unit;
  return s;
}

std::vector<std::string> Find(std::string_view text) {
  std::vector<Figure> figures;
  FindFigures(text, {Span{0, text.size()}}, &figures);
  std::vector<std::string> lines;
  for (const Figure& f : figures) lines.push_back(Describe(text, f));
  return lines;
}

using Lines = std::vector<std::string>;

TEST(FiguresTest, ArticleSentenceMillionPeople) {
  EXPECT_EQ(Find("A day after the UN envoy warned that an assault on the area "
                 "could affect 2.3 million people, the leaders met."),
            Lines({"N 2.3 million = 2300000 people"}));
}

TEST(FiguresTest, SevenYearWar) {
  EXPECT_EQ(Find("Russia has been a key ally of Assad throughout the "
                 "seven-year Syrian civil war."),
            Lines({"N seven-year = 7 year"}));
  EXPECT_EQ(Find("the seven-year civil war"), Lines({"N seven-year = 7 year"}));
  EXPECT_EQ(Find("a 45-year-old man"), Lines({"N 45-year-old = 45 year"}));
}

TEST(FiguresTest, MonthAndYear) {
  EXPECT_EQ(Find("Assad met Mr Putin in November 2017 and October 2015."),
            Lines({"D November 2017 = 2017-11", "D October 2015 = 2015-10"}));
}

TEST(FiguresTest, Weekday) {
  EXPECT_EQ(Find("Putin met Assad on Thursday and said"),
            Lines({"D~ Thursday = Thursday"}));
  EXPECT_EQ(Find("Markets close early on Fridays."),
            Lines({"D~ Fridays = Friday"}));
  EXPECT_EQ(Find("Thursday's meeting"), Lines({"D~ Thursday = Thursday"}));
}

TEST(FiguresTest, CountsWithUnits) {
  EXPECT_EQ(Find("Some 3,000 troops arrived."),
            Lines({"N 3,000 = 3000 troops"}));
  EXPECT_EQ(Find("It scored 7 points."), Lines({"N 7 = 7 points"}));
  EXPECT_EQ(Find("a total of 1,234,567.89 votes"),
            Lines({"N 1,234,567.89 = 1234567.89 votes"}));
  EXPECT_EQ(Find("a 5km race at 70mph"),
            Lines({"N 5km = 5 km", "N 70mph = 70 mph"}));
}

TEST(FiguresTest, Currencies) {
  EXPECT_EQ(Find("a $3.2 million deal"),
            Lines({"N $3.2 million = 3200000 USD"}));
  EXPECT_EQ(Find("It cost £5bn and €40m."),
            Lines({"N £5bn = 5000000000 GBP", "N €40m = 40000000 EUR"}));
  EXPECT_EQ(Find("a US$2.5bn loan"), Lines({"N US$2.5bn = 2500000000 USD"}));
  EXPECT_EQ(Find("costs ¥500"), Lines({"N ¥500 = 500 JPY"}));
}

TEST(FiguresTest, Percent) {
  EXPECT_EQ(Find("40% of voters"), Lines({"N 40% = 40 percent"}));
  EXPECT_EQ(Find("rose 40 per cent"), Lines({"N 40 per cent = 40 percent"}));
  EXPECT_EQ(Find("rose 40 percent"), Lines({"N 40 percent = 40 percent"}));
  EXPECT_EQ(Find("fell 2.5pc"), Lines({"N 2.5pc = 2.5 percent"}));
  EXPECT_EQ(Find("up 3 percentage points"),
            Lines({"N 3 percentage points = 3 percentage points"}));
  EXPECT_EQ(Find("forty per cent of them"),
            Lines({"N forty per cent = 40 percent"}));
}

TEST(FiguresTest, ScaleSuffixes) {
  EXPECT_EQ(Find("2.3m people"), Lines({"N 2.3m = 2300000 people"}));
  EXPECT_EQ(Find("5bn barrels"), Lines({"N 5bn = 5000000000 barrels"}));
  EXPECT_EQ(Find("a 10k run"), Lines({"N 10k = 10000 run"}));
  EXPECT_EQ(Find("1.5 billion dollars"),
            Lines({"N 1.5 billion = 1500000000 dollars"}));
}

TEST(FiguresTest, NumberWords) {
  EXPECT_EQ(Find("twenty-five people died"),
            Lines({"N twenty-five = 25 people"}));
  EXPECT_EQ(Find("Three soldiers were hurt"), Lines({"N Three = 3 soldiers"}));
  EXPECT_EQ(Find("two hundred and fifty protesters"),
            Lines({"N two hundred and fifty = 250 protesters"}));
  EXPECT_EQ(Find("three million voters"),
            Lines({"N three million = 3000000 voters"}));
  EXPECT_EQ(Find("one hundred thousand refugees"),
            Lines({"N one hundred thousand = 100000 refugees"}));
  EXPECT_EQ(Find("a dozen people"), Lines({"N a dozen = 12 people"}));
  EXPECT_EQ(Find("two dozen eggs"), Lines({"N two dozen = 24 eggs"}));
  EXPECT_EQ(Find("half a million refugees"),
            Lines({"N half a million = 500000 refugees"}));
  EXPECT_EQ(Find("A million people"), Lines({"N A million = 1000000 people"}));
  EXPECT_EQ(Find("a one-year deal"), Lines({"N one-year = 1 year"}));
}

TEST(FiguresTest, OneAsPronounIsNotAFigure) {
  EXPECT_EQ(Find("one of the leaders said"), Lines());
  EXPECT_EQ(Find("No one knows."), Lines());
  EXPECT_EQ(Find("One day he left."), Lines());
  EXPECT_EQ(Find("a one-sided war"), Lines());
  EXPECT_EQ(Find("twenty-one people"), Lines({"N twenty-one = 21 people"}));
  EXPECT_EQ(Find("one million people"),
            Lines({"N one million = 1000000 people"}));
}

TEST(FiguresTest, NumberWordsNeedAUnitOrScale) {
  EXPECT_EQ(Find("the two met on Monday"), Lines({"D~ Monday = Monday"}));
  EXPECT_EQ(Find("three of them"), Lines());
  EXPECT_EQ(Find("two leaders met"), Lines({"N two = 2 leaders"}));
  EXPECT_EQ(Find("someone often tends to tone it down"), Lines());
}

TEST(FiguresTest, Ranges) {
  EXPECT_EQ(Find("10 to 15 people"),
            Lines({"N 10 = 10 people", "N 15 = 15 people"}));
  EXPECT_EQ(Find("between 2 and 3 million people"),
            Lines({"N 2 = 2000000 people", "N 3 million = 3000000 people"}));
  EXPECT_EQ(Find("10\xE2\x80\x93"
                 "15 people"),
            Lines({"N 10 = 10 people", "N 15 = 15 people"}));
  EXPECT_EQ(Find("from 5 to 10 percent"),
            Lines({"N 5 = 5 percent", "N 10 percent = 10 percent"}));
}

TEST(FiguresTest, NegativesAndDecimals) {
  EXPECT_EQ(Find("temperatures of -5.5 degrees"),
            Lines({"N -5.5 = -5.5 degrees"}));
  EXPECT_EQ(Find("growth of \xE2\x88\x92"
                 "0.3 percent"),
            Lines({"N \xE2\x88\x92"
                   "0.3 percent = -0.3 percent"}));
  EXPECT_EQ(Find("0.05 points"), Lines({"N 0.05 = 0.05 points"}));
}

TEST(FiguresTest, FullDates) {
  EXPECT_EQ(Find("on 25 November 2017"),
            Lines({"D 25 November 2017 = 2017-11-25"}));
  EXPECT_EQ(Find("on November 25, 2017, he"),
            Lines({"D November 25, 2017 = 2017-11-25"}));
  EXPECT_EQ(Find("on the 25th of November 2017"),
            Lines({"D 25th of November 2017 = 2017-11-25"}));
  EXPECT_EQ(Find("published 2017-11-25."),
            Lines({"D 2017-11-25 = 2017-11-25"}));
  EXPECT_EQ(Find("at 2017-11-21T10:00:00+03:00 sharp"),
            Lines({"D 2017-11-21 = 2017-11-21"}));
  EXPECT_EQ(Find("Thursday, November 23, 2017"),
            Lines({"D Thursday, November 23, 2017 = 2017-11-23"}));
  EXPECT_EQ(Find("on 30 February 2017"), Lines());
  EXPECT_EQ(Find("on February 29, 2017 or 29 February 2016"),
            Lines({"D 29 February 2016 = 2016-02-29"}));
  EXPECT_EQ(Find("on 2017-02-30"), Lines());
}

TEST(FiguresTest, YearlessDates) {
  EXPECT_EQ(Find("on Nov. 25 the"), Lines({"D~ Nov. 25 = --11-25"}));
  EXPECT_EQ(Find("on 25 November"), Lines({"D~ 25 November = --11-25"}));
  EXPECT_EQ(Find("in November"), Lines({"D~ November = --11"}));
  EXPECT_EQ(Find("until mid-March"), Lines({"D~ March = --03"}));
  EXPECT_EQ(Find("December was cold"), Lines({"D~ December = --12"}));
  EXPECT_EQ(Find("November's vote"), Lines({"D~ November = --11"}));
  EXPECT_EQ(Find("the 25 December's feast"),
            Lines({"D~ 25 December = --12-25"}));
}

TEST(FiguresTest, BareYears) {
  EXPECT_EQ(Find("Moscow launched an air campaign in 2015 that tipped it."),
            Lines({"D 2015 = 2015"}));
  EXPECT_EQ(Find("since 2011"), Lines({"D 2011 = 2011"}));
  EXPECT_EQ(Find("2015's elections"), Lines({"D 2015 = 2015"}));
  EXPECT_EQ(Find("the 2015 election"), Lines({"D 2015 = 2015"}));
  EXPECT_EQ(Find("in mid-2015"), Lines({"D 2015 = 2015"}));
  EXPECT_EQ(Find("the 2011-2015 war"),
            Lines({"D 2011 = 2011", "D 2015 = 2015"}));
  EXPECT_EQ(Find("2000 people marched"), Lines({"N 2000 = 2000 people"}));
  EXPECT_EQ(Find("in 2000 people marched"), Lines({"D 2000 = 2000"}));
  EXPECT_EQ(Find("$2015 each"), Lines({"N $2015 = 2015 USD"}));
}

TEST(FiguresTest, BareYearsBefore1900) {
  EXPECT_EQ(Find("The statue was taken from the island in 1898."),
            Lines({"D 1898 = 1898"}));
  EXPECT_EQ(Find("In 1776, the colonies"), Lines({"D 1776 = 1776"}));
  EXPECT_EQ(Find("the oldest since 1789"), Lines({"D 1789 = 1789"}));
  EXPECT_EQ(Find("by 1850 the city had"), Lines({"D 1850 = 1850"}));
  EXPECT_EQ(Find("the winter of 1812"), Lines({"D 1812 = 1812"}));
  EXPECT_EQ(Find("in 1700 and in 1899"),
            Lines({"D 1700 = 1700", "D 1899 = 1899"}));
  // The second year of a range opened by a preposition.
  EXPECT_EQ(Find("from 1850 to 1870"),
            Lines({"D 1850 = 1850", "D 1870 = 1870"}));
  EXPECT_EQ(Find("between 1861 and 1865,"),
            Lines({"D 1861 = 1861", "D 1865 = 1865"}));
  EXPECT_EQ(Find("from 1850 to 1900"),
            Lines({"D 1850 = 1850", "D 1900 = 1900"}));
  // No preposition, a plural noun, or before 1700: a number as before.
  EXPECT_EQ(Find("the 1898 treaty"), Lines({"N 1898 = 1898 treaty"}));
  EXPECT_EQ(Find("It has 1898 members."), Lines({"N 1898 = 1898 members"}));
  EXPECT_EQ(Find("cut by 1800 votes"), Lines({"N 1800 = 1800 votes"}));
  EXPECT_EQ(Find("power was cut in 1800 homes"),
            Lines({"N 1800 = 1800 homes"}));
  EXPECT_EQ(Find("in 1650"), Lines({"N 1650 = 1650"}));
  EXPECT_EQ(Find("up 1850 to 1870 points"),
            Lines({"N 1850 = 1850 points", "N 1870 = 1870 points"}));
  EXPECT_EQ(Find("in 1,850"), Lines({"N 1,850 = 1850"}));
  // Month dates already took years from 1000.
  EXPECT_EQ(Find("on July 4, 1776"), Lines({"D July 4, 1776 = 1776-07-04"}));
}

TEST(FiguresTest, RelativeDates) {
  EXPECT_EQ(Find("Yesterday, the minister said"),
            Lines({"D~ Yesterday = yesterday"}));
  EXPECT_EQ(Find("today and tomorrow"),
            Lines({"D~ today = today", "D~ tomorrow = tomorrow"}));
  EXPECT_EQ(Find("talks last week and next month"),
            Lines({"D~ last week = last week", "D~ next month = next month"}));
  EXPECT_EQ(Find("Earlier this month, he"),
            Lines({"D~ Earlier this month = earlier this month"}));
  EXPECT_EQ(Find("last year's vote"), Lines({"D~ last year = last year"}));
  EXPECT_EQ(Find("met last Thursday"),
            Lines({"D~ last Thursday = last thursday"}));
  EXPECT_EQ(Find("three days ago"),
            Lines({"D~ three days ago = three days ago"}));
  EXPECT_EQ(Find("5 years ago"), Lines({"D~ 5 years ago = 5 years ago"}));
  EXPECT_EQ(Find("a year ago"), Lines({"D~ a year ago = a year ago"}));
  EXPECT_EQ(Find("told Russia Today"), Lines());
}

TEST(FiguresTest, MayAndMarchAsWords) {
  EXPECT_EQ(Find("He may march on the capital."), Lines());
  EXPECT_EQ(Find("May I ask? March forward!"), Lines());
  EXPECT_EQ(Find("Theresa May said"), Lines());
  EXPECT_EQ(Find("in May"), Lines({"D~ May = --05"}));
  EXPECT_EQ(Find("May 2017"), Lines({"D May 2017 = 2017-05"}));
  EXPECT_EQ(Find("on 3 March"), Lines({"D~ 3 March = --03-03"}));
  EXPECT_EQ(Find("a cold november"), Lines());
}

TEST(FiguresTest, IdentifiersAreNotFigures) {
  EXPECT_EQ(Find("COVID-19 cases"), Lines());
  EXPECT_EQ(Find("an F-16 jet and a G20 summit"), Lines());
  EXPECT_EQ(Find("since 9/11 and 24/7 news"), Lines());
  EXPECT_EQ(Find("call 555-1234 or (555) 123-4567"), Lines());
  EXPECT_EQ(Find("call +44 20 7946 0958 now"), Lines());
  EXPECT_EQ(Find("see https://example.com/2017/11/25/a-100-people-story"),
            Lines());
  EXPECT_EQ(Find("mail news2017@example.org or www.site2015.com today"),
            Lines({"D~ today = today"}));
  EXPECT_EQ(Find("at 10:30 and 5am, in 3D, the 1990s"), Lines());
  EXPECT_EQ(Find("version 1.2.3 and 1,23"), Lines());
  EXPECT_EQ(Find("agent 007"), Lines());
  EXPECT_EQ(Find("World War 3 Putin Assad"), Lines());
  EXPECT_EQ(Find("the 5th of them"), Lines());
  EXPECT_EQ(Find("Chelsea won 2-1"), Lines());
}

TEST(FiguresTest, ListNumbering) {
  std::string text = "1. The first point.\n(2) Another.";
  std::vector<Figure> figures;
  FindFigures(text, {Span{0, 19}, Span{20, text.size()}}, &figures);
  EXPECT_TRUE(figures.empty());
}

TEST(FiguresTest, SeedArticleParagraphs) {
  const std::string text =
      "Vladimir Putin meets Assad, calls for 'political process' on Syria\n\n"
      "World War 3 Putin Assad Syria USA Iran Israel Terrorism Hezbollah\n\n"
      "Moscow launched an air campaign on behalf of Assad's forces in 2015 "
      "that tipped the conflict in his favour.";
  std::vector<Figure> figures;
  // Only the title and the last paragraph are ranges: the tag line between
  // them is not read.
  FindFigures(text, {Span{0, 66}, Span{134, text.size()}}, &figures);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].date, "2015");
  EXPECT_EQ(text.substr(figures[0].span.begin, figures[0].span.size()), "2015");
}

TEST(FiguresTest, RangesAreRespected) {
  const std::string text = "3,000 troops and 40% of 2015";
  std::vector<Figure> figures;
  FindFigures(text, {Span{6, 12}}, &figures);
  EXPECT_TRUE(figures.empty());
  // A range cut inside a number sees only its part ("000": leading zero).
  FindFigures(text, {Span{2, 5}}, &figures);
  EXPECT_TRUE(figures.empty());
  FindFigures(text, {Span{0, 12}, Span{17, 20}}, &figures);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].unit, "troops");
  EXPECT_EQ(figures[1].unit, "percent");
  EXPECT_EQ(figures[1].span.begin, 17u);
}

TEST(FiguresTest, EmptyAndOutOfBoundsRanges) {
  std::vector<Figure> figures;
  FindFigures("", {}, &figures);
  FindFigures("", {Span{0, 0}}, &figures);
  FindFigures("abc 5 people", {Span{7, 3}}, &figures);    // inverted
  FindFigures("abc 5 people", {Span{50, 90}}, &figures);  // past the end
  EXPECT_TRUE(figures.empty());
  FindFigures("abc 5 people", {Span{0, 1000}}, &figures);  // clipped
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].unit, "people");
}

TEST(FiguresTest, RangeAtTextEnd) {
  EXPECT_EQ(Find("It cost $5"), Lines({"N $5 = 5 USD"}));
  EXPECT_EQ(Find("in 2015"), Lines({"D 2015 = 2015"}));
  EXPECT_EQ(Find("November"), Lines({"D~ November = --11"}));
  EXPECT_EQ(Find("$"), Lines());
  EXPECT_EQ(Find("-"), Lines());
  EXPECT_EQ(Find("seven-"), Lines());
}

TEST(FiguresTest, HugeNumbersAreCapped) {
  std::string big = "1" + std::string(300, '0') + " million people";
  std::vector<Figure> figures;
  FindFigures(big, {Span{0, big.size()}}, &figures);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].value, kMaxFigureValue);
  EXPECT_EQ(figures[0].unit, "people");

  std::string digits500(500, '7');
  figures.clear();
  std::string text = "about " + digits500 + " stars";
  FindFigures(text, {Span{0, text.size()}}, &figures);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_TRUE(std::isfinite(figures[0].value));
  EXPECT_EQ(figures[0].value, kMaxFigureValue);

  figures.clear();
  text = "-" + digits500 + " degrees";
  FindFigures(text, {Span{0, text.size()}}, &figures);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].value, -kMaxFigureValue);

  EXPECT_EQ(Find("1e300 million"), Lines());
  EXPECT_EQ(Find("a trillion trillion trillion trillion trillion trillion "
                 "trillion trillion trillion trillion trillion trillion "
                 "trillion trillion trillion trillion trillion trillion "
                 "trillion trillion trillion trillion trillion trillion "
                 "trillion trillion trillion stars"),
            Lines({"N a trillion trillion trillion trillion trillion "
                   "trillion trillion trillion trillion trillion trillion "
                   "trillion trillion trillion trillion trillion trillion "
                   "trillion trillion trillion trillion trillion trillion "
                   "trillion trillion trillion trillion = 1e+300 stars"}));
  std::string tiny = "0." + std::string(400, '0') + "1 grams";
  figures.clear();
  FindFigures(tiny, {Span{0, tiny.size()}}, &figures);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].value, 0);
}

TEST(FiguresTest, InvalidAndTruncatedUtf8) {
  // A lone continuation byte, a truncated euro sign, an overlong encoding.
  EXPECT_EQ(Find("\x80\x80 5 people \xE2\x82"), Lines({"N 5 = 5 people"}));
  EXPECT_EQ(Find("\xE2\x82"
                 "40m"),
            Lines());
  EXPECT_EQ(Find("\xC0\xAF 2015"), Lines({"D 2015 = 2015"}));
  // A range that ends inside a multi-byte sequence.
  const std::string euro =
      "cost \xE2\x82\xAC"
      "40m";
  std::vector<Figure> figures;
  FindFigures(euro, {Span{0, 6}}, &figures);
  EXPECT_TRUE(figures.empty());
  // Non-ASCII words and units.
  EXPECT_EQ(Find("5 \xC3\xA9l\xC3\xA8ves"),
            Lines({"N 5 = 5 \xC3\xA9l\xC3\xA8ves"}));
}

TEST(FiguresTest, BinaryInputNeverCrashes) {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245u + 12345u;
    junk.push_back(static_cast<char>(x >> 16));
  }
  std::vector<Figure> figures;
  FindFigures(junk, {Span{0, junk.size()}, Span{100, 5000}}, &figures);
  for (const Figure& f : figures) {
    EXPECT_LE(f.span.begin, f.span.end);
    EXPECT_LE(f.span.end, junk.size());
    EXPECT_TRUE(std::isfinite(f.value));
  }
  // Every byte value in every position of a short window.
  for (int b = 0; b < 256; ++b) {
    std::string t = "on 25 November 2017 $5";
    for (size_t p = 0; p < t.size(); ++p) {
      std::string u = t;
      u[p] = static_cast<char>(b);
      figures.clear();
      FindFigures(u, {Span{0, u.size()}}, &figures);
      for (const Figure& f : figures) EXPECT_LE(f.span.end, u.size());
    }
  }
}

TEST(FiguresTest, TokenSoupKeepsInvariants) {
  // Random sequences of the pieces figures are made of, with and without
  // spaces between them: spans stay inside the text, in order, values
  // finite.
  static const char* const kPieces[] = {"5",
                                        "2.3",
                                        "1,000",
                                        "2015",
                                        "25",
                                        "-",
                                        "\xE2\x80\x93",
                                        "$",
                                        "%",
                                        "m",
                                        "bn",
                                        "million",
                                        "November",
                                        "Nov",
                                        ".",
                                        ",",
                                        "May",
                                        "in",
                                        "last",
                                        "week",
                                        "a",
                                        "dozen",
                                        "half",
                                        "seven",
                                        "year",
                                        "people",
                                        "to",
                                        "ago",
                                        "days",
                                        "'s",
                                        "th",
                                        "Thursday",
                                        "(",
                                        ")",
                                        "/",
                                        ":",
                                        "@",
                                        "\xC2\xA3",
                                        "\xFF",
                                        "one",
                                        "hundred",
                                        "and",
                                        "per",
                                        "cent",
                                        "of",
                                        "2017-11-25"};
  const size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  uint32_t x = 7;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (int k = 0; k < 12; ++k) {
      x = x * 1103515245u + 12345u;
      text += kPieces[(x >> 16) % kCount];
      if ((x >> 8) & 1) text += ' ';
    }
    std::vector<Figure> figures;
    FindFigures(text, {Span{0, text.size()}}, &figures);
    size_t prev_begin = 0;
    for (const Figure& f : figures) {
      ASSERT_LT(f.span.begin, f.span.end) << text;
      ASSERT_LE(f.span.end, text.size()) << text;
      ASSERT_GE(f.span.begin, prev_begin) << text;
      ASSERT_TRUE(std::isfinite(f.value)) << text;
      ASSERT_EQ(f.kind == FigureKind::kDate, !f.date.empty()) << text;
      prev_begin = f.span.begin;
    }
  }
}

TEST(FiguresTest, RepeatedPatternsStayLinear) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "10 to ";
  text += "15 people";
  std::vector<Figure> figures;
  FindFigures(text, {Span{0, text.size()}}, &figures);
  ASSERT_EQ(figures.size(), 20001u);
  EXPECT_EQ(figures.back().unit, "people");

  std::string words;
  for (int i = 0; i < 20000; ++i) words += "last last November November ";
  figures.clear();
  FindFigures(words, {Span{0, words.size()}}, &figures);
  EXPECT_EQ(figures.size(), 40000u);

  std::string dashes(100000, '-');
  dashes += "5";
  figures.clear();
  FindFigures(dashes, {Span{0, dashes.size()}}, &figures);
  EXPECT_TRUE(figures.empty());
}

TEST(FiguresTest, FiguresAreInTextOrderAcrossRanges) {
  const std::string text = "in 2015\n\n3 people on Monday";
  std::vector<Figure> figures;
  FindFigures(text, {Span{0, 7}, Span{9, text.size()}}, &figures);
  ASSERT_EQ(figures.size(), 3u);
  EXPECT_EQ(figures[0].date, "2015");
  EXPECT_EQ(figures[1].value, 3);
  EXPECT_EQ(figures[2].date, "Monday");
  EXPECT_TRUE(figures[2].relative);
  EXPECT_LT(figures[0].span.end, figures[1].span.begin);
  EXPECT_LT(figures[1].span.end, figures[2].span.begin);
}

}  // namespace
}  // namespace newstrace::analyze
