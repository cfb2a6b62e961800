// The wall clock, through base like every other system access.
#ifndef NEWSTRACE_BASE_CLOCK_H_
#define NEWSTRACE_BASE_CLOCK_H_

#include <string>

namespace newstrace::base {

// Now in UTC as ISO 8601 with seconds: "2026-11-25T16:02:45Z".
std::string NowUtcIso();

// Seconds on a monotonic clock, for rates and progress.
double MonotonicSeconds();

}  // namespace newstrace::base

#endif  // NEWSTRACE_BASE_CLOCK_H_
