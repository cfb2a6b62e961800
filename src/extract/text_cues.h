// Plain-text cleaning, layer 2: what a line's own words say it is, before
// any context (navigation and ad phrases, "READ MORE:" inserts, section
// headers, tag lists, caption prefixes). Internal to the extract module.
#ifndef NEWSTRACE_EXTRACT_TEXT_CUES_H_
#define NEWSTRACE_EXTRACT_TEXT_CUES_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/strings.h"
#include "extract/text_features.h"
#include "extract/text_phrases.h"

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

// True when `s` starts with a list marker ("1.", "2)", "-", U+2022).
bool StartsWithListMarker(std::string_view s);

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_CUES_H_
