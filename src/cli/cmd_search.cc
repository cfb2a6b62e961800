// newstrace search QUERY --db corpus.db: full-text search, best first.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
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
  std::vector<std::string> scores;
  std::optional<double> min_prob;
  bool json = false;
};

// A --score value: MODEL:LABEL or MODEL:LABEL>=P. Prints a usage line and
// returns nullopt when malformed.
std::optional<ScoreFilter> ParseScoreFilter(const std::string& spec,
                                            std::optional<double> min_prob) {
  auto bad = [&](const char* why) {
    std::fprintf(stderr,
                 "newstrace: usage: --score '%s': %s (MODEL:LABEL or "
                 "'MODEL:LABEL>=P')\n",
                 spec.c_str(), why);
    return std::optional<ScoreFilter>();
  };
  ScoreFilter f;
  std::string rest = spec;
  if (size_t ge = rest.find(">="); ge != std::string::npos) {
    const std::string p = rest.substr(ge + 2);
    char* end = nullptr;
    const double v = std::strtod(p.c_str(), &end);
    if (p.empty() || end != p.c_str() + p.size() || !(v >= 0 && v <= 1)) {
      return bad("the threshold is a probability, 0 to 1");
    }
    f.min_probability = v;
    rest.resize(ge);
  } else {
    f.min_probability = min_prob;
  }
  const size_t colon = rest.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size()) {
    return bad("name a model and a label");
  }
  f.model = rest.substr(0, colon);
  f.label = rest.substr(colon + 1);
  return f;
}

// "clickbait: clickbait 0.93, credibility: fake 0.71"
std::string ScoresLine(const std::vector<ModelScore>& scores) {
  std::string out;
  for (const ModelScore& m : scores) {
    char p[32];
    std::snprintf(p, sizeof(p), "%.2f", m.probability);
    out += (out.empty() ? "" : ", ") + m.model + ": " + m.label + " " + p;
  }
  return out;
}

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
  if (f.min_prob && !(*f.min_prob >= 0 && *f.min_prob <= 1)) {
    std::fprintf(stderr,
                 "newstrace: usage: --min-prob is a probability, 0 to 1\n");
    return kExitUsage;
  }
  if (f.min_prob && f.scores.empty()) {
    std::fprintf(stderr,
                 "newstrace: usage: --min-prob applies to --score filters: "
                 "give one\n");
    return kExitUsage;
  }
  if (f.query.find_first_not_of(" \t\n") == std::string::npos &&
      f.scores.empty()) {
    std::fprintf(stderr,
                 "newstrace: usage: search: give words to look for, or a "
                 "--score filter\n");
    return kExitUsage;
  }
  std::vector<ScoreFilter> filters;
  for (const std::string& spec : f.scores) {
    std::optional<ScoreFilter> filter = ParseScoreFilter(spec, f.min_prob);
    if (!filter) return kExitUsage;
    filters.push_back(std::move(*filter));
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
  q.scores = std::move(filters);
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
      if (!h.scores.empty()) {
        nlohmann::json scores = nlohmann::json::object();
        for (const ModelScore& m : h.scores) {
          scores[m.model] = {{"label", m.label},
                             {"probability", m.probability}};
        }
        j["scores"] = std::move(scores);
      }
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
    out += (f.query.empty() ? "probability " : "score ") + std::string(score) +
           "\n    ";
    if (!h.scores.empty()) out += ScoresLine(h.scores) + "\n    ";
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
  cmd->add_option("query", flags->query,
                  "What to look for (may be omitted with --score)");
  cmd->add_option("--db", flags->db, "The corpus file")->required();
  cmd->add_option("--domain", flags->domain, "Only documents of this domain");
  cmd->add_option("--since", flags->since,
                  "Only documents published on or after this date");
  cmd->add_option("--until", flags->until,
                  "Only documents published on or before this date");
  cmd->add_option("--limit", flags->limit, "Most hits shown")
      ->capture_default_str();
  cmd->add_option("--score", flags->scores,
                  "Only documents a stored model scored so: MODEL:LABEL (its "
                  "most probable label) or 'MODEL:LABEL>=P'; repeatable, all "
                  "must hold")
      ->allow_extra_args(false);
  cmd->add_option("--min-prob", flags->min_prob,
                  "For --score filters without >=P: at least this "
                  "probability of the label instead of it being the most "
                  "probable");
  cmd->add_flag("--json", flags->json, "One JSON object per hit");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
