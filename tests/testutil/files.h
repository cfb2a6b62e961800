// Files the tests read: whole files, and the golden HTML inputs.
#ifndef NEWSTRACE_TESTS_TESTUTIL_FILES_H_
#define NEWSTRACE_TESTS_TESTUTIL_FILES_H_

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file_io.h"

namespace newstrace::testutil {

// The bytes of the file at `path`; empty when it cannot be read (a test
// then fails on the content it expected).
inline std::string ReadWholeFile(const std::filesystem::path& path) {
  Result<std::string> r = base::ReadFile(path.string(), SIZE_MAX);
  return r.ok() ? std::move(*r) : std::string();
}

// Every tests/golden/**/input.html, sorted: a sample of real-looking pages.
// Empty when the folder is absent.
inline std::vector<std::filesystem::path> GoldenHtmlInputs() {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(NEWSTRACE_SOURCE_DIR) / "tests" / "golden";
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.path().filename() == "input.html") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace newstrace::testutil

#endif  // NEWSTRACE_TESTS_TESTUTIL_FILES_H_
