// Public API of the classify module: a trainable text classifier for
// credibility, clickbait or any label a user has, with calibrated
// probabilities and the reasons behind every score.
//
// A model is a fastText supervised model over the article's words (title
// marked) and a linear view (logistic regression over hashed TF-IDF word
// unigrams and bigrams, and the title's character n-grams when that
// cross-fits better), stacked with the article's signals (analyze.h; when
// they cross-fit better) by a small multinomial logistic layer and
// calibrated on held-out rows (Platt scaling or isotonic regression for
// two labels, temperature scaling for more); a label rule chosen for
// macro-F1 turns the probabilities into a label. It is one file
// (docs/format/model.md).
//
//   std::vector<LabeledRecord> rows = ...;   // records with their labels
//   Result<Classifier> model = Classifier::Train(rows, TrainOptions());
//   Score s = model->Predict(record);        // label, probability, reasons
#ifndef NEWSTRACE_CLASSIFY_H_
#define NEWSTRACE_CLASSIFY_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newstrace/document.h"
#include "newstrace/result.h"
#include "newstrace/status.h"

namespace newstrace {

// One thing that moved a score: a word of the text ("word"), a signal
// ("signal"), or the text model as a whole ("text"). `weight` is its share
// of the log-odds of the predicted label against the others: positive
// pushed toward the label, negative away from it.
struct Reason {
  std::string kind;  // "word", "signal" or "text"
  std::string what;  // the word, the signal's name, or "text model"
  std::string why;   // a readable line (the signal's reason text)
  double value = 0;  // the signal's value, or the word's count
  double weight = 0;
};

struct Score {
  // The label the model's label rule picks (TrainOptions::label_rule): the
  // most probable one, unless the model shifts its choice toward labels it
  // would otherwise under-predict.
  std::string label;
  double probability = 0;  // the label's calibrated probability
  std::vector<std::pair<std::string, double>> probabilities;  // every label
  std::vector<Reason> reasons;                                // strongest first
};

// A training row: an analyzed record (its signals computed) and its label.
// `group` names the row's publisher (a domain) when known: held-out rows
// are then whole publishers, so calibration sees unseen sources.
struct LabeledRecord {
  Record record;
  std::string label;
  std::string group;
};

struct TrainOptions {
  // fastText (supervised, softmax). Defaults suit a few hundred to a few
  // hundred thousand rows.
  // 20 dimensions and 50,000 n-gram rows: the linear view carries the
  // n-gram detail, and smaller matrices predict faster (cross-fitted
  // results matched those of 50 and 200,000 on the bench sets).
  int dim = 20;
  // Passes and learning rate; epochs 0 (the default) chooses among a few
  // settings, (5, 0.1), (15, 0.25) and (40, 0.5), the one whose
  // cross-fitted scores have the lowest log loss once a temperature is fit
  // to them (ranking, not confidence, counts): small, noisy sets want
  // few passes, large clean ones many. The model records the choice.
  int epochs = 0;
  double learning_rate = 0.5;
  int word_ngrams = 2;
  int min_count = 1;
  int buckets = 50000;       // hashed word n-gram rows
  size_t max_tokens = 1000;  // words read per article (title first)
  // Folds of the cross-fitting that gives the logistic layer text-model
  // scores the text model did not train on. Default: 5.
  int folds = 5;
  // Share of rows held out to fit and choose the calibration. Default 0.2.
  double holdout = 0.2;
  // Stack the article's signals. They stay only when the stack's macro-F1
  // on rows it did not see (the cross-fitted folds and the held-out rows)
  // is higher with them than without: on statements and headlines they can
  // add more fit noise than information. The model records the choice
  // (ModelInfo::signals is then empty). Default: true.
  bool use_signals = true;
  // Stack a second text view: a logistic regression over hashed TF-IDF
  // word unigrams and bigrams (and the title's character n-grams), its
  // penalty and whether to read characters chosen by cross-fitting (the
  // lowest log loss once a temperature is fit). Default: on.
  bool linear_view = true;
  // "auto" (the best on held-out rows), "platt", "isotonic" (two labels),
  // "temperature" (more labels) or "none".
  std::string calibration = "auto";
  // How a score's label follows from its calibrated probabilities:
  // "macro_f1" (the default) adds a bias per label to the log-probabilities
  // before taking the largest, the biases chosen on rows the stack did not
  // see to maximize macro-F1 (kept only when that gains at least 0.005 over
  // the plain rule); "argmax" always takes the most probable label.
  std::string label_rule = "macro_f1";
  uint64_t seed = 13;
  // Progress lines ("fold 2/5 ..."), when set.
  std::function<void(std::string_view)> log;
};

// What a model knows about itself, for `eval`, `score --json` and the
// model card.
struct ModelInfo {
  std::vector<std::string> labels;
  std::vector<std::string> signals;  // the signals it stacks, in order
  // Trained on headlines alone (every row a title without a body): it
  // reads only the title and the headline signals of what it scores, so an
  // article is judged by its headline, as in training.
  bool headline_only = false;
  size_t train_rows = 0;
  size_t holdout_rows = 0;
  bool grouped_holdout = false;  // held out by publisher
  std::string calibration;       // the method chosen
  double holdout_log_loss = 0;   // of the calibrated model on held-out rows
  double holdout_accuracy = 0;
  // The linear view's inverse penalty C chosen by cross-fitting (0 when
  // the model has no linear view).
  double linear_c = 0;
  TrainOptions options;  // without `log`
};

class Classifier {
 public:
  // Trains on `rows`. Fails with kInvalidArgument when there are fewer than
  // two labels, or fewer than two rows of some label, or too few rows to
  // hold some out (at least 10), or an option is out of its range (folds
  // 2-20, dim 1-1000, epochs 0-1000, learning rate (0, 10], word n-grams
  // 1-5, buckets 1-1e8, min count >= 1, holdout 0.05-0.5, max tokens >= 1).
  static Result<Classifier> Train(const std::vector<LabeledRecord>& rows,
                                  const TrainOptions& options);

  // Reads a model file (docs/format/model.md). Fails with kNotFound or
  // kIoError when unreadable, kCorruption for a truncated, altered or
  // foreign file, kUnsupported for a newer format version.
  static Result<Classifier> Load(const std::string& path);
  static Result<Classifier> FromBytes(std::string_view bytes);

  // The model file's bytes; the same model always gives the same bytes.
  std::string ToBytes() const;
  Status Save(const std::string& path) const;

  // Scores one analyzed record: its signals must have been computed as in
  // training (AnalysisOptions::signals). Thread-safe.
  Score Predict(const Record& record, size_t max_reasons = 8) const;

  const ModelInfo& info() const;

  class Impl;

 private:
  explicit Classifier(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// How well predictions match gold labels.
struct ClassMetrics {
  std::string label;
  double precision = 0, recall = 0, f1 = 0;
  size_t support = 0;  // gold rows of the label
};

struct Evaluation {
  size_t n = 0;
  double accuracy = 0;
  double macro_f1 = 0;                // unweighted mean of the per-label F1
  std::vector<ClassMetrics> classes;  // in `labels` order
  // confusion[gold][predicted], in `labels` order.
  std::vector<std::vector<size_t>> confusion;
  // Expected calibration error of the top label's probability (10 equal
  // bins of confidence).
  double calibration_error = 0;
  double log_loss = 0;
};

// Compares `predicted` scores with `gold` labels (same length). Gold labels
// the model does not know count as wrong.
Evaluation Evaluate(const std::vector<std::string>& labels,
                    const std::vector<std::string>& gold,
                    const std::vector<Score>& predicted);

// Source reputation: a list of publishers' domains with labels ("fake",
// "satire", "reliable", ...), shown beside a text-based score and never
// mixed into it (docs/format/score.md). Files are CSV or JSON:
//
//   domain,label,note                      a header, then one domain a row
//   example.com,satire,"says so on its About page"
//
//   {"example.com": "satire"}              JSON: domain -> label, labels,
//   {"example.com": {"type": "fake", "2nd type": "bias", ...}}  or fields
//
// The OpenSources files (sources.csv, header ",type,2nd type,3rd type,
// Source Notes (things to know?),"; sources.json) load as they are.

// One listed domain.
struct SourceEntry {
  std::string domain;  // as SourceDomain() normalizes it: "example.co.uk"
  // Its labels in the file's order, trimmed and lower-cased, without
  // duplicates ("fake", "bias"); may be empty. A domain listed twice gets
  // the labels of both rows.
  std::vector<std::string> labels;
  std::string note;  // one line; "" when none (notes of repeats joined "; ")
};

struct SourceListOptions {
  size_t max_bytes = size_t{64} << 20;        // the whole file. 64 MiB
  size_t max_record_bytes = size_t{1} << 20;  // a CSV row or JSON string. 1 MiB
  size_t max_depth = 32;                      // JSON nesting. 32
};

// An immutable domain -> entry table. Cheap to copy (shared); thread-safe.
class SourceList {
 public:
  // Reads a list: JSON for a ".json" file, CSV for ".csv", else JSON when
  // the first byte (past a BOM and spaces) is '{', CSV otherwise. Fails with
  // kNotFound or kIoError when unreadable; kCorruption, its message
  // "PATH:LINE: what", for an empty file, a file without entries, bytes
  // that are not UTF-8 text, broken CSV or JSON, or a CSV header without a
  // domain and a label column; kResourceExhausted when a cap is hit.
  static Result<SourceList> Load(
      const std::string& path,
      const SourceListOptions& options = SourceListOptions());
  // The same for bytes in memory; `name` stands for the path in messages
  // and decides the format as the path's extension does.
  static Result<SourceList> FromBytes(
      std::string_view bytes, std::string_view name,
      const SourceListOptions& options = SourceListOptions());

  // The entry of `domain_or_url`'s host or of its nearest listed parent
  // domain ("news.example.co.uk" finds "example.co.uk"); the host is taken
  // as SourceDomain() takes it. nullptr when none is listed. The pointer
  // lives as long as any copy of this list.
  const SourceEntry* Find(std::string_view domain_or_url) const;

  const std::vector<SourceEntry>& entries() const;  // in file order
  size_t size() const { return entries().size(); }
  const std::string& name() const;  // the path (or name) it was read from

  class Impl;

 private:
  explicit SourceList(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

// The host a domain or URL names, as a source list keys it: lower-cased,
// without scheme, user, port, path, query, spaces, a trailing dot and a
// leading "www." ("https://WWW.Example.com:8080/a?b" -> "example.com");
// "" when nothing is left.
std::string SourceDomain(std::string_view domain_or_url);

}  // namespace newstrace

#endif  // NEWSTRACE_CLASSIFY_H_
