// newstrace train --data FILE --label FIELD --out MODEL: trains a classifier
// (classify.h) on labeled rows in any format `ingest` reads.
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>

#include "cli/classify_flags.h"
#include "cli/commands.h"

namespace newstrace::cli {
namespace {

struct TrainFlags {
  std::vector<std::string> data;
  std::string out;
  std::string split_by = "domain";
  DataFlags read;
  TrainOptions options;
  bool no_signals = false;
  bool json = false;
  bool quiet = false;
};

int Run(TrainFlags& f) {
  const auto start = std::chrono::steady_clock::now();
  Result<LabeledData> data = ReadData(f.data, f.read, "train");
  if (!data.ok()) {
    PrintError("train", data.status());
    return ExitCodeFor(data.status());
  }
  if (f.split_by == "random") {
    for (LabeledRecord& r : data->rows) r.group.clear();
  }
  f.options.use_signals = !f.no_signals;
  if (!f.quiet) {
    f.options.log = [](std::string_view line) {
      std::fprintf(stderr, "newstrace: train: %.*s\n",
                   static_cast<int>(line.size()), line.data());
    };
  }
  const auto read_done = std::chrono::steady_clock::now();
  Result<Classifier> model = Classifier::Train(data->rows, f.options);
  if (!model.ok()) {
    // The data cannot be learned from (one label, too few rows) or a
    // setting is out of range: rejected input.
    PrintError("train", model.status());
    return kExitBadInput;
  }
  Status saved = model->Save(f.out);
  if (!saved.ok()) {
    PrintFileError(f.out, saved);
    return ExitCodeFor(saved);
  }
  const auto end = std::chrono::steady_clock::now();
  auto secs = [](auto a, auto b) {
    return std::chrono::duration<double>(b - a).count();
  };
  const ModelInfo& info = model->info();
  std::map<std::string, size_t> counts;
  for (const LabeledRecord& r : data->rows) ++counts[r.label];
  if (f.json) {
    nlohmann::ordered_json j;
    j["model"] = f.out;
    j["rows"] = data->rows.size();
    j["labels"] = counts;
    j["skipped"] = {{"unlabeled", data->unlabeled},
                    {"malformed", data->malformed},
                    {"unanalyzable", data->failed}};
    j["holdout_rows"] = info.holdout_rows;
    j["holdout_by_publisher"] = info.grouped_holdout;
    j["calibration"] = info.calibration;
    j["holdout_accuracy"] = info.holdout_accuracy;
    j["holdout_log_loss"] = info.holdout_log_loss;
    j["read_seconds"] = secs(start, read_done);
    j["train_seconds"] = secs(read_done, end);
    std::printf("%s\n", j.dump().c_str());
  } else {
    std::printf("trained %s on %zu rows (", f.out.c_str(), data->rows.size());
    bool first = true;
    for (const auto& [label, n] : counts) {
      std::printf("%s%s %zu", first ? "" : ", ", label.c_str(), n);
      first = false;
    }
    std::printf(
        ")\nheld out %zu rows%s; calibration %s; held-out accuracy "
        "%.3f, log loss %.3f\nread and analyzed in %.1f s, trained "
        "in %.1f s\n",
        info.holdout_rows, info.grouped_holdout ? " (whole publishers)" : "",
        info.calibration.c_str(), info.holdout_accuracy, info.holdout_log_loss,
        secs(start, read_done), secs(read_done, end));
  }
  return kExitOk;
}

}  // namespace

Runner AddTrainCommand(CLI::App* app) {
  auto f = std::make_shared<TrainFlags>();
  CLI::App* cmd = app->add_subcommand(
      "train",
      "Train a classifier (fastText + signals, calibrated) on labeled rows");
  cmd->add_option("--data", f->data,
                  "Labeled data: JSONL, CSV, JSON, ... (title, text and "
                  "label fields work without flags)")
      ->required()
      ->allow_extra_args(false);
  cmd->add_option("--out", f->out, "Model file to write")->required();
  cmd->add_option("--split-by", f->split_by,
                  "Hold out whole publishers (domain) or random rows")
      ->check(CLI::IsMember({"domain", "random"}))
      ->capture_default_str();
  f->read.Register(cmd, false);
  TrainOptions& o = f->options;
  cmd->add_option("--dim", o.dim, "Word vector size")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--epochs", o.epochs,
                  "Passes over the data (0: chosen by cross-fitting)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  cmd->add_option("--lr", o.learning_rate, "Learning rate")
      ->capture_default_str();
  cmd->add_option("--word-ngrams", o.word_ngrams, "Longest word n-gram")
      ->check(CLI::Range(1, 5))
      ->capture_default_str();
  cmd->add_option("--min-count", o.min_count, "Rarest word kept")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--buckets", o.buckets, "Hashed n-gram rows")
      ->check(CLI::Range(1, 100000000))
      ->capture_default_str();
  cmd->add_option("--max-tokens", o.max_tokens, "Words read per article")
      ->capture_default_str();
  cmd->add_option("--folds", o.folds, "Cross-fitting folds")
      ->check(CLI::Range(2, 20))
      ->capture_default_str();
  cmd->add_option("--holdout", o.holdout, "Share held out for calibration")
      ->check(CLI::Range(0.05, 0.5))
      ->capture_default_str();
  cmd->add_option("--calibration", o.calibration, "Calibration method")
      ->check(
          CLI::IsMember({"auto", "platt", "isotonic", "temperature", "none"}))
      ->capture_default_str();
  cmd->add_option("--seed", o.seed, "Random seed")->capture_default_str();
  cmd->add_flag("--no-signals", f->no_signals,
                "Use the text model alone, without the article's signals");
  cmd->add_flag("--json", f->json, "Print the summary as JSON");
  cmd->add_flag("--quiet", f->quiet, "No progress lines");
  return [f] { return Run(*f); };
}

}  // namespace newstrace::cli
