#include "base/dates.h"

#include <gtest/gtest.h>

namespace newstrace::base {
namespace {

TEST(DatesTest, ParsesCommonForms) {
  EXPECT_EQ(ParseDate("2017-11-21"), "2017-11-21");
  EXPECT_EQ(ParseDate("2017-11-21T10:00:00+03:00"), "2017-11-21");
  EXPECT_EQ(ParseDate("November 21, 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("Nov. 21st, 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("21 November 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("21.11.2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("2017/11/21"), "2017-11-21");
}

TEST(DatesTest, ParsesIsoVariants) {
  EXPECT_EQ(ParseDate("2017-11-21 10:00"), "2017-11-21");
  EXPECT_EQ(ParseDate("2017-11-21T23:59:59.123Z"), "2017-11-21");
  EXPECT_EQ(ParseDate("2017-11-21CET11:59:00+0100"), "2017-11-21");
  EXPECT_EQ(ParseDate("20171121"), "2017-11-21");
  EXPECT_EQ(ParseDate("2022-05-6T12:00:00.000Z"), "2022-05-06");
  EXPECT_EQ(ParseDate("  2017-11-21  "), "2017-11-21");
}

TEST(DatesTest, ParsesNumericDayFirstAndUs) {
  EXPECT_EQ(ParseDate("21. 11. 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("21-11-2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("21/11/2017"), "2017-11-21");  // only D/M/Y valid
  EXPECT_EQ(ParseDate("11/21/2017"), "2017-11-21");  // only M/D/Y valid
  EXPECT_EQ(ParseDate("03/04/2019"), "2019-03-04");  // ambiguous: US
  EXPECT_EQ(ParseDate("21.11.17"), "2017-11-21");    // DD.MM.YY
  EXPECT_EQ(ParseDate("01.02.99"), "1999-02-01");
  EXPECT_EQ(ParseDate("1.2.17"), std::nullopt);  // too loose
}

TEST(DatesTest, ReadsSlashDatesInTheGivenOrder) {
  EXPECT_EQ(ParseDate("03/05/2022", SlashOrder::kMonthFirst), "2022-03-05");
  EXPECT_EQ(ParseDate("03/05/2022", SlashOrder::kDayFirst), "2022-05-03");
  EXPECT_EQ(ParseDate("12/25/2021", SlashOrder::kDayFirst), "2021-12-25");
  EXPECT_EQ(ParseDate("25/12/2021", SlashOrder::kMonthFirst), "2021-12-25");
  EXPECT_EQ(ParseDate("03.05.2022", SlashOrder::kMonthFirst), "2022-05-03");
  EXPECT_EQ(FindDate("Brasília 03/05/2022 21:44", SlashOrder::kDayFirst),
            "2022-05-03");
}

TEST(DatesTest, ParsesGerman) {
  EXPECT_EQ(ParseDate("21. März 2019"), "2019-03-21");
  EXPECT_EQ(ParseDate("21. Maerz 2019"), "2019-03-21");
  EXPECT_EQ(ParseDate("1. Mai 2020"), "2020-05-01");
  EXPECT_EQ(ParseDate("3. Okt. 2018"), "2018-10-03");
  EXPECT_EQ(ParseDate("26 Okt 2018"), "2018-10-26");
  EXPECT_EQ(ParseDate("5. Jänner 2015"), "2015-01-05");
  EXPECT_EQ(ParseDate("Samstag, 5. Oktober 2013"), "2013-10-05");
  EXPECT_EQ(ParseDate("Di., 21.11.2017"), "2017-11-21");
}

TEST(DatesTest, ParsesFrenchSpanishItalianPortuguese) {
  EXPECT_EQ(ParseDate("21 novembre 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("1er janvier 2020"), "2020-01-01");
  EXPECT_EQ(ParseDate("12 févr. 2020"), "2020-02-12");
  EXPECT_EQ(ParseDate("jeudi 13 juin 2019"), "2019-06-13");
  EXPECT_EQ(ParseDate("7 décembre 2019"), "2019-12-07");
  EXPECT_EQ(ParseDate("21 de marzo de 2019"), "2019-03-21");
  EXPECT_EQ(ParseDate("3 de Mayo de 2022"), "2022-05-03");
  EXPECT_EQ(ParseDate("05 de mayo del 2022"), "2022-05-05");
  EXPECT_EQ(ParseDate("14 Gennaio 2020"), "2020-01-14");
  EXPECT_EQ(ParseDate("3 de março de 2021"), "2021-03-03");
}

TEST(DatesTest, ParsesDutchPolishAndOthers) {
  EXPECT_EQ(ParseDate("21 maart 2019"), "2019-03-21");
  EXPECT_EQ(ParseDate("3 mei 2019"), "2019-05-03");
  EXPECT_EQ(ParseDate("21 listopada 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("5 września 2020"), "2020-09-05");
  EXPECT_EQ(ParseDate("19. helmikuuta 2019"), "2019-02-19");
  EXPECT_EQ(ParseDate("21 ноября 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("2017年11月21日"), "2017-11-21");
  EXPECT_EQ(ParseDate("2017년 11월 21일"), "2017-11-21");
}

TEST(DatesTest, ParsesEnglishVariants) {
  EXPECT_EQ(ParseDate("December 29th 2019"), "2019-12-29");
  EXPECT_EQ(ParseDate("Tuesday, 21 November 2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("21-Nov-2017"), "2017-11-21");
  EXPECT_EQ(ParseDate("Sept. 3, 2019"), "2019-09-03");
  EXPECT_EQ(ParseDate("Jan 4 2021"), "2021-01-04");
  EXPECT_EQ(ParseDate("4th of July, 2019"), "2019-07-04");
}

TEST(DatesTest, RejectsImpossibleDates) {
  EXPECT_EQ(ParseDate("2017-02-30"), std::nullopt);
  EXPECT_EQ(ParseDate("2017-13-01"), std::nullopt);
  EXPECT_EQ(ParseDate("2019-02-29"), std::nullopt);
  EXPECT_EQ(ParseDate("2020-02-29"), "2020-02-29");
  EXPECT_EQ(ParseDate("1899-12-31"), std::nullopt);
  EXPECT_EQ(ParseDate("32. März 2019"), std::nullopt);
  EXPECT_EQ(ParseDate("not a date"), std::nullopt);
  EXPECT_EQ(ParseDate(""), std::nullopt);
  EXPECT_EQ(ParseDate("November 2017"), std::nullopt);  // no day
  EXPECT_EQ(ParseDate("vor 3 Stunden"), std::nullopt);  // relative
  EXPECT_EQ(ParseDate("yesterday"), std::nullopt);
}

TEST(DatesTest, FindsADateInADateline) {
  EXPECT_EQ(FindDate("Published 10:32 EST, 21 November 2017 | Updated"),
            "2017-11-21");
  EXPECT_EQ(FindDate("Veröffentlicht am 10. Februar 2019 von Heiko"),
            "2019-02-10");
  EXPECT_EQ(FindDate("Gespeichert von rasos am 24. Juli 2017 - 18:44"),
            "2017-07-24");
  EXPECT_EQ(FindDate("Kotimaa 19.2.2020 klo 14.00"), "2020-02-19");
  EXPECT_EQ(FindDate("发布时间：2017年11月21日"), "2017-11-21");
  EXPECT_EQ(FindDate("No date in this line at all."), std::nullopt);
}

TEST(DatesTest, FindsEveryDate) {
  EXPECT_EQ(FindDates("Erstellt 1. März 2019, geändert am 2019-03-04.", 10),
            (std::vector<std::string>{"2019-03-01", "2019-03-04"}));
  EXPECT_EQ(FindDates("1.1.2001 2.1.2001 3.1.2001", 2).size(), 2u);
  EXPECT_TRUE(FindDates("nothing here", 5).empty());
}

TEST(DatesTest, AddsDays) {
  EXPECT_EQ(AddDays("2018-12-31", 1), "2019-01-01");
  EXPECT_EQ(AddDays("2020-03-01", -1), "2020-02-29");
  EXPECT_EQ(AddDays("2019-03-01", -1), "2019-02-28");
  EXPECT_EQ(AddDays("2022-05-04", 0), "2022-05-04");
  EXPECT_EQ(AddDays("not a date", 1), std::nullopt);
}

TEST(DatesTest, ShowsDateStopsAtTheDate) {
  std::string_view text = "Erstellt 1. März 2019, geändert am 2019-03-04.";
  EXPECT_TRUE(ShowsDate(text, "2019-03-04", 10));
  EXPECT_TRUE(ShowsDate(text, "2019-03-01", 1));
  EXPECT_FALSE(ShowsDate(text, "2019-03-04", 1));  // past the cap
  EXPECT_FALSE(ShowsDate(text, "2019-03-02", 10));
  EXPECT_FALSE(ShowsDate("", "2019-03-02", 10));
}

TEST(DatesTest, FindDateSkipsNumberRuns) {
  EXPECT_EQ(FindDate("version 1.2.2017.3 released"), std::nullopt);
  EXPECT_EQ(FindDate("IP 10.10.10.10"), std::nullopt);
  EXPECT_EQ(FindDate("id 2017-11-21-5"), std::nullopt);
  EXPECT_EQ(FindDate("Maier 2019"), std::nullopt);  // "Mai" inside a word
}

TEST(DatesTest, FindsDatesInUrls) {
  EXPECT_EQ(FindDateInUrl("https://example.org/2017/11/21/slug/"),
            "2017-11-21");
  EXPECT_EQ(FindDateInUrl("https://example.org/news/2017-11-21-slug"),
            "2017-11-21");
  EXPECT_EQ(FindDateInUrl("https://example.org/a/20171121/b.html"),
            "2017-11-21");
  EXPECT_EQ(FindDateInUrl("https://example.org/2019/5/3/x"), "2019-05-03");
  EXPECT_EQ(FindDateInUrl("https://example.org/2017/11/slug"), std::nullopt);
  EXPECT_EQ(FindDateInUrl("https://example.org/article-16604622.html"),
            std::nullopt);
  EXPECT_EQ(FindDateInUrl("https://2017.example.org/"), std::nullopt);
  EXPECT_EQ(FindDateInUrl("https://example.org/meldungen/29-10-2021"),
            "2021-10-29");
  EXPECT_EQ(FindDateInUrl("https://example.org/n/23-01-2022-ski-cup"),
            "2022-01-23");
  EXPECT_EQ(FindDateInUrl("https://example.org/n/x23-01-2022"), std::nullopt);
  EXPECT_EQ(FindDateInUrl("https://example.org/n/31-02-2022"), std::nullopt);
  EXPECT_EQ(FindDateInUrl(""), std::nullopt);
}

TEST(DatesTest, CountsDaysBetweenDates) {
  EXPECT_EQ(DaysBetween("2019-10-18", "2019-10-19"), 1);
  EXPECT_EQ(DaysBetween("2020-03-01", "2020-02-28"), -2);  // leap year
  EXPECT_EQ(DaysBetween("2019-12-31", "2020-01-01"), 1);
  EXPECT_EQ(DaysBetween("2019-12-31", "not a date"), std::nullopt);
  EXPECT_EQ(DaysBetween("2019-02-30", "2019-03-01"), std::nullopt);
}

TEST(DatesTest, KnowsDateWords) {
  EXPECT_TRUE(IsDateWord("März"));
  EXPECT_TRUE(IsDateWord("Nov."));
  EXPECT_TRUE(IsDateWord("Thursday"));
  EXPECT_FALSE(IsDateWord("Roe"));
  EXPECT_TRUE(IsWeekdayWord("Fr"));
  EXPECT_TRUE(IsWeekdayWord("samstag"));
  EXPECT_FALSE(IsWeekdayWord("May"));
}

// Two-digit years only with a clock time after them (news-feed stamps).
TEST(DatesTest, TwoDigitYearWithTime) {
  EXPECT_EQ(ParseDate("11/17/16, 9:33 PM CET"), "2016-11-17");
  EXPECT_EQ(ParseDate("17/11/16 21:33"), "2016-11-17");
  EXPECT_EQ(FindDate("Updated 03/04/21, 10:05 AM"), "2021-03-04");
  EXPECT_EQ(ParseDate("11/17/16"), std::nullopt);
  EXPECT_EQ(ParseDate("1/2/3"), std::nullopt);
  EXPECT_EQ(ParseDate("11/17/16, 9"), std::nullopt);
}

}  // namespace
}  // namespace newstrace::base

namespace newstrace::base {
namespace {

// Every date form FindDate reads has a four-digit year: text without an
// ASCII digit holds no date (plain-text dateline detection relies on it).
TEST(DatesTest, NoDigitNoDate) {
  for (std::string_view s :
       {"November twenty-first, two thousand seventeen", "Monday, March",
        "Published yesterday", "Aktualisiert am Montag", "il y a deux jours",
        "\xD9\xA2\xD9\xA0\xD9\xA1\xD9\xA7-\xD9\xA1\xD9\xA1-\xD9\xA2\xD9\xA1",
        "Dec. the 21st"}) {
    EXPECT_FALSE(FindDate(s).has_value()) << s;
  }
  EXPECT_TRUE(FindDate("November 21, 2017").has_value());
}

}  // namespace
}  // namespace newstrace::base
