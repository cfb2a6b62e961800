#include "extract/meta_zones.h"

#include <gtest/gtest.h>

#include "extract/meta_published.h"
#include "extract/meta_scan.h"

namespace newstrace::extract {
namespace {

TEST(MetaZonesTest, EuropeanPageCountsTheLocalDay) {
  // 23:11 UTC on New Year's Eve is 00:11 in Berlin (winter, UTC+1).
  EXPECT_EQ(LocalDateOfUtc("2018-12-31T23:11:59+00:00", "de-de", ""),
            "2019-01-01");
  // 22:04 UTC in October is 00:04 under summer time (UTC+2) ...
  EXPECT_EQ(LocalDateOfUtc("2019-10-18T22:04:00Z", "de", ""), "2019-10-19");
  // ... but 23:04 in November (UTC+1): the same day.
  EXPECT_EQ(LocalDateOfUtc("2019-11-14T22:04:00Z", "de", ""), "2019-11-14");
  // The country domain speaks when the language does not.
  EXPECT_EQ(LocalDateOfUtc("2022-11-06T23:00:00.000Z", "en",
                           "https://www.example.at/a"),
            "2022-11-07");
}

TEST(MetaZonesTest, AmericasCountBackwards) {
  EXPECT_EQ(LocalDateOfUtc("2022-05-04T00:44:52.000Z", "pt-br", ""),
            "2022-05-03");
  // 02:00 UTC is the previous evening in every US zone ...
  EXPECT_EQ(LocalDateOfUtc("2020-08-17T02:00:00Z", "en-us", ""), "2020-08-16");
  // ... but 06:00 UTC is past midnight in New York, not in Los Angeles.
  EXPECT_EQ(LocalDateOfUtc("2020-08-17T06:00:00Z", "en-us", ""), std::nullopt);
}

TEST(MetaZonesTest, OnlyStatedUtcTimesOfKnownRegions) {
  // A local offset, no zone, midnight (a bare date) or no known region.
  EXPECT_EQ(LocalDateOfUtc("2018-12-31T23:11:59+01:00", "de", ""),
            std::nullopt);
  EXPECT_EQ(LocalDateOfUtc("2018-12-31T23:11:59", "de", ""), std::nullopt);
  EXPECT_EQ(LocalDateOfUtc("2018-12-31T00:00:00Z", "pt-br", ""), std::nullopt);
  EXPECT_EQ(LocalDateOfUtc("2018-12-31T23:11:59Z", "en", ""), std::nullopt);
  EXPECT_EQ(
      LocalDateOfUtc("2018-12-31T23:11:59Z", "en", "https://startup.io/post"),
      std::nullopt);
  EXPECT_EQ(LocalDateOfUtc("2018-12-31", "de", ""), std::nullopt);
}

TEST(PickPublishedDateTest, ShownDateReadEitherWayAgrees) {
  // "11/01/2021" read day first is January 11; read month first it is the
  // declared November 1, so it does not contradict the declaration.
  PageScan scan;
  scan.metas.push_back({"2021-11-01T05:00:14+01:00", "article:published_time",
                        1, kCtxHead, false});
  scan.dates.push_back({"11/01/2021", "class", 10, kCtxArticle, false});
  scan.visible_text = " Zweirad 11/01/2021 Der Roller";
  EXPECT_EQ(
      PickPublishedDate(scan, nullptr, "", base::SlashOrder::kDayFirst, "de"),
      "2021-11-01");
  // A shown date that no reading makes the declared one still wins.
  scan.dates[0].text = "12.01.2021";
  scan.visible_text = " Zweirad 12.01.2021 Der Roller";
  EXPECT_EQ(
      PickPublishedDate(scan, nullptr, "", base::SlashOrder::kDayFirst, "de"),
      "2021-01-12");
}

}  // namespace
}  // namespace newstrace::extract
