// Flags and helpers the classification verbs (train, eval, score) share.
#ifndef NEWSTRACE_CLI_CLASSIFY_FLAGS_H_
#define NEWSTRACE_CLI_CLASSIFY_FLAGS_H_

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newstrace/classify.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {

// How labeled data is read: --label FIELD, --text FIELD..., --title FIELD,
// --domain FIELD, --max-bytes, --threads.
struct DataFlags {
  std::string label = "label";
  std::vector<std::string> text;
  std::string title;
  std::string domain;
  size_t max_bytes = size_t{64} << 20;
  int threads = 0;

  void Register(CLI::App* cmd, bool label_required);
  // The reading options these flags give; fails on a bad field name.
  Result<LabeledReadOptions> Options() const;
};

// Reads the labeled documents of `paths`, printing a one-line summary of
// what was skipped to stderr. Fails as ReadLabeled does.
Result<LabeledData> ReadData(const std::vector<std::string>& paths,
                             const DataFlags& flags, const char* verb);

// A score as JSON: {"label", "probability", "probabilities": {...},
// "reasons": [{"kind", "what", "why", "value", "weight"}]}.
nlohmann::ordered_json ScoreJson(const Score& score);

// Prints the error of reading the file `path` on one line, as PrintError
// does, without naming the path twice when the message already starts with
// it ("newstrace: m.ntm: no such file", not "m.ntm: m.ntm: ...").
void PrintFileError(const std::string& path, const Status& status);

// The bundled default models (models/<name>/model.ntm, or under
// $NEWSTRACE_MODELS): name -> path, sorted.
std::vector<std::pair<std::string, std::string>> DefaultModels();

// A model's name from its path: the file's stem, or its folder's name for
// a file named model.ntm (models/clickbait/model.ntm: "clickbait").
std::string ModelNameFromPath(const std::string& path);

// Loads the models `specs` name: each "PATH", "NAME=PATH", or "bundled"
// (every bundled model); none given loads the bundled ones when
// `bundled_by_default`. `files` gets each model's path. Prints one line
// and returns the exit code on failure (a file that will not load, a name
// given twice, no model at all), kExitOk otherwise.
int LoadNamedModels(const std::vector<std::string>& specs,
                    bool bundled_by_default, const char* verb,
                    std::vector<NamedModel>* models,
                    std::vector<std::string>* files);

}  // namespace newstrace::cli

#endif  // NEWSTRACE_CLI_CLASSIFY_FLAGS_H_
