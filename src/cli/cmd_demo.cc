// newstrace demo: the main job on the bundled example articles.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "cli/trace_render.h"
#include "newstrace/corpus.h"
#include "newstrace/ingest.h"
#include "newstrace/pipeline.h"

#ifndef NEWSTRACE_EXAMPLES_DIR
#define NEWSTRACE_EXAMPLES_DIR "examples"
#endif

namespace newstrace::cli {
namespace {

struct DemoFlags {
  std::string dir = NEWSTRACE_EXAMPLES_DIR;
  bool json = false;
  std::string db;  // empty: a temporary corpus, removed afterwards
  std::string query = "harbour";
};

// Part two of the demo: the examples into a corpus, a search, and the trace
// of the first example that has a near copy in the corpus.
int CorpusDemo(const DemoFlags& f, const std::vector<std::string>& files,
               const std::vector<Record>& records, bool color) {
  namespace fs = std::filesystem;
  std::string db = f.db;
  fs::path temp_dir;
  if (db.empty()) {
    std::error_code ec;
    temp_dir = fs::temp_directory_path(ec) /
               ("newstrace-demo-" + std::to_string(::getpid()));
    fs::create_directories(temp_dir, ec);
    db = (temp_dir / "demo.db").string();
  }
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(db, /*read_only=*/false, &exit_code);
  if (corpus == nullptr) return exit_code;
  IngestOptions options;
  options.resume = false;
  Result<IngestSummary> summary = IngestPaths(files, corpus.get(), options);
  if (!summary.ok()) {
    PrintError("demo", summary.status());
    return ExitCodeFor(summary.status());
  }
  const char* bold = color ? "\x1b[1m" : "";
  const char* plain = color ? "\x1b[0m" : "";
  std::printf("%s== corpus ==%s\n", bold, plain);
  std::printf(
      "newstrace ingest %s --db %s\n  %s read, %s stored, %s exact "
      "duplicates, %s malformed\n\n",
      f.dir.c_str(), f.db.empty() ? "(temporary)" : db.c_str(),
      WithThousands(summary->read).c_str(),
      WithThousands(summary->stored).c_str(),
      WithThousands(summary->duplicates).c_str(),
      WithThousands(summary->malformed).c_str());
  SearchQuery q;
  q.text = f.query;
  q.limit = 5;
  if (color) {
    q.mark_begin = "\x1b[1;33m";
    q.mark_end = "\x1b[0m";
  }
  Result<std::vector<SearchHit>> hits = corpus->Search(q);
  if (!hits.ok()) {
    PrintError("demo", hits.status());
    return ExitCodeFor(hits.status());
  }
  std::printf("newstrace search %s\n", f.query.c_str());
  for (const SearchHit& h : *hits) {
    std::string snippet = h.snippet;
    for (char& c : snippet) {
      if (c == '\n') c = ' ';
    }
    std::printf("  %s  %s\n    %s\n", DocIdToString(h.id).c_str(),
                h.title.c_str(), snippet.c_str());
  }
  if (hits->empty()) std::printf("  no matches\n");
  for (size_t i = 0; i < records.size(); ++i) {
    Result<TraceReport> report =
        TraceDocument(corpus.get(), records[i], TraceOptions());
    if (!report.ok()) {
      PrintError("demo", report.status());
      return ExitCodeFor(report.status());
    }
    if (report->matches.empty() || report->matches[0].relation != "near_copy") {
      continue;
    }
    TraceRenderOptions ro;
    ro.color = color;
    ro.max_runs = 8;
    std::printf("\nnewstrace trace %s\n%s",
                fs::path(files[i]).filename().c_str(),
                RenderTrace(*report, ro).c_str());
    break;
  }
  corpus.reset();
  if (!temp_dir.empty()) {
    std::error_code ec;
    fs::remove_all(temp_dir, ec);
  }
  return kExitOk;
}

int Run(const DemoFlags& f) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(f.dir, ec)) {
    PrintError("demo", Status::NotFound(f.dir + ": examples folder not found "
                                                "(give it with --dir)"));
    return kExitInputMissing;
  }
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(f.dir, ec)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() &&
        (ext == ".txt" || ext == ".html" || ext == ".htm")) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    PrintError("demo", Status::NotFound(f.dir + ": no example articles"));
    return kExitInputMissing;
  }
  const bool color = ::isatty(STDOUT_FILENO);
  int exit_code = kExitOk;
  std::vector<Record> records;  // for the trace; one per file
  std::vector<std::string> analyzed;
  for (const std::string& path : files) {
    Result<RawDoc> doc = ReadDocument(path, ReadOptions());
    Result<Record> record = doc.ok() ? AnalyzeDocument(*doc, AnalyzeOptions())
                                     : Result<Record>(doc.status());
    if (!record.ok()) {
      PrintError(path, record.status());
      exit_code = ExitCodeFor(record.status());
      continue;
    }
    std::string out = f.json ? RecordToJson(*record, JsonOptions())
                             : RenderReport(*record, color);
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
    records.push_back(std::move(*record));
    analyzed.push_back(path);
  }
  if (f.json) return exit_code;
  std::fflush(stdout);
  int corpus_code = CorpusDemo(f, analyzed, records, color);
  return exit_code != kExitOk ? exit_code : corpus_code;
}

}  // namespace

Runner AddDemoCommand(CLI::App* app) {
  auto flags = std::make_shared<DemoFlags>();
  CLI::App* cmd = app->add_subcommand(
      "demo",
      "Analyze the bundled example articles and print a report each, then "
      "store them in a corpus and search it");
  cmd->add_option("--dir", flags->dir, "Folder of example articles")
      ->capture_default_str();
  cmd->add_flag("--json", flags->json,
                "JSON records instead of reports (no corpus part)");
  cmd->add_option("--db", flags->db,
                  "Keep the demo corpus in this file (default: temporary)");
  cmd->add_option("--query", flags->query, "What the demo searches for")
      ->capture_default_str();
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
