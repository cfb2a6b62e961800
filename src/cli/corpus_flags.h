// Helpers shared by the verbs that work on a corpus (ingest, search, show,
// export, stats).
#ifndef NEWSTRACE_CLI_CORPUS_FLAGS_H_
#define NEWSTRACE_CLI_CORPUS_FLAGS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "newstrace/corpus.h"

namespace newstrace::cli {

// Opens the corpus at `db`, printing the one-line error and setting
// *exit_code when it fails (then returns null).
std::unique_ptr<Corpus> OpenCorpusOrReport(const std::string& db,
                                           bool read_only, int* exit_code);

// "12,345".
std::string WithThousands(uint64_t n);

// "1:02:03" or "2:03" for a duration in seconds.
std::string Clock(double seconds);

}  // namespace newstrace::cli

#endif  // NEWSTRACE_CLI_CORPUS_FLAGS_H_
