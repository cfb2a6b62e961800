// Finder::Link: the candidates of one article linked into entities, a
// person's shorter mentions to the full name with the same surname.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entity_finder.h"
#include "analyze/entity_words.h"
#include "analyze/word_set.h"

namespace newstrace::analyze::entities_internal {
namespace {

// std::sort(v, by `key`), skipping its work when the keys already strictly
// increase (the usual case here: things are found in text order). Only
// then: with equal keys std::sort's own order must stand. Returns whether
// it sorted.
template <typename T, typename Key>
bool SortByKey(std::vector<T>& v, Key key) {
  auto not_less = [&](const T& x, const T& y) { return key(x) >= key(y); };
  if (std::adjacent_find(v.begin(), v.end(), not_less) == v.end()) {
    return false;
  }
  std::sort(v.begin(), v.end(),
            [&](const T& x, const T& y) { return key(x) < key(y); });
  return true;
}

// Link's per-article tables, kept per thread between articles: cleared
// (storage kept) at each call instead of some twenty allocations.
struct LinkScratch {
  struct FullName {
    int entity;
    int prev;  // the one before with this surname, or -1
  };
  ViewIndex surname_ids;
  std::vector<uint32_t> surnames;
  std::vector<char> person_surnames;
  std::array<ViewIndex, 3> names_of_type;
  std::array<std::vector<int>, 3> entity_of_name;
  std::vector<FullName> full_names;
  std::vector<int> latest_full_name;
  std::vector<int> cand_entity;
  std::vector<size_t> first_full;
  std::vector<size_t> last_full;
};

}  // namespace

void Finder::Link(EntityIndex* out) {
  SortByKey(cands_, [](const Candidate& c) { return c.first; });
  thread_local LinkScratch scratch;
  // Each candidate's surname key (views into the text), numbered.
  ViewIndex& surname_ids = scratch.surname_ids;
  surname_ids.Clear(cands_.size());
  std::vector<uint32_t>& surnames = scratch.surnames;
  surnames.assign(cands_.size(), 0);
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    surnames[ci] = surname_ids.Insert(SurnameKey(Text(cands_[ci].end - 1)));
  }
  // Surnames some mention shows to be a person's.
  std::vector<char>& person_surnames = scratch.person_surnames;
  person_surnames.assign(surname_ids.size(), 0);
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    if (!c.typed && c.evidence == Evidence::kStrong) {
      person_surnames[surnames[ci]] = 1;
    }
  }
  // Per type, name -> entity. Names are views into the text, the
  // gazetteer or owned_, all stable while this runs.
  std::array<ViewIndex, 3>& names_of_type = scratch.names_of_type;
  for (ViewIndex& names : names_of_type) names.Clear();
  out->entities.reserve(cands_.size());
  out->genders.reserve(cands_.size());
  out->mentions.reserve(cands_.size());
  // Per name number.
  std::array<std::vector<int>, 3>& entity_of_name = scratch.entity_of_name;
  for (std::vector<int>& e : entity_of_name) e.clear();
  // Per surname, the person entities named in full: a chain from the
  // latest (one allocation for all surnames, not one per surname).
  std::vector<LinkScratch::FullName>& full_names = scratch.full_names;
  full_names.clear();
  std::vector<int>& latest_full_name = scratch.latest_full_name;
  latest_full_name.assign(surname_ids.size(), -1);
  auto entity_for = [&](EntityType type, std::string_view name) {
    const size_t t = static_cast<size_t>(type);
    uint32_t n = names_of_type[t].Insert(name);
    if (n < entity_of_name[t].size()) return entity_of_name[t][n];
    int id = static_cast<int>(out->entities.size());
    out->entities.push_back({std::string(name), type, {}});
    out->genders.push_back(Gender::kUnknown);
    entity_of_name[t].push_back(id);
    return id;
  };
  // People named in full first, so shorter mentions can find them.
  std::vector<int>& cand_entity = scratch.cand_entity;
  cand_entity.assign(cands_.size(), -1);
  // Per surname, the first full-name candidate in text order.
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t>& first_full = scratch.first_full;
  first_full.assign(surname_ids.size(), kNone);
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    if (c.typed || c.end - c.name_first < 2) continue;
    uint32_t surname = surnames[ci];
    if (c.evidence != Evidence::kStrong && !person_surnames[surname]) {
      continue;
    }
    std::string_view name = Join(c.name_first, c.end);
    int id = -1;
    // "George W. Bush" and "George Bush" are one person.
    std::string_view given = name.substr(0, name.find(' '));
    // The latest few full names with this surname (bounded: an input of
    // ten thousand Smiths must not go quadratic), oldest first.
    std::array<int, 32> same;
    size_t n_same = 0;
    for (int f = latest_full_name[surname]; f >= 0 && n_same < same.size();
         f = full_names[f].prev) {
      same[n_same++] = full_names[f].entity;
    }
    while (n_same > 0) {
      int e = same[--n_same];
      const std::string& other = out->entities[e].name;
      if (std::string_view(other).substr(0, other.find(' ')) == given) {
        id = e;
        if (name.size() > other.size())
          out->entities[e].name = std::string(name);
        break;
      }
    }
    if (id < 0) {
      id = entity_for(EntityType::kPerson, name);
      full_names.push_back({id, latest_full_name[surname]});
      latest_full_name[surname] = static_cast<int>(full_names.size() - 1);
    }
    cand_entity[ci] = id;
    if (first_full[surname] == kNone) first_full[surname] = ci;
  }
  // While the candidates are walked in order: per surname, the latest
  // full-name candidate so far.
  std::vector<size_t>& last_full = scratch.last_full;
  last_full.assign(surname_ids.size(), kNone);
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    if (c.typed) {
      cand_entity[ci] = entity_for(c.type, c.canonical);
      continue;
    }
    uint32_t surname = surnames[ci];
    if (cand_entity[ci] >= 0) {  // a full name
      last_full[surname] = ci;
      continue;
    }
    // The most recent full name with this surname before, else the first
    // after.
    int id = -1;
    if (last_full[surname] != kNone) {
      id = cand_entity[last_full[surname]];
    } else if (first_full[surname] != kNone) {
      id = cand_entity[first_full[surname]];
    }
    if (id < 0 &&
        (c.evidence == Evidence::kStrong || person_surnames[surname])) {
      id = entity_for(EntityType::kPerson, Join(c.name_first, c.end));
    }
    cand_entity[ci] = id;
  }
  out->mention_of_token.assign(v_.tokens.size(), -1);
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    int id = cand_entity[ci];
    if (id < 0) continue;
    const Candidate& c = cands_[ci];
    uint32_t end = c.end;
    while (end > c.first && v_.tokens[end - 1].kind == TokKind::kPossessive) {
      --end;
    }
    bool taken = false;
    for (uint32_t i = c.first; i < end; ++i) {
      if (out->mention_of_token[i] >= 0) taken = true;
    }
    if (taken) continue;
    int32_t mi = static_cast<int32_t>(out->mentions.size());
    out->mentions.push_back({c.first, end, id, c.title_first});
    for (uint32_t i = c.first; i < end; ++i) out->mention_of_token[i] = mi;
    Entity& e = out->entities[id];
    e.mentions.push_back({v_.tokens[c.first].begin, v_.tokens[end - 1].end});
    if (e.type == EntityType::kPerson) {
      if (out->genders[id] == Gender::kUnknown) out->genders[id] = c.gender;
    }
  }
  if (SortByKey(out->mentions, [](const Mention& m) { return m.first; })) {
    for (size_t mi = 0; mi < out->mentions.size(); ++mi) {
      for (uint32_t i = out->mentions[mi].first; i < out->mentions[mi].end;
           ++i) {
        out->mention_of_token[i] = static_cast<int32_t>(mi);
      }
    }
  }
  for (Entity& e : out->entities) {
    SortByKey(e.mentions, [](Span x) { return x.begin; });
  }
}

}  // namespace newstrace::analyze::entities_internal
