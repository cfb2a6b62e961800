// File and stream reading with a size cap. The only place (with the CLI's
// output) where newstrace touches the file system.
#ifndef NEWSTRACE_BASE_FILE_IO_H_
#define NEWSTRACE_BASE_FILE_IO_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "newstrace/result.h"

namespace newstrace::base {

// Reads the whole file at `path`. Fails with kNotFound when it does not
// exist, kInvalidArgument for a directory, kIoError when it cannot be read,
// and kResourceExhausted when it is larger than `max_bytes`.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes);

// Reads `stream` to its end, failing with kResourceExhausted past
// `max_bytes`. Does not close the stream.
Result<std::string> ReadStream(std::FILE* stream, size_t max_bytes);

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_FILE_IO_H_
