// newstrace show ID --db corpus.db: one stored record, as a report or JSON.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/corpus_flags.h"
#include "newstrace/corpus.h"
#include "newstrace/pipeline.h"

namespace newstrace::cli {
namespace {

struct ShowFlags {
  std::string id;
  std::string db;
  bool json = false;
  bool report = false;
  bool pretty = false;
};

int Run(const ShowFlags& f) {
  int exit_code = kExitOk;
  std::unique_ptr<Corpus> corpus =
      OpenCorpusOrReport(f.db, /*read_only=*/true, &exit_code);
  if (corpus == nullptr) return exit_code;
  // Like git, any unambiguous prefix of an id will do.
  Result<std::vector<DocId>> ids = corpus->FindByPrefix(f.id, 2);
  if (!ids.ok()) {
    PrintError("show", ids.status());
    return kExitUsage;
  }
  if (ids->empty()) {
    PrintError("show", Status::NotFound("no document with id " + f.id));
    return kExitInputMissing;
  }
  if (ids->size() > 1) {
    PrintError("show",
               Status::InvalidArgument("id prefix " + f.id + " is ambiguous (" +
                                       DocIdToString((*ids)[0]) + ", " +
                                       DocIdToString((*ids)[1]) + ", ...)"));
    return kExitUsage;
  }
  Result<std::optional<Record>> record = corpus->Get((*ids)[0]);
  if (!record.ok() || !record->has_value()) {
    Status s =
        record.ok() ? Status::NotFound("document vanished") : record.status();
    PrintError("show", s);
    return ExitCodeFor(s);
  }
  const bool tty = ::isatty(STDOUT_FILENO);
  const bool as_report = f.report || (!f.json && tty);
  JsonOptions jo;
  jo.pretty = f.pretty;
  std::string out =
      as_report ? RenderReport(**record, tty) : RecordToJson(**record, jo);
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return kExitOk;
}

}  // namespace

Runner AddShowCommand(CLI::App* app) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* cmd = app->add_subcommand(
      "show", "One stored record: a readable report or its JSON");
  cmd->add_option("id", flags->id, "Document id (any unambiguous prefix)")
      ->required();
  cmd->add_option("--db", flags->db, "The corpus file")->required();
  auto* json = cmd->add_flag("--json", flags->json,
                             "The JSON record (default when piped)");
  cmd->add_flag("--report", flags->report,
                "Readable report (default on a terminal)")
      ->excludes(json);
  cmd->add_flag("--pretty", flags->pretty, "Indent the JSON");
  return [flags] { return Run(*flags); };
}

}  // namespace newstrace::cli
