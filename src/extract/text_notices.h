// Plain-text cleaning: the notices printed around an article that say
// where it came from or ask something of the reader. Copyright lines,
// "originally published" and "h/t" notes, op-ed disclaimers, share, comment
// and e-mail prompts, share counters, ad labels, a media player's controls,
// and the signature an embedded post leaves ("— Jane Doe (@jdoe) March 3,
// 2021"). Internal to the extract module; text_cues.cc is the only user.
#ifndef NEWSTRACE_EXTRACT_TEXT_NOTICES_H_
#define NEWSTRACE_EXTRACT_TEXT_NOTICES_H_

#include <string_view>

#include "extract/text_cues.h"
#include "extract/text_features.h"

namespace newstrace::extract::text {

// The notice cue of `unit` (features `f`; `key` and `raw` its CueKey and its
// lower-cased, space-collapsed form), or Cue::kNone: kAdvertisement for an
// ad label, kOther for a provenance note or disclaimer, kEmbedCredit for an
// embedded post's signature, kNavigation for the rest. Looks at bounded
// prefixes of short units only.
Cue MatchNotice(std::string_view unit, std::string_view key,
                std::string_view raw, const Features& f);

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_NOTICES_H_
