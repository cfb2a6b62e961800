// The entity finder's state (entities.cc: capitalized runs cut and typed;
// entity_link.cc: candidates linked into entities). Internal to analyze.
#ifndef NEWSTRACE_ANALYZE_ENTITY_FINDER_H_
#define NEWSTRACE_ANALYZE_ENTITY_FINDER_H_

#include <array>
#include <cstdint>
#include <forward_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyze/entities.h"
#include "analyze/entity_words.h"
#include "analyze/gazetteer.h"
#include "analyze/tokens.h"

namespace newstrace::analyze::entities_internal {

inline bool IsWord(const Token& t) { return t.kind == TokKind::kWord; }

inline bool IsNameWord(const Token& t) {
  return t.kind == TokKind::kWord && !t.digit && (t.cap || t.upper);
}

enum class Evidence { kNone, kWeak, kStrong };

struct Candidate {
  uint32_t first = 0;       // mention start (with a personal honorific)
  uint32_t name_first = 0;  // first word of the name proper
  uint32_t end = 0;
  uint32_t title_first = 0;  // peeled office title [title_first, first)
  bool typed = false;        // a gazetteer or organization-head entity
  EntityType type = EntityType::kPerson;
  std::string_view canonical;  // typed: the entity's name (gazetteer or
                               // text storage)
  Evidence evidence = Evidence::kNone;
  Gender gender = Gender::kUnknown;
};

class Finder {
 public:
  explicit Finder(const TextView& v)
      : v_(v), flags_(v.tokens.size(), 0), known_(v.tokens.size(), 0) {
    cands_.reserve(v.tokens.size() / 16 + 8);
  }

  EntityIndex Run();

 private:
  std::string_view Text(uint32_t i) const { return v_.TokenText(i); }
  // The words [a, b) as one name with single spaces: a view into the text
  // when it is written so (nearly always), else into owned storage.
  std::string_view Join(uint32_t a, uint32_t b);
  bool SentenceInitial(uint32_t i) const;
  bool LooksCommon(uint32_t i) const;
  bool AsksLowerCase(uint32_t i) const;
  bool TitleCaseParagraph(const Paragraph& p) const;
  // Longest gazetteer match starting at token i, not past `end`: its length
  // in tokens (0: none) and entry.
  size_t GazetteerMatch(uint32_t i, uint32_t end,
                        const GazetteerEntry** entry) const;
  void ScanRun(uint32_t a, uint32_t b);
  void AddCandidate(uint32_t title_first, uint32_t a, uint32_t b);
  void AddTyped(uint32_t a, uint32_t b, EntityType type,
                std::string_view canonical);
  bool SpeechNear(uint32_t a, uint32_t b) const;
  bool RoleBefore(uint32_t first) const;
  void ScanHeadline(const Paragraph& p);
  void Link(EntityIndex* out);

  // Whether token i has `flag` (a TokenFlag, entity_words.h): what the word
  // lists say of it, each flag looked up at most once per token (the same
  // capitalized word is asked about many times while a run is cut).
  bool Is(uint32_t i, uint16_t flag) const {
    if (!(known_[i] & flag)) {
      if (flag & kGazetteerFlags) {
        // One gazetteer lookup answers all of these.
        known_[i] |= kGazetteerFlags;
        flags_[i] |= GazetteerFlags(i);
      } else if (flag & kListFlags) {
        // And one lookup the four word lists of capitalized words.
        known_[i] |= kListFlags;
        flags_[i] |= ListFlags(i);
      } else {
        known_[i] |= flag;
        if (IsParticle(i)) flags_[i] |= flag;
      }
    }
    return flags_[i] & flag;
  }
  // Whether token i is a name particle (kFParticle, the one flag not
  // looked up in a group).
  bool IsParticle(uint32_t i) const;
  uint16_t ListFlags(uint32_t i) const;
  uint16_t GazetteerFlags(uint32_t i) const;

  const TextView& v_;
  mutable std::vector<uint16_t> flags_;
  mutable std::vector<uint16_t> known_;
  mutable std::array<std::pair<std::string_view, uint32_t>, 251> memo_{};
  // The sentence-initial words LooksCommon asks about (AsksLowerCase lets
  // them through; their tokens marked kFInitial), and all the capitalized
  // ones, for any other (built on first use).
  InitialWords asked_;
  mutable InitialWords all_;
  std::vector<Candidate> cands_;
  // Names Join had to build (stable: nodes never move; an empty list
  // allocates nothing).
  std::forward_list<std::string> owned_;
};

}  // namespace newstrace::analyze::entities_internal

#endif  // NEWSTRACE_ANALYZE_ENTITY_FINDER_H_
