// newstrace stats --db corpus.db: what a corpus holds.
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "newstrace/corpus.h"

namespace newstrace::cli {
namespace {

struct StatsFlags {
  std::string db;
  bool json = false;
  size_t top = 10;
};

int Run(const StatsFlags& f) {
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/true, &exit_code);
  if (corpus == nullptr) return exit_code;
  Result<CorpusStats> st = corpus->Stats();
  if (!st.ok()) {
    PrintError("stats", st.status());
    return ExitCodeFor(st.status());
  }
  if (f.json) {
    nlohmann::json j;
    j["documents"] = st->documents;
    j["text_bytes"] = st->text_bytes;
    j["file_bytes"] = st->file_bytes;
    if (!st->first_published.empty())
      j["first_published"] = st->first_published;
    if (!st->last_published.empty()) j["last_published"] = st->last_published;
    j["undated"] = st->undated;
    auto counts = [](const auto& v) {
      nlohmann::json o = nlohmann::json::array();
      for (const auto& [name, n] : v) o.push_back({name, n});
      return o;
    };
    j["domains"] = counts(st->domains);
    j["labels"] = counts(st->labels);
    j["languages"] = counts(st->languages);
    // {"model": [["label", n], ...]}: documents by their most probable label.
    nlohmann::json scores = nlohmann::json::object();
    for (const ScoreCount& c : st->scores) {
      scores[c.model].push_back({c.label, c.documents});
    }
    j["scores"] = std::move(scores);
    std::string out =
        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fputs(out.c_str(), stdout);
    return kExitOk;
  }
  std::printf("%s documents, %.1f MB of text, %.1f MB on disk\n",
              WithThousands(st->documents).c_str(), st->text_bytes / 1e6,
              st->file_bytes / 1e6);
  if (!st->first_published.empty()) {
    std::printf("published %s .. %s (%s undated)\n",
                st->first_published.substr(0, 10).c_str(),
                st->last_published.substr(0, 10).c_str(),
                WithThousands(st->undated).c_str());
  }
  auto table = [&](const char* title, const auto& v) {
    if (v.empty()) return;
    std::printf("%s:\n", title);
    size_t shown = 0;
    uint64_t rest = 0;
    for (const auto& [name, n] : v) {
      if (shown++ < f.top) {
        std::printf("  %10s  %s\n", WithThousands(n).c_str(),
                    name.empty() ? "(none)" : name.c_str());
      } else {
        rest += n;
      }
    }
    if (rest) std::printf("  %10s  (others)\n", WithThousands(rest).c_str());
  };
  table("domains", st->domains);
  table("labels", st->labels);
  table("languages", st->languages);
  for (size_t i = 0; i < st->scores.size();) {
    const std::string& model = st->scores[i].model;
    std::vector<std::pair<std::string, uint64_t>> rows;
    for (; i < st->scores.size() && st->scores[i].model == model; ++i) {
      rows.emplace_back(st->scores[i].label, st->scores[i].documents);
    }
    table(("scores of " + model + " (most probable label)").c_str(), rows);
  }
  return kExitOk;
}

}  // namespace

Runner AddStatsCommand(CLI::App* app) {
  auto flags = std::make_shared<StatsFlags>();
  CLI::App* cmd = app->add_subcommand(
      "stats",
      "What a corpus holds: counts by domain, label, language and stored "
      "score, date range, sizes");
  cmd->add_option("--db", flags->db, "The corpus file")->required();
  cmd->add_option("--top", flags->top, "Rows shown per table")
      ->capture_default_str();
  cmd->add_flag("--json", flags->json, "As one JSON object");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
