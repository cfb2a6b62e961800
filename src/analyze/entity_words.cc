// The entity finder's word classes (honorifics, titles, name particles,
// place nouns), surname keys and role collection. Internal to analyze.
#include "analyze/entity_words.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <span>
#include <string>
#include <vector>

#include "analyze/cues.h"
#include "analyze/entities.h"
#include "analyze/gazetteer.h"
#include "analyze/word_set.h"
#include "base/strings.h"

namespace newstrace::analyze {
namespace {

bool IsWord(const Token& t) { return t.kind == TokKind::kWord; }

constexpr std::string_view kPersonalHonorifics[] = {
    "Mr",  "Mr.",    "Mrs",  "Mrs.",  "Ms",       "Ms.",  "Miss",
    "Dr",  "Dr.",    "Sir",  "Dame",  "Lady",     "Lord", "Mx",
    "Mx.", "Messrs", "Prof", "Prof.", "Professor"};

constexpr std::string_view kTitleModifiers[] = {
    "Acting",  "Assistant", "Associate", "Attorney",  "Chief",     "Defence",
    "Defense", "Deputy",    "Education", "Energy",    "Executive", "Finance",
    "Foreign", "Former",    "General",   "Health",    "Home",      "Interior",
    "Justice", "Labor",     "Labour",    "Majority",  "Minority",  "Senior",
    "State",   "Trade",     "Vice",      "Secretary", "Supreme",   "First",
    "Lt.",     "Col.",      "Gen.",      "Sgt.",      "Capt.",     "Maj.",
    "Adm.",    "Sen.",      "Rep.",      "Gov.",      "Pres.",     "U.S.",
    "US",      "UK",        "EU",        "UN",        "U.N."};

}  // namespace

// Honorifics that are part of how a person is named: they stay inside the
// mention ("Mr Putin"). Office titles (President, Senator) are peeled off
// into the person's roles instead.
bool IsPersonalHonorific(std::string_view w) {
  static const WordSet kSet(std::vector<std::string_view>(
      std::begin(kPersonalHonorifics), std::end(kPersonalHonorifics)));
  return kSet.contains(w);
}

// Capitalized modifiers of an office title: "Foreign Minister", "Deputy
// Prime Minister", "Former President", "Attorney General".
bool IsTitleModifier(std::string_view w) {
  static const WordSet kSet(std::vector<std::string_view>(
      std::begin(kTitleModifiers), std::end(kTitleModifiers)));
  return kSet.contains(w);
}

uint16_t CapitalizedListFlags(std::string_view w) {
  // The four lists in one index, each word with the answers of the four
  // functions (a word on no list has none of them).
  struct Table {
    const WordSet* set;
    std::vector<uint16_t> flags;  // per index of `set`
  };
  static const Table* table = [] {
    std::vector<std::string_view> words;
    for (std::span<const std::string_view> list :
         {CommonCapitalizedWords(), CalendarWords(),
          std::span<const std::string_view>(kTitleModifiers),
          std::span<const std::string_view>(kPersonalHonorifics)}) {
      words.insert(words.end(), list.begin(), list.end());
    }
    auto* t = new Table{new WordSet(words), {}};
    for (std::string_view k : words) {
      t->flags.push_back((IsCommonCapitalized(k) ? kFCommonCap : 0) |
                         (IsCalendarWord(k) ? kFCalendar : 0) |
                         (IsTitleModifier(k) ? kFTitleModifier : 0) |
                         (IsPersonalHonorific(k) ? kFPersonal : 0));
    }
    return t;
  }();
  const int64_t k = table->set->Find(w);
  return k < 0 ? 0 : table->flags[k];
}

// Lower-case particles inside names: Staffan de Mistura, Ludwig van
// Beethoven, Bank of England.
bool IsNameParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {
      "de",  "da",  "del", "della", "di",  "du",  "van", "von",
      "der", "den", "la",  "le",    "bin", "ibn", "al",  "el",
      "dos", "das", "y",   "of",    "ter", "ben", "bint"};
  // Asked of most words after a capitalized run: the first letter (a bit
  // per a..z) turns most away before any hashing.
  static constexpr uint32_t kFirsts = [] {
    uint32_t m = 0;
    for (std::string_view p : kParticles) m |= 1u << (p[0] - 'a');
    return m;
  }();
  if (w.empty() || w[0] < 'a' || w[0] > 'z' ||
      !((kFirsts >> (w[0] - 'a')) & 1)) {
    return false;
  }
  static const WordSet kSet(std::vector<std::string_view>(
      std::begin(kParticles), std::end(kParticles)));
  return kSet.contains(w);
}

bool IsConjunction(std::string_view lower) {
  return lower == "and" || lower == "or" || lower == "but" || lower == "nor" ||
         lower == "with" || lower == "by" || lower == "as";
}

// "the city of Brisport", "the province of Almera": a place, named or not
// in the gazetteer.
bool IsPlaceNoun(std::string_view lower) {
  static const WordSet kSet = {
      "city",          "town",         "village",    "province", "region",
      "county",        "district",     "island",     "port",     "capital",
      "municipality",  "governorate",  "prefecture", "suburb",   "state",
      "neighbourhood", "neighborhood", "islands",    "valley",   "enclave"};
  return kSet.contains(lower);
}

std::string_view SurnameKey(std::string_view w) {
  // "al-Assad" and "Assad" are one surname.
  const bool particle_shape =
      w.size() > 4 && w[2] == '-' &&
      (w[0] == 'a' || w[0] == 'A' || w[0] == 'e' || w[0] == 'E');
  if (particle_shape) {
    for (std::string_view p : {"al-", "Al-", "el-", "El-", "ad-", "as-"}) {
      if (w.size() > p.size() + 1 && w.starts_with(p)) {
        w.remove_prefix(p.size());
        break;
      }
    }
  }
  if (w.ends_with(".")) w.remove_suffix(1);
  return w;
}

// One load: TokKind::kWord is 0 and the three flags follow `kind`, each
// 0 or 1.
static_assert(static_cast<int>(TokKind::kWord) == 0);
static_assert(offsetof(Token, cap) == offsetof(Token, kind) + 1 &&
              offsetof(Token, upper) == offsetof(Token, kind) + 2 &&
              offsetof(Token, digit) == offsetof(Token, kind) + 3);
bool IsPlainLowerWord(const Token& t) {
  uint32_t fields;
  std::memcpy(&fields,
              reinterpret_cast<const char*>(&t) + offsetof(Token, kind), 4);
  return fields == 0;
}

void InitialWords::Build(const TextView& v,
                         const std::function<bool(uint32_t)>& asks) {
  const bool all = asks == nullptr;
  // The first words, lower-cased and indexed, against one pass over the
  // lower-case words (cheaper than indexing every word). Per length, bit
  // (c & 63) for the first and the last byte c of some initial: most
  // lower-case words fail this before any hashing. Most initials ("The",
  // "He", "But") a word list settles before LooksCommon asks, and
  // indexing them would send every "the" of the text to the index. (The
  // entity finder caches what `asks` looks up: ScanRun asks the same of
  // the same words.)
  std::array<uint64_t, kMaxSize> firsts{};
  std::array<uint64_t, kMaxSize> lasts{};
  bool any_upper = false;
  for (const Sentence& sent : v.sentences) {
    for (uint32_t i = sent.first_token; i < sent.end_token; ++i) {
      const Token& t = v.tokens[i];
      if (t.kind != TokKind::kWord) continue;
      if ((t.cap || t.upper) && t.end - t.begin < kMaxSize &&
          (all ? !t.upper : asks(i))) {
        any_upper = any_upper || t.upper;
        words_.push_back(base::AsciiLower(v.TokenText(t)));
        cap_seen_.push_back(!t.upper);
        const std::string& w = words_.back();
        firsts[w.size()] |= uint64_t{1} << (w[0] & 63);
        lasts[w.size()] |= uint64_t{1} << (w.back() & 63);
      }
      break;
    }
  }
  // The words no longer change: the index views them.
  index_.emplace(std::vector<std::string_view>(words_.begin(), words_.end()));
  common_.assign(words_.size(), 0);
  if (words_.empty()) return;
  if (any_upper) {
    // The capitalized initials an all-caps one needs (the index answers
    // for a word's first entry: set it there).
    for (const Sentence& sent : v.sentences) {
      for (uint32_t i = sent.first_token; i < sent.end_token; ++i) {
        const Token& t = v.tokens[i];
        if (t.kind != TokKind::kWord) continue;
        if (t.cap && !t.upper && t.end - t.begin < kMaxSize) {
          const LowerWord w(v.TokenText(t));
          int64_t k = index_->Find(w);
          if (k >= 0) cap_seen_[k] = 1;
        }
        break;
      }
    }
  }
  for (const Token& t : v.tokens) {
    if (!IsPlainLowerWord(t)) continue;
    size_t len = t.end - t.begin;
    if (len >= kMaxSize || !((firsts[len] >> (v.text[t.begin] & 63)) & 1) ||
        !((lasts[len] >> (v.text[t.end - 1] & 63)) & 1)) {
      continue;
    }
    int64_t k = index_->Find(v.TokenText(t));
    if (k >= 0) common_[k] = 1;
  }
}

// The lower-case words of the offices and descriptions the text gives the
// mention [first, end) with its peeled title [title_first, first).
void CollectRoles(const TextView& v, uint32_t title_first, uint32_t first,
                  uint32_t end, std::vector<std::string>* roles) {
  auto Text = [&](uint32_t i) { return v.TokenText(i); };
  struct {
    uint32_t title_first, first, end;
  } c{title_first, first, end};
  for (uint32_t i = c.title_first; i < c.first; ++i) {
    roles->push_back(base::AsciiLower(Text(i)));
  }
  // A description in front: "Syrian leader", "special envoy to Syria".
  uint32_t sent = v.tokens[c.first].sentence;
  std::vector<std::string> window;
  bool has_role = false;
  // Walk left over what a description is made of: role nouns, adjectives
  // right before one ("special envoy"), demonyms and capitalized names
  // ("United Nations"), and the prepositions that join them ("envoy to
  // Syria"); stop at anything else ("met").
  for (uint32_t k = c.title_first, n = 0; k > 0 && n < 7; --k, ++n) {
    const Token& t = v.tokens[k - 1];
    if (!IsWord(t) || t.sentence != sent) break;
    std::string w = base::AsciiLower(Text(k - 1));
    bool role = IsRoleNoun(w);
    bool before_role = !window.empty() && IsRoleNoun(window.back());
    bool joiner = w == "to" || w == "of" || w == "for";
    // A capitalized word belongs to the description only when it leads
    // into it ("Riverside Rovers coach"), not when it ends another name
    // ("Daniel Reyes and captain").
    bool cap_ok = t.cap && !window.empty() && !IsConjunction(window.back());
    if (IsConjunction(w) ||
        !(role || cap_ok || joiner || (before_role && !IsDeterminer(w)))) {
      break;
    }
    has_role = has_role || role;
    window.push_back(std::move(w));
  }
  while (!window.empty() && (window.back() == "to" || window.back() == "of" ||
                             window.back() == "for")) {
    window.pop_back();
  }
  if (has_role) roles->insert(roles->end(), window.begin(), window.end());
  // Apposition after: "Bashar al-Assad, the Syrian president,".
  uint32_t k = c.end;
  if (k + 1 < v.tokens.size() && v.tokens[k].kind == TokKind::kPunct &&
      v.tokens[k].cp == ',' && v.tokens[k + 1].sentence == sent) {
    std::vector<std::string> app;
    bool role = false;
    for (uint32_t j = k + 1; j < v.tokens.size() && j < k + 11; ++j) {
      const Token& t = v.tokens[j];
      if (!IsWord(t) || t.sentence != sent) break;
      std::string w = base::AsciiLower(Text(j));
      if (j == k + 1 && !IsDeterminer(w) && !t.cap) break;
      if (IsRoleNoun(w)) role = true;
      app.push_back(std::move(w));
    }
    if (role) roles->insert(roles->end(), app.begin(), app.end());
  }
}

void MentionRoles(const TextView& view, const Mention& m,
                  std::vector<std::string>* roles) {
  CollectRoles(view, m.title_first, m.first, m.end, roles);
}

std::vector<std::string> EntityRoles(const TextView& view,
                                     const EntityIndex& index, int entity) {
  std::vector<std::string> roles;
  for (const Mention& m : index.mentions) {
    if (m.entity == entity) {
      CollectRoles(view, m.title_first, m.first, m.end, &roles);
    }
  }
  return roles;
}

}  // namespace newstrace::analyze
