#include "analyze/quotes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyze/cues.h"
#include "analyze/gazetteer.h"
#include "analyze/word_set.h"

namespace newstrace::analyze {
namespace {

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
      : v_(v), marks_(marks), ents_(ents), in_quote_(v.tokens.size(), 0) {
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
  std::string Lower(uint32_t i) const { return LowerWord(Text(i)); }
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
    return IsWordAt(i) && !v_.tokens[i].cap && IsAttributionFiller(Lower(i));
  }
  // A speech verb, or a verb and particle that attribute speech ("shot
  // back", "chimed in").
  bool IsVerbAt(uint32_t i) const {
    if (!IsWordAt(i) || !(IsSpeechVerb(Lower(i)) || ParticleAt(i) > 0)) {
      return false;
    }
    // After an article or a possessive it is a noun: "the state", "a
    // report", "his post".
    if (i > 0 && IsWordAt(i - 1)) {
      std::string b = Lower(i - 1);
      if (b == "the" || b == "a" || b == "an" || b == "his" || b == "her" ||
          b == "its" || b == "their" || b == "our" || b == "my" ||
          b == "your" || b == "this") {
        return false;
      }
    }
    return true;
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
  mutable std::unordered_map<int, std::vector<std::string>> roles_;
  mutable std::vector<std::vector<uint32_t>> mentions_of_;
  std::optional<PersonRef> last_speaker_;
  uint32_t last_para_ = 0;
};

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

uint32_t Attributor::ParticleAt(uint32_t i) const {
  static const WordSet kBack = {"shot",   "fired",   "hit",   "wrote",
                                "pushed", "snapped", "struck"};
  if (!IsWordAt(i + 1) || v_.tokens[i + 1].sentence != v_.tokens[i].sentence) {
    return 0;
  }
  std::string w = Lower(i);
  std::string next = Lower(i + 1);
  bool yes =
      (next == "back" && kBack.contains(w)) ||
      (next == "out" &&
       (w == "pointed" || w == "spoke" || w == "lashed" || w == "called")) ||
      (next == "in" && (w == "chimed" || w == "weighed" || w == "cut")) ||
      (next == "on" && w == "went") || (next == "up" && w == "piped");
  return yes ? i + 1 : 0;
}

uint32_t Attributor::CueEnd(uint32_t verb) const {
  uint32_t end = verb + 1;
  if (uint32_t p = ParticleAt(verb)) end = p + 1;
  // "said in a statement", "said in an interview".
  if (end + 2 < v_.tokens.size() && IsWordAt(end) && Lower(end) == "in" &&
      (Lower(end + 1) == "a" || Lower(end + 1) == "an" ||
       Lower(end + 1) == "his" || Lower(end + 1) == "her") &&
      IsWordAt(end + 2) &&
      v_.tokens[end + 2].sentence == v_.tokens[verb].sentence) {
    std::string n = Lower(end + 2);
    if (n == "statement" || n == "interview" || n == "tweet" || n == "post" ||
        n == "speech" || n == "letter" || n == "email" || n == "message" ||
        n == "op-ed") {
      end += 3;
    }
  }
  return end;
}

Span Attributor::CueSpan(uint32_t verb) const {
  return TokSpan(verb, CueEnd(verb));
}

// A speaker is short and shaped like a noun phrase: not "and", "while
// discussing a", "his list by".
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
    std::string name = LowerWord(e.name);
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

std::optional<Attribution> Attributor::FromVerb(uint32_t verb,
                                                NounPhrase speaker,
                                                uint32_t hi) const {
  Attribution a;
  a.cue = CueSpan(verb);
  a.speaker = Resolve(speaker);
  if (!a.speaker) return std::nullopt;
  a.end_token = std::max(CueEnd(verb), speaker.b);
  if (TakesAddressee(Lower(verb))) {
    NounPhrase to = ForwardNP(CueEnd(verb), hi);
    if (!Plausible(to)) to = {};
    if (to.found()) {
      a.addressee = Resolve(to);
      a.end_token = std::max(a.end_token, to.b);
    }
  }
  return a;
}

// "...," Mr Putin said.  "...," said Vladimir Putin.  "...," he told Assad.
std::optional<Attribution> Attributor::Tail(const QuoteMarks& m) const {
  if (!m.closed) return std::nullopt;
  uint32_t i = m.close + 1;
  const Paragraph& p = v_.paras[v_.tokens[m.close].para];
  uint32_t hi = i;
  while (hi < p.end_token &&
         !(v_.tokens[hi].kind == TokKind::kQuote && IsDoubleOpener(v_, hi))) {
    if (v_.tokens[hi].kind == TokKind::kPunct &&
        (v_.tokens[hi].cp == '.' || v_.tokens[hi].cp == '!' ||
         v_.tokens[hi].cp == '?' || v_.tokens[hi].cp == ';')) {
      break;
    }
    ++hi;
  }
  if (i < hi && v_.tokens[i].kind == TokKind::kPunct &&
      (v_.tokens[i].cp == ',' || v_.tokens[i].cp == 0x2014 ||
       v_.tokens[i].cp == 0x2013 || v_.tokens[i].cp == '-')) {
    ++i;
  }
  if (i >= hi || !IsWordAt(i)) return std::nullopt;
  if (IsVerbAt(i)) {
    // "said Mr Putin", "said the Russian president"; "said in a
    // statement" has its speaker after the extension.
    return FromVerb(i, ForwardNP(CueEnd(i), hi), hi);
  }
  if (Lower(i) == "according" && i + 1 < hi && Lower(i + 1) == "to") {
    Attribution a;
    a.cue = TokSpan(i, i + 2);
    NounPhrase np = ForwardNP(i + 2, hi);
    a.speaker = Resolve(np);
    if (!a.speaker) return std::nullopt;
    a.end_token = np.b;
    return a;
  }
  // Speaker first: "Mr Putin said", "he later told Assad", and with an
  // apposition between, however long ("Trump, the frontrunner in ...,
  // said", "Rep. Peter King, R-New York, said").
  uint32_t np_end = i;
  while (np_end < hi && np_end < i + 9 &&
         (IsWordAt(np_end) || v_.tokens[np_end].kind == TokKind::kPossessive) &&
         !IsVerbAt(np_end)) {
    ++np_end;
  }
  uint32_t verb = 0;
  if (np_end < hi && IsVerbAt(np_end)) {
    verb = np_end;
  } else if (np_end < hi && IsPunctAt(np_end, ',')) {
    for (uint32_t j = np_end + 1; j < hi && j < np_end + 45; ++j) {
      if (v_.tokens[j].kind == TokKind::kQuote) break;
      if (!IsPunctAt(j, ',')) continue;
      uint32_t k = j + 1;
      while (k < hi && IsFillerAt(k)) ++k;
      if (k < hi && IsVerbAt(k)) {
        verb = k;
        break;
      }
    }
  }
  if (verb == 0) return std::nullopt;
  while (np_end > i && IsFillerAt(np_end - 1)) {
    --np_end;
  }
  return FromVerb(verb, NounPhrase{i, np_end}, hi);
}

// Putin told Assad: "...".  He said, "...".  According to X, "...".
std::optional<Attribution> Attributor::Head(const QuoteMarks& m,
                                            uint32_t lo) const {
  if (m.open == 0 || m.open <= lo) return std::nullopt;
  uint32_t j = m.open - 1;
  if (v_.tokens[j].kind == TokKind::kPunct &&
      (v_.tokens[j].cp == ':' || v_.tokens[j].cp == ',')) {
    if (j == lo) return std::nullopt;
    --j;
  }
  if (Lower(lo) == "according" && lo + 1 < m.open && Lower(lo + 1) == "to") {
    Attribution a;
    a.cue = TokSpan(lo, lo + 2);
    a.speaker = Resolve(ForwardNP(lo + 2, m.open));
    if (a.speaker) return a;
  }
  // The verb, possibly followed by its addressee or "in a statement".
  for (uint32_t v = j + 1, n = 0; v > lo && n < 6; --v, ++n) {
    uint32_t k = v - 1;
    if (!IsWordAt(k)) break;
    if (!IsVerbAt(k)) continue;
    uint32_t s = k;
    while (s > lo && IsFillerAt(s - 1)) {
      --s;
    }
    if (s == lo) return std::nullopt;
    return FromVerb(k, SubjectBefore(s, lo, k), m.open);
  }
  // A name and a colon, as transcripts and tweets are quoted: "Donald
  // Trump: "..."".
  if (IsPunctAt(m.open - 1, ':') && m.open >= 2 && ents_) {
    int32_t mi = ents_->MentionAt(m.open - 2);
    if (mi >= 0 && ents_->mentions[mi].end == m.open - 1) {
      Attribution a;
      a.speaker = Resolve({ents_->mentions[mi].first, m.open - 1});
      if (a.speaker) {
        a.end_token = m.open - 1;
        return a;
      }
    }
  }
  // "Sanders responded with a phrase ...: "..."", "Johnson said in an
  // op-ed piece before a hearing, "..."": the sentence's verb.
  if (IsPunctAt(m.open - 1, ':') || IsPunctAt(m.open - 1, ',')) {
    return HeadPartial(m, /*leftmost=*/false);
  }
  return std::nullopt;
}

// A quote opening a paragraph after one that ends with a colon:
//   Stated Stone:
//   "I think that ..."
std::optional<Attribution> Attributor::PreviousParagraphColon(
    const QuoteMarks& m) const {
  const Token& open = v_.tokens[m.open];
  const Paragraph& p = v_.paras[open.para];
  if (m.open != p.first_token || open.para == 0) return std::nullopt;
  const Paragraph& prev = v_.paras[open.para - 1];
  if (prev.end_token == prev.first_token ||
      !IsPunctAt(prev.end_token - 1, ':')) {
    return std::nullopt;
  }
  uint32_t last = v_.tokens[prev.end_token - 1].sentence;
  return SentenceCue(v_.sentences[last].first_token, prev.end_token - 1,
                     /*leftmost=*/false);
}

// A phrase quoted inside reported speech: "... and said their "military
// success" in Syria ...": the sentence's speech verb and its subject.
// A phrase quoted inside reported speech belongs to the sentence's first
// speech verb, the main clause's ("Quinn said the owner had agreed to keep
// it running "until the end of the year""); a colon or comma before a full
// quote, to the nearest ("X said in an op-ed before the hearing, "..."").
std::optional<Attribution> Attributor::HeadPartial(const QuoteMarks& m,
                                                   bool leftmost) const {
  return SentenceCue(v_.sentences[v_.tokens[m.open].sentence].first_token,
                     m.open, leftmost);
}

// The rightmost speech verb in [lo, hi) and its subject: the noun phrase
// right before it, or the sentence's first noun phrase when the verb is a
// second verb of it ("... and said", ", telling them"); for an inverted
// "Stated Stone:" the name after the verb.
std::optional<Attribution> Attributor::SentenceCue(uint32_t lo, uint32_t hi,
                                                   bool leftmost) const {
  uint32_t found = 0;
  // A verb far before the quote is not its cue (and a sentence with no
  // stops must not make this quadratic).
  lo = std::max(lo, hi > kMaxCueDistance ? hi - kMaxCueDistance : 0u);
  for (uint32_t k = hi; k > lo; --k) {
    if (in_quote_[k - 1] || !IsVerbAt(k - 1)) continue;
    found = k;
    if (!leftmost) break;
  }
  for (uint32_t k = found; k > lo; k = lo) {
    uint32_t verb = k - 1;
    uint32_t s = verb;
    while (s > lo && IsFillerAt(s - 1)) {
      --s;
    }
    if (s == lo) return FromVerb(verb, ForwardNP(CueEnd(verb), hi), hi);
    return FromVerb(verb, SubjectBefore(s, lo, verb), hi);
  }
  return std::nullopt;
}

NounPhrase Attributor::SubjectBefore(uint32_t s, uint32_t lo,
                                     uint32_t verb) const {
  std::string before = Lower(s - 1);
  if (before != "and" && before != "but" && !IsPunctAt(s - 1, ',')) {
    NounPhrase np = BackwardNP(s - 1, lo);
    if (Plausible(np)) return np;
  }
  uint32_t f = lo;
  while (f < verb && !IsWordAt(f)) ++f;
  return ForwardNP(f, verb);
}

std::vector<Quote> Attributor::Run() {
  std::vector<Quote> out;
  std::optional<PersonRef> last_speaker;
  uint32_t last_para = 0;
  uint32_t prev_close = 0;
  bool have_prev = false;
  uint32_t split_after = 0;  // the comma after a tail attribution
  for (const QuoteMarks& m : marks_) {
    Quote q;
    q.span = m.span;
    const Token& open = v_.tokens[m.open];
    const Paragraph& p = v_.paras[open.para];
    int words = 0;
    uint32_t content_end = m.close;
    for (uint32_t i = m.open + 1; i < content_end; ++i) {
      if (v_.tokens[i].kind == TokKind::kWord) ++words;
    }
    if (p.headline && (m.single || words <= 4)) {
      q.kind = QuoteKind::kScare;
      out.push_back(q);
      continue;
    }
    // Where the quote starts: a sentence of its own, after a colon, or
    // after "said,".
    uint32_t sent_first = v_.sentences[open.sentence].first_token;
    bool starts = m.open == sent_first || m.open == p.first_token;
    if (!starts && m.open > p.first_token) {
      const Token& b = v_.tokens[m.open - 1];
      if (b.kind == TokKind::kPunct &&
          (b.cp == ':' || b.cp == '.' || b.cp == '?' || b.cp == '!' ||
           b.cp == 0x2014 || b.cp == 0x2013 || b.cp == '(')) {
        starts = true;
      } else if (b.kind == TokKind::kPunct && b.cp == ',' && m.open >= 2 &&
                 IsVerbAt(m.open - 2)) {
        starts = true;
      } else if (IsVerbAt(m.open - 1)) {
        starts = true;
      } else if (b.kind == TokKind::kQuote) {
        starts = true;
      }
    }
    size_t cb = m.span.begin;
    bool upper_start =
        cb < v_.text.size() &&
        ((v_.text[cb] >= 'A' && v_.text[cb] <= 'Z') ||
         static_cast<unsigned char>(v_.text[cb]) >= 0x80 || v_.text[cb] == '.');
    bool full =
        (starts && (words >= 3 || upper_start)) || (words >= 8 && upper_start);
    uint32_t lo = sent_first;
    if (have_prev && prev_close + 1 > lo && prev_close < m.open &&
        v_.tokens[prev_close].para == open.para) {
      lo = prev_close + 1;
    }
    // so-called "experts": the writer's distance, never speech.
    if (m.open > 0 && IsWordAt(m.open - 1) &&
        Lower(m.open - 1) == "so-called") {
      q.kind = QuoteKind::kScare;
      prev_close = m.close;
      have_prev = m.closed;
      out.push_back(std::move(q));
      continue;
    }
    // The second part of a split quote: "...," he said, "...".
    if (split_after > 0 && m.open == split_after + 1 &&
        IsPunctAt(split_after, ',') && !out.empty()) {
      const Quote& first = out.back();
      q.kind = QuoteKind::kFull;
      q.cue = first.cue;
      q.speaker = first.speaker;
      q.addressee = first.addressee;
      split_after = 0;
      prev_close = m.close;
      have_prev = m.closed;
      out.push_back(std::move(q));
      continue;
    }
    split_after = 0;
    std::optional<Attribution> a;
    bool from_tail = false;
    if (full) {
      a = Tail(m);
      from_tail = a.has_value();
      if (!a) a = Head(m, lo);
      if (!a) a = PreviousParagraphColon(m);
    } else {
      a = HeadPartial(m, /*leftmost=*/true);
      if (!a) a = Tail(m);
    }
    if (a) {
      if (from_tail) split_after = a->end_token;
      q.kind = full ? QuoteKind::kFull : QuoteKind::kPartial;
      q.cue = a->cue;
      q.speaker = a->speaker;
      q.addressee = a->addressee;
    } else if (full) {
      q.kind = QuoteKind::kFull;
      uint32_t para = open.para;
      if (last_speaker && (last_para == para || last_para + 1 == para)) {
        q.speaker = last_speaker;
        q.speaker->via = RefVia::kContinuation;
      }
    } else {
      q.kind = QuoteKind::kScare;
    }
    if (q.kind != QuoteKind::kScare && q.speaker) {
      last_speaker_ = q.speaker;
      last_para_ =
          m.closed ? v_.tokens[m.close].para : v_.tokens[m.close - 1].para;
      last_speaker = q.speaker;
      last_para =
          m.closed ? v_.tokens[m.close].para : v_.tokens[m.close - 1].para;
    }
    prev_close = m.close;
    have_prev = m.closed;
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace

std::vector<Quote> AttributeQuotes(const TextView& view,
                                   const std::vector<QuoteMarks>& marks,
                                   const EntityIndex* entities) {
  return Attributor(view, marks, entities).Run();
}

}  // namespace newstrace::analyze
