// Classifier::Predict and its reasons. A reason's weight is its share of
// the margin of the predicted label's score over the mean of the other
// labels' scores in the logistic layer; words are weighed inside the text
// model the same way (their pull on its log-odds).
#include <algorithm>
#include <cmath>

#include "classify/model_impl.h"
#include "classify/text.h"
#include "newstrace/analyze.h"

namespace newstrace {
namespace {

// Weight of feature f toward class p against the mean of the others.
double MarginWeight(const classify::Logistic& m, int p, int f) {
  double others = 0;
  for (int c = 0; c < m.classes; ++c) {
    if (c != p) others += m.weight(c, f);
  }
  return m.weight(p, f) - others / std::max(1, m.classes - 1);
}

}  // namespace

Score Classifier::Predict(const Record& record, size_t max_reasons) const {
  const Impl& m = *impl_;
  // Per-thread scratch: the model is const and shared by threads, and an
  // article's tokens, ids and n-grams would otherwise be allocated anew
  // for every call. The line is tokenized (and each token hashed) once
  // for both views.
  thread_local classify::LineTokens tokens;
  thread_local std::vector<int32_t> ids;
  thread_local classify::SparseRows doc;
  classify::ClassifierTokens(record, m.info.options.max_tokens,
                             m.info.headline_only, &tokens);
  m.text->Encode(tokens, &ids);
  const std::vector<double> log_probs = m.text->LogProbabilities(ids);
  const std::vector<double> raw_signals =
      classify::SignalValues(record, m.info.signals);
  std::vector<double> linear_log_probs;
  if (m.sparse) {
    m.sparse->Read(tokens, &doc);
    linear_log_probs = m.sparse->LogProbabilities(doc);
  }
  std::vector<double> x = classify::Features(
      log_probs, m.sparse ? &linear_log_probs : nullptr, raw_signals);
  m.standardizer.Apply(&x);
  const std::vector<double> scores = m.logistic.Scores(x);
  const std::vector<double> p = m.calibration.Probabilities(scores);
  const int best = m.decision.Label(p);

  Score s;
  s.label = m.info.labels[best];
  s.probability = p[best];
  for (size_t c = 0; c < p.size(); ++c) {
    s.probabilities.push_back({m.info.labels[c], p[c]});
  }
  if (max_reasons == 0) return s;

  // The text model as a whole (both views).
  const int n_labels = static_cast<int>(m.info.labels.size());
  const int n_text = n_labels * (m.sparse ? 2 : 1);
  double text_weight = 0;
  for (int f = 0; f < n_text; ++f) {
    text_weight += MarginWeight(m.logistic, best, f) * x[f];
  }
  s.reasons.push_back({"text", "text model",
                       "what the words of the title and body say", 0,
                       text_weight});

  // Signals: the strongest, and every boilerplate signal that fired.
  std::vector<Reason> signals;
  for (size_t j = 0; j < m.info.signals.size(); ++j) {
    const int f = n_text + static_cast<int>(j);
    double w = MarginWeight(m.logistic, best, f) * x[f];
    const SignalInfo* info = FindSignalInfo(m.info.signals[j]);
    bool page = info && info->scope == SignalScope::kPage;
    if (raw_signals[j] == 0 && std::abs(w) < 0.05) continue;
    if (std::abs(w) < 0.01 && !(page && raw_signals[j] != 0)) continue;
    signals.push_back({"signal", m.info.signals[j],
                       info ? std::string(info->reason) : std::string(),
                       raw_signals[j], w});
  }
  std::stable_sort(signals.begin(), signals.end(),
                   [](const Reason& a, const Reason& b) {
                     return std::abs(a.weight) > std::abs(b.weight);
                   });
  size_t kept = 0;
  for (Reason& r : signals) {
    const SignalInfo* info = FindSignalInfo(r.what);
    bool page = info && info->scope == SignalScope::kPage && r.value != 0;
    if (kept < max_reasons || page) {
      s.reasons.push_back(std::move(r));
      ++kept;
    }
  }

  // Words: those that pulled hardest either way, in the units of every
  // other reason (the margin of the chosen label's score in the logistic
  // layer). A word adds d[k] to each class's score inside a view; to first
  // order that moves the view's log-probability of class k by
  // d[k] - sum_j p[j] d[j], and the layer weighs each such feature by its
  // margin weight over its standard deviation (none when it was clamped).
  // fastText gives single words; the linear view words, word pairs and
  // title-marked words. A title word counts as itself and as its marked
  // twin ("t:word"): one reason for both.
  auto pull = [&](int first_feature, const std::vector<double>& view_log_probs,
                  const std::vector<double>& d) {
    double mean = 0;
    for (int k = 0; k < n_labels; ++k)
      mean += std::exp(view_log_probs[k]) * d[k];
    double total = 0;
    for (int k = 0; k < n_labels; ++k) {
      const int f = first_feature + k;
      if (std::abs(x[f]) >= 5) continue;  // clamped by the standardizer
      total += MarginWeight(m.logistic, best, f) * m.standardizer.scale[f] *
               (d[k] - mean);
    }
    return total;
  };
  std::vector<Reason> words;
  auto add_word = [&](std::string_view token, int count, double weight) {
    if (token.rfind("s:", 0) == 0) return;  // a title word's shape
    const bool title = token.rfind("t:", 0) == 0;
    const std::string word(title ? token.substr(2) : token);
    auto it = std::find_if(words.begin(), words.end(),
                           [&](const Reason& r) { return r.what == word; });
    if (it == words.end()) {
      words.push_back({"word", word, "a word of the text", 0, 0});
      it = words.end() - 1;
      if (word.find(' ') != std::string::npos) it->why = "words of the text";
    }
    it->weight += weight;
    if (title) {
      it->why = "a word of the title";
    } else {
      it->value = std::max(it->value, static_cast<double>(count));
    }
  };
  for (const auto& w : m.text->WordScores(ids)) {
    add_word(w.word, w.count, pull(0, log_probs, w.scores));
  }
  if (m.sparse) {
    for (const auto& n : m.sparse->NgramScores(tokens, doc)) {
      add_word(n.ngram, n.count, pull(n_labels, linear_log_probs, n.scores));
    }
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const Reason& a, const Reason& b) {
                     return std::abs(a.weight) > std::abs(b.weight);
                   });
  for (size_t k = 0; k < words.size() && k < max_reasons; ++k) {
    if (words[k].value == 0) words[k].value = 1;  // a title-only word
    s.reasons.push_back(std::move(words[k]));
  }
  return s;
}

}  // namespace newstrace
