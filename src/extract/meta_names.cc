#include "extract/meta_names.h"

#include <string>
#include <string_view>
#include <vector>

#include "base/dates.h"
#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::extract {
namespace {

using base::Lower;
using base::Trim;

// clang-format off
// A piece that starts with one of these (plus ':') credits something other
// than the text: a photo, a video, a graphic.
constexpr std::string_view kCreditWords[] = {
    "foto", "fotos", "photo", "photos", "bild", "bilder", "illustration",
    "grafik", "video", "kamera", "camera", "quelle", "source", "mitarbeit",
    "infografik", "bearbeitung", "schnitt"
};

// Job titles that follow a name and are not part of it.
constexpr std::string_view kRoles[] = {
    "staff writer", "staff reporter", "senior writer", "senior editor",
    "contributing writer", "contributing editor", "managing editor",
    "editor-in-chief", "editor in chief", "chief correspondent",
    "special correspondent", "senior correspondent", "correspondent",
    "contributor", "reporter", "editor", "columnist", "freelance writer",
    "writer", "journalist", "journalistin", "redakteur", "redakteurin",
    "chefredakteur", "chefredakteurin", "korrespondent", "korrespondentin",
    "kolumnist", "kolumnistin", "photographer", "fotograf", "fotografin",
    "gastautor", "gastautorin", "rédacteur", "rédactrice", "redactor",
    "redactora", "periodista", "giornalista", "projektleiter",
    "projektleiterin", "pressesprecher", "pressesprecherin", "sprecher",
    "sprecherin"
};

// Whole values that are placeholders, not credits.
constexpr std::string_view kGeneric[] = {
    "admin", "administrator", "administrador", "administrateur", "user",
    "super user", "guest", "gast", "unknown", "anonymous", "anonym", "anonyme",
    "anónimo", "author", "autor", "auteur", "editor", "webmaster", "staff",
    "root", "default", "wordpress", "blogger", "none", "null", "undefined",
    "n/a", "na", "no author", "by", "von", "par", "por", "posted by",
    "publisher", "author name", "your name"
};

// The credits wire services sign with: the large international agencies
// and the national ones of the languages the date reader covers.
constexpr std::string_view kNewsAgencies[] = {
    "dpa", "afp", "ap", "reuters", "efe", "ansa", "apa", "sda", "ats", "kna",
    "epd", "ddp", "dts", "upi", "anp", "belga", "lusa", "tt", "ntb", "ritzau",
    "pap", "ctk", "tass", "ria", "xinhua", "kyodo", "jiji", "yonhap", "aap",
    "pti", "ians", "europa press", "notimex", "telam", "ansa.it"
};

// Lower-case name particles that may stand between capitalized name words
// ("Christoph von Eichhorn", "Loïc Le Clerc", "der Michel").
constexpr std::string_view kParticles[] = {
    "von", "van", "de", "der", "den", "di", "da", "do", "dos", "das", "du",
    "la", "le", "el", "del", "della", "des", "y", "e", "bin", "ibn", "al",
    "zu", "zur", "ten", "ter", "af", "av", "vom", "und", "and"
};

// Academic degrees and post-nominals, dropped as name pieces
// ("Grant Tinsley, PhD").
constexpr std::string_view kDegrees[] = {
    "phd", "ph.d.", "md", "m.d.", "ms", "ma", "msc", "bsc", "mba", "rd", "rdn",
    "cde", "dr", "dr.", "prof", "prof.", "jr", "sr", "mph", "do", "np", "rn",
    "lmft", "cpt"
};

// Legal forms: a value with one names a company, not a person
// ("Olympia-Verlag GmbH").
constexpr std::string_view kLegalForms[] = {
    "gmbh", "mbh", "ag", "e.v.", "e.v", "ev", "kg", "co.", "inc", "inc.",
    "ltd", "ltd.", "llc", "s.a.", "sa", "s.l.", "se", "gbr", "ug", "eg", "plc",
    "corp", "corp."
};

// Countries: a piece that is one ends a postal address ("Frankfurt a. M.,
// Germany").
constexpr std::string_view kCountries[] = {
    "germany", "deutschland", "austria", "österreich", "schweiz",
    "switzerland", "usa", "france", "italia", "españa", "spain"
};

// Words that show a value is a link or a label, not a name.
constexpr std::string_view kNotNameWords[] = {
    "posts", "post", "artikel", "beiträge", "beitrag", "articles", "article",
    "more", "mehr", "view", "alle", "all", "about", "über", "follow", "folgen",
    "kontakt", "contact", "profile", "profil", "comments", "kommentare",
    "kommentar", "share", "teilen", "read", "lesen", "email", "e-mail", "mail",
    "twitter", "facebook", "instagram", "linkedin", "minuten", "minutes",
    "min", "min.", "lesezeit", "updated", "aktualisiert", "published",
    "veröffentlicht", "publiziert", "posted", "erschienen", "uhr", "seit",
    "since", "ago", "share:", "teilen:", "stand", "datum", "date"
};

// Words that join a name to a date in a byline ("Jane Roe am 3. März",
// "Jane Roe on March 3"), dropped when they end a name.
constexpr std::string_view kDateJoiners[] = {
    "am", "on", "le", "el", "den", "vom", "at", "um", "de", "del", "il", "op",
    "w", "dnia", "vor", "hace", "updated", "aktualisiert", "published",
    "veröffentlicht", "publiziert", "posted", "stand", "stand:", "datum:",
    "date:"
};
// clang-format on

template <size_t N>
bool InList(const std::string& lower, const std::string_view (&list)[N]) {
  for (std::string_view w : list) {
    if (lower == w) return true;
  }
  return false;
}

// The index of the first word of `words` that is a legal form ("GmbH",
// "e.V.", also spaced: "e. V."), or npos.
size_t LegalFormAt(const std::vector<std::string_view>& words) {
  constexpr size_t kLongest = [] {
    size_t n = 0;
    for (std::string_view f : kLegalForms) n = f.size() > n ? f.size() : n;
    return n;
  }();
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    bool ascii = true;
    for (char c : w) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
      // Lower() maps ASCII bytes one to one: the same test without a copy.
      while (!w.empty() && (w.back() == ',' || w.back() == ';')) {
        w.remove_suffix(1);
      }
      if (w.size() > kLongest) continue;
      char buf[kLongest];
      for (size_t k = 0; k < w.size(); ++k) {
        char c = w[k];
        buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
      std::string_view lw(buf, w.size());
      for (std::string_view f : kLegalForms) {
        if (lw == f) return i;
      }
      if (lw == "e." && i + 1 < words.size() && Lower(words[i + 1]) == "v.") {
        return i;
      }
      continue;
    }
    std::string lw = Lower(words[i]);
    while (!lw.empty() && (lw.back() == ',' || lw.back() == ';')) {
      lw.pop_back();
    }
    if (InList(lw, kLegalForms)) return i;
    if (lw == "e." && i + 1 < words.size() && Lower(words[i + 1]) == "v.") {
      return i;
    }
  }
  return std::string::npos;
}

std::vector<std::string_view> WordsOf(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

}  // namespace

std::vector<std::string_view> SplitWords(std::string_view s) {
  return WordsOf(s);
}

bool IsDegree(std::string_view lower) {
  return InList(std::string(lower), kDegrees);
}

std::string CutDateTail(std::string out) {
  std::vector<std::string_view> words = WordsOf(out);
  size_t keep = words.size();
  for (size_t i = 0; i < words.size(); ++i) {
    // A number, or a full weekday or month name after the first word
    // ("Jane Roe am Samstag"; "April Roach" keeps its first name), or a
    // credit for something else ("Jane Roe Illustration von John Doe").
    std::string lw = Lower(words[i]);
    if ((words[i][0] >= '0' && words[i][0] <= '9') ||
        (i > 0 && words[i].size() > 3 && base::IsDateWord(words[i]) &&
         InList(Lower(words[i - 1]), kDateJoiners)) ||
        (i > 0 && InList(lw, kCreditWords))) {
      keep = i;
      break;
    }
  }
  while (keep > 0) {
    std::string lw = Lower(words[keep - 1]);
    while (!lw.empty() && (lw.back() == ',' || lw.back() == '.')) {
      lw.pop_back();
    }
    if (keep < words.size() &&
        (InList(lw, kDateJoiners) || base::IsDateWord(lw))) {
      --keep;
      continue;
    }
    if (keep == words.size() && keep > 1 && base::IsWeekdayWord(lw)) {
      --keep;  // a trailing weekday: "Jane Roe Fr", "Jane Roe Thursday"
      continue;
    }
    break;
  }
  if (keep < words.size()) {
    std::string cut;
    for (size_t i = 0; i < keep; ++i) {
      if (!cut.empty()) cut += ' ';
      cut.append(words[i]);
    }
    out = cut;
  }
  return out;
}

std::string StripTrailingRoles(std::string out) {
  for (bool again = true; again && !out.empty();) {
    again = false;
    std::string lower = Lower(out);
    for (std::string_view role : kRoles) {
      if (lower.size() > role.size() + 1 &&
          lower.compare(lower.size() - role.size(), role.size(), role) == 0 &&
          lower[lower.size() - role.size() - 1] == ' ' &&
          base::CountWords(out) > base::CountWords(role) + 1) {
        out.resize(out.size() - role.size() - 1);
        out = std::string(Trim(out));
        again = true;
        break;
      }
    }
  }
  return out;
}

std::string StripLeadingRole(std::string name) {
  // German compounds end in the role: "Gastautor", "Sportredakteurin",
  // "Online-Experte".
  static constexpr std::string_view kRoleEnds[] = {
      "autor",     "autorin",     "redakteur",     "redakteurin",
      "experte",   "expertin",    "reporter",      "reporterin",
      "kolumnist", "kolumnistin", "korrespondent", "korrespondentin"};
  std::vector<std::string_view> words = WordsOf(name);
  if (words.size() < 3) return name;
  std::string first = Lower(words[0]);
  bool role = false;
  for (std::string_view end : kRoleEnds) {
    role = role || base::EndsWith(first, end);
  }
  if (!role) return name;
  std::string rest(
      Trim(std::string_view(name).substr(words[1].data() - name.data())));
  return IsFullName(rest) ? rest : name;
}

// True when a piece of `pieces` carries a legal form or a country: the
// value names a company or a postal address.
bool IsOrganizationOrAddress(const std::vector<std::string>& pieces) {
  for (const std::string& piece : pieces) {
    if (pieces.size() > 1 && InList(Lower(Trim(piece)), kCountries)) {
      return true;
    }
    if (LegalFormAt(WordsOf(Trim(piece))) != std::string::npos) return true;
  }
  return false;
}

std::string WithoutLegalForm(std::string_view name) {
  std::vector<std::string_view> words = WordsOf(Trim(name));
  size_t at = LegalFormAt(words);
  if (at == std::string::npos || at == 0) return {};
  std::string out;
  for (size_t i = 0; i < at; ++i) {
    if (!out.empty()) out += ' ';
    out.append(words[i]);
  }
  while (!out.empty() && (out.back() == ',' || out.back() == '-')) {
    out.pop_back();
  }
  return std::string(Trim(out));
}

// True when `name` has several words and one of them is lower-case and
// not a name particle: "hit save", "Departement für Wirtschaft".
bool HasProseWord(std::string_view name) {
  std::vector<std::string_view> words = WordsOf(name);
  if (words.size() < 2) return false;
  for (std::string_view w : words) {
    size_t k = 0;
    char32_t first = base::NextCodePoint(w, &k);
    if (!base::IsLetter(first) || base::IsUpper(first)) continue;
    if (InList(Lower(w), kParticles)) continue;
    // A brand or host: "auto-motor.at Redaktion", "revamp-it Webteam".
    if (w.find('.') != std::string_view::npos ||
        w.find('-') != std::string_view::npos) {
      continue;
    }
    return true;
  }
  return false;
}

// "Jane Roe Jane Roe" (a name printed twice) -> "Jane Roe".
std::string Dedouble(const std::string& name) {
  std::vector<std::string_view> words = WordsOf(name);
  size_t n = words.size();
  if (n < 2 || n % 2 != 0 || name.size() < 8) return name;  // "R. R."
  for (size_t i = 0; i < n / 2; ++i) {
    if (words[i] != words[i + n / 2]) return name;
  }
  std::string out;
  for (size_t i = 0; i < n / 2; ++i) {
    if (!out.empty()) out += ' ';
    out.append(words[i]);
  }
  return out;
}

bool IsCredit(std::string_view piece) {
  std::string lower = Lower(piece);
  for (std::string_view w : kCreditWords) {
    if (lower.compare(0, w.size(), w) == 0 &&
        (lower.size() == w.size() || lower[w.size()] == ':' ||
         lower[w.size()] == ' ')) {
      return lower.size() == w.size() || lower[w.size()] == ':' ||
             lower.find(':') != std::string::npos;
    }
  }
  return false;
}

bool IsFullName(std::string_view name) {
  std::vector<std::string_view> words = WordsOf(name);
  if (words.size() < 2 || words.size() > 4 || HasProseWord(name)) return false;
  for (std::string_view w : words) {
    if (w.find_first_of(",;/&|0123456789") != std::string_view::npos) {
      return false;
    }
    std::string lw = Lower(w);
    // One person: "Tipps und Tricks" joins two things.
    if (lw == "und" || lw == "and" || lw == "y" || lw == "e") return false;
    if (InList(lw, kParticles)) continue;
    size_t i = 0;
    char32_t first = base::NextCodePoint(w, &i);
    bool lower_rest = false;
    while (i < w.size()) {
      lower_rest |= base::IsLower(base::NextCodePoint(w, &i));
    }
    if (!base::IsLetter(first) || !base::IsUpper(first) || !lower_rest) {
      return false;
    }
  }
  return IsPlausibleAuthor(name);
}

std::string OpeningFullName(std::string_view text, std::string_view first) {
  std::vector<std::string_view> words = WordsOf(text);
  if (words.empty() || Lower(words[0]) != Lower(first)) return {};
  size_t run = 1;
  while (run < words.size()) {
    std::string_view w = words[run];
    size_t k = 0;
    char32_t cp = base::NextCodePoint(w, &k);
    if (!base::IsLetter(cp) || !base::IsUpper(cp)) break;
    if (w.find_first_of(",.;:!?()") != std::string_view::npos) {
      // "Jane Roe, Reporterin": the comma closes the name.
      if (w.back() == ',' && w.find_first_of(",.;:!?()") == w.size() - 1) {
        ++run;
      }
      break;
    }
    ++run;
  }
  if (run < 2 || run > 3) return {};
  std::string name;
  for (size_t i = 0; i < run; ++i) {
    if (!name.empty()) name += ' ';
    name.append(words[i]);
  }
  if (name.back() == ',') name.pop_back();
  return IsFullName(name) ? name : std::string();
}

bool IsNewsAgency(std::string_view name) {
  return InList(Lower(Trim(name)), kNewsAgencies);
}

bool IsPlausibleAuthor(std::string_view name) {
  if (name.size() < 2 || name.size() > 80) return false;
  std::string lower = Lower(name);
  if (InList(lower, kGeneric)) return false;
  if (lower.find("admin") != std::string::npos) return false;
  for (std::string_view ext : {".html", ".htm", ".php", ".jpg", ".png"}) {
    if (base::EndsWith(lower, ext)) return false;  // a file name
  }
  for (std::string_view role : kRoles) {
    if (lower == role) return false;
  }
  std::vector<std::string_view> words = WordsOf(name);
  if (words.empty() || words.size() > 6) return false;
  if (words.size() == 1 && base::IsDateWord(words[0])) return false;
  bool letter = false;
  size_t i = 0;
  while (i < name.size()) {
    char32_t cp = base::NextCodePoint(name, &i);
    if (base::IsLetter(cp)) letter = true;
    if (cp == '?' || cp == '!' || cp == ':' || cp == '=' || cp == '<' ||
        cp == '>' || cp == '{' || cp == '}' || cp == '|' || cp == '"' ||
        cp == U'“' || cp == U'”' || cp == U'„' || cp == '#' || cp == U'©') {
      return false;
    }
  }
  if (!letter) return false;
  for (std::string_view w : WordsOf(lower)) {
    if (w[0] >= '0' && w[0] <= '9') return false;
    if (InList(std::string(w), kNotNameWords)) return false;
  }
  // In a name of several words, each word is capitalized, a particle or
  // an initial: "hit save. CTRL" and "Iberische Weine in Berlin" are not
  // names. A single word may be a lower-case user name ("gnaddrig").
  return !HasProseWord(name);
}

}  // namespace newstrace::extract
