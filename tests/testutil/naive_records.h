// Naive whole-input parsers for CSV and JSON Lines, the references the
// streaming readers are checked against (test-only; simple over fast).
#ifndef NEWSTRACE_TESTS_TESTUTIL_NAIVE_RECORDS_H_
#define NEWSTRACE_TESTS_TESTUTIL_NAIVE_RECORDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newstrace::testutil {

// Splits a whole well-formed RFC 4180 input into rows of fields. Rows end
// with LF or CRLF; blank lines are dropped.
inline std::vector<std::vector<std::string>> NaiveParseCsv(std::string_view all,
                                                           char delimiter) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row(1);
  bool quoted = false;
  bool row_has_bytes = false;
  for (size_t i = 0; i < all.size(); ++i) {
    char c = all[i];
    if (quoted) {
      if (c == '"' && i + 1 < all.size() && all[i + 1] == '"') {
        row.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        row.back().push_back(c);
      }
      continue;
    }
    if (c == '"' && row.back().empty()) {
      quoted = true;
      row_has_bytes = true;
    } else if (c == delimiter) {
      row.emplace_back();
      row_has_bytes = true;
    } else if (c == '\r' && i + 1 < all.size() && all[i + 1] == '\n') {
      continue;  // the LF ends the row
    } else if (c == '\n') {
      if (row_has_bytes) rows.push_back(row);
      row.assign(1, std::string());
      row_has_bytes = false;
    } else {
      row.back().push_back(c);
      row_has_bytes = true;
    }
  }
  if (row_has_bytes) rows.push_back(row);
  return rows;
}

// The lines of a whole input, without their "\n".
inline std::vector<std::string> NaiveSplitLines(std::string_view all) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < all.size()) {
    size_t nl = all.find('\n', start);
    if (nl == std::string_view::npos) nl = all.size();
    lines.emplace_back(all.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace newstrace::testutil

#endif  // NEWSTRACE_TESTS_TESTUTIL_NAIVE_RECORDS_H_
