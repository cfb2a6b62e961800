// The gazetteer: fixed word lists that let analyze find names without a
// statistical model. Countries (with every ISO 3166-1 form and our everyday
// aliases), subdivisions, cities and regions, organizations, demonyms, given
// names with their gender, honorifics and titles, role nouns, and the head
// words that make a capitalized phrase an organization.
//
// The tables are compiled in: gazetteer_gen.cc builds them at build time from
// Debian's iso-codes JSON and the text files in data/ (see data/README.md),
// as constant arrays. Each lookup goes through a hash index built once, on
// first use (thread-safe static initialization); after that nothing here
// allocates. Every returned view points into static storage and stays valid
// for the program's life.
#ifndef NEWSTRACE_ANALYZE_GAZETTEER_H_
#define NEWSTRACE_ANALYZE_GAZETTEER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "newstrace/document.h"

namespace newstrace::analyze {

enum class Gender { kUnknown, kMale, kFemale };

// A known place or organization. Every key that names the same thing (the
// names "Russia" and "Russian Federation") returns the same entry, so
// entries can be compared by address.
struct GazetteerEntry {
  std::string_view canonical;  // "Russia", "United Nations", "Kremlin"
  EntityType type;             // kPlace or kOrganization
};

// The entry for a name as written, exact-cased, its words separated by
// single spaces: "Russian Federation", "Russia", "Moscow", "United
// Nations", "UN", "NATO", "Facebook". Leading articles are not part of keys:
// look up "the Kremlin" as "Kremlin". Returns nullptr when the name is not
// known (also for other casings: "moscow").
const GazetteerEntry* LookupName(std::string_view name);

// The number of words of the longest LookupName key: the window to try in a
// longest-match scan.
size_t MaxNameWords();

// True when some LookupName key continues `words` with more words: "United"
// and "United Nations" (for "United Nations Security Council"). A
// longest-match scan stops extending when this is false.
bool IsNamePrefix(std::string_view words);

// The canonical name of the place a demonym adjective belongs to, exact-cased:
// "Russian" -> "Russia", "Syrian" -> "Syria", "American" -> "United
// States" (the same views LookupName's entries hold). nullopt when unknown.
std::optional<std::string_view> PlaceOfDemonym(std::string_view word);

// For a common given name, exact-cased ("Vladimir", "Hillary", "Staffan"):
// its gender, kUnknown when the name is used for both. nullopt when the word
// is not a known given name.
std::optional<Gender> GivenName(std::string_view word);

// For an honorific or title that precedes a person's name, exact-cased as
// news writes it ("Mr", "Mr.", "Mrs", "Dr", "Sen.", "President", "Prime
// Minister", "King"), words separated by single spaces: the gender it
// implies (Mr, Sir, King: male; Mrs, Ms, Queen: female; else kUnknown).
// nullopt when `words` is not a known title.
std::optional<Gender> Honorific(std::string_view words);

// True for a role noun naming a person's office or job ("president",
// "spokeswoman", "prime minister", "police officer"). Case-insensitive
// (ASCII); words separated by single spaces.
bool IsRoleNoun(std::string_view words);

// True for a head word that makes a capitalized phrase an organization
// ("Committee", "Ministry", "Party", "Inc", "Times"). Exact-cased.
bool IsOrganizationHead(std::string_view word);

// What `words` (exact-cased, single spaces) is a key of, as bits: the
// questions above answered with one lookup. kWordRoleNoun is set for a role
// noun in lower case or with a capital first letter ("spokesman",
// "Spokesman"); IsRoleNoun folds any casing.
enum : uint32_t {
  kWordName = 1u << 0,        // LookupName finds it
  kWordNamePrefix = 1u << 1,  // IsNamePrefix
  kWordGiven = 1u << 2,       // GivenName
  kWordHonorific = 1u << 3,   // Honorific
  kWordDemonym = 1u << 4,     // PlaceOfDemonym
  kWordOrgHead = 1u << 5,     // IsOrganizationHead
  kWordRoleNoun = 1u << 6,    // IsRoleNoun (lower-case keys)
  // The first word of a multi-word Honorific key ("Prime" of "Prime
  // Minister"): no two-word title starts with a word without it.
  kWordHonorificPrefix = 1u << 7,
};
uint32_t WordFlags(std::string_view words);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_GAZETTEER_H_
