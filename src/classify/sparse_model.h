// The second text view of a classifier: a linear model over hashed word
// unigrams and bigrams, weighted TF-IDF style (sublinear term frequency,
// smoothed inverse document frequency, unit length), fit by multinomial
// logistic regression with an L2 penalty. Where fastText averages dense
// word vectors, this view keeps one weight per n-gram, which suits a few
// hundred to a few thousand rows; the logistic layer stacks both.
#ifndef NEWSTRACE_CLASSIFY_SPARSE_MODEL_H_
#define NEWSTRACE_CLASSIFY_SPARSE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newstrace/result.h"

namespace newstrace::classify {

class LineTokens;

// A document as hashed n-gram counts: (bucket, count), sorted by bucket,
// each bucket once, in three blocks that are weighted to unit length
// apart: word n-grams, the character n-grams of the title's words, and the
// n-grams of the title's word shapes (the last two: its "form").
struct SparseDoc {
  std::vector<std::pair<uint32_t, float>> counts;
  std::vector<std::pair<uint32_t, float>> chars;
  std::vector<std::pair<uint32_t, float>> shapes;
};

// A SparseDoc as one model reads it (SparseModel::Read): each bucket the
// model has a row for as that row, the others left out. Rows are numbered
// in bucket order, so the pairs stay sorted and in the same order.
struct SparseRows {
  std::vector<std::pair<uint32_t, float>> counts;
  std::vector<std::pair<uint32_t, float>> chars;
  std::vector<std::pair<uint32_t, float>> shapes;
};

struct SparseParams {
  // log2 of the number of hash buckets n-grams fall in. Default 2^20.
  int bucket_bits = 20;
  // Buckets seen in fewer training rows are dropped. Default 2.
  int min_df = 2;
  // Penalty l2/2 |w|^2 added to the mean log loss (the biases are free).
  double l2 = 1e-4;
  // L-BFGS iterations at most. Default 300.
  int iterations = 300;
  // What the model reads of a SparseDoc and how rows are featurized for
  // it (Featurize): the title-marked unigrams (default on), the title's
  // form: its character and shape n-grams (default off).
  bool title_marks = true;
  bool title_form = false;
};

class SparseModel {
 public:
  // The n-grams of a classifier line (ClassifierLine: tokens separated by
  // one space, the title's marked "t:" in an article's line, its word
  // shapes "s:"): the unigrams and bigrams of its plain tokens and, with
  // `title_marks`, its "t:" unigrams; with `title_form`, the 2- to 5-byte
  // n-grams of each title word framed by spaces (" word "; the "t:"
  // tokens' words with `title_marks`, else every plain token: a headline
  // model's line is all title) and the 1- to 3-grams of the "s:" shapes.
  // Hashed (XXH3) into 2^bucket_bits buckets. Stable across platforms and
  // builds: stored models depend on it.
  static SparseDoc Featurize(std::string_view line, int bucket_bits,
                             bool title_marks, bool title_form);
  // The same for a line's tokens, into *doc (replacing its contents; its
  // memory is reused). Thread-safe.
  static void Featurize(const LineTokens& tokens, int bucket_bits,
                        bool title_marks, bool title_form, SparseDoc* doc);

  // Trains on `docs` with labels `y[i]` in [0, classes). With `warm` (a
  // model of the same documents' buckets, e.g. a stronger penalty's),
  // starts from its weights. Deterministic.
  static SparseModel Train(const std::vector<const SparseDoc*>& docs,
                           const std::vector<int>& y, int classes,
                           const SparseParams& params,
                           const SparseModel* warm = nullptr);

  // Featurize(tokens) with this model's buckets and settings, as its rows
  // (RowsOf): the buckets it has no row for weigh nothing, and most word
  // pairs of an article are such, so they are dropped before counting.
  // Into *rows (replacing its contents; its memory is reused).
  void Read(const LineTokens& tokens, SparseRows* rows) const;
  // The rows of `doc` (a Featurize of this model's settings).
  SparseRows RowsOf(const SparseDoc& doc) const;

  // Log-probabilities of every class.
  std::vector<double> LogProbabilities(const SparseDoc& doc) const;
  std::vector<double> LogProbabilities(const SparseRows& rows) const;

  // The word n-grams of `tokens` (`rows` = Read(tokens)) that the model
  // weighs: single words, word pairs ("a b") and title-marked words
  // ("t:word"), each once, in order of first occurrence, with its count and
  // what it adds to each class's score (its weight row times its value in
  // the document's unit-length vector). N-grams that share a bucket are
  // told apart by nothing: the bucket's weight goes to the first.
  struct NgramScore {
    std::string ngram;
    int count = 0;
    std::vector<double> scores;  // classes()
  };
  std::vector<NgramScore> NgramScores(const LineTokens& tokens,
                                      const SparseRows& rows) const;
  // Scores (the softmax's inputs) of every class.
  std::vector<double> Scores(const SparseDoc& doc) const;
  std::vector<double> Scores(const SparseRows& rows) const;

  // Appends the model's bytes (docs/format/model.md, "linear view").
  void AppendBytes(std::string* out) const;
  // The model in `bytes` (as AppendBytes wrote it, nothing after);
  // kCorruption when malformed or of another class count.
  static Result<SparseModel> FromBytes(std::string_view bytes, int classes);

  int bucket_bits() const { return bucket_bits_; }
  bool title_form() const { return title_form_; }
  size_t kept() const { return kept_.size(); }
  int classes() const { return classes_; }

 private:
  void BuildIndex();
  // The TF-IDF values of a block of rows into v[0, block.size()), and the
  // factor that scales them to unit length (1 for a block of no weight).
  float BlockValues(const std::vector<std::pair<uint32_t, float>>& block,
                    float* v) const;
  // The unit-length TF-IDF vector of `rows`: (row, value) pairs.
  void Vector(const SparseRows& rows,
              std::vector<std::pair<int32_t, float>>* out) const;

  int bucket_bits_ = 20;
  int classes_ = 0;
  bool title_marks_ = true, title_form_ = false;
  std::vector<uint32_t> kept_;   // sorted buckets with a weight row
  std::vector<float> idf_;       // per kept bucket
  std::vector<float> weights_;   // kept x classes, row-major
  std::vector<float> bias_;      // classes
  std::vector<int32_t> row_of_;  // bucket -> row in kept_, or -1
};

}  // namespace newstrace::classify

#endif  // NEWSTRACE_CLASSIFY_SPARSE_MODEL_H_
