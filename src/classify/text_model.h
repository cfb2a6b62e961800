// The text half of a classifier: a fastText supervised model (softmax over
// averaged word and word n-gram vectors) behind a small interface, so the
// rest of the module never sees fastText's types.
#ifndef NEWSTRACE_CLASSIFY_TEXT_MODEL_H_
#define NEWSTRACE_CLASSIFY_TEXT_MODEL_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newstrace/result.h"
#include "newstrace/status.h"

namespace fasttext {
class FastText;
}

namespace newstrace::classify {

class LineTokens;

struct TextModelParams {
  int dim = 50;
  int epochs = 25;
  double learning_rate = 0.5;
  int word_ngrams = 2;
  int min_count = 1;
  int buckets = 200000;
  int seed = 13;
};

class TextModel {
 public:
  // Trains on `lines` (ClassifierLine) with labels `classes[i]` in
  // [0, num_classes), in an order shuffled by the seed (fastText would
  // favor the label of the last rows). One thread, so the same input gives
  // the same model.
  static Result<TextModel> Train(const std::vector<const std::string*>& lines,
                                 const std::vector<int>& classes,
                                 int num_classes,
                                 const TextModelParams& params);
  // fastText's own model file bytes (ToBytes) back into a model.
  static Result<TextModel> FromBytes(std::string_view bytes, int num_classes);

  std::string ToBytes() const;

  // The ids fastText reads from `line` (tokens separated by single spaces,
  // as ClassifierLine writes them): its known words and the end-of-line
  // word "</s>" (every training line has one), then the hashed rows of its
  // word n-grams, as fastText's own Dictionary::getLine finds them in the
  // line plus '\n' (tested), without its stream and its 30-million-slot
  // word table.
  // Encode once when both LogProbabilities and WordPulls are wanted.
  std::vector<int32_t> Encode(std::string_view line) const;
  // The same ids for a line's tokens, into *ids (replacing its contents;
  // its memory is reused). Thread-safe.
  void Encode(const LineTokens& tokens, std::vector<int32_t>* ids) const;
  // The same ids, found by fastText itself (for tests).
  std::vector<int32_t> EncodeWithFastText(std::string_view line) const;

  // Log-probabilities of every class for `line` (a uniform distribution
  // when the line has no word): the exact log-softmax of the output layer
  // at the mean of the ids' input rows (fastText's own predict adds 1e-5
  // to each probability first).
  std::vector<double> LogProbabilities(std::string_view line) const;
  std::vector<double> LogProbabilities(const std::vector<int32_t>& ids) const;

  // Each distinct known word of an encoded line (word pairs' buckets are
  // not words and are left out) with its count and what it adds to each
  // class's score (the softmax's input): its share of the averaged hidden
  // vector (count / ids) dotted with the class's output row; 0 for a class
  // fastText never saw. In order of first occurrence.
  struct WordScore {
    std::string word;
    int count = 0;
    std::vector<double> scores;  // num_classes()
  };
  std::vector<WordScore> WordScores(const std::vector<int32_t>& ids) const;

  int num_classes() const { return num_classes_; }

 private:
  TextModel(std::shared_ptr<fasttext::FastText> model, int num_classes);
  struct Index;
  std::shared_ptr<fasttext::FastText> model_;
  std::shared_ptr<const Index> index_;  // word ids, matrices, settings
  // Our class of each fastText label id.
  std::vector<int> class_of_label_;
  int num_classes_ = 0;
};

}  // namespace newstrace::classify

#endif  // NEWSTRACE_CLASSIFY_TEXT_MODEL_H_
