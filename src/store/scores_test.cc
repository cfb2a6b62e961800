// Classifier scores in the corpus: registration, storage with documents,
// search filters, statistics, removal and the schema 2 -> 3 migration.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "newstrace/corpus.h"

namespace newstrace {
namespace {

Record Doc(const std::string& title, const std::string& body,
           const std::string& domain = "") {
  Record r;
  Article& a = r.article;
  a.text = title + "\n" + body;
  a.blocks.push_back({BlockKind::kTitle, {0, title.size()}, ""});
  a.blocks.push_back(
      {BlockKind::kParagraph, {title.size() + 1, a.text.size()}, ""});
  a.title = title;
  a.format = Format::kText;
  a.source.domain = domain;
  return r;
}

ModelScore Bait(double p_bait) {
  ModelScore s;
  s.model = "bait";
  const bool bait = p_bait >= 0.5;
  s.label = bait ? "clickbait" : "news";
  s.probability = bait ? p_bait : 1 - p_bait;
  s.probabilities = {{"clickbait", p_bait}, {"news", 1 - p_bait}};
  return s;
}

StoredModel BaitModel(const std::string& checksum = "00000000000000aa") {
  return {"bait", checksum, {"clickbait", "news"}, "bait.ntm", ""};
}

class ScoresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("nt_scores_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "c.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Corpus> Open(bool read_only = false) {
    CorpusOptions o;
    o.read_only = read_only;
    auto c = Corpus::Open(path_, o);
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(c).value() : nullptr;
  }

  // Three scored documents about harbours and one unscored.
  void Fill(Corpus* c) {
    ASSERT_TRUE(c->RegisterModel(BaitModel()).ok());
    ASSERT_TRUE(c->BeginBatch().ok());
    Record a = Doc("You will not believe this harbour", "The harbour cats.",
                   "a.example");
    a.scores = {Bait(0.9)};
    Record b = Doc("Harbour dues rise", "The harbour board voted on dues.",
                   "b.example");
    b.scores = {Bait(0.2)};
    Record c2 =
        Doc("Ten harbour secrets", "Number seven is a harbour.", "b.example");
    c2.scores = {Bait(0.6)};
    Record d = Doc("Harbour map", "An unscored harbour page.");
    for (const Record* r : {&a, &b, &c2, &d}) {
      auto added = c->Add(*r, "in.jsonl");
      ASSERT_TRUE(added.ok()) << added.status().message();
      ASSERT_TRUE(*added);
    }
    ASSERT_TRUE(c->CommitBatch().ok());
  }

  std::filesystem::path dir_;
  std::string path_;
};

TEST_F(ScoresTest, StoredWithTheDocumentAndReadBack) {
  auto c = Open();
  Fill(c.get());
  auto r = c->Get(ContentId(
      Doc("You will not believe this harbour", "The harbour cats.").article));
  ASSERT_TRUE(r.ok() && r->has_value());
  ASSERT_EQ((*r)->scores.size(), 1u);
  const ModelScore& s = (*r)->scores[0];
  EXPECT_EQ(s.model, "bait");
  EXPECT_EQ(s.label, "clickbait");
  EXPECT_DOUBLE_EQ(s.probability, 0.9);
  ASSERT_EQ(s.probabilities.size(), 2u);
  EXPECT_EQ(s.probabilities[0].first, "clickbait");  // the model's order
  EXPECT_DOUBLE_EQ(s.probabilities[1].second, 1 - 0.9);
  auto unscored = c->Get(
      ContentId(Doc("Harbour map", "An unscored harbour page.").article));
  ASSERT_TRUE(unscored.ok() && unscored->has_value());
  EXPECT_TRUE((*unscored)->scores.empty());
  // ForEach reads them too.
  size_t scored = 0;
  ASSERT_TRUE(c->ForEach([&](const Record& x) {
                 scored += x.scores.size();
                 return true;
               }).ok());
  EXPECT_EQ(scored, 3u);
  auto models = c->Models();
  ASSERT_TRUE(models.ok());
  ASSERT_EQ(models->size(), 1u);
  EXPECT_EQ((*models)[0].file, "bait.ntm");
  EXPECT_FALSE((*models)[0].added.empty());
}

TEST_F(ScoresTest, OneNameNeverHoldsTwoModels) {
  auto c = Open();
  ASSERT_TRUE(c->RegisterModel(BaitModel()).ok());
  EXPECT_TRUE(c->RegisterModel(BaitModel()).ok());  // the same again: fine
  Status other = c->RegisterModel(BaitModel("00000000000000bb"));
  EXPECT_EQ(other.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(other.message().find("NAME=PATH"), std::string::npos);
  // Scores of a model never registered, or with a label it lacks.
  ASSERT_TRUE(c->BeginBatch().ok());
  Record r = Doc("t", "b");
  ModelScore stranger = Bait(0.7);
  stranger.model = "stranger";
  r.scores = {stranger};
  EXPECT_EQ(c->Add(r, "").status().code(), StatusCode::kInvalidArgument);
  ModelScore odd = Bait(0.7);
  odd.probabilities[0].first = "satire";
  r.scores = {odd};
  EXPECT_EQ(c->Add(r, "").status().code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(c->CommitBatch().ok());
}

TEST_F(ScoresTest, DuplicateGainsScoresOfNewModelsOnly) {
  auto c = Open();
  Fill(c.get());
  StoredModel second{"tone", "00000000000000cc", {"calm", "angry"}, "", ""};
  ASSERT_TRUE(c->RegisterModel(second).ok());
  ASSERT_TRUE(c->BeginBatch().ok());
  Record again =
      Doc("Harbour dues rise", "The harbour board voted on dues.", "b.example");
  ModelScore tone{"tone", "angry", 0.8, {{"calm", 0.2}, {"angry", 0.8}}};
  again.scores = {Bait(0.99), tone};  // bait: kept as first stored
  auto added = c->Add(again, "");
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_FALSE(*added);
  ASSERT_TRUE(c->CommitBatch().ok());
  auto r = c->Get(ContentId(again.article));
  ASSERT_TRUE(r.ok() && r->has_value());
  ASSERT_EQ((*r)->scores.size(), 2u);
  EXPECT_EQ((*r)->scores[0].model, "bait");
  EXPECT_EQ((*r)->scores[0].label, "news");
  EXPECT_DOUBLE_EQ((*r)->scores[0].probability, 0.8);
  EXPECT_EQ((*r)->scores[1].model, "tone");
  EXPECT_EQ((*r)->scores[1].label, "angry");
}

TEST_F(ScoresTest, SearchFiltersOnScores) {
  auto c = Open();
  Fill(c.get());
  SearchQuery q;
  q.text = "harbour";
  auto all = c->Search(q);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 4u);
  q.scores = {{"bait", "clickbait", std::nullopt}};  // the top label
  auto top = c->Search(q);
  ASSERT_TRUE(top.ok()) << top.status().message();
  ASSERT_EQ(top->size(), 2u);
  for (const SearchHit& h : *top) {
    ASSERT_EQ(h.scores.size(), 1u);
    EXPECT_EQ(h.scores[0].label, "clickbait");
  }
  q.scores = {{"bait", "clickbait", 0.75}};
  auto sure = c->Search(q);
  ASSERT_TRUE(sure.ok());
  ASSERT_EQ(sure->size(), 1u);
  EXPECT_EQ(sure->at(0).title, "You will not believe this harbour");
  q.scores = {{"bait", "news", 0.3}};  // P(news) >= 0.3: 0.8 and 0.4
  q.domain = "b.example";
  auto both = c->Search(q);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->size(), 2u);
  // Unknown model or label, bad threshold: refused, naming what is known.
  q.domain.clear();
  q.scores = {{"nope", "x", std::nullopt}};
  auto unknown = c->Search(q);
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("bait"), std::string::npos);
  q.scores = {{"bait", "satire", std::nullopt}};
  EXPECT_EQ(c->Search(q).status().code(), StatusCode::kInvalidArgument);
  q.scores = {{"bait", "news", 1.5}};
  EXPECT_EQ(c->Search(q).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ScoresTest, FiltersAloneListByProbability) {
  auto c = Open();
  Fill(c.get());
  c.reset();
  auto ro = Open(/*read_only=*/true);
  SearchQuery q;
  q.scores = {{"bait", "clickbait", 0.0}};
  auto hits = ro->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 3u);  // every scored document, most probable first
  EXPECT_DOUBLE_EQ(hits->at(0).score, 0.9);
  EXPECT_DOUBLE_EQ(hits->at(1).score, 0.6);
  EXPECT_DOUBLE_EQ(hits->at(2).score, 0.2);
  EXPECT_EQ(hits->at(0).snippet, "The harbour cats.");
  q.limit = 1;
  EXPECT_EQ(ro->Search(q)->size(), 1u);
  q.scores.clear();  // no words and no filter: refused
  EXPECT_EQ(ro->Search(q).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ScoresTest, StatsCountTopLabelsAndRemoveDropsScores) {
  auto c = Open();
  Fill(c.get());
  auto st = c->Stats();
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(st->scores.size(), 2u);
  EXPECT_EQ(st->scores[0].model, "bait");
  EXPECT_EQ(st->scores[0].label, "clickbait");
  EXPECT_EQ(st->scores[0].documents, 2u);
  EXPECT_EQ(st->scores[1].documents, 1u);
  ASSERT_TRUE(c->BeginBatch().ok());
  auto removed = c->Remove(ContentId(
      Doc("Harbour dues rise", "The harbour board voted on dues.").article));
  ASSERT_TRUE(removed.ok() && *removed);
  ASSERT_TRUE(c->CommitBatch().ok());
  st = c->Stats();
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(st->scores.size(), 1u);  // no "news" left
}

TEST_F(ScoresTest, SchemaTwoCorpusIsMigrated) {
  auto c = Open();
  ASSERT_TRUE(c->BeginBatch().ok());
  ASSERT_TRUE(c->Add(Doc("Old harbour", "Stored before scores."), "").ok());
  ASSERT_TRUE(c->CommitBatch().ok());
  c.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP TABLE scores; DROP TABLE models; "
                         "PRAGMA user_version = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  CorpusOptions ro;
  ro.read_only = true;
  EXPECT_FALSE(Corpus::Open(path_, ro).ok());  // needs the migration
  c = Open();
  ASSERT_TRUE(c);
  ASSERT_TRUE(c->RegisterModel(BaitModel()).ok());
  ASSERT_TRUE(c->BeginBatch().ok());
  Record old = Doc("Old harbour", "Stored before scores.");
  old.scores = {Bait(0.1)};
  ASSERT_TRUE(c->Add(old, "").ok());  // a duplicate: gains the score
  ASSERT_TRUE(c->CommitBatch().ok());
  auto r = c->Get(ContentId(old.article));
  ASSERT_TRUE(r.ok() && r->has_value());
  ASSERT_EQ((*r)->scores.size(), 1u);
  EXPECT_EQ((*r)->scores[0].label, "news");
}

}  // namespace
}  // namespace newstrace
