// newstrace demo: the main job on the bundled example articles.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
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
};

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
  }
  return exit_code;
}

}  // namespace

Runner AddDemoCommand(CLI::App* app) {
  auto flags = std::make_shared<DemoFlags>();
  CLI::App* cmd = app->add_subcommand(
      "demo", "Analyze the bundled example articles and print a report each");
  cmd->add_option("--dir", flags->dir, "Folder of example articles")
      ->capture_default_str();
  cmd->add_flag("--json", flags->json, "JSON records instead of reports");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
