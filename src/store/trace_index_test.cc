// The corpus' trace index: candidates, removal, persisted options, and the
// migration of a schema-1 corpus.
#include "store/trace_index.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>

#include "newstrace/corpus.h"

namespace newstrace {
namespace {

// A body of `words` pseudo-words drawn from `rng`.
std::string Body(std::mt19937_64& rng, int words) {
  static const char* kSyllables[] = {"ka",  "ro", "min", "tel", "su",  "va",
                                     "dor", "pe", "li",  "gan", "tho", "mu"};
  std::string out;
  for (int i = 0; i < words; ++i) {
    if (i) out += (i % 17 == 16) ? ". " : " ";
    const int n = 1 + rng() % 3;
    for (int s = 0; s < n; ++s) out += kSyllables[rng() % 12];
  }
  return out + ".";
}

Record Doc(const std::string& body, const std::string& url) {
  Record r;
  r.article.text = body;
  r.article.blocks.push_back({BlockKind::kParagraph, {0, body.size()}, ""});
  r.article.source.url = url;
  r.article.format = Format::kText;
  return r;
}

// `body` with every n-th word replaced.
std::string Spin(const std::string& body, int every) {
  std::string out;
  int word = 0;
  size_t i = 0;
  while (i < body.size()) {
    size_t j = body.find(' ', i);
    if (j == std::string::npos) j = body.size();
    out += (++word % every == 0) ? std::string("zzq") : body.substr(i, j - i);
    if (j < body.size()) out += ' ';
    i = j + 1;
  }
  return out;
}

class TraceIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nt_trace_index_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "c.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Corpus> Open(const CorpusOptions& o = CorpusOptions()) {
    auto c = Corpus::Open(path_, o);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(*c) : nullptr;
  }

  // Stores 200 unrelated documents plus a light and a heavy spin of the
  // first; returns the first's body.
  std::string Fill(Corpus* c) {
    std::mt19937_64 rng(5);
    std::string first;
    EXPECT_TRUE(c->BeginBatch().ok());
    for (int i = 0; i < 200; ++i) {
      std::string body = Body(rng, 300);
      if (i == 0) first = body;
      EXPECT_TRUE(c->Add(Doc(body, "u" + std::to_string(i)), "").ok());
    }
    EXPECT_TRUE(c->Add(Doc(Spin(first, 40), "light"), "").ok());
    EXPECT_TRUE(c->Add(Doc(Spin(first, 4), "heavy"), "").ok());
    EXPECT_TRUE(c->CommitBatch().ok());
    return first;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(TraceIndexTest, CandidatesFindSpinsNotStrangers) {
  auto c = Open();
  const std::string first = Fill(c.get());
  const Record q = Doc(first, "query");
  const Fingerprint f = ComputeFingerprint(q.article, c->fingerprint_options());
  auto cands = c->FindCandidates(f, CandidateQuery());
  ASSERT_TRUE(cands.ok()) << cands.status().message();
  // The stored original (identical) and the light spin are LSH candidates;
  // the heavy spin (J ~ 0.1) shares sampled shingles at most.
  std::vector<std::string> urls;
  for (const TraceCandidate& t : *cands) {
    auto r = c->Get(t.id);
    ASSERT_TRUE(r.ok() && r->has_value());
    urls.push_back((*r)->article.source.url);
    if (t.bands > 0) EXPECT_GT(t.estimate, 0.3) << urls.back();
  }
  ASSERT_GE(urls.size(), 2u);
  EXPECT_EQ(urls[0], "u0");  // estimate 1
  EXPECT_EQ(urls[1], "light");
  EXPECT_NEAR((*cands)[0].estimate, 1.0, 1e-9);
  EXPECT_EQ((*cands)[0].bands, 23u);
  for (const std::string& u : urls) {
    EXPECT_TRUE(u == "u0" || u == "light" || u == "heavy") << u;
  }
  // Excluding the query itself.
  CandidateQuery q2;
  q2.exclude = (*cands)[0].id;
  auto again = c->FindCandidates(f, q2);
  ASSERT_TRUE(again.ok());
  for (const TraceCandidate& t : *again) EXPECT_NE(t.id, q2.exclude);
}

TEST_F(TraceIndexTest, RemoveDropsDocumentAndItsIndexRows) {
  auto c = Open();
  const std::string first = Fill(c.get());
  const Record q = Doc(first, "query");
  const DocId id = ContentId(q.article);
  ASSERT_TRUE(c->BeginBatch().ok());
  auto removed = c->Remove(id);
  ASSERT_TRUE(removed.ok()) << removed.status().message();
  EXPECT_TRUE(*removed);
  EXPECT_FALSE(*c->Remove(id));
  ASSERT_TRUE(c->CommitBatch().ok());
  EXPECT_FALSE(c->Get(id)->has_value());
  auto cands =
      c->FindCandidates(ComputeFingerprint(q.article, c->fingerprint_options()),
                        CandidateQuery());
  ASSERT_TRUE(cands.ok());
  for (const TraceCandidate& t : *cands) EXPECT_NE(t.id, id);
  // Search no longer finds it (the FTS rows went too), but finds the spin.
  SearchQuery sq;
  sq.text = "\"" + first.substr(0, first.find('.')) + "\"";
  auto hits = c->Search(sq);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  EXPECT_EQ(hits->size(), 1u);  // the light spin keeps the first sentence
  for (const SearchHit& h : *hits) EXPECT_NE(h.id, id);
  // No index row points at a missing document.
  c.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  for (const char* table : {"lsh", "reuse", "signatures"}) {
    const std::string sql = std::string("SELECT count(*) FROM ") + table +
                            " WHERE seq NOT IN (SELECT seq FROM documents)";
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(s, 0), 0) << table;
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
}

TEST_F(TraceIndexTest, OptionsPersistAndWinOverLaterOnes) {
  CorpusOptions o;
  o.fingerprint.shingle_size = 4;
  o.fingerprint.num_hashes = 64;
  o.fingerprint.family = MinHashFamily::kMultiplyShift;
  o.fingerprint.threshold = 0.7;
  auto c = Open(o);
  ASSERT_TRUE(c);
  c.reset();
  c = Open();  // defaults asked for: the stored options win
  EXPECT_EQ(c->fingerprint_options(), o.fingerprint);
  CorpusOptions ro;
  ro.read_only = true;
  auto r = Corpus::Open(path_, ro);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->fingerprint_options(), o.fingerprint);
  // Bad options for a new corpus are refused.
  CorpusOptions bad;
  bad.fingerprint.num_hashes = 3;
  auto b = Corpus::Open((dir_ / "bad.db").string(), bad);
  EXPECT_FALSE(b.ok());
}

TEST_F(TraceIndexTest, SchemaOneCorpusIsFingerprintedOnOpen) {
  auto c = Open();
  const std::string first = Fill(c.get());
  c.reset();
  // Make it look like a schema-1 corpus: no trace tables, version 1.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE trace_params; DROP TABLE signatures; "
                         "DROP TABLE lsh; DROP TABLE reuse; "
                         "DROP TABLE scores; DROP TABLE models; "
                         "PRAGMA user_version = 1",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  CorpusOptions ro;
  ro.read_only = true;
  EXPECT_FALSE(Corpus::Open(path_, ro).ok());  // needs the migration
  c = Open();
  ASSERT_TRUE(c);
  const Record q = Doc(first, "query");
  auto cands =
      c->FindCandidates(ComputeFingerprint(q.article, c->fingerprint_options()),
                        CandidateQuery());
  ASSERT_TRUE(cands.ok());
  ASSERT_GE(cands->size(), 2u);
  EXPECT_NEAR((*cands)[0].estimate, 1.0, 1e-9);
}

TEST_F(TraceIndexTest, BucketsHoldTheCopies) {
  auto c = Open();
  const std::string first = Fill(c.get());
  const DocId original = ContentId(Doc(first, "").article);
  const DocId light = ContentId(Doc(Spin(first, 40), "").article);
  size_t buckets = 0, both = 0;
  ASSERT_TRUE(c->ForEachLshBucket(100, [&](std::vector<DocId>& ids) {
                 ++buckets;
                 EXPECT_GE(ids.size(), 2u);
                 both += std::count(ids.begin(), ids.end(), original) &&
                         std::count(ids.begin(), ids.end(), light);
                 return true;
               }).ok());
  EXPECT_GE(both, 10u);  // most of the 23 bands agree for the light spin
  EXPECT_LE(buckets, 23u + 5u);  // strangers share no bucket
  // Returning false stops the walk.
  size_t seen = 0;
  ASSERT_TRUE(c->ForEachLshBucket(100, [&](std::vector<DocId>&) {
                 ++seen;
                 return false;
               }).ok());
  EXPECT_EQ(seen, 1u);
}

TEST(PackedSignatureTest, EstimateCorrectsForCollisions) {
  std::vector<uint32_t> a(128), b(128);
  for (size_t i = 0; i < a.size(); ++i) {
    a[i] = static_cast<uint32_t>(i * 2654435761u);
    b[i] = i < 64 ? a[i] : a[i] + 1;
  }
  const std::string pa = store::PackSignature(a), pb = store::PackSignature(b);
  EXPECT_EQ(pa.size(), 256u);
  EXPECT_NEAR(store::EstimatePacked(pa, pb), 0.5, 0.02);
  EXPECT_EQ(store::EstimatePacked(pa, pa), 1.0);
  EXPECT_EQ(store::EstimatePacked(pa, ""), 0.0);
  EXPECT_EQ(store::EstimatePacked("abc", "abc"), 0.0);  // odd size: corrupt
}

}  // namespace
}  // namespace newstrace
