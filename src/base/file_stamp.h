// Identity and size of input files, for resuming and progress reports.
#ifndef NEWSTRACE_BASE_FILE_STAMP_H_
#define NEWSTRACE_BASE_FILE_STAMP_H_

#include <cstdint>
#include <string>

namespace newstrace::base {

// "SIZE:MTIME_NS" of the regular file at `path`: it changes when the file is
// rewritten. Empty when `path` is not a regular file (or is "-").
std::string FileStamp(const std::string& path);

// Bytes of the regular file at `path`, or of every regular file below a
// directory (recursively, hidden entries skipped). 0 when unknown.
uint64_t TotalBytes(const std::string& path);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_FILE_STAMP_H_
