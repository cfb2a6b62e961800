// Issue 4's acceptance on the seed: a corpus of over 1,000 real articles
// (FA-KES and the FakeNewsCorpus sample from ../shared/data) holding a
// de-spun version of the seed (Russian Federation back to Russia, captions,
// tag lines and appended headlines removed, dated a day earlier). Tracing
// the seed must return that version first, as origin, with the substitution
// named and the added boilerplate reported as insertions. Skips when
// ../shared is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "newstrace/corpus.h"
#include "newstrace/pipeline.h"
#include "testutil/files.h"
#include "testutil/shared_dir.h"

namespace newstrace {
namespace {

namespace fs = std::filesystem;

using testutil::SharedDir;

using testutil::ReadWholeFile;

// The seed with the copier's additions and swaps undone.
std::string Despin(const std::string& seed) {
  std::vector<std::string> lines;
  std::stringstream ss(seed);
  for (std::string line; std::getline(ss, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  lines.resize(lines.size() - 2);  // the two appended headlines
  std::string out;
  for (const std::string& line : lines) {
    if (line.rfind("World War 3", 0) == 0 || line.rfind("GETTY", 0) == 0) {
      continue;  // tag lines and credited captions
    }
    std::string l = line;
    for (size_t p; (p = l.find("Russian Federation")) != std::string::npos;) {
      l.replace(p, 18, "Russia");
    }
    out += l + "\n\n";
  }
  return out;
}

TEST(TraceSeedTest, DespunOriginalFoundWithSubstitutionAndInsertions) {
  const fs::path shared = SharedDir();
  const fs::path seed_path = shared / "seeds" / "000_5b0cde3ef09c3124.txt";
  const fs::path fakes = shared / "data" / "fakes";
  const fs::path sample =
      shared / "data" / "fakenewscorpus_sample" / "news_sample.csv";
  if (!fs::exists(seed_path) || !fs::exists(fakes) || !fs::exists(sample)) {
    GTEST_SKIP() << "../shared is absent: the seed, data/fakes or "
                    "data/fakenewscorpus_sample not found under "
                 << shared;
  }
  const std::string seed = ReadWholeFile(seed_path);
  const fs::path dir = fs::temp_directory_path() /
                       ("nt_trace_seed_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path despun = dir / "despun.jsonl";
  {
    nlohmann::json j = {{"title", seed.substr(0, seed.find('\n'))},
                        {"text", Despin(seed)},
                        {"url", "https://wire.example/putin-assad-sochi"},
                        {"published", "2017-11-20"}};
    std::ofstream(despun) << j.dump() << "\n";
  }
  auto corpus = Corpus::Open((dir / "c.db").string(), CorpusOptions());
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  IngestOptions io;
  io.threads = 2;
  auto ingested = IngestPaths(
      {fakes.string(), sample.string(), despun.string()}, corpus->get(), io);
  ASSERT_TRUE(ingested.ok()) << ingested.status().ToString();
  auto stats = (*corpus)->Stats();
  ASSERT_TRUE(stats.ok());
  ASSERT_GE(stats->documents, 1000u);

  RawDoc doc;
  doc.id = seed_path.string();
  doc.bytes = seed;
  auto query = AnalyzeDocument(doc, AnalyzeOptions());
  ASSERT_TRUE(query.ok());
  query->article.published = "2017-11-21";
  auto report = TraceDocument(corpus->get(), *query, TraceOptions());
  ASSERT_TRUE(report.ok()) << report.status().ToString();

  ASSERT_FALSE(report->matches.empty());
  const TraceMatch& top = report->matches[0];
  EXPECT_EQ(top.record.article.source.url,
            "https://wire.example/putin-assad-sochi");
  EXPECT_EQ(top.relation, "near_copy");
  EXPECT_GT(top.overlap.jaccard, 0.8);
  // Nothing else in the corpus is a near copy of it.
  for (size_t i = 1; i < report->matches.size(); ++i) {
    EXPECT_NE(report->matches[i].relation, "near_copy")
        << report->matches[i].record.article.title;
  }
  EXPECT_EQ(report->origin_id, top.id);
  EXPECT_EQ(report->origin.rule, "earliest_published");

  ASSERT_FALSE(top.substitutions.empty());
  EXPECT_EQ(top.substitutions[0].from, "Russia");
  EXPECT_EQ(top.substitutions[0].to, "Russian Federation");
  EXPECT_EQ(top.substitutions[0].count, 2u);

  // The diff runs from the origin to the seed: every boilerplate block the
  // copier added (tag lines, captions and credits, appended headlines) lies
  // inside an insertion.
  ASSERT_FALSE(top.diff_from_query);
  const Article& q = query->article;
  int boilerplate = 0;
  for (const Block& b : q.blocks) {
    if (IsBodyKind(b.kind) || b.kind == BlockKind::kTitle) continue;
    ++boilerplate;
    bool inside = false;
    for (const DiffRun& r : top.diff) {
      inside |= (r.op == DiffOp::kInsert || r.op == DiffOp::kReplace) &&
                r.to.begin <= b.span.begin && b.span.end <= r.to.end;
    }
    EXPECT_TRUE(inside) << BlockKindName(b.kind) << ": " << q.SpanText(b.span);
  }
  EXPECT_EQ(boilerplate, 8);  // 2 tag lines, 2 captions, 2 credits, 2 links
  // And nothing of the original was deleted.
  for (const DiffRun& r : top.diff) EXPECT_NE(r.op, DiffOp::kDelete);
  corpus->reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace newstrace
