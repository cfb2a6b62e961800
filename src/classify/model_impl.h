// What a Classifier holds (classify.h), shared by training, prediction and
// the model file.
#ifndef NEWSTRACE_CLASSIFY_MODEL_IMPL_H_
#define NEWSTRACE_CLASSIFY_MODEL_IMPL_H_

#include <memory>
#include <string>
#include <vector>

#include "classify/sparse_model.h"
#include "classify/stack.h"
#include "classify/text_model.h"
#include "newstrace/classify.h"

namespace newstrace {

class Classifier::Impl {
 public:
  ModelInfo info;
  std::unique_ptr<classify::TextModel> text;
  // The linear view (sparse_model.h); null in a model trained without it.
  std::unique_ptr<classify::SparseModel> sparse;
  classify::Standardizer standardizer;
  classify::Logistic logistic;
  classify::Calibration calibration;
  classify::DecisionRule decision;
};

namespace classify {

// The record's values of the signals `names` (0 for a signal it lacks).
std::vector<double> SignalValues(const Record& record,
                                 const std::vector<std::string>& names);

// The logistic layer's input: the text model's log-probabilities, then the
// linear view's (when `linear_log_probs` is not null), then the signals.
std::vector<double> Features(const std::vector<double>& text_log_probs,
                             const std::vector<double>* linear_log_probs,
                             const std::vector<double>& signals);

}  // namespace classify
}  // namespace newstrace

#endif  // NEWSTRACE_CLASSIFY_MODEL_IMPL_H_
