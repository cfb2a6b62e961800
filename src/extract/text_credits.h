// Plain-text cleaning: photo credits, alone or fused to a caption
// ("GETTYThe leaders met...", "Protesters gather. Photo: AFP",
// "Image copyright Getty Images Image caption ..."). Internal to extract.
#ifndef NEWSTRACE_EXTRACT_TEXT_CREDITS_H_
#define NEWSTRACE_EXTRACT_TEXT_CREDITS_H_

#include <optional>
#include <string>
#include <string_view>

#include "extract/text_features.h"
#include "newstrace/document.h"

namespace newstrace::extract::text {

// A credit found in a unit. Spans are relative to the unit's text, trimmed,
// in order, and together cover every non-space byte of the unit.
struct CreditSplit {
  Span credit;        // the credit block ("GETTY", "Photo: AFP")
  Span caption;       // the caption block; empty when the unit is a credit
  std::string value;  // the credit itself ("GETTY", "AFP")
  bool credit_first = true;  // the credit comes before the caption
};

// The photo credit of `unit` (with features `f`), or nullopt. Looks only at
// the first and last few hundred bytes, so any unit is safe.
std::optional<CreditSplit> FindCredit(std::string_view unit, const Features& f);

// True when `s` is the name of a news or photo agency ("Reuters", "AFP",
// "Getty Images"), any case.
bool IsAgency(std::string_view s);

// True when `t` could be a word of a person's name: an upper-case letter,
// then letters, dots, hyphens or apostrophes ("J.", "O'Neil", "Jean-Paul").
bool NameLike(std::string_view t);

}  // namespace newstrace::extract::text

#endif  // NEWSTRACE_EXTRACT_TEXT_CREDITS_H_
