#include "newstrace/corpus.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/rank.h"
#include "store/search.h"

namespace newstrace {
namespace {

// A record with one title, a body paragraph and a boilerplate line.
Record MakeRecord(const std::string& title, const std::string& body,
                  const std::string& boiler, const std::string& domain = "",
                  const std::string& published = "") {
  Record r;
  Article& a = r.article;
  a.text = title + "\n" + body + "\n" + boiler;
  a.blocks.push_back({BlockKind::kTitle, {0, title.size()}, ""});
  size_t b = title.size() + 1;
  a.blocks.push_back({BlockKind::kParagraph, {b, b + body.size()}, ""});
  size_t c = b + body.size() + 1;
  a.blocks.push_back({BlockKind::kCaption,
                      {c, c + boiler.size()},
                      boiler.empty() ? "" : "AFP"});
  a.title = title;
  a.authors = {"Ana Ruiz", "Tom Bell"};
  a.published = published;
  a.language = "en";
  a.format = Format::kText;
  a.source.domain = domain;
  a.source.url = domain.empty() ? "" : "https://" + domain + "/a";
  a.source.label = "test";
  a.diagnostics.push_back({"invalid_utf8", "repaired 1 byte"});
  return r;
}

class CorpusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nt_corpus_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "c.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Corpus> OpenOrDie(bool read_only = false) {
    CorpusOptions o;
    o.read_only = read_only;
    auto c = Corpus::Open(path_, o);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(*c) : nullptr;
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(CorpusTest, AddGetRoundTripsEveryField) {
  auto c = OpenOrDie();
  Record r = MakeRecord("Harbour reopens", "The harbour of Tallin reopened.",
                        "Ships wait outside.", "example.org", "2024-03-01");
  r.article.source.fetched = "2024-03-02T10:00:00Z";
  ASSERT_TRUE(c->BeginBatch().ok());
  auto added = c->Add(r, "in.jsonl");
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_TRUE(*added);
  ASSERT_TRUE(c->CommitBatch().ok());

  auto got = c->Get(ContentId(r.article));
  ASSERT_TRUE(got.ok());
  ASSERT_TRUE(got->has_value());
  const Article& a = (*got)->article;
  EXPECT_EQ(a.id, DocIdToString(ContentId(r.article)));
  EXPECT_EQ(a.text, r.article.text);
  EXPECT_EQ(a.title, "Harbour reopens");
  EXPECT_EQ(a.authors, r.article.authors);
  EXPECT_EQ(a.published, "2024-03-01");
  EXPECT_EQ(a.language, "en");
  EXPECT_EQ(a.source.domain, "example.org");
  EXPECT_EQ(a.source.url, "https://example.org/a");
  EXPECT_EQ(a.source.label, "test");
  EXPECT_EQ(a.source.fetched, "2024-03-02T10:00:00Z");
  ASSERT_EQ(a.blocks.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a.blocks[i].kind, r.article.blocks[i].kind);
    EXPECT_EQ(a.blocks[i].span, r.article.blocks[i].span);
    EXPECT_EQ(a.blocks[i].credit, r.article.blocks[i].credit);
  }
  ASSERT_EQ(a.diagnostics.size(), 1u);
  EXPECT_EQ(a.diagnostics[0].code, "invalid_utf8");

  auto missing = c->Get(ContentId(r.article) + 1);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(CorpusTest, SameContentIsStoredOnce) {
  auto c = OpenOrDie();
  Record r = MakeRecord("T", "Body words here.", "x");
  ASSERT_TRUE(c->BeginBatch().ok());
  EXPECT_TRUE(*c->Add(r, "a"));
  EXPECT_FALSE(*c->Add(r, "b"));
  ASSERT_TRUE(c->CommitBatch().ok());
  auto st = c->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->documents, 1u);
  // And across reopen.
  c.reset();
  c = OpenOrDie();
  ASSERT_TRUE(c->BeginBatch().ok());
  EXPECT_FALSE(*c->Add(r, "c"));
  ASSERT_TRUE(c->CommitBatch().ok());
}

TEST_F(CorpusTest, UncommittedBatchIsRolledBack) {
  auto c = OpenOrDie();
  ASSERT_TRUE(c->BeginBatch().ok());
  ASSERT_TRUE(c->Add(MakeRecord("T", "lost words", ""), "a").ok());
  c.reset();  // closed without commit
  c = OpenOrDie();
  EXPECT_EQ(c->Stats()->documents, 0u);
}

TEST_F(CorpusTest, SearchRanksBodyAndTitleButNotBoilerplate) {
  auto c = OpenOrDie();
  ASSERT_TRUE(c->BeginBatch().ok());
  ASSERT_TRUE(c->Add(MakeRecord("Ferry strike ends",
                                "Workers returned to the "
                                "ferries on Monday.",
                                "Photo: lighthouse"),
                     "")
                  .ok());
  ASSERT_TRUE(c->Add(MakeRecord("Budget vote",
                                "The council passed the "
                                "budget. Ferry fares rise.",
                                "Tags: council"),
                     "")
                  .ok());
  ASSERT_TRUE(c->CommitBatch().ok());

  SearchQuery q;
  q.text = "ferry";
  auto hits = c->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].title, "Ferry strike ends");  // title weighs more
  EXPECT_GE((*hits)[0].score, (*hits)[1].score);

  q.text = "lighthouse";  // only in a caption: not indexed
  EXPECT_TRUE(c->Search(q)->empty());

  q.text = "\"passed the budget\"";
  hits = c->Search(q);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_NE((*hits)[0].snippet.find("[passed the budget]"), std::string::npos)
      << (*hits)[0].snippet;
}

TEST_F(CorpusTest, SearchSurvivesQueriesThatAreNotFtsSyntax) {
  auto c = OpenOrDie();
  ASSERT_TRUE(c->BeginBatch().ok());
  ASSERT_TRUE(c->Add(MakeRecord("U.S. talks",
                                "U.S. envoys met in Oslo; "
                                "follow-up talks are set.",
                                ""),
                     "")
                  .ok());
  ASSERT_TRUE(c->CommitBatch().ok());
  for (const char* text :
       {"U.S.", "follow-up", "\"oslo", "oslo)", "NEAR(", "talks AND", "*"}) {
    SearchQuery q;
    q.text = text;
    auto hits = c->Search(q);
    if (std::string(text) == "*" || std::string(text) == "NEAR(") {
      EXPECT_EQ(hits.status().code(), StatusCode::kInvalidArgument);
      continue;
    }
    ASSERT_TRUE(hits.ok()) << text << ": " << hits.status().message();
    EXPECT_EQ(hits->size(), 1u) << text;
  }
}

TEST_F(CorpusTest, SearchFilters) {
  auto c = OpenOrDie();
  ASSERT_TRUE(c->BeginBatch().ok());
  ASSERT_TRUE(
      c->Add(MakeRecord("A", "river flood one", "", "a.com", "2020-01-05"), "")
          .ok());
  ASSERT_TRUE(c->Add(MakeRecord("B", "river flood two", "", "b.com",
                                "2021-06-30T23:00:00Z"),
                     "")
                  .ok());
  ASSERT_TRUE(
      c->Add(MakeRecord("C", "river flood three", "", "b.com", ""), "").ok());
  ASSERT_TRUE(c->CommitBatch().ok());
  SearchQuery q;
  q.text = "river";
  EXPECT_EQ(c->Search(q)->size(), 3u);
  q.domain = "b.com";
  EXPECT_EQ(c->Search(q)->size(), 2u);
  q.domain.clear();
  q.since = "2021-01-01";
  EXPECT_EQ(c->Search(q)->size(), 1u);
  q.since.clear();
  q.until = "2021-06-30";  // the date-time on that day counts
  EXPECT_EQ(c->Search(q)->size(), 2u);
  q.until.clear();
  q.limit = 1;
  EXPECT_EQ(c->Search(q)->size(), 1u);
}

TEST_F(CorpusTest, FindByPrefix) {
  auto c = OpenOrDie();
  Record r = MakeRecord("T", "prefix body", "");
  ASSERT_TRUE(c->BeginBatch().ok());
  ASSERT_TRUE(c->Add(r, "").ok());
  ASSERT_TRUE(c->CommitBatch().ok());
  const std::string hex = DocIdToString(ContentId(r.article));
  for (size_t n : {1, 4, 16}) {
    auto ids = c->FindByPrefix(hex.substr(0, n), 10);
    ASSERT_TRUE(ids.ok());
    ASSERT_EQ(ids->size(), 1u) << n;
    EXPECT_EQ((*ids)[0], ContentId(r.article));
  }
  EXPECT_FALSE(c->FindByPrefix("xyz", 10).ok());
  EXPECT_FALSE(c->FindByPrefix("", 10).ok());
}

TEST_F(CorpusTest, CheckpointsPersist) {
  auto c = OpenOrDie();
  auto none = c->GetCheckpoint("/data/a.jsonl");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(c->BeginBatch().ok());
  ASSERT_TRUE(c->SetCheckpoint("/data/a.jsonl", {"10:20", 5, false}).ok());
  ASSERT_TRUE(c->SetCheckpoint("/data/a.jsonl", {"10:20", 9, true}).ok());
  ASSERT_TRUE(c->CommitBatch().ok());
  c.reset();
  c = OpenOrDie(/*read_only=*/true);
  auto got = c->GetCheckpoint("/data/a.jsonl");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->stamp, "10:20");
  EXPECT_EQ((*got)->done, 9u);
  EXPECT_TRUE((*got)->complete);
}

TEST_F(CorpusTest, RejectsFilesThatAreNotCorpora) {
  {
    std::ofstream f(path_, std::ios::binary);
    f << std::string(4096, '\x5a') << "not sqlite";
  }
  auto c = Corpus::Open(path_, CorpusOptions());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kCorruption);

  // A valid SQLite database of another application.
  std::filesystem::remove(path_);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  c = Corpus::Open(path_, CorpusOptions());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kCorruption);
}

TEST_F(CorpusTest, RejectsNewerSchema) {
  OpenOrDie();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  std::string sql =
      "PRAGMA user_version = " + std::to_string(Corpus::SchemaVersion() + 1);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto c = Corpus::Open(path_, CorpusOptions());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kCorruption);
  EXPECT_NE(c.status().message().find("newer"), std::string::npos);
}

TEST_F(CorpusTest, ReadOnlyMissingIsNotFound) {
  CorpusOptions o;
  o.read_only = true;
  auto c = Corpus::Open((dir_ / "missing.db").string(), o);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "missing.db"));
}

TEST_F(CorpusTest, ForEachVisitsAllInIdOrder) {
  auto c = OpenOrDie();
  ASSERT_TRUE(c->BeginBatch().ok());
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(c->Add(MakeRecord("T" + std::to_string(i),
                                  "body " + std::to_string(i), ""),
                       "")
                    .ok());
  }
  ASSERT_TRUE(c->CommitBatch().ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(c->ForEach([&](const Record& r) {
                 ids.push_back(r.article.id);
                 return true;
               }).ok());
  EXPECT_EQ(ids.size(), 50u);
  // Id order is the order of the signed rowid.
  for (size_t i = 1; i < ids.size(); ++i) {
    uint64_t a = std::stoull(ids[i - 1], nullptr, 16);
    uint64_t b = std::stoull(ids[i], nullptr, 16);
    EXPECT_LT(static_cast<int64_t>(a), static_cast<int64_t>(b));
  }
}

// nt_bm25 must score exactly as FTS5's bm25() where our token count equals
// FTS5's (ASCII text), including multi-phrase queries and column weights.
TEST_F(CorpusTest, StoredLengthRankingEqualsBm25) {
  auto c = OpenOrDie();
  ASSERT_TRUE(c->BeginBatch().ok());
  const char* words[] = {"river", "flood", "council", "bridge", "vote", "tax"};
  for (int i = 0; i < 3000; ++i) {  // spans several doclens chunks
    std::string body;
    for (int k = 0; k < 5 + i % 40; ++k) {
      body += words[(i * 7 + k * k) % 6];
      body += k % 9 == 8 ? ". " : " ";
    }
    ASSERT_TRUE(
        c->Add(MakeRecord("Report " + std::to_string(i) + " " + words[i % 6],
                          body, "Photo: x"),
               "")
            .ok());
    if (i % 1000 == 999) {  // several batches, several chunks
      ASSERT_TRUE(c->CommitBatch().ok());
      ASSERT_TRUE(c->BeginBatch().ok());
    }
  }
  ASSERT_TRUE(c->CommitBatch().ok());
  c.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  auto deferred = store::RegisterRanking(db);
  ASSERT_TRUE(deferred.ok());
  for (const char* query : {"river", "flood OR tax", "\"council bridge\"",
                            "report", "vote river"}) {
    std::string sql =
        "SELECT rowid, bm25(documents_fts, 4.0, 1.0), nt_bm25(documents_fts, "
        "4.0, 1.0) FROM documents_fts WHERE documents_fts MATCH ?1";
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK);
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    int rows = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
      ++rows;
      EXPECT_NEAR(sqlite3_column_double(st, 1), sqlite3_column_double(st, 2),
                  1e-9)
          << query << " rowid " << sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    EXPECT_GT(rows, 0) << query;
  }
  sqlite3_close(db);

  // Through the corpus: hits and scores equal bm25()'s best 20, for
  // one-phrase queries (deferred IDF) and others, filtered or not.
  c = OpenOrDie(/*read_only=*/true);
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  for (const char* query :
       {"river", "\"council bridge\"", "flood OR tax", "report"}) {
    SearchQuery q;
    q.text = query;
    auto hits = c->Search(q);
    ASSERT_TRUE(hits.ok()) << hits.status().message();
    sqlite3_stmt* st = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(
                  db,
                  "SELECT d.id, -bm25(documents_fts, 4.0, 1.0) AS s FROM "
                  "documents_fts JOIN documents d ON d.seq = "
                  "documents_fts.rowid WHERE documents_fts MATCH ?1 ORDER BY "
                  "s DESC, documents_fts.rowid LIMIT 20",
                  -1, &st, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
    size_t i = 0;
    while (sqlite3_step(st) == SQLITE_ROW && i < hits->size()) {
      EXPECT_NEAR((*hits)[i].score, sqlite3_column_double(st, 1), 1e-9)
          << query << " hit " << i;
      ++i;
    }
    sqlite3_finalize(st);
    EXPECT_EQ(i, hits->size()) << query;
  }
  sqlite3_close(db);
}

TEST(CountTokensTest, RunsOfLettersAndDigits) {
  EXPECT_EQ(store::CountTokens(""), 0u);
  EXPECT_EQ(store::CountTokens("U.S. follow-up, 2024!"), 5u);
  EXPECT_EQ(store::CountTokens("  one  "), 1u);
  EXPECT_EQ(store::CountTokens("snake_case"), 2u);
}

TEST(QuoteFtsQueryTest, WordsAndPhrases) {
  EXPECT_EQ(store::QuoteFtsQuery("U.S. follow-up"),
            "\"U\" \"S\" \"follow\" \"up\"");
  EXPECT_EQ(store::QuoteFtsQuery("\"new  york\" times"),
            "\"new york\" \"times\"");
  EXPECT_EQ(store::QuoteFtsQuery("\"unclosed phrase"), "\"unclosed phrase\"");
  EXPECT_EQ(store::QuoteFtsQuery("*** ()"), "");
  EXPECT_EQ(store::QuoteFtsQuery("talks AND"), "\"talks\"");
  EXPECT_EQ(store::QuoteFtsQuery("NEAR("), "");
  EXPECT_EQ(store::QuoteFtsQuery("café"), "\"café\"");
}

}  // namespace
}  // namespace newstrace
