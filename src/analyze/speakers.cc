// The attributor's noun phrases and their referents: a speaker's or
// addressee's phrase, and the person or organization it names (a mention,
// a pronoun's antecedent, a role's holder).
#include <algorithm>
#include <string>

#include "analyze/attributor.h"
#include "analyze/word_set.h"
#include "base/strings.h"

namespace newstrace::analyze {

bool IsNpStop(std::string_view lower) {
  static const WordSet kStops = {
      "about", "after", "against", "and",     "as",      "at",    "before",
      "but",   "by",    "during",  "for",     "from",    "if",    "in",
      "into",  "of",    "on",      "or",      "since",   "than",  "that",
      "to",    "until", "when",    "where",   "which",   "while", "who",
      "whom",  "whose", "with",    "without", "because", "is",    "was",
      "has",   "had",   "have",    "would",   "will",    "could", "can"};
  return kStops.contains(lower);
}

bool Attributor::Plausible(NounPhrase np) const {
  if (!np.found() || np.b - np.a > 8) return false;
  if (!IsWordAt(np.a) || !IsWordAt(np.b - 1)) return false;
  std::string first = Lower(np.a);
  std::string last = Lower(np.b - 1);
  if (IsNpStop(first) || IsSpeechVerb(first)) return false;
  if (IsNpStop(last) || IsDeterminer(last)) return false;
  if (IsCalendarWord(Text(np.a)) && np.b - np.a == 1) return false;
  return true;
}

NounPhrase Attributor::ForwardNP(uint32_t i, uint32_t hi) const {
  if (i >= hi || !IsWordAt(i)) return {};
  std::string w = Lower(i);
  if (IsSubjectPronoun(w) || IsObjectPronoun(w)) return {i, i + 1};
  // Titles and descriptions before a person: "said Russian President
  // Vladimir Putin", "Union leader Martha Quinn", "United Nations envoy to
  // Syria Staffan de Mistura".
  if (ents_) {
    bool role = false;
    int32_t first_mention = -1;
    for (uint32_t j = i; j < hi && j < i + 9 && IsWordAt(j); ++j) {
      int32_t m = ents_->MentionAt(j);
      if (m >= 0) {
        const Mention& mm = ents_->mentions[m];
        if (first_mention < 0) first_mention = m;
        if (ents_->entities[mm.entity].type == EntityType::kPerson &&
            (role || m == first_mention)) {
          return {i, std::min(hi, mm.end)};
        }
        j = mm.end - 1;
        continue;
      }
      std::string lw = Lower(j);
      if (IsRoleNoun(lw)) {
        role = true;
        continue;
      }
      if (v_.tokens[j].cap || lw == "to" || lw == "of" || lw == "for") {
        continue;
      }
      if (!role) break;
      // An adjective inside a description ("special envoy").
      if (IsNpStop(lw) || IsSpeechVerb(lw)) break;
    }
    if (first_mention >= 0 && ents_->mentions[first_mention].first == i) {
      return {i, std::min(hi, ents_->mentions[first_mention].end)};
    }
  }
  if (v_.tokens[i].cap) {
    uint32_t j = i;
    while (j < hi && IsWordAt(j) &&
           (v_.tokens[j].cap || Lower(j) == "de" || Lower(j) == "van" ||
            Lower(j) == "al")) {
      ++j;
    }
    return {i, j};
  }
  uint32_t j = i;
  while (j < hi && j < i + 6 &&
         (IsWordAt(j) || v_.tokens[j].kind == TokKind::kPossessive)) {
    std::string lw = Lower(j);
    // A second determiner starts another phrase: "told reporters [the
    // levy was]".
    if (j > i && (IsNpStop(lw) || IsSpeechVerb(lw) || IsDeterminer(lw))) {
      break;
    }
    ++j;
  }
  return {i, j};
}

NounPhrase Attributor::BackwardNP(uint32_t i, uint32_t lo) const {
  if (i < lo || !IsWordAt(i)) return {};
  std::string w = Lower(i);
  if (IsSubjectPronoun(w)) return {i, i + 1};
  int32_t m = ents_ ? ents_->MentionAt(i) : -1;
  if (m >= 0) return {std::max(lo, ents_->mentions[m].first), i + 1};
  if (v_.tokens[i].cap) {
    uint32_t j = i;
    while (j > lo && IsWordAt(j - 1) && v_.tokens[j - 1].cap) --j;
    return {j, i + 1};
  }
  // A common noun phrase back to its determiner: "the Russian president",
  // "a spokesman", "Putin's spokesman"; or a bare plural ("officials").
  for (uint32_t j = i, n = 0; j >= lo && n < 6; --j, ++n) {
    const Token& t = v_.tokens[j];
    if (t.kind != TokKind::kWord && t.kind != TokKind::kPossessive) break;
    std::string lw = Lower(j);
    if (j < i && IsNpStop(lw)) break;
    if (IsDeterminer(lw)) return {j, i + 1};
    if (t.kind == TokKind::kPossessive && j > lo) {
      int32_t pm = ents_ ? ents_->MentionAt(j - 1) : -1;
      if (pm >= 0) return {ents_->mentions[pm].first, i + 1};
    }
    if (j == 0) break;
  }
  if (w.size() > 3 && w.back() == 's') return {i, i + 1};
  return {};
}

std::string Attributor::NameOf(uint32_t a, uint32_t b) const {
  std::string s;
  for (uint32_t i = a; i < b; ++i) {
    if (v_.tokens[i].kind != TokKind::kWord) break;
    if (!s.empty()) s += ' ';
    s += Text(i);
  }
  return s;
}

std::string Attributor::ResolvePronoun(uint32_t tok,
                                       std::string_view lower) const {
  if (!ents_) return {};
  bool male = lower == "he" || lower == "him";
  bool female = lower == "she" || lower == "her";
  bool thing = lower == "it";
  if (!male && !female && !thing) return {};
  bool prev_ok = !thing && last_speaker_ && last_speaker_->resolved() &&
                 last_para_ + 2 >= v_.tokens[tok].para;
  uint32_t s = v_.tokens[tok].sentence;
  uint32_t floor = s > 8 ? s - 8 : 0;
  uint32_t stop = tok > kMaxAntecedentTokens ? tok - kMaxAntecedentTokens : 0;
  for (int64_t si = s; si >= floor; --si) {
    const Sentence& sent = v_.sentences[si];
    if (sent.end_token <= stop) break;
    std::string first;
    bool has_prev = false;
    bool chained = false;
    for (uint32_t i = std::max(sent.first_token, stop);
         i < sent.end_token && i < tok; ++i) {
      // A sentence whose subject is the same pronoun, before it names
      // anyone ("But, he noted, ... Trump ..."), only passes the reference
      // on: look further back. (Not a possessive: "His assistant, X".)
      if (!thing && first.empty() && !in_quote_[i] && IsWordAt(i) && si != s) {
        std::string w = Lower(i);
        bool same = male ? w == "he" : w == "she";
        if (same) {
          chained = true;
          break;
        }
      }
      int32_t m = ents_->MentionAt(i);
      if (m < 0 || in_quote_[i]) continue;
      const Mention& mm = ents_->mentions[m];
      i = mm.end - 1;
      const Entity& e = ents_->entities[mm.entity];
      if (thing) {
        if (e.type == EntityType::kOrganization) return e.name;
        continue;
      }
      if (e.type != EntityType::kPerson) continue;
      Gender g = ents_->genders[mm.entity];
      if ((male && g == Gender::kFemale) || (female && g == Gender::kMale)) {
        continue;
      }
      // A name that qualifies another person is not the subject: "Obama
      // consultant Cornell Belcher", "Clinton's spokesman Brian Fallon".
      uint32_t after = mm.end;
      if (after < v_.tokens.size() &&
          v_.tokens[after].kind == TokKind::kPossessive) {
        ++after;
      }
      if (after < sent.end_token && IsWordAt(after) && !v_.tokens[after].cap &&
          IsRoleNoun(Lower(after))) {
        continue;
      }
      if (first.empty()) first = e.name;
      if (prev_ok && e.name == last_speaker_->name) has_prev = true;
    }
    // The first (subject-most) person of the nearest sentence that has
    // one, unless the previous quote's speaker is among them: news goes on
    // quoting the same person ("..." Tully said. ... "...," he said).
    if (chained) continue;
    if (!first.empty()) return has_prev ? last_speaker_->name : first;
    if (si == 0) break;
  }
  return {};
}

std::string Attributor::ResolveRole(NounPhrase np) const {
  if (!ents_) return {};
  std::vector<std::string> words;
  bool role = false;
  for (uint32_t i = np.a; i < np.b; ++i) {
    if (v_.tokens[i].kind != TokKind::kWord) continue;
    std::string w = Lower(i);
    if (IsDeterminer(w)) continue;
    if (IsRoleNoun(w)) role = true;
    words.push_back(std::move(w));
  }
  if (!role || words.empty()) return {};
  auto matches = [&](const Mention& m) {
    if (ents_->entities[m.entity].type != EntityType::kPerson) return false;
    const std::vector<std::string>& roles = RolesOf(m.entity);
    return std::all_of(words.begin(), words.end(), [&](const auto& w) {
      return std::find(roles.begin(), roles.end(), w) != roles.end();
    });
  };
  // The nearest person before with those roles, else the nearest after,
  // among a bounded number of mentions each way.
  const std::vector<Mention>& ms = ents_->mentions;
  size_t at = MentionsBefore(np.a);
  for (size_t k = at, n = 0; k > 0 && n < kMaxMentions; --k, ++n) {
    if (matches(ms[k - 1])) return ents_->entities[ms[k - 1].entity].name;
  }
  for (size_t k = at, n = 0; k < ms.size() && n < kMaxMentions; ++k, ++n) {
    if (ms[k].first >= np.a && matches(ms[k])) {
      return ents_->entities[ms[k].entity].name;
    }
  }
  return {};
}

const std::vector<std::string>& Attributor::RolesOf(int entity) const {
  auto it = roles_.find(entity);
  if (it != roles_.end()) return it->second;
  if (mentions_of_.empty()) {
    // Each entity's mentions, indexed once.
    mentions_of_.resize(ents_->entities.size());
    for (uint32_t i = 0; i < ents_->mentions.size(); ++i) {
      mentions_of_[ents_->mentions[i].entity].push_back(i);
    }
  }
  std::vector<std::string> roles;
  for (uint32_t mi : mentions_of_[entity]) {
    const Mention& m = ents_->mentions[mi];
    MentionRoles(v_, m, &roles);
  }
  return roles_.emplace(entity, std::move(roles)).first->second;
}

// "the ministry" after "the Ministry of Defence": the most recent
// organization whose name holds the phrase's head noun.
std::string Attributor::ResolveOrganization(NounPhrase np) const {
  if (!ents_ || np.b - np.a > 3 || Lower(np.a) != "the") return {};
  std::string head = Lower(np.b - 1);
  const std::vector<Mention>& ms = ents_->mentions;
  for (size_t k = MentionsBefore(np.a), n = 0; k > 0 && n < kMaxMentions;
       --k, ++n) {
    const Entity& e = ents_->entities[ms[k - 1].entity];
    if (e.type != EntityType::kOrganization) continue;
    std::string name = base::AsciiLower(e.name);
    size_t pos = name.find(head);
    bool word =
        pos != std::string::npos && (pos == 0 || name[pos - 1] == ' ') &&
        (pos + head.size() == name.size() || name[pos + head.size()] == ' ');
    if (word) return e.name;
  }
  return {};
}

std::optional<PersonRef> Attributor::Resolve(NounPhrase np) const {
  if (!Plausible(np)) return std::nullopt;
  PersonRef r;
  r.span = TokSpan(np.a, np.b);
  std::string first = Lower(np.a);
  if (np.b - np.a == 1 && (IsSubjectPronoun(first) || IsObjectPronoun(first))) {
    r.via = RefVia::kPronoun;
    r.name = ResolvePronoun(np.a, first);
    return r;
  }
  for (uint32_t i = np.a; i < np.b; ++i) {
    int32_t m = ents_ ? ents_->MentionAt(i) : -1;
    if (m >= 0 && v_.tokens[np.b - 1].kind == TokKind::kWord &&
        ents_->MentionAt(np.b - 1) == m) {
      r.via = RefVia::kName;
      r.name = ents_->entities[ents_->mentions[m].entity].name;
      return r;
    }
  }
  if (v_.tokens[np.a].cap && v_.tokens[np.b - 1].cap && !IsDeterminer(first)) {
    // A capitalized word that is no name: a sentence adverb ("Likewise,"),
    // a dateline ("WASHINGTON"), a participle ("Having").
    if (np.b - np.a == 1) {
      std::string_view w = Text(np.a);
      if (IsCommonCapitalized(w) || IsPunctAt(np.b, ',') ||
          (v_.tokens[np.a].upper && w.size() > 4) ||
          (w.size() > 5 && w.ends_with("ing"))) {
        return std::nullopt;
      }
      // "Officials said": a group named by a plural at the sentence start,
      // reported like "officials" would be (unresolved).
      if (v_.sentences[v_.tokens[np.a].sentence].first_word == np.a &&
          w.size() > 3 && w.ends_with('s') && !w.ends_with("ss") &&
          !w.ends_with("us") && !w.ends_with("is")) {
        r.via = RefVia::kRole;
        return r;
      }
    }
    r.via = RefVia::kName;
    r.name = NameOf(np.a, np.b);
    return r;
  }
  // "harbour master Ewan Coull": a description, then the name.
  if (v_.tokens[np.b - 1].cap && !v_.tokens[np.a].cap) {
    uint32_t k = np.b;
    while (k > np.a && IsWordAt(k - 1) && v_.tokens[k - 1].cap) --k;
    r.via = RefVia::kName;
    r.name = NameOf(k, np.b);
    return r;
  }
  r.via = RefVia::kRole;
  r.name = ResolveRole(np);
  if (r.name.empty()) r.name = ResolveOrganization(np);
  return r;
}

}  // namespace newstrace::analyze
