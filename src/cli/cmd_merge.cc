// newstrace merge FROM.db... --db INTO.db: other corpora's documents, with
// their search and trace index entries, added to one.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {
namespace {

struct MergeFlags {
  std::vector<std::string> from;
  std::string db;
};

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop.store(true); }

int Run(const MergeFlags& f) {
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/false, &exit_code);
  if (corpus == nullptr) return exit_code;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  for (const std::string& from : f.from) {
    Result<MergeSummary> s = MergeCorpus(corpus.get(), from, 1000, &g_stop);
    if (!s.ok()) {
      PrintError(from, s.status());
      return ExitCodeFor(s.status());
    }
    std::printf("merged %s into %s: %s read, %s added, %s already there\n",
                from.c_str(), f.db.c_str(), WithThousands(s->read).c_str(),
                WithThousands(s->added).c_str(),
                WithThousands(s->duplicates).c_str());
    if (s->interrupted) {
      std::fprintf(stderr,
                   "newstrace: merge: interrupted; what was added "
                   "is committed, run again to finish\n");
      return kExitInterrupted;
    }
  }
  return kExitOk;
}

}  // namespace

Runner AddMergeCommand(CLI::App* app) {
  auto flags = std::make_shared<MergeFlags>();
  CLI::App* cmd = app->add_subcommand(
      "merge",
      "Add other corpora's documents, with their search and trace index "
      "entries, to a corpus");
  cmd->add_option("from", flags->from, "Corpus files to merge in")->required();
  cmd->add_option("--db", flags->db,
                  "The corpus to merge into (created if "
                  "missing)")
      ->required();
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
