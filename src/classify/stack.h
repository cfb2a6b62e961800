// The layers above the text model: a multinomial logistic regression over
// the text model's log-probabilities and the article's signals, and the
// calibration of its probabilities.
#ifndef NEWSTRACE_CLASSIFY_STACK_H_
#define NEWSTRACE_CLASSIFY_STACK_H_

#include <string>
#include <string_view>
#include <vector>

namespace newstrace::classify {

// Softmax regression: scores_c = w_c . x + b_c.
struct Logistic {
  int classes = 0;
  int features = 0;
  std::vector<double> weights;  // classes rows of features + 1 (the bias)

  double weight(int c, int f) const { return weights[c * (features + 1) + f]; }
  std::vector<double> Scores(const std::vector<double>& x) const;

  // Fits by minimizing the mean log loss plus l2/2 |w|^2 (the bias not
  // penalized), full-batch gradient descent with backtracking. Features
  // should be standardized. Deterministic.
  static Logistic Fit(const std::vector<std::vector<double>>& x,
                      const std::vector<int>& y, int classes, double l2,
                      int iterations);
};

// Mean and standard deviation of each feature, to standardize with.
struct Standardizer {
  std::vector<double> mean, scale;  // scale = 1 / sd (1 when sd is 0)
  static Standardizer Fit(const std::vector<std::vector<double>>& x);
  // Standardizes *x in place, each value clamped to [-5, 5].
  void Apply(std::vector<double>* x) const;
};

// Turns scores into calibrated probabilities.
struct Calibration {
  enum class Kind { kNone, kPlatt, kIsotonic, kTemperature };
  Kind kind = Kind::kNone;
  double a = 1, b = 0;               // Platt: p1 = sigmoid(a (s1 - s0) + b)
  double temperature = 1;            // softmax(s / T)
  std::vector<double> iso_x, iso_y;  // isotonic: p1 by sigmoid(s1 - s0)

  std::vector<double> Probabilities(const std::vector<double>& scores) const;

  static std::string_view KindName(Kind kind);
  static bool KindFromName(std::string_view name, Kind* kind);

  // Fits `kind` on (scores, y).
  static Calibration Fit(Kind kind,
                         const std::vector<std::vector<double>>& scores,
                         const std::vector<int>& y);
  // The kind with the lowest log loss when fit on one half of the rows and
  // measured on the other (both ways), among none, Platt and isotonic (two
  // classes) or none and temperature (more), fit on all rows.
  static Calibration Choose(const std::vector<std::vector<double>>& scores,
                            const std::vector<int>& y);
};

// Turns calibrated probabilities into a label: the c maximizing
// log p_c + bias_c. No biases (the default) is the most probable label;
// biases chosen by FitMacroF1 trade some accuracy for the recall of rarer
// or under-predicted labels, which macro-F1 rewards.
struct DecisionRule {
  std::vector<double> bias;  // one per label, or empty

  int Label(const std::vector<double>& probabilities) const;

  // Biases that maximize the macro-F1 of (probabilities, y): coordinate
  // ascent, each label's bias in turn over a grid in [-3, 3] (the middle
  // of the best run of grid values), kept only when the gain over the
  // plain most-probable label reaches `min_gain`; else no biases.
  static DecisionRule FitMacroF1(
      const std::vector<std::vector<double>>& probabilities,
      const std::vector<int>& y, double min_gain);
};

// Macro-F1 (unweighted mean over `classes` labels of per-label F1) of
// `predicted` against `y`.
double MacroF1(const std::vector<int>& predicted, const std::vector<int>& y,
               int classes);

// Mean negative log-likelihood of y under `probabilities` (rows).
double LogLoss(const std::vector<std::vector<double>>& probabilities,
               const std::vector<int>& y);

// Softmax of `scores`, computed stably.
std::vector<double> Softmax(const std::vector<double>& scores);

}  // namespace newstrace::classify

#endif  // NEWSTRACE_CLASSIFY_STACK_H_
