// The CLI's verbs. Each cmd_<verb>.cc registers its subcommand on the app and
// runs it; main.cc only dispatches. Exit codes are documented in README.md.
#ifndef NEWSTRACE_CLI_COMMANDS_H_
#define NEWSTRACE_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "newstrace/document.h"
#include "newstrace/status.h"

namespace newstrace::cli {

// Exit codes (README.md, "Exit codes").
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInputMissing = 3;   // not found, unreadable
inline constexpr int kExitBadInput = 4;       // empty, binary, malformed
inline constexpr int kExitCapHit = 5;         // a size or depth cap
inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C / SIGTERM

// The exit code for a failed status.
int ExitCodeFor(const Status& status);

// Prints "newstrace: <what>: <message>" on stderr (one line).
void PrintError(const std::string& what, const Status& status);

// Registers a verb; the returned function runs it after parsing and returns
// the process exit code.
using Runner = std::function<int()>;
Runner AddAnalyzeCommand(CLI::App* app);
Runner AddDemoCommand(CLI::App* app);
Runner AddIngestCommand(CLI::App* app);
Runner AddSearchCommand(CLI::App* app);
Runner AddShowCommand(CLI::App* app);
Runner AddExportCommand(CLI::App* app);
Runner AddStatsCommand(CLI::App* app);
Runner AddTraceCommand(CLI::App* app);
Runner AddDupesCommand(CLI::App* app);
Runner AddMergeCommand(CLI::App* app);
Runner AddTrainCommand(CLI::App* app);
Runner AddEvalCommand(CLI::App* app);
Runner AddScoreCommand(CLI::App* app);

// The readable report of one record (cli/report.cc). `color`: ANSI styles.
std::string RenderReport(const Record& record, bool color);

}  // namespace newstrace::cli

#endif  // NEWSTRACE_CLI_COMMANDS_H_
