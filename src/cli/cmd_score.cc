// newstrace score FILE|- [--model MODEL] [--sources FILE]: label,
// probability and reasons for each document, from the given models or the
// bundled ones (models/), and what a source list says of its publisher,
// beside the scores and never mixed into them (docs/format/score.md).
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <optional>

#include "cli/classify_flags.h"
#include "cli/commands.h"

namespace newstrace::cli {
namespace {

struct ScoreFlags {
  std::vector<std::string> files;
  std::vector<std::string> models;
  std::string sources;  // a source list (SourceList), or ""
  bool json = false;
  size_t reasons = 8;
  size_t max_bytes = size_t{64} << 20;
};

// The publisher's domain: the document's domain field, else its URL's host;
// "" when neither is known.
std::string DocDomain(const RawDoc& doc) {
  return SourceDomain(doc.source.domain.empty() ? doc.source.url
                                                : doc.source.domain);
}

// The JSON "source" object (docs/format/score.md): what the source list
// says of `domain` (SourceDomain form), `listed` its entry or nullptr.
nlohmann::ordered_json SourceJson(const std::string& domain,
                                  const SourceEntry* listed) {
  nlohmann::ordered_json j;
  if (listed == nullptr) {
    j["domain"] = domain;
    j["listed"] = false;
    return j;
  }
  j["domain"] = listed->domain;
  j["listed"] = true;
  j["labels"] = listed->labels;
  j["note"] = listed->note;
  return j;
}

// The readable "  source: ..." line; `file` is the list's path.
void PrintSourceLine(const std::string& domain, const SourceEntry* listed,
                     const std::string& file) {
  if (listed == nullptr) {
    std::printf("  source: %s is not listed (in %s)\n", domain.c_str(),
                file.c_str());
    return;
  }
  std::string labels;
  for (const std::string& l : listed->labels) {
    labels += (labels.empty() ? "" : ", ") + l;
  }
  std::printf("  source: %s is listed as: %s (from %s)\n",
              listed->domain.c_str(),
              labels.empty() ? "(no label)" : labels.c_str(), file.c_str());
}

void PrintReadable(const RawDoc& doc, const Record& record,
                   const std::vector<NamedModel>& models,
                   const std::vector<Score>& scores,
                   const SourceList* sources) {
  std::printf("%s", doc.id.c_str());
  if (!record.article.title.empty()) {
    std::printf(": %s", record.article.title.c_str());
  }
  std::printf("\n");
  if (const std::string domain = DocDomain(doc);
      sources != nullptr && !domain.empty()) {
    PrintSourceLine(domain, sources->Find(domain), sources->name());
  }
  for (size_t m = 0; m < models.size(); ++m) {
    const Score& s = scores[m];
    std::printf("  %s: %s (%.2f)\n", models[m].name.c_str(), s.label.c_str(),
                s.probability);
    for (const Reason& r : s.reasons) {
      if (r.kind == "word") continue;
      if (r.kind == "signal") {
        std::printf("    %+.2f  %s = %g: %s\n", r.weight, r.what.c_str(),
                    r.value, r.why.c_str());
      } else {
        std::printf("    %+.2f  %s\n", r.weight, r.what.c_str());
      }
    }
    std::string words;
    for (const Reason& r : s.reasons) {
      if (r.kind != "word") continue;
      char buf[64];
      std::snprintf(buf, sizeof(buf), " %+.2f", r.weight);
      words += (words.empty() ? "" : ",") + std::string(" ") + r.what + buf;
    }
    if (!words.empty()) std::printf("    words:%s\n", words.c_str());
  }
}

int Run(const ScoreFlags& f) {
  std::vector<NamedModel> models;
  if (int code = LoadNamedModels(f.models, /*bundled_by_default=*/true, "score",
                                 &models, nullptr);
      code != kExitOk) {
    return code;
  }
  std::optional<SourceList> sources;
  if (!f.sources.empty()) {
    Result<SourceList> s = SourceList::Load(f.sources);
    if (!s.ok()) {
      PrintError("--sources", s.status());
      return ExitCodeFor(s.status());
    }
    sources = std::move(s).value();
  }
  std::vector<std::string> files = f.files;
  if (files.empty()) {
    if (::isatty(STDIN_FILENO)) {
      std::fprintf(stderr, "newstrace: score: no input (give FILE... or -)\n");
      return kExitUsage;
    }
    files.push_back("-");
  }
  ReaderOptions reader;
  reader.max_bytes = f.max_bytes;
  reader.fields.title_as_text = true;
  const AnalyzeOptions analyze = ClassifierAnalyzeOptions();
  int exit_code = kExitOk;
  for (const std::string& path : files) {
    Result<std::unique_ptr<DocumentReader>> r = OpenReader(path, reader);
    if (!r.ok()) {
      PrintFileError(path == "-" ? "<stdin>" : path, r.status());
      if (exit_code == kExitOk) exit_code = ExitCodeFor(r.status());
      continue;
    }
    RawDoc doc;
    while (true) {
      Result<bool> more = (*r)->Next(&doc);
      if (!more.ok()) {
        PrintError(path, more.status());
        if (exit_code == kExitOk) exit_code = ExitCodeFor(more.status());
        break;
      }
      if (!*more) break;
      Result<Record> record = AnalyzeForClassifier(doc, analyze);
      if (!record.ok()) {
        PrintError(doc.id, record.status());
        if (exit_code == kExitOk) exit_code = ExitCodeFor(record.status());
        continue;
      }
      std::vector<Score> scores;
      for (const NamedModel& m : models) {
        scores.push_back(m.model.Predict(*record, f.reasons));
      }
      if (f.json) {
        nlohmann::ordered_json j;
        j["id"] = doc.id;
        if (!record->article.title.empty()) j["title"] = record->article.title;
        const std::string domain = DocDomain(doc);
        if (!domain.empty()) j["domain"] = domain;
        nlohmann::ordered_json s = nlohmann::ordered_json::object();
        for (size_t m = 0; m < models.size(); ++m) {
          s[models[m].name] = ScoreJson(scores[m]);
        }
        j["scores"] = s;
        if (sources && !domain.empty()) {
          j["source"] = SourceJson(domain, sources->Find(domain));
        }
        std::printf("%s\n", j.dump().c_str());
      } else {
        PrintReadable(doc, *record, models, scores,
                      sources ? &*sources : nullptr);
      }
    }
    const ReadStats& stats = (*r)->stats();
    if (stats.documents == 0 && (stats.malformed > 0 || stats.skipped > 0)) {
      // Nothing to score in this input (empty, binary, every record
      // malformed): one line and exit 4, as `analyze` does; a file with
      // some good records below only reports what it skipped.
      std::string why = stats.problems.empty() ? std::string("binary input")
                                               : stats.problems[0].message;
      std::fprintf(stderr, "newstrace: score: %s: no document to score (%s)\n",
                   path.c_str(), why.c_str());
      if (exit_code == kExitOk) exit_code = kExitBadInput;
    } else if (stats.malformed > 0) {
      std::fprintf(stderr, "newstrace: score: %s: skipped %llu malformed\n",
                   path.c_str(),
                   static_cast<unsigned long long>(stats.malformed));
    }
  }
  std::fflush(stdout);
  return exit_code;
}

}  // namespace

Runner AddScoreCommand(CLI::App* app) {
  auto f = std::make_shared<ScoreFlags>();
  CLI::App* cmd = app->add_subcommand(
      "score",
      "Score documents with classifiers: label, probability and reasons");
  cmd->add_option("files", f->files,
                  "Input: text, HTML, JSONL, CSV, WARC; - reads standard "
                  "input");
  cmd->add_option("--model", f->models,
                  "Model file(s): PATH, NAME=PATH, or 'bundled' (default: "
                  "the bundled models in models/)")
      ->allow_extra_args(false);
  cmd->add_option("--sources", f->sources,
                  "Source list (CSV or JSON, e.g. OpenSources' sources.csv) "
                  "mapping domains to labels, shown beside the scores");
  cmd->add_flag("--json", f->json, "One JSON object per document");
  cmd->add_option("--reasons", f->reasons,
                  "Most signals and most words listed per score")
      ->capture_default_str();
  cmd->add_option("--max-bytes", f->max_bytes, "Largest document accepted")
      ->capture_default_str();
  return [f] { return Run(*f); };
}

}  // namespace newstrace::cli
