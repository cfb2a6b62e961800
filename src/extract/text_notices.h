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

// Prompts to comment, or to give an e-mail address, anywhere in a short
// line. Here rather than in text_notices.cc: MatchCue looks for them in the
// same pass as its own contains-anywhere lists.
// clang-format off
inline constexpr std::string_view kNoticePrompts[] = {
    "comment below", "comments below!", "in the comments below",
    "in the comment section", "in the comments section",
    "let us know in the comments", "let us know what you think",
    "share your thoughts", "sound off in the comments",
    "scroll down to comment", "enter your email", "entering your email",
    "enter your e-mail", "kommentieren sie", "dites-nous en commentaire",
    "déjanos tu comentario", "déjanos un comentario"};
// clang-format on

// The notice cue of `unit` (features `f`; `key` and `raw` its CueKey and its
// lower-cased, space-collapsed form; `prompt` whether `raw` holds an entry of
// kNoticePrompts), or Cue::kNone: kAdvertisement for an ad label, kOther for
// a provenance note or disclaimer, kEmbedCredit for an embedded post's
// signature, kNavigation for the rest. Looks at bounded prefixes of short
// units only.
Cue MatchNotice(std::string_view unit, std::string_view key,
                std::string_view raw, const Features& f, bool prompt);

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_NOTICES_H_
