// Text cues for labeling HTML blocks: comparison keys, page-furniture
// phrases, bylines, datelines and photo credits inside caption text. Pure
// functions, thread-safe.
#ifndef NEWSTRACE_EXTRACT_HTML_CUES_H_
#define NEWSTRACE_EXTRACT_HTML_CUES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extract/html_blocks.h"
#include "newstrace/document.h"

namespace newstrace::extract {

// Lower-cased letters and digits of `s`, other runs as one space, at most
// `max_bytes` long: the form in which headings are compared with the title
// and short blocks with known phrases.
std::string TextKey(std::string_view s, size_t max_bytes = 1024);

// True when heading key `key` is the title key `title`, or one contains the
// other and is at least half its length (site names ride on titles).
bool MatchesTitle(const std::string& key, const std::string& title);

// For the key of a short block: kAdvertisement for "Advertisement",
// "Anzeige", ...; kOther for "Share", "Read more", "Weiterlesen", ...;
// kParagraph for anything else.
BlockKind FurniturePhrase(const std::string& key);

// "By Jane Doe", "Von Max Muster": a short line naming the author.
bool LooksLikeByline(const HtmlBlock& b);

// "Updated 20 November 2019, 10:32 GMT": a short line that is all date.
bool LooksLikeDateline(const HtmlBlock& b);

// Finds a credit in caption text that is not marked up as one: a fused
// all-caps prefix ("GETTYThe leaders met") or a trailing "Photo: ...",
// "(Foto: ...)", "© ...". Sets [*begin, *end) (bytes of `t`) and returns
// true when found.
bool FindTextCredit(std::string_view t, size_t* begin, size_t* end);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_HTML_CUES_H_
