// Word classes and helpers of the entity finder (entities.cc): which
// capitalized words are honorifics, office titles, name particles; the key
// that links a surname's mentions; the roles the text gives a mention.
#ifndef NEWSTRACE_ANALYZE_ENTITY_WORDS_H_
#define NEWSTRACE_ANALYZE_ENTITY_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/tokens.h"

namespace newstrace::analyze {

// Honorifics that are part of how a person is named: "Mr", "Dr", "Sir".
bool IsPersonalHonorific(std::string_view w);
// Capitalized modifiers of an office title: "Foreign", "Deputy", "Former".
bool IsTitleModifier(std::string_view w);
// Lower-case particles inside names: de, van, bin, al, of.
bool IsNameParticle(std::string_view w);
// and, or, but, nor, with, by, as.
bool IsConjunction(std::string_view lower);
// city, town, province, ...: "the city of X" names a place.
bool IsPlaceNoun(std::string_view lower);
// The key that links a surname's mentions: "al-Assad" and "Assad" alike.
std::string_view SurnameKey(std::string_view w);
// Appends the lower-case words of the titles and descriptions the text
// gives the mention [first, end) with its peeled title [title_first, first).
void CollectRoles(const TextView& v, uint32_t title_first, uint32_t first,
                  uint32_t end, std::vector<std::string>* roles);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_ENTITY_WORDS_H_
