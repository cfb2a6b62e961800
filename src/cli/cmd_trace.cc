// newstrace trace FILE|ID --db corpus.db: the stored copies and reusers of
// one article, its origin, and what each copy changed.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "base/dates.h"
#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "cli/trace_render.h"
#include "newstrace/corpus.h"
#include "newstrace/ingest.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {
namespace {

struct TraceFlags {
  std::string input;
  std::string db;
  std::string format = "auto";
  std::string url;
  std::string published;
  double threshold = 0;
  double min_reuse = 0.2;
  size_t limit = 10;
  bool json = false;
  bool side_by_side = false;
  bool pretty = false;
};

// The query record: a file ("-" for stdin) analyzed, or a stored id.
// Returns the exit code on failure (after printing the error), 0 on success.
int LoadQuery(const TraceFlags& f, Corpus* corpus, Record* out) {
  std::error_code ec;
  if (f.input == "-" || std::filesystem::exists(f.input, ec)) {
    Result<RawDoc> doc = ReadDocument(f.input, ReadOptions());
    if (!doc.ok()) {
      PrintError(f.input, doc.status());
      return ExitCodeFor(doc.status());
    }
    doc->source.url = f.url;
    AnalyzeOptions options;
    if (f.format == "text") options.extract.format = Format::kText;
    if (f.format == "html") options.extract.format = Format::kHtml;
    Result<Record> r = AnalyzeDocument(*doc, options);
    if (!r.ok()) {
      PrintError(f.input, r.status());
      return ExitCodeFor(r.status());
    }
    *out = std::move(*r);
    return kExitOk;
  }
  Result<std::vector<DocId>> ids = corpus->FindByPrefix(f.input, 2);
  if (!ids.ok() || ids->empty()) {
    PrintError("trace", Status::NotFound("'" + f.input +
                                         "' is neither a file nor a stored "
                                         "document id"));
    return kExitInputMissing;
  }
  if (ids->size() > 1) {
    PrintError("trace", Status::InvalidArgument("id prefix " + f.input +
                                                " is ambiguous"));
    return kExitUsage;
  }
  Result<std::optional<Record>> r = corpus->Get((*ids)[0]);
  if (!r.ok() || !r->has_value()) {
    Status s = r.ok() ? Status::NotFound("document vanished") : r.status();
    PrintError("trace", s);
    return ExitCodeFor(s);
  }
  *out = std::move(**r);
  return kExitOk;
}

int Run(const TraceFlags& f) {
  if (f.threshold < 0 || f.threshold >= 1) {
    std::fprintf(stderr, "newstrace: usage: --threshold must be in [0, 1)\n");
    return kExitUsage;
  }
  std::string published;
  if (!f.published.empty()) {
    std::optional<std::string> iso = base::ParseDate(f.published);
    if (!iso) {
      std::fprintf(stderr,
                   "newstrace: usage: --published: '%s' is not a date\n",
                   f.published.c_str());
      return kExitUsage;
    }
    published = *iso;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/true, &exit_code);
  if (corpus == nullptr) return exit_code;
  Record query;
  exit_code = LoadQuery(f, corpus.get(), &query);
  if (exit_code != kExitOk) return exit_code;
  if (!published.empty()) query.article.published = published;

  TraceOptions options;
  options.threshold = f.threshold;
  options.min_reuse_share = f.min_reuse;
  options.limit = f.limit;
  Result<TraceReport> report = TraceDocument(corpus.get(), query, options);
  if (!report.ok()) {
    PrintError("trace", report.status());
    return ExitCodeFor(report.status());
  }
  const bool tty = ::isatty(STDOUT_FILENO);
  std::string out;
  if (f.json || !tty) {
    out = TraceToJson(*report).dump(f.pretty ? 2 : -1, ' ', false,
                                    nlohmann::json::error_handler_t::replace);
    out += '\n';
  } else {
    TraceRenderOptions ro;
    ro.color = tty;
    ro.side_by_side = f.side_by_side;
    struct winsize ws;
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 40) {
      ro.width = ws.ws_col;
    }
    out = RenderTrace(*report, ro);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return kExitOk;
}

}  // namespace

Runner AddTraceCommand(CLI::App* app) {
  auto flags = std::make_shared<TraceFlags>();
  CLI::App* cmd = app->add_subcommand(
      "trace",
      "Find the stored copies and partial reuses of an article, name the "
      "original and show what each copy changed");
  cmd->add_option("input", flags->input,
                  "An article file (text or HTML; - for standard input) or a "
                  "stored document id")
      ->required();
  cmd->add_option("--db", flags->db, "The corpus file")->required();
  cmd->add_option("--format", flags->format, "Input syntax of a file")
      ->check(CLI::IsMember({"auto", "text", "html"}))
      ->capture_default_str();
  cmd->add_option("--url", flags->url, "The file's URL (sets its domain)");
  cmd->add_option("--published", flags->published,
                  "The file's publication date, for choosing the origin");
  cmd->add_option("--threshold", flags->threshold,
                  "Jaccard similarity for a near copy (default: the corpus')");
  cmd->add_option("--min-reuse", flags->min_reuse,
                  "Share of the shorter article in reused passages for a "
                  "partial reuse")
      ->capture_default_str();
  cmd->add_option("--limit", flags->limit, "Most matches shown")
      ->capture_default_str();
  cmd->add_flag("--json", flags->json, "JSON (default when piped)");
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON");
  cmd->add_flag("--side-by-side", flags->side_by_side,
                "Show changed passages in two columns");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
