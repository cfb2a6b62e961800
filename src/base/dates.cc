#include "base/dates.h"

#include <array>
#include <cctype>

#include "base/strings.h"

namespace newstrace::base {
namespace {

struct MonthName {
  std::string_view name;
  int month;
};

// English month names and abbreviations (first slice; other languages join
// this table).
constexpr std::array<MonthName, 23> kMonths = {{
    {"january", 1},  {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},      {"june", 6},      {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1},      {"feb", 2},       {"mar", 3},       {"apr", 4},
    {"jun", 6},      {"jul", 7},       {"aug", 8},       {"sep", 9},
    {"oct", 10},     {"nov", 11},      {"dec", 12},
}};

bool ValidDate(int y, int m, int d) {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) {
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

std::string Format(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads digits at s[*i]; returns the value and how many digits were read.
int ReadInt(std::string_view s, size_t* i, int* ndigits) {
  int v = 0;
  *ndigits = 0;
  while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i])) &&
         *ndigits < 5) {
    v = v * 10 + (s[*i] - '0');
    ++*i;
    ++*ndigits;
  }
  return v;
}

int MonthFromWord(std::string_view word) {
  std::string w = AsciiLower(word);
  while (!w.empty() && w.back() == '.') w.pop_back();
  if (w == "sept") return 9;
  for (const auto& m : kMonths) {
    if (m.name == w) return m.month;
  }
  return 0;
}

// Tries to read a date starting exactly at s[0].
std::optional<std::string> DateAt(std::string_view s) {
  size_t i = 0;
  int n1 = 0;
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0]))) {
    int a = ReadInt(s, &i, &n1);
    if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
      char sep = s[i++];
      int n2 = 0;
      int b = ReadInt(s, &i, &n2);
      if (n2 == 0 || i >= s.size() || s[i] != sep) return std::nullopt;
      ++i;
      int n3 = 0;
      int c = ReadInt(s, &i, &n3);
      if (n3 == 0) return std::nullopt;
      if (n1 == 4 && ValidDate(a, b, c)) return Format(a, b, c);  // Y-M-D
      if (n3 == 4) {
        // D.M.Y (European) unless the middle cannot be a month.
        if (sep != '/' && ValidDate(c, b, a)) return Format(c, b, a);
        if (sep == '/' && ValidDate(c, a, b)) return Format(c, a, b);  // US
        if (ValidDate(c, b, a)) return Format(c, b, a);
      }
      return std::nullopt;
    }
    // "21 November 2017" / "21. November 2017"
    if (n1 > 2) return std::nullopt;
    while (i < s.size() && (s[i] == '.' || s[i] == ' ')) ++i;
    size_t w = i;
    while (w < s.size() && std::isalpha(static_cast<unsigned char>(s[w]))) ++w;
    int m = MonthFromWord(s.substr(i, w - i));
    if (m == 0) return std::nullopt;
    i = w;
    while (i < s.size() && (s[i] == '.' || s[i] == ',' || s[i] == ' ')) ++i;
    int n3 = 0;
    int y = ReadInt(s, &i, &n3);
    if (n3 == 4 && ValidDate(y, m, a)) return Format(y, m, a);
    return std::nullopt;
  }
  // "November 21, 2017" / "Nov. 21 2017"
  size_t w = 0;
  while (w < s.size() && std::isalpha(static_cast<unsigned char>(s[w]))) ++w;
  int m = MonthFromWord(s.substr(0, w));
  if (m == 0) return std::nullopt;
  i = w;
  while (i < s.size() && (s[i] == '.' || s[i] == ' ')) ++i;
  int nd = 0;
  int d = ReadInt(s, &i, &nd);
  if (nd == 0 || nd > 2) return std::nullopt;
  // Ordinal suffixes: 21st, 2nd, 3rd, 4th.
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  while (i < s.size() && (s[i] == ',' || s[i] == ' ')) ++i;
  int ny = 0;
  int y = ReadInt(s, &i, &ny);
  if (ny == 4 && ValidDate(y, m, d)) return Format(y, m, d);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view s) {
  return DateAt(Trim(s));
}

std::optional<std::string> FindDate(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool at_word_start =
        i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
    if (!at_word_start || !std::isalnum(c)) continue;
    if (auto d = DateAt(text.substr(i))) return d;
  }
  return std::nullopt;
}

}  // namespace newstrace::base
