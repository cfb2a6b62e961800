#include "base/url.h"

#include <gtest/gtest.h>

namespace newstrace::base {
namespace {

TEST(UrlTest, Domain) {
  EXPECT_EQ(UrlDomain("https://www.Example.com:8080/a/b?c#d"), "example.com");
  EXPECT_EQ(UrlDomain("http://user@news.example.org"), "news.example.org");
  EXPECT_EQ(UrlDomain("example.com/path"), "");
  EXPECT_EQ(UrlDomain(""), "");
}

}  // namespace
}  // namespace newstrace::base
