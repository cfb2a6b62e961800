// Language identification with CLD2.
#ifndef NEWSTRACE_EXTRACT_LANGUAGE_H_
#define NEWSTRACE_EXTRACT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace newstrace::extract {

// The ISO 639-1 code ("en", "de") of the main language of UTF-8 `text`, or
// "" when CLD2 is not reliably sure. `hint` is a language code from the
// page's markup ("" for none) that CLD2 may use to break ties. Reads at
// most the first `max_bytes` of `text` (cut at a UTF-8 boundary).
std::string DetectLanguage(std::string_view text, std::string_view hint,
                           size_t max_bytes = 65536);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_LANGUAGE_H_
