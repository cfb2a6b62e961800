// Attribution cues: the words that introduce or tag reported speech
// ("said", "told", "according to", "in a statement"), and the small word
// classes attribution patterns step over (adverbs, auxiliaries, determiners,
// pronouns). Lists are ours, written from how English news attributes
// speech; the most frequent cue forms were checked against PolNeAR's
// training annotations (docs/design.md, "Quotes").
#ifndef NEWSTRACE_ANALYZE_CUES_H_
#define NEWSTRACE_ANALYZE_CUES_H_

#include <span>
#include <string_view>

namespace newstrace::analyze {

// A verb form that attributes speech or writing: said, says, told, added,
// warned, wrote, tweeted, insisted, ... `lower` is lower-case ASCII.
bool IsSpeechVerb(std::string_view lower);

// A speech verb whose object is the addressee: told, tells, assured, ...
bool TakesAddressee(std::string_view lower);

// Words that may stand between a speaker and its cue or follow a cue
// without ending the attribution: also, later, then, has, had, would,
// -ly adverbs ("he later said", "Putin has repeatedly said").
bool IsAttributionFiller(std::string_view lower);

// the, a, an, this, that, his, her, their, its, our, some, several, ...
bool IsDeterminer(std::string_view lower);

// Subject pronouns a speaker can be: he, she, they, it, we, i, you.
bool IsSubjectPronoun(std::string_view lower);

// Object pronouns an addressee can be: him, her, them, us, me, you.
bool IsObjectPronoun(std::string_view lower);

// Capitalized words that are not names when a sentence or headline starts
// with them: function words, pronouns, months, weekdays, ...
bool IsCommonCapitalized(std::string_view word);

// Months and weekdays: never an entity.
bool IsCalendarWord(std::string_view word);

// The lists behind IsCommonCapitalized (with CalendarWords) and
// IsCalendarWord, for tables that answer several word-list questions with
// one lookup (entity_words.h). Static storage.
std::span<const std::string_view> CommonCapitalizedWords();
std::span<const std::string_view> CalendarWords();

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_CUES_H_
