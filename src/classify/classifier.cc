// See classify.h. Training: hold out rows (whole publishers when known),
// cross-fit the text model on the rest so the logistic layer learns from
// text scores of rows the text model did not see, fit the logistic layer,
// then fit (or choose) the calibration on the held-out rows, and finally
// train the text model on every row.
#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>

#include "classify/model_impl.h"
#include "classify/text.h"
#include "newstrace/analyze.h"

namespace newstrace {
namespace classify {
namespace {

constexpr double kLogisticL2 = 1e-2;
constexpr int kLogisticIterations = 400;
constexpr size_t kMinRows = 10;

// Rows split into a fit part and a held-out part.
struct Split {
  std::vector<size_t> fit, held;
  bool grouped = false;
};

// Holds out about `share` of the rows: whole groups when most rows have
// one and there are enough groups, else a random stratified share. Every
// label keeps a row on both sides when it can.
Split HoldOut(const std::vector<LabeledRecord>& rows, const std::vector<int>& y,
              int classes, double share, uint64_t seed) {
  Split s;
  std::mt19937_64 rng(seed);
  const size_t n = rows.size();
  size_t want = std::max<size_t>(2, static_cast<size_t>(share * n + 0.5));
  std::map<std::string, std::vector<size_t>> groups;
  size_t with_group = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!rows[i].group.empty()) ++with_group;
    groups[rows[i].group.empty() ? "#" + std::to_string(i) : rows[i].group]
        .push_back(i);
  }
  std::vector<char> held(n, 0);
  if (with_group * 2 >= n && groups.size() >= 5) {
    std::vector<const std::vector<size_t>*> order;
    for (const auto& [name, members] : groups) order.push_back(&members);
    std::shuffle(order.begin(), order.end(), rng);
    size_t taken = 0;
    for (const auto* members : order) {
      if (taken >= want) break;
      if (taken + members->size() > want + want / 2 && taken > 0) continue;
      for (size_t i : *members) held[i] = 1;
      taken += members->size();
    }
    std::vector<int> fit_count(classes, 0), held_count(classes, 0);
    for (size_t i = 0; i < n; ++i) (held[i] ? held_count : fit_count)[y[i]]++;
    bool ok = true;
    for (int c = 0; c < classes; ++c)
      ok &= fit_count[c] > 0 && held_count[c] > 0;
    s.grouped = ok;
    if (!ok) held.assign(n, 0);
  }
  if (!s.grouped) {
    std::vector<std::vector<size_t>> by_class(classes);
    for (size_t i = 0; i < n; ++i) by_class[y[i]].push_back(i);
    for (auto& members : by_class) {
      std::shuffle(members.begin(), members.end(), rng);
      size_t k = static_cast<size_t>(share * members.size() + 0.5);
      k = std::clamp<size_t>(k, 1, members.size() - 1);
      for (size_t j = 0; j < k; ++j) held[members[j]] = 1;
    }
  }
  for (size_t i = 0; i < n; ++i) (held[i] ? s.held : s.fit).push_back(i);
  return s;
}

// Assigns each of `rows` (indices) to one of `folds` folds: whole groups
// when `grouped`, else round-robin over a shuffled, class-sorted order.
std::vector<int> Folds(const std::vector<LabeledRecord>& all,
                       const std::vector<size_t>& rows,
                       const std::vector<int>& y, int folds, bool grouped,
                       uint64_t seed) {
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ull);
  std::vector<int> fold(rows.size(), 0);
  if (grouped) {
    std::map<std::string, std::vector<size_t>> groups;
    for (size_t k = 0; k < rows.size(); ++k) {
      const std::string& g = all[rows[k]].group;
      groups[g.empty() ? "#" + std::to_string(rows[k]) : g].push_back(k);
    }
    std::vector<const std::vector<size_t>*> order;
    for (const auto& [name, members] : groups) order.push_back(&members);
    std::shuffle(order.begin(), order.end(), rng);
    // Largest first into the smallest fold keeps folds even.
    std::stable_sort(order.begin(), order.end(),
                     [](auto* a, auto* b) { return a->size() > b->size(); });
    std::vector<size_t> size(folds, 0);
    for (const auto* members : order) {
      int f = static_cast<int>(std::min_element(size.begin(), size.end()) -
                               size.begin());
      for (size_t k : *members) fold[k] = f;
      size[f] += members->size();
    }
    return fold;
  }
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return y[rows[a]] < y[rows[b]]; });
  for (size_t j = 0; j < order.size(); ++j) {
    fold[order[j]] = static_cast<int>(j % folds);
  }
  return fold;
}

TextModelParams ParamsOf(const TrainOptions& o) {
  TextModelParams p;
  p.dim = o.dim;
  p.epochs = o.epochs;
  p.learning_rate = o.learning_rate;
  p.word_ngrams = o.word_ngrams;
  p.min_count = o.min_count;
  p.buckets = o.buckets;
  p.seed = static_cast<int>(o.seed % 1000003);
  return p;
}

void Log(const TrainOptions& o, const std::string& line) {
  if (o.log) o.log(line);
}

}  // namespace

std::vector<double> SignalValues(const Record& record,
                                 const std::vector<std::string>& names) {
  std::vector<double> out(names.size(), 0.0);
  for (size_t j = 0; j < names.size(); ++j) {
    for (const Signal& s : record.signals) {
      if (s.name == names[j]) {
        out[j] = s.value;
        break;
      }
    }
  }
  return out;
}

std::vector<double> Features(const std::vector<double>& text_log_probs,
                             const std::vector<double>& signals) {
  std::vector<double> x = text_log_probs;
  x.insert(x.end(), signals.begin(), signals.end());
  return x;
}

}  // namespace classify

Result<Classifier> Classifier::Train(const std::vector<LabeledRecord>& rows,
                                     const TrainOptions& options) {
  using namespace classify;
  if (rows.size() < kMinRows) {
    return Status::InvalidArgument(
        "too few labeled rows to train: " + std::to_string(rows.size()) +
        " (at least " + std::to_string(kMinRows) + ")");
  }
  // Settings fastText would crash on or silently misread.
  auto out_of_range = [](const char* what, double v, double lo, double hi) {
    return Status::InvalidArgument(std::string(what) + " " + std::to_string(v) +
                                   " is outside [" + std::to_string(lo) + ", " +
                                   std::to_string(hi) + "]");
  };
  if (options.folds < 2 || options.folds > 20) {
    return out_of_range("folds", options.folds, 2, 20);
  }
  if (options.dim < 1 || options.dim > 1000) {
    return out_of_range("dim", options.dim, 1, 1000);
  }
  if (options.epochs < 0 || options.epochs > 1000) {
    return out_of_range("epochs", options.epochs, 0, 1000);
  }
  if (!(options.learning_rate > 0 && options.learning_rate <= 10)) {
    return out_of_range("learning rate", options.learning_rate, 0, 10);
  }
  if (options.word_ngrams < 1 || options.word_ngrams > 5) {
    return out_of_range("word n-grams", options.word_ngrams, 1, 5);
  }
  if (options.buckets < 1 || options.buckets > 100000000) {
    return out_of_range("buckets", options.buckets, 1, 1e8);
  }
  if (options.min_count < 1) {
    return out_of_range("min count", options.min_count, 1, 1e9);
  }
  if (!(options.holdout >= 0.05 && options.holdout <= 0.5)) {
    return out_of_range("holdout", options.holdout, 0.05, 0.5);
  }
  if (options.max_tokens < 1) {
    return out_of_range("max tokens", 0, 1, 1e9);
  }
  std::set<std::string> label_set;
  for (const auto& r : rows) label_set.insert(r.label);
  auto impl = std::make_shared<Impl>();
  impl->info.labels.assign(label_set.begin(), label_set.end());
  const int classes = static_cast<int>(impl->info.labels.size());
  if (classes < 2) {
    return Status::InvalidArgument("only one label in the data (\"" +
                                   impl->info.labels[0] +
                                   "\"): a classifier needs at least two");
  }
  std::vector<int> y(rows.size());
  std::vector<size_t> count(classes, 0);
  for (size_t i = 0; i < rows.size(); ++i) {
    y[i] = static_cast<int>(std::lower_bound(impl->info.labels.begin(),
                                             impl->info.labels.end(),
                                             rows[i].label) -
                            impl->info.labels.begin());
    ++count[y[i]];
  }
  for (int c = 0; c < classes; ++c) {
    if (count[c] < 2) {
      return Status::InvalidArgument("label \"" + impl->info.labels[c] +
                                     "\" has only one row");
    }
  }
  impl->info.headline_only = std::all_of(
      rows.begin(), rows.end(),
      [](const LabeledRecord& r) { return IsHeadlineOnly(r.record); });
  if (options.use_signals) {
    for (const SignalInfo& s : SignalCatalog()) {
      if (impl->info.headline_only && s.scope != SignalScope::kHeadline) {
        continue;
      }
      impl->info.signals.emplace_back(s.name);
    }
  }
  Calibration::Kind forced = Calibration::Kind::kNone;
  bool choose = options.calibration == "auto";
  if (!choose && !Calibration::KindFromName(options.calibration, &forced)) {
    return Status::InvalidArgument("unknown calibration \"" +
                                   options.calibration + "\"");
  }

  std::vector<std::string> lines(rows.size());
  std::vector<std::vector<double>> signals(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    lines[i] = ClassifierLine(rows[i].record, options.max_tokens,
                              impl->info.headline_only);
    signals[i] = SignalValues(rows[i].record, impl->info.signals);
  }
  TextModelParams params = ParamsOf(options);
  std::pair<int, double> chosen = {options.epochs, options.learning_rate};
  auto train_on = [&](const std::vector<size_t>& idx) -> Result<TextModel> {
    std::vector<const std::string*> l;
    std::vector<int> c;
    for (size_t i : idx) {
      l.push_back(&lines[i]);
      c.push_back(y[i]);
    }
    return TextModel::Train(l, c, classes, params);
  };

  Split split = HoldOut(rows, y, classes, options.holdout, options.seed);
  impl->info.grouped_holdout = split.grouped;
  impl->info.train_rows = rows.size();
  impl->info.holdout_rows = split.held.size();
  Log(options, "held out " + std::to_string(split.held.size()) + " of " +
                   std::to_string(rows.size()) + " rows" +
                   (split.grouped ? " (whole publishers)" : ""));

  // Cross-fitted text scores for the fit part, for each candidate setting
  // of passes and learning rate; the one with the lowest log loss wins.
  std::vector<int> fold =
      Folds(rows, split.fit, y, options.folds, split.grouped, options.seed);
  std::vector<std::pair<int, double>> settings;
  if (options.epochs > 0) {
    settings.push_back({options.epochs, options.learning_rate});
  } else {
    settings = {{5, 0.1}, {15, 0.25}, {40, 0.5}};
  }
  std::vector<std::vector<double>> x_fit;
  std::vector<int> y_fit(split.fit.size());
  for (size_t k = 0; k < split.fit.size(); ++k) y_fit[k] = y[split.fit[k]];
  double best_loss = 0;
  for (const auto& [epochs, rate] : settings) {
    params.epochs = epochs;
    params.learning_rate = rate;
    std::vector<std::vector<double>> lp(split.fit.size());
    for (int f = 0; f < options.folds; ++f) {
      std::vector<size_t> idx, test_k;
      for (size_t k = 0; k < split.fit.size(); ++k) {
        if (fold[k] == f) {
          test_k.push_back(k);
        } else {
          idx.push_back(split.fit[k]);
        }
      }
      if (test_k.empty()) continue;
      NT_ASSIGN_OR_RETURN(TextModel m, train_on(idx));
      for (size_t k : test_k) lp[k] = m.LogProbabilities(lines[split.fit[k]]);
    }
    // Judged after the best temperature: the logistic layer rescales the
    // text scores anyway, so what counts is how well they rank, not how
    // sure they are (many passes make fastText overconfident).
    Calibration t =
        Calibration::Fit(Calibration::Kind::kTemperature, lp, y_fit);
    std::vector<std::vector<double>> probs;
    for (const auto& v : lp) probs.push_back(t.Probabilities(v));
    double loss = LogLoss(probs, y_fit);
    Log(options, "text model, " + std::to_string(epochs) + " passes at " +
                     std::to_string(rate) + ": cross-fitted log loss " +
                     std::to_string(loss));
    if (x_fit.empty() || loss < best_loss) {
      best_loss = loss;
      chosen = {epochs, rate};
      x_fit.assign(split.fit.size(), {});
      for (size_t k = 0; k < split.fit.size(); ++k) {
        x_fit[k] = Features(lp[k], signals[split.fit[k]]);
      }
    }
  }
  params.epochs = chosen.first;
  params.learning_rate = chosen.second;
  impl->standardizer = Standardizer::Fit(x_fit);
  for (auto& x : x_fit) impl->standardizer.Apply(&x);
  impl->logistic =
      Logistic::Fit(x_fit, y_fit, classes, kLogisticL2, kLogisticIterations);

  // Calibration on the held-out rows, scored by a text model of the fit part.
  {
    NT_ASSIGN_OR_RETURN(TextModel m, train_on(split.fit));
    std::vector<std::vector<double>> scores;
    std::vector<int> y_held;
    for (size_t i : split.held) {
      std::vector<double> x =
          Features(m.LogProbabilities(lines[i]), signals[i]);
      impl->standardizer.Apply(&x);
      scores.push_back(impl->logistic.Scores(x));
      y_held.push_back(y[i]);
    }
    impl->calibration = choose ? Calibration::Choose(scores, y_held)
                               : Calibration::Fit(forced, scores, y_held);
    std::vector<std::vector<double>> p;
    size_t right = 0;
    for (size_t k = 0; k < scores.size(); ++k) {
      p.push_back(impl->calibration.Probabilities(scores[k]));
      int best =
          static_cast<int>(std::max_element(p.back().begin(), p.back().end()) -
                           p.back().begin());
      right += best == y_held[k];
    }
    impl->info.calibration =
        std::string(Calibration::KindName(impl->calibration.kind));
    impl->info.holdout_log_loss = LogLoss(p, y_held);
    impl->info.holdout_accuracy =
        scores.empty() ? 0 : static_cast<double>(right) / scores.size();
    Log(options, "calibration: " + impl->info.calibration +
                     ", held-out accuracy " +
                     std::to_string(impl->info.holdout_accuracy));
  }

  std::vector<size_t> all(rows.size());
  std::iota(all.begin(), all.end(), 0);
  NT_ASSIGN_OR_RETURN(TextModel final_model, train_on(all));
  impl->text = std::make_unique<TextModel>(std::move(final_model));
  impl->info.options = options;
  impl->info.options.log = nullptr;
  impl->info.options.epochs = chosen.first;
  impl->info.options.learning_rate = chosen.second;
  return Classifier(std::move(impl));
}

Classifier::Classifier(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

const ModelInfo& Classifier::info() const { return impl_->info; }

}  // namespace newstrace
