// See classify_flags.h.
#include "cli/classify_flags.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "cli/commands.h"

namespace newstrace::cli {

void DataFlags::Register(CLI::App* cmd, bool label_required) {
  auto* l = cmd->add_option("--label", label, "Field holding each row's label");
  if (!label_required) l->capture_default_str();
  cmd->add_option("--text", text,
                  "Field(s) holding the article text, first present wins "
                  "(default: text, content, maintext, article_content, body)")
      ->allow_extra_args(false);
  cmd->add_option("--title", title, "Field holding the title");
  cmd->add_option("--domain", domain,
                  "Field holding the publisher's domain (default: domain, "
                  "source, site; else the URL's host)");
  cmd->add_option("--max-bytes", max_bytes, "Largest row accepted, in bytes")
      ->capture_default_str();
  cmd->add_option("--threads", threads, "Analysis threads (0: every core)")
      ->capture_default_str();
}

Result<LabeledReadOptions> DataFlags::Options() const {
  LabeledReadOptions o;
  o.threads = threads;
  o.reader.max_bytes = max_bytes;
  o.reader.fields.title_as_text = true;
  if (label.empty()) return Status::InvalidArgument("--label is empty");
  o.reader.fields.label = {label};
  if (!text.empty()) o.reader.fields.text = text;
  if (!title.empty()) o.reader.fields.title = {title};
  if (!domain.empty()) o.reader.fields.domain = {domain};
  return o;
}

Result<LabeledData> ReadData(const std::vector<std::string>& paths,
                             const DataFlags& flags, const char* verb) {
  NT_ASSIGN_OR_RETURN(LabeledReadOptions options, flags.Options());
  NT_ASSIGN_OR_RETURN(LabeledData data, ReadLabeled(paths, options));
  if (data.unlabeled + data.malformed + data.failed > 0) {
    std::fprintf(stderr,
                 "newstrace: %s: read %zu labeled rows; skipped %llu without "
                 "a label, %llu malformed, %llu unanalyzable%s%s\n",
                 verb, data.rows.size(),
                 static_cast<unsigned long long>(data.unlabeled),
                 static_cast<unsigned long long>(data.malformed),
                 static_cast<unsigned long long>(data.failed),
                 data.problems.empty() ? "" : "; first: ",
                 data.problems.empty() ? "" : data.problems[0].message.c_str());
  }
  return data;
}

nlohmann::ordered_json ScoreJson(const Score& score) {
  nlohmann::ordered_json j;
  j["label"] = score.label;
  j["probability"] = score.probability;
  nlohmann::ordered_json probs = nlohmann::ordered_json::object();
  for (const auto& [label, p] : score.probabilities) probs[label] = p;
  j["probabilities"] = probs;
  nlohmann::ordered_json reasons = nlohmann::ordered_json::array();
  for (const Reason& r : score.reasons) {
    reasons.push_back({{"kind", r.kind},
                       {"what", r.what},
                       {"why", r.why},
                       {"value", r.value},
                       {"weight", r.weight}});
  }
  j["reasons"] = reasons;
  return j;
}

void PrintFileError(const std::string& path, const Status& status) {
  const std::string& m = status.message();
  if (m.size() > path.size() && m.compare(0, path.size(), path) == 0 &&
      m[path.size()] == ':') {
    size_t rest = path.size() + 1;
    while (rest < m.size() && m[rest] == ' ') ++rest;
    PrintError(path, Status(status.code(), m.substr(rest)));
  } else {
    PrintError(path, status);
  }
}

std::vector<std::pair<std::string, std::string>> DefaultModels() {
  std::vector<std::pair<std::string, std::string>> out;
  const char* env = std::getenv("NEWSTRACE_MODELS");
  std::string dir = env && *env ? env : NEWSTRACE_MODELS_DIR;
  std::error_code ec;
  // models/<name>/model.ntm, each beside its MODEL_CARD.md.
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::filesystem::path model = e.path() / "model.ntm";
    if (!e.is_directory() || !std::filesystem::exists(model)) continue;
    out.push_back({e.path().filename().string(), model.string()});
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ModelNameFromPath(const std::string& path) {
  std::filesystem::path p(path);
  std::string stem = p.stem().string();
  if (p.filename() == "model.ntm" && p.has_parent_path()) {
    std::string dir = p.parent_path().filename().string();
    if (!dir.empty() && dir != "." && dir != "..") return dir;
  }
  return stem.empty() ? p.filename().string() : stem;
}

int LoadNamedModels(const std::vector<std::string>& specs,
                    bool bundled_by_default, const char* verb,
                    std::vector<NamedModel>* models,
                    std::vector<std::string>* files) {
  std::vector<std::pair<std::string, std::string>> paths;
  for (const std::string& spec : specs) {
    if (spec == "bundled") {
      std::vector<std::pair<std::string, std::string>> d = DefaultModels();
      if (d.empty()) {
        std::fprintf(stderr,
                     "newstrace: %s: --model bundled: no bundled model "
                     "(train them with scripts/train-models.sh)\n",
                     verb);
        return kExitUsage;
      }
      paths.insert(paths.end(), d.begin(), d.end());
      continue;
    }
    size_t eq = spec.find('=');
    if (eq != std::string::npos && eq > 0 &&
        spec.find('/') > eq) {  // NAME=PATH (a '=' in a folder is a path)
      paths.push_back({spec.substr(0, eq), spec.substr(eq + 1)});
    } else {
      paths.push_back({ModelNameFromPath(spec), spec});
    }
  }
  if (specs.empty() && bundled_by_default) paths = DefaultModels();
  if (paths.empty()) {
    std::fprintf(stderr,
                 "newstrace: %s: no model (give --model, or train the "
                 "bundled ones with scripts/train-models.sh)\n",
                 verb);
    return kExitUsage;
  }
  for (size_t i = 0; i < paths.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (paths[i].first == paths[j].first) {
        std::fprintf(stderr,
                     "newstrace: %s: two models named '%s' (%s, %s): name "
                     "them with --model NAME=PATH\n",
                     verb, paths[i].first.c_str(), paths[j].second.c_str(),
                     paths[i].second.c_str());
        return kExitUsage;
      }
    }
    if (paths[i].first.empty()) {
      std::fprintf(stderr, "newstrace: %s: --model %s: empty model name\n",
                   verb, paths[i].second.c_str());
      return kExitUsage;
    }
  }
  for (const auto& [name, path] : paths) {
    Result<Classifier> m = Classifier::Load(path);
    if (!m.ok()) {
      PrintFileError(path, m.status());
      return ExitCodeFor(m.status());
    }
    models->push_back({name, std::move(m).value()});
    if (files != nullptr) files->push_back(path);
  }
  return kExitOk;
}

}  // namespace newstrace::cli
