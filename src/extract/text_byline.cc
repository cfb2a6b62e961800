// Bylines and datelines in plain text (text_byline.h).
//
// A byline is parsed as names then an optional remainder. Names are runs of
// capitalized words (with particles such as "de", "van", "al-") separated by
// "and", "&", "und", "et", "y" or commas; the run stops at a separator
// ("|", "/", dashes), a role or organization word ("Correspondent",
// "Press"), a possessive, or any other word. The remainder (affiliation,
// place, date) must not read as a sentence: at most one lower-case word that
// is not a function, role or date word. Without "By", the remainder must
// name a role, an organization or an agency.
#include "extract/text_byline.h"

#include <algorithm>
#include <cctype>

#include "base/dates.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "extract/byte_blocks.h"
#include "extract/text_credits.h"
#include "extract/text_phrases.h"

namespace newstrace::extract::text {
namespace {

// clang-format off
constexpr auto kRoleWords = Phrases({
    "correspondent", "editor", "reporter", "writer", "columnist", "contributor",
    "journalist", "analyst", "chief", "producer", "staff", "bureau", "desk",
    "team", "critic", "commentator", "blogger", "host", "presenter", "anchor",
    "researcher", "fellow", "professor", "reporters", "editors", "writers",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin",
    "journaliste", "correspondant", "correspondante", "rédacteur", "rédactrice",
    "envoyé", "envoyée", "periodista", "corresponsal", "redactor", "redactora",
    "enviado", "enviada"});
// clang-format on
// clang-format off
constexpr auto kOrgWords = Phrases({
    "news", "press", "times", "post", "herald", "tribune", "journal", "daily",
    "weekly", "magazine", "media", "network", "agency", "service", "wire",
    "radio", "tv", "television", "online", "blog", "gazette", "telegraph",
    "guardian", "observer", "mail", "express", "mirror", "today", "review",
    "zeitung", "presse", "nachrichten", "agentur", "newsroom", "report"});
// clang-format on
// clang-format off
constexpr auto kDateWords = Phrases({
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "am",
    "pm", "a.m", "p.m", "gmt", "bst", "utc", "est", "edt", "cet", "cest", "pst",
    "pdt", "cst", "cdt", "et", "pt", "at", "on", "of", "the", "updated",
    "published", "posted", "uhr", "um", "h", "th", "st", "nd", "rd", "last",
    "modified", "ago", "hours", "minutes", "hour", "minute", "day", "days",
    "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "janvier", "février", "mars", "avril", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "enero", "febrero",
    "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre", "lunes", "martes", "miércoles",
    "jueves", "viernes", "sábado", "domingo", "le", "de", "del", "à", "a", "am"});
// clang-format on
// clang-format off
constexpr auto kParticles = Phrases({
    "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la",
    "le", "al", "el", "bin", "ibn", "ter", "ten", "dos", "das", "st"});
// clang-format on
constexpr auto kConnectors = Phrases({"and", "&", "und", "et", "y", "e"});

bool IsSeparator(std::string_view t) {
  return t == "|" || t == "-" || t == "/" || t == "\xE2\x80\x93" ||
         t == "\xE2\x80\x94" || t == "\xC2\xB7" || t == "\xE2\x80\xA2";
}

// "al-Assad", "bin-Salman": a lower-case particle glued to a name.
bool GluedParticle(std::string_view t) {
  size_t dash = t.find('-');
  return dash != std::string_view::npos && dash <= 3 &&
         NameLike(t.substr(dash + 1));
}

// "JANE" -> "Jane", "JEAN-PAUL" -> "Jean-Paul", "O'BRIEN" -> "O'Brien".
std::string TitleCaseWord(std::string_view w) {
  std::string out;
  bool start = true;
  size_t i = 0;
  while (i < w.size()) {
    char32_t cp = base::NextCodePoint(w, &i);
    base::AppendUtf8(start ? cp : base::ToLower(cp), &out);
    start = cp == '-' || cp == '\'' || cp == 0x2019;
  }
  return out;
}

std::string JoinName(const std::vector<std::string_view>& words) {
  bool caps = std::all_of(words.begin(), words.end(),
                          [](std::string_view w) { return IsAllCaps(w); });
  size_t long_caps = 0;
  for (std::string_view w : words) long_caps += w.size() > 2 && IsAllCaps(w);
  std::string out;
  for (std::string_view w : words) {
    if (!out.empty()) out += ' ';
    out += caps && long_caps > 0 && words.size() > 1 ? TitleCaseWord(w)
                                                     : std::string(w);
  }
  return out;
}

struct NameRun {
  std::vector<std::vector<std::string_view>> names;
  size_t stop = 0;           // index of the first token not consumed
  size_t first_end = 0;      // index after the first name's last token
  bool role_or_org = false;  // the remainder names a role/organization
};

std::string_view StripTrailing(std::string_view t, char* last) {
  *last = 0;
  while (!t.empty() &&
         (t.back() == ',' || t.back() == ';' || t.back() == ':')) {
    *last = t.back();
    t.remove_suffix(1);
  }
  return t;
}

// `scratch` holds the lower-cased word (its capacity is reused: this runs
// for every word of a possible byline).
bool RoleOrOrg(std::string_view token, std::string* scratch) {
  std::string& w = *scratch;
  LowerWordInto(token, &w);
  while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.back())) &&
         static_cast<unsigned char>(w.back()) < 0x80) {
    w.pop_back();
  }
  return In(w, kRoleWords) || In(w, kOrgWords) || IsAgency(token) ||
         w.find(".com") != std::string::npos;
}

NameRun ParseNames(const std::vector<std::string_view>& tokens) {
  NameRun run;
  std::string scratch;
  std::vector<std::string_view> cur;
  size_t cur_start = 0;
  auto flush = [&] {
    if (!cur.empty()) {
      if (run.names.empty()) run.first_end = cur_start + cur.size();
      run.names.push_back(cur);
    }
    cur.clear();
  };
  size_t i = 0;
  for (; i < tokens.size(); ++i) {
    std::string_view tok = tokens[i];
    if (IsSeparator(tok)) break;
    LowerWordInto(tok, &scratch);
    if (In(scratch, kConnectors)) {
      if (cur.empty()) break;
      flush();
      continue;
    }
    char last = 0;
    std::string_view core = StripTrailing(tok, &last);
    bool stop_after = false;
    if (size_t slash = core.find('/'); slash != std::string_view::npos) {
      core = core.substr(0, slash);
      stop_after = true;
    }
    for (std::string_view pos : {"'s", "\xE2\x80\x99s"}) {
      if (base::EndsWith(core, pos)) {
        core.remove_suffix(pos.size());
        stop_after = true;
      }
    }
    if (RoleOrOrg(core, &scratch) && !core.empty()) {
      // "Political Correspondent", "Associated Press": not a name.
      run.role_or_org = true;
      i = cur.empty() ? i : cur_start;
      cur.clear();
      break;
    }
    // "de", "van der": particles, when a name word follows them.
    bool particle = false;
    if (In(core, kParticles)) {
      size_t k = i + 1;
      while (k < tokens.size() && In(tokens[k], kParticles)) ++k;
      particle = k < tokens.size() && NameLike(tokens[k]);
    }
    // A date or its cue ends the names ("By Jane Doe Published ...",
    // "By Jane Doe May 5, 2017"), though a name may start with "May".
    if (!particle && !cur.empty()) {
      LowerWordInto(core, &scratch);
      if (In(scratch, kDateWords)) break;
    }
    if (!(NameLike(core) || particle || GluedParticle(core)) ||
        core.find("..") != std::string_view::npos || core.back() == '-') {
      break;
    }
    if (cur.empty()) cur_start = i;
    cur.push_back(core);
    if (cur.size() > 4) {
      run.names.clear();
      cur.clear();
      i = 0;
      break;
    }
    if (stop_after || last == ':') {
      ++i;
      break;
    }
    if (last == ',' || last == ';') flush();
  }
  flush();
  run.stop = i;
  // Once set, the flag stays: the other words need no look-up.
  for (size_t k = i; k < tokens.size() && !run.role_or_org; ++k) {
    if (RoleOrOrg(tokens[k], &scratch)) run.role_or_org = true;
  }
  return run;
}

// Lower-case words of the remainder that are not function, role or date
// words: a sentence has several.
int SentenceWords(const std::vector<std::string_view>& tokens, size_t from) {
  int n = 0;
  std::string w;
  for (size_t k = from; k < tokens.size(); ++k) {
    std::string_view t = tokens[k];
    size_t i = 0;
    char32_t cp = base::NextCodePoint(t, &i);
    if (!base::IsLower(cp)) continue;
    LowerWordInto(t, &w);
    while (!w.empty() && (w.back() == ',' || w.back() == '.' ||
                          w.back() == ':' || w.back() == ';')) {
      w.pop_back();
    }
    if (IsFunctionWord(w) || In(w, kRoleWords) || In(w, kDateWords) ||
        w.find('.') != std::string::npos) {
      continue;
    }
    ++n;
  }
  return n;
}

// The pieces of `s` between spaces, trimmed (base::Trim), empty ones left
// out, into *out; at most `limit` of them (a caller that rejects more than
// `limit - 1` need not see the rest).
void TokensUpTo(std::string_view s, size_t limit,
                std::vector<std::string_view>* out) {
  out->clear();
  size_t start = 0;
  while (out->size() < limit) {
    size_t space = FindByte(s, ' ', start);
    std::string_view t =
        s.substr(start, space == std::string_view::npos ? std::string_view::npos
                                                        : space - start);
    t = base::Trim(t);
    if (!t.empty()) out->push_back(t);
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
}

// True when `s` holds one of the marks that end the first name of a byline
// without "By": ',', '|', '-', '/', "for", "For", U+2013, U+2014, U+00B7 or
// U+2022. One pass instead of a search for each.
bool HasNameEnd(std::string_view s) {
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    switch (s[i]) {
      case ',':
      case '|':
      case '-':
      case '/':
        return true;
      case 'f':
      case 'F':
        if (i + 2 < n && s[i + 1] == 'o' && s[i + 2] == 'r') return true;
        break;
      case '\xE2':
        if (i + 2 < n && s[i + 1] == '\x80' &&
            (s[i + 2] == '\x93' || s[i + 2] == '\x94' || s[i + 2] == '\xA2')) {
          return true;
        }
        break;
      case '\xC2':
        if (i + 1 < n && s[i + 1] == '\xB7') return true;
        break;
      default:
        break;
    }
  }
  return false;
}

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  TokensUpTo(s, std::string_view::npos, &out);
  return out;
}

void AddNames(const NameRun& run, size_t min_words, Byline* b) {
  for (size_t k = 0; k < run.names.size(); ++k) {
    const auto& words = run.names[k];
    size_t need = k == 0 ? 1 : min_words;
    if (words.size() < need) continue;
    std::string name = JoinName(words);
    if (IsAgency(name)) continue;
    if (std::find(b->names.begin(), b->names.end(), name) == b->names.end()) {
      b->names.push_back(std::move(name));
    }
  }
}

// The length of a byline cue at the start of `s` ("By ", "Written by: "),
// or 0.
size_t BylineCue(std::string_view s) {
  // clang-format off
  static constexpr std::string_view kCues[] = {
      "written by", "authored by", "words by", "story by", "reported by",
      "report by", "posted by", "author:", "authors:", "autor:", "autorin:",
      "auteur:", "auteur :", "byline:", "by:", "by"};
  // clang-format on
  // Every cue starts with a lower-case ASCII letter, which only that
  // letter in either case matches: most lines fail on the first byte.
  for (std::string_view c : kCues) {
    if (s.size() > c.size() + 1 && (s[0] | 0x20) == c[0] &&
        base::StartsWithIgnoreCase(s, c) &&
        (c.back() == ':' || s[c.size()] == ' ' || s[c.size()] == ':')) {
      size_t i = c.size();
      while (i < s.size() && (s[i] == ' ' || s[i] == ':')) ++i;
      return i;
    }
  }
  for (std::string_view c : {"Von ", "Par ", "Por "}) {
    if (base::StartsWith(s, c)) return c.size();
  }
  return 0;
}

}  // namespace

std::optional<Byline> ParseByline(std::string_view s) {
  s = base::Trim(s);
  if (s.size() > 200 || s.empty()) return std::nullopt;
  Byline b;
  size_t cue = BylineCue(s);
  b.explicit_by = cue > 0;
  // Without "By", the first name must end at a comma, a separator or
  // "for" (below): a line holding none of them is no byline, and needs no
  // name parse.
  if (!b.explicit_by && !HasNameEnd(s)) return std::nullopt;
  // Without "By", a byline has at most 12 tokens (checked again below),
  // with it 25: decide before the costly name parse, and stop splitting one
  // token past the limit (room for all at once: one allocation, not five).
  const size_t limit = b.explicit_by ? 26 : 13;
  std::vector<std::string_view> tokens;
  tokens.reserve(limit);
  TokensUpTo(s.substr(cue), limit, &tokens);
  if (tokens.empty() || tokens.size() > 25) return std::nullopt;
  if (!b.explicit_by && tokens.size() > 12) return std::nullopt;
  NameRun run = ParseNames(tokens);
  if (SentenceWords(tokens, run.stop) > 1) return std::nullopt;
  if (b.explicit_by) {
    // The first word after "By" must be a name or an organization.
    if (run.names.empty() && !run.role_or_org) return std::nullopt;
    if (!StartsUpper(tokens[0])) return std::nullopt;
    // A one-word "name" that runs into other words ("By Looking at ...")
    // is the start of a phrase, unless it is an agency.
    if (!run.names.empty() && run.names[0].size() == 1 &&
        run.names.size() == 1 && run.stop < tokens.size() &&
        !IsSeparator(tokens[run.stop]) && tokens[run.stop - 1].back() != ',' &&
        !IsAgency(run.names[0][0])) {
      return std::nullopt;
    }
    AddNames(run, 2, &b);
    return b;
  }
  // Without "By": "Jane Doe, Political Correspondent", "Jane Doe | Reuters",
  // "Jane Doe for The Daily Post": the first name ends at a comma, a
  // separator or "for".
  if (tokens.size() > 12 || run.names.empty() || run.names[0].size() < 2 ||
      run.names[0].size() > 3 || !run.role_or_org) {
    return std::nullopt;
  }
  size_t e = run.first_end;
  bool comma = e > 0 && (tokens[e - 1].back() == ',');
  bool separated =
      e < tokens.size() &&
      (IsSeparator(tokens[e]) || tokens[e] == "for" || tokens[e] == "For");
  if (!comma && !separated) return std::nullopt;
  AddNames(run, 2, &b);
  return b;
}

std::vector<std::string> ContributorNames(std::string_view s) {
  Byline b;
  std::string lower = base::AsciiLower(s);
  for (std::string_view cue : {"reporting by ", "writing by "}) {
    size_t at = 0;
    while ((at = lower.find(cue, at)) != std::string::npos) {
      bool additional =
          at >= 11 && lower.compare(at - 11, 11, "additional ") == 0;
      size_t from = at + cue.size();
      size_t end = s.find_first_of(";)", from);
      if (end == std::string_view::npos) end = s.size();
      if (!additional)
        AddNames(ParseNames(Tokens(s.substr(from, end - from))), 2, &b);
      at = from;
    }
  }
  return b.names;
}

bool IsBareName(std::string_view s) {
  std::vector<std::string_view> tokens = Tokens(s);
  if (tokens.size() < 2 || tokens.size() > 3 || s.size() > 60) return false;
  for (std::string_view t : tokens) {
    std::string scratch;
    if (!NameLike(t) || IsFunctionWord(LowerWord(t)) ||
        RoleOrOrg(t, &scratch)) {
      return false;
    }
  }
  return !IsAgency(s);
}

std::optional<Dateline> ParseDateline(std::string_view s, const Features& f) {
  if (f.words > 18 || s.size() > 160 || f.words == 0) return std::nullopt;
  // A dateline holds a digit: base::FindDate reads none without a
  // four-digit year, and a cue without a date needs one (below). Most short
  // lines have none and skip the work.
  if (std::none_of(s.begin(), s.end(),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  // clang-format off
  static constexpr std::string_view kCues[] = {
      "first published", "last updated", "last modified", "published",
      "updated", "posted", "dated", "date", "modified", "created",
      "zuletzt aktualisiert", "veröffentlicht", "aktualisiert", "erschienen",
      "stand", "dernière mise à jour", "mis à jour", "publié", "publicado",
      "actualizado", "última actualización", "pubblicato", "aggiornato"};
  // clang-format on
  // clang-format off
  static constexpr auto kUpdated = Phrases({
      "last updated", "last modified", "updated", "modified",
      "zuletzt aktualisiert", "aktualisiert", "stand", "dernière mise à jour",
      "mis à jour", "actualizado", "última actualización", "aggiornato"});
  // clang-format on
  std::string lower = LowerWord(s);
  Dateline d;
  for (std::string_view c : kCues) {
    if (base::StartsWith(lower, c) &&
        (lower.size() == c.size() || lower[c.size()] == ' ' ||
         lower[c.size()] == ':')) {
      d.cue = true;
      d.updated = In(c, kUpdated);
      break;
    }
  }
  std::optional<std::string> date = base::FindDate(s);
  if (date) d.date = *date;
  if (d.cue) {
    bool digit = std::any_of(s.begin(), s.end(),
                             [](char c) { return c >= '0' && c <= '9'; });
    if (date || digit) return d;
    return std::nullopt;
  }
  if (!date) return std::nullopt;
  int other = 0;
  ForEachToken(s, [&](const Token& t) {
    if (t.core.empty() || std::isdigit(static_cast<unsigned char>(t.core[0]))) {
      return true;
    }
    std::string w = LowerWord(t.core);
    if (!In(w, kDateWords)) ++other;
    return true;
  });
  if (other > 1) return std::nullopt;
  return d;
}

}  // namespace newstrace::extract::text
