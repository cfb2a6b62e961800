// Word classes and helpers of the entity finder (entities.cc): which
// capitalized words are honorifics, office titles, name particles; the key
// that links a surname's mentions; the roles the text gives a mention.
#ifndef NEWSTRACE_ANALYZE_ENTITY_WORDS_H_
#define NEWSTRACE_ANALYZE_ENTITY_WORDS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/tokens.h"
#include "analyze/word_set.h"

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
