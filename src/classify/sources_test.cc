// SourceList: the CSV and JSON shapes, lookups, and bad input that must give
// an error, never a crash.
#include "classify/sources.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "newstrace/classify.h"

namespace newstrace {
namespace {

// An OpenSources-shaped CSV: header with an empty first cell, CRLF line ends,
// a quoted note with a comma and a line break, a repeated domain, padded and
// upper-case labels, a blank row.
constexpr char kOpenSourcesCsv[] =
    ",type,2nd type,3rd type,Source Notes (things to know?),\r\n"
    "Made-Up-News.example,fake,Bias ,,,\r\n"
    "satire.example,satire,,,\"calls itself satire, on its\nAbout page\",\r\n"
    ",,,,,\r\n"
    "made-up-news.example,fake,conspiracy,,,\r\n"
    "example.co.uk,unreliable,,,,\r\n";

constexpr char kOpenSourcesJson[] = R"js({
  "made-up-news.example" : {
    "type" : "fake",
    "2nd type" : "bias",
    "3rd type" : "",
    "Source Notes (things to know?)" : ""
  },
  "Satire.Example" : {
    "type" : "satire ",
    "2nd type" : "",
    "3rd type" : "",
    "Source Notes (things to know?)" : "says so on its About page"
  }
})js";

Result<SourceList> Parse(std::string_view text, std::string_view name) {
  return SourceList::FromBytes(text, name);
}

TEST(SourceListTest, ReadsOpenSourcesCsv) {
  Result<SourceList> list = Parse(kOpenSourcesCsv, "sources.csv");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 3u);
  const SourceEntry* e = list->Find("made-up-news.example");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->domain, "made-up-news.example");
  EXPECT_EQ(e->labels,
            (std::vector<std::string>{"fake", "bias", "conspiracy"}));
  EXPECT_EQ(e->note, "");
  const SourceEntry* s = list->Find("satire.example");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->labels, std::vector<std::string>{"satire"});
  EXPECT_EQ(s->note, "calls itself satire, on its About page");
}

TEST(SourceListTest, ReadsOpenSourcesJson) {
  Result<SourceList> list = Parse(kOpenSourcesJson, "sources.json");
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 2u);
  const SourceEntry* e = list->Find("made-up-news.example");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->labels, (std::vector<std::string>{"fake", "bias"}));
  const SourceEntry* s = list->Find("satire.example");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->labels, std::vector<std::string>{"satire"});
  EXPECT_EQ(s->note, "says so on its About page");
}

TEST(SourceListTest, ReadsSimpleShapes) {
  Result<SourceList> csv =
      Parse("domain,label,note\nA.example,satire,a note\nb.example,reliable\n",
            "list.csv");
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_EQ(csv->size(), 2u);
  ASSERT_NE(csv->Find("a.example"), nullptr);
  EXPECT_EQ(csv->Find("a.example")->note, "a note");
  EXPECT_EQ(csv->Find("b.example")->labels,
            std::vector<std::string>{"reliable"});

  Result<SourceList> json =
      Parse(R"({"a.example": "satire", "b.example": ["fake", "hate"],
                "c.example": {"label": "reliable", "note": "wire"},
                "d.example": {"type": "bias", "note": 0}})",
            "list");  // no extension: sniffed
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_EQ(json->size(), 4u);
  EXPECT_EQ(json->Find("d.example")->note, "0");  // as OpenSources has it
  EXPECT_EQ(json->Find("a.example")->labels,
            std::vector<std::string>{"satire"});
  EXPECT_EQ(json->Find("b.example")->labels,
            (std::vector<std::string>{"fake", "hate"}));
  EXPECT_EQ(json->Find("c.example")->note, "wire");
}

TEST(SourceListTest, LooksUpHostsUrlsAndParents) {
  Result<SourceList> list = Parse(kOpenSourcesCsv, "sources.csv");
  ASSERT_TRUE(list.ok());
  for (const char* q :
       {"made-up-news.example", "www.made-up-news.example",
        "MADE-UP-NEWS.Example", "https://www.made-up-news.example/a/b?c#d",
        "http://user@made-up-news.example:8080/x", "made-up-news.example.",
        "  made-up-news.example  ", "news.made-up-news.example",
        "a.b.made-up-news.example/path", "//made-up-news.example/x"}) {
    const SourceEntry* e = list->Find(q);
    ASSERT_NE(e, nullptr) << q;
    EXPECT_EQ(e->domain, "made-up-news.example") << q;
  }
  const SourceEntry* uk = list->Find("https://news.example.co.uk/story");
  ASSERT_NE(uk, nullptr);
  EXPECT_EQ(uk->domain, "example.co.uk");
  for (const char* q : {"other.example", "made-up-news.example.org",
                        "notmade-up-news.example", "co.uk", "example", "",
                        "https://", "example.com/made-up-news.example"}) {
    EXPECT_EQ(list->Find(q), nullptr) << q;
  }
}

TEST(SourceListTest, NormalizesDomains) {
  EXPECT_EQ(SourceDomain("https://WWW.Example.com:8080/a?b"), "example.com");
  EXPECT_EQ(SourceDomain("Example.com/health"), "example.com");
  EXPECT_EQ(SourceDomain("Silver-Coin-Investor. com"),
            "silver-coin-investor.com");
  EXPECT_EQ(SourceDomain("www."), "www");
  EXPECT_EQ(SourceDomain(""), "");
}

void ExpectError(std::string_view text, std::string_view name, StatusCode code,
                 std::string_view in_message,
                 const SourceListOptions& options = SourceListOptions()) {
  Result<SourceList> list = SourceList::FromBytes(text, name, options);
  ASSERT_FALSE(list.ok()) << name;
  EXPECT_EQ(list.status().code(), code) << list.status().ToString();
  EXPECT_NE(list.status().message().find(in_message), std::string::npos)
      << list.status().message();
  EXPECT_EQ(list.status().message().find('\n'), std::string::npos);
}

TEST(SourceListTest, RefusesBadInput) {
  ExpectError("", "s.csv", StatusCode::kCorruption, "s.csv: empty file");
  ExpectError(" \n\n", "s.json", StatusCode::kCorruption, "empty file");
  ExpectError("domain,label\n", "s.csv", StatusCode::kCorruption,
              "no domains listed");
  ExpectError("{}", "s.json", StatusCode::kCorruption, "no domains listed");
  // Truncated JSON: the line of the end.
  ExpectError("{\n \"a.example\": {\"type\": \"fake\",\n", "s.json",
              StatusCode::kCorruption, "s.json:3: not valid JSON");
  ExpectError("{\"a.example\": 3}", "s.json", StatusCode::kCorruption,
              "s.json:1: \"a.example\": want a label");
  ExpectError("{\"a.example\": {\"type\": {}}}", "s.json",
              StatusCode::kCorruption, "\"type\" is not a string");
  ExpectError("[\"a.example\"]", "s.json", StatusCode::kCorruption,
              "want an object");
  std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  ExpectError(binary, "s.csv", StatusCode::kCorruption, "s.csv:3: binary");
  ExpectError("domain,label\na.example,fake\nb\xff.example,fake\n", "s.csv",
              StatusCode::kCorruption, "s.csv:3: not UTF-8");
  ExpectError("domain,label\na.example,\"fake\n", "s.csv",
              StatusCode::kCorruption, "s.csv:2: a quoted field is not closed");
  ExpectError("domain,label\na.example,\"fake\"x\n", "s.csv",
              StatusCode::kCorruption, "s.csv:2: text after the closing");
  ExpectError("just some text\nwith lines\n", "notes.txt",
              StatusCode::kCorruption, "notes.txt:1: the header names no");
  ExpectError("domain,label\na.example,fake\n<b>x</b>,fake\n", "s.csv",
              StatusCode::kCorruption, "s.csv:3: not a domain");
  ExpectError("domain,label\n,fake\n", "s.csv", StatusCode::kCorruption,
              "s.csv:2: not a domain");
}

TEST(SourceListTest, EnforcesCaps) {
  SourceListOptions small;
  small.max_record_bytes = 1000;
  std::string huge = "domain,label\na.example,fake\nb.example," +
                     std::string(5000, 'x') + "\n";
  ExpectError(huge, "s.csv", StatusCode::kResourceExhausted,
              "s.csv:3: a row longer than 1000 bytes", small);
  std::string huge_json = "{\"a.example\": \"" + std::string(5000, 'x') + "\"}";
  ExpectError(huge_json, "s.json", StatusCode::kResourceExhausted,
              "longer than 1000 bytes", small);
  SourceListOptions tiny;
  tiny.max_bytes = 10;
  ExpectError("domain,label\na.example,fake\n", "s.csv",
              StatusCode::kResourceExhausted, "larger than 10 bytes", tiny);

  // 10,000 levels of nesting: refused at the depth cap, in JSON and in a
  // file that only looks like it.
  std::string deep = "{\"a.example\": " + std::string(10000, '[') +
                     std::string(10000, ']') + "}";
  ExpectError(deep, "s.json", StatusCode::kResourceExhausted,
              "nested deeper than 32 levels");
  std::string deep_objects;
  for (int i = 0; i < 10000; ++i) deep_objects += "{\"a\":";
  deep_objects += "1" + std::string(10000, '}');
  ExpectError(deep_objects, "s.json", StatusCode::kResourceExhausted,
              "s.json:1: nested deeper");
  std::string deep_truncated = std::string(10000, '[');
  Result<SourceList> r = SourceList::FromBytes(deep_truncated, "s.json");
  EXPECT_FALSE(r.ok());
}

TEST(SourceListTest, LoadsFilesAndNamesMissingOnes) {
  Result<SourceList> missing = SourceList::Load("/nonexistent/sources.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

// The real OpenSources list, when the shared data is there.
TEST(SourceListTest, LoadsTheOpenSourcesFiles) {
  const std::string dir = "/work/shared/data/opensources";
  if (!std::filesystem::exists(dir + "/sources.csv") ||
      !std::filesystem::exists(dir + "/sources.json")) {
    GTEST_SKIP() << "no OpenSources files in " << dir;
  }
  for (const char* file : {"sources.csv", "sources.json"}) {
    Result<SourceList> list = SourceList::Load(dir + "/" + file);
    ASSERT_TRUE(list.ok()) << list.status().ToString();
    EXPECT_GT(list->size(), 800u) << file;
    const SourceEntry& first = list->entries().front();
    EXPECT_FALSE(first.labels.empty()) << file;
    EXPECT_EQ(list->Find("https://www." + first.domain + "/2017/story"),
              list->Find(first.domain))
        << file;
  }
}

}  // namespace
}  // namespace newstrace
