// newstrace <verb>: the command-line entry point.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/commands.h"

namespace newstrace::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kNotFound:
    case StatusCode::kIoError:
    case StatusCode::kInvalidArgument:
      return kExitInputMissing;
    case StatusCode::kCorruption:
    case StatusCode::kUnsupported:
      return kExitBadInput;
    case StatusCode::kResourceExhausted:
      return kExitCapHit;
    case StatusCode::kInternal:
      break;
  }
  return kExitInternal;
}

void PrintError(const std::string& what, const Status& status) {
  std::string line = "newstrace: " + what + ": " + status.message();
  // One line, always.
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  std::fprintf(stderr, "%s\n", line.c_str());
}

}  // namespace newstrace::cli

int main(int argc, char** argv) {
  using namespace newstrace::cli;
  CLI::App app{
      "newstrace: clean, extract, trace and score scraped news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("newstrace 0.1.0"));
  std::map<CLI::App*, Runner> runners;
  auto add = [&](Runner (*adder)(CLI::App*)) {
    size_t before = app.get_subcommands({}).size();
    Runner r = adder(&app);
    auto subs = app.get_subcommands({});
    if (subs.size() > before) runners[subs.back()] = std::move(r);
  };
  add(&AddAnalyzeCommand);
  add(&AddIngestCommand);
  add(&AddSearchCommand);
  add(&AddShowCommand);
  add(&AddExportCommand);
  add(&AddStatsCommand);
  add(&AddTraceCommand);
  add(&AddDupesCommand);
  add(&AddMergeCommand);
  add(&AddTrainCommand);
  add(&AddEvalCommand);
  add(&AddScoreCommand);
  add(&AddDemoCommand);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = e.what();
    for (char& c : what) {
      if (c == '\n') c = ' ';
    }
    std::fprintf(stderr, "newstrace: usage: %s (see newstrace --help)\n",
                 what.c_str());
    return kExitUsage;
  }
  for (auto& [sub, run] : runners) {
    if (sub->parsed()) {
      try {
        return run();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "newstrace: internal error: %s\n", e.what());
        return kExitInternal;
      }
    }
  }
  return kExitUsage;
}
