// Files the tests read: whole files, and the golden HTML inputs.
#ifndef NEWSTRACE_TESTS_TESTUTIL_FILES_H_
#define NEWSTRACE_TESTS_TESTUTIL_FILES_H_

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "newstrace/document.h"

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

// The case folders of tests/golden/<kind> (e.g. "extract", "analyze"),
// sorted by name.
inline std::vector<std::string> GoldenCases(const std::string& kind) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  const fs::path root = fs::path(NEWSTRACE_SOURCE_DIR) / "tests/golden" / kind;
  for (const auto& e : fs::directory_iterator(root, ec)) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A golden case's folder name as a test name (gtest allows [A-Za-z0-9_]).
inline std::string GoldenTestName(std::string name) {
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

// A golden case's input as a document: `dir`/input.txt (format text) or
// input.html (format html), its id the folder's name. False when the
// folder has neither.
inline bool ReadGoldenInput(const std::filesystem::path& dir, RawDoc* doc) {
  namespace fs = std::filesystem;
  doc->id = dir.filename().string();
  for (const auto& [name, format] : {std::pair{"input.txt", Format::kText},
                                     std::pair{"input.html", Format::kHtml}}) {
    if (!fs::exists(dir / name)) continue;
    doc->bytes = ReadWholeFile(dir / name);
    doc->format = format;
    return true;
  }
  return false;
}

}  // namespace newstrace::testutil

#endif  // NEWSTRACE_TESTS_TESTUTIL_FILES_H_
