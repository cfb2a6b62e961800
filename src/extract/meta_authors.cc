#include "extract/meta_authors.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "base/dates.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "extract/meta_names.h"

namespace newstrace::extract {
namespace {

using base::CollapseWhitespace;
using base::Lower;
using base::Trim;

// Words that open a byline, longest first where one extends another.
// Matched case-insensitively and followed by a space or a colon.
constexpr std::string_view kBylineWords[] = {"ein gastbeitrag von",
                                             "ein interview von",
                                             "ein kommentar von",
                                             "eine analyse von",
                                             "ein beitrag von",
                                             "gastbeitrag von",
                                             "beitrag von",
                                             "geschrieben von",
                                             "verfasst von",
                                             "veröffentlicht von",
                                             "erstellt von",
                                             "eingestellt von",
                                             "gespeichert von",
                                             "text von",
                                             "written by",
                                             "posted by",
                                             "published by",
                                             "submitted by",
                                             "story by",
                                             "words by",
                                             "reported by",
                                             "post author",
                                             "publié par",
                                             "écrit par",
                                             "rédigé par",
                                             "escrito por",
                                             "publicado por",
                                             "redactado por",
                                             "scritto da",
                                             "a cura di",
                                             "autor/innen",
                                             "autor*innen",
                                             "autor:innen",
                                             "autor/in",
                                             "autor*in",
                                             "autor:in",
                                             "autorinnen",
                                             "autorin",
                                             "autoren",
                                             "autor",
                                             "author",
                                             "authors",
                                             "auteur",
                                             "auteurs",
                                             "autore",
                                             "autora",
                                             "text",
                                             "texte",
                                             "by",
                                             "von",
                                             "vom",
                                             "par",
                                             "por",
                                             "door",
                                             "przez",
                                             "av",
                                             "af",
                                             "od"};

// Words that open a byline only when a colon follows ("Redaktion: Jane
// Roe", but "Redaktion Gelbe Liste" is a desk's name).
constexpr std::string_view kColonWords[] = {
    "redaktion",  "interview", "reporter", "recherche",
    "moderation", "kommentar", "analyse",  "gastbeitrag"};

// The length of a label that credits the text together with something
// else at the start of `lower` ("text & fotos: ", "text und bild: ",
// "text/fotos: "): its writer is the text's author. 0 when there is none.
size_t JointCreditLabel(std::string_view lower) {
  for (std::string_view text : {"text", "texte", "words"}) {
    if (lower.substr(0, text.size()) != text) continue;
    std::string_view rest = lower.substr(text.size());
    size_t joint = 0;
    for (std::string_view j :
         {" & ", " und ", " and ", " + ", " / ", "/", " et ", " y "}) {
      if (rest.substr(0, j.size()) == j) joint = j.size();
      if (joint > 0) break;
    }
    if (joint == 0) continue;
    size_t colon = rest.find(':', joint);
    if (colon == std::string_view::npos || colon > joint + 16) continue;
    std::string_view what = rest.substr(joint, colon - joint);
    if (!IsCredit(std::string(what) + ":")) continue;
    return text.size() + colon + 1;
  }
  return 0;
}

// Removes a leading byline word ("By", "Von:", "Autor:") from `s`, as often
// as one is there. Returns true when one was removed.
bool StripBylineWord(std::string* s) {
  bool any = false;
  for (bool again = true; again;) {
    again = false;
    // Leading punctuation: "~ Jane Roe", "— Jane Roe", "| Jane Roe".
    size_t skip = 0;
    while (skip < s->size() &&
           std::string_view("~-|:*•·>»/@").find((*s)[skip]) !=
               std::string_view::npos) {
      ++skip;
    }
    for (std::string_view dash : {"—", "–", "•", "·", "»"}) {
      if (s->compare(skip, dash.size(), dash) == 0) skip += dash.size();
    }
    if (skip > 0) *s = std::string(Trim(std::string_view(*s).substr(skip)));
    std::string lower = Lower(*s);
    if (size_t n = JointCreditLabel(lower); n > 0) {
      *s = std::string(Trim(std::string_view(*s).substr(n)));
      any = again = true;
      continue;
    }
    for (std::string_view w : kColonWords) {
      if (lower.compare(0, w.size(), w) == 0 && lower.size() > w.size() + 1 &&
          lower[w.size()] == ':') {
        *s = std::string(Trim(std::string_view(*s).substr(w.size() + 1)));
        any = again = true;
        break;
      }
    }
    if (again) continue;
    for (std::string_view w : kBylineWords) {
      if (lower.compare(0, w.size(), w) != 0) continue;
      size_t n = w.size();
      // The byte length of `w` in `s` equals its length in `lower` for
      // these words (their letters lower-case to same-size forms).
      if (n >= s->size()) continue;
      char next = (*s)[n];
      if (next != ' ' && next != ':' && next != '\xc2') continue;
      // "di" and "von" as a surname particle: only the lower-case "di"
      // counts, and "Von" only when followed by a capitalized word.
      std::string rest(Trim(std::string_view(*s).substr(n)));
      while (!rest.empty() && (rest[0] == ':' || rest[0] == ' ')) {
        rest.erase(0, 1);
      }
      if (rest.empty()) continue;
      // "Ein Interview von Jane Roe mit John Doe": the one interviewed
      // is not an author.
      if (w == "ein interview von") {
        size_t with = Lower(rest).find(" mit ");
        if (with != std::string::npos) rest.resize(with);
      }
      *s = rest;
      any = again = true;
      break;
    }
  }
  return any;
}

// Text after a mid-string "by" ("Posted on March 3, 2019 by Jane Roe"), or
// the whole text.
std::string AfterInnerBy(std::string_view s) {
  std::string lower = Lower(s);
  for (std::string_view marker :
       {std::string_view(" by "), std::string_view(" von "),
        std::string_view(" par "), std::string_view(" por ")}) {
    size_t p = lower.rfind(marker);
    if (p == std::string::npos) continue;
    std::string_view before = s.substr(0, p);
    bool english = marker == " by ";
    bool dated = false;
    for (char c : before) dated = dated || (c >= '0' && c <= '9');
    std::string lb = Lower(before);
    bool verb = lb.find("veröffentlicht") != std::string::npos ||
                lb.find("geschrieben") != std::string::npos ||
                lb.find("erstellt") != std::string::npos ||
                lb.find("verfasst") != std::string::npos ||
                lb.find("publié") != std::string::npos ||
                lb.find("écrit") != std::string::npos ||
                lb.find("publicado") != std::string::npos ||
                lb.find("escrito") != std::string::npos ||
                lb.find("posted") != std::string::npos ||
                lb.find("written") != std::string::npos ||
                lb.find("beitrag") != std::string::npos ||
                lb.find("pressemitteilung") != std::string::npos ||
                lb.find("artikel") != std::string::npos ||
                lb.find("interview") != std::string::npos ||
                lb.find("kommentar") != std::string::npos;
    if (english || dated || verb)
      return std::string(s.substr(p + marker.size()));
  }
  return std::string(s);
}

// Removes e-mail addresses and URLs, and a leading '@' from handles.
std::string DropContacts(std::string_view s) {
  std::string out;
  for (std::string_view w : SplitWords(s)) {
    std::string lw = base::AsciiLower(w);
    if (lw.find("://") != std::string::npos || lw.rfind("www.", 0) == 0) {
      continue;
    }
    size_t at = w.find('@');
    if (at != std::string_view::npos && at > 0 &&
        w.find('.', at) != std::string_view::npos) {
      continue;  // an e-mail address
    }
    if (w.size() > 1 && w[0] == '@') {
      // A handle after a name repeats it ("Jane Roe @janeroe"); alone it
      // is the only name given.
      if (!out.empty() && out.back() != ',') continue;
      w.remove_prefix(1);
    }
    if (!out.empty()) out += ' ';
    out.append(w);
  }
  return out;
}

// Labels of the topic fields a post's meta line lists after its byline
// ("Von Jane Roe Tags: Wahl, Georg von Below"): what they head names
// topics and people written about, not authors. Matched
// case-insensitively at a word start.
constexpr std::string_view kFieldLabels[] = {
    "tags:",        "tag:",        "schlagwörter:", "schlagworte:",
    "stichwörter:", "kategorie:",  "kategorien:",   "categories:",
    "category:",    "filed under", "rubrik:",       "themen:",
    "étiquettes:",  "catégories:", "etiquetas:",    "categorías:"};

// `s` up to the first field label (kFieldLabels).
std::string_view BeforeFieldLabel(std::string_view s) {
  std::string lower = Lower(s);
  // Offsets of `lower` match `s` only when lower-casing kept every length.
  if (lower.size() != s.size()) lower = base::AsciiLower(s);
  size_t cut = s.size();
  for (std::string_view label : kFieldLabels) {
    for (size_t p = lower.find(label); p != std::string::npos;
         p = lower.find(label, p + 1)) {
      if (p == 0 || lower[p - 1] == ' ') {
        cut = std::min(cut, p);
        break;
      }
    }
  }
  return s.substr(0, cut);
}

// Cuts `s` into segments at separators that end a byline's name part.
std::vector<std::string> HardSegments(std::string_view s) {
  static constexpr std::string_view kSeps[] = {
      " | ",  "|",  "•",    "·", " — ", " – ",   " - ",
      " -- ", "//", " :: ", "»", "«",   "\u2022"};
  std::vector<std::string> out;
  std::string cur;
  size_t i = 0;
  while (i < s.size()) {
    bool cut = false;
    for (std::string_view sep : kSeps) {
      if (s.substr(i, sep.size()) == sep) {
        out.push_back(cur);
        cur.clear();
        i += sep.size();
        cut = true;
        break;
      }
    }
    if (!cut) cur += s[i++];
  }
  out.push_back(cur);
  return out;
}

// True when `rest` (what follows a '/') is only an upper-case code of two
// to five letters, digits or hyphens ("SP-X", "DPA", " KNA"): the credit
// of the agency or desk after a writer's name.
bool IsCreditCode(std::string_view rest) {
  rest = Trim(rest);
  if (rest.size() < 2 || rest.size() > 5) return false;
  bool letter = false;
  for (char c : rest) {
    if (c >= 'A' && c <= 'Z') {
      letter = true;
    } else if (!(c >= '0' && c <= '9') && c != '-') {
      return false;
    }
  }
  return letter;
}

// Splits one segment into name pieces on ",", ";", "/", "&", "+" and the
// conjunctions.
std::vector<std::string> NamePieces(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    out.push_back(cur);
    cur.clear();
  };
  std::string lower = Lower(s);
  // `lower` may differ in length from `s` for a few letters; fall back to
  // ASCII lower-casing then, which keeps offsets.
  if (lower.size() != s.size()) lower = base::AsciiLower(s);
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '/' && !cur.empty() && IsCreditCode(s.substr(i + 1))) {
      break;  // "Jane Roe/SP-X": the agency or desk that supplied it
    }
    if (c == ',' || c == ';' || c == '/' || c == '&' || c == '+') {
      flush();
      ++i;
      continue;
    }
    bool joined = false;
    for (std::string_view conj :
         {std::string_view(" and "), std::string_view(" und "),
          std::string_view(" et "), std::string_view(" y "),
          std::string_view(" e "), std::string_view(" sowie "),
          std::string_view(" i ")}) {
      if (lower.compare(i, conj.size(), conj) == 0) {
        flush();
        i += conj.size();
        joined = true;
        break;
      }
    }
    if (!joined) cur += s[i++];
  }
  flush();
  return out;
}

// Removes parenthesized text and trailing role words from one piece.
std::string TidyPiece(std::string piece) {
  std::string out;
  int depth = 0;
  for (char c : piece) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  out = CollapseWhitespace(out);
  StripBylineWord(&out);
  out = CutDateTail(std::move(out));
  out = StripTrailingRoles(std::move(out));
  out = StripLeadingRole(std::move(out));
  while (!out.empty() &&
         (out.back() == '.' || out.back() == ':' || out.back() == ',' ||
          out.back() == '-' || out.back() == '*' || out.back() == ')' ||
          out.back() == ' ' || out.back() == '(')) {
    // Keep the dot of an initial ("Perry Bacon Jr.", "Joe S.").
    if (out.back() == '.' && out.size() >= 2 && out[out.size() - 2] != ' ' &&
        (out.size() < 3 || out[out.size() - 3] == ' ' ||
         out.compare(out.size() - 3, 3, "Jr.") == 0 ||
         out.compare(out.size() - 3, 3, "Sr.") == 0)) {
      break;
    }
    out.pop_back();
  }
  // Leading symbols: "© Jane Roe", "- Jane Roe".
  while (!out.empty()) {
    size_t k = 0;
    char32_t cp = base::NextCodePoint(out, &k);
    if (base::IsLetter(cp) || base::IsDigit(cp) || cp == '@') break;
    out.erase(0, k);
  }
  return std::string(Trim(out));
}

// See CleanAuthors: true when `pieces` read as a phrase.
bool IsPhrase(const std::vector<std::string>& pieces) {
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string piece = TidyPiece(pieces[i]);
    if (!HasProseWord(piece)) continue;
    if (i == 0) return true;
    std::vector<std::string_view> words = SplitWords(piece);
    size_t k = 0;
    char32_t first = base::NextCodePoint(words[0], &k);
    if (base::IsLetter(first) && !base::IsUpper(first)) return true;
  }
  return false;
}

// True when `name` is one of the site's names (by TitleKey-like
// comparison: case and punctuation ignored).
bool IsSiteName(std::string_view name, const AuthorCleanOptions& options) {
  auto key = [](std::string_view s) {
    std::string out;
    for (char c : Lower(s)) {
      if (static_cast<unsigned char>(c) >= 0x80 ||
          std::isalnum(static_cast<unsigned char>(c))) {
        out += c;
      }
    }
    return out;
  };
  std::string k = key(name);
  if (k.empty()) return false;
  for (const std::string& site : options.site_names) {
    if (key(site) == k) return true;
  }
  return false;
}

// `name` without the site's name and a staff credit after the person's
// name ("Jane Roe Daily Planet Staff" -> "Jane Roe" on the Daily Planet's
// site); two words at least stay.
std::string StripTrailingSite(std::string name,
                              const AuthorCleanOptions& options) {
  std::vector<std::string_view> words = SplitWords(name);
  size_t keep = words.size();
  // Without "Staff" the site's name may be part of a desk's name
  // ("Redacción Diario Ejemplo").
  if (keep < 3 || Lower(words[keep - 1]) != "staff") return name;
  --keep;
  for (size_t site_words = 1; site_words <= 3; ++site_words) {
    if (keep < site_words + 2) break;
    std::string tail;
    for (size_t i = keep - site_words; i < keep; ++i) {
      if (!tail.empty()) tail += ' ';
      tail.append(words[i]);
    }
    if (!IsSiteName(tail, options)) continue;
    std::string out;
    for (size_t i = 0; i < keep - site_words; ++i) {
      if (!out.empty()) out += ' ';
      out.append(words[i]);
    }
    return out;
  }
  return name;
}

}  // namespace

std::vector<std::string> CleanAuthors(std::string_view raw,
                                      const AuthorCleanOptions& options) {
  std::vector<std::string> names;
  std::string collapsed = CollapseWhitespace(raw);
  // Soft hyphens ("Mat\u00adthi\u00adas") are invisible break hints.
  for (size_t p = collapsed.find("\u00ad"); p != std::string::npos;
       p = collapsed.find("\u00ad", p)) {
    collapsed.erase(p, 2);
  }
  std::string text = DropContacts(BeforeFieldLabel(collapsed));
  if (IsSiteName(text, options)) return names;
  bool first_segment = true;
  for (const std::string& segment : HardSegments(text)) {
    std::string seg(Trim(segment));
    if (seg.empty()) continue;
    bool opens = first_segment;
    first_segment = false;
    bool had_byline_word = StripBylineWord(&seg);
    std::string inner = AfterInnerBy(seg);
    if (inner.size() != seg.size()) {
      had_byline_word = true;
      seg = inner;
    }
    if (options.require_byline_word && !had_byline_word) continue;
    std::vector<std::string> found;
    std::vector<std::string> pieces = NamePieces(seg);
    if (IsOrganizationOrAddress(pieces)) continue;
    // A first piece that reads like prose ("Departement für Wirtschaft,
    // Bildung und Forschung"), or any piece that opens with a lower-case
    // word ("Von Einheimischen, Gästen und ganz viel Kühen"), makes the
    // whole segment a phrase, not a list of names. A later capitalized
    // description ("Jane Roe, Leiterin der Abteilung") is dropped alone
    // below.
    if (IsPhrase(pieces)) {
      if (opens && !had_byline_word) break;
      continue;
    }
    for (std::string& piece : pieces) {
      if (IsCredit(Trim(piece))) continue;
      if (IsDegree(Lower(Trim(piece)))) continue;
      std::string name =
          StripTrailingSite(Dedouble(TidyPiece(std::move(piece))), options);
      if (name.empty() || base::FindDate(name)) continue;
      // "Jane Roe, Daily Planet, New York": after the site's name come
      // the desk and the place, not more authors.
      if (IsSiteName(name, options) && !found.empty()) break;
      if (IsSiteName(name, options) || !IsPlausibleAuthor(name)) continue;
      bool dup = false;
      for (const std::string& n : names) {
        dup = dup || Lower(n) == Lower(name);
      }
      for (const std::string& n : found) {
        dup = dup || Lower(n) == Lower(name);
      }
      if (!dup) found.push_back(std::move(name));
    }
    if (!found.empty()) {
      for (std::string& n : found) names.push_back(std::move(n));
      break;  // the first segment with names is the byline
    }
    // A segment that opened with a byline word was the byline, even when
    // it named no one usable (only the site): what follows is not.
    if (had_byline_word) break;
  }
  return names;
}

std::string BylineAfterDate(std::string_view text) {
  std::vector<std::string> segments = HardSegments(CollapseWhitespace(text));
  if (segments.size() < 2 || segments.size() > 3) return {};
  std::string_view date = Trim(segments[0]);
  if (!base::ParseDate(date, base::SlashOrder::kDayFirst) &&
      !base::ParseDate(date, base::SlashOrder::kMonthFirst)) {
    return {};
  }
  auto has_digit = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  // A middle segment may only be the clock time ("13:10 Uhr").
  if (segments.size() == 3 &&
      (!has_digit(segments[1]) || SplitWords(segments[1]).size() > 2)) {
    return {};
  }
  // Templates put a category there as often ("12.05.2021 - Umwelt"): only
  // a full name counts.
  std::string_view name = Trim(segments.back());
  if (!IsFullName(name)) return {};
  return std::string(name);
}

}  // namespace newstrace::extract
