// Photo credits in plain text (text_credits.h).
//
// A credit is either labeled ("Photo: AFP", "(Photo by Jane Doe/Getty
// Images)", "Image copyright Reuters") or an expression of agency names and
// person names joined by "/" or " via " that names at least one agency
// ("AFP/Getty Images", "REUTERS/Jane Doe", "Chip Somodevilla/Getty Images").
// Where it stands:
//   - alone on its line: the whole unit is a credit;
//   - fused to the start of a caption, with no space, as scrapers leave it
//     ("GETTYThe leaders...", "Getty ImagesProtesters..."): the credit ends
//     where a lower-case letter follows an upper-case one that itself follows
//     a letter (or at "A " after the agency). An unknown credit is accepted
//     there too when it is all capitals, at least three letters, and the
//     caption's first word is capitalized ("BARCROFTThe ...");
//   - at the end of a caption: in parentheses, after a label, after " | ",
//     or as a slash expression (then the line must not end with a period,
//     which a body sentence that quotes "Reuters/Ipsos" would).
#include "extract/text_credits.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/byte_blocks.h"

namespace newstrace::extract::text {
namespace {

// clang-format off
constexpr std::string_view kAgencies[] = {
    "Getty Images", "Getty", "Reuters", "AFP", "Agence France-Presse",
    "AP Photo", "AP Images", "AP", "The Associated Press", "Associated Press",
    "PA Wire", "PA Images", "PA Media", "PA", "Press Association", "EPA-EFE",
    "EPA", "EFE", "Shutterstock", "REX Features", "Rex Features", "REX",
    "Alamy Stock Photo", "Alamy Live News", "Alamy", "Bloomberg", "Xinhua",
    "dpa", "picture alliance", "ANSA", "Anadolu Agency", "Anadolu", "SIPA",
    "Sipa USA", "Corbis", "iStockphoto", "iStock", "NASA", "ESA", "SWNS",
    "Splash News", "Backgrid", "Handout", "WENN", "ZUMA Press", "ZUMA Wire",
    "Zuma", "TASS", "Sputnik", "UPI", "WireImage", "FilmMagic", "NurPhoto",
    "Keystone", "Mirrorpix", "Camera Press", "Twitter", "Facebook", "Instagram",
    "YouTube", "BBC", "Wikimedia Commons", "Wikimedia", "Creative Commons",
    "Flickr", "Unsplash", "Pixabay", "Pexels", "Imago", "KCNA", "Pool",
    "Supplied"};
// clang-format on

constexpr bool AsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool AsciiLower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool AsciiLetter(char c) { return AsciiUpper(c) || AsciiLower(c); }

// Lengths of the agency names that match `s` at its start and end at a
// boundary (not followed by a lower-case letter or digit), longest first.
std::vector<size_t> AgencyLengths(std::string_view s) {
  std::vector<size_t> out;
  for (std::string_view a : kAgencies) {
    if (s.size() < a.size()) continue;
    // The first byte, case-folded, rules out most agencies without the
    // full comparison (a necessary condition for EqualsIgnoreCase).
    if (!a.empty() && (s[0] | 0x20) != (a[0] | 0x20)) continue;
    std::string_view t = s.substr(0, a.size());
    if (!base::EqualsIgnoreCase(t, a)) continue;
    if (t != a && !AsciiUpper(t[0])) continue;
    if (a.size() < s.size()) {
      char next = s[a.size()];
      if (AsciiLower(next) || std::isdigit(static_cast<unsigned char>(next))) {
        continue;
      }
    }
    out.push_back(a.size());
  }
  std::sort(out.rbegin(), out.rend());
  return out;
}

// kAgencies grouped by first letter, either case (list order within a
// group): WholeAgency compares only the names that start with the letter
// of its word.
struct AgencyIndex {
  std::array<std::string_view, std::size(kAgencies)> by_letter{};
  std::array<uint8_t, 27> start{};  // by_letter[start[l], start[l + 1])
};
constexpr AgencyIndex kAgencyIndex = [] {
  AgencyIndex t;
  uint8_t k = 0;
  for (int l = 0; l < 26; ++l) {
    t.start[l] = k;
    for (std::string_view a : kAgencies) {
      // Not a constant expression: a name that does not start with an
      // ASCII letter fails the build.
      if (a.empty() || !AsciiLetter(a[0])) std::abort();
      if ((a[0] | 0x20) == 'a' + l) t.by_letter[k++] = a;
    }
  }
  t.start[26] = k;
  return t;
}();

// AgencyLengths(s) holds s.size(), without building the list: it runs for
// every word of a possible byline or credit.
bool WholeAgency(std::string_view s) {
  if (s.empty()) return false;
  // (c | 0x20) is a lower-case letter only for that letter in either case.
  const int l = (s[0] | 0x20) - 'a';
  if (l < 0 || l >= 26) return false;
  for (size_t k = kAgencyIndex.start[l]; k < kAgencyIndex.start[l + 1]; ++k) {
    std::string_view a = kAgencyIndex.by_letter[k];
    if (a.size() != s.size() || !base::EqualsIgnoreCase(s, a)) continue;
    if (s == a || AsciiUpper(s[0])) return true;
  }
  return false;
}

// A credit expression: segments joined by "/" or " via ", each an agency or
// a person's name (1-3 name words, no agency inside), at least one agency
// when `require_agency`. Sets *first_words to the words of the first
// segment when it is a name (0 for an agency).
bool IsCreditExpr(std::string_view p, bool require_agency,
                  int* first_words = nullptr) {
  p = base::Trim(p);
  if (p.empty() || p.size() > 120) return false;
  // The pieces of base::Split(p, '/') split again at " via ", on the
  // stack: more than four make no credit.
  std::array<std::string_view, 4> segments;
  size_t count = 0;
  for (size_t start = 0;;) {
    const size_t slash = p.find('/', start);
    std::string_view piece = p.substr(
        start, slash == std::string_view::npos ? slash : slash - start);
    size_t via;
    while ((via = piece.find(" via ")) != std::string_view::npos) {
      if (count == segments.size()) return false;
      segments[count++] = piece.substr(0, via);
      piece = piece.substr(via + 5);
    }
    if (count == segments.size()) return false;
    segments[count++] = piece;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  int agencies = 0;
  for (size_t i = 0; i < count; ++i) {
    std::string_view seg = base::Trim(segments[i]);
    if (seg.empty()) return false;
    if (WholeAgency(seg)) {
      ++agencies;
      if (i == 0 && first_words != nullptr) *first_words = 0;
      continue;
    }
    int words = 0;
    bool ok = true;
    // The pieces of base::Split(seg, ' '), without building the list.
    for (size_t start = 0;;) {
      const size_t space = seg.find(' ', start);
      std::string_view w = seg.substr(
          start, space == std::string_view::npos ? space : space - start);
      if (!w.empty()) {
        ++words;
        ok = ok && NameLike(w) && !WholeAgency(w);
      }
      if (space == std::string_view::npos) break;
      start = space + 1;
    }
    if (!ok || words == 0 || words > 3) return false;
    if (i == 0 && first_words != nullptr) *first_words = words;
  }
  return !require_agency || agencies > 0;
}

struct Label {
  std::string_view text;  // lower case
  bool colon;             // must be followed by ':'
  bool mid_line;          // may also end a caption line
  bool strong = false;    // names a credit whatever follows ("Credit:")
};

constexpr Label kLabels[] = {
    {"photo credit", true, true, true},
    {"image credit", true, true, true},
    {"picture credit", true, true, true},
    {"image source", true, true, true},
    {"photographs", true, true},
    {"photograph", true, true},
    {"photos", true, true},
    {"photo", true, true},
    {"pictures", true, true},
    {"picture", true, true},
    {"pics", true, true},
    {"pic", true, true},
    {"images", true, true},
    {"image", true, true},
    {"credits", true, true, true},
    {"credit", true, true, true},
    {"fotos", true, true},
    {"foto", true, true},
    {"bildquelle", true, true, true},
    {"bild", true, true},
    {"crédit photo", true, true, true},
    {"screenshot", true, true},
    {"screengrab", true, true},
    {"featured image", true, false},
    {"photo illustration", true, true},
    {"photo by", false, true, true},
    {"photos by", false, true, true},
    {"photograph by", false, true, true},
    {"picture by", false, true, true},
    {"pictures by", false, true, true},
    {"image by", false, false, true},
    {"image copyright", false, true, true},
    {"featured image via", false, false, true},
    {"featured image", false, false, true},
    {"image via", false, false, true},
    {"photo via", false, false, true},
    {"screenshot via", false, false, true},
    {"photo courtesy of", false, true, true},
    {"courtesy of", false, false, true},
    {"foto von", false, false, true},
};

constexpr bool LabelsStartLowerCase() {
  for (const Label& l : kLabels) {
    if (l.text.size() < 2 || !AsciiLower(l.text[0]) || !AsciiLower(l.text[1])) {
      return false;
    }
  }
  return true;
}
static_assert(LabelsStartLowerCase(), "LabelAt compares first two letters");

// kLabels by first letter, in list order (an earlier label wins: "photo
// credit" before "photo"): LabelAt runs at every capitalized word near the
// end of a caption line, and most words start with a letter no label has.
const std::vector<const Label*>& LabelsStartingWith(char lower) {
  static const auto* by_letter = [] {
    auto* t = new std::array<std::vector<const Label*>, 26>();
    for (const Label& l : kLabels) (*t)[l.text[0] - 'a'].push_back(&l);
    return t;
  }();
  return (*by_letter)[lower - 'a'];
}

// The length of the label at the start of `s` (with its colon and the
// spaces after it), or 0. `mid_line` restricts to labels that may follow a
// caption on the same line. Sets *strong, when a label is found, to whether
// it makes what follows a credit whatever it looks like.
size_t LabelAt(std::string_view s, bool mid_line, bool* strong = nullptr) {
  if (s.empty() || !(AsciiUpper(s[0]) || AsciiLower(s[0]))) return 0;
  for (const Label* l : LabelsStartingWith(static_cast<char>(s[0] | 0x20))) {
    if (mid_line && !l->mid_line) continue;
    if (s.size() <= l->text.size()) continue;
    // (c | 0x20) is the lower-case letter l->text[1] only for that letter
    // in either case: most capitalized words fail here, before the call.
    if ((s[1] | 0x20) != l->text[1]) continue;
    if (!base::StartsWithIgnoreCase(s, l->text)) continue;
    size_t i = l->text.size();
    if (l->colon) {
      if (s[i] == ' ') ++i;
      if (i >= s.size() || s[i] != ':') continue;
      ++i;
    } else if (s[i] != ' ' && s[i] != ':') {
      continue;
    }
    while (i < s.size() && (s[i] == ' ' || s[i] == ':')) ++i;
    if (i < s.size()) {
      if (strong != nullptr) *strong = l->strong;
      return i;
    }
  }
  return 0;
}

// True when `v` (what follows a label) is a credit: a few capitalized or
// slashed words, not a sentence. After a strong label, any few words.
bool CreditValue(std::string_view v, bool strong = false) {
  v = base::Trim(v);
  while (!v.empty() && (v.back() == '.' || v.back() == ')')) v.remove_suffix(1);
  if (v.empty() || v.size() > 100) return false;
  if (strong) {
    // Dots inside a word ("Shutterstock.com", "CC BY-SA 2.0") or after an
    // initial are not a sentence's end.
    bool sentence = v.find_first_of("!?") != std::string_view::npos;
    for (size_t i = 1; i + 1 < v.size() && !sentence; ++i) {
      sentence =
          v[i] == '.' && v[i + 1] == ' ' && i >= 2 && AsciiLetter(v[i - 2]);
    }
    return base::CountWords(v) <= 10 && !sentence;
  }
  // One word, any case: "Image: screengrab", "Photo: wikicommons".
  if (base::CountWords(v) == 1 && v.find(' ') == std::string_view::npos &&
      AsciiLetter(v[0])) {
    return true;
  }
  int words = 0;
  bool ok = true;
  ForEachToken(v, [&](const Token& t) {
    if (t.core.empty()) return true;
    ++words;
    std::string lower = LowerWord(t.core);
    static const std::array<std::string_view, 17> kJoin = {
        "via", "for", "of",  "and", "by", "de",  "von",  "van", "der",
        "la",  "le",  "del", "di",  "da", "the", "from", "at"};
    bool join = std::find(kJoin.begin(), kJoin.end(), lower) != kJoin.end();
    ok = NameLike(t.core) || IsAllCaps(t.core) ||
         t.whole.find('/') != std::string_view::npos || join ||
         std::isdigit(static_cast<unsigned char>(t.core[0])) ||
         !AgencyLengths(t.core).empty();
    return ok;
  });
  return ok && words > 0 && words <= 10;
}

std::string Unparen(std::string_view v) {
  v = base::Trim(v);
  while (!v.empty() &&
         (v.back() == '.' || v.back() == ')' || v.back() == ' ')) {
    v.remove_suffix(1);
  }
  while (!v.empty() && (v.front() == '(' || v.front() == ' ')) {
    v.remove_prefix(1);
  }
  return std::string(v);
}

Span Sub(std::string_view unit, std::string_view part) {
  part = base::Trim(part);
  size_t b = static_cast<size_t>(part.data() - unit.data());
  return {b, b + part.size()};
}

// `s` is a credit on its own ("Photo: AFP", "(AP Photo/Jane Doe)",
// "Getty Images"); sets *value.
bool WholeCredit(std::string_view s, std::string* value) {
  if (s.size() > 200) return false;
  std::string_view inner = s;
  if (inner.size() > 2 && inner.front() == '(' && inner.back() == ')') {
    inner = base::Trim(inner.substr(1, inner.size() - 2));
  }
  bool strong = false;
  if (size_t l = LabelAt(inner, false, &strong);
      l > 0 && CreditValue(inner.substr(l), strong)) {
    *value = Unparen(inner.substr(l));
    return true;
  }
  if (IsCreditExpr(inner, true)) {
    *value = Unparen(inner);
    return true;
  }
  return false;
}

std::optional<CreditSplit> FusedPrefix(std::string_view s) {
  const size_t limit = std::min<size_t>(s.size(), 100);
  if (limit < 3) return std::nullopt;
  Capitals capitals(s, 1, limit - 1);
  for (size_t b = capitals.Next(); b + 1 < limit; b = capitals.Next()) {
    char c = s[b], prev = s[b - 1], next = s[b + 1];
    if (!AsciiLetter(prev)) continue;
    if (!AsciiLower(next) && !(c == 'A' && next == ' ')) continue;
    std::string_view prefix = s.substr(0, b);
    bool ok = IsCreditExpr(prefix, true);
    if (!ok && AsciiLower(next) && b + 2 < s.size() && AsciiLower(s[b + 2])) {
      // An unknown all-capitals credit: "BARCROFTThe ...".
      size_t letters = 0;
      ok = AsciiUpper(prefix[0]);
      for (char p : prefix) {
        letters += AsciiUpper(p);
        ok = ok && (AsciiUpper(p) || p == ' ' || p == '/' || p == '.' ||
                    p == '&' || p == '-');
      }
      ok = ok && letters >= 3;
    }
    if (!ok) continue;
    std::string_view rest = s.substr(b);
    if (base::CountWords(rest.substr(0, 200)) < 2) continue;
    CreditSplit out;
    out.credit = Sub(s, prefix);
    out.caption = Sub(s, rest);
    out.value = std::string(base::Trim(prefix));
    out.credit_first = true;
    return out;
  }
  return std::nullopt;
}

CreditSplit Trailing(std::string_view s, size_t credit_begin,
                     std::string value) {
  CreditSplit out;
  out.caption = Sub(s, s.substr(0, credit_begin));
  out.credit = Sub(s, s.substr(credit_begin));
  out.value = std::move(value);
  out.credit_first = false;
  return out;
}

bool IsSeparator(std::string_view t) {
  return t == "|" || t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94";
}

std::optional<CreditSplit> TrailingCredit(std::string_view s,
                                          const Features& f) {
  if (f.words > 60 || f.sentences > 3) return std::nullopt;
  const size_t window = s.size() > 160 ? s.size() - 160 : 0;
  auto enough_caption = [&](size_t end) {
    return base::CountWords(s.substr(0, end)) >= 2;
  };

  // "... (Photo by Jane Doe/Getty Images)", "... (AP Photo/Jane Doe)"
  std::string_view t = s;
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.remove_suffix(1);
  if (!t.empty() && t.back() == ')') {
    size_t open = t.rfind('(');
    if (open != std::string_view::npos && open > 0 && open >= window &&
        enough_caption(open)) {
      std::string_view inner =
          base::Trim(t.substr(open + 1, t.size() - open - 2));
      size_t l = LabelAt(inner, true);
      if (l > 0 && CreditValue(inner.substr(l))) {
        return Trailing(s, open, Unparen(inner.substr(l)));
      }
      if (IsCreditExpr(inner, true)) {
        bool strong = inner.find('/') != std::string_view::npos ||
                      base::ContainsIgnoreCase(inner, "photo") ||
                      base::ContainsIgnoreCase(inner, "images");
        std::string_view before = base::Trim(s.substr(0, open));
        if (strong || (!before.empty() && before.back() != '.')) {
          return Trailing(s, open, Unparen(inner));
        }
      }
    }
  }
  // "... Photo: AFP", "... | Photograph: Jane Doe/Reuters"
  Capitals capitals(s, std::max<size_t>(window, 1), s.size());
  for (size_t p = capitals.Next(); p < s.size(); p = capitals.Next()) {
    if (s[p - 1] != ' ') continue;
    size_t l = LabelAt(s.substr(p), true);
    if (l == 0 || !CreditValue(s.substr(p + l)) || !enough_caption(p)) {
      continue;
    }
    size_t begin = p;
    // Take a separator before the label into the credit block.
    std::string_view before = base::Trim(s.substr(0, p));
    size_t sp = before.rfind(' ');
    std::string_view last =
        before.substr(sp == std::string_view::npos ? 0 : sp + 1);
    if (IsSeparator(last)) begin = static_cast<size_t>(last.data() - s.data());
    return Trailing(s, begin, Unparen(s.substr(p + l)));
  }
  if (f.period_end) return std::nullopt;
  // "... | Getty Images"
  size_t bar = s.rfind(" | ");
  if (bar != std::string_view::npos && bar >= window && enough_caption(bar) &&
      IsCreditExpr(s.substr(bar + 3), true)) {
    return Trailing(s, bar + 1, Unparen(s.substr(bar + 3)));
  }
  // "... REUTERS/Jane Doe", "... Chip Somodevilla/Getty Images": the longest
  // slash expression that ends the line; a name before the first slash has
  // at most two words.
  size_t best = std::string_view::npos;
  size_t start = s.size();
  for (int k = 0; k < 8 && start > window; ++k) {
    size_t sp = s.rfind(' ', start - 1);
    if (sp == std::string_view::npos || sp < window) break;
    start = sp + 1;
    std::string_view expr = s.substr(start);
    int first_words = 0;
    if (expr.find('/') != std::string_view::npos) {
      if (IsCreditExpr(expr, true, &first_words) && first_words <= 2) {
        best = start;
      } else if (best != std::string_view::npos) {
        break;
      }
    }
    start = sp;
  }
  if (best != std::string_view::npos && enough_caption(best)) {
    return Trailing(s, best, Unparen(s.substr(best)));
  }
  return std::nullopt;
}

}  // namespace

bool NameLike(std::string_view t) {
  if (t.empty() || t.size() > 30) return false;
  size_t i = 0;
  char32_t cp = base::NextCodePoint(t, &i);
  if (!base::IsUpper(cp)) return false;
  while (i < t.size()) {
    cp = base::NextCodePoint(t, &i);
    if (!base::IsLetter(cp) && cp != '.' && cp != '-' && cp != '\'' &&
        cp != 0x2019) {
      return false;
    }
  }
  return true;
}

bool IsAgency(std::string_view s) { return WholeAgency(base::Trim(s)); }

std::optional<CreditSplit> FindCredit(std::string_view unit,
                                      const Features& f) {
  std::string value;
  if (f.words <= 12 && WholeCredit(unit, &value)) {
    CreditSplit out;
    out.credit = Sub(unit, unit);
    out.value = std::move(value);
    return out;
  }
  // "Image copyright Getty Images Image caption The leaders met ..."
  if (size_t l = LabelAt(unit, false); l > 0 && unit.size() < 2000) {
    for (std::string_view cap : {" Image caption ", " Caption: "}) {
      size_t c = unit.find(cap);
      if (c != std::string_view::npos && c > l &&
          CreditValue(unit.substr(l, c - l))) {
        CreditSplit out;
        out.credit = Sub(unit, unit.substr(0, c));
        out.caption = Sub(unit, unit.substr(c));
        out.value = Unparen(unit.substr(l, c - l));
        return out;
      }
    }
  }
  if (auto fused = FusedPrefix(unit)) return fused;
  return TrailingCredit(unit, f);
}

}  // namespace newstrace::extract::text
