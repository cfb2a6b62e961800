#include "extract/html_cues.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "base/dates.h"
#include "base/utf8.h"

namespace newstrace::extract {
namespace {

constexpr std::string_view kAdPhrases[] = {
    "advertisement", "advertising",       "ad",
    "anzeige",       "werbung",           "publicité",
    "publicite",     "publicidad",        "pubblicità",
    "sponsored",     "sponsored content", "paid content",
    "reklama",
};
constexpr std::string_view kOtherPhrases[] = {
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "print",
    "email",
    "e mail",
    "read more",
    "continue reading",
    "weiterlesen",
    "mehr lesen",
    "lire la suite",
    "leer más",
    "teilen",
    "artikel teilen",
    "drucken",
    "close",
    "schließen",
    "fermer",
    "cerrar",
    "back to top",
    "nach oben",
    "loading",
    "skip to content",
    "zum inhalt springen",
    "comments",
    "kommentare",
    "commentaires",
    "comentarios",
    "image",
    "photo",
    "video",
    "listen",
    "anhören",
    "copy link",
    "link kopieren",
};

template <size_t N>
bool InList(const std::string& key, const std::string_view (&list)[N]) {
  for (std::string_view p : list) {
    if (key == p) return true;
  }
  return false;
}

// Words that may stand in a date line beside numbers (keys).
constexpr std::string_view kDateWords[] = {
    "jan",
    "january",
    "januar",
    "janvier",
    "enero",
    "feb",
    "february",
    "februar",
    "février",
    "febrero",
    "mar",
    "march",
    "märz",
    "mars",
    "marzo",
    "apr",
    "april",
    "avril",
    "abril",
    "may",
    "mai",
    "mayo",
    "jun",
    "june",
    "juni",
    "juin",
    "junio",
    "jul",
    "july",
    "juli",
    "juillet",
    "julio",
    "aug",
    "august",
    "août",
    "agosto",
    "sep",
    "sept",
    "september",
    "septembre",
    "septiembre",
    "oct",
    "october",
    "oktober",
    "octobre",
    "octubre",
    "nov",
    "november",
    "novembre",
    "noviembre",
    "dec",
    "december",
    "dezember",
    "décembre",
    "diciembre",
    "mon",
    "monday",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "thu",
    "thursday",
    "fri",
    "friday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "am",
    "pm",
    "a",
    "p",
    "m",
    "et",
    "gmt",
    "utc",
    "est",
    "edt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "uhr",
    "um",
    "at",
    "on",
    "le",
    "de",
    "del",
    "of",
    "the",
    "updated",
    "update",
    "published",
    "posted",
    "aktualisiert",
    "veröffentlicht",
    "stand",
    "erstellt",
    "mis",
    "à",
    "jour",
    "publié",
    "publicado",
    "actualizado",
    "date",
    "datum",
    "last",
    "modified",
    "h",
    "min",
    "ago",
    "hours",
    "minutes",
    "days",
    "vor",
    "stunden",
    "tagen",
};

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

// Lower-cased letters and digits, other runs as one space: the form in
// which headings are compared with the title and short blocks with the
// boilerplate phrases.
std::string TextKey(std::string_view s, size_t max_bytes) {
  std::string out;
  out.reserve(std::min(s.size(), max_bytes));
  bool space = false;
  size_t i = 0;
  while (i < s.size() && out.size() < max_bytes) {
    char32_t cp = base::NextCodePoint(s, &i);
    if (base::IsLetter(cp) || base::IsDigit(cp)) {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      base::AppendUtf8(base::ToLower(cp), &out);
    } else {
      space = true;
    }
  }
  return out;
}

bool MatchesTitle(const std::string& key, const std::string& title) {
  if (key.empty() || title.empty()) return false;
  if (key == title) return true;
  // The <title> often carries the site's name; a heading may too.
  if (key.size() >= 12 && key.size() * 2 >= title.size() &&
      title.find(key) != std::string::npos) {
    return true;
  }
  return title.size() >= 12 && title.size() * 2 >= key.size() &&
         key.find(title) != std::string::npos;
}

// Short blocks that are page furniture whatever their markup (keys).
BlockKind FurniturePhrase(const std::string& key) {
  if (InList(key, kAdPhrases)) return BlockKind::kAdvertisement;
  if (InList(key, kOtherPhrases)) return BlockKind::kOther;
  return BlockKind::kParagraph;
}

// "By Jane Doe", "Von Max Muster": a short line naming the author.
bool LooksLikeByline(const HtmlBlock& b) {
  if (b.chars > 100 || b.words > 12 || b.stops > 0) return false;
  static constexpr std::string_view kBy[] = {"By ",  "by ",   "BY ",  "Von ",
                                             "von ", "Par ",  "par ", "Por ",
                                             "Di ",  "Door ", "Av "};
  for (std::string_view p : kBy) {
    if (b.text.size() > p.size() + 1 && b.text.starts_with(p)) {
      unsigned char c = b.text[p.size()];
      return (c >= 'A' && c <= 'Z') || c >= 0x80;
    }
  }
  return false;
}

// "Updated 20 November 2019, 10:32 GMT": a short line that is all date.
bool LooksLikeDateline(const HtmlBlock& b) {
  if (b.chars > 80 || b.words > 12) return false;
  std::string key = TextKey(b.text, 200);
  size_t tokens = 0, datey = 0;
  bool digit = false;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string_view t(key.data() + start, end - start);
    ++tokens;
    bool num = !t.empty() &&
               t.find_first_not_of("0123456789") == std::string_view::npos;
    if (num) {
      digit = true;
      ++datey;
    } else {
      // "20th", "1er"
      bool ordinal = t.size() <= 4 && t[0] >= '0' && t[0] <= '9';
      bool word = ordinal;
      for (std::string_view w : kDateWords) word = word || t == w;
      datey += word;
    }
    start = end + 1;
  }
  if (digit && tokens > 0 && datey * 10 >= tokens * 8) return true;
  // "Posted on March 3, 2022 by Jane Roe", "Veröffentlicht am 3. Februar
  // 2022 von ...": a publication cue first, then a date, then a byline.
  static constexpr std::string_view kCues[] = {
      "published",    "posted",     "updated",     "veröffentlicht",
      "aktualisiert", "publié",     "mis",         "publicado",
      "actualizado",  "pubblicato", "gepubliceerd"};
  std::string_view first(key.data(), std::min(key.find(' '), key.size()));
  bool cue = false;
  for (std::string_view c : kCues) cue = cue || first == c;
  return cue && digit && base::FindDate(b.text).has_value();
}

// Finds a credit in caption text that is not marked up as one: a fused
// all-caps prefix ("GETTYThe leaders met") or a trailing "Photo: ...",
// "(Foto: ...)", "© ...". Sets [*begin, *end) and returns true when found.
bool FindTextCredit(std::string_view t, size_t* begin, size_t* end) {
  // Fused prefix: 3+ capitals (spaces, '/', '&', '.', '-' allowed) glued to
  // a capitalized word.
  size_t i = 0, caps = 0;
  while (i < t.size() && (IsUpperAscii(t[i]) || t[i] == ' ' || t[i] == '/' ||
                          t[i] == '&' || t[i] == '.' || t[i] == '-')) {
    caps += IsUpperAscii(t[i]);
    ++i;
  }
  if (caps >= 4 && i >= 2 && i < t.size() && IsLowerAscii(t[i]) &&
      IsUpperAscii(t[i - 1]) && IsUpperAscii(t[i - 2]) && t.size() > i + 10) {
    *begin = 0;
    *end = i - 1;
    return *end >= 3;
  }
  static constexpr std::string_view kMarkers[] = {
      "Photo:",  "Photos:", "Photograph:", "Foto:",   "Fotos:",
      "Bild:",   "Image:",  "Picture:",    "Credit:", "Credits:",
      "Quelle:", "©",       "(c)"};
  size_t best = std::string_view::npos;
  for (std::string_view m : kMarkers) {
    size_t p = t.rfind(m);
    if (p == std::string_view::npos || p == 0) continue;
    if (t[p - 1] != ' ' && t[p - 1] != '(' && t[p - 1] != '|') continue;
    if (best == std::string_view::npos || p > best) best = p;
  }
  if (best == std::string_view::npos || t.size() - best > 100) return false;
  size_t e = t.size();
  if (t[best - 1] == '(' && t.back() == ')') {
    --best;  // include the parentheses in neither part
    *begin = best + 1;
    *end = e - 1;
  } else {
    *begin = best;
    *end = e;
  }
  return *end > *begin;
}

}  // namespace newstrace::extract
