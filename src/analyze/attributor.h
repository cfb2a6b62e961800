// The quote attributor's shared parts (quotes.cc: cue patterns; speakers.cc:
// noun phrases and what they refer to). Internal to analyze.
#ifndef NEWSTRACE_ANALYZE_ATTRIBUTOR_H_
#define NEWSTRACE_ANALYZE_ATTRIBUTOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyze/cues.h"
#include "analyze/entities.h"
#include "analyze/gazetteer.h"
#include "analyze/quotes.h"
#include "analyze/tokens.h"
#include "analyze/word_set.h"
#include "base/strings.h"

namespace newstrace::analyze {

// How far back (in tokens) a cue verb or an antecedent is looked for.
constexpr uint32_t kMaxCueDistance = 60;
constexpr uint32_t kMaxAntecedentTokens = 400;
// How many mentions a role or organization phrase is matched against.
constexpr size_t kMaxMentions = 300;

struct NounPhrase {
  uint32_t a = 0, b = 0;  // token range
  bool found() const { return b > a; }
};

struct Attribution {
  uint32_t end_token = 0;  // one past the last token of the attribution
  Span cue;
  std::optional<PersonRef> speaker;
  std::optional<PersonRef> addressee;
};

class Attributor {
 public:
  Attributor(const TextView& v, const std::vector<QuoteMarks>& marks,
             const EntityIndex* ents)
      : v_(v),
        marks_(marks),
        ents_(ents),
        in_quote_(v.tokens.size(), 0),
        word_class_(v.tokens.size(), 0) {
    // The quoted words (an open quote's `close` is its paragraph's end).
    for (const QuoteMarks& m : marks) {
      for (uint32_t i = m.open + 1; i < m.close && i < in_quote_.size(); ++i) {
        in_quote_[i] = 1;
      }
    }
  }

  std::vector<Quote> Run();

 private:
  std::string_view Text(uint32_t i) const { return v_.TokenText(i); }
  std::string Lower(uint32_t i) const { return base::AsciiLower(Text(i)); }
  bool IsWordAt(uint32_t i) const {
    return i < v_.tokens.size() && v_.tokens[i].kind == TokKind::kWord;
  }
  bool IsPunctAt(uint32_t i, char32_t cp) const {
    return i < v_.tokens.size() && v_.tokens[i].kind == TokKind::kPunct &&
           v_.tokens[i].cp == cp;
  }
  // A lower-case adverb or auxiliary between a speaker and its verb
  // ("Tully" is no -ly adverb).
  bool IsFillerAt(uint32_t i) const {
    return Memo(i, kFillerKnown, kFiller,
                [&] { return IsFillerAtUncached(i); });
  }
  bool IsFillerAtUncached(uint32_t i) const {
    return IsWordAt(i) && !v_.tokens[i].cap &&
           IsAttributionFiller(LowerWord(Text(i)));
  }
  // A speech verb, or a verb and particle that attribute speech ("shot
  // back", "chimed in").
  bool IsVerbAt(uint32_t i) const {
    return Memo(i, kVerbKnown, kVerb, [&] { return IsVerbAtUncached(i); });
  }
  bool IsVerbAtUncached(uint32_t i) const {
    if (!IsWordAt(i) ||
        !(IsSpeechVerb(LowerWord(Text(i))) || ParticleAt(i) > 0)) {
      return false;
    }
    // After an article or a possessive it is a noun: "the state", "a
    // report", "his post".
    if (i > 0 && IsWordAt(i - 1)) {
      const LowerWord b(Text(i - 1));
      if (b == "the" || b == "a" || b == "an" || b == "his" || b == "her" ||
          b == "its" || b == "their" || b == "our" || b == "my" ||
          b == "your" || b == "this") {
        return false;
      }
    }
    return true;
  }
  // word_class_ bits: what IsVerbAt and IsFillerAt said of a token (they
  // are asked again and again while cues are searched backwards).
  enum : uint8_t {
    kVerbKnown = 1 << 0,
    kVerb = 1 << 1,
    kFillerKnown = 1 << 2,
    kFiller = 1 << 3,
  };
  // `compute()` for token i, asked once per token; false past the end.
  template <typename F>
  bool Memo(uint32_t i, uint8_t known, uint8_t yes, F compute) const {
    if (i >= word_class_.size()) return false;
    uint8_t& m = word_class_[i];
    if (!(m & known)) m |= known | (compute() ? yes : 0);
    return m & yes;
  }
  // For "shot back" at i: the particle's token; 0 when none.
  uint32_t ParticleAt(uint32_t i) const;
  // One past the cue that starts at `verb`: its particle and "in a
  // statement" included.
  uint32_t CueEnd(uint32_t verb) const;
  bool Plausible(NounPhrase np) const;
  Span TokSpan(uint32_t a, uint32_t b) const {
    return {v_.tokens[a].begin, v_.tokens[b - 1].end};
  }
  Span CueSpan(uint32_t verb) const;

  std::optional<Attribution> Tail(const QuoteMarks& m) const;
  std::optional<Attribution> Head(const QuoteMarks& m, uint32_t lo) const;
  std::optional<Attribution> HeadPartial(const QuoteMarks& m,
                                         bool leftmost) const;
  std::optional<Attribution> SentenceCue(uint32_t lo, uint32_t hi,
                                         bool leftmost) const;
  std::optional<Attribution> PreviousParagraphColon(const QuoteMarks& m) const;
  NounPhrase SubjectBefore(uint32_t s, uint32_t lo, uint32_t verb) const;
  std::optional<Attribution> FromVerb(uint32_t verb, NounPhrase speaker,
                                      uint32_t hi) const;

  NounPhrase ForwardNP(uint32_t i, uint32_t hi) const;
  NounPhrase BackwardNP(uint32_t i, uint32_t lo) const;
  std::optional<PersonRef> Resolve(NounPhrase np) const;
  std::string ResolvePronoun(uint32_t tok, std::string_view lower) const;
  std::string ResolveRole(NounPhrase np) const;
  std::string ResolveOrganization(NounPhrase np) const;
  const std::vector<std::string>& RolesOf(int entity) const;
  // The number of mentions that start before token `tok`.
  size_t MentionsBefore(uint32_t tok) const {
    const std::vector<Mention>& ms = ents_->mentions;
    return std::lower_bound(
               ms.begin(), ms.end(), tok,
               [](const Mention& m, uint32_t t) { return m.first < t; }) -
           ms.begin();
  }
  std::string NameOf(uint32_t a, uint32_t b) const;

  const TextView& v_;
  const std::vector<QuoteMarks>& marks_;
  const EntityIndex* ents_;
  std::vector<uint8_t> in_quote_;
  mutable std::vector<uint8_t> word_class_;  // per token, kVerbKnown, ...
  mutable std::unordered_map<int, std::vector<std::string>> roles_;
  mutable std::vector<std::vector<uint32_t>> mentions_of_;
  std::optional<PersonRef> last_speaker_;
  uint32_t last_para_ = 0;
};

// Prepositions, conjunctions and auxiliaries: no speaker's noun phrase
// runs across them.
bool IsNpStop(std::string_view lower);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_ATTRIBUTOR_H_
