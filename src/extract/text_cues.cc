// Cue lists for plain-text cleaning (text_cues.h). The lists are written in
// CueKey form: lower case, single spaces, no trailing punctuation. They hold
// the phrases sites print around an article in English, German, French and
// Spanish; a phrase is only matched on a whole short line or at its start,
// never inside body prose.
#include "extract/text_cues.h"

#include <algorithm>
#include <array>

#include "base/dates.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "extract/byte_blocks.h"
#include "extract/text_notices.h"

namespace newstrace::extract::text {
namespace {

// clang-format off
constexpr auto kAdvertisement = Phrases({
    "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
    "sponsored content", "sponsored links", "sponsored post", "promoted",
    "promoted content", "paid content", "paid post", "partner content",
    "anzeige", "werbung", "publicité", "publicidad",
    "story continues below advertisement",
    "article continues below advertisement", "continue reading below",
    "continue reading the main story", "scroll to continue with content",
    "advertisement - scroll to continue", "remove ads", "ad feedback",
    "report this ad", "skip ad", "story continued below",
    "article continued below", "continued below", "story continues below",
    "article continues below", "the story continues below"});
constexpr auto kAdvertisementPrefix = Phrases({
    "advertisement", "sponsored by", "paid for by", "promoted by", "anzeige:",
    "publicité :"});

constexpr auto kRelatedHeader = Phrases({
    "read more", "related report", "related reports", "related",
    "related articles", "related stories", "related posts", "related news",
    "related content", "related coverage", "related links", "related reading",
    "more stories", "more news", "more on this story", "more on this",
    "more on this topic", "read next", "what to read next", "you may also like",
    "you might also like", "you may be interested in", "recommended",
    "recommended for you", "recommended stories", "recommended reading",
    "most read", "most popular", "most viewed", "popular", "trending",
    "trending now", "trending stories", "top stories", "latest news",
    "latest stories", "don't miss", "editor's picks",
    "for more information see", "further reading", "see also", "mehr zum thema",
    "weitere artikel", "das könnte sie auch interessieren", "auch interessant",
    "à lire aussi", "lire aussi", "sur le même sujet", "voir aussi",
    "noticias relacionadas", "te puede interesar", "más noticias",
    "también te puede interesar"});
constexpr auto kRelatedHeaderPrefix = Phrases({
    "more from ", "more in ", "more stories from ", "also on "});
constexpr auto kSponsoredHeader = Phrases({
    "around the web", "from our partners", "sponsored stories",
    "promoted stories", "from the web", "paid partner content"});
constexpr auto kCommentHeader = Phrases({
    "comments", "comment", "leave a comment", "leave a reply", "post a comment",
    "add a comment", "add comment", "reader comments", "join the discussion",
    "join the conversation", "show comments", "view comments", "discussion",
    "kommentare", "commentaires", "comentarios", "what do you think",
    "have your say"});

constexpr auto kRelatedPrefix = Phrases({
    "read more:", "read more -", "related:", "related -", "see also:",
    "also read:", "read also:", "also read", "read also", "more:", "watch:",
    "read:", "recommended:", "don't miss:", "must read:", "must see:",
    "trending:", "latest:", "lesen sie auch:", "mehr zum thema:",
    "lire aussi :", "lire aussi:", "à lire aussi :", "à lire aussi:",
    "lee también:", "leer más:", "lea también:", "te puede interesar:"});

constexpr auto kTagPrefix = Phrases({
    "tags:", "tagged:", "tagged with:", "topics:", "keywords:",
    "related topics:", "schlagworte:", "schlagwörter:", "themen:",
    "mots-clés :", "mots-clés:", "mots clés :", "etiquetas:", "temas:"});

constexpr auto kCaptionPrefix = Phrases({
    "pictured:", "pictured above:", "above:", "below:", "left:", "right:",
    "top:", "main picture:", "main image:", "image caption", "caption:",
    "photo caption:", "in the photo:", "bildunterschrift:", "légende :",
    "légende:", "pie de foto:"});

constexpr auto kContributorPrefix = Phrases({
    "reporting by", "additional reporting by", "writing by", "editing by",
    "compiled by", "with reporting by", "(reporting by",
    "(additional reporting by", "(writing by", "(editing by", "contributing:",
    "contributors:"});
constexpr std::string_view kContributorContains[] = {
    "contributed to this report", "contributed reporting",
    "contributed to this article"};

constexpr auto kNavigation = Phrases({
    "read more", "more", "share", "share this", "share this article",
    "share this story", "share this post", "share on facebook",
    "share on twitter", "tweet", "email", "e-mail", "print", "reply", "like",
    "follow", "subscribe", "subscribe now", "sign up", "log in", "login",
    "register", "sign in", "menu", "home", "search", "skip to content",
    "skip to main content", "back to top", "next", "previous", "next article",
    "previous article", "next story", "previous story", "continue reading",
    "click here", "click to enlarge", "enlarge this image", "toggle caption",
    "hide caption", "view gallery", "watch", "video", "listen", "loading",
    "close", "expand", "collapse", "see more", "show more", "load more",
    "view all", "full story", "top", "weiterlesen", "mehr", "teilen",
    "lire la suite", "partager", "leer más", "compartir", "seguir leyendo",
    "next page", "previous page", "prev page", "nächste seite",
    "vorherige seite", "page suivante", "page précédente",
    "página siguiente", "página anterior"});

constexpr auto kNavigationPrefix = Phrases({
    "read more", "read the full", "click here", "click to", "tap here",
    "subscribe to", "subscribe for", "subscribe now", "sign up for",
    "sign up to", "follow us", "follow @", "follow him on", "follow her on",
    "follow them on", "like us on", "share this", "share on", "join us on",
    "download our app", "download the app", "get our newsletter",
    "get the latest", "sign up now", "we use cookies", "this site uses cookies",
    "this website uses cookies", "by continuing to use", "accept cookies",
    "copyright ©", "©", "all rights reserved", "terms of use",
    "privacy policy", "home >", "home »", "you are here:", "posted in",
    "filed under", "categories:", "category:", "continue reading",
    "story continues", "send us a correction", "see an error",
    "report an error", "report a typo", "have a news tip", "become a patron",
    "listen to the podcast", "watch the video", "watch the full",
    "spread the word", "please adhere to", "like this:", "abonnieren sie",
    "jetzt abonnieren", "abonnez-vous", "suscríbete", "suscribete", "síguenos",
    "suivez-nous", "folgen sie uns"});
// Openings that a news sentence may share ("Return to work was slow,
// he said."): boilerplate only in a line of at most six words.
constexpr auto kNavigationPrefixShort = Phrases({
    "skip to", "jump to", "back to", "return to", "contact us", "about us",
    "got a story", "support our", "donate"});
// Phrases that make a short line boilerplate wherever they stand in it.
constexpr std::string_view kNavigationContains[] = {
    "appeared first on", "all rights reserved", "uses cookies", "use cookies",
    "commenting policy", "comment policy", "enable javascript",
    "javascript is disabled", "your browser does not", "sign up for our",
    "subscribe to our", "our newsletter", "follow us on", "click here"};
// Phrases that only do so in a very short line (a news sentence may name
// a privacy policy).
constexpr std::string_view kNavigationContainsShort[] = {
    "cookie policy", "privacy policy", "terms of service",
    "terms and conditions", "newsletter"};
constexpr auto kSocial = Phrases({
    "facebook", "twitter", "whatsapp", "email", "e-mail", "print", "pinterest",
    "linkedin", "reddit", "share", "tweet", "messenger", "telegram", "copy",
    "link", "comments", "instagram", "youtube", "flipboard", "sms", "mail",
    "save", "x", "tumblr", "google", "google+", "skype", "pocket", "vk", "xing",
    "more", "telegram", "threads", "bluesky"});

constexpr std::string_view kNetworks[] = {
    "twitter", "facebook", "instagram", "youtube", "linkedin", "telegram",
    "tiktok", "pinterest", "reddit", "whatsapp", "flipboard", "rss"};

constexpr std::string_view kCaptionWords[] = {
    "pictured", "(left)", "(right)", "(centre)", "(center)", "(top)", "(above)",
    "(below)", "file photo", "in this photo", "in this image",
    "in this picture", "handout", "seen here", "is seen", "are seen",
    "pose for", "poses for", "photographed", "abgebildet", "im bild",
    "sur la photo", "en la imagen", "en la foto"};
// Decoration around cue phrases: "Read more »", "> Share", "[Advertisement]"
constexpr std::string_view kTrailingDecor[] = {
    " ", ":", ".", "!", ">", "-", "|", "*", "\xC2\xBB", "\xE2\x80\xBA",
    "\xE2\x86\x92", "\xE2\x80\xA6", "\xE2\x80\x93", "\xE2\x80\x94"};
constexpr std::string_view kLeadingDecor[] = {
    " ", "\xC2\xBB", "\xE2\x80\xBA", ">", "*", "\xE2\x80\xA2", "-", "|"};
// clang-format on

// The lists MatchCue looks for anywhere in `raw`, found in one pass
// (ScanPhrases): bit g of the result for the g-th list. Only units of at
// most kScannedWords words use what it finds (here and in MatchNotice).
constexpr auto kContainsScanner =
    ScanLists(kNoticePrompts, kContributorContains, kNavigationContains,
              kNavigationContainsShort);
constexpr int kScannedWords = 40;
constexpr uint32_t kFoundPrompt = 1u << 0;
constexpr uint32_t kFoundContributor = 1u << 1;
constexpr uint32_t kFoundNavigation = 1u << 2;
constexpr uint32_t kFoundNavigationShort = 1u << 3;

// "Home > World > Europe", "News | Sport | Weather": three or more short
// segments between separators.
bool IsMenu(std::string_view key, const Features& f) {
  if (f.words > 20 || f.Terminal()) return false;
  // Every separator holds one of these bytes ('>', '|', '/', or the lead
  // byte of U+00BB, U+00B7, U+203A, U+2022): without them, no menu, and no
  // need to tokenize.
  if (key.find_first_of(">|/\xC2\xE2") == std::string_view::npos) {
    return false;
  }
  int separators = 0, longest = 0, current = 0;
  bool ok = true;
  ForEachToken(key, [&](const Token& t) {
    std::string_view w = t.whole;
    if (w == ">" || w == "»" || w == "›" || w == "|" || w == "/" ||
        w == "\xE2\x80\xA2" || w == "\xC2\xB7") {
      ++separators;
      if (current == 0) ok = false;
      current = 0;
    } else if (!t.core.empty()) {
      longest = std::max(longest, ++current);
    }
    return true;
  });
  return ok && separators >= 2 && longest <= 4 && current > 0;
}

bool AllSocial(std::string_view key) {
  bool any = false, all = true;
  ForEachToken(key, [&](const Token& t) {
    if (t.core.empty()) return true;
    any = true;
    if (!In(t.core, kSocial)) all = false;
    return all;
  });
  return any && all;
}

bool AllHashtags(std::string_view unit) {
  bool any = false, all = true;
  ForEachToken(unit, [&](const Token& t) {
    if (t.core.empty()) return true;
    any = true;
    all = t.whole[0] == '#';
    return all;
  });
  return any && all;
}

bool OnlyUrls(std::string_view unit) {
  bool any = false, all = true;
  ForEachToken(unit, [&](const Token& t) {
    if (t.core.empty()) return true;
    any = true;
    all = IsUrl(t.whole);
    return all;
  });
  return any && all;
}

// The text after the first ':' of `unit` (trimmed).
std::string_view AfterColon(std::string_view unit) {
  size_t c = unit.find(':');
  return c == std::string_view::npos ? std::string_view()
                                     : base::Trim(unit.substr(c + 1));
}

}  // namespace

bool IsUrl(std::string_view t) {
  return base::StartsWith(t, "http://") || base::StartsWith(t, "https://") ||
         base::StartsWith(t, "www.");
}

namespace {

// False when no token of `unit` can be a URL (IsUrl): every URL holds
// "://" or "www.". Searching for ':' and 'w' skips more text than for 'h'.
bool HasUrlOpening(std::string_view unit) {
  return Contains(unit, "://") || Contains(unit, "www.");
}

// Byte -> its ASCII lower case, or 0 for the bytes LowerCollapsedInto
// handles one at a time: white space, non-ASCII bytes, and NUL.
constexpr std::array<unsigned char, 256> kPlainLower = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 1; c < 0x80; ++c) {
    const bool space = c == ' ' || (c >= '\t' && c <= '\r');
    t[c] = space
               ? 0
               : static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return t;
}();

// The bytes of base::CollapseWhitespace(LowerWord(s)) in one pass, written
// at `out` (room for 3 * s.size() bytes); returns their length. Code points
// lower-cased, U+2019 as an apostrophe, each run of white space (NBSP and
// the other Unicode spaces too) one space, none at either end. Most news
// text has some typographic quote: the two calls cost several times this on
// every short line.
//
// A run of white space writes its space at once, unless the output is
// empty or already ends in one; a space left at the end is taken back. So
// words with single spaces between them are copied as they are: eight
// bytes at a time when all are printable ASCII with no two spaces in a row
// (nor a space first after a space), lower-cased with word-wide bit
// arithmetic; a run of other plain ASCII through a table; the rest decoded.
// Room: a whitespace run gives at most one byte, an ASCII byte one, and a
// code point of k bytes at most max(3, k) (an ill-formed byte becomes
// U+FFFD, three bytes); so at most 3 * i bytes are written for the first i.
size_t LowerCollapsedInto(std::string_view s, char* out) {
  size_t o = 0;
  bool after_space = true;  // o == 0 or out[o - 1] == ' '
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    while (n - i >= 8) {
      // Once no byte has its high bit set, no sum below carries into the
      // next byte.
      const uint64_t w = Load8(s.data() + i);
      // A non-ASCII byte, or one below 0x20 (control, tab, newline, NUL).
      if (((w | ((w - 0x20 * kOnes) & ~w)) & kHighBits) != 0) break;
      const uint64_t spaces = ByteBits(w, ' ');
      const uint64_t space_before = after_space ? 0x80 : 0;
      if ((spaces & ((spaces << 8) | space_before)) != 0) break;
      Store8(w | AsciiCapitalBits(w) >> 2, out + o);  // 0x80 >> 2: 'a' - 'A'
      o += 8;
      i += 8;
      after_space = (spaces >> 63) != 0;
    }
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (unsigned char lower = kPlainLower[c]; lower != 0) {
      out[o++] = static_cast<char>(lower);
      ++i;
      while (i < n) {
        lower = kPlainLower[static_cast<unsigned char>(s[i])];
        if (lower == 0) break;
        out[o++] = static_cast<char>(lower);
        ++i;
      }
      after_space = false;
      continue;
    }
    if (c < 0x80) {
      ++i;
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        if (!after_space) out[o++] = ' ';
        after_space = true;
        continue;
      }
      out[o++] = static_cast<char>(c);  // NUL
      after_space = false;
      continue;
    }
    size_t next = i;  // `i` itself stays in a register
    const char32_t lower =
        base::ToLower(base::NextMultiByteCodePoint(s, &next));
    i = next;
    if (base::IsSpace(lower)) {
      if (!after_space) out[o++] = ' ';
      after_space = true;
      continue;
    }
    if (lower == 0x2019) {
      out[o++] = '\'';
    } else {
      o += base::EncodeUtf8(lower, out + o);
    }
    after_space = false;
  }
  if (o > 0 && after_space) --o;
  return o;
}

std::string LowerCollapsed(std::string_view s) {
  std::string out(s.size() * 3, '\0');
  out.resize(LowerCollapsedInto(s, out.data()));
  return out;
}

// The one-byte entries of a decoration list, as a table of bytes; the
// other entries (non-ASCII marks) are rare and are compared in turn.
template <size_t N>
constexpr std::array<bool, 256> OneByteEntries(
    const std::string_view (&list)[N]) {
  std::array<bool, 256> t{};
  for (std::string_view d : list) {
    if (d.size() == 1) t[static_cast<unsigned char>(d[0])] = true;
  }
  return t;
}
// TrailingDecor and LeadingDecor compare the longer entries only after a
// non-ASCII end byte: every such entry must start and end with one.
template <size_t N>
constexpr bool LongEntriesNonAscii(const std::string_view (&list)[N]) {
  for (std::string_view d : list) {
    if (d.size() > 1 && (static_cast<unsigned char>(d.front()) < 0x80 ||
                         static_cast<unsigned char>(d.back()) < 0x80)) {
      return false;
    }
  }
  return true;
}
static_assert(LongEntriesNonAscii(kTrailingDecor) &&
                  LongEntriesNonAscii(kLeadingDecor),
              "a multi-byte decoration must start and end with a non-ASCII "
              "byte");
constexpr std::array<bool, 256> kTrailingDecorByte =
    OneByteEntries(kTrailingDecor);
constexpr std::array<bool, 256> kLeadingDecorByte =
    OneByteEntries(kLeadingDecor);

// The length of the kTrailingDecor entry that `key` ends with, or 0.
size_t TrailingDecor(std::string_view key) {
  if (key.empty()) return 0;
  const unsigned char last = static_cast<unsigned char>(key.back());
  if (kTrailingDecorByte[last]) return 1;
  if (last < 0x80) return 0;  // the longer entries end in a non-ASCII byte
  for (std::string_view d : kTrailingDecor) {
    if (d.size() > 1 && key.ends_with(d)) return d.size();
  }
  return 0;
}

// The length of the kLeadingDecor entry that `key` starts with, or 0.
size_t LeadingDecor(std::string_view key) {
  if (key.empty()) return 0;
  const unsigned char first = static_cast<unsigned char>(key.front());
  if (kLeadingDecorByte[first]) return 1;
  if (first < 0x80) return 0;  // the longer entries start with one
  for (std::string_view d : kLeadingDecor) {
    if (d.size() > 1 && key.starts_with(d)) return d.size();
  }
  return 0;
}

// CueKey's decoration stripping, on `key` already lower-cased and collapsed:
// the part of `key` that is left. Decoration goes from the end, then from
// the start, as long as there is some: the same as stripping the entries of
// kTrailingDecor and kLeadingDecor in turns until none is left, since every
// entry is a whole code point of the valid UTF-8 `key` (text_cues_test.cc
// compares the two).
std::string_view StripDecor(std::string_view key) {
  while (size_t n = TrailingDecor(key)) key.remove_suffix(n);
  while (size_t n = LeadingDecor(key)) key.remove_prefix(n);
  if (key.size() >= 2 && ((key.front() == '[' && key.back() == ']') ||
                          (key.front() == '(' && key.back() == ')'))) {
    key = key.substr(1, key.size() - 2);
  }
  return key;
}

}  // namespace

std::string CueKey(std::string_view s) {
  if (s.size() > 300) return "";
  return std::string(StripDecor(LowerCollapsed(s)));
}

bool HasCaptionWords(std::string_view s) {
  if (s.size() > 400) return false;
  std::string key = LowerWord(s);
  return ContainsAny(key, kCaptionWords);
}

bool StartsWithListMarker(std::string_view s) {
  Features f = ComputeFeatures(s.substr(0, 8));
  return f.list_number || f.list_bullet;
}

Cue MatchCue(std::string_view unit, const Features& f) {
  if (f.words == 0) return Cue::kOther;
  if (f.bytes > 400) return Cue::kNone;
  // `key` (no decoration) is matched whole against the plain lists; `raw`
  // keeps the punctuation as written ("read more: ...") and is matched by
  // prefix against the lists whose entries end in ':'.
  // CueKey(unit) is `raw` stripped of decoration: lower-case and collapse
  // once, into a buffer on the stack (f.bytes is unit.size()).
  char stack[3 * 400];
  std::string heap;
  char* buffer = stack;
  if (unit.size() > 400) {
    heap.resize(unit.size() * 3);
    buffer = heap.data();
  }
  const std::string_view raw(buffer, LowerCollapsedInto(unit, buffer));
  const std::string_view key =
      unit.size() > 300 ? std::string_view() : StripDecor(raw);
  // Every phrase of the contains-anywhere lists, found in one pass; the
  // rules that read them all stop at kScannedWords words.
  const uint32_t found =
      f.words <= kScannedWords ? ScanPhrases(raw, kContainsScanner) : 0;

  if (In(key, kAdvertisement)) return Cue::kAdvertisement;
  if (f.words <= 12 && !PrefixIn(raw, kAdvertisementPrefix).empty() &&
      !f.Terminal()) {
    return Cue::kAdvertisement;
  }
  if (In(key, kCommentHeader)) return Cue::kCommentHeader;
  {
    // "12 comments", "comments (12)", "3 responses"
    std::string_view k = key;
    size_t d = 0;
    while (d < k.size() && k[d] >= '0' && k[d] <= '9') ++d;
    std::string_view rest = d > 0 ? base::Trim(k.substr(d)) : k;
    if (d > 0 &&
        (rest == "comments" || rest == "comment" || rest == "responses" ||
         rest == "replies" || rest == "kommentare" || rest == "commentaires" ||
         rest == "comentarios")) {
      return Cue::kCommentHeader;
    }
    if (k.starts_with("comments (") || k.starts_with("comments ")) {
      std::string_view n = k.substr(9);
      if (!n.empty() &&
          n.find_first_not_of("0123456789() ") == std::string_view::npos) {
        return Cue::kCommentHeader;
      }
    }
  }
  if (In(key, kSponsoredHeader)) return Cue::kSponsoredHeader;
  if (In(key, kRelatedHeader)) return Cue::kRelatedHeader;
  if (f.words <= 6 && !f.Terminal() &&
      !PrefixIn(key, kRelatedHeaderPrefix).empty()) {
    return Cue::kRelatedHeader;
  }
  if (Cue notice = MatchNotice(unit, key, raw, f, (found & kFoundPrompt) != 0);
      notice != Cue::kNone) {
    return notice;
  }
  if (In(key, kNavigation) || AllSocial(key)) return Cue::kNavigation;

  if (std::string_view p = PrefixIn(raw, kRelatedPrefix); !p.empty()) {
    std::string_view rest = AfterColon(unit);
    if (rest.empty()) {
      rest = base::Trim(unit.substr(std::min(unit.size(), p.size())));
    }
    if (OnlyUrls(rest)) return Cue::kNavigation;
    if (base::CountWords(rest) >= 2) return Cue::kRelatedPrefix;
  }
  if (!PrefixIn(raw, kTagPrefix).empty() &&
      (f.words <= 40 || (f.words <= 100 && f.sentences <= 1))) {
    return Cue::kTagList;
  }
  if (AllHashtags(unit)) return Cue::kTagList;
  if (!PrefixIn(raw, kCaptionPrefix).empty()) return Cue::kCaptionPrefix;
  if (f.words <= kScannedWords && (!PrefixIn(raw, kContributorPrefix).empty() ||
                                   (found & kFoundContributor) != 0)) {
    return Cue::kContributors;
  }
  if ((f.words <= 25 && !PrefixIn(raw, kNavigationPrefix).empty()) ||
      (f.words <= 6 && !PrefixIn(raw, kNavigationPrefixShort).empty())) {
    return Cue::kNavigation;
  }
  if (f.words <= 30 && (found & kFoundNavigation) != 0) {
    return Cue::kNavigation;
  }
  if (f.words <= 8 && (found & kFoundNavigationShort) != 0) {
    return Cue::kNavigation;
  }
  if (IsMenu(key, f)) return Cue::kNavigation;
  // "Follow the institute on Twitter", "Join us on Facebook"
  if (f.words <= 15 &&
      (base::StartsWith(raw, "follow ") || base::StartsWith(raw, "like ") ||
       base::StartsWith(raw, "join ") || base::StartsWith(raw, "find us")) &&
      ContainsAny(raw, kNetworks)) {
    return Cue::kNavigation;
  }
  // A URL token starts with "http" or "www.": without them in the line,
  // the two URL rules below cannot match, and need not tokenize it.
  const bool may_have_url = HasUrlOpening(unit);
  if (may_have_url && OnlyUrls(unit)) return Cue::kOther;
  if (may_have_url) {
    // "Facebook Link: http://...": a URL under a label of a few words.
    int urls = 0, other = 0;
    ForEachToken(unit, [&](const Token& t) {
      if (IsUrl(t.whole)) {
        ++urls;
      } else if (!t.core.empty()) {
        ++other;
      }
      return true;
    });
    if (urls > 0 && other <= 3) return Cue::kOther;
  }
  if (f.words <= 12 &&
      (base::StartsWith(raw, "source:") || base::StartsWith(raw, "via:") ||
       base::StartsWith(raw, "quelle:") || base::StartsWith(raw, "fuente:"))) {
    return Cue::kOther;
  }
  if (f.words == 1 && unit.find('@') != std::string_view::npos) {
    return Cue::kOther;  // an e-mail address or a handle
  }
  if (f.letters == 0 && f.words <= 3 && !f.list_number &&
      !base::FindDate(unit)) {
    return Cue::kOther;  // "***", "1/5", but not "12.10.2022"
  }
  return Cue::kNone;
}

}  // namespace newstrace::extract::text
