// The lists are written for newstrace from general knowledge of English
// news and web writing; none is copied from another project. Each entry is
// written as it appears in text: lower case for words and phrases (matched
// case-insensitively), outlet names with their capitals, which a match must
// then have (an all-capitals entry such as AP needs all capitals, a
// capitalized word a capital; "the", "of" and the like need none).
#include "analyze/signals_words.h"

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newstrace::analyze {
namespace {

constexpr std::string_view kSensational[] = {
    "shocking",    "shocked",      "shocker",      "shock",
    "stunning",    "stunned",      "stuns",        "bombshell",
    "explosive",   "outrage",      "outraged",     "outrageous",
    "slams",       "slammed",      "slam",         "blasts",
    "blasted",     "destroys",     "destroyed",    "obliterates",
    "obliterated", "eviscerates",  "eviscerated",  "annihilates",
    "demolishes",  "demolished",   "rips",         "shreds",
    "torches",     "trashes",      "humiliates",   "humiliated",
    "humiliating", "mocks",        "mocked",       "horrifying",
    "horrific",    "horror",       "terrifying",   "chilling",
    "disturbing",  "insane",       "crazy",        "unbelievable",
    "incredible",  "jaw-dropping", "mind-blowing", "unreal",
    "epic",        "massive",      "catastrophic", "apocalyptic",
    "nightmare",   "scandal",      "scandalous",   "exposed",
    "exposes",     "busted",       "meltdown",     "freakout",
    "frenzy",      "chaos",        "carnage",      "bloodbath",
    "showdown",    "firestorm",    "uproar",       "furor",
    "sensational", "astonishing",  "astounding",   "staggering",
    "mysterious",  "mystery",      "secret",       "urgent",
    "alert",       "leaked",       "cover-up",     "coverup",
    "hoax",        "treason",      "traitor",      "traitors",
    "disaster",    "crushes",      "savage",       "savagely",
    "brutal",      "brutally",     "vicious",      "unhinged",
    "deranged",    "lunatic",      "bizarre",      "wild",
};

constexpr std::string_view kEmotional[] = {
    "heartbreaking", "heartbroken", "heartwarming", "tragic",      "tragedy",
    "tears",         "tearful",     "sobbing",      "sobs",        "weeping",
    "devastated",    "devastating", "furious",      "fury",        "rage",
    "angry",         "anger",       "enraged",      "livid",       "hate",
    "hatred",        "hateful",     "disgusting",   "disgusted",   "disgrace",
    "disgraceful",   "shameful",    "shame",        "despicable",  "vile",
    "evil",          "sickening",   "pathetic",     "horrible",    "awful",
    "terrible",      "dreadful",    "terrified",    "fear",        "fears",
    "afraid",        "scared",      "scary",        "panic",       "panicked",
    "anxious",       "desperate",   "despair",      "grief",       "grieving",
    "heartache",     "miserable",   "cruel",        "cruelty",     "amazing",
    "wonderful",     "beautiful",   "adorable",     "beloved",     "heroic",
    "joy",           "joyful",      "thrilled",     "delighted",   "ecstatic",
    "love",          "loved",       "blessed",      "miracle",     "inspiring",
    "inspirational", "jealous",     "bitter",       "humiliation", "betrayal",
    "betrayed",
};

constexpr std::string_view kFirstPerson[] = {
    "i",     "me",    "my",        "mine",  "myself", "we",  "us",
    "our",   "ours",  "ourselves", "i'm",   "i've",   "i'd", "i'll",
    "we're", "we've", "we'd",      "we'll", "let's",
};

constexpr std::string_view kSecondPerson[] = {
    "you",    "your",   "yours", "yourself", "yourselves",
    "you're", "you've", "you'd", "you'll",   "y'all",
};

constexpr std::string_view kClickbait[] = {
    "you won't believe",
    "you wont believe",
    "you will not believe",
    "won't believe what",
    "can't believe",
    "cannot believe",
    "what happened next",
    "what happens next",
    "what happened when",
    "what happens when",
    "you'll never guess",
    "you will never guess",
    "will never guess",
    "here's why",
    "heres why",
    "here's how",
    "heres how",
    "here's what",
    "heres what",
    "this is why",
    "this is how",
    "this is what",
    "this is the reason",
    "the reason why",
    "reasons why",
    "the real reason",
    "the truth about",
    "the shocking truth",
    "don't want you to know",
    "what you need to know",
    "you need to know",
    "need to know about",
    "you need to see",
    "you have to see",
    "you must see",
    "must see",
    "must-see",
    "you should never",
    "you should know",
    "things you didn't know",
    "you didn't know",
    "will make you",
    "will leave you",
    "leave you speechless",
    "left speechless",
    "will blow your mind",
    "blow your mind",
    "blew my mind",
    "mind-blowing",
    "jaw-dropping",
    "will change your life",
    "changed my life",
    "restore your faith",
    "faith in humanity",
    "nobody is talking about",
    "no one is talking about",
    "before it's deleted",
    "before it gets deleted",
    "before they delete",
    "goes viral",
    "went viral",
    "gone viral",
    "going viral",
    "breaks the internet",
    "broke the internet",
    "breaking the internet",
    "the internet is losing",
    "the internet can't",
    "people are losing it",
    "freaking out",
    "one weird trick",
    "this one trick",
    "this simple trick",
    "doctors hate",
    "can you spot",
    "can you guess",
    "guess what",
    "find out why",
    "find out what",
    "find out how",
    "wait till you see",
    "wait until you see",
    "watch what happens",
    "oh my god",
    "omg",
    "wtf",
    "lol",
    "epic fail",
    "for the win",
    "ftw",
    "won't want to miss",
    "what it means for you",
    "this is the moment",
    "is going to make you",
    "top 10",
};

constexpr std::string_view kOutlets[] = {
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Agence France Presse",
    "Bloomberg",
    "BBC",
    "CNN",
    "Fox News",
    "NBC News",
    "NBC",
    "ABC News",
    "ABC",
    "CBS News",
    "CBS",
    "MSNBC",
    "CNBC",
    "NPR",
    "PBS",
    "The New York Times",
    "New York Times",
    "The Washington Post",
    "Washington Post",
    "The Wall Street Journal",
    "Wall Street Journal",
    "USA Today",
    "Los Angeles Times",
    "Financial Times",
    "The Economist",
    "The Guardian",
    "The Telegraph",
    "Daily Telegraph",
    "Daily Mail",
    "MailOnline",
    "Daily Mirror",
    "Daily Express",
    "Sky News",
    "Al Jazeera",
    "Politico",
    "Axios",
    "Newsweek",
    "ProPublica",
    "The Daily Beast",
    "HuffPost",
    "Huffington Post",
    "BuzzFeed News",
    "Breitbart",
    "The Intercept",
    "The New Yorker",
    "Der Spiegel",
    "Le Monde",
    "Le Figaro",
    "El Pais",
    "El País",
    "Xinhua",
    "TASS",
    "RIA Novosti",
    "Interfax",
    "Sputnik",
    "Kyodo",
    "Yonhap",
    "Anadolu",
    "dpa",
    "EFE",
    "ANSA",
    "UPI",
    "United Press International",
    "Press TV",
    "Haaretz",
    "Times of Israel",
    "The Hindu",
    "Times of India",
    "Hindustan Times",
    "South China Morning Post",
    "Sydney Morning Herald",
    "Voice of America",
    "Radio Free Europe",
    "Deutsche Welle",
    "Euronews",
    "France 24",
    "ITV News",
    "Channel 4 News",
};

constexpr std::string_view kStatements[] = {
    "in a statement",
    "in a written statement",
    "in a joint statement",
    "in a brief statement",
    "in a separate statement",
    "in a press release",
    "in a news release",
    "at a press conference",
    "at a news conference",
    "at a press briefing",
    "at a news briefing",
    "told a news conference",
    "told a press conference",
    "told reporters",
    "in an interview",
    "in an email",
    "in a letter",
};

constexpr std::string_view kAccordingTo[] = {"according to"};

constexpr std::string_view kListicleNouns[] = {
    "things",  "reasons",  "ways",        "facts",   "photos",    "pictures",
    "pics",    "images",   "signs",       "secrets", "tips",      "tricks",
    "hacks",   "mistakes", "celebrities", "celebs",  "questions", "moments",
    "lessons", "rules",    "habits",      "foods",   "stories",   "quotes",
    "tweets",  "memes",    "gifs",        "myths",   "products",  "movies",
    "films",   "songs",    "books",       "shows",   "words",     "struggles",
    "ideas",   "truths",   "items",
};

// Function words an outlet name's capitals rule skips.
bool IsNameFunctionWord(std::string_view w) {
  return w == "the" || w == "of" || w == "de" || w == "le" || w == "el" ||
         w == "la" || w == "al" || w == "der" || w == "die";
}

enum class Needs : uint8_t { kNothing, kCapital, kAllCapitals };

struct Phrase {
  std::vector<std::string_view> words;  // lower case
  std::vector<uint32_t> hashes;         // WordHash of each word
  std::vector<Needs> needs;             // per word
  PhraseList list;
};

// Bit kWordListCount of Entry::lists: a listicle noun.
constexpr uint8_t kListicleBit = 1u << kWordListCount;

// One distinct word of any list.
struct Entry {
  std::string_view word;
  uint32_t hash = 0;
  uint8_t lists = 0;     // bit i: in WordList i; kListicleBit
  bool single = false;   // a one-word phrase
  int32_t first = -1;    // phrases starting with it: index into by_first
  uint64_t seconds = 0;  // bit (hash & 63) of each phrase's second word
};

// Every list's words in one open-addressing table keyed by the hash the
// scanner computed, so a scanned word costs one probe.
class Lexicon {
 public:
  Lexicon();

  const Entry* Find(std::string_view w, uint32_t hash) const {
    for (size_t s = hash & mask_;; s = (s + 1) & mask_) {
      const int32_t e = slots_[s];
      if (e < 0) return nullptr;
      const Entry& x = entries_[static_cast<size_t>(e)];
      if (x.hash == hash && x.word == w) return &x;
    }
  }
  const Phrase& phrase(uint32_t id) const { return phrases_[id]; }
  const std::vector<uint32_t>& starting(const Entry& e) const {
    return by_first_[static_cast<size_t>(e.first)];
  }

 private:
  Entry* Add(std::string_view w);
  std::string_view Store(std::string_view s);
  template <size_t N>
  void AddWords(const std::string_view (&list)[N], uint8_t bit);
  template <size_t N>
  void AddPhrases(const std::string_view (&list)[N], PhraseList which);

  std::deque<std::string> storage_;  // lower-cased entries (stable)
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, size_t> at_;  // while building
  std::vector<int32_t> slots_;
  size_t mask_ = 0;
  std::vector<Phrase> phrases_;
  std::vector<std::vector<uint32_t>> by_first_;  // phrase ids, longest first
};

std::string_view Lexicon::Store(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  storage_.push_back(std::move(lower));
  return storage_.back();
}

Entry* Lexicon::Add(std::string_view w) {
  auto [it, inserted] = at_.emplace(w, entries_.size());
  if (inserted) entries_.push_back({w, WordHash(w), 0, false, -1, 0});
  return &entries_[it->second];
}

template <size_t N>
void Lexicon::AddWords(const std::string_view (&list)[N], uint8_t bit) {
  for (std::string_view w : list) Add(w)->lists |= bit;
}

template <size_t N>
void Lexicon::AddPhrases(const std::string_view (&list)[N], PhraseList which) {
  for (std::string_view entry : list) {
    Phrase p;
    p.list = which;
    size_t i = 0;
    while (i < entry.size()) {
      size_t j = entry.find(' ', i);
      if (j == std::string_view::npos) j = entry.size();
      std::string_view as_written = entry.substr(i, j - i);
      std::string_view lower = Store(as_written);
      Needs needs = Needs::kNothing;
      if (which == PhraseList::kOutlet && !IsNameFunctionWord(lower)) {
        size_t upper = 0;
        size_t letters = 0;
        for (char c : as_written) {
          upper += c >= 'A' && c <= 'Z';
          letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }
        if (letters >= 2 && upper == letters) {
          needs = Needs::kAllCapitals;
        } else if (!as_written.empty() && as_written[0] >= 'A' &&
                   as_written[0] <= 'Z') {
          needs = Needs::kCapital;
        }
      }
      p.words.push_back(lower);
      p.hashes.push_back(WordHash(lower));
      p.needs.push_back(needs);
      i = j + 1;
    }
    const auto id = static_cast<uint32_t>(phrases_.size());
    phrases_.push_back(std::move(p));
    Entry* first = Add(phrases_.back().words[0]);
    if (first->first < 0) {
      first->first = static_cast<int32_t>(by_first_.size());
      by_first_.emplace_back();
    }
    by_first_[static_cast<size_t>(first->first)].push_back(id);
    const Phrase& added = phrases_.back();
    if (added.words.size() == 1) {
      first->single = true;
    } else {
      first->seconds |= uint64_t{1} << (added.hashes[1] & 63);
    }
  }
}

Lexicon::Lexicon() {
  AddWords(kSensational, 1u << static_cast<unsigned>(WordList::kSensational));
  AddWords(kEmotional, 1u << static_cast<unsigned>(WordList::kEmotional));
  AddWords(kFirstPerson, 1u << static_cast<unsigned>(WordList::kFirstPerson));
  AddWords(kSecondPerson, 1u << static_cast<unsigned>(WordList::kSecondPerson));
  AddWords(kListicleNouns, kListicleBit);
  AddPhrases(kClickbait, PhraseList::kClickbait);
  AddPhrases(kOutlets, PhraseList::kOutlet);
  AddPhrases(kStatements, PhraseList::kStatement);
  AddPhrases(kAccordingTo, PhraseList::kAccordingTo);
  for (std::vector<uint32_t>& ids : by_first_) {
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
  }
  at_.clear();
  size_t capacity = 64;
  while (capacity < entries_.size() * 4) capacity *= 2;
  mask_ = capacity - 1;
  slots_.assign(capacity, -1);
  for (size_t e = 0; e < entries_.size(); ++e) {
    size_t s = entries_[e].hash & mask_;
    while (slots_[s] >= 0) s = (s + 1) & mask_;
    slots_[s] = static_cast<int32_t>(e);
  }
}

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

bool WordMeets(const ScanWord& w, Needs needs) {
  switch (needs) {
    case Needs::kNothing:
      return true;
    case Needs::kCapital:
      return w.cap;
    case Needs::kAllCapitals:
      return w.caps && w.letters >= 2;
  }
  return true;
}

bool MatchesAt(const ScanText& scan, const Phrase& p, size_t i, size_t end) {
  if (end - i < p.words.size()) return false;
  for (size_t k = 0; k < p.words.size(); ++k) {
    const ScanWord& w = scan.words[i + k];
    if (k > 0 && !scan.Joined(i + k)) return false;
    if (w.hash != p.hashes[k] || scan.Word(i + k) != p.words[k]) return false;
    if (!WordMeets(w, p.needs[k])) return false;
  }
  return true;
}

}  // namespace

LexiconCounts CountLexicon(const ScanText& scan, size_t first, size_t end) {
  const Lexicon& lex = GetLexicon();
  LexiconCounts counts;
  std::array<size_t, kPhraseListCount> next_ok{};  // per list
  end = std::min(end, scan.words.size());
  for (size_t i = first; i < end; ++i) {
    const ScanWord& sw = scan.words[i];
    if (sw.url) continue;
    const Entry* e = lex.Find(scan.Word(i), sw.hash);
    if (e == nullptr) continue;
    // "US" is the United States, not "us".
    const bool us = sw.caps && e->word == "us";
    for (size_t l = 0; l < kWordListCount; ++l) {
      if ((e->lists & (1u << l)) && !us) ++counts.words[l];
    }
    if (e->first < 0) continue;
    // Most first words ("the", "in") start no phrase here: a filter on the
    // next word's hash skips the phrase list for them.
    const bool next_may_match =
        i + 1 < end && scan.Joined(i + 1) &&
        (e->seconds & (uint64_t{1} << (scan.words[i + 1].hash & 63)));
    if (!next_may_match && !e->single) continue;
    for (uint32_t id : lex.starting(*e)) {
      const Phrase& p = lex.phrase(id);
      const size_t l = static_cast<size_t>(p.list);
      if (i < next_ok[l] || !MatchesAt(scan, p, i, end)) continue;
      ++counts.phrases[l];
      next_ok[l] = i + p.words.size();
    }
  }
  return counts;
}

bool IsListicleStart(const ScanText& scan, size_t first, size_t end) {
  const Lexicon& lex = GetLexicon();
  end = std::min(end, scan.words.size());
  for (size_t i = first; i < end && i < first + 2; ++i) {
    const ScanWord& w = scan.words[i];
    std::string_view text = scan.Word(i);
    if (!w.digit || text.size() > 3) continue;
    bool all_digits = true;
    for (char c : text) all_digits = all_digits && c >= '0' && c <= '9';
    if (!all_digits) continue;
    for (size_t j = i + 1; j < end && j <= i + 3; ++j) {
      if (scan.words[j - 1].after != 0) break;
      const Entry* e = lex.Find(scan.Word(j), scan.words[j].hash);
      if (e != nullptr && (e->lists & kListicleBit)) return true;
    }
  }
  return false;
}

}  // namespace newstrace::analyze
