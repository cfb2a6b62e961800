// Plain-text cleaning, pass 1 (text_label.h): what a unit says about itself.
// Cue phrases come first, then explicit bylines (before credits: "By Jane
// Doe | Reuters" names an agency after a bar, as a caption's credit would),
// photo credits, tag lists, caption prefixes, contributors lines and cued
// datelines. Everything here looks at one unit; long units only reach the
// cues that can be long.
#include "extract/text_label.h"

namespace newstrace::extract::text {

bool IsProse(const Features& f) {
  if (f.words >= 25) return true;
  if (f.sentences >= 2 && f.words >= 8 && !f.TitleCased()) return true;
  if (f.period_end && f.words >= 3) return true;
  if (f.colon_end && f.words >= 6 && f.lower_words >= 2) return true;
  if (f.question_end && f.words >= 4 &&
      (f.TitleCase() < 0.6 || f.words >= 15)) {
    return true;
  }
  return f.ellipsis_end && f.words >= 12 && f.TitleCase() < 0.6;
}

bool TitleLike(const Features& f) {
  return f.words >= 2 && f.words <= 30 && f.bytes <= 300 && !f.period_end &&
         !f.colon_end && f.sentences <= 2 && !f.list_bullet && f.letters > 0;
}

// "World War 3 Putin Assad Syria USA Iran": capitalized words, no function
// word, no sentence punctuation.
bool KeywordList(const Unit& u) {
  const Features& f = u.f;
  if (f.words < 6 || f.words > 40 || f.lower_words > 0 || f.functions > 0 ||
      f.numbers > 1 || f.list_number || f.list_bullet) {
    return false;
  }
  for (char c : u.text) {
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' ||
        c == '(') {
      return false;
    }
  }
  return true;
}

bool SpokenQuestion(std::string_view text) {
  for (std::string_view q : {"\"", "'", "\xE2\x80\x9C", "\xE2\x80\x98",
                             "\xE2\x80\x9E", "\xC2\xAB"}) {
    if (text.substr(0, q.size()) == q) return true;
  }
  int words = 0;
  bool comma = false;
  ForEachToken(text, [&](const Token& t) {
    if (t.core.empty()) return true;
    comma = !t.trail.empty() && t.trail[0] == ',';
    return !comma && ++words < 3;
  });
  return comma;
}

void LabelAlone(Unit* u) {
  const Features& f = u->f;
  u->cue = text::MatchCue(u->text, f);
  switch (u->cue) {
    case Cue::kNavigation:
    case Cue::kRelatedHeader:
    case Cue::kCommentHeader:
      u->kind = BlockKind::kNavigation;
      return;
    case Cue::kAdvertisement:
    case Cue::kSponsoredHeader:
      u->kind = BlockKind::kAdvertisement;
      return;
    case Cue::kRelatedPrefix:
      u->kind = BlockKind::kRelatedLink;
      return;
    case Cue::kOther:
      u->kind = BlockKind::kOther;
      return;
    default:
      break;
  }
  // "By Jane Doe | Reuters" names an agency after a bar, as a caption's
  // credit would: bylines go first.
  if (f.words <= 25 && f.bytes <= 200) {
    u->byline = text::ParseByline(u->text);
    if (u->byline && u->byline->explicit_by) {
      u->kind = BlockKind::kByline;
      return;
    }
  }
  if ((u->credit = text::FindCredit(u->text, f))) {
    u->kind =
        u->credit->caption.empty() ? BlockKind::kCredit : BlockKind::kCaption;
    return;
  }
  switch (u->cue) {
    case Cue::kTagList:
      u->kind = BlockKind::kTagLine;
      return;
    case Cue::kCaptionPrefix:
      u->kind = BlockKind::kCaption;
      return;
    case Cue::kContributors:
      u->kind = BlockKind::kByline;
      return;
    case Cue::kEmbedCredit:
      u->kind = BlockKind::kCredit;
      return;
    default:
      break;
  }
  if (f.words > 25 || f.bytes > 200) return;
  u->dateline = text::ParseDateline(u->text, f);
  if (u->dateline && u->dateline->cue) u->kind = BlockKind::kDateline;
}

}  // namespace newstrace::extract::text
