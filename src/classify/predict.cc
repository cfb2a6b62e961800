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
  const std::string line =
      classify::ClassifierLine(record, m.info.options.max_tokens);
  const std::vector<double> log_probs = m.text->LogProbabilities(line);
  const std::vector<double> raw_signals =
      classify::SignalValues(record, m.info.signals);
  std::vector<double> x = classify::Features(log_probs, raw_signals);
  m.standardizer.Apply(&x);
  const std::vector<double> scores = m.logistic.Scores(x);
  const std::vector<double> p = m.calibration.Probabilities(scores);
  const int best =
      static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());

  Score s;
  s.label = m.info.labels[best];
  s.probability = p[best];
  for (size_t c = 0; c < p.size(); ++c) {
    s.probabilities.push_back({m.info.labels[c], p[c]});
  }
  if (max_reasons == 0) return s;

  // The text model as a whole.
  const int n_labels = static_cast<int>(m.info.labels.size());
  double text_weight = 0;
  for (int f = 0; f < n_labels; ++f) {
    text_weight += MarginWeight(m.logistic, best, f) * x[f];
  }
  s.reasons.push_back({"text", "text model",
                       "what the words of the title and body say", 0,
                       text_weight});

  // Signals: the strongest, and every boilerplate signal that fired.
  std::vector<Reason> signals;
  for (size_t j = 0; j < m.info.signals.size(); ++j) {
    const int f = n_labels + static_cast<int>(j);
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

  // Words: those that pulled hardest either way.
  auto pulls = m.text->WordPulls(line, best);
  std::stable_sort(pulls.begin(), pulls.end(),
                   [](const auto& a, const auto& b) {
                     return std::abs(a.pull) > std::abs(b.pull);
                   });
  for (size_t k = 0; k < pulls.size() && k < max_reasons; ++k) {
    std::string word = pulls[k].word;
    bool title = word.rfind("t:", 0) == 0;
    if (title) word = word.substr(2);
    s.reasons.push_back({"word", word,
                         title ? "a word of the title" : "a word of the text",
                         static_cast<double>(pulls[k].count), pulls[k].pull});
  }
  return s;
}

}  // namespace newstrace
