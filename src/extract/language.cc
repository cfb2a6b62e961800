#include "extract/language.h"

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <climits>
#include <string>

namespace newstrace::extract {

std::string DetectLanguage(std::string_view text, std::string_view hint,
                           size_t max_bytes) {
  // CLD2 needs a few hundred bytes to be sure; the cap bounds the work on
  // long inputs.
  std::string_view sample = text.substr(0, max_bytes);
  // Do not cut a UTF-8 sequence in half.
  while (!sample.empty() && sample.size() < text.size() &&
         (static_cast<unsigned char>(text[sample.size()]) & 0xC0) == 0x80) {
    sample.remove_suffix(1);
  }
  std::string hint_str(hint.substr(0, 2));
  CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  if (!hint_str.empty()) {
    hints.language_hint = CLD2::GetLanguageFromName(hint_str.c_str());
  }
  CLD2::Language language3[3];
  int percent3[3];
  double normalized_score3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true,
      &hints, /*flags=*/0, language3, percent3, normalized_score3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE ||
      lang == CLD2::TG_UNKNOWN_LANGUAGE) {
    return "";
  }
  return CLD2::LanguageCode(lang);
}

}  // namespace newstrace::extract
