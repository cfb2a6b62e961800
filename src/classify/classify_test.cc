// Tests of the classify module on data we generate: two kinds of headline
// drawn from different word pools, so a working model must tell them apart.
#include "newstrace/classify.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

#include "classify/sparse_model.h"
#include "classify/stack.h"
#include "classify/text.h"
#include "classify/text_model.h"
#include "newstrace/analyze.h"

namespace newstrace {
namespace {

const char* kLoud[] = {"shocking", "you",  "won't",   "believe", "insane",
                       "secret",   "this", "amazing", "reasons", "epic"};
const char* kSober[] = {"minister", "budget", "council", "report", "talks",
                        "approves", "court",  "policy",  "annual", "vote"};
const char* kShared[] = {"the", "of", "in", "city", "new", "after", "on"};

Record MakeRecord(const std::string& title, const std::string& body) {
  Record r;
  r.article.title = title;
  r.article.text = body;
  if (!body.empty()) {
    r.article.blocks.push_back(
        {BlockKind::kParagraph, Span{0, body.size()}, ""});
  }
  AnalysisOptions o;
  o.figures = false;
  AnalyzeArticle(o, &r);
  return r;
}

// `n` rows, alternating labels, each a headline of 6 words: 3 from its
// label's pool, 3 shared.
std::vector<LabeledRecord> MakeRows(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<LabeledRecord> rows;
  for (size_t i = 0; i < n; ++i) {
    bool loud = i % 2 == 0;
    std::string title;
    for (int w = 0; w < 6; ++w) {
      const char* word = w % 2 == 0
                             ? (loud ? kLoud[rng() % 10] : kSober[rng() % 10])
                             : kShared[rng() % 7];
      title += (w ? " " : "") + std::string(word);
    }
    LabeledRecord row;
    row.record = MakeRecord(title, "");
    row.label = loud ? "loud" : "sober";
    row.group = "site" + std::to_string(i % 7) + ".example";
    rows.push_back(std::move(row));
  }
  return rows;
}

TrainOptions SmallOptions() {
  TrainOptions o;
  o.dim = 10;
  o.epochs = 10;
  o.folds = 2;
  o.buckets = 10000;
  return o;
}

class ClassifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto m = Classifier::Train(MakeRows(200, 1), SmallOptions());
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = new Classifier(std::move(m).value());
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
  }
  static Classifier* model_;
};
Classifier* ClassifierTest::model_ = nullptr;

TEST_F(ClassifierTest, TellsTheKindsApartOnUnseenRows) {
  std::vector<LabeledRecord> test = MakeRows(100, 99);
  std::vector<std::string> gold;
  std::vector<Score> scores;
  for (const auto& r : test) {
    gold.push_back(r.label);
    scores.push_back(model_->Predict(r.record));
  }
  Evaluation e = Evaluate(model_->info().labels, gold, scores);
  EXPECT_GE(e.accuracy, 0.95);
  EXPECT_GE(e.macro_f1, 0.95);
  EXPECT_EQ(e.n, 100u);
}

TEST_F(ClassifierTest, ScoresCarryProbabilitiesAndReasons) {
  Score s =
      model_->Predict(MakeRecord("shocking secret you won't believe", ""));
  EXPECT_EQ(s.label, "loud");
  ASSERT_EQ(s.probabilities.size(), 2u);
  EXPECT_NEAR(s.probabilities[0].second + s.probabilities[1].second, 1.0, 1e-9);
  EXPECT_GT(s.probability, 0.5);
  ASSERT_FALSE(s.reasons.empty());
  EXPECT_EQ(s.reasons[0].kind, "text");
  bool has_loud_word = false;
  for (const Reason& r : s.reasons) {
    if (r.kind == "word" && (r.what == "shocking" || r.what == "secret")) {
      has_loud_word = r.weight > 0;
    }
  }
  EXPECT_TRUE(has_loud_word);
}

TEST_F(ClassifierTest, AHeadlineModelReadsOnlyTheHeadline) {
  EXPECT_TRUE(model_->info().headline_only);
  for (const std::string& name : model_->info().signals) {
    const SignalInfo* info = FindSignalInfo(name);
    ASSERT_NE(info, nullptr) << name;
    EXPECT_EQ(info->scope, SignalScope::kHeadline) << name;
  }
  std::string body;
  for (int i = 0; i < 300; ++i) body += "The minister said the council met. ";
  Score with_body =
      model_->Predict(MakeRecord("shocking secret revealed", body));
  Score alone = model_->Predict(MakeRecord("shocking secret revealed", ""));
  EXPECT_EQ(with_body.label, alone.label);
  EXPECT_DOUBLE_EQ(with_body.probability, alone.probability);
}

TEST_F(ClassifierTest, EmptyRecordGetsAScoreNotACrash) {
  Score s = model_->Predict(MakeRecord("", ""));
  EXPECT_FALSE(s.label.empty());
  EXPECT_GT(s.probability, 0.0);
}

TEST_F(ClassifierTest, RoundTripsBitForBit) {
  std::string bytes = model_->ToBytes();
  auto back = Classifier::FromBytes(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->ToBytes(), bytes);
  Record r = MakeRecord("council approves annual budget", "");
  EXPECT_EQ(back->Predict(r).probability, model_->Predict(r).probability);
  EXPECT_EQ(back->info().calibration, model_->info().calibration);

  std::string path = ::testing::TempDir() + "/model.ntm";
  ASSERT_TRUE(model_->Save(path).ok());
  auto loaded = Classifier::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->ToBytes(), bytes);
  std::remove(path.c_str());
}

TEST_F(ClassifierTest, RefusesTruncatedCorruptedAndForeignFiles) {
  const std::string bytes = model_->ToBytes();
  for (size_t cut : {size_t{0}, size_t{4}, size_t{12}, size_t{30},
                     bytes.size() / 2, bytes.size() - 1}) {
    auto r = Classifier::FromBytes(std::string_view(bytes).substr(0, cut));
    ASSERT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption) << cut;
  }
  for (size_t at : {size_t{40}, bytes.size() / 3, bytes.size() - 20}) {
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    auto r = Classifier::FromBytes(bad);
    ASSERT_FALSE(r.ok()) << "flipped byte " << at;
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  }
  std::string png = "\x89PNG\r\n\x1a\n" + std::string(100, '\0');
  auto foreign = Classifier::FromBytes(png);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().message().find("magic"), std::string::npos);
  // A newer version, and version 1 (before the linear view): refused
  // with the version named, before the checksum is looked at.
  for (char v : {'\x03', '\x01'}) {
    std::string other = bytes;
    other[8] = v;
    auto version = Classifier::FromBytes(other);
    ASSERT_FALSE(version.ok());
    EXPECT_EQ(version.status().code(), StatusCode::kUnsupported);
    EXPECT_NE(version.status().message().find("model format version " +
                                              std::to_string(int{v})),
              std::string::npos)
        << version.status().message();
  }
  std::string extra = bytes + "x";
  EXPECT_FALSE(Classifier::FromBytes(extra).ok());
  auto missing = Classifier::Load(::testing::TempDir() + "/no-such.ntm");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(ClassifierTrainTest, RefusesDataItCannotLearnFrom) {
  std::vector<LabeledRecord> rows = MakeRows(40, 3);
  std::vector<LabeledRecord> one_class;
  for (const auto& r : rows) {
    if (r.label == "loud") one_class.push_back(r);
  }
  auto a = Classifier::Train(one_class, SmallOptions());
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(a.status().message().find("one label"), std::string::npos);

  std::vector<LabeledRecord> lonely = one_class;
  lonely.push_back(rows[1]);  // a single "sober" row
  auto b = Classifier::Train(lonely, SmallOptions());
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("only one row"), std::string::npos);

  std::vector<LabeledRecord> few(rows.begin(), rows.begin() + 6);
  EXPECT_FALSE(Classifier::Train(few, SmallOptions()).ok());
  EXPECT_FALSE(Classifier::Train({}, SmallOptions()).ok());

  TrainOptions bad = SmallOptions();
  bad.calibration = "magic";
  EXPECT_FALSE(Classifier::Train(rows, bad).ok());
  // Settings fastText would crash on are refused before it runs.
  for (auto breaks : std::vector<std::function<void(TrainOptions*)>>{
           [](TrainOptions* o) { o->buckets = 0; },
           [](TrainOptions* o) { o->buckets = -5; },
           [](TrainOptions* o) { o->dim = 0; },
           [](TrainOptions* o) { o->dim = -1; },
           [](TrainOptions* o) { o->learning_rate = 0; },
           [](TrainOptions* o) { o->word_ngrams = 0; },
           [](TrainOptions* o) { o->epochs = -1; },
           [](TrainOptions* o) { o->holdout = 0; },
           [](TrainOptions* o) { o->holdout = 1.5; },
           [](TrainOptions* o) { o->folds = 1; }}) {
    TrainOptions o = SmallOptions();
    breaks(&o);
    auto r = Classifier::Train(rows, o);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(ClassifierTrainTest, SameDataSameModel) {
  std::vector<LabeledRecord> rows = MakeRows(60, 5);
  auto a = Classifier::Train(rows, SmallOptions());
  auto b = Classifier::Train(rows, SmallOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->ToBytes(), b->ToBytes());
}

// Headlines whose label only their length tells: every word is drawn from
// the shared pool; "long" ones have 11-13 words, "short" ones 3-5.
std::vector<LabeledRecord> LengthRows(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<LabeledRecord> rows;
  for (size_t i = 0; i < n; ++i) {
    const bool long_one = i % 2 == 0;
    const size_t words = (long_one ? 11 : 3) + rng() % 3;
    std::string title;
    for (size_t w = 0; w < words; ++w) {
      title += (w ? " " : "") + std::string(kShared[rng() % 7]);
    }
    LabeledRecord row;
    row.record = MakeRecord(title, "");
    row.label = long_one ? "long" : "short";
    row.group = "site" + std::to_string(i % 7) + ".example";
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(ClassifierTrainTest, KeepsSignalsThatTellTheLabel) {
  auto m = Classifier::Train(LengthRows(80, 21), SmallOptions());
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_TRUE(m->info().options.use_signals);
  EXPECT_FALSE(m->info().signals.empty());
  TrainOptions off = SmallOptions();
  off.use_signals = false;
  auto none = Classifier::Train(LengthRows(80, 21), off);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->info().signals.empty());
  EXPECT_FALSE(none->info().options.use_signals);
}

// Words that tell the label (plain nouns of two pools, a fifth of the
// labels flipped) and headline signals that do not: random lengths,
// capitals, '!' and '?'. The stack does better on unseen rows without the
// signals and leaves them out; the model it writes is then a model
// without signals.
TEST(ClassifierTrainTest, DropsSignalsThatOnlyAddNoise) {
  const char* kNorth[] = {"river", "stone", "maple",  "harbor", "copper",
                          "field", "tower", "garden", "bridge", "lantern"};
  const char* kSouth[] = {"valley", "silver", "cedar",   "meadow", "anchor",
                          "canyon", "marble", "orchard", "tunnel", "willow"};
  std::mt19937_64 rng(17);
  std::vector<LabeledRecord> rows;
  for (size_t i = 0; i < 160; ++i) {
    const bool north = i % 2 == 0;
    std::string title = rng() % 3 == 0 ? "BREAKING" : "The";
    for (int w = 0; w < 3; ++w) {
      title +=
          " " + std::string(north ? kNorth[rng() % 10] : kSouth[rng() % 10]);
      if (rng() % 2) title += " " + std::string(kShared[rng() % 7]);
    }
    if (rng() % 4 == 0) title += rng() % 2 ? " !" : " ?";
    LabeledRecord row;
    row.record = MakeRecord(title, "");
    row.label = north == (rng() % 5 != 0) ? "north" : "south";
    row.group = "site" + std::to_string(i % 7) + ".example";
    rows.push_back(std::move(row));
  }
  std::vector<std::string> lines;
  TrainOptions o = SmallOptions();
  o.log = [&](std::string_view line) { lines.emplace_back(line); };
  auto m = Classifier::Train(rows, o);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  std::string choice;
  for (const auto& l : lines) {
    if (l.rfind("signals:", 0) == 0) choice = l;
  }
  ASSERT_FALSE(choice.empty());
  EXPECT_NE(choice.find("dropped"), std::string::npos) << choice;
  EXPECT_TRUE(m->info().signals.empty());
  EXPECT_FALSE(m->info().options.use_signals);
  auto back = Classifier::FromBytes(m->ToBytes());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(back->info().signals.empty());
  Score a = m->Predict(rows[3].record), b = back->Predict(rows[3].record);
  EXPECT_EQ(a.label, b.label);
  EXPECT_EQ(a.probability, b.probability);
  for (const Reason& r : a.reasons) EXPECT_NE(r.kind, "signal") << r.what;
}

TEST(ClassifierTrainTest, ThreeLabelsUseTemperatureOrNone) {
  std::vector<LabeledRecord> rows = MakeRows(90, 8);
  for (size_t i = 0; i < rows.size(); i += 3) rows[i].label = "third";
  TrainOptions o = SmallOptions();
  auto m = Classifier::Train(rows, o);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->info().labels.size(), 3u);
  EXPECT_TRUE(m->info().calibration == "temperature" ||
              m->info().calibration == "none");
  Score s = m->Predict(rows[0].record);
  double sum = 0;
  for (const auto& [l, p] : s.probabilities) sum += p;
  EXPECT_NEAR(sum, 1.0, 1e-9);
}

TEST(ClassifierTextTest, LowersMarksTitleAndFoldsDigits) {
  Record r;
  r.article.title = "17 Things You WON'T Believe!";
  r.article.text = "Body has 2024 words.";
  r.article.blocks.push_back(
      {BlockKind::kParagraph, Span{0, r.article.text.size()}, ""});
  r.article.blocks.push_back({BlockKind::kRelatedLink, Span{0, 4}, ""});
  std::string line = classify::ClassifierLine(r, 100);
  EXPECT_EQ(line,
            "t:00 t:things t:you t:won't t:believe t:! s:d s:c s:c s:u s:c "
            "s:p 00 things you won't believe ! body has 0000 words");
  EXPECT_EQ(classify::ClassifierLine(r, 2), "t:00 t:things s:d s:c 00 things");
  EXPECT_EQ(classify::ClassifierLine(r, 100, /*headline_only=*/true),
            "s:d s:c s:c s:u s:c s:p 00 things you won't believe !");
  Record binary;
  binary.article.text = std::string("\xff\xfe\x00\x01 caf\xc3\xa9 \n\n", 12);
  std::string l2 = classify::ClassifierLine(binary, 100);
  EXPECT_EQ(l2.find('\n'), std::string::npos);
}

// Our encoder must find exactly the ids fastText's own reader finds, with
// word bigrams and without, for known and unknown words, long lines too.
TEST(TextModelTest, EncodesAsFastTextDoes) {
  std::mt19937_64 rng(21);
  std::vector<std::string> words;
  for (const char* w : kLoud) words.push_back(w);
  for (const char* w : kSober) words.push_back(w);
  for (const char* w : kShared) words.push_back(std::string("t:") + w);
  words.push_back("caf\xc3\xa9");
  words.push_back("!");
  auto line = [&](size_t n, bool unknown) {
    std::string out;
    for (size_t i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += unknown && rng() % 4 == 0 ? "zz" + std::to_string(rng() % 50)
                                       : words[rng() % words.size()];
    }
    return out;
  };
  std::vector<std::string> lines;
  std::vector<const std::string*> ptrs;
  std::vector<int> classes;
  for (int i = 0; i < 60; ++i) lines.push_back(line(8, false));
  for (size_t i = 0; i < lines.size(); ++i) {
    ptrs.push_back(&lines[i]);
    classes.push_back(static_cast<int>(i % 2));
  }
  for (int ngrams : {1, 2, 3}) {
    classify::TextModelParams p;
    p.dim = 4;
    p.epochs = 1;
    p.word_ngrams = ngrams;
    p.buckets = 1000;
    auto m = classify::TextModel::Train(ptrs, classes, 2, p);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    for (size_t n :
         {size_t{0}, size_t{1}, size_t{7}, size_t{40}, size_t{3000}}) {
      std::string l = line(n, true);
      EXPECT_EQ(m->Encode(l), m->EncodeWithFastText(l))
          << "n-grams " << ngrams << ", " << n << " tokens";
    }
  }
}

TEST(SparseModelTest, CountsWordPairsTitleMarksAndCharacters) {
  using classify::SparseModel;
  // 3 plain unigrams + 2 bigrams, 1 title mark; " ab " gives 3 + 2 + 1
  // character n-grams of lengths 2, 3, 4.
  classify::SparseDoc d =
      SparseModel::Featurize("t:ab ab cd ab", 20, true, true);
  float words = 0, chars = 0;
  for (const auto& [b, c] : d.counts) words += c;
  for (const auto& [b, c] : d.chars) chars += c;
  EXPECT_EQ(words, 6.0f);
  EXPECT_EQ(chars, 6.0f);
  // A headline model's line: every token's characters, no marks; three
  // shapes give 3 unigrams, 2 bigrams and a trigram.
  classify::SparseDoc h =
      SparseModel::Featurize("s:c s:l s:l ab cd", 20, false, true);
  chars = words = 0;
  float shapes = 0;
  for (const auto& [b, c] : h.counts) words += c;
  for (const auto& [b, c] : h.chars) chars += c;
  for (const auto& [b, c] : h.shapes) shapes += c;
  EXPECT_EQ(words, 3.0f);
  EXPECT_EQ(chars, 12.0f);
  EXPECT_EQ(shapes, 6.0f);
  EXPECT_TRUE(
      SparseModel::Featurize("s:c s:l ab", 20, false, false).shapes.empty());
  // Long lines (radix-sorted) count as short ones do: the same buckets
  // whether the words come in one line or are counted piece by piece.
  std::string line;
  for (int i = 0; i < 3000; ++i)
    line += (i ? " w" : "w") + std::to_string(i % 97);
  classify::SparseDoc big = SparseModel::Featurize(line, 20, true, false);
  float total = 0;
  for (size_t k = 0; k < big.counts.size(); ++k) {
    total += big.counts[k].second;
    if (k) EXPECT_LT(big.counts[k - 1].first, big.counts[k].first);
  }
  EXPECT_EQ(total, 3000.0f + 2999.0f);
}

TEST(SparseModelTest, LearnsAndRoundTrips) {
  using classify::SparseModel;
  std::vector<classify::SparseDoc> docs;
  std::vector<int> y;
  std::mt19937_64 rng(5);
  for (int i = 0; i < 200; ++i) {
    const bool loud = i % 2 == 0;
    std::string line;
    for (int w = 0; w < 6; ++w) {
      line += (w ? " " : "") + std::string(w % 2 ? kShared[rng() % 7]
                                                 : (loud ? kLoud[rng() % 10]
                                                         : kSober[rng() % 10]));
    }
    docs.push_back(SparseModel::Featurize(line, 16, false, false));
    y.push_back(loud ? 1 : 0);
  }
  std::vector<const classify::SparseDoc*> ptrs;
  for (const auto& d : docs) ptrs.push_back(&d);
  classify::SparseParams p;
  p.bucket_bits = 16;
  p.l2 = 1e-3;
  p.title_marks = false;
  SparseModel m = SparseModel::Train(ptrs, y, 2, p);
  size_t right = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    auto lp = m.LogProbabilities(docs[i]);
    right += (lp[1] > lp[0]) == (y[i] == 1);
    EXPECT_NEAR(std::exp(lp[0]) + std::exp(lp[1]), 1.0, 1e-9);
  }
  EXPECT_GE(right, 195u);
  std::string bytes;
  m.AppendBytes(&bytes);
  auto back = SparseModel::FromBytes(bytes, 2);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  std::string again;
  back->AppendBytes(&again);
  EXPECT_EQ(again, bytes);
  EXPECT_EQ(back->LogProbabilities(docs[3]), m.LogProbabilities(docs[3]));
  EXPECT_FALSE(SparseModel::FromBytes(bytes, 3).ok());
  EXPECT_FALSE(
      SparseModel::FromBytes(bytes.substr(0, bytes.size() - 1), 2).ok());
}

// A model reads a document as the buckets it has rows for (Read): the
// same pairs, in the same order, as the whole document's less the others,
// for word, character and shape n-grams alike, so the scores match to the
// bit. Rows are spread over many top-level words of Read's bit set.
TEST(SparseModelTest, ReadKeepsTheKnownBucketsInOrder) {
  using classify::SparseModel;
  std::mt19937_64 rng(5);
  auto word = [&] {
    std::string w;
    const int n = 1 + static_cast<int>(rng() % 7);
    for (int k = 0; k < n; ++k) w += static_cast<char>('a' + rng() % 6);
    return w;
  };
  std::vector<classify::SparseDoc> docs;
  std::vector<int> y;
  for (int i = 0; i < 300; ++i) {
    std::string line = "t:" + word() + " s:c s:l";
    for (int k = 0; k < 12; ++k) line += " " + word();
    docs.push_back(SparseModel::Featurize(line, 18, true, true));
    y.push_back(static_cast<int>(rng() % 2));
  }
  std::vector<const classify::SparseDoc*> ptrs;
  for (const auto& d : docs) ptrs.push_back(&d);
  classify::SparseParams p;
  p.bucket_bits = 18;
  p.title_form = true;
  p.min_df = 1;
  p.iterations = 20;
  SparseModel m = SparseModel::Train(ptrs, y, 2, p);
  ASSERT_GT(m.kept(), 4096u);
  for (int i = 0; i < 20; ++i) {
    std::string line = "t:" + word() + " t:" + word() + " s:c s:l s:u";
    for (int k = 0; k < 40; ++k) line += " " + (k % 9 ? word() : "zzzz");
    classify::LineTokens tokens;
    tokens.AddLine(line);
    classify::SparseRows read;
    classify::SparseDoc whole;
    m.Read(tokens, &read);
    SparseModel::Featurize(tokens, 18, true, true, &whole);
    auto known = [&](const auto& block) {
      // The pairs of `block` whose bucket the model weighs, in order.
      std::vector<std::pair<uint32_t, float>> out;
      for (const auto& bc : block) {
        classify::SparseDoc one;
        one.counts.push_back(bc);
        if (m.Scores(one) != m.Scores(classify::SparseDoc())) {
          out.push_back(bc);
        }
      }
      return out;
    };
    // Read's rows are the known buckets' rows, in the same order, with the
    // same counts.
    const classify::SparseRows want = m.RowsOf(whole);
    EXPECT_EQ(read.counts, want.counts);
    EXPECT_EQ(read.chars, want.chars);
    EXPECT_EQ(read.shapes, want.shapes);
    const auto known_counts = known(whole.counts);
    ASSERT_EQ(read.counts.size(), known_counts.size());
    for (size_t k = 0; k < known_counts.size(); ++k) {
      EXPECT_EQ(read.counts[k].second, known_counts[k].second);
      if (k > 0) EXPECT_LT(read.counts[k - 1].first, read.counts[k].first);
    }
    EXPECT_FALSE(read.chars.empty());
    EXPECT_FALSE(read.shapes.empty());
    EXPECT_LE(read.chars.size(), whole.chars.size());
    EXPECT_LE(read.shapes.size(), whole.shapes.size());
    EXPECT_EQ(m.Scores(read), m.Scores(whole));
  }
}

// The n-grams a linear view reports as reasons account for its whole
// score: their per-class contributions sum to the scores less the biases
// (a document with no n-gram the model keeps scores the biases alone).
TEST(SparseModelTest, NgramScoresSumToTheScores) {
  using classify::SparseModel;
  std::vector<classify::SparseDoc> docs;
  std::vector<int> y;
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200; ++i) {
    const bool loud = i % 2 == 0;
    std::string line =
        "t:" + std::string(loud ? kLoud[rng() % 10] : kSober[rng() % 10]);
    for (int w = 0; w < 6; ++w) {
      line += " " + std::string(w % 2 ? kShared[rng() % 7]
                                      : (loud ? kLoud[rng() % 10]
                                              : kSober[rng() % 10]));
    }
    docs.push_back(SparseModel::Featurize(line, 20, true, false));
    y.push_back(loud ? 1 : 0);
  }
  std::vector<const classify::SparseDoc*> ptrs;
  for (const auto& d : docs) ptrs.push_back(&d);
  classify::SparseParams p;
  p.l2 = 1e-3;
  SparseModel m = SparseModel::Train(ptrs, y, 2, p);
  const std::vector<double> bias = m.Scores(classify::SparseDoc());
  classify::LineTokens tokens;
  tokens.AddLine("t:shocking shocking the secret of council vote secret");
  classify::SparseRows doc;
  m.Read(tokens, &doc);
  const std::vector<double> scores = m.Scores(doc);
  // Read drops the buckets the model has no row for ("of" and most pairs
  // here were never seen in training): the scores are those of the whole
  // document, to the bit.
  classify::SparseDoc whole;
  SparseModel::Featurize(tokens, m.bucket_bits(), true, m.title_form(), &whole);
  EXPECT_LT(doc.counts.size(), whole.counts.size());
  EXPECT_EQ(m.Scores(whole), scores);
  std::vector<double> sum = bias;
  bool pair = false, title = false;
  for (const auto& n : m.NgramScores(tokens, doc)) {
    ASSERT_EQ(n.scores.size(), 2u);
    for (int c = 0; c < 2; ++c) sum[c] += n.scores[c];
    pair = pair || n.ngram == "shocking the";
    title = title || n.ngram == "t:shocking";
    if (n.ngram == "secret") EXPECT_EQ(n.count, 2);
  }
  EXPECT_NEAR(sum[0], scores[0], 1e-5);
  EXPECT_NEAR(sum[1], scores[1], 1e-5);
  EXPECT_TRUE(pair);
  EXPECT_TRUE(title);
}

TEST(DecisionRuleTest, ShiftsTowardAnUnderPredictedLabel) {
  // Label 1 is rare and never the most probable, but ranks high: a bias
  // toward it raises macro-F1; with no gain to be had the rule stays plain.
  std::vector<std::vector<double>> p;
  std::vector<int> y;
  for (int i = 0; i < 400; ++i) {
    const bool rare = i % 5 == 0;
    const double p1 = rare ? 0.4 : 0.1 + 0.001 * (i % 50);
    p.push_back({1 - p1, p1});
    y.push_back(rare ? 1 : 0);
  }
  classify::DecisionRule plain;
  EXPECT_EQ(plain.Label({0.6, 0.4}), 0);
  classify::DecisionRule rule = classify::DecisionRule::FitMacroF1(p, y, 0.005);
  ASSERT_EQ(rule.bias.size(), 2u);
  std::vector<int> labels;
  for (const auto& q : p) labels.push_back(rule.Label(q));
  EXPECT_DOUBLE_EQ(classify::MacroF1(labels, y, 2), 1.0);
  for (auto& q : p) q = {0.9, 0.1};  // nothing to rank by
  EXPECT_TRUE(classify::DecisionRule::FitMacroF1(p, y, 0.005).bias.empty());
}

TEST(CalibrationTest, PlattIsotonicAndTemperatureFit) {
  std::vector<std::vector<double>> scores;
  std::vector<int> y;
  std::mt19937_64 rng(4);
  std::normal_distribution<double> noise(0, 1);
  for (int i = 0; i < 400; ++i) {
    int label = i % 2;
    double m = (label ? 1.5 : -1.5) + noise(rng);
    // The calibrated log-odds are 3m: a margin of 8m is overconfident.
    scores.push_back({0.0, 8 * m});
    y.push_back(label);
  }
  using classify::Calibration;
  auto loss = [&](const Calibration& c) {
    std::vector<std::vector<double>> p;
    for (const auto& s : scores) p.push_back(c.Probabilities(s));
    return classify::LogLoss(p, y);
  };
  Calibration none = Calibration::Fit(Calibration::Kind::kNone, scores, y);
  Calibration platt = Calibration::Fit(Calibration::Kind::kPlatt, scores, y);
  Calibration iso = Calibration::Fit(Calibration::Kind::kIsotonic, scores, y);
  EXPECT_LT(loss(platt), loss(none));
  EXPECT_LT(loss(iso), loss(none));
  EXPECT_LT(platt.a, 1.0);  // shrinks the overconfident margin
  for (size_t i = 1; i < iso.iso_y.size(); ++i) {
    EXPECT_LE(iso.iso_y[i - 1], iso.iso_y[i]);
  }
  Calibration temp =
      Calibration::Fit(Calibration::Kind::kTemperature, scores, y);
  EXPECT_GT(temp.temperature, 1.0);
  Calibration chosen = Calibration::Choose(scores, y);
  EXPECT_NE(chosen.kind, Calibration::Kind::kNone);
}

TEST(EvaluateTest, CountsConfusionAndMacroF1) {
  std::vector<std::string> labels = {"a", "b"};
  std::vector<std::string> gold = {"a", "a", "b", "b", "c"};
  auto score = [](const char* l, double p) {
    Score s;
    s.label = l;
    s.probability = p;
    s.probabilities = {{"a", l[0] == 'a' ? p : 1 - p},
                       {"b", l[0] == 'b' ? p : 1 - p}};
    return s;
  };
  std::vector<Score> pred = {score("a", 0.9), score("b", 0.6), score("b", 0.8),
                             score("b", 0.7), score("a", 0.5)};
  Evaluation e = Evaluate(labels, gold, pred);
  EXPECT_EQ(e.n, 5u);
  EXPECT_DOUBLE_EQ(e.accuracy, 3.0 / 5.0);
  EXPECT_EQ(e.confusion[0][0], 1u);
  EXPECT_EQ(e.confusion[0][1], 1u);
  EXPECT_EQ(e.confusion[1][1], 2u);
  // a: P 1/1, R 1/2 -> F1 2/3; b: P 2/3, R 1 -> F1 0.8.
  EXPECT_NEAR(e.macro_f1, (2.0 / 3.0 + 0.8) / 2, 1e-12);
  EXPECT_GT(e.calibration_error, 0.0);
}

}  // namespace
}  // namespace newstrace
