// Rendering trace results (pipeline.h) for people and as JSON; shared by
// the trace, dupes and demo verbs.
#ifndef NEWSTRACE_CLI_TRACE_RENDER_H_
#define NEWSTRACE_CLI_TRACE_RENDER_H_

#include <nlohmann/json.hpp>
#include <string>

#include "newstrace/pipeline.h"

namespace newstrace::cli {

struct TraceRenderOptions {
  bool color = false;         // ANSI styles
  bool side_by_side = false;  // changed runs in two columns
  size_t width = 100;         // columns for side by side
  size_t max_runs = 40;       // changed runs shown per match
};

// The readable trace report.
std::string RenderTrace(const TraceReport& report,
                        const TraceRenderOptions& options);
// The trace report as JSON (docs/format/record.md, "Trace").
nlohmann::json TraceToJson(const TraceReport& report);

// One group of `dupes`, readable or as JSON.
std::string RenderDupeGroup(const DupeGroup& group, uint64_t number,
                            bool color);
nlohmann::json DupeGroupToJson(const DupeGroup& group, uint64_t number);

}  // namespace newstrace::cli

#endif  // NEWSTRACE_CLI_TRACE_RENDER_H_
