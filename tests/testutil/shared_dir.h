// Where the shared data lives for tests that use it: $NEWSTRACE_SHARED, or
// ../shared beside the source tree. Tests skip when it is absent.
#ifndef NEWSTRACE_TESTS_TESTUTIL_SHARED_DIR_H_
#define NEWSTRACE_TESTS_TESTUTIL_SHARED_DIR_H_

#include <cstdlib>
#include <filesystem>

namespace newstrace::testutil {

inline std::filesystem::path SharedDir() {
  if (const char* env = std::getenv("NEWSTRACE_SHARED")) return env;
  return std::filesystem::path(NEWSTRACE_SOURCE_DIR) / ".." / "shared";
}

}  // namespace newstrace::testutil

#endif  // NEWSTRACE_TESTS_TESTUTIL_SHARED_DIR_H_
