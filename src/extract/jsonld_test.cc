#include "extract/jsonld.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newstrace::extract {
namespace {

using Strings = std::vector<std::string>;

const JsonLdNode* FirstOfType(const JsonLdReader& r, std::string_view type) {
  for (const JsonLdNode& n : r.nodes()) {
    for (const std::string& t : n.types) {
      if (t == type) return &n;
    }
  }
  return nullptr;
}

TEST(ExtractJsonLdTest, ReadsANewsArticle) {
  JsonLdReader r;
  ASSERT_TRUE(r.Add(R"({"@context":"https://schema.org","@type":"NewsArticle",
    "headline":"A headline","datePublished":"2019-03-21T10:00:00+01:00",
    "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person",
    "name":"John Doe"}],"publisher":{"@type":"Organization","name":"Daily"}})"));
  r.Finish();
  const JsonLdNode* n = FirstOfType(r, "NewsArticle");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->headline, "A headline");
  EXPECT_EQ(n->date_published, "2019-03-21T10:00:00+01:00");
  EXPECT_EQ(n->authors, (Strings{"Jane Roe", "John Doe"}));
  EXPECT_EQ(n->publisher, "Daily");
  EXPECT_TRUE(n->top_level);
}

TEST(ExtractJsonLdTest, ResolvesGraphReferences) {
  JsonLdReader r;
  ASSERT_TRUE(r.Add(R"({"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","@id":"#site","name":"Example"},
    {"@type":"Article","@id":"#a","headline":"H","author":{"@id":"#p1"},
     "publisher":{"@id":"#org"}},
    {"@type":["Person","Organization"],"@id":"#p1","name":"Jane Roe"},
    {"@type":"Organization","@id":"#org","name":"Example Media"}]})"));
  r.Finish();
  const JsonLdNode* n = FirstOfType(r, "Article");
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(n->top_level);
  EXPECT_EQ(n->authors, Strings{"Jane Roe"});  // Person wins over Org
  EXPECT_EQ(n->publisher, "Example Media");
}

TEST(ExtractJsonLdTest, KeepsOrganizationAuthorsApart) {
  JsonLdReader r;
  ASSERT_TRUE(r.Add(R"({"@type":"BlogPosting","author":[
    {"@type":"Organization","name":"Desk"},"Jane Roe",
    {"givenName":"John","familyName":"Doe"}]})"));
  r.Finish();
  ASSERT_FALSE(r.nodes().empty());
  EXPECT_EQ(r.nodes()[0].authors, (Strings{"Jane Roe", "John Doe"}));
  EXPECT_EQ(r.nodes()[0].author_orgs, Strings{"Desk"});
}

TEST(ExtractJsonLdTest, NestedArticlesAreNotTopLevel) {
  JsonLdReader r;
  ASSERT_TRUE(r.Add(R"({"@type":"ItemList","itemListElement":[
    {"@type":"NewsArticle","headline":"Related"}]})"));
  r.Finish();
  const JsonLdNode* n = FirstOfType(r, "NewsArticle");
  ASSERT_NE(n, nullptr);
  EXPECT_FALSE(n->top_level);
}

TEST(ExtractJsonLdTest, RecoversFromCommonDamage) {
  struct Case {
    const char* name;
    const char* text;
  };
  const Case cases[] = {
      {"trailing commas",
       R"({"@type":"Article","headline":"T","author":["Jane Roe",],})"},
      {"raw newline in a string",
       "{\"@type\":\"Article\",\"headline\":\"T\",\"author\":\"Jane\nRoe\"}"},
      {"entity-escaped",
       "{&quot;@type&quot;:&quot;Article&quot;,&quot;headline&quot;:"
       "&quot;T&quot;,&quot;author&quot;:&quot;Jane Roe&quot;}"},
      {"comment wrapper",
       R"(<!-- {"@type":"Article","headline":"T","author":"Jane Roe"} -->)"},
      {"two objects in a row",
       R"({"@type":"WebSite","name":"S"} {"@type":"Article","headline":"T",
          "author":"Jane Roe"})"},
      {"two objects with a comma",
       R"({"@type":"WebSite","name":"S"},{"@type":"Article","headline":"T",
          "author":"Jane Roe"})"},
      {"bad escape", R"({"@type":"Article","headline":"T\'s",
          "author":"Jane Roe"})"},
      {"truncated", R"({"@type":"Article","headline":"T","author":"Jane Roe)"},
  };
  for (const Case& c : cases) {
    JsonLdReader r;
    EXPECT_TRUE(r.Add(c.text)) << c.name;
    r.Finish();
    const JsonLdNode* n = FirstOfType(r, "Article");
    ASSERT_NE(n, nullptr) << c.name;
    ASSERT_EQ(n->authors.size(), 1u) << c.name;
    EXPECT_EQ(n->authors[0].substr(0, 4), "Jane") << c.name;
  }
}

TEST(ExtractJsonLdTest, GivesUpSilentlyOnGarbage) {
  for (const char* text :
       {"", "   ", "not json at all", "{{{{", "]]]", "\"just a string",
        "{\"a\":}", "<script>alert(1)</script>", "\x01\x02\xff\xfe"}) {
    JsonLdReader r;
    r.Add(text);  // must not crash; the result does not matter
    r.Finish();
  }
  JsonLdReader deep;
  std::string nested(100000, '[');
  EXPECT_FALSE(deep.Add(nested + "]"));
}

TEST(ExtractJsonLdTest, ClassifiesTypes) {
  EXPECT_TRUE(IsArticleType("NewsArticle"));
  EXPECT_TRUE(IsArticleType("ReportageNewsArticle"));
  EXPECT_TRUE(IsArticleType("BlogPosting"));
  EXPECT_FALSE(IsArticleType("WebPage"));
  EXPECT_TRUE(IsPageType("WebPage"));
  EXPECT_TRUE(IsContentType("Recipe"));
  EXPECT_TRUE(IsOrganizationOnly({"NewsMediaOrganization"}));
  EXPECT_FALSE(IsOrganizationOnly({"Person", "Organization"}));
}

TEST(ExtractJsonLdTest, CleanJsonLdDropsTrailingCommas) {
  EXPECT_EQ(CleanJsonLd(R"({"a":[1,2,],})"), R"({"a":[1,2]})");
  EXPECT_EQ(CleanJsonLd(R"({"a":"x"}{"b":"y"})"), R"([{"a":"x"},{"b":"y"}])");
}

}  // namespace
}  // namespace newstrace::extract
