// newstrace analyze [FILE...|-]: one raw article in, one record out.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "newstrace/ingest.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {
namespace {

struct AnalyzeFlags {
  std::vector<std::string> files;
  std::string format = "auto";
  std::string url;
  bool json = false;
  bool report = false;
  bool pretty = false;
  bool strict = false;
  bool no_language = false;
  bool no_quotes = false;
  bool no_entities = false;
  bool no_figures = false;
  bool no_signals = false;
  size_t max_bytes = size_t{64} << 20;
  size_t max_depth = 512;
};

int Run(const AnalyzeFlags& f) {
  std::vector<std::string> files = f.files;
  if (files.empty()) {
    if (::isatty(STDIN_FILENO)) {
      std::fprintf(stderr,
                   "newstrace: analyze: no input (give FILE... or - for "
                   "standard input)\n");
      return kExitUsage;
    }
    files.push_back("-");
  }
  const bool tty = ::isatty(STDOUT_FILENO);
  const bool as_report = f.report || (!f.json && tty);

  AnalyzeOptions options;
  options.extract.strict = f.strict;
  options.extract.max_html_depth = f.max_depth;
  options.extract.detect_language = !f.no_language;
  options.analysis.quotes = !f.no_quotes;
  options.analysis.entities = !f.no_entities;
  options.analysis.figures = !f.no_figures;
  options.analysis.signals = !f.no_signals;
  if (f.format == "text") options.extract.format = Format::kText;
  if (f.format == "html") options.extract.format = Format::kHtml;
  ReadOptions read_options;
  read_options.max_bytes = f.max_bytes;
  JsonOptions json_options;
  json_options.pretty = f.pretty;

  int exit_code = kExitOk;
  for (const std::string& path : files) {
    Result<RawDoc> doc = ReadDocument(path, read_options);
    Status failure;
    if (!doc.ok()) {
      failure = doc.status();
    } else {
      doc->source.url = f.url;
      Result<Record> record = AnalyzeDocument(*doc, options);
      if (!record.ok()) {
        failure = record.status();
      } else {
        std::string out = as_report ? RenderReport(*record, tty)
                                    : RecordToJson(*record, json_options);
        out += '\n';
        std::fwrite(out.data(), 1, out.size(), stdout);
      }
    }
    if (!failure.ok()) {
      PrintError(path == "-" ? "<stdin>" : path, failure);
      if (exit_code == kExitOk) exit_code = ExitCodeFor(failure);
    }
  }
  std::fflush(stdout);
  return exit_code;
}

}  // namespace

Runner AddAnalyzeCommand(CLI::App* app) {
  auto flags = std::make_shared<AnalyzeFlags>();
  CLI::App* cmd = app->add_subcommand(
      "analyze",
      "Clean one or more raw articles (text or HTML) into records: JSON "
      "(one per line) or a readable report");
  cmd->add_option("files", flags->files,
                  "Input files; - reads standard input (default when piped)");
  cmd->add_option("--format", flags->format, "Input syntax")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->capture_default_str();
  cmd->add_option("--url", flags->url,
                  "The page's URL (sets url and domain in the record)");
  auto* json = cmd->add_flag("--json", flags->json,
                             "JSON record per line (default when piped)");
  cmd->add_flag("--report", flags->report,
                "Readable report (default on a terminal)")
      ->excludes(json);
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON");
  cmd->add_flag("--strict", flags->strict,
                "Reject input that needs repair (invalid UTF-8, NUL bytes)");
  cmd->add_flag("--no-language", flags->no_language,
                "Skip language identification");
  cmd->add_flag("--no-quotes", flags->no_quotes,
                "Skip quotations and their speakers");
  cmd->add_flag("--no-entities", flags->no_entities,
                "Skip people, organizations and places (quote speakers "
                "then keep the name as written, unresolved pronouns and "
                "roles stay unresolved)");
  cmd->add_flag("--no-figures", flags->no_figures, "Skip numbers and dates");
  cmd->add_flag("--no-signals", flags->no_signals,
                "Skip the style signals (headline style, clickbait, "
                "sourcing, readability; docs/format/signals.md)");
  cmd->add_option("--max-bytes", flags->max_bytes,
                  "Largest input accepted, in bytes")
      ->capture_default_str();
  cmd->add_option("--max-depth", flags->max_depth,
                  "Deepest HTML nesting walked; deeper content is dropped "
                  "with a diagnostic")
      ->capture_default_str();
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
