// Article-level tracing: fingerprints, overlap, diff, substitutions, reuse
// and origin, on small articles written for these tests.
#include "newstrace/trace.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace newstrace {
namespace {

// An article from (kind, text) blocks joined by blank lines.
Article Make(const std::vector<std::pair<BlockKind, std::string>>& blocks,
             std::string published = "") {
  Article a;
  for (const auto& [kind, text] : blocks) {
    if (!a.text.empty()) a.text += "\n\n";
    Block b;
    b.kind = kind;
    b.span = {a.text.size(), a.text.size() + text.size()};
    a.text += text;
    a.blocks.push_back(b);
  }
  a.published = std::move(published);
  return a;
}

const char kP1[] =
    "The president of Russia met the leader of the island nation on "
    "Thursday to discuss trade in grain, fishing rights and a new ferry "
    "line across the strait.";
const char kP2[] =
    "Officials in Russia said the talks lasted four hours and ended with a "
    "joint statement promising a second round of meetings in the spring.";
const char kP3[] =
    "The ferry line, first proposed a decade ago, would cut the crossing "
    "from two days to nine hours, according to the transport ministry.";

std::string Swap(std::string s) {
  for (size_t p; (p = s.find("Russia ")) != std::string::npos;) {
    s.replace(p, 6, "Russian Federation");
  }
  return s;
}

Article Original() {
  return Make({{BlockKind::kTitle, "Leaders discuss ferry line"},
               {BlockKind::kParagraph, kP1},
               {BlockKind::kParagraph, kP2},
               {BlockKind::kParagraph, kP3}},
              "2017-11-20");
}

Article Copy() {
  return Make(
      {{BlockKind::kTitle, "Leaders discuss ferry line"},
       {BlockKind::kParagraph, Swap(kP1)},
       {BlockKind::kCaption, "The two leaders shook hands at the port"},
       {BlockKind::kParagraph, Swap(kP2)},
       {BlockKind::kParagraph, kP3},
       {BlockKind::kRelatedLink, "Shocking photos you will not believe"}},
      "2017-11-21");
}

TEST(TraceTest, FingerprintIgnoresBoilerplateBlocks) {
  FingerprintOptions o;
  Article a = Original();
  Article b = a;
  b.text += "\n\nSubscribe to our newsletter today for more";
  b.blocks.push_back(
      {BlockKind::kAdvertisement, {a.text.size() + 2, b.text.size()}, ""});
  Fingerprint fa = ComputeFingerprint(a, o), fb = ComputeFingerprint(b, o);
  EXPECT_EQ(fa.minhash, fb.minhash);
  EXPECT_EQ(fa.band_keys, fb.band_keys);
  EXPECT_EQ(fa.minhash.size(), 128u);
  EXPECT_EQ(fa.band_keys.size(), 23u);
  EXPECT_EQ(fa.words, 75u);
  EXPECT_LE(fa.reuse_keys.size(), fa.shingles);
  EXPECT_TRUE(std::is_sorted(fa.reuse_keys.begin(), fa.reuse_keys.end()));
  // No words: nothing to index.
  Fingerprint empty = ComputeFingerprint(Make({}), o);
  EXPECT_TRUE(empty.minhash.empty());
  EXPECT_TRUE(empty.band_keys.empty());
  FingerprintOptions bad;
  bad.threshold = 1.5;
  EXPECT_FALSE(bad.Validate().ok());
  EXPECT_TRUE(o.Validate().ok());
}

TEST(TraceTest, OverlapOfCopy) {
  Overlap o = CompareArticles(Original(), Copy(), 5);
  EXPECT_GT(o.jaccard, 0.5);
  EXPECT_LT(o.jaccard, 1.0);
  EXPECT_EQ(o.a_shingles, 75u - 4);
  EXPECT_NEAR(o.a_in_b, double(o.shared) / o.a_shingles, 1e-12);
  Overlap same = CompareArticles(Original(), Original(), 5);
  EXPECT_EQ(same.jaccard, 1.0);
}

TEST(TraceTest, DiffAndSystematicSubstitution) {
  const Article a = Original(), b = Copy();
  const auto diff = DiffArticles(a, b, DiffOptions());
  int replaced = 0, inserted = 0;
  size_t from_pos = 0, to_pos = 0;
  for (const DiffRun& r : diff) {
    EXPECT_GE(r.from.begin, from_pos);
    EXPECT_GE(r.to.begin, to_pos);
    from_pos = r.from.end;
    to_pos = r.to.end;
    if (r.op == DiffOp::kReplace) {
      ++replaced;
      EXPECT_EQ(a.SpanText(r.from), "Russia");
      EXPECT_EQ(b.SpanText(r.to), "Russian Federation");
    }
    if (r.op == DiffOp::kInsert) {
      ++inserted;
      EXPECT_TRUE(b.SpanText(r.to) ==
                      "The two leaders shook hands at the port" ||
                  b.SpanText(r.to) == "Shocking photos you will not believe")
          << b.SpanText(r.to);
      EXPECT_TRUE(r.from.empty());
    }
    EXPECT_NE(r.op, DiffOp::kDelete);
  }
  EXPECT_EQ(replaced, 2);
  EXPECT_EQ(inserted, 2);
  const auto subs = FindSubstitutions(a, b, diff);
  ASSERT_EQ(subs.size(), 1u);
  EXPECT_EQ(subs[0].from, "Russia");
  EXPECT_EQ(subs[0].to, "Russian Federation");
  EXPECT_EQ(subs[0].count, 2u);
  // Made once, it is not systematic; with min_count 1 it is listed.
  SubstitutionOptions once;
  once.min_count = 1;
  Article c = Copy();
  EXPECT_EQ(FindSubstitutions(a, b, diff, once).size(), 1u);
  EXPECT_EQ(DiffArticles(a, a, DiffOptions()).size(), 1u);
}

TEST(TraceTest, ExpansionsCountUnderTheNameTheyExpand) {
  // "Norway" -> "Kingdom of Norway" keeps "Norway": the diff holds only the
  // insertion "Kingdom of", which must still read as a substitution.
  const Article a =
      Make({{BlockKind::kParagraph,
             "The government of Norway met the island council. Officials from "
             "Norway said the talks went well, and the council agreed."}});
  const Article b = Make(
      {{BlockKind::kParagraph,
        "The government of Kingdom of Norway met the island council. "
        "Officials from Kingdom of Norway said the talks went well, and the "
        "council agreed."}});
  const auto diff = DiffArticles(a, b, DiffOptions());
  const auto subs = FindSubstitutions(a, b, diff);
  ASSERT_EQ(subs.size(), 1u);
  EXPECT_EQ(subs[0].from, "Norway");
  EXPECT_EQ(subs[0].to, "Kingdom of Norway");
  EXPECT_EQ(subs[0].count, 2u);
  // Read backwards (a de-spin), the same pair appears as deletions.
  const auto back = FindSubstitutions(b, a, DiffArticles(b, a, DiffOptions()));
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].from, "Kingdom of Norway");
  EXPECT_EQ(back[0].to, "Norway");
}

TEST(TraceTest, InsertedParagraphSlidesToItsLines) {
  const Article a = Make({{BlockKind::kParagraph, "The long civil war."},
                          {BlockKind::kParagraph, "Peace talks began."}});
  const Article b = Make({{BlockKind::kParagraph, "The long civil war."},
                          {BlockKind::kCaption, "Photos of the civil war."},
                          {BlockKind::kParagraph, "Peace talks began."}});
  const auto diff = DiffArticles(a, b, DiffOptions());
  ASSERT_EQ(diff.size(), 3u);
  EXPECT_EQ(diff[1].op, DiffOp::kInsert);
  EXPECT_EQ(b.SpanText(diff[1].to), "Photos of the civil war");
  EXPECT_EQ(a.SpanText(diff[0].from), "The long civil war");
  EXPECT_EQ(b.SpanText(diff[2].to), "Peace talks began");
  // The same for a deletion, read the other way.
  const auto back = DiffArticles(b, a, DiffOptions());
  ASSERT_EQ(back.size(), 3u);
  EXPECT_EQ(back[1].op, DiffOp::kDelete);
  EXPECT_EQ(b.SpanText(back[1].from), "Photos of the civil war");
}

TEST(TraceTest, ReuseFindsRewrittenPassagesOnly) {
  const Article source = Original();
  // A short story: one sentence of the source verbatim, one rewritten with
  // a word changed, and its own words.
  std::string p2 = kP2;
  p2.replace(p2.find("four"), 4, "five");
  const Article target =
      Make({{BlockKind::kParagraph,
             "Local traders welcomed the news on Friday morning."},
            {BlockKind::kParagraph, kP3},
            {BlockKind::kParagraph, p2}});
  Reuse r = FindReuse(source, target, ReuseOptions());
  ASSERT_EQ(r.passages.size(), 2u);
  EXPECT_EQ(target.SpanText(r.passages[0].target),
            "The ferry line, first proposed a decade ago, would cut the "
            "crossing from two days to nine hours, according to the "
            "transport ministry");
  EXPECT_EQ(source.SpanText(r.passages[0].source),
            target.SpanText(r.passages[0].target));
  EXPECT_EQ(r.passages[1].words, 24u);  // all of it, bridged over "five"
  EXPECT_GT(r.share(), 0.8);
  // An independent report of the same event shares names and a phrase.
  const Article other =
      Make({{BlockKind::kParagraph,
             "Grain and fishing rights were on the agenda as the president of "
             "Russia met the island's leader, a meeting that lasted four hours "
             "according to the transport ministry."}});
  EXPECT_TRUE(FindReuse(source, other, ReuseOptions()).passages.empty());
  EXPECT_TRUE(FindReuse(Make({}), other, ReuseOptions()).passages.empty());
}

TEST(TraceTest, SharedQuotationIsNotReuse) {
  // Two reports of one statement: the quote is shared word for word, the
  // prose around it is not.
  const std::string quote =
      "\"We will not stand for any content that promotes violence against "
      "people of any race, and we have told the site's owner to find a new "
      "host within a day,\"";
  const Article a = Make({{BlockKind::kParagraph,
                           "The hosting firm cut off the website on Sunday. " +
                               quote + " a spokeswoman said."}});
  const Article b = Make(
      {{BlockKind::kParagraph,
        "In a statement released late on Sunday the company wrote: " + quote +
            " and gave no further comment."}});
  const Reuse r = FindReuse(a, b, ReuseOptions());
  EXPECT_TRUE(r.passages.empty());
  EXPECT_EQ(r.reused_words, 0u);
  EXPECT_EQ(r.target_words, 15u);  // the unquoted words of b
  // The same words unquoted are reuse.
  std::string bare = quote;
  bare.erase(std::remove(bare.begin(), bare.end(), '"'), bare.end());
  const Article c =
      Make({{BlockKind::kParagraph, "The company wrote that " + bare}});
  const Article d = Make({{BlockKind::kParagraph, "It said " + bare}});
  EXPECT_EQ(FindReuse(c, d, ReuseOptions()).passages.size(), 1u);
}

TEST(TraceTest, OriginRules) {
  // {published, fetched, contained, holds, similarity}
  std::vector<OriginCandidate> c = {{"2017-11-21", "", 0.7, 0.8, 0.7},
                                    {"2017-11-20T09:00:00Z", "", 0.9, 0.6, 0.7},
                                    {"", "", 0.5, 0.5, 0.5}};
  OriginChoice o = ChooseOrigin(c);
  EXPECT_EQ(o.index, 1);
  EXPECT_EQ(o.rule, "earliest_published");
  EXPECT_EQ(o.confidence, "medium");  // one copy undated
  c[2].published = "2017-11-22";
  EXPECT_EQ(ChooseOrigin(c).confidence, "high");
  // Tied dates, three copies: the one closest to the others.
  c = {{"2017-11-20", "", 0.9, 0.7, 0.60},
       {"2017-11-20", "", 0.8, 0.8, 0.75},
       {"", "", 0.9, 0.6, 0.55}};
  o = ChooseOrigin(c);
  EXPECT_EQ(o.index, 1);
  EXPECT_EQ(o.rule, "central");
  // Two copies: the fuller one.
  c = {{"", "", 0.95, 0.6, 0.6}, {"", "", 0.6, 0.95, 0.6}};
  o = ChooseOrigin(c);
  EXPECT_EQ(o.index, 1);
  EXPECT_EQ(o.rule, "holds_others");
  // Nothing tells them apart.
  c = {{"", "", 0.8, 0.8, 0.8}, {"", "", 0.8, 0.8, 0.8}};
  EXPECT_EQ(ChooseOrigin(c).rule, "undecided");
  c = {{"", "2017-01-02", 0.8, 0.8, 0.8}, {"", "2017-01-01", 0.8, 0.8, 0.8}};
  EXPECT_EQ(ChooseOrigin(c).index, 1);
  EXPECT_EQ(ChooseOrigin(c).rule, "earliest_fetched");
  c = {{"", "", 0.8, 0.8, 0.8}, {"2017-01-01", "", 0.8, 0.8, 0.8}};
  EXPECT_EQ(ChooseOrigin(c).rule, "only_dated");
  EXPECT_EQ(ChooseOrigin({}).index, -1);
  EXPECT_EQ(ChooseOrigin({{"", "", 0, 0, 0}}).rule, "only_document");
}

}  // namespace
}  // namespace newstrace
