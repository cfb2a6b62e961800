// Date recognition. Design: a date is read left to right from one starting
// position by DateAt, which knows three shapes — numeric (year first or
// year last), day-first written ("21. März 2019") and month-first written
// ("March 21st, 2019") — plus the CJK year-month-day form. Month and weekday
// words come from one multilingual table, compared after Unicode
// lower-casing with a trailing abbreviation dot removed. FindDate tries
// DateAt at every word start; FindDateInUrl has its own, stricter reader,
// because URL paths hold slugs and ids, not prose.
#include "base/dates.h"

#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::base {
namespace {

struct WordEntry {
  const char* name;
  int value;  // month 1-12, or 0 for a weekday
};

// Lower-case month names and abbreviations (and their genitive forms where a
// language writes dates with them), then weekday names (value 0). A name
// that is a month in one language and a word in another is left out
// (Portuguese "out" for outubro, Polish "sie" for sierpień).
// clang-format off
constexpr WordEntry kWords[] = {
    // English
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
    {"june", 6}, {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3},
    {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9},
    {"oct", 10}, {"nov", 11}, {"dec", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"jän", 1}, {"februar", 2}, {"feber", 2},
    {"märz", 3}, {"maerz", 3}, {"mär", 3}, {"mrz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    // French
    {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2},
    {"fevr", 2}, {"fév", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4},
    {"juin", 6}, {"juillet", 7}, {"juil", 7}, {"août", 8}, {"aout", 8},
    {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"decembre", 12}, {"déc", 12},
    // Spanish
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4},
    {"abr", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8},
    {"ago", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
    // Italian
    {"gennaio", 1}, {"gen", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5},
    {"mag", 5}, {"giugno", 6}, {"giu", 6}, {"luglio", 7}, {"lug", 7},
    {"settembre", 9}, {"set", 9}, {"ottobre", 10}, {"ott", 10},
    {"dicembre", 12},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"fev", 2}, {"março", 3}, {"marco", 3},
    {"maio", 5}, {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10},
    {"novembro", 11}, {"dezembro", 12},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5},
    {"augustus", 8},
    // Scandinavian
    {"augusti", 8}, {"maj", 5}, {"marts", 3}, {"desember", 12},
    // Polish (nominative and genitive)
    {"styczeń", 1}, {"stycznia", 1}, {"sty", 1}, {"luty", 2}, {"lutego", 2},
    {"lut", 2}, {"marzec", 3}, {"marca", 3}, {"kwiecień", 4}, {"kwietnia", 4},
    {"kwi", 4}, {"maja", 5}, {"czerwiec", 6}, {"czerwca", 6}, {"cze", 6},
    {"lipiec", 7}, {"lipca", 7}, {"lip", 7}, {"sierpień", 8}, {"sierpnia", 8},
    {"wrzesień", 9}, {"września", 9}, {"wrz", 9}, {"październik", 10},
    {"października", 10}, {"paź", 10}, {"listopad", 11}, {"listopada", 11},
    {"lis", 11}, {"grudzień", 12}, {"grudnia", 12}, {"gru", 12},
    // Czech (genitive)
    {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5},
    {"června", 6}, {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10},
    {"listopadu", 11}, {"prosince", 12},
    // Turkish
    {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5},
    {"haziran", 6}, {"temmuz", 7}, {"ağustos", 8}, {"eylül", 9}, {"ekim", 10},
    {"kasım", 11}, {"aralık", 12},
    // Finnish (partitive, as in "19. helmikuuta 2019")
    {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3},
    {"huhtikuuta", 4}, {"toukokuuta", 5}, {"kesäkuuta", 6}, {"heinäkuuta", 7},
    {"elokuuta", 8}, {"syyskuuta", 9}, {"lokakuuta", 10}, {"marraskuuta", 11},
    {"joulukuuta", 12},
    // Russian (genitive)
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5},
    {"июня", 6}, {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10},
    {"ноября", 11}, {"декабря", 12},
    // Weekdays
    {"monday", 0}, {"tuesday", 0}, {"wednesday", 0}, {"thursday", 0},
    {"friday", 0}, {"saturday", 0}, {"sunday", 0}, {"mon", 0}, {"tue", 0},
    {"tues", 0}, {"wed", 0}, {"thu", 0}, {"thur", 0}, {"thurs", 0}, {"fri", 0},
    {"sat", 0}, {"sun", 0}, {"montag", 0}, {"dienstag", 0}, {"mittwoch", 0},
    {"donnerstag", 0}, {"freitag", 0}, {"samstag", 0}, {"sonnabend", 0},
    {"sonntag", 0}, {"mo", 0}, {"di", 0}, {"mi", 0}, {"do", 0}, {"fr", 0},
    {"sa", 0}, {"so", 0}, {"lundi", 0}, {"mardi", 0}, {"mercredi", 0},
    {"jeudi", 0}, {"vendredi", 0}, {"samedi", 0}, {"dimanche", 0},
    {"lunes", 0}, {"martes", 0}, {"miércoles", 0}, {"jueves", 0},
    {"viernes", 0}, {"sábado", 0}, {"domingo", 0}, {"lunedì", 0},
    {"martedì", 0}, {"mercoledì", 0}, {"giovedì", 0}, {"venerdì", 0},
    {"sabato", 0}, {"domenica", 0},
};
// clang-format on

const std::unordered_map<std::string, int>& WordTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, int>();
    for (const WordEntry& e : kWords) t->emplace(e.name, e.value);
    return t;
  }();
  return *table;
}

// The month (1-12) `word` names, 0 for a weekday, -1 for anything else.
// A trailing abbreviation dot is ignored.
int LookupWord(std::string_view word) {
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.empty() || word.size() > 24) return -1;
  auto it = WordTable().find(Lower(word));
  return it == WordTable().end() ? -1 : it->second;
}

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

std::optional<std::string> Format(int y, int m, int d) {
  if (!ValidDate(y, m, d)) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Reads up to 5 digits at s[*i]; returns the value, sets *ndigits.
int ReadInt(std::string_view s, size_t* i, int* ndigits) {
  int v = 0;
  *ndigits = 0;
  while (*i < s.size() && IsAsciiDigit(s[*i]) && *ndigits < 5) {
    v = v * 10 + (s[*i] - '0');
    ++*i;
    ++*ndigits;
  }
  return v;
}

// The code point at s[i] (0 past the end) and, in *next, where it ends.
char32_t PeekCodePoint(std::string_view s, size_t i, size_t* next) {
  *next = i;
  if (i >= s.size()) return 0;
  return NextCodePoint(s, next);
}

// Skips whitespace (Unicode spaces included) and any of the ASCII `extra`
// characters.
void SkipFiller(std::string_view s, size_t* i, std::string_view extra) {
  while (*i < s.size()) {
    if (extra.find(s[*i]) != std::string_view::npos) {
      ++*i;
      continue;
    }
    size_t next;
    char32_t cp = PeekCodePoint(s, *i, &next);
    if (!IsSpace(cp)) return;
    *i = next;
  }
}

// The run of letters at s[*i] (Unicode aware) plus one trailing '.', and
// advances past it.
std::string_view ReadWord(std::string_view s, size_t* i) {
  size_t start = *i;
  while (*i < s.size()) {
    size_t next;
    char32_t cp = PeekCodePoint(s, *i, &next);
    if (!IsLetter(cp)) break;
    *i = next;
  }
  if (*i > start && *i < s.size() && s[*i] == '.') ++*i;
  return s.substr(start, *i - start);
}

// True when what follows a numeric date at s[i] continues the number run
// ("2017-11-21-5", "1.2.2017.3", "21.11.20171").
bool ContinuesNumber(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  if (IsAsciiDigit(s[i])) return true;
  return (s[i] == '.' || s[i] == '-' || s[i] == '/') && i + 1 < s.size() &&
         IsAsciiDigit(s[i + 1]);
}

// Reads "YYYY" after a written month and day: optional ",", "de"/"del".
std::optional<int> ReadYear(std::string_view s, size_t* i) {
  SkipFiller(s, i, ".,-");
  size_t save = *i;
  std::string_view w = ReadWord(s, i);
  if (w != "de" && w != "del" && w != "of") *i = save;
  SkipFiller(s, i, ",");
  int ny = 0;
  int y = ReadInt(s, i, &ny);
  if (ny != 4) return std::nullopt;
  return y;
}

// "2017年11月21日" / "2017년 11월 21일", after the year was read.
std::optional<std::string> CjkTail(std::string_view s, size_t i, int y) {
  auto unit = [&](std::string_view a, std::string_view b) {
    SkipFiller(s, &i, "");
    if (s.substr(i, a.size()) == a) {
      i += a.size();
    } else if (s.substr(i, b.size()) == b) {
      i += b.size();
    } else {
      return false;
    }
    SkipFiller(s, &i, "");
    return true;
  };
  if (!unit("年", "년")) return std::nullopt;
  int n = 0;
  int m = ReadInt(s, &i, &n);
  if (n == 0 || n > 2 || !unit("月", "월")) return std::nullopt;
  int d = ReadInt(s, &i, &n);
  if (n == 0 || n > 2) return std::nullopt;
  SkipFiller(s, &i, "");
  if (s.substr(i, 3) != "日" && s.substr(i, 3) != "일") return std::nullopt;
  return Format(y, m, d);
}

// True when s[i..] is ", " or " " and then a clock time "H:MM" / "HH:MM".
bool TimeFollows(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == ',') ++i;
  size_t start = i;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i == start) return false;
  size_t digits = 0;
  while (i < s.size() && IsAsciiDigit(s[i])) ++i, ++digits;
  if (digits == 0 || digits > 2 || i + 2 >= s.size()) return false;
  return s[i] == ':' && IsAsciiDigit(s[i + 1]) && IsAsciiDigit(s[i + 2]);
}

// A numeric date whose first number `a` (`n1` digits) was read; s[*i] is
// the separator.
std::optional<std::string> NumericTail(std::string_view s, size_t i, int a,
                                       int n1, SlashOrder order) {
  char sep = s[i++];
  if (sep == '.') SkipFiller(s, &i, "");
  int n2 = 0;
  int b = ReadInt(s, &i, &n2);
  if (n2 == 0 || n2 > 2 || i >= s.size() || s[i] != sep) return std::nullopt;
  ++i;
  if (sep == '.') SkipFiller(s, &i, "");
  int n3 = 0;
  int c = ReadInt(s, &i, &n3);
  if (n3 == 0 || ContinuesNumber(s, i)) return std::nullopt;
  if (n1 == 4) {
    if (n3 > 2) return std::nullopt;
    return Format(a, b, c);  // Y-M-D
  }
  if (n1 > 2) return std::nullopt;
  if (n3 == 4) {
    if (sep == '/' && order == SlashOrder::kMonthFirst) {
      if (auto us = Format(c, a, b)) return us;  // M/D/Y
    }
    if (auto d = Format(c, b, a)) return d;  // D.M.Y, D-M-Y, D/M/Y
    if (sep == '/') return Format(c, a, b);  // M/D/Y when only it is valid
    return std::nullopt;
  }
  if (n3 == 2 && sep == '.' && n1 == 2 && n2 == 2) {
    return Format(c < 70 ? 2000 + c : 1900 + c, b, a);  // DD.MM.YY
  }
  if (n3 == 2 && sep == '/' && TimeFollows(s, i)) {
    // "11/17/16, 9:33 PM": a two-digit year only with a clock time after
    // it, so that fractions and scores are not read as dates.
    int y = c < 70 ? 2000 + c : 1900 + c;
    if (order == SlashOrder::kMonthFirst) {
      if (auto us = Format(y, a, b)) return us;
    }
    if (auto d = Format(y, b, a)) return d;
    return Format(y, a, b);
  }
  return std::nullopt;
}

// Tries to read a date starting exactly at s[0].
std::optional<std::string> DateAt(std::string_view s, SlashOrder order) {
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  if (IsAsciiDigit(s[0])) {
    int n1 = 0;
    int a = ReadInt(s, &i, &n1);
    if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
      if (auto d = NumericTail(s, i, a, n1, order)) return d;
    }
    if (n1 == 4) return CjkTail(s, i, a);
    if (n1 > 2) return std::nullopt;
    // Day first: "21 November 2017", "21. März 2019", "1er janvier 2020",
    // "21st of March, 2019", "21 de marzo de 2019", "21-Nov-2017".
    size_t save = i;
    std::string_view suffix = ReadWord(s, &i);
    if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" &&
        suffix != "er" && suffix != "e") {
      i = save;
    }
    if (s.substr(i, 2) == "º" || s.substr(i, 2) == "ª") i += 2;
    SkipFiller(s, &i, ".-");
    save = i;
    std::string_view w = ReadWord(s, &i);
    if (w == "de" || w == "of") {
      SkipFiller(s, &i, "");
      w = ReadWord(s, &i);
    } else if (w.empty()) {
      i = save;
    }
    int m = LookupWord(w);
    if (m <= 0) return std::nullopt;
    std::optional<int> y = ReadYear(s, &i);
    if (!y) return std::nullopt;
    return Format(*y, m, a);
  }
  // Month first: "November 21, 2017", "Nov. 21st 2017", "Dec 29th, 2019".
  std::string_view w = ReadWord(s, &i);
  int m = LookupWord(w);
  if (m <= 0) return std::nullopt;
  SkipFiller(s, &i, ".");
  int nd = 0;
  int d = ReadInt(s, &i, &nd);
  if (nd == 0 || nd > 2) return std::nullopt;
  size_t save = i;
  std::string_view suffix = ReadWord(s, &i);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    i = save;
  }
  std::optional<int> y = ReadYear(s, &i);
  if (!y) return std::nullopt;
  return Format(*y, m, d);
}

// True when s[i] starts a word: the code point before it is neither a
// letter nor a digit. A number may follow a non-Latin letter directly
// ("于2017年11月21日").
bool AtWordStart(std::string_view s, size_t i) {
  if (i == 0) return true;
  size_t p = i - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80) --p;
  size_t next = p;
  char32_t prev = NextCodePoint(s, &next);
  if (IsDigit(prev)) return false;
  if (IsAsciiDigit(s[i])) return !(IsLetter(prev) && prev < 0x250);
  return !IsLetter(prev);
}

}  // namespace

std::optional<std::string> ParseDate(std::string_view s, SlashOrder order) {
  s = Trim(s);
  if (s.size() == 8) {  // "20171121"
    bool digits = true;
    for (char c : s) digits = digits && IsAsciiDigit(c);
    if (digits) {
      auto num = [&](size_t b, size_t n) {
        int v = 0;
        for (size_t k = b; k < b + n; ++k) v = v * 10 + (s[k] - '0');
        return v;
      };
      return Format(num(0, 4), num(4, 2), num(6, 2));
    }
  }
  if (auto d = DateAt(s, order)) return d;
  // "Tuesday, 21 November 2017", "Di., 21.11.2017".
  size_t i = 0;
  std::string_view w = ReadWord(s, &i);
  if (w.empty() || LookupWord(w) != 0) return std::nullopt;
  SkipFiller(s, &i, ",");
  return DateAt(s.substr(i), order);
}

std::optional<std::string> FindDate(std::string_view text, SlashOrder order) {
  std::vector<std::string> found = FindDates(text, 1, order);
  if (found.empty()) return std::nullopt;
  return found.front();
}

namespace {

// Calls `take(date)` for each date FindDate would find, in order, until it
// returns false.
template <typename Take>
void ForEachDate(std::string_view text, SlashOrder order, Take&& take) {
  size_t i = 0;
  while (i < text.size()) {
    size_t next;
    char32_t cp = PeekCodePoint(text, i, &next);
    if ((IsLetter(cp) || IsDigit(cp)) && AtWordStart(text, i)) {
      // A number right after "digit." / "digit-" continues a number run.
      bool inside_number =
          IsAsciiDigit(text[i]) && i >= 2 &&
          (text[i - 1] == '.' || text[i - 1] == '-' || text[i - 1] == '/') &&
          IsAsciiDigit(text[i - 2]);
      if (!inside_number) {
        if (auto d = DateAt(text.substr(i), order)) {
          if (!take(std::move(*d))) return;
        }
      }
    }
    i = next;
  }
}

}  // namespace

std::vector<std::string> FindDates(std::string_view text, size_t max,
                                   SlashOrder order) {
  std::vector<std::string> out;
  if (max == 0) return out;
  ForEachDate(text, order, [&](std::string d) {
    out.push_back(std::move(d));
    return out.size() < max;
  });
  return out;
}

bool ShowsDate(std::string_view text, std::string_view ymd, size_t max,
               SlashOrder order) {
  bool found = false;
  size_t seen = 0;
  ForEachDate(text, order, [&](const std::string& d) {
    found = d == ymd;
    return !found && ++seen < max;
  });
  return found;
}

namespace {

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long DayNumber(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// The day number of a "YYYY-MM-DD" date, or nullopt.
std::optional<long> DayOf(std::string_view ymd) {
  if (ymd.size() != 10 || ymd[4] != '-' || ymd[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lens[k]; ++i) {
      if (!IsAsciiDigit(ymd[i])) return std::nullopt;
      v[k] = v[k] * 10 + (ymd[i] - '0');
    }
  }
  if (!ValidDate(v[0], v[1], v[2])) return std::nullopt;
  return DayNumber(v[0], static_cast<unsigned>(v[1]),
                   static_cast<unsigned>(v[2]));
}

}  // namespace

std::optional<long> DaysBetween(std::string_view a, std::string_view b) {
  std::optional<long> da = DayOf(a);
  std::optional<long> db = DayOf(b);
  if (!da || !db) return std::nullopt;
  return *db - *da;
}

std::optional<std::string> AddDays(std::string_view ymd, long days) {
  std::optional<long> n = DayOf(ymd);
  if (!n) return std::nullopt;
  // H. Hinnant's civil_from_days, the inverse of DayNumber.
  long z = *n + days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = static_cast<long>(yoe) + era * 400 + (m <= 2);
  return Format(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

bool IsDateWord(std::string_view word) { return LookupWord(word) >= 0; }

bool IsWeekdayWord(std::string_view word) { return LookupWord(word) == 0; }

std::optional<std::string> FindDateInUrl(std::string_view url) {
  // Skip "scheme://host": a host holds no dates worth reading.
  size_t start = 0;
  if (size_t p = url.find("://"); p != std::string_view::npos) {
    start = url.find('/', p + 3);
    if (start == std::string_view::npos) return std::nullopt;
  }
  auto digits_at = [&](size_t b, size_t n, int* v) {
    if (b + n > url.size()) return false;
    *v = 0;
    for (size_t k = b; k < b + n; ++k) {
      if (!IsAsciiDigit(url[k])) return false;
      *v = *v * 10 + (url[k] - '0');
    }
    return true;
  };
  auto is_sep = [](char c) {
    return c == '/' || c == '-' || c == '_' || c == '.';
  };
  for (size_t i = start; i + 8 <= url.size(); ++i) {
    if (i > 0 && IsAsciiDigit(url[i - 1])) continue;
    int y = 0, m = 0, d = 0;
    // A path segment that opens with "29-10-2021" (day first: no URL
    // writes the month first with a four-digit year last).
    if (i > 0 && url[i - 1] == '/' && i + 10 <= url.size() &&
        digits_at(i, 2, &d) && url[i + 2] == '-' && digits_at(i + 3, 2, &m) &&
        url[i + 5] == '-' && digits_at(i + 6, 4, &y) && y >= 1990 &&
        (i + 10 == url.size() || is_sep(url[i + 10]))) {
      if (auto r = Format(y, m, d)) return r;
    }
    if (!digits_at(i, 4, &y) || y < 1990 || y > 2099) continue;
    size_t j = i + 4;
    if (j < url.size() && is_sep(url[j])) {
      char sep = url[j];
      // "/2017/11/21", "2017-11-21", also one-digit month or day.
      size_t k = j + 1;
      size_t mlen = (k + 1 < url.size() && IsAsciiDigit(url[k + 1])) ? 2 : 1;
      if (!digits_at(k, mlen, &m)) continue;
      k += mlen;
      if (k >= url.size() || url[k] != sep) continue;
      ++k;
      size_t dlen = (k + 1 < url.size() && IsAsciiDigit(url[k + 1])) ? 2 : 1;
      if (!digits_at(k, dlen, &d)) continue;
      k += dlen;
      if (k < url.size() && IsAsciiDigit(url[k])) continue;
      if (auto r = Format(y, m, d)) return r;
    } else if (digits_at(i, 8, &y)) {
      // "20171121" as a whole number run.
      if (i + 8 < url.size() && IsAsciiDigit(url[i + 8])) continue;
      digits_at(i, 4, &y);
      digits_at(i + 4, 2, &m);
      digits_at(i + 6, 2, &d);
      if (auto r = Format(y, m, d)) return r;
    }
  }
  return std::nullopt;
}

}  // namespace newstrace::base
