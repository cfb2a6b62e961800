// Evaluate (classify.h).
#include <algorithm>
#include <cmath>

#include "newstrace/classify.h"

namespace newstrace {

Evaluation Evaluate(const std::vector<std::string>& labels,
                    const std::vector<std::string>& gold,
                    const std::vector<Score>& predicted) {
  Evaluation e;
  const size_t k = labels.size();
  e.n = std::min(gold.size(), predicted.size());
  e.confusion.assign(k, std::vector<size_t>(k, 0));
  auto index = [&](const std::string& l) -> int {
    auto it = std::find(labels.begin(), labels.end(), l);
    return it == labels.end() ? -1 : static_cast<int>(it - labels.begin());
  };
  size_t right = 0;
  constexpr int kBins = 10;
  double bin_conf[kBins] = {}, bin_right[kBins] = {};
  size_t bin_n[kBins] = {};
  double log_loss = 0;
  for (size_t i = 0; i < e.n; ++i) {
    int g = index(gold[i]);
    int p = index(predicted[i].label);
    bool ok = g >= 0 && g == p;
    right += ok;
    if (g >= 0 && p >= 0) ++e.confusion[g][p];
    double conf = predicted[i].probability;
    int b = std::clamp(static_cast<int>(conf * kBins), 0, kBins - 1);
    bin_conf[b] += conf;
    bin_right[b] += ok ? 1.0 : 0.0;
    ++bin_n[b];
    double pg = 1e-6;
    for (const auto& [label, prob] : predicted[i].probabilities) {
      if (label == gold[i]) pg = std::max(prob, 1e-6);
    }
    log_loss -= std::log(pg);
  }
  if (e.n == 0) return e;
  e.accuracy = static_cast<double>(right) / e.n;
  e.log_loss = log_loss / e.n;
  for (int b = 0; b < kBins; ++b) {
    if (bin_n[b] == 0) continue;
    e.calibration_error +=
        std::abs(bin_right[b] - bin_conf[b]) / static_cast<double>(e.n);
  }
  double f1_sum = 0;
  for (size_t c = 0; c < k; ++c) {
    size_t tp = e.confusion[c][c], col = 0, row = 0;
    for (size_t o = 0; o < k; ++o) {
      col += e.confusion[o][c];
      row += e.confusion[c][o];
    }
    ClassMetrics m;
    m.label = labels[c];
    m.support = 0;
    for (size_t i = 0; i < e.n; ++i) m.support += gold[i] == labels[c];
    m.precision = col ? static_cast<double>(tp) / col : 0;
    m.recall = m.support ? static_cast<double>(tp) / m.support : 0;
    m.f1 = m.precision + m.recall > 0
               ? 2 * m.precision * m.recall / (m.precision + m.recall)
               : 0;
    f1_sum += m.f1;
    e.classes.push_back(m);
  }
  e.macro_f1 = k ? f1_sum / k : 0;
  return e;
}

}  // namespace newstrace
