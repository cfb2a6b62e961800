// Word classes and helpers of the entity finder (entities.cc): which
// capitalized words are honorifics, office titles, name particles; the key
// that links a surname's mentions; the roles the text gives a mention.
#ifndef NEWSTRACE_ANALYZE_ENTITY_WORDS_H_
#define NEWSTRACE_ANALYZE_ENTITY_WORDS_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/gazetteer.h"
#include "analyze/tokens.h"
#include "analyze/word_set.h"

namespace newstrace::analyze {

// What the entity finder (entities.cc) knows of a token, as bits.
enum TokenFlag : uint16_t {
  kFDone = 1 << 0,
  kFGiven = 1 << 1,
  kFHonorific = 1 << 2,
  kFRole = 1 << 3,
  kFDemonym = 1 << 4,
  kFOrgHead = 1 << 5,
  kFTitleModifier = 1 << 6,
  kFPersonal = 1 << 7,
  kFCommonCap = 1 << 8,
  kFCalendar = 1 << 9,
  kFParticle = 1 << 10,
  kFName = 1 << 11,
  kFNamePrefix = 1 << 12,
  kFInitial = 1 << 13,  // set by the finder, never looked up
  kFHonorificPrefix = 1 << 14,
  kGazetteerFlags = kFGiven | kFHonorific | kFRole | kFDemonym | kFOrgHead |
                    kFName | kFNamePrefix | kFHonorificPrefix,
};

// The TokenFlag bits the gazetteer's WordFlags(word) bits `f` give a token
// of that word, capitalized (or all caps) or not: in lower case only a
// role noun and a two-word title's first word count. One table load (the
// finder asks this of most capitalized words).
inline uint16_t GazetteerTokenFlags(uint32_t f, bool capitalized) {
  static_assert(kWordHonorificPrefix <= 0x80, "the gazetteer bits fit a byte");
  static constexpr auto kOf = [] {
    std::array<std::array<uint16_t, 256>, 2> of{};
    for (uint32_t g = 0; g < 256; ++g) {
      uint16_t cap = 0;
      if (g & kWordGiven) cap |= kFGiven;
      if (g & kWordHonorific) cap |= kFHonorific;
      if (g & kWordDemonym) cap |= kFDemonym;
      if (g & kWordOrgHead) cap |= kFOrgHead;
      if (g & kWordName) cap |= kFName;
      if (g & kWordNamePrefix) cap |= kFNamePrefix;
      if (g & kWordRoleNoun) cap |= kFRole;
      uint16_t lower = (g & kWordRoleNoun) ? kFRole : 0;
      if (g & kWordHonorificPrefix) {
        cap |= kFHonorificPrefix;
        lower |= kFHonorificPrefix;
      }
      of[0][g] = lower;
      of[1][g] = cap;
    }
    return of;
  }();
  return kOf[capitalized][f & 0xFF];
}

// Honorifics that are part of how a person is named: "Mr", "Dr", "Sir".
bool IsPersonalHonorific(std::string_view w);
// Capitalized modifiers of an office title: "Foreign", "Deputy", "Former".
bool IsTitleModifier(std::string_view w);
// The TokenFlag bits of the word lists a capitalized (or all-caps) word
// is on, exact-cased: kFCommonCap (IsCommonCapitalized), kFCalendar
// (IsCalendarWord), kFTitleModifier (IsTitleModifier) and kFPersonal
// (IsPersonalHonorific), all four with one lookup.
constexpr uint16_t kListFlags =
    kFCommonCap | kFCalendar | kFTitleModifier | kFPersonal;
uint16_t CapitalizedListFlags(std::string_view w);
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
// Whether `t` is a word with no capital, not all caps and not starting
// with a digit: t.kind == kWord && !t.cap && !t.upper && !t.digit.
bool IsPlainLowerWord(const Token& t);
// Which sentence-initial words the article also writes in lower case
// ("The", "Officials"): a capitalized word there may be capitalized only
// for its position. Built once per article from the first word of each
// sentence; the article's text must outlive it.
class InitialWords {
 public:
  // Words of kMaxSize bytes or more are never indexed.
  static constexpr size_t kMaxSize = 24;

  // Indexes the first word of each sentence of `v` that is capitalized and
  // shorter than kMaxSize: those `asks` accepts (all-caps ones included),
  // or, with `asks` null, every capitalized one that is not all-caps.
  void Build(const TextView& v, const std::function<bool(uint32_t)>& asks);
  bool built() const { return index_.has_value(); }

  // For a word lower-cased (A-Z only) of an indexed initial: whether some
  // indexed initial has it, the article also writes it in lower case and,
  // for an all-caps one ("WASHINGTON"), some capitalized initial (not all
  // caps) has it too. REQUIRES: built().
  bool Common(std::string_view lower) const {
    int64_t k = index_->Find(lower);
    return k >= 0 && common_[k] && cap_seen_[k];
  }

 private:
  std::vector<std::string> words_;  // lower-cased, in sentence order
  std::optional<WordSet> index_;    // views words_
  std::vector<char> common_;        // per word: also written in lower case
  std::vector<char> cap_seen_;      // per word: some capitalized initial has it
};

void CollectRoles(const TextView& v, uint32_t title_first, uint32_t first,
                  uint32_t end, std::vector<std::string>* roles);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_ENTITY_WORDS_H_
