// The readers on the real data sets in ../shared/data (not part of the
// repository): skipped with a message when the folder is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "base/utf8.h"
#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::ReadAll;
using testutil::ReadResult;

std::string SharedData(const std::string& rel) {
  return std::string(NEWSTRACE_SOURCE_DIR) + "/../shared/data/" + rel;
}

#define REQUIRE_SHARED(path)                                         \
  if (!std::filesystem::exists(path)) {                              \
    GTEST_SKIP() << "shared data not present: " << (path)            \
                 << " (these tests need the ../shared/data folder)"; \
  }

TEST(ReaderDataTest, FakeNewsCorpusSample) {
  std::string path = SharedData("fakenewscorpus_sample/news_sample.csv");
  REQUIRE_SHARED(path);
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.docs.size() + r.stats.malformed, 250u);
  EXPECT_EQ(r.docs.size(), 250u);
  const RawDoc& d = r.docs[0];
  EXPECT_EQ(d.id, path + ":1");
  EXPECT_EQ(d.source.domain, "awm.com");
  EXPECT_EQ(d.source.label, "unreliable");
  EXPECT_EQ(d.source.title,
            "Church Congregation Brings Gift to Waitresses Working on "
            "Christmas Eve, Has Them Crying (video)");
  EXPECT_EQ(d.source.authors, std::vector<std::string>{"Ruth Harris"});
  EXPECT_EQ(d.source.url.rfind("http://awm.com/church-congregation", 0), 0u);
  EXPECT_EQ(d.bytes.rfind("Sometimes the power of Christmas", 0), 0u);
  std::map<std::string, int> labels;
  for (const RawDoc& doc : r.docs) ++labels[doc.source.label];
  EXPECT_EQ(labels["fake"], 155);
}

TEST(ReaderDataTest, FaKesIsCp1252) {
  std::string path = SharedData("fakes/FA-KES-Dataset.csv");
  REQUIRE_SHARED(path);
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.docs.size(), 804u);
  EXPECT_EQ(r.stats.malformed, 0u);
  int fake = 0;
  for (const RawDoc& d : r.docs) {
    EXPECT_TRUE(base::IsValidUtf8(d.bytes)) << d.id;
    EXPECT_TRUE(base::IsValidUtf8(d.source.title)) << d.id;
    EXPECT_FALSE(d.source.title.empty()) << d.id;
    EXPECT_FALSE(d.source.domain.empty()) << d.id;
    EXPECT_TRUE(d.source.label == "0" || d.source.label == "1") << d.id;
    fake += d.source.label == "0";
  }
  EXPECT_GT(fake, 0);
  EXPECT_EQ(r.docs[0].source.domain, "nna");
  EXPECT_EQ(r.docs[0].source.published, "4/5/2017");
}

TEST(ReaderDataTest, FakeNewsNetV1Directory) {
  std::string path = SharedData("fakenewsnet_v1");
  REQUIRE_SHARED(path);
  ReadResult r = ReadAll(path);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  size_t json_docs = 0, with_date = 0, with_authors = 0;
  for (const RawDoc& d : r.docs) {
    if (d.id.size() < 5 || d.id.substr(d.id.size() - 5) != ".json") continue;
    ++json_docs;
    EXPECT_EQ(d.format, Format::kText);
    with_date += !d.source.published.empty();
    with_authors += !d.source.authors.empty();
    if (!d.source.published.empty()) {
      EXPECT_EQ(d.source.published.size(), 10u) << d.source.published;
    }
  }
  // 422 files, two of them with an empty text (counted malformed).
  EXPECT_EQ(json_docs + r.stats.malformed, 422u);
  EXPECT_EQ(r.stats.malformed, 2u);
  EXPECT_TRUE(r.HasProblem("no_text"));
  // Counted independently (Python json) on the data set.
  EXPECT_EQ(with_date, 296u);
  EXPECT_EQ(with_authors, 283u);
}

}  // namespace
}  // namespace newstrace::ingest
