#include "analyze/cues.h"

#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyze/word_set.h"

namespace newstrace::analyze {
namespace {

// Regular speech verbs by their base form; SpeechVerbs() adds -s, -ed and
// -ing forms.
constexpr std::string_view kRegularSpeechVerbs[] = {
    "acknowledge", "add", "admit", "advise", "allege", "announce", "answer",
    "argue", "ask", "assert", "assure", "boast", "brag", "caution", "charge",
    "claim", "comment", "complain", "concede", "conclude", "confirm", "contend",
    "continue", "counter", "cry", "declare", "deny", "emphasise", "emphasize",
    "exclaim", "explain", "gush", "inform", "insist", "joke", "lament",
    "maintain", "mention", "muse", "note", "observe", "plead", "pledge", "post",
    "predict", "proclaim", "promise", "quip", "recall", "recount", "reiterate",
    "remark", "remind", "repeat", "reply", "report", "respond", "retort",
    "reveal", "scoff", "scream", "shout", "sigh", "snap", "speculate", "state",
    "stress", "suggest", "testify", "thunder", "tweet", "urge", "vow", "warn",
    "whisper", "wonder", "yell", "demand", "echo", "add", "caution", "insist",
    "muse", "quote", "concur", "interject", "text", "email", "blog", "chide",
    "scold", "query", "grumble", "mutter", "declaim", "opine", "marvel",
    "stammer", "plead",
    // Verbs that introduce a partial quote: called it "a disaster".
    "call", "describe", "dub", "brand", "label", "term",
    // More tags of direct speech.
    "fume", "press", "mock", "taunt", "tout", "rant", "gripe", "vent",
    "chuckle", "laugh", "recall", "summarize", "summarise", "volunteer",
    "elaborate", "agree", "chime"};

// Irregular forms, and forms the rules above would get wrong.
constexpr std::string_view kIrregularSpeechVerbs[] = {
    "say",     "says",  "said",   "saying", "tell",    "tells",   "told",
    "telling", "write", "writes", "wrote",  "writing", "written", "read",
    "reads",   "swore", "sworn",  "spoke",  "speaks"};

void AddForms(std::string_view base, std::unordered_set<std::string>* out) {
  std::string b(base);
  out->insert(b);
  char last = b.back();
  bool ends_e = last == 'e';
  bool consonant_y =
      last == 'y' && b.size() > 1 &&
      std::string_view("aeiou").find(b[b.size() - 2]) == std::string_view::npos;
  if (consonant_y) {
    std::string stem = b.substr(0, b.size() - 1);
    out->insert(stem + "ies");
    out->insert(stem + "ied");
  } else if (last == 's' || last == 'h' || last == 'x') {
    out->insert(b + "es");
    out->insert(b + "ed");
  } else {
    out->insert(b + "s");
    out->insert(ends_e ? b + "d" : b + "ed");
  }
  out->insert(ends_e ? b.substr(0, b.size() - 1) + "ing" : b + "ing");
  // Verbs ending consonant-vowel-consonant may double it: quip ->
  // quipped, admit -> admitted. Adding a form English lacks is harmless.
  auto vowel = [](char c) {
    return std::string_view("aeiou").find(c) != std::string_view::npos;
  };
  if (b.size() >= 3 && !vowel(last) &&
      std::string_view("wxy").find(last) == std::string_view::npos &&
      vowel(b[b.size() - 2]) && !vowel(b[b.size() - 3])) {
    out->insert(b + last + "ed");
    out->insert(b + last + "ing");
  }
}

const WordSet& SpeechVerbs() {
  static const WordSet* set = [] {
    // The forms live as long as the program; the set views them.
    static auto* forms = new std::unordered_set<std::string>;
    for (std::string_view b : kRegularSpeechVerbs) AddForms(b, forms);
    for (std::string_view w : kIrregularSpeechVerbs) forms->emplace(w);
    auto* s = new WordSet(
        std::vector<std::string_view>(forms->begin(), forms->end()));
    return s;
  }();
  return *set;
}

const WordSet& AddresseeVerbs() {
  static const WordSet* set = new WordSet{
      "assured", "assures", "informed", "reminded", "reminds", "tell",
      "telling", "tells",   "told",     "warned",   "warning", "warns",
  };
  return *set;
}

const WordSet& Fillers() {
  static const WordSet* set = new WordSet{
      "again",     "already",    "also",       "always",  "apparently",
      "later",     "earlier",    "eventually", "finally", "first",
      "further",   "had",        "has",        "have",    "having",
      "is",        "just",       "last",       "late",    "latest",
      "long",      "merely",     "more",       "never",   "not",
      "now",       "often",      "once",       "only",    "previously",
      "recently",  "reportedly", "simply",     "since",   "sometimes",
      "soon",      "still",      "then",       "today",   "tonight",
      "twice",     "was",        "were",       "will",    "would",
      "yesterday", "could",      "did",        "does",    "do",
      "should",    "may",
  };
  return *set;
}

const WordSet& Determiners() {
  static const WordSet* set = new WordSet{
      "a",     "all",   "an",    "another", "any",     "both", "each",
      "every", "few",   "her",   "his",     "its",     "many", "most",
      "my",    "one",   "other", "our",     "several", "some", "that",
      "the",   "their", "these", "this",    "those",
  };
  return *set;
}

constexpr std::string_view kCommonCapitalized[] = {
    "A",
    "About",
    "According",
    "After",
    "Again",
    "Against",
    "All",
    "Also",
    "Although",
    "An",
    "And",
    "Another",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Even",
    "Every",
    "For",
    "From",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Just",
    "Many",
    "Meanwhile",
    "More",
    "Most",
    "Much",
    "My",
    "No",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Or",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "With",
    "You",
    // Indefinite pronouns: "Nobody told us".
    "Nobody",
    "Somebody",
    "Someone",
    "Everyone",
    "Everybody",
    "Anyone",
    "Anybody",
    "Nothing",
    "Something",
    "Everything",
    "Others",
    "None",
};

const WordSet& CommonCapitalized() {
  static const WordSet* set = new WordSet(std::vector<std::string_view>(
      std::begin(kCommonCapitalized), std::end(kCommonCapitalized)));
  return *set;
}

constexpr std::string_view kCalendar[] = {
    "April",
    "August",
    "December",
    "February",
    "Friday",
    "January",
    "July",
    "June",
    "March",
    "Monday",
    "November",
    "October",
    "Saturday",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "Wednesday",
    "May",
    // Abbreviated, as datelines write them ("Nov. 25").
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
    "Sept",
    "Mon.",
    "Tue.",
    "Tues.",
    "Wed.",
    "Thu.",
    "Thurs.",
    "Fri.",
    "Sat.",
    "Sun.",
};

const WordSet& Calendar() {
  static const WordSet* set = new WordSet(std::vector<std::string_view>(
      std::begin(kCalendar), std::end(kCalendar)));
  return *set;
}

}  // namespace

bool IsSpeechVerb(std::string_view lower) {
  return SpeechVerbs().contains(lower);
}

bool TakesAddressee(std::string_view lower) {
  return AddresseeVerbs().contains(lower);
}

bool IsAttributionFiller(std::string_view lower) {
  // -ly adverbs: "he later said", "Putin has repeatedly said".
  if (lower.size() > 4 && lower.ends_with("ly") && lower != "rally" &&
      lower != "italy" && lower != "family" && lower != "ally") {
    return true;
  }
  return Fillers().contains(lower);
}

bool IsDeterminer(std::string_view lower) {
  return Determiners().contains(lower);
}

bool IsSubjectPronoun(std::string_view lower) {
  return lower == "he" || lower == "she" || lower == "they" || lower == "it" ||
         lower == "we" || lower == "i" || lower == "you";
}

bool IsObjectPronoun(std::string_view lower) {
  return lower == "him" || lower == "her" || lower == "them" || lower == "us" ||
         lower == "me" || lower == "you";
}

bool IsCommonCapitalized(std::string_view word) {
  return CommonCapitalized().contains(word) || IsCalendarWord(word);
}

std::span<const std::string_view> CommonCapitalizedWords() {
  return kCommonCapitalized;
}

std::span<const std::string_view> CalendarWords() { return kCalendar; }

bool IsCalendarWord(std::string_view word) {
  // Most words fail on length or first letter before any hashing.
  if (word.size() < 3 || word.size() > 9) return false;
  // (Abbreviations keep their period: "Nov.", "Thurs.")
  switch (word[0]) {
    case 'A':
    case 'D':
    case 'F':
    case 'J':
    case 'M':
    case 'N':
    case 'O':
    case 'S':
    case 'T':
    case 'W':
      return Calendar().contains(word);
    default:
      return false;
  }
}

}  // namespace newstrace::analyze
