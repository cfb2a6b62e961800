// Plain-text cleaning, layer 2: what a line's own words say it is, before
// any context (navigation and ad phrases, "READ MORE:" inserts, section
// headers, tag lists, caption prefixes). Internal to the extract module.
#ifndef NEWSTRACE_EXTRACT_TEXT_CUES_H_
#define NEWSTRACE_EXTRACT_TEXT_CUES_H_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "extract/text_features.h"

namespace newstrace::extract::text {

enum class Cue {
  kNone,
  kNavigation,       // "Share this article", "Subscribe", breadcrumbs, cookies
  kAdvertisement,    // "Advertisement", "Sponsored content"
  kRelatedPrefix,    // "READ MORE: Headline of another story"
  kRelatedHeader,    // "Related articles": what follows are links
  kSponsoredHeader,  // "Around the web": what follows are ads
  kCommentHeader,    // "12 Comments", "Leave a reply": what follows, comments
  kTagList,          // "Tags: Syria, Russia", "#Syria #Russia"
  kCaptionPrefix,    // "Pictured: ...", "Image caption ..."
  kContributors,     // "Reporting by ...; Editing by ..."
  kEmbedCredit,      // "— Jane Doe (@jdoe) March 3, 2021": an embedded post's
                     // attribution
  kOther,            // a bare URL, "Source: ...", symbols only
};

// The cue of one unit with features `f`, or kNone. Long units (prose) only
// match the few cues that can be long.
Cue MatchCue(std::string_view unit, const Features& f);

// `s` lower-cased, spaces collapsed, decoration (arrows, bullets, trailing
// colons and dots) stripped: the form cue lists are written in. Empty for
// strings longer than 300 bytes.
std::string CueKey(std::string_view s);

// True when `s` holds words that captions use: "pictured", "(left)",
// "file photo", "in this photo".
bool HasCaptionWords(std::string_view s);

// True when `t` starts with "http://", "https://" or "www.".
bool IsUrl(std::string_view t);

// Matching against the phrase lists of the cue files (text_cues.cc,
// text_notices.cc), written in CueKey form. `In`: `key` is an entry.
// Both compare the length and the first byte before the bytes: most entries
// differ there, and a line is matched against hundreds of entries.
template <size_t N>
bool In(std::string_view key, const std::string_view (&list)[N]) {
  for (std::string_view p : list) {
    if (p.size() == key.size() && (p.empty() || p[0] == key[0]) && p == key) {
      return true;
    }
  }
  return false;
}

// The list entry that `key` starts with (at a word boundary), or "".
template <size_t N>
std::string_view PrefixIn(std::string_view key,
                          const std::string_view (&list)[N]) {
  for (std::string_view p : list) {
    if (p.size() > key.size() || (!p.empty() && p[0] != key[0]) ||
        !base::StartsWith(key, p)) {
      continue;
    }
    if (key.size() == p.size()) return p;
    char next = key[p.size()];
    char last = p.back();
    if (next == ' ' || last == ' ' || last == ':' || next == ':' ||
        next == ',' || next == '.' || next == '!') {
      return p;
    }
  }
  return {};
}

// True when `p` occurs in `s` (as s.find(p) != npos). Like find, it jumps
// between occurrences of p's first byte with memchr, but tests the second
// byte before comparing the rest: lines are full of the entries' first
// letters, and a memcmp call at each costs more than the search.
inline bool Contains(std::string_view s, std::string_view p) {
  if (p.size() <= 1) return p.empty() || s.find(p[0]) != std::string_view::npos;
  if (p.size() > s.size()) return false;
  const char* const begin = s.data();
  const char* const last = begin + (s.size() - p.size());  // last start
  for (const char* at = begin; at <= last; ++at) {
    at = static_cast<const char*>(
        std::memchr(at, p[0], static_cast<size_t>(last - at) + 1));
    if (at == nullptr) return false;
    if (at[1] == p[1] && std::memcmp(at + 2, p.data() + 2, p.size() - 2) == 0) {
      return true;
    }
  }
  return false;
}

// True when some entry occurs anywhere in `key`.
template <size_t N>
bool ContainsAny(std::string_view key, const std::string_view (&list)[N]) {
  for (std::string_view p : list) {
    if (Contains(key, p)) return true;
  }
  return false;
}

// True when `s` starts with a list marker ("1.", "2)", "-", U+2022).
bool StartsWithListMarker(std::string_view s);

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_CUES_H_
