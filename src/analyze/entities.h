// Named entities without a statistical model: capitalized runs of words cut
// and typed by gazetteers (gazetteer.h), honorifics and office titles,
// organization head words, apposition and speech cues; people's mentions
// linked to one canonical name by surname (Putin, Mr Putin -> Vladimir
// Putin). The interface is the EntityIndex, so a trained tagger can replace
// FindEntities without touching attribution.
#ifndef NEWSTRACE_ANALYZE_ENTITIES_H_
#define NEWSTRACE_ANALYZE_ENTITIES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/gazetteer.h"
#include "analyze/tokens.h"
#include "newstrace/document.h"

namespace newstrace::analyze {

struct Mention {
  uint32_t first = 0;        // token range [first, end) of the mention, with an
  uint32_t end = 0;          // honorific (Mr Putin) but without an office title
  int entity = -1;           // index into EntityIndex::entities
  uint32_t title_first = 0;  // the office title before it, [title_first,
                             // first) ("Russian President")
};

struct EntityIndex {
  std::vector<Mention> mentions;  // in text order
  std::vector<Entity> entities;   // in order of first mention
  std::vector<Gender> genders;    // per entity (people; kUnknown otherwise)
  // Per token: the mention it belongs to, or -1.
  std::vector<int32_t> mention_of_token;

  int32_t MentionAt(size_t token) const {
    return token < mention_of_token.size() ? mention_of_token[token] : -1;
  }
};

// Finds, types and links the named entities of `view`.
EntityIndex FindEntities(const TextView& view);

// The lower-case words of the offices and descriptions the article gives
// `entity` (russian, president; special, envoy, ...): its titles, the
// description before a mention, an apposition after one. Computed on
// demand: only role noun phrases ("the Russian president") need them.
std::vector<std::string> EntityRoles(const TextView& view,
                                     const EntityIndex& index, int entity);
// The same for one mention, appended to *roles.
void MentionRoles(const TextView& view, const Mention& mention,
                  std::vector<std::string>* roles);

}  // namespace newstrace::analyze

#endif  // NEWSTRACE_ANALYZE_ENTITIES_H_
