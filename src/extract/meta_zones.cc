#include "extract/meta_zones.h"

#include <cstdio>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "base/dates.h"
#include "base/strings.h"
#include "base/url.h"

namespace newstrace::extract {
namespace {

// A region's offsets from UTC in minutes. `eu` zones are `min` in winter
// and an hour more under the EU summer-time rule; other regions span
// [min, max] across their zones and seasons.
struct Zone {
  int min;
  int max;
  bool eu;
};

constexpr Zone kCet = {60, 60, true};
constexpr Zone kWet = {0, 0, true};
constexpr Zone kEet = {120, 120, true};

struct Entry {
  std::string_view code;
  Zone zone;
};

// Countries by ISO 3166 code (also their top-level domain).
constexpr Entry kCountries[] = {
    {"de", kCet},         {"at", kCet},         {"ch", kCet},
    {"fr", kCet},         {"be", kCet},         {"nl", kCet},
    {"lu", kCet},         {"it", kCet},         {"es", kCet},
    {"pl", kCet},         {"cz", kCet},         {"sk", kCet},
    {"si", kCet},         {"hr", kCet},         {"hu", kCet},
    {"dk", kCet},         {"se", kCet},         {"no", kCet},
    {"li", kCet},         {"rs", kCet},         {"ba", kCet},
    {"gb", kWet},         {"uk", kWet},         {"ie", kWet},
    {"pt", kWet},         {"fi", kEet},         {"ee", kEet},
    {"lv", kEet},         {"lt", kEet},         {"gr", kEet},
    {"ro", kEet},         {"bg", kEet},         {"cy", kEet},
    {"us", {-600, -240}}, {"ca", {-480, -150}}, {"mx", {-480, -300}},
    {"br", {-300, -120}}, {"ar", {-180, -180}}, {"uy", {-180, -180}},
    {"cl", {-240, -180}}, {"co", {-300, -300}}, {"pe", {-300, -300}},
    {"ec", {-300, -300}}, {"ve", {-240, -240}}, {"bo", {-240, -240}},
    {"py", {-240, -180}}, {"jp", {540, 540}},   {"kr", {540, 540}},
    {"cn", {480, 480}},   {"tw", {480, 480}},   {"hk", {480, 480}},
    {"sg", {480, 480}},   {"in", {330, 330}},   {"tr", {180, 180}},
    {"au", {480, 660}},   {"nz", {720, 780}},   {"za", {120, 120}},
};

// Country domains sold to all comers ("startup.co", "podcast.fm"): they
// say nothing of where a site is.
constexpr std::string_view kOpenDomains[] = {"co", "tv", "me", "fm", "io",
                                             "ai", "ws", "cc", "to", "ly"};

// Languages most of whose readers live in one zone.
constexpr Entry kLanguages[] = {
    {"de", kCet},       {"it", kCet},       {"nl", kCet},
    {"pl", kCet},       {"cs", kCet},       {"sk", kCet},
    {"sl", kCet},       {"hr", kCet},       {"hu", kCet},
    {"da", kCet},       {"sv", kCet},       {"nb", kCet},
    {"nn", kCet},       {"no", kCet},       {"fr", kCet},
    {"fi", kEet},       {"et", kEet},       {"lv", kEet},
    {"lt", kEet},       {"el", kEet},       {"bg", kEet},
    {"ro", kEet},       {"ja", {540, 540}}, {"ko", {540, 540}},
    {"zh", {480, 480}}, {"tr", {180, 180}},
};

std::optional<Zone> Find(const Entry* begin, const Entry* end,
                         std::string_view code) {
  for (const Entry* e = begin; e != end; ++e) {
    if (e->code == code) return e->zone;
  }
  return std::nullopt;
}

// The zone `language` ("pt-br", "de") and `url` imply, or nullopt.
std::optional<Zone> PageZone(std::string_view language, std::string_view url) {
  std::string lang = base::AsciiLower(language);
  for (char& c : lang) {
    if (c == '_') c = '-';
  }
  std::string_view primary = std::string_view(lang).substr(0, lang.find('-'));
  // The region is the last two-letter subtag ("zh-hant-tw" -> "tw").
  size_t dash = lang.rfind('-');
  if (dash != std::string::npos && lang.size() - dash - 1 == 2) {
    std::string_view region = std::string_view(lang).substr(dash + 1);
    if (auto z = Find(std::begin(kCountries), std::end(kCountries), region)) {
      return z;
    }
  }
  std::string host = base::UrlDomain(url);
  size_t dot = host.rfind('.');
  if (dot != std::string::npos) {
    std::string_view tld = std::string_view(host).substr(dot + 1);
    bool open = false;
    for (std::string_view o : kOpenDomains) open = open || tld == o;
    if (!open) {
      if (auto z = Find(std::begin(kCountries), std::end(kCountries), tld)) {
        return z;
      }
    }
  }
  return Find(std::begin(kLanguages), std::end(kLanguages), primary);
}

bool Digit(char c) { return c >= '0' && c <= '9'; }

// Minutes after midnight of a UTC timestamp "YYYY-MM-DDTHH:MM...Z" (or
// "+00:00", "+0000", "+00"), or nullopt for any other form.
std::optional<int> UtcMinutes(std::string_view ts) {
  ts = base::Trim(ts);
  if (ts.size() < 17 || (ts[10] != 'T' && ts[10] != ' ')) return std::nullopt;
  if (!Digit(ts[11]) || !Digit(ts[12]) || ts[13] != ':' || !Digit(ts[14]) ||
      !Digit(ts[15])) {
    return std::nullopt;
  }
  int hour = (ts[11] - '0') * 10 + (ts[12] - '0');
  int minute = (ts[14] - '0') * 10 + (ts[15] - '0');
  if (hour > 23 || minute > 59) return std::nullopt;
  size_t zone = ts.find_first_of("Zz+-", 16);
  if (zone == std::string_view::npos) return std::nullopt;  // no zone: local
  std::string_view z = ts.substr(zone);
  if (z != "Z" && z != "z" && z != "+00:00" && z != "+0000" && z != "+00" &&
      z != "-00:00") {
    return std::nullopt;
  }
  return hour * 60 + minute;
}

// Day number (days since 1970-01-01) of "YYYY-MM-DD".
long DayNumber(const std::string& ymd) {
  return *base::DaysBetween("1970-01-01", ymd);
}

// Day number of the last Sunday of `month` in `year`.
long LastSunday(int year, int month) {
  char buf[16];
  int y = month == 12 ? year + 1 : year;
  int m = month == 12 ? 1 : month + 1;
  std::snprintf(buf, sizeof buf, "%04d-%02d-01", y, m);
  long last = DayNumber(buf) - 1;
  long weekday = ((last + 4) % 7 + 7) % 7;  // 0 = Sunday; day 0 a Thursday
  return last - weekday;
}

// True when EU summer time is in force at `minutes` past midnight UTC of
// day `day` in `year`: from 01:00 UTC on the last Sunday of March to 01:00
// UTC on the last Sunday of October.
bool EuSummer(int year, long day, int minutes) {
  long t = day * 1440 + minutes;
  return t >= LastSunday(year, 3) * 1440 + 60 &&
         t < LastSunday(year, 10) * 1440 + 60;
}

}  // namespace

std::optional<std::string> LocalDateOfUtc(std::string_view timestamp,
                                          std::string_view language,
                                          std::string_view url) {
  std::optional<int> minutes = UtcMinutes(timestamp);
  if (!minutes || *minutes == 0) return std::nullopt;
  std::optional<std::string> date = base::ParseDate(timestamp.substr(0, 10));
  if (!date) return std::nullopt;
  std::optional<Zone> zone = PageZone(language, url);
  if (!zone) return std::nullopt;
  int low = zone->min;
  int high = zone->max;
  if (zone->eu) {
    int year = std::stoi(date->substr(0, 4));
    if (EuSummer(year, DayNumber(*date), *minutes)) low = high = low + 60;
  }
  auto shift = [&](int offset) {
    int local = *minutes + offset;
    return local < 0 ? -1 : local >= 1440 ? 1 : 0;
  };
  if (shift(low) != shift(high)) return std::nullopt;  // zones disagree
  return base::AddDays(*date, shift(low));
}

}  // namespace newstrace::extract
