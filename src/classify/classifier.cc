// See classify.h. Training: hold out rows (whole publishers when known),
// cross-fit both text views on the rest (fastText: passes and learning
// rate; the linear view: penalty, and whether to read the title's
// characters; each setting judged by its cross-fitted log loss after a
// fitted temperature) so the logistic layer learns from view scores of
// rows the views did not see, keep the signals only when they raise the
// stack's cross-fitted macro-F1, fit the logistic layer, then fit (or choose)
// the calibration on the held-out rows, choose the label rule on the
// held-out rows and on the fit part scored fold by fold, and finally train
// both views on every row. Nothing is chosen on rows outside `rows`.
#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <set>

#include "classify/model_impl.h"
#include "classify/sparse_model.h"
#include "classify/text.h"
#include "newstrace/analyze.h"

namespace newstrace {
namespace classify {
namespace {

constexpr double kLogisticL2 = 1e-2;
constexpr int kLogisticIterations = 400;
constexpr size_t kMinRows = 10;
// The linear view: 2^20 hash buckets; its inverse penalty C is chosen
// along this path (the first whose cross-fitted log loss two later ones
// do not beat).
constexpr int kSparseBits = 20;
constexpr double kSparseGrid[] = {1.0 / 16, 0.25, 1, 4, 16, 64, 256, 1024};
// The macro-F1 label rule is kept only when it beats the most probable
// label by this much on the rows it is chosen on.
constexpr double kMinRuleGain = 0.005;

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

// Share of rows whose largest score is their label's.
double Accuracy(const std::vector<std::vector<double>>& scores,
                const std::vector<int>& y) {
  size_t right = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    right += std::max_element(scores[i].begin(), scores[i].end()) -
                 scores[i].begin() ==
             y[i];
  }
  return y.empty() ? 0 : static_cast<double>(right) / y.size();
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

// The first `columns` features of each row.
std::vector<std::vector<double>> FirstColumns(
    const std::vector<std::vector<double>>& x, size_t columns) {
  std::vector<std::vector<double>> out;
  out.reserve(x.size());
  for (const auto& row : x)
    out.emplace_back(row.begin(), row.begin() + columns);
  return out;
}

// The logistic layer's scores of each fold's rows of x, by a layer fit on
// the other folds: what the stack gives fit-part rows it did not see.
std::vector<std::vector<double>> CrossFitScores(
    const std::vector<std::vector<double>>& x, const std::vector<int>& y,
    const std::vector<std::vector<size_t>>& fold_train,
    const std::vector<std::vector<size_t>>& fold_test, int classes) {
  std::vector<std::vector<double>> scores(x.size());
  for (size_t f = 0; f < fold_test.size(); ++f) {
    if (fold_test[f].empty()) continue;
    std::vector<std::vector<double>> xs;
    std::vector<int> ys;
    for (size_t k : fold_train[f]) {
      xs.push_back(x[k]);
      ys.push_back(y[k]);
    }
    Logistic m =
        Logistic::Fit(xs, ys, classes, kLogisticL2, kLogisticIterations);
    for (size_t k : fold_test[f]) scores[k] = m.Scores(x[k]);
  }
  return scores;
}

// Macro-F1 of the scores a logistic layer gives rows it did not see: each
// fold of the fit part x by a layer fit on the other folds, and the
// held-out rows by one fit on the whole fit part; the labels taken with
// the biases that suit these scores best (the label rule training applies,
// so both stacks it compares get the same optimism).
double UnseenMacroF1(const std::vector<std::vector<double>>& x,
                     const std::vector<int>& y,
                     const std::vector<std::vector<size_t>>& fold_train,
                     const std::vector<std::vector<size_t>>& fold_test,
                     const std::vector<std::vector<double>>& x_held,
                     const std::vector<int>& y_held, int classes) {
  std::vector<std::vector<double>> p =
      CrossFitScores(x, y, fold_train, fold_test, classes);
  for (auto& scores : p) {
    if (!scores.empty()) scores = Softmax(scores);
  }
  std::vector<int> all_y = y;
  Logistic m = Logistic::Fit(x, y, classes, kLogisticL2, kLogisticIterations);
  for (size_t k = 0; k < x_held.size(); ++k) {
    p.push_back(Softmax(m.Scores(x_held[k])));
    all_y.push_back(y_held[k]);
  }
  DecisionRule rule = DecisionRule::FitMacroF1(p, all_y, 0.0);
  std::vector<int> predicted(p.size());
  for (size_t i = 0; i < p.size(); ++i) predicted[i] = rule.Label(p[i]);
  return MacroF1(predicted, all_y, classes);
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
                             const std::vector<double>* linear_log_probs,
                             const std::vector<double>& signals) {
  std::vector<double> x = text_log_probs;
  if (linear_log_probs) {
    x.insert(x.end(), linear_log_probs->begin(), linear_log_probs->end());
  }
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
  const bool use_sparse = options.linear_view;
  const bool macro_rule = options.label_rule == "macro_f1";
  if (options.label_rule != "macro_f1" && options.label_rule != "argmax") {
    return Status::InvalidArgument("unknown label rule \"" +
                                   options.label_rule + "\"");
  }
  Calibration::Kind forced = Calibration::Kind::kNone;
  bool choose = options.calibration == "auto";
  if (!choose && !Calibration::KindFromName(options.calibration, &forced)) {
    return Status::InvalidArgument("unknown calibration \"" +
                                   options.calibration + "\"");
  }

  std::vector<std::string> lines(rows.size());
  std::vector<SparseDoc> docs(rows.size());
  std::vector<std::vector<double>> signals(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    lines[i] = ClassifierLine(rows[i].record, options.max_tokens,
                              impl->info.headline_only);
    docs[i] = SparseModel::Featurize(lines[i], kSparseBits,
                                     !impl->info.headline_only, true);
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
  // The linear view at inverse penalty `c_inv` (the C of a summed-loss
  // logistic regression: l2 = 1 / (C n)), trained along the path of
  // weaker penalties up to it, each warm-starting the next.
  auto sparse_on = [&](const std::vector<size_t>& idx, double c_inv, bool chars,
                       const SparseModel* warm) {
    std::vector<const SparseDoc*> d;
    std::vector<int> c;
    for (size_t i : idx) {
      d.push_back(&docs[i]);
      c.push_back(y[i]);
    }
    SparseParams sp;
    sp.bucket_bits = kSparseBits;
    sp.l2 = 1.0 / (c_inv * static_cast<double>(idx.size()));
    sp.title_marks = !impl->info.headline_only;
    sp.title_form = chars;
    return SparseModel::Train(d, c, classes, sp, warm);
  };
  auto sparse_path = [&](const std::vector<size_t>& idx, double c_inv,
                         bool chars) {
    SparseModel m = sparse_on(idx, kSparseGrid[0], chars, nullptr);
    for (double c : kSparseGrid) {
      if (c > c_inv) break;
      if (c != kSparseGrid[0]) m = sparse_on(idx, c, chars, &m);
    }
    return m;
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
  std::vector<std::vector<size_t>> fold_train(options.folds),
      fold_test(options.folds);
  for (int f = 0; f < options.folds; ++f) {
    for (size_t k = 0; k < split.fit.size(); ++k) {
      (fold[k] == f ? fold_test[f] : fold_train[f]).push_back(k);
    }
  }
  auto fit_rows = [&](const std::vector<size_t>& ks) {
    std::vector<size_t> idx;
    for (size_t k : ks) idx.push_back(split.fit[k]);
    return idx;
  };
  std::vector<int> y_fit(split.fit.size());
  for (size_t k = 0; k < split.fit.size(); ++k) y_fit[k] = y[split.fit[k]];
  // Judged after the best temperature: the logistic layer rescales the
  // views' scores anyway, so what counts is how well they rank, not how
  // sure they are (many passes make fastText overconfident).
  auto ranked_loss = [&](const std::vector<std::vector<double>>& lp) {
    Calibration t =
        Calibration::Fit(Calibration::Kind::kTemperature, lp, y_fit);
    std::vector<std::vector<double>> probs;
    for (const auto& v : lp) probs.push_back(t.Probabilities(v));
    return LogLoss(probs, y_fit);
  };
  std::vector<std::pair<int, double>> settings;
  if (options.epochs > 0) {
    settings.push_back({options.epochs, options.learning_rate});
  } else {
    settings = {{5, 0.1}, {15, 0.25}, {40, 0.5}};
  }
  std::vector<std::vector<double>> text_fit;
  double best_loss = 0;
  for (const auto& [epochs, rate] : settings) {
    params.epochs = epochs;
    params.learning_rate = rate;
    std::vector<std::vector<double>> lp(split.fit.size());
    for (int f = 0; f < options.folds; ++f) {
      if (fold_test[f].empty()) continue;
      NT_ASSIGN_OR_RETURN(TextModel m, train_on(fit_rows(fold_train[f])));
      for (size_t k : fold_test[f]) {
        lp[k] = m.LogProbabilities(lines[split.fit[k]]);
      }
    }
    double loss = ranked_loss(lp);
    Log(options, "text model, " + std::to_string(epochs) + " passes at " +
                     std::to_string(rate) + ": cross-fitted log loss " +
                     std::to_string(loss) + ", accuracy " +
                     std::to_string(Accuracy(lp, y_fit)));
    if (text_fit.empty() || loss < best_loss) {
      best_loss = loss;
      chosen = {epochs, rate};
      text_fit = std::move(lp);
    }
  }
  params.epochs = chosen.first;
  params.learning_rate = chosen.second;

  // The linear view, cross-fitted the same way along its penalty path,
  // without and with the title's form (its character and shape n-grams).
  std::vector<std::vector<double>> sparse_fit;
  double sparse_c = kSparseGrid[0], sparse_loss = 0;
  bool sparse_chars = false;
  for (bool chars : {false, true}) {
    if (!use_sparse) break;
    // Without titles (LIAR's statements) both variants are the same.
    if (chars && std::none_of(docs.begin(), docs.end(), [](const SparseDoc& d) {
          return !d.chars.empty() || !d.shapes.empty();
        })) {
      break;
    }
    std::vector<std::optional<SparseModel>> warm(options.folds);
    double variant_best = 0;
    int worse = 0;
    for (double c_inv : kSparseGrid) {
      std::vector<std::vector<double>> lp(split.fit.size());
      for (int f = 0; f < options.folds; ++f) {
        if (fold_test[f].empty()) continue;
        warm[f] = sparse_on(fit_rows(fold_train[f]), c_inv, chars,
                            warm[f] ? &*warm[f] : nullptr);
        for (size_t k : fold_test[f]) {
          lp[k] = warm[f]->LogProbabilities(docs[split.fit[k]]);
        }
      }
      double loss = ranked_loss(lp);
      Log(options, std::string("linear view") +
                       (chars ? " with the title's form" : "") + ", C " +
                       std::to_string(c_inv) + ": cross-fitted log loss " +
                       std::to_string(loss) + ", accuracy " +
                       std::to_string(Accuracy(lp, y_fit)));
      if (sparse_fit.empty() || loss < sparse_loss) {
        sparse_loss = loss;
        sparse_c = c_inv;
        sparse_chars = chars;
        sparse_fit = std::move(lp);
      }
      if (c_inv == kSparseGrid[0] || loss < variant_best) {
        variant_best = loss;
        worse = 0;
      } else if (++worse >= 2) {
        break;
      }
    }
  }

  std::vector<std::vector<double>> x_fit(split.fit.size());
  for (size_t k = 0; k < split.fit.size(); ++k) {
    x_fit[k] = Features(text_fit[k], use_sparse ? &sparse_fit[k] : nullptr,
                        signals[split.fit[k]]);
  }
  impl->standardizer = Standardizer::Fit(x_fit);
  for (auto& x : x_fit) impl->standardizer.Apply(&x);
  // The held-out rows' features, from views trained on the fit part.
  std::vector<std::vector<double>> x_held;
  std::vector<int> y_held;
  {
    NT_ASSIGN_OR_RETURN(TextModel m, train_on(split.fit));
    std::optional<SparseModel> sm;
    if (use_sparse) sm = sparse_path(split.fit, sparse_c, sparse_chars);
    for (size_t i : split.held) {
      std::vector<double> slp;
      if (sm) slp = sm->LogProbabilities(docs[i]);
      x_held.push_back(Features(m.LogProbabilities(lines[i]),
                                sm ? &slp : nullptr, signals[i]));
      impl->standardizer.Apply(&x_held.back());
      y_held.push_back(y[i]);
    }
  }
  // The signals stay only when the stack does better with them on rows it
  // did not see: on statements and headlines, weak measures of the text's
  // form can cost the layer more in fit noise than they tell it (the text
  // views read the same words and shapes). The stack without them is the plain
  // --no-signals model, so the file format does not change.
  if (!impl->info.signals.empty()) {
    const size_t text_columns =
        static_cast<size_t>(classes) * (use_sparse ? 2 : 1);
    std::vector<std::vector<double>> view_fit =
        FirstColumns(x_fit, text_columns);
    std::vector<std::vector<double>> view_held =
        FirstColumns(x_held, text_columns);
    const double with = UnseenMacroF1(x_fit, y_fit, fold_train, fold_test,
                                      x_held, y_held, classes);
    const double without = UnseenMacroF1(view_fit, y_fit, fold_train, fold_test,
                                         view_held, y_held, classes);
    const bool drop = without > with;
    Log(options, "signals: macro-F1 on unseen rows " + std::to_string(with) +
                     " with, " + std::to_string(without) + " without; " +
                     (drop ? "dropped" : "kept"));
    if (drop) {
      impl->info.signals.clear();
      impl->standardizer.mean.resize(text_columns);
      impl->standardizer.scale.resize(text_columns);
      x_fit = std::move(view_fit);
      x_held = std::move(view_held);
    }
  }
  impl->logistic =
      Logistic::Fit(x_fit, y_fit, classes, kLogisticL2, kLogisticIterations);

  // Calibration on the held-out rows, scored by views of the fit part.
  {
    std::vector<std::vector<double>> scores;
    for (const auto& x : x_held) scores.push_back(impl->logistic.Scores(x));
    impl->calibration = choose ? Calibration::Choose(scores, y_held)
                               : Calibration::Fit(forced, scores, y_held);
    std::vector<std::vector<double>> p;
    for (const auto& sc : scores) {
      p.push_back(impl->calibration.Probabilities(sc));
    }
    impl->info.calibration =
        std::string(Calibration::KindName(impl->calibration.kind));
    impl->info.holdout_log_loss = LogLoss(p, y_held);
    if (macro_rule) {
      // The label rule is chosen on every row the stack did not see: the
      // held-out rows and the fit part, each fold scored by a logistic
      // layer of the other folds (its inputs are cross-fitted already).
      std::vector<std::vector<double>> rule_p = p;
      std::vector<int> rule_y = y_held;
      const std::vector<std::vector<double>> unseen =
          CrossFitScores(x_fit, y_fit, fold_train, fold_test, classes);
      for (int f = 0; f < options.folds; ++f) {
        for (size_t k : fold_test[f]) {
          rule_p.push_back(impl->calibration.Probabilities(unseen[k]));
          rule_y.push_back(y_fit[k]);
        }
      }
      impl->decision = DecisionRule::FitMacroF1(rule_p, rule_y, kMinRuleGain);
      std::string biases;
      for (double b : impl->decision.bias) {
        biases += (biases.empty() ? "" : ", ") + std::to_string(b);
      }
      Log(options,
          "label rule: " + (biases.empty() ? std::string("most probable label")
                                           : "biases " + biases));
    }
    size_t right = 0;
    for (size_t k = 0; k < p.size(); ++k) {
      right += impl->decision.Label(p[k]) == y_held[k];
    }
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
  if (use_sparse) {
    impl->sparse =
        std::make_unique<SparseModel>(sparse_path(all, sparse_c, sparse_chars));
  }
  impl->info.options = options;
  impl->info.options.log = nullptr;
  impl->info.options.epochs = chosen.first;
  impl->info.options.learning_rate = chosen.second;
  impl->info.options.linear_view = use_sparse;
  impl->info.options.use_signals = !impl->info.signals.empty();
  impl->info.linear_c = use_sparse ? sparse_c : 0;
  return Classifier(std::move(impl));
}

Classifier::Classifier(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

const ModelInfo& Classifier::info() const { return impl_->info; }

}  // namespace newstrace
