// Notices around an article (text_notices.h). Each is a short line whose
// opening words, or a few fixed phrases in it, say what it is; the lists are
// in CueKey form, in English, German, French and Spanish, and a phrase that
// a news sentence could open with is only matched in short lines.
#include "extract/text_notices.h"

#include <algorithm>

#include "base/dates.h"
#include "base/strings.h"

namespace newstrace::extract::text {
namespace {

// clang-format off
// A label that makes the rest of the line an ad, whatever its punctuation
// ("Sponsored: Is this the end of back pain?").
constexpr auto kAdvertisementLabel = Phrases({
    "sponsored:", "advertisement:", "promoted:", "paid content:",
    "partner content:", "anzeige:", "werbung:", "publicité :", "publicité:",
    "publicidad:", "patrocinado:"});
// A media player's controls, left in the text by scrapers.
constexpr auto kPlayer = Phrases({
    "play", "pause", "mute", "unmute", "fullscreen", "non-fullscreen",
    "chapters", "descriptions", "subtitles", "captions", "audio track",
    "playback rate", "this is a modal window", "caption settings dialog",
    "close modal dialog", "end of dialog window",
    "beginning of dialog window. escape will cancel and close the window",
    "descriptions off, selected", "subtitles off, selected",
    "captions off, selected", "subtitles settings", "captions settings"});
constexpr auto kPlayerPrefix = Phrases({
    "current time ", "duration time ", "remaining time ", "loaded:",
    "progress:", "stream type", "captions settings, opens", "font size",
    "text edge style", "font family"});
// Requests to share or like the article ("Please SHARE if you agree!").
constexpr auto kSharePrompt = Phrases({
    "please share", "share if", "please like and share", "like and share",
    "like & share", "please retweet", "share this on", "share this with",
    "share this story on", "share this story with", "share this story if",
    "share this article on", "share this article with",
    "share this article if", "share this post on", "share this post if",
    "share this video", "share this if", "bitte teilen", "teilen sie diesen",
    "partagez cet", "partagez si", "partagez ce", "comparte este",
    "comparte si", "compártelo"});
// Notes that the article was first printed elsewhere: they open the line.
constexpr auto kRepublishedPrefix = Phrases({
    "originally published", "originally appeared", "originally posted",
    "republished with", "republished from", "reprinted with",
    "reprinted from", "reposted with", "reposted from", "a version of this",
    "h/t", "(h/t", "hat tip:",
    "hat tip to", "zuerst erschienen", "initialement publié",
    "publicado originalmente", "publicado originalmente en"});
// Op-ed disclaimers: "The views expressed in this article are ..."
constexpr auto kDisclaimerPrefix = Phrases({
    "the views expressed", "the opinions expressed", "views expressed in",
    "opinions expressed in", "disclaimer:", "die in diesem artikel",
    "las opiniones expresadas",
    "les opinions exprimées"});
// Category lines may list many names: "Filed under: ..., ..., ..."
constexpr auto kCategoryPrefix = Phrases({
    "posted in", "filed under", "categories:", "category:"});
// ... or follow "This article", "This story" (kRepublishedSubject).
constexpr auto kRepublishedSubject = Phrases({
    "this article", "this story", "this post", "this piece", "this column",
    "this essay", "this op-ed", "this commentary", "article", "dieser artikel",
    "cet article", "este artículo"});
constexpr std::string_view kRepublishedVerb[] = {    "originally", "first appeared", "first ran", "was first published",
    "republished", "reprinted", "zuerst", "initialement", "originalmente"};
// clang-format on

// "© 2021 Harbour Press Ltd", "(c) 2019 ...", "Copyright 2020 Jane Doe",
// "Copyright © Example Media": a copyright notice opens the line.
bool CopyrightNotice(std::string_view raw) {
  std::string_view rest;
  bool symbol = false;
  for (std::string_view p : {"\xC2\xA9", "(c)", "copyright"}) {
    if (base::StartsWith(raw, p)) {
      rest = base::Trim(raw.substr(p.size()));
      symbol = p != "copyright";
      break;
    }
  }
  if (rest.empty()) return false;
  for (std::string_view p : {"\xC2\xA9", "(c)"}) {
    if (base::StartsWith(rest, p)) {
      rest = base::Trim(rest.substr(p.size()));
      symbol = true;
    }
  }
  bool year = rest.size() >= 4 && (rest[0] == '1' || rest[0] == '2') &&
              std::all_of(rest.begin(), rest.begin() + 4,
                          [](char c) { return c >= '0' && c <= '9'; });
  // "(c)" alone could open an enumeration: "(c) the third reason".
  return year || (symbol && !base::StartsWith(raw, "(c)"));
}

// "1.2k SHARES Facebook Twitter", "4,812 shares": a share or view counter.
bool ShareCounter(std::string_view key, const Features& f) {
  if (f.words > 15) return false;
  int i = 0;
  bool ok = false;
  ForEachToken(key, [&](const Token& t) {
    if (i == 0) {
      std::string_view n = t.whole;
      if (!n.empty() && (n.back() == 'k' || n.back() == 'm'))
        n.remove_suffix(1);
      ok = !n.empty() &&
           n.find_first_not_of("0123456789.,") == std::string_view::npos;
    } else if (i == 1) {
      ok = ok && (t.core == "shares" || t.core == "share" ||
                  t.core == "views" || t.core == "likes");
    }
    ++i;
    return ok && i < 2;
  });
  return ok && i >= 2;
}

// "This article was originally published at ...", "h/t Example Blog".
bool Republished(std::string_view raw, const Features& f) {
  if (f.words > 30) return false;
  if (!PrefixIn(raw, kRepublishedPrefix).empty()) return true;
  std::string_view subject = PrefixIn(raw, kRepublishedSubject);
  if (subject.empty()) return false;
  std::string_view rest = std::string_view(raw).substr(subject.size());
  return ContainsAny(rest.substr(0, 40), kRepublishedVerb);
}

// "pic.example.com/Ab12": a host with a dot, then a path, no scheme.
bool LinkLike(std::string_view t) {
  size_t slash = t.find('/');
  size_t dot = t.find('.');
  return slash != std::string_view::npos && dot != std::string_view::npos &&
         dot > 0 && dot < slash && slash + 1 < t.size();
}

// "— Jane Doe (@jdoe) March 3, 2021", "pic.twitter.com/x — Jane Doe (@jdoe)
// March 3, 2021": the signature an embedded post leaves in the text, alone
// or after nothing but links. A post's own words before it are not.
bool EmbedSignature(std::string_view unit, const Features& f) {
  if (f.words > 20 || unit.size() > 240) return false;
  size_t handle = unit.find("(@");
  if (handle == std::string_view::npos) return false;
  size_t close = unit.find(')', handle);
  if (close == std::string_view::npos) return false;
  std::string_view after = unit.substr(close + 1);
  if (base::CountWords(after) > 6 || !base::FindDate(after)) return false;
  // The name: what follows the last dash before the handle, or the line's
  // start; before the dash only links.
  std::string_view head = unit.substr(0, handle);
  std::string_view name = head;
  for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", " - ", "-"}) {
    size_t d = head.rfind(dash);
    if (d == std::string_view::npos) continue;
    if (dash == "-" && d != 0) continue;
    bool links = true;
    ForEachToken(head.substr(0, d), [&](const Token& t) {
      links = IsUrl(t.whole) || LinkLike(t.whole);
      return links;
    });
    if (!links) return false;
    name = head.substr(d + dash.size());
    break;
  }
  int words = base::CountWords(name);
  return words >= 1 && words <= 8;
}

}  // namespace

Cue MatchNotice(std::string_view unit, std::string_view key,
                std::string_view raw, const Features& f, bool prompt) {
  if (f.words <= 30 && !PrefixIn(raw, kAdvertisementLabel).empty()) {
    return Cue::kAdvertisement;
  }
  if (In(key, kPlayer) || ShareCounter(key, f) ||
      (f.words <= 8 && !PrefixIn(raw, kPlayerPrefix).empty())) {
    return Cue::kNavigation;
  }
  if (f.words <= 60 && CopyrightNotice(raw)) return Cue::kNavigation;
  if (f.words <= 45 && !PrefixIn(raw, kSharePrompt).empty()) {
    return Cue::kNavigation;
  }
  if (Republished(raw, f) ||
      (f.words <= 60 && !PrefixIn(raw, kDisclaimerPrefix).empty())) {
    return Cue::kOther;
  }
  if (f.words <= 40 && prompt) {
    return Cue::kNavigation;
  }
  if (f.words <= 100 && f.sentences <= 1 &&
      !PrefixIn(raw, kCategoryPrefix).empty()) {
    return Cue::kNavigation;
  }
  if (EmbedSignature(unit, f)) return Cue::kEmbedCredit;
  return Cue::kNone;
}

}  // namespace newstrace::extract::text
