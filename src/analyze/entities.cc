// FindEntities: capitalized runs of running text cut at gazetteer names,
// office titles and particles into candidates (Finder::ScanRun), headlines
// read against what the body found; the candidates are then linked
// (entity_link.cc).
#include "analyze/entities.h"

#include <algorithm>
#include <array>
#include <forward_list>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyze/cues.h"
#include "analyze/entity_finder.h"
#include "analyze/entity_words.h"
#include "analyze/word_set.h"
#include "base/strings.h"

namespace newstrace::analyze {
namespace entities_internal {

uint16_t Finder::GazetteerFlags(uint32_t i) const {
  const Token& t = v_.tokens[i];
  if (t.kind != TokKind::kWord) return 0;
  std::string_view w = Text(i);
  // News repeats its names: a small direct-mapped memo of this article's
  // words spares the shared index (and its cache misses) the repeats.
  size_t slot = (w.size() * 31 + static_cast<unsigned char>(w[0]) * 7 +
                 static_cast<unsigned char>(w.back())) %
                memo_.size();
  uint32_t f;
  const std::pair<std::string_view, uint32_t>& m = memo_[slot];
  if (m.first.size() == w.size() && !w.empty() &&
      base::SameBytes(m.first.data(), w.data(), w.size())) {
    f = m.second;
  } else {
    f = WordFlags(w);
    memo_[slot] = {w, f};
  }
  return GazetteerTokenFlags(f, t.cap || t.upper);
}

uint16_t Finder::ListFlags(uint32_t i) const {
  const Token& t = v_.tokens[i];
  if (t.kind != TokKind::kWord || (!t.cap && !t.upper)) return 0;
  return CapitalizedListFlags(Text(i));
}

bool Finder::IsParticle(uint32_t i) const {
  const Token& t = v_.tokens[i];
  if (t.kind != TokKind::kWord) return false;
  std::string_view w = Text(i);
  // "Van den Berg" at a sentence start is still a particle.
  if (w.size() > 5) return false;
  std::array<char, 5> lower;
  for (size_t k = 0; k < w.size(); ++k) {
    lower[k] =
        (w[k] >= 'A' && w[k] <= 'Z') ? static_cast<char>(w[k] + 32) : w[k];
  }
  return IsNameParticle(std::string_view(lower.data(), w.size()));
}

std::string_view Finder::Join(uint32_t a, uint32_t b) {
  while (b > a && v_.tokens[b - 1].kind == TokKind::kPossessive) --b;
  for (uint32_t i = a; i < b; ++i) {
    if (v_.tokens[i].kind == TokKind::kPossessive) b = i;
  }
  if (a >= b) return {};
  bool plain = true;
  for (uint32_t i = a + 1; i < b && plain; ++i) {
    uint32_t gap = v_.tokens[i].begin - v_.tokens[i - 1].end;
    plain = gap == 0 || (gap == 1 && v_.text[v_.tokens[i].begin - 1] == ' ');
  }
  if (plain) {
    return v_.text.substr(v_.tokens[a].begin,
                          v_.tokens[b - 1].end - v_.tokens[a].begin);
  }
  std::string s;
  for (uint32_t i = a; i < b; ++i) {
    if (!s.empty() && v_.tokens[i].begin > v_.tokens[i - 1].end) s += ' ';
    s += Text(i);
  }
  owned_.push_front(std::move(s));
  return owned_.front();
}

bool Finder::SentenceInitial(uint32_t i) const {
  return v_.sentences[v_.tokens[i].sentence].first_word == i;
}

// A capitalized word that is only capitalized because of its position:
// the article also writes it in lower case, or it is a function word.
bool Finder::LooksCommon(uint32_t i) const {
  if (Is(i, kFCommonCap)) return true;
  if (!SentenceInitial(i)) return false;
  if (!AsksLowerCase(i)) return false;
  std::string_view w = Text(i);
  if (w.size() >= InitialWords::kMaxSize) return false;
  std::array<char, InitialWords::kMaxSize> lower;
  for (size_t k = 0; k < w.size(); ++k) {
    lower[k] =
        (w[k] >= 'A' && w[k] <= 'Z') ? static_cast<char>(w[k] + 32) : w[k];
  }
  if (flags_[i] & kFInitial) {
    return asked_.Common(std::string_view(lower.data(), w.size()));
  }
  if (!all_.built()) all_.Build(v_, nullptr);
  return all_.Common(std::string_view(lower.data(), w.size()));
}

// Whether LooksCommon, for a sentence-initial word, asks the article's
// lower-case words: no word list has decided first.
bool Finder::AsksLowerCase(uint32_t i) const {
  if (Is(i, kFCommonCap)) return false;
  if (Is(i, kFGiven) || Is(i, kFName)) return false;
  // Titles are peeled off later, and keep their words as roles:
  // "Foreign Minister Rafael Ortiz" even where "foreign" occurs.
  return !(Is(i, kFHonorific) || Is(i, kFTitleModifier) || Is(i, kFRole) ||
           Is(i, kFDemonym));
}

// A headline in title case ("Ivanka Trump Receiving Her Own Protection"):
// capitals there say nothing about names. Body paragraphs never count,
// however many names they hold.
bool Finder::TitleCaseParagraph(const Paragraph& p) const {
  if (!p.headline) return false;
  int long_words = 0;
  for (uint32_t i = p.first_token; i < p.end_token; ++i) {
    const Token& t = v_.tokens[i];
    if (!IsWord(t) || t.digit || t.end - t.begin < 4) continue;
    if (!t.cap && !t.upper) return false;
    ++long_words;
  }
  return long_words >= 2;
}

size_t Finder::GazetteerMatch(uint32_t i, uint32_t end,
                              const GazetteerEntry** entry) const {
  if (i >= end || !IsWord(v_.tokens[i])) return 0;
  // The first word's answer is cached per token; longer keys are built
  // only after a word that starts a multi-word name (rare).
  size_t best = 0;
  if (Is(i, kFName)) {
    best = 1;
    *entry = LookupName(Text(i));
  }
  if (!Is(i, kFNamePrefix)) return best;
  std::string key(Text(i));
  for (uint32_t k = i + 1; k < end && k - i < MaxNameWords(); ++k) {
    if (!IsWord(v_.tokens[k])) break;
    key += ' ';
    key += Text(k);
    uint32_t f = WordFlags(key);
    if (f & kWordName) {
      best = k + 1 - i;
      *entry = LookupName(key);
    }
    if (!(f & kWordNamePrefix)) break;
  }
  return best;
}

bool Finder::SpeechNear(uint32_t a, uint32_t b) const {
  // "Smith said", "Smith, a lawyer, said" is left to attribution; here only
  // the adjacent forms count as evidence of a person.
  uint32_t k = b;
  if (k < v_.tokens.size() && v_.tokens[k].kind == TokKind::kPossessive) {
    return false;
  }
  while (k < v_.tokens.size() && IsWord(v_.tokens[k]) && !v_.tokens[k].cap &&
         IsAttributionFiller(LowerWord(Text(k)))) {
    ++k;
  }
  if (k < v_.tokens.size() && IsWord(v_.tokens[k]) &&
      v_.tokens[k].sentence == v_.tokens[a].sentence &&
      IsSpeechVerb(LowerWord(Text(k)))) {
    return true;
  }
  // With a multi-word name, an apposition may stand between: "Brianne
  // Stone, 29, of Huntsville, Ala., says".
  if (b - a >= 2 && b < v_.tokens.size() &&
      v_.tokens[b].kind == TokKind::kPunct && v_.tokens[b].cp == ',') {
    uint32_t sent = v_.tokens[a].sentence;
    for (uint32_t j = b + 1; j < v_.tokens.size() && j < b + 16; ++j) {
      const Token& t = v_.tokens[j];
      if (t.sentence != sent || t.kind == TokKind::kQuote) break;
      if (t.kind != TokKind::kPunct || t.cp != ',') continue;
      uint32_t q = j + 1;
      while (q < v_.tokens.size() && IsWord(v_.tokens[q]) &&
             !v_.tokens[q].cap && IsAttributionFiller(LowerWord(Text(q)))) {
        ++q;
      }
      if (q < v_.tokens.size() && IsWord(v_.tokens[q]) &&
          v_.tokens[q].sentence == sent && !v_.tokens[q].cap &&
          IsSpeechVerb(LowerWord(Text(q)))) {
        return true;
      }
    }
  }
  // "said harbour master Ewan Coull": a short lower-case description
  // between the verb and the name.
  uint32_t p = a;
  static const WordSet kNotDescription = {
      "a",   "about", "after", "against", "an", "and",  "at", "before",
      "but", "by",    "for",   "from",    "in", "into", "of", "on",
      "or",  "over",  "that",  "the",     "to", "with"};
  for (int n = 0;
       n < 3 && p > 0 && IsWord(v_.tokens[p - 1]) && !v_.tokens[p - 1].cap &&
       !kNotDescription.contains(Text(p - 1)) &&
       !IsSpeechVerb(LowerWord(Text(p - 1)));
       ++n) {
    --p;
  }
  if (p < a && p > 0 && IsWord(v_.tokens[p - 1]) &&
      IsSpeechVerb(LowerWord(Text(p - 1))) &&
      v_.tokens[p - 1].sentence == v_.tokens[a].sentence) {
    return true;
  }
  if (a > 0 && IsWord(v_.tokens[a - 1]) &&
      v_.tokens[a - 1].sentence == v_.tokens[a].sentence) {
    const LowerWord prev(Text(a - 1));
    if (prev == "said" || prev == "says" || prev == "added" ||
        prev == "asked" || prev == "told") {
      return true;
    }
    if (prev == "to" && a > 1 && LowerWord(Text(a - 2)) == "according") {
      return true;
    }
  }
  return false;
}

bool Finder::RoleBefore(uint32_t first) const {
  // "envoy Staffan de Mistura", "Syrian leader Bashar al-Assad".
  // Between the role and the name only capitalized words and the
  // prepositions of a description ("envoy to Syria Staffan de Mistura"),
  // not a verb phrase ("the minister visited the Kingdom").
  for (uint32_t k = first, n = 0; k > 0 && n < 4; --k, ++n) {
    const Token& t = v_.tokens[k - 1];
    if (!IsWord(t) || t.sentence != v_.tokens[first].sentence) break;
    if (Is(k - 1, kFRole)) return true;
    std::string_view w = Text(k - 1);
    if (!t.cap && w != "to" && w != "of" && w != "for") break;
  }
  return false;
}

void Finder::AddTyped(uint32_t a, uint32_t b, EntityType type,
                      std::string_view canonical) {
  Candidate c;
  c.first = c.name_first = c.title_first = a;
  c.end = b;
  c.typed = true;
  c.type = type;
  c.canonical = canonical;
  cands_.push_back(std::move(c));
}

void Finder::AddCandidate(uint32_t title_first, uint32_t a, uint32_t b) {
  Candidate c;
  c.title_first = title_first;
  c.first = a;
  c.name_first = a;
  // (Is(kFPersonal) is IsPersonalHonorific, cached: run words are words,
  // and every personal honorific is capitalized.)
  while (c.name_first < b && Is(c.name_first, kFPersonal)) {
    if (auto g = Honorific(Text(c.name_first))) c.gender = *g;
    ++c.name_first;
  }
  c.end = b;
  if (c.name_first >= b) return;
  // A description in capitals before a full name: "Resident James
  // Whitlow", "Transport Secretary Neil Armitage". The name starts at the
  // first given name that has a surname after it and no given name before.
  if (c.name_first == a && title_first == a && !Is(a, kFGiven)) {
    for (uint32_t g = a + 1; g + 1 < b; ++g) {
      if (!Is(g, kFGiven)) continue;
      c.title_first = a;
      c.first = c.name_first = g;
      title_first = a;
      a = g;
      break;
    }
  }
  uint32_t words = b - c.name_first;
  // A demonym alone is an adjective ("French fleets"), never a person.
  if (words == 1 && c.name_first == a && title_first == a && Is(a, kFDemonym)) {
    return;
  }
  if (words == 1 && v_.tokens[c.name_first].upper &&
      Text(c.name_first).size() <= 6 && c.name_first == a) {
    // An unknown acronym: an organization more often than not.
    AddTyped(a, b, EntityType::kOrganization, Text(a));
    return;
  }
  // (A capitalized word without the gazetteer's given-name flag is no given
  // name: the table lookup is left for the words that are.)
  const Token& first_word = v_.tokens[c.name_first];
  std::optional<Gender> given =
      (first_word.cap || first_word.upper) && !Is(c.name_first, kFGiven)
          ? std::nullopt
          : GivenName(Text(c.name_first));
  if (given && c.gender == Gender::kUnknown) c.gender = *given;
  // A plural at a sentence start next to a speech verb is a group
  // ("Critics called", "Officials said"), not a person.
  bool plural_initial = words == 1 && c.name_first == a && title_first == a &&
                        SentenceInitial(a) && Text(a).size() > 3 &&
                        Text(a).ends_with('s') && !Text(a).ends_with("ss") &&
                        !Text(a).ends_with("us") && !Text(a).ends_with("is");
  bool strong =
      c.name_first > a || title_first < a || given.has_value() ||
      (!plural_initial && (SpeechNear(a, b) || RoleBefore(title_first)));
  c.evidence = strong ? Evidence::kStrong : Evidence::kWeak;
  cands_.push_back(std::move(c));
}

// One run of capitalized words [a, b) in running text.
void Finder::ScanRun(uint32_t a, uint32_t b) {
  while (a < b && LooksCommon(a)) ++a;
  // Particles never start or end a run once a leading word is gone
  // ("[Van] den Berg" is linked as Berg).
  while (a < b && Is(a, kFParticle)) ++a;
  while (b > a && Is(b - 1, kFParticle) && !v_.tokens[b - 1].cap) --b;
  if (a >= b) return;
  const GazetteerEntry* entry = nullptr;
  if (GazetteerMatch(a, b, &entry) == b - a) {
    AddTyped(a, b, entry->type, entry->canonical);
    return;
  }
  uint32_t sent = v_.tokens[a].sentence;
  if (a >= 2 && v_.tokens[a - 2].sentence == sent && IsWord(v_.tokens[a - 1]) &&
      Text(a - 1) == "of" && IsWord(v_.tokens[a - 2]) &&
      IsPlaceNoun(LowerWord(Text(a - 2))) && !v_.tokens[a - 2].cap) {
    AddTyped(a, b, EntityType::kPlace, Join(a, b));
    return;
  }
  // "the aid agency Lifeline", "the newspaper Le Monde".
  if (a > 0 && v_.tokens[a - 1].sentence == sent && IsWord(v_.tokens[a - 1]) &&
      !v_.tokens[a - 1].cap) {
    std::string noun(Text(a - 1));
    noun[0] = static_cast<char>(noun[0] - 'a' + 'A');
    if (noun[0] >= 'A' && noun[0] <= 'Z' && IsOrganizationHead(noun)) {
      AddTyped(a, b, EntityType::kOrganization, Join(a, b));
      return;
    }
  }
  // "Syrian National Dialogue Congress", "Bank of England".
  if ((b - a >= 2 && Is(b - 1, kFOrgHead)) ||
      (b - a >= 3 && Is(a, kFOrgHead) && Text(a + 1) == "of")) {
    uint32_t s = a;
    if (Text(s) == "The") ++s;
    AddTyped(s, b, EntityType::kOrganization, Join(s, b));
    return;
  }
  // Office titles in front of a name: "Russian President Vladimir Putin".
  uint32_t title_first = a;
  uint32_t k = a;
  while (k + 1 < b) {
    std::string_view w = Text(k);
    if (Is(k, kFPersonal)) break;
    // Two-word titles ("Prime Minister"): only after the first word of one.
    if (k + 2 < b + 1 && k + 1 < b && Is(k, kFHonorificPrefix)) {
      std::string two = std::string(w) + " " + std::string(Text(k + 1));
      if (Honorific(two) && k + 2 < b) {
        k += 2;
        continue;
      }
    }
    if (Is(k, kFHonorific) || Is(k, kFTitleModifier) || Is(k, kFDemonym) ||
        Is(k, kFRole)) {
      ++k;
      continue;
    }
    break;
  }
  if (k > a) {
    // A place or organization in front of the title stays an entity of its
    // own ("UN envoy"); demonyms and titles are only roles.
    AddCandidate(title_first, k, b);
    return;
  }
  // Split at gazetteer names: "Syria Staffan de Mistura".
  uint32_t pending = a;
  for (uint32_t i = a; i < b;) {
    const GazetteerEntry* e = nullptr;
    size_t n = GazetteerMatch(i, b, &e);
    // "Georgia Smith", "director Sofia Lundgren": a one-word place that
    // starts a person's name.
    bool starts_name = n == 1 && i == pending && i + 1 < b &&
                       (Is(i, kFGiven) || RoleBefore(i));
    bool split = n > 0 && !starts_name;
    if (!split) {
      ++i;
      continue;
    }
    if (pending < i) ScanRun(pending, i);
    AddTyped(i, i + static_cast<uint32_t>(n), e->type, e->canonical);
    i += static_cast<uint32_t>(n);
    pending = i;
  }
  if (pending == a) {
    AddCandidate(a, a, b);
  } else if (pending < b) {
    ScanRun(pending, b);
  }
}

void Finder::ScanHeadline(const Paragraph& p) {
  // Title case says nothing about names: only what the body or the
  // gazetteer knows is a mention here.
  std::unordered_map<std::string_view, size_t> surname_of;
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    if (!c.typed && c.evidence == Evidence::kStrong) {
      surname_of.emplace(SurnameKey(Text(c.end - 1)), ci);
    }
  }
  for (uint32_t i = p.first_token; i < p.end_token;) {
    const Token& t = v_.tokens[i];
    if (!IsNameWord(t)) {
      ++i;
      continue;
    }
    const GazetteerEntry* e = nullptr;
    size_t n = GazetteerMatch(i, p.end_token, &e);
    if (n > 0) {
      AddTyped(i, i + static_cast<uint32_t>(n), e->type, e->canonical);
      i += static_cast<uint32_t>(n);
      continue;
    }
    if (surname_of.contains(SurnameKey(Text(i)))) {
      Candidate c;
      c.first = c.name_first = c.title_first = i;
      c.end = i + 1;
      c.evidence = Evidence::kStrong;
      cands_.push_back(c);
    }
    ++i;
  }
}

EntityIndex Finder::Run() {
  // Which sentence-initial words the article also writes in lower case.
  asked_.Build(v_, [this](uint32_t i) {
    if (!AsksLowerCase(i)) return false;
    flags_[i] |= kFInitial;
    return true;
  });
  std::vector<const Paragraph*> headlines;
  for (const Paragraph& p : v_.paras) {
    if (TitleCaseParagraph(p)) {
      headlines.push_back(&p);
      continue;
    }
    for (uint32_t i = p.first_token; i < p.end_token;) {
      if (!IsNameWord(v_.tokens[i]) || Is(i, kFCalendar)) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      uint32_t sent = v_.tokens[i].sentence;
      while (j < p.end_token && v_.tokens[j].sentence == sent) {
        const Token& t = v_.tokens[j];
        if (IsNameWord(t) && !Is(j, kFCalendar)) {
          ++j;
          continue;
        }
        if (IsWord(t) && !t.cap && Is(j, kFParticle)) {
          // "de Mistura", "van den Berg"
          uint32_t k = j;
          while (k < p.end_token && IsWord(v_.tokens[k]) && !v_.tokens[k].cap &&
                 Is(k, kFParticle)) {
            ++k;
          }
          if (k < p.end_token && k - j <= 2 && IsNameWord(v_.tokens[k]) &&
              v_.tokens[k].sentence == sent) {
            j = k;
            continue;
          }
        }
        break;
      }
      ScanRun(i, j);
      i = j;
    }
  }
  for (const Paragraph* p : headlines) ScanHeadline(*p);
  EntityIndex out;
  Link(&out);
  // Entities in order of first mention, indices remapped.
  std::vector<int> order(out.entities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::erase_if(order, [&](int e) { return out.entities[e].mentions.empty(); });
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    return out.entities[x].mentions[0].begin <
           out.entities[y].mentions[0].begin;
  });
  std::vector<int> remap(out.entities.size(), -1);
  EntityIndex sorted;
  sorted.entities.reserve(order.size());
  sorted.genders.reserve(order.size());
  for (int e : order) {
    remap[e] = static_cast<int>(sorted.entities.size());
    sorted.entities.push_back(std::move(out.entities[e]));
    sorted.genders.push_back(out.genders[e]);
  }
  sorted.mentions = std::move(out.mentions);
  for (Mention& m : sorted.mentions) m.entity = remap[m.entity];
  sorted.mention_of_token = std::move(out.mention_of_token);
  return sorted;
}

}  // namespace entities_internal

EntityIndex FindEntities(const TextView& view) {
  return entities_internal::Finder(view).Run();
}

}  // namespace newstrace::analyze
