// newstrace ingest PATH... --db corpus.db: many documents into a corpus.
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/classify_flags.h"
#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> paths;
  std::string db;
  int threads = 0;
  std::vector<std::string> fields;
  std::string label;
  std::string format = "auto";
  bool strict = false;
  bool no_resume = false;
  bool no_language = false;
  bool json = false;
  bool quiet = false;
  size_t max_bytes = size_t{64} << 20;
  size_t batch = 1000;
  std::vector<std::string> models;
};

std::atomic<bool> g_stop{false};

extern "C" void OnInterrupt(int) {
  g_stop.store(true);
  // A second Ctrl-C kills as usual.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

void PrintProgress(const IngestProgress& p) {
  const double rate =
      p.seconds > 0 ? static_cast<double>(p.read) / p.seconds : 0;
  std::string line = "\r\x1b[Kingest: " + WithThousands(p.read) + " docs";
  if (p.duplicates || p.malformed) {
    line += " (" + WithThousands(p.duplicates) + " dup, " +
            WithThousands(p.malformed) + " bad)";
  }
  if (p.resumed) line += ", " + WithThousands(p.resumed) + " resumed";
  char buf[128];
  if (p.bytes_total > 0) {
    std::snprintf(buf, sizeof(buf), "  %.1f/%.1f MB", p.bytes_read / 1e6,
                  p.bytes_total / 1e6);
  } else {
    std::snprintf(buf, sizeof(buf), "  %.1f MB", p.bytes_read / 1e6);
  }
  line += buf;
  std::snprintf(buf, sizeof(buf), "  %.0f docs/s", rate);
  line += buf;
  if (p.bytes_total > 0 && p.bytes_read > 0 && p.bytes_read < p.bytes_total &&
      p.seconds > 1) {
    const double bps = static_cast<double>(p.bytes_read) / p.seconds;
    line += "  ETA " +
            Clock(static_cast<double>(p.bytes_total - p.bytes_read) / bps);
  }
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void PrintSummary(const IngestSummary& s, const std::string& db, bool json) {
  if (json) {
    nlohmann::json j;
    j["db"] = db;
    j["read"] = s.read;
    j["stored"] = s.stored;
    j["duplicates"] = s.duplicates;
    j["malformed"] = s.malformed;
    j["skipped"] = s.skipped;
    j["resumed"] = s.resumed;
    j["bytes"] = s.bytes_read;
    j["seconds"] = s.seconds;
    j["interrupted"] = s.interrupted;
    nlohmann::json problems = nlohmann::json::array();
    for (const Diagnostic& d : s.problems) {
      problems.push_back({{"code", d.code}, {"message", d.message}});
    }
    j["problems"] = std::move(problems);
    std::string out =
        j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::fputs(out.c_str(), stdout);
    return;
  }
  char rate[64];
  std::snprintf(rate, sizeof(rate), "%.1f docs/s",
                s.seconds > 0 ? static_cast<double>(s.read) / s.seconds : 0.0);
  std::printf(
      "%s %s: %s read, %s stored, %s exact duplicates skipped, %s "
      "malformed",
      s.interrupted ? "interrupted, committed to" : "ingested into", db.c_str(),
      WithThousands(s.read).c_str(), WithThousands(s.stored).c_str(),
      WithThousands(s.duplicates).c_str(), WithThousands(s.malformed).c_str());
  if (s.skipped) std::printf(", %s skipped", WithThousands(s.skipped).c_str());
  if (s.resumed) {
    std::printf(", %s already stored by an earlier run",
                WithThousands(s.resumed).c_str());
  }
  std::printf(" (%.1f MB in %s, %s)\n", s.bytes_read / 1e6,
              Clock(s.seconds).c_str(), rate);
  for (const Diagnostic& d : s.problems) {
    std::printf("  malformed: %s\n", d.message.c_str());
  }
  if (s.malformed > s.problems.size()) {
    std::printf("  ... and %s more\n",
                WithThousands(s.malformed - s.problems.size()).c_str());
  }
  if (s.interrupted) std::printf("  re-run the same command to resume\n");
}

int Run(const IngestFlags& f) {
  IngestOptions options;
  options.threads = f.threads;
  options.batch_documents = f.batch > 0 ? f.batch : 1;
  options.resume = !f.no_resume;
  options.reader.strict = f.strict;
  options.reader.label = f.label;
  options.reader.max_bytes = f.max_bytes;
  options.analyze.extract.strict = f.strict;
  options.analyze.extract.detect_language = !f.no_language;
  if (f.format == "text") options.analyze.extract.format = Format::kText;
  if (f.format == "html") options.analyze.extract.format = Format::kHtml;
  for (const std::string& spec : f.fields) {
    Status s = options.reader.fields.Apply(spec);
    if (!s.ok()) {
      PrintError("--field", s);
      return kExitUsage;
    }
  }
  std::vector<std::string> paths = f.paths;
  if (paths.empty()) {
    if (::isatty(STDIN_FILENO)) {
      std::fprintf(stderr,
                   "newstrace: ingest: no input (give PATH... or - for "
                   "standard input)\n");
      return kExitUsage;
    }
    paths.push_back("-");
  }
  std::vector<std::string> model_files;
  if (!f.models.empty()) {
    if (int code = LoadNamedModels(f.models, /*bundled_by_default=*/false,
                                   "ingest", &options.models, &model_files);
        code != kExitOk) {
      return code;
    }
  }
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/false, &exit_code);
  if (corpus == nullptr) return exit_code;
  for (size_t i = 0; i < options.models.size(); ++i) {
    Status s =
        corpus->RegisterModel(DescribeModel(options.models[i], model_files[i]));
    if (!s.ok()) {
      PrintError("--model " + model_files[i], s);
      return s.code() == StatusCode::kInvalidArgument ? kExitUsage
                                                      : ExitCodeFor(s);
    }
  }

  const bool show_progress = !f.quiet && ::isatty(STDERR_FILENO);
  if (show_progress) options.progress = &PrintProgress;
  g_stop.store(false);
  options.stop = &g_stop;
  auto old_int = std::signal(SIGINT, OnInterrupt);
  auto old_term = std::signal(SIGTERM, OnInterrupt);
  Result<IngestSummary> summary = IngestPaths(paths, corpus.get(), options);
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  if (show_progress) std::fputs("\r\x1b[K", stderr);
  if (!summary.ok()) {
    PrintError("ingest", summary.status());
    return ExitCodeFor(summary.status());
  }
  if (!f.quiet || f.json) PrintSummary(*summary, f.db, f.json);
  std::fflush(stdout);
  return summary->interrupted ? kExitInterrupted : kExitOk;
}

}  // namespace

Runner AddIngestCommand(CLI::App* app) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app->add_subcommand(
      "ingest",
      "Read documents (files, directories, JSONL, CSV, JSON, WARC, stdin), "
      "analyze them in parallel and store them in a corpus");
  cmd->add_option("paths", flags->paths,
                  "Inputs: files, directories (recursive), - for stdin");
  cmd->add_option("--db", flags->db, "The corpus file (created if missing)")
      ->required();
  cmd->add_option("--threads", flags->threads,
                  "Analysis threads (0: every core)")
      ->capture_default_str();
  cmd->add_option("--field", flags->fields,
                  "Field names of JSON/JSONL/CSV records, e.g. "
                  "text=content,title=headline (targets: text, html, title, "
                  "url, published, domain, authors, label, fetched)");
  cmd->add_option("--label", flags->label,
                  "A label for every document that has none");
  cmd->add_option("--format", flags->format, "Syntax of the documents' text")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->capture_default_str();
  cmd->add_flag("--strict", flags->strict,
                "Stop at the first malformed record or document");
  cmd->add_flag("--no-resume", flags->no_resume,
                "Re-read inputs an earlier run committed (duplicates are "
                "still stored once)");
  cmd->add_flag("--no-language", flags->no_language,
                "Skip language identification");
  cmd->add_option("--max-bytes", flags->max_bytes,
                  "Largest document or record, in bytes")
      ->capture_default_str();
  cmd->add_option("--batch", flags->batch, "Documents per transaction")
      ->capture_default_str();
  cmd->add_option("--model", flags->models,
                  "Score each document with this classifier and store the "
                  "scores (PATH, NAME=PATH, or 'bundled'; repeatable); "
                  "search --score filters on them")
      ->allow_extra_args(false);
  cmd->add_flag("--json", flags->json, "Print the summary as JSON");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress and no summary");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
