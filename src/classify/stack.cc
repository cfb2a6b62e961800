// See stack.h.
#include "classify/stack.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace newstrace::classify {
namespace {

constexpr double kMinProbability = 1e-6;
constexpr double kMaxZ = 5.0;

double Sigmoid(double t) { return 1.0 / (1.0 + std::exp(-t)); }

// Mean log loss and its gradient of a softmax regression.
double LossAndGradient(const Logistic& m,
                       const std::vector<std::vector<double>>& x,
                       const std::vector<int>& y, double l2,
                       std::vector<double>* grad) {
  const int stride = m.features + 1;
  if (grad) grad->assign(m.weights.size(), 0.0);
  double loss = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    std::vector<double> p = Softmax(m.Scores(x[i]));
    loss -= std::log(std::max(p[y[i]], kMinProbability));
    if (!grad) continue;
    for (int c = 0; c < m.classes; ++c) {
      double d = p[c] - (c == y[i] ? 1.0 : 0.0);
      double* g = grad->data() + c * stride;
      for (int f = 0; f < m.features; ++f) g[f] += d * x[i][f];
      g[m.features] += d;
    }
  }
  const double n = static_cast<double>(std::max<size_t>(x.size(), 1));
  loss /= n;
  double penalty = 0;
  for (int c = 0; c < m.classes; ++c) {
    for (int f = 0; f < m.features; ++f) {
      double w = m.weights[c * stride + f];
      penalty += w * w;
      if (grad) (*grad)[c * stride + f] = (*grad)[c * stride + f] / n + l2 * w;
    }
    if (grad) (*grad)[c * stride + m.features] /= n;
  }
  return loss + 0.5 * l2 * penalty;
}

// Isotonic (non-decreasing) fit of y by x: pool adjacent violators. Returns
// the block ends' x and the block means.
void Isotonic(std::vector<std::pair<double, double>> points,
              std::vector<double>* xs, std::vector<double>* ys) {
  std::sort(points.begin(), points.end());
  struct BlockSum {
    double sum, count, x_hi;
  };
  std::vector<BlockSum> blocks;
  for (const auto& [x, y] : points) {
    blocks.push_back({y, 1, x});
    while (blocks.size() > 1) {
      BlockSum& b = blocks.back();
      BlockSum& a = blocks[blocks.size() - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      a.x_hi = b.x_hi;
      blocks.pop_back();
    }
  }
  xs->clear();
  ys->clear();
  for (const BlockSum& b : blocks) {
    xs->push_back(b.x_hi);
    ys->push_back(b.sum / b.count);
  }
}

double Interpolate(const std::vector<double>& xs, const std::vector<double>& ys,
                   double x) {
  if (xs.empty()) return x;
  auto it = std::lower_bound(xs.begin(), xs.end(), x);
  if (it == xs.begin()) return ys.front();
  if (it == xs.end()) return ys.back();
  size_t i = static_cast<size_t>(it - xs.begin());
  double x0 = xs[i - 1], x1 = xs[i];
  double t = x1 > x0 ? (x - x0) / (x1 - x0) : 1.0;
  return ys[i - 1] + t * (ys[i] - ys[i - 1]);
}

double CalibratedLoss(const Calibration& c,
                      const std::vector<std::vector<double>>& scores,
                      const std::vector<int>& y) {
  std::vector<std::vector<double>> p;
  p.reserve(scores.size());
  for (const auto& s : scores) p.push_back(c.Probabilities(s));
  return LogLoss(p, y);
}

}  // namespace

std::vector<double> Softmax(const std::vector<double>& scores) {
  std::vector<double> p(scores.size());
  if (scores.empty()) return p;
  double top = *std::max_element(scores.begin(), scores.end());
  double sum = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    p[i] = std::exp(scores[i] - top);
    sum += p[i];
  }
  for (double& v : p) v /= sum;
  return p;
}

double LogLoss(const std::vector<std::vector<double>>& probabilities,
               const std::vector<int>& y) {
  if (y.empty()) return 0;
  double loss = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    loss -= std::log(std::max(probabilities[i][y[i]], kMinProbability));
  }
  return loss / static_cast<double>(y.size());
}

std::vector<double> Logistic::Scores(const std::vector<double>& x) const {
  std::vector<double> s(classes, 0.0);
  const int stride = features + 1;
  for (int c = 0; c < classes; ++c) {
    const double* w = weights.data() + c * stride;
    double v = w[features];
    for (int f = 0; f < features; ++f) v += w[f] * x[f];
    s[c] = v;
  }
  return s;
}

Logistic Logistic::Fit(const std::vector<std::vector<double>>& x,
                       const std::vector<int>& y, int classes, double l2,
                       int iterations) {
  Logistic m;
  m.classes = classes;
  m.features = x.empty() ? 0 : static_cast<int>(x[0].size());
  m.weights.assign(static_cast<size_t>(classes) * (m.features + 1), 0.0);
  std::vector<double> grad;
  double loss = LossAndGradient(m, x, y, l2, &grad);
  double step = 1.0;
  for (int it = 0; it < iterations; ++it) {
    double norm2 = 0;
    for (double g : grad) norm2 += g * g;
    if (norm2 < 1e-14) break;
    // Backtracking: halve the step until the loss falls enough.
    Logistic next = m;
    double next_loss = loss;
    bool moved = false;
    for (int tries = 0; tries < 30; ++tries) {
      for (size_t k = 0; k < m.weights.size(); ++k) {
        next.weights[k] = m.weights[k] - step * grad[k];
      }
      next_loss = LossAndGradient(next, x, y, l2, nullptr);
      if (next_loss <= loss - 0.5 * step * norm2) {
        moved = true;
        break;
      }
      step *= 0.5;
    }
    if (!moved) break;
    m = std::move(next);
    double before = loss;
    loss = LossAndGradient(m, x, y, l2, &grad);
    step *= 2.0;  // try a longer step next time
    if (before - loss < 1e-10) break;
  }
  return m;
}

Standardizer Standardizer::Fit(const std::vector<std::vector<double>>& x) {
  Standardizer s;
  if (x.empty()) return s;
  const size_t f = x[0].size();
  s.mean.assign(f, 0.0);
  s.scale.assign(f, 1.0);
  for (const auto& row : x) {
    for (size_t j = 0; j < f; ++j) s.mean[j] += row[j];
  }
  for (double& m : s.mean) m /= static_cast<double>(x.size());
  std::vector<double> var(f, 0.0);
  for (const auto& row : x) {
    for (size_t j = 0; j < f; ++j) {
      double d = row[j] - s.mean[j];
      var[j] += d * d;
    }
  }
  for (size_t j = 0; j < f; ++j) {
    double sd = std::sqrt(var[j] / static_cast<double>(x.size()));
    s.scale[j] = sd > 1e-12 ? 1.0 / sd : 1.0;
  }
  return s;
}

void Standardizer::Apply(std::vector<double>* x) const {
  // Values far outside what training saw (a 5,000-word body for a model of
  // 300-word ones) are held at 5 standard deviations, so no one feature
  // can swamp the score.
  for (size_t j = 0; j < mean.size() && j < x->size(); ++j) {
    (*x)[j] = std::clamp(((*x)[j] - mean[j]) * scale[j], -kMaxZ, kMaxZ);
  }
}

std::vector<double> Calibration::Probabilities(
    const std::vector<double>& scores) const {
  switch (kind) {
    case Kind::kNone:
      return Softmax(scores);
    case Kind::kTemperature: {
      std::vector<double> s = scores;
      for (double& v : s) v /= temperature;
      return Softmax(s);
    }
    case Kind::kPlatt:
    case Kind::kIsotonic: {
      double margin = scores.size() == 2 ? scores[1] - scores[0] : 0.0;
      double p1 = kind == Kind::kPlatt
                      ? Sigmoid(a * margin + b)
                      : Interpolate(iso_x, iso_y, Sigmoid(margin));
      p1 = std::clamp(p1, 1e-4, 1.0 - 1e-4);
      return {1.0 - p1, p1};
    }
  }
  return Softmax(scores);
}

std::string_view Calibration::KindName(Kind kind) {
  switch (kind) {
    case Kind::kNone:
      return "none";
    case Kind::kPlatt:
      return "platt";
    case Kind::kIsotonic:
      return "isotonic";
    case Kind::kTemperature:
      return "temperature";
  }
  return "none";
}

bool Calibration::KindFromName(std::string_view name, Kind* kind) {
  for (Kind k :
       {Kind::kNone, Kind::kPlatt, Kind::kIsotonic, Kind::kTemperature}) {
    if (KindName(k) == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

Calibration Calibration::Fit(Kind kind,
                             const std::vector<std::vector<double>>& scores,
                             const std::vector<int>& y) {
  Calibration c;
  c.kind = kind;
  if (scores.empty()) return c;
  if ((kind == Kind::kPlatt || kind == Kind::kIsotonic) &&
      scores[0].size() != 2) {
    c.kind = Kind::kNone;
    return c;
  }
  if (kind == Kind::kPlatt) {
    // A one-feature logistic regression on the margin.
    std::vector<std::vector<double>> x;
    for (const auto& s : scores) x.push_back({s[1] - s[0]});
    Logistic m = Logistic::Fit(x, y, 2, 1e-4, 500);
    c.a = m.weight(1, 0) - m.weight(0, 0);
    c.b = m.weight(1, 1) - m.weight(0, 1);
  } else if (kind == Kind::kIsotonic) {
    std::vector<std::pair<double, double>> points;
    for (size_t i = 0; i < scores.size(); ++i) {
      points.push_back(
          {Sigmoid(scores[i][1] - scores[i][0]), y[i] == 1 ? 1.0 : 0.0});
    }
    Isotonic(std::move(points), &c.iso_x, &c.iso_y);
  } else if (kind == Kind::kTemperature) {
    // The temperature with the lowest log loss, on a log grid then refined.
    double best_t = 1, best = CalibratedLoss(c, scores, y);
    for (double lt = -3; lt <= 3.0001; lt += 0.1) {
      Calibration t = c;
      t.temperature = std::exp(lt);
      double loss = CalibratedLoss(t, scores, y);
      if (loss < best) {
        best = loss;
        best_t = t.temperature;
      }
    }
    c.temperature = best_t;
  }
  return c;
}

Calibration Calibration::Choose(const std::vector<std::vector<double>>& scores,
                                const std::vector<int>& y) {
  std::vector<Kind> kinds = {Kind::kNone};
  if (!scores.empty() && scores[0].size() == 2) {
    kinds.push_back(Kind::kPlatt);
    kinds.push_back(Kind::kIsotonic);
  } else {
    kinds.push_back(Kind::kTemperature);
  }
  // Halves: each label's rows shuffled (fixed seed) and dealt in turn, so
  // both halves hold every label whatever order the rows come in.
  std::vector<std::vector<double>> s[2];
  std::vector<int> t[2];
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(0x5eed);
  std::shuffle(order.begin(), order.end(), rng);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return y[a] < y[b]; });
  for (size_t k = 0; k < order.size(); ++k) {
    s[k % 2].push_back(scores[order[k]]);
    t[k % 2].push_back(y[order[k]]);
  }
  Kind best_kind = Kind::kNone;
  double best = 0;
  bool first = true;
  for (Kind k : kinds) {
    double loss = 0;
    for (int h = 0; h < 2; ++h) {
      Calibration c = Fit(k, s[h], t[h]);
      loss += CalibratedLoss(c, s[1 - h], t[1 - h]);
    }
    if (first || loss < best - 1e-9) {
      best = loss;
      best_kind = k;
      first = false;
    }
  }
  return Fit(best_kind, scores, y);
}

double MacroF1(const std::vector<int>& predicted, const std::vector<int>& y,
               int classes) {
  std::vector<size_t> tp(classes, 0), pred(classes, 0), gold(classes, 0);
  for (size_t i = 0; i < y.size(); ++i) {
    ++pred[predicted[i]];
    ++gold[y[i]];
    tp[y[i]] += predicted[i] == y[i];
  }
  double sum = 0;
  for (int c = 0; c < classes; ++c) {
    if (tp[c] == 0) continue;
    sum += 2.0 * static_cast<double>(tp[c]) /
           static_cast<double>(pred[c] + gold[c]);
  }
  return classes > 0 ? sum / classes : 0;
}

int DecisionRule::Label(const std::vector<double>& probabilities) const {
  int best = 0;
  double top = 0;
  for (size_t c = 0; c < probabilities.size(); ++c) {
    double v = std::log(std::max(probabilities[c], kMinProbability));
    if (c < bias.size()) v += bias[c];
    if (c == 0 || v > top) {
      top = v;
      best = static_cast<int>(c);
    }
  }
  return best;
}

DecisionRule DecisionRule::FitMacroF1(
    const std::vector<std::vector<double>>& probabilities,
    const std::vector<int>& y, double min_gain) {
  DecisionRule rule;
  if (probabilities.empty()) return rule;
  const int classes = static_cast<int>(probabilities[0].size());
  const size_t n = y.size();
  std::vector<int> labels(n);
  auto score = [&](const DecisionRule& r) {
    for (size_t i = 0; i < n; ++i) labels[i] = r.Label(probabilities[i]);
    return MacroF1(labels, y, classes);
  };
  const double plain = score(rule);
  DecisionRule trial;
  trial.bias.assign(classes, 0.0);
  double current = plain;
  constexpr double kSteps = 20;  // grid steps per unit: 0.05
  constexpr int kReach = 60;     // grid: -3 .. 3
  for (int round = 0; round < 3; ++round) {
    bool changed = false;
    // With two labels one bias is enough: the other stays 0.
    for (int c = classes == 2 ? 1 : 0; c < classes; ++c) {
      const double keep = trial.bias[c];
      std::vector<double> f(2 * kReach + 1);
      for (int g = -kReach; g <= kReach; ++g) {
        trial.bias[c] = g / kSteps;
        f[g + kReach] = score(trial);
      }
      const double top = *std::max_element(f.begin(), f.end());
      // The longest run of grid values at the top; its middle.
      int best_start = 0, best_len = 0;
      for (int g = 0; g < static_cast<int>(f.size());) {
        if (f[g] < top - 1e-12) {
          ++g;
          continue;
        }
        int e = g;
        while (e < static_cast<int>(f.size()) && f[e] >= top - 1e-12) ++e;
        if (e - g > best_len) {
          best_len = e - g;
          best_start = g;
        }
        g = e;
      }
      const double pick = (best_start + (best_len - 1) / 2.0 - kReach) / kSteps;
      if (top > current + 1e-12) {
        trial.bias[c] = pick;
        current = top;
        changed = true;
      } else {
        trial.bias[c] = keep;
      }
    }
    if (!changed) break;
  }
  if (current >= plain + min_gain) rule = std::move(trial);
  return rule;
}

}  // namespace newstrace::classify
