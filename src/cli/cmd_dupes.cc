// newstrace dupes --db corpus.db: every group of near-duplicate documents,
// with its origin and the substitutions its copies made (JSON Lines).
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "cli/trace_render.h"
#include "newstrace/corpus.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {
namespace {

struct DupesFlags {
  std::string db;
  double threshold = 0;
  bool json = false;
  bool no_substitutions = false;
};

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop.store(true); }

int Run(const DupesFlags& f) {
  if (f.threshold < 0 || f.threshold >= 1) {
    std::fprintf(stderr, "newstrace: usage: --threshold must be in [0, 1)\n");
    return kExitUsage;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/true, &exit_code);
  if (corpus == nullptr) return exit_code;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  const bool tty_out = ::isatty(STDOUT_FILENO);
  const bool tty_err = ::isatty(STDERR_FILENO);
  const bool as_json = f.json || !tty_out;
  DupesOptions options;
  options.threshold = f.threshold;
  options.substitutions = !f.no_substitutions;
  options.stop = &g_stop;
  if (tty_err) {
    options.progress = [](uint64_t buckets, uint64_t pairs) {
      std::fprintf(stderr, "\r%s buckets, %s pairs verified",
                   WithThousands(buckets).c_str(),
                   WithThousands(pairs).c_str());
    };
  }
  uint64_t number = 0;
  Result<DupesSummary> summary =
      FindDupes(corpus.get(), options, [&](const DupeGroup& g) {
        ++number;
        std::string out = as_json
                              ? DupeGroupToJson(g, number).dump(
                                    -1, ' ', false,
                                    nlohmann::json::error_handler_t::replace) +
                                    "\n"
                              : RenderDupeGroup(g, number, tty_out) + "\n";
        std::fwrite(out.data(), 1, out.size(), stdout);
      });
  std::fflush(stdout);
  if (tty_err && options.progress) std::fprintf(stderr, "\r\x1b[K");
  if (!summary.ok()) {
    PrintError("dupes", summary.status());
    return ExitCodeFor(summary.status());
  }
  std::fprintf(stderr,
               "%s groups of near duplicates; %s candidate pairs verified, "
               "%s linked\n",
               WithThousands(summary->groups).c_str(),
               WithThousands(summary->pairs_verified).c_str(),
               WithThousands(summary->pairs_linked).c_str());
  for (const Substitution& s : summary->signatures) {
    std::fprintf(stderr,
                 "copier's signature: %s -> %s, in copies of %u different "
                 "stories\n",
                 s.from.c_str(), s.to.c_str(), s.count);
  }
  if (summary->interrupted) {
    std::fprintf(stderr, "newstrace: dupes: interrupted; groups incomplete\n");
    return kExitInterrupted;
  }
  return kExitOk;
}

}  // namespace

Runner AddDupesCommand(CLI::App* app) {
  auto flags = std::make_shared<DupesFlags>();
  CLI::App* cmd = app->add_subcommand(
      "dupes",
      "Every group of near-duplicate documents in a corpus, with its origin "
      "and the substitutions its copies made (JSON Lines when piped)");
  cmd->add_option("--db", flags->db, "The corpus file")->required();
  cmd->add_option("--threshold", flags->threshold,
                  "Jaccard similarity that links two documents (default: the "
                  "corpus')");
  cmd->add_flag("--json", flags->json, "JSON Lines (default when piped)");
  cmd->add_flag("--no-substitutions", flags->no_substitutions,
                "Skip diffing copies against their origin (faster)");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
