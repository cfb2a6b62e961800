// newstrace eval --model MODEL --data FILE: how a model does on labeled rows.
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/classify_flags.h"
#include "cli/commands.h"

namespace newstrace::cli {
namespace {

struct EvalFlags {
  std::string model;
  std::vector<std::string> data;
  DataFlags read;
  bool json = false;
  bool predictions = false;
};

int Run(const EvalFlags& f) {
  Result<Classifier> model = Classifier::Load(f.model);
  if (!model.ok()) {
    PrintFileError(f.model, model.status());
    return ExitCodeFor(model.status());
  }
  // Timed: reading, analysis and scoring, as `score` does them.
  const auto start = std::chrono::steady_clock::now();
  Result<LabeledData> data = ReadData(f.data, f.read, "eval");
  if (!data.ok()) {
    PrintError("eval", data.status());
    return ExitCodeFor(data.status());
  }
  std::vector<std::string> gold;
  std::vector<Score> scores;
  for (const LabeledRecord& r : data->rows) {
    gold.push_back(r.label);
    scores.push_back(model->Predict(r.record, 0));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (data->rows.empty()) {
    std::fprintf(stderr, "newstrace: eval: no labeled rows in the data\n");
    return kExitBadInput;
  }
  const std::vector<std::string>& labels = model->info().labels;
  Evaluation e = Evaluate(labels, gold, scores);
  size_t unknown = 0;
  for (const std::string& g : gold) {
    unknown += std::find(labels.begin(), labels.end(), g) == labels.end();
  }
  const double per_second = seconds > 0 ? e.n / seconds : 0;
  if (f.json) {
    nlohmann::ordered_json j;
    j["n"] = e.n;
    j["accuracy"] = e.accuracy;
    j["macro_f1"] = e.macro_f1;
    j["log_loss"] = e.log_loss;
    j["calibration_error"] = e.calibration_error;
    j["unknown_labels"] = unknown;
    nlohmann::ordered_json classes = nlohmann::ordered_json::array();
    for (const ClassMetrics& c : e.classes) {
      classes.push_back({{"label", c.label},
                         {"precision", c.precision},
                         {"recall", c.recall},
                         {"f1", c.f1},
                         {"support", c.support}});
    }
    j["classes"] = classes;
    j["labels"] = labels;
    j["confusion"] = e.confusion;
    j["seconds"] = seconds;
    j["predictions_per_second"] = per_second;
    if (f.predictions) {
      nlohmann::ordered_json p = nlohmann::ordered_json::array();
      for (size_t i = 0; i < scores.size(); ++i) {
        p.push_back({{"id", data->ids[i]},
                     {"gold", gold[i]},
                     {"label", scores[i].label},
                     {"probability", scores[i].probability}});
      }
      j["predictions"] = p;
    }
    std::printf("%s\n", j.dump().c_str());
    return kExitOk;
  }
  std::printf(
      "%zu rows: accuracy %.3f, macro-F1 %.3f, log loss %.3f, "
      "calibration error %.3f\n",
      e.n, e.accuracy, e.macro_f1, e.log_loss, e.calibration_error);
  if (unknown) {
    std::printf(
        "%zu rows have a label the model does not know (counted "
        "wrong)\n",
        unknown);
  }
  std::printf("\n%-20s %9s %9s %9s %9s\n", "label", "precision", "recall", "F1",
              "support");
  for (const ClassMetrics& c : e.classes) {
    std::printf("%-20s %9.3f %9.3f %9.3f %9zu\n", c.label.c_str(), c.precision,
                c.recall, c.f1, c.support);
  }
  std::printf("\nconfusion (rows: gold, columns: predicted)\n%-20s", "");
  for (const std::string& l : labels) std::printf(" %10.10s", l.c_str());
  std::printf("\n");
  for (size_t g = 0; g < labels.size(); ++g) {
    std::printf("%-20.20s", labels[g].c_str());
    for (size_t p = 0; p < labels.size(); ++p) {
      std::printf(" %10zu", e.confusion[g][p]);
    }
    std::printf("\n");
  }
  std::printf("\n%.0f predictions/s (reading, analysis and scoring)\n",
              per_second);
  return kExitOk;
}

}  // namespace

Runner AddEvalCommand(CLI::App* app) {
  auto f = std::make_shared<EvalFlags>();
  CLI::App* cmd = app->add_subcommand(
      "eval",
      "Measure a model on labeled rows: accuracy, macro-F1, "
      "per-label precision/recall, confusion, calibration error");
  cmd->add_option("--model", f->model, "Model file")->required();
  cmd->add_option("--data", f->data, "Labeled data (as for train)")
      ->required()
      ->allow_extra_args(false);
  f->read.Register(cmd, false);
  cmd->add_flag("--json", f->json, "Print the figures as JSON");
  cmd->add_flag("--predictions", f->predictions,
                "With --json: every row's prediction too");
  return [f] { return Run(*f); };
}

}  // namespace newstrace::cli
