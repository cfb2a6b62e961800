// newstrace search QUERY --db corpus.db: full-text search, best first.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "base/dates.h"
#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "newstrace/corpus.h"

namespace newstrace::cli {
namespace {

struct SearchFlags {
  std::string query;
  std::string db;
  std::string domain;
  std::string since;
  std::string until;
  size_t limit = 20;
  bool json = false;
};

// A --since/--until value as YYYY-MM-DD, or empty with an error printed.
bool NormalizeDate(const std::string& flag, std::string* value) {
  if (value->empty()) return true;
  std::optional<std::string> iso = base::ParseDate(*value);
  if (!iso) {
    std::fprintf(stderr, "newstrace: usage: %s: '%s' is not a date\n",
                 flag.c_str(), value->c_str());
    return false;
  }
  *value = *iso;
  return true;
}

int Run(SearchFlags f) {
  if (!NormalizeDate("--since", &f.since) ||
      !NormalizeDate("--until", &f.until)) {
    return kExitUsage;
  }
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/true, &exit_code);
  if (corpus == nullptr) return exit_code;
  const bool tty = ::isatty(STDOUT_FILENO);
  SearchQuery q;
  q.text = f.query;
  q.domain = f.domain;
  q.since = f.since;
  q.until = f.until;
  q.limit = f.limit;
  if (f.json) {
    q.mark_begin = "<mark>";
    q.mark_end = "</mark>";
  } else if (tty) {
    q.mark_begin = "\x1b[1;33m";
    q.mark_end = "\x1b[0m";
  } else {
    q.mark_begin = "[";
    q.mark_end = "]";
  }
  Result<std::vector<SearchHit>> hits = corpus->Search(q);
  if (!hits.ok()) {
    PrintError("search", hits.status());
    return hits.status().code() == StatusCode::kInvalidArgument
               ? kExitUsage
               : ExitCodeFor(hits.status());
  }
  std::string out;
  for (const SearchHit& h : *hits) {
    if (f.json) {
      nlohmann::json j;
      j["id"] = DocIdToString(h.id);
      j["score"] = h.score;
      if (!h.title.empty()) j["title"] = h.title;
      if (!h.url.empty()) j["url"] = h.url;
      if (!h.domain.empty()) j["domain"] = h.domain;
      if (!h.published.empty()) j["published"] = h.published;
      j["snippet"] = h.snippet;
      out += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      out += '\n';
      continue;
    }
    char score[32];
    std::snprintf(score, sizeof(score), "%.2f", h.score);
    out +=
        (tty ? "\x1b[2m" : "") + DocIdToString(h.id) + (tty ? "\x1b[0m" : "");
    out += "  " + (h.title.empty() ? std::string("(no title)") : h.title);
    out += "\n    ";
    if (!h.domain.empty()) out += h.domain + "  ";
    if (!h.published.empty()) out += h.published + "  ";
    out += "score " + std::string(score) + "\n    ";
    for (char c : h.snippet) out += c == '\n' ? ' ' : c;
    out += "\n\n";
  }
  if (!f.json && hits->empty()) out = "no matches\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return kExitOk;
}

}  // namespace

Runner AddSearchCommand(CLI::App* app) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* cmd = app->add_subcommand(
      "search",
      "Full-text search of a corpus' titles and bodies (BM25 ranking; "
      "words, \"phrases\", AND/OR/NOT, prefix*)");
  cmd->add_option("query", flags->query, "What to look for")->required();
  cmd->add_option("--db", flags->db, "The corpus file")->required();
  cmd->add_option("--domain", flags->domain, "Only documents of this domain");
  cmd->add_option("--since", flags->since,
                  "Only documents published on or after this date");
  cmd->add_option("--until", flags->until,
                  "Only documents published on or before this date");
  cmd->add_option("--limit", flags->limit, "Most hits shown")
      ->capture_default_str();
  cmd->add_flag("--json", flags->json, "One JSON object per hit");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
