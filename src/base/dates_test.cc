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

TEST(DatesTest, RejectsImpossibleDates) {
  EXPECT_EQ(ParseDate("2017-02-30"), std::nullopt);
  EXPECT_EQ(ParseDate("2017-13-01"), std::nullopt);
  EXPECT_EQ(ParseDate("2019-02-29"), std::nullopt);
  EXPECT_EQ(ParseDate("2020-02-29"), "2020-02-29");
  EXPECT_EQ(ParseDate("not a date"), std::nullopt);
  EXPECT_EQ(ParseDate(""), std::nullopt);
}

TEST(DatesTest, FindsADateInADateline) {
  EXPECT_EQ(FindDate("Published 10:32 EST, 21 November 2017 | Updated"),
            "2017-11-21");
  EXPECT_EQ(FindDate("No date in this line at all."), std::nullopt);
}

}  // namespace
}  // namespace newstrace::base
