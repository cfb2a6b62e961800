// newstrace export --db corpus.db [--query Q] --format jsonl|csv: stored
// documents out, in a form `ingest` reads back (same ids, same fields).
#include <cstdio>
#include <memory>
#include <string>

#include "base/dates.h"
#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "newstrace/corpus.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {
namespace {

struct ExportFlags {
  std::string db;
  std::string format = "jsonl";
  std::string query;
  std::string domain;
  std::string since;
  std::string until;
  std::string output = "-";
  size_t limit = 0;
};

// The exported columns, in order. `text` is the stored normalized text, so
// a re-ingest computes the same content id.
constexpr const char* kColumns[] = {"id",      "url",       "domain",   "title",
                                    "authors", "published", "language", "label",
                                    "fetched", "text"};

std::string JoinAuthors(const std::vector<std::string>& authors) {
  std::string out;
  for (const std::string& a : authors) {
    if (!out.empty()) out += "; ";
    out += a;
  }
  return out;
}

std::string CsvField(const std::string& v) {
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string Line(const Record& r, bool csv) {
  const Article& a = r.article;
  if (csv) {
    const std::string values[] = {
        a.id,       a.source.url,           a.source.domain,
        a.title,    JoinAuthors(a.authors), a.published,
        a.language, a.source.label,         a.source.fetched,
        a.text};
    std::string out;
    for (size_t i = 0; i < std::size(values); ++i) {
      if (i > 0) out += ',';
      out += CsvField(values[i]);
    }
    return out + "\r\n";
  }
  // The JSON Lines export is the record itself (ARCHITECTURE.md: the
  // export's line is the record); ingest reads its fields back.
  return RecordToJson(r, JsonOptions()) + "\n";
}

int Run(ExportFlags f) {
  for (std::string* d : {&f.since, &f.until}) {
    if (d->empty()) continue;
    std::optional<std::string> iso = base::ParseDate(*d);
    if (!iso) {
      std::fprintf(stderr, "newstrace: usage: '%s' is not a date\n",
                   d->c_str());
      return kExitUsage;
    }
    *d = *iso;
  }
  const bool filtered =
      !f.domain.empty() || !f.since.empty() || !f.until.empty();
  if (filtered && f.query.empty()) {
    std::fprintf(
        stderr,
        "newstrace: usage: --domain/--since/--until filter a --query\n");
    return kExitUsage;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/true, &exit_code);
  if (corpus == nullptr) return exit_code;
  std::FILE* out = stdout;
  if (f.output != "-") {
    out = std::fopen(f.output.c_str(), "wb");
    if (out == nullptr) {
      PrintError(f.output, Status::IoError("cannot write"));
      return kExitInputMissing;
    }
  }
  const bool csv = f.format == "csv";
  if (csv) {
    std::string header;
    for (const char* c : kColumns) {
      if (!header.empty()) header += ',';
      header += c;
    }
    header += "\r\n";
    std::fputs(header.c_str(), out);
  }
  uint64_t written = 0;
  bool write_failed = false;
  auto emit = [&](const Record& r) {
    std::string line = Line(r, csv);
    if (std::fwrite(line.data(), 1, line.size(), out) != line.size()) {
      write_failed = true;
      return false;
    }
    ++written;
    return f.limit == 0 || written < f.limit;
  };
  Status status;
  if (f.query.empty()) {
    status = corpus->ForEach(emit);
  } else {
    SearchQuery q;
    q.text = f.query;
    q.domain = f.domain;
    q.since = f.since;
    q.until = f.until;
    q.limit = f.limit > 0 ? f.limit : size_t{1} << 40;
    Result<std::vector<SearchHit>> hits = corpus->Search(q);
    status = hits.status();
    if (hits.ok()) {
      for (const SearchHit& h : *hits) {
        Result<std::optional<Record>> r = corpus->Get(h.id);
        if (!r.ok()) {
          status = r.status();
          break;
        }
        if (r->has_value() && !emit(**r)) break;
      }
    }
  }
  if (std::fflush(out) != 0) write_failed = true;
  if (out != stdout && std::fclose(out) != 0) write_failed = true;
  if (!status.ok()) {
    PrintError("export", status);
    return ExitCodeFor(status);
  }
  if (write_failed) {
    PrintError(f.output == "-" ? "<stdout>" : f.output,
               Status::IoError("write failed"));
    return kExitInternal;
  }
  if (f.output != "-") {
    std::fprintf(stderr, "exported %s documents to %s\n",
                 WithThousands(written).c_str(), f.output.c_str());
  }
  return kExitOk;
}

}  // namespace

Runner AddExportCommand(CLI::App* app) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app->add_subcommand(
      "export",
      "Write stored documents (all, or a query's hits) as JSON Lines or CSV "
      "that ingest reads back");
  cmd->add_option("--db", flags->db, "The corpus file")->required();
  cmd->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"jsonl", "csv"}))
      ->capture_default_str();
  cmd->add_option("--query", flags->query, "Only the hits of this search");
  cmd->add_option("--domain", flags->domain, "With --query: only this domain");
  cmd->add_option("--since", flags->since, "With --query: published since");
  cmd->add_option("--until", flags->until, "With --query: published until");
  cmd->add_option("--limit", flags->limit, "Most documents (0: all)")
      ->capture_default_str();
  cmd->add_option("-o,--output", flags->output, "Output file (- : stdout)")
      ->capture_default_str();
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
