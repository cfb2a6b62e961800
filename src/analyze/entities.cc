#include "analyze/entities.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyze/cues.h"

namespace newstrace::analyze {
namespace {

// Honorifics that are part of how a person is named: they stay inside the
// mention ("Mr Putin"). Office titles (President, Senator) are peeled off
// into the person's roles instead.
bool IsPersonalHonorific(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet = {
      "Mr",   "Mr.",   "Mrs",  "Mrs.", "Ms",   "Ms.",   "Miss",
      "Dr",   "Dr.",   "Sir",  "Dame", "Lady", "Lord",  "Mx",
      "Mx.",  "Messrs", "Prof", "Prof.", "Professor"};
  return kSet.contains(w);
}

// Capitalized modifiers of an office title: "Foreign Minister", "Deputy
// Prime Minister", "Former President", "Attorney General".
bool IsTitleModifier(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet = {
      "Acting",   "Assistant", "Associate", "Attorney",  "Chief",
      "Defence",  "Defense",   "Deputy",    "Education", "Energy",
      "Executive", "Finance",  "Foreign",   "Former",    "General",
      "Health",   "Home",      "Interior",  "Justice",   "Labor",
      "Labour",   "Majority",  "Minority",  "Senior",    "State",
      "Trade",    "Vice",      "Secretary", "Supreme",   "First",
      "Lt.",      "Col.",      "Gen.",      "Sgt.",      "Capt.",
      "Maj.",     "Adm.",      "Sen.",      "Rep.",      "Gov.",
      "Pres.",    "U.S.",      "US",        "UK",        "EU",
      "UN",       "U.N."};
  return kSet.contains(w);
}

// Lower-case particles inside names: Staffan de Mistura, Ludwig van
// Beethoven, Bank of England.
bool IsNameParticle(std::string_view w) {
  static const std::unordered_set<std::string_view> kSet = {
      "de",  "da",  "del", "della", "di", "du", "van", "von", "der",
      "den", "la",  "le",  "bin",   "ibn", "al", "el", "dos", "das",
      "y",   "of",  "ter", "ben",   "bint"};
  return kSet.contains(w);
}

bool IsWord(const Token& t) { return t.kind == TokKind::kWord; }

bool IsConjunction(std::string_view lower) {
  return lower == "and" || lower == "or" || lower == "but" || lower == "nor" ||
         lower == "with" || lower == "by" || lower == "as";
}

// "the city of Brisport", "the province of Almera": a place, named or not
// in the gazetteer.
bool IsPlaceNoun(std::string_view lower) {
  static const std::unordered_set<std::string_view> kSet = {
      "city",     "town",       "village",    "province",  "region",
      "county",   "district",   "island",     "port",      "capital",
      "municipality", "governorate", "prefecture", "suburb", "state",
      "neighbourhood", "neighborhood", "islands", "valley", "enclave"};
  return kSet.contains(lower);
}

bool IsNameWord(const Token& t) {
  return t.kind == TokKind::kWord && !t.digit && (t.cap || t.upper);
}

std::string SurnameKey(std::string_view w) {
  // "al-Assad" and "Assad" are one surname.
  for (std::string_view p : {"al-", "Al-", "el-", "El-", "ad-", "as-"}) {
    if (w.size() > p.size() + 1 && w.starts_with(p)) {
      w.remove_prefix(p.size());
      break;
    }
  }
  if (w.ends_with(".")) w.remove_suffix(1);
  return std::string(w);
}

enum class Evidence { kNone, kWeak, kStrong };

struct Candidate {
  uint32_t first = 0;       // mention start (with a personal honorific)
  uint32_t name_first = 0;  // first word of the name proper
  uint32_t end = 0;
  uint32_t title_first = 0;  // peeled office title [title_first, first)
  bool typed = false;        // a gazetteer or organization-head entity
  EntityType type = EntityType::kPerson;
  std::string canonical;  // typed: the entity's name
  Evidence evidence = Evidence::kNone;
  Gender gender = Gender::kUnknown;
};

class Finder {
 public:
  explicit Finder(const TextView& v) : v_(v) {}

  EntityIndex Run();

 private:
  std::string_view Text(uint32_t i) const { return v_.TokenText(i); }
  std::string Join(uint32_t a, uint32_t b) const;
  bool SentenceInitial(uint32_t i) const;
  bool LooksCommon(uint32_t i) const;
  bool TitleCaseParagraph(const Paragraph& p) const;
  // Longest gazetteer match starting at token i, not past `end`: its length
  // in tokens (0: none) and entry.
  size_t GazetteerMatch(uint32_t i, uint32_t end,
                        const GazetteerEntry** entry) const;
  void ScanRun(uint32_t a, uint32_t b);
  void AddCandidate(uint32_t title_first, uint32_t a, uint32_t b);
  void AddTyped(uint32_t a, uint32_t b, EntityType type,
                std::string canonical);
  bool SpeechNear(uint32_t a, uint32_t b) const;
  bool RoleBefore(uint32_t first) const;
  void ScanHeadline(const Paragraph& p);
  void Link(EntityIndex* out);
  void CollectRoles(const Candidate& c, std::vector<std::string>* roles) const;

  const TextView& v_;
  std::unordered_set<std::string_view> lower_words_;
  std::vector<Candidate> cands_;
};

std::string Finder::Join(uint32_t a, uint32_t b) const {
  std::string s;
  for (uint32_t i = a; i < b; ++i) {
    if (v_.tokens[i].kind == TokKind::kPossessive) break;
    if (!s.empty() && v_.tokens[i].begin > v_.tokens[i - 1].end) s += ' ';
    s += Text(i);
  }
  return s;
}

bool Finder::SentenceInitial(uint32_t i) const {
  uint32_t s0 = v_.sentences[v_.tokens[i].sentence].first_token;
  for (uint32_t k = s0; k < i; ++k) {
    const Token& t = v_.tokens[k];
    if (t.kind == TokKind::kWord || t.kind == TokKind::kPossessive) {
      return false;
    }
  }
  return true;
}

// A capitalized word that is only capitalized because of its position:
// the article also writes it in lower case, or it is a function word.
bool Finder::LooksCommon(uint32_t i) const {
  std::string_view w = Text(i);
  if (IsCommonCapitalized(w)) return true;
  if (!SentenceInitial(i)) return false;
  if (GivenName(w) || LookupName(w)) return false;
  // Titles are peeled off later, and keep their words as roles:
  // "Foreign Minister Rafael Ortiz" even where "foreign" occurs.
  if (Honorific(w) || IsTitleModifier(w) || IsRoleNoun(w) ||
      PlaceOfDemonym(w)) {
    return false;
  }
  return lower_words_.contains(LowerWord(w));
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
  size_t best = 0;
  std::string key;
  for (uint32_t k = i; k < end && k - i < MaxNameWords(); ++k) {
    if (!IsWord(v_.tokens[k])) break;
    if (k > i) key += ' ';
    key += Text(k);
    if (const GazetteerEntry* e = LookupName(key)) {
      best = k + 1 - i;
      *entry = e;
    }
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
  while (k < v_.tokens.size() && IsWord(v_.tokens[k]) &&
         !v_.tokens[k].cap && IsAttributionFiller(LowerWord(Text(k)))) {
    ++k;
  }
  if (k < v_.tokens.size() && IsWord(v_.tokens[k]) &&
      v_.tokens[k].sentence == v_.tokens[a].sentence &&
      IsSpeechVerb(LowerWord(Text(k)))) {
    return true;
  }
  // "said harbour master Ewan Coull": a short lower-case description
  // between the verb and the name.
  uint32_t p = a;
  static const std::unordered_set<std::string_view> kNotDescription = {
      "a",    "about", "after", "against", "an",   "and",  "at",
      "before", "but", "by",    "for",     "from", "in",   "into",
      "of",   "on",    "or",    "over",    "that", "the",  "to",
      "with"};
  for (int n = 0; n < 3 && p > 0 && IsWord(v_.tokens[p - 1]) &&
                  !v_.tokens[p - 1].cap &&
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
    std::string prev = LowerWord(Text(a - 1));
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
  for (uint32_t k = first, n = 0; k > 0 && n < 4; --k, ++n) {
    const Token& t = v_.tokens[k - 1];
    if (!IsWord(t) || t.sentence != v_.tokens[first].sentence) break;
    if (IsRoleNoun(Text(k - 1))) return true;
  }
  return false;
}

void Finder::AddTyped(uint32_t a, uint32_t b, EntityType type,
                      std::string canonical) {
  Candidate c;
  c.first = c.name_first = c.title_first = a;
  c.end = b;
  c.typed = true;
  c.type = type;
  c.canonical = std::move(canonical);
  cands_.push_back(std::move(c));
}

void Finder::AddCandidate(uint32_t title_first, uint32_t a, uint32_t b) {
  Candidate c;
  c.title_first = title_first;
  c.first = a;
  c.name_first = a;
  while (c.name_first < b && IsPersonalHonorific(Text(c.name_first))) {
    if (auto g = Honorific(Text(c.name_first))) c.gender = *g;
    ++c.name_first;
  }
  c.end = b;
  if (c.name_first >= b) return;
  // A description in capitals before a full name: "Resident James
  // Whitlow", "Transport Secretary Neil Armitage". The name starts at the
  // first given name that has a surname after it and no given name before.
  if (c.name_first == a && title_first == a && !GivenName(Text(a))) {
    for (uint32_t g = a + 1; g + 1 < b; ++g) {
      if (!GivenName(Text(g))) continue;
      c.title_first = a;
      c.first = c.name_first = g;
      title_first = a;
      a = g;
      break;
    }
  }
  uint32_t words = b - c.name_first;
  if (words == 1 && v_.tokens[c.name_first].upper &&
      Text(c.name_first).size() <= 6 && c.name_first == a) {
    // An unknown acronym: an organization more often than not.
    AddTyped(a, b, EntityType::kOrganization, std::string(Text(a)));
    return;
  }
  std::optional<Gender> given = GivenName(Text(c.name_first));
  if (given && c.gender == Gender::kUnknown) c.gender = *given;
  bool strong = c.name_first > a || title_first < a || given.has_value() ||
                SpeechNear(a, b) || RoleBefore(title_first);
  c.evidence = strong ? Evidence::kStrong : Evidence::kWeak;
  cands_.push_back(std::move(c));
}

// One run of capitalized words [a, b) in running text.
void Finder::ScanRun(uint32_t a, uint32_t b) {
  while (a < b && LooksCommon(a)) ++a;
  while (b > a && IsNameParticle(Text(b - 1))) --b;
  if (a >= b) return;
  const GazetteerEntry* entry = nullptr;
  if (GazetteerMatch(a, b, &entry) == b - a) {
    AddTyped(a, b, entry->type, std::string(entry->canonical));
    return;
  }
  uint32_t sent = v_.tokens[a].sentence;
  if (a >= 2 && v_.tokens[a - 2].sentence == sent &&
      IsWord(v_.tokens[a - 1]) && Text(a - 1) == "of" &&
      IsWord(v_.tokens[a - 2]) && IsPlaceNoun(LowerWord(Text(a - 2))) &&
      !v_.tokens[a - 2].cap) {
    AddTyped(a, b, EntityType::kPlace, Join(a, b));
    return;
  }
  // "the aid agency Lifeline", "the newspaper Le Monde".
  if (a > 0 && v_.tokens[a - 1].sentence == sent &&
      IsWord(v_.tokens[a - 1]) && !v_.tokens[a - 1].cap) {
    std::string noun(Text(a - 1));
    noun[0] = static_cast<char>(noun[0] - 'a' + 'A');
    if (noun[0] >= 'A' && noun[0] <= 'Z' && IsOrganizationHead(noun)) {
      AddTyped(a, b, EntityType::kOrganization, Join(a, b));
      return;
    }
  }
  // "Syrian National Dialogue Congress", "Bank of England".
  if ((b - a >= 2 && IsOrganizationHead(Text(b - 1))) ||
      (b - a >= 3 && IsOrganizationHead(Text(a)) && Text(a + 1) == "of")) {
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
    if (IsPersonalHonorific(w)) break;
    if (k + 2 < b + 1 && k + 1 < b) {
      std::string two = std::string(w) + " " + std::string(Text(k + 1));
      if (Honorific(two) && k + 2 < b) {
        k += 2;
        continue;
      }
    }
    if (Honorific(w) || IsTitleModifier(w) || PlaceOfDemonym(w) ||
        IsRoleNoun(w)) {
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
                       (GivenName(Text(i)) || RoleBefore(i));
    bool split = n > 0 && !starts_name;
    if (!split) {
      ++i;
      continue;
    }
    if (pending < i) ScanRun(pending, i);
    AddTyped(i, i + static_cast<uint32_t>(n), e->type,
             std::string(e->canonical));
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
  std::unordered_map<std::string, size_t> surname_of;
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
      AddTyped(i, i + static_cast<uint32_t>(n), e->type,
               std::string(e->canonical));
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

void Finder::CollectRoles(const Candidate& c,
                          std::vector<std::string>* roles) const {
  for (uint32_t i = c.title_first; i < c.first; ++i) {
    roles->push_back(LowerWord(Text(i)));
  }
  // A description in front: "Syrian leader", "special envoy to Syria".
  uint32_t sent = v_.tokens[c.first].sentence;
  std::vector<std::string> window;
  bool has_role = false;
  // Walk left over what a description is made of: role nouns, adjectives
  // right before one ("special envoy"), demonyms and capitalized names
  // ("United Nations"), and the prepositions that join them ("envoy to
  // Syria"); stop at anything else ("met").
  for (uint32_t k = c.title_first, n = 0; k > 0 && n < 7; --k, ++n) {
    const Token& t = v_.tokens[k - 1];
    if (!IsWord(t) || t.sentence != sent) break;
    std::string w = LowerWord(Text(k - 1));
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
  while (!window.empty() &&
         (window.back() == "to" || window.back() == "of" ||
          window.back() == "for")) {
    window.pop_back();
  }
  if (has_role) roles->insert(roles->end(), window.begin(), window.end());
  // Apposition after: "Bashar al-Assad, the Syrian president,".
  uint32_t k = c.end;
  if (k + 1 < v_.tokens.size() && v_.tokens[k].kind == TokKind::kPunct &&
      v_.tokens[k].cp == ',' && v_.tokens[k + 1].sentence == sent) {
    std::vector<std::string> app;
    bool role = false;
    for (uint32_t j = k + 1; j < v_.tokens.size() && j < k + 11; ++j) {
      const Token& t = v_.tokens[j];
      if (!IsWord(t) || t.sentence != sent) break;
      std::string w = LowerWord(Text(j));
      if (j == k + 1 && !IsDeterminer(w) && !t.cap) break;
      if (IsRoleNoun(w)) role = true;
      app.push_back(std::move(w));
    }
    if (role) roles->insert(roles->end(), app.begin(), app.end());
  }
}

void Finder::Link(EntityIndex* out) {
  std::sort(cands_.begin(), cands_.end(),
            [](const Candidate& x, const Candidate& y) {
              return x.first < y.first;
            });
  // Surnames some mention shows to be a person's.
  std::unordered_set<std::string> person_surnames;
  for (const Candidate& c : cands_) {
    if (!c.typed && c.evidence == Evidence::kStrong) {
      person_surnames.insert(SurnameKey(Text(c.end - 1)));
    }
  }
  std::unordered_map<std::string, int> entity_of_name;  // type + name
  std::vector<std::pair<std::string, int>> full_names;  // surname, entity
  auto entity_for = [&](EntityType type, const std::string& name) {
    std::string key = std::string(EntityTypeName(type)) + '\n' + name;
    auto it = entity_of_name.find(key);
    if (it != entity_of_name.end()) return it->second;
    int id = static_cast<int>(out->entities.size());
    out->entities.push_back({name, type, {}});
    out->roles.emplace_back();
    out->genders.push_back(Gender::kUnknown);
    entity_of_name.emplace(key, id);
    return id;
  };
  // People named in full first, so shorter mentions can find them.
  std::vector<int> cand_entity(cands_.size(), -1);
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    if (c.typed || c.end - c.name_first < 2) continue;
    std::string surname = SurnameKey(Text(c.end - 1));
    if (c.evidence != Evidence::kStrong && !person_surnames.contains(surname)) {
      continue;
    }
    std::string name = Join(c.name_first, c.end);
    int id = -1;
    // "George W. Bush" and "George Bush" are one person.
    for (const auto& [s, e] : full_names) {
      const std::string& other = out->entities[e].name;
      if (s == surname &&
          other.substr(0, other.find(' ')) == name.substr(0, name.find(' '))) {
        id = e;
        if (name.size() > other.size()) out->entities[e].name = name;
        break;
      }
    }
    if (id < 0) {
      id = entity_for(EntityType::kPerson, name);
      full_names.emplace_back(surname, id);
    }
    cand_entity[ci] = id;
  }
  for (size_t ci = 0; ci < cands_.size(); ++ci) {
    const Candidate& c = cands_[ci];
    if (c.typed) {
      cand_entity[ci] = entity_for(c.type, c.canonical);
      continue;
    }
    if (cand_entity[ci] >= 0) continue;
    std::string surname = SurnameKey(Text(c.end - 1));
    // The most recent full name with this surname before, else the first
    // after.
    int id = -1;
    uint32_t best_pos = 0;
    for (size_t cj = 0; cj < cands_.size(); ++cj) {
      if (cand_entity[cj] < 0 || cands_[cj].typed ||
          cands_[cj].end - cands_[cj].name_first < 2 ||
          SurnameKey(Text(cands_[cj].end - 1)) != surname) {
        continue;
      }
      if (cj < ci) {
        id = cand_entity[cj];
        best_pos = cands_[cj].first;
      } else if (id < 0) {
        id = cand_entity[cj];
        best_pos = cands_[cj].first;
        break;
      }
    }
    (void)best_pos;
    if (id < 0 && (c.evidence == Evidence::kStrong ||
                   person_surnames.contains(surname))) {
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
    out->mentions.push_back({c.first, end, id});
    for (uint32_t i = c.first; i < end; ++i) out->mention_of_token[i] = mi;
    Entity& e = out->entities[id];
    e.mentions.push_back(
        {v_.tokens[c.first].begin, v_.tokens[end - 1].end});
    if (e.type == EntityType::kPerson) {
      CollectRoles(c, &out->roles[id]);
      if (out->genders[id] == Gender::kUnknown) out->genders[id] = c.gender;
    }
  }
  std::sort(out->mentions.begin(), out->mentions.end(),
            [](const Mention& x, const Mention& y) { return x.first < y.first; });
  for (size_t mi = 0; mi < out->mentions.size(); ++mi) {
    for (uint32_t i = out->mentions[mi].first; i < out->mentions[mi].end;
         ++i) {
      out->mention_of_token[i] = static_cast<int32_t>(mi);
    }
  }
  for (Entity& e : out->entities) {
    std::sort(e.mentions.begin(), e.mentions.end(),
              [](Span x, Span y) { return x.begin < y.begin; });
  }
}

EntityIndex Finder::Run() {
  for (const Token& t : v_.tokens) {
    if (t.kind == TokKind::kWord && !t.cap && !t.upper && !t.digit) {
      lower_words_.insert(v_.TokenText(t));
    }
  }
  std::vector<const Paragraph*> headlines;
  for (const Paragraph& p : v_.paras) {
    if (TitleCaseParagraph(p)) {
      headlines.push_back(&p);
      continue;
    }
    for (uint32_t i = p.first_token; i < p.end_token;) {
      if (!IsNameWord(v_.tokens[i]) || IsCalendarWord(Text(i))) {
        ++i;
        continue;
      }
      uint32_t j = i + 1;
      uint32_t sent = v_.tokens[i].sentence;
      while (j < p.end_token && v_.tokens[j].sentence == sent) {
        const Token& t = v_.tokens[j];
        if (IsNameWord(t) && !IsCalendarWord(Text(j))) {
          ++j;
          continue;
        }
        if (IsWord(t) && IsNameParticle(Text(j))) {
          // "de Mistura", "van den Berg"
          uint32_t k = j;
          while (k < p.end_token && IsWord(v_.tokens[k]) &&
                 IsNameParticle(Text(k))) {
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
  std::erase_if(order,
                [&](int e) { return out.entities[e].mentions.empty(); });
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    return out.entities[x].mentions[0].begin <
           out.entities[y].mentions[0].begin;
  });
  std::vector<int> remap(out.entities.size(), -1);
  EntityIndex sorted;
  for (int e : order) {
    remap[e] = static_cast<int>(sorted.entities.size());
    sorted.entities.push_back(std::move(out.entities[e]));
    sorted.roles.push_back(std::move(out.roles[e]));
    sorted.genders.push_back(out.genders[e]);
  }
  sorted.mentions = std::move(out.mentions);
  for (Mention& m : sorted.mentions) m.entity = remap[m.entity];
  sorted.mention_of_token = std::move(out.mention_of_token);
  return sorted;
}

}  // namespace

std::string LowerWord(std::string_view w) {
  std::string s(w);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

EntityIndex FindEntities(const TextView& view) {
  return Finder(view).Run();
}

}  // namespace newstrace::analyze
