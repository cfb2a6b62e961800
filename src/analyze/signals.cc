// Design note. Signals are computed in three independent reads of the
// article: the headline (the title alone, so title-only rows get every
// headline signal), the body (paragraph and heading blocks scanned into
// one ScanText, then one lexicon pass over its words) and the page (the
// block kinds and the related-link headlines). Quote signals read
// record->quotes. Nothing here allocates per word beyond the scan's
// arrays; the cost is a small fraction of quote and entity finding.
#include "analyze/signals.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "analyze/signals_scan.h"
#include "analyze/signals_words.h"
#include "newstrace/analyze.h"

namespace newstrace {
namespace {

using analyze::LexiconCounts;
using analyze::PhraseList;
using analyze::ScanText;
using analyze::ScanWord;
using analyze::WordList;

constexpr double kMaxFlesch = 121.22;  // one-syllable words, 1-word sentences

constexpr std::array<SignalInfo, analyze::kSignalCount> kCatalog = {{
    {"headline_words", "the headline's length in words", SignalScope::kHeadline,
     SignalUnit::kCount, 50},
    {"headline_caps_prefix",
     "the headline starts with an all-caps label such as 'VEGAS MYSTERY:'",
     SignalScope::kHeadline, SignalUnit::kFlag, 1},
    {"headline_caps_share", "much of the headline is written in capitals",
     SignalScope::kHeadline, SignalUnit::kShare, 1},
    {"headline_caps_run",
     "the headline has a run of words in capitals such as 'FEMA CAMPS'",
     SignalScope::kHeadline, SignalUnit::kCount, 10},
    {"headline_question", "the headline asks a question",
     SignalScope::kHeadline, SignalUnit::kFlag, 1},
    {"headline_exclamation", "the headline has an exclamation mark",
     SignalScope::kHeadline, SignalUnit::kFlag, 1},
    {"headline_numeral_start",
     "the headline starts with a numeral, as list articles do ('17 things')",
     SignalScope::kHeadline, SignalUnit::kFlag, 1},
    {"headline_second_person", "the headline speaks to the reader as 'you'",
     SignalScope::kHeadline, SignalUnit::kFlag, 1},
    {"headline_clickbait",
     "the headline uses clickbait phrasing such as 'you won't believe' or "
     "'17 things'",
     SignalScope::kHeadline, SignalUnit::kCount, 3},
    {"headline_sensational",
     "the headline uses sensational or emotional words such as 'shocking' "
     "or 'slams'",
     SignalScope::kHeadline, SignalUnit::kCount, 3},
    {"body_words", "the body's length in words", SignalScope::kBody,
     SignalUnit::kCount, 10000},
    {"clickbait_rate",
     "the body uses clickbait phrasing such as 'here's why' or 'you won't "
     "believe'",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"sensational_rate",
     "the body uses sensational words such as 'shocking', 'bombshell' or "
     "'slams'",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"emotional_rate",
     "the body uses emotional words such as 'heartbreaking', 'furious' or "
     "'disgusting'",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"exclamation_rate", "the body uses exclamation marks", SignalScope::kBody,
     SignalUnit::kRate, 100},
    {"first_person_rate", "the body speaks in the first person (I, we, our)",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"second_person_rate", "the body speaks to the reader as 'you'",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"quote_rate", "the article quotes people", SignalScope::kBody,
     SignalUnit::kRate, 100},
    {"named_quote_rate", "the article quotes speakers it names",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"named_quote_share",
     "the article's quotations are attributed to named speakers",
     SignalScope::kBody, SignalUnit::kShare, 1},
    {"according_to_rate", "the body attributes claims with 'according to'",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"statement_rate",
     "the body cites statements, press conferences and interviews",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"outlet_rate",
     "the body names news outlets and agencies such as Reuters, AP or the "
     "BBC",
     SignalScope::kBody, SignalUnit::kRate, 100},
    {"url_rate", "the body cites web addresses", SignalScope::kBody,
     SignalUnit::kRate, 100},
    {"flesch_reading_ease",
     "how easy the body is to read (Flesch reading ease; higher is easier)",
     SignalScope::kBody, SignalUnit::kScore, kMaxFlesch},
    {"mean_sentence_words", "the body's mean sentence length in words",
     SignalScope::kBody, SignalUnit::kScore, 100},
    {"tag_line_blocks", "the page carries keyword tag lines",
     SignalScope::kPage, SignalUnit::kCount, 10},
    {"related_link_blocks", "headlines of other stories are appended",
     SignalScope::kPage, SignalUnit::kCount, 20},
    {"advertisement_blocks",
     "the page carries advertisements or subscribe prompts", SignalScope::kPage,
     SignalUnit::kCount, 20},
    {"boilerplate_share",
     "much of the page is boilerplate (tags, links, menus, ads)",
     SignalScope::kPage, SignalUnit::kShare, 1},
    {"related_link_clickbait",
     "the appended headlines of other stories read as clickbait",
     SignalScope::kPage, SignalUnit::kCount, 10},
}};

// The text of span `s`, clipped to the text.
std::string_view SafeSpanText(const Article& a, Span s) {
  const size_t n = a.text.size();
  const size_t begin = std::min(s.begin, n);
  const size_t end = std::clamp(s.end, begin, n);
  return std::string_view(a.text).substr(begin, end - begin);
}

double Round4(double x) { return std::round(x * 1e4) / 1e4; }

double Capped(size_t count, double max) {
  return std::min(static_cast<double>(count), max);
}

// Occurrences per 100 words, capped at 100; 0 without words.
double Per100(size_t count, size_t words) {
  if (words == 0) return 0;
  return std::min(
      100.0, 100.0 * static_cast<double>(count) / static_cast<double>(words));
}

// The style of one headline (the words [first, end) of its own scan).
struct HeadlineStyle {
  size_t words = 0;
  bool caps_prefix = false;
  double caps_share = 0;
  size_t caps_run = 0;  // 0, or the longest run of two or more
  bool question = false;
  bool exclamation = false;
  bool numeral_start = false;
  bool second_person = false;
  size_t clickbait = 0;
  size_t sensational = 0;  // sensational and emotional words
};

// One to four words in capitals, white space between them, the last one
// directly followed by a colon, four ASCII letters or more in all.
bool HasCapsPrefix(const ScanText& s) {
  size_t letters = 0;
  for (size_t k = 0; k < s.words.size() && k < 4; ++k) {
    const ScanWord& w = s.words[k];
    if (!w.caps || w.url) return false;
    letters += w.letters;
    if (w.after == ':') return letters >= 4;
    if (w.after != 0) return false;
  }
  return false;
}

HeadlineStyle ReadHeadline(const ScanText& s) {
  HeadlineStyle h;
  h.words = s.words.size();
  if (h.words == 0) return h;
  h.caps_prefix = HasCapsPrefix(s);
  size_t lettered = 0, caps = 0, run = 0, best_run = 0;
  for (size_t i = 0; i < s.words.size(); ++i) {
    const ScanWord& w = s.words[i];
    const bool capital_word = w.caps && w.letters >= 2;
    if (w.letters >= 2) {
      ++lettered;
      caps += capital_word;
    }
    if (!capital_word) {
      run = 0;
      continue;
    }
    run = (run > 0 && s.Joined(i)) ? run + 1 : 1;
    best_run = std::max(best_run, run);
  }
  h.caps_share =
      lettered == 0 ? 0
                    : static_cast<double>(caps) / static_cast<double>(lettered);
  h.caps_run = best_run >= 2 ? best_run : 0;
  h.question = s.questions > 0;
  h.exclamation = s.exclamations > 0;
  h.numeral_start = s.words[0].digit;
  LexiconCounts c = analyze::CountLexicon(s, 0, s.words.size());
  h.second_person = c.word(WordList::kSecondPerson) > 0;
  h.clickbait = c.phrase(PhraseList::kClickbait) +
                (analyze::IsListicleStart(s, 0, s.words.size()) ? 1 : 0);
  h.sensational = c.word(WordList::kSensational) + c.word(WordList::kEmotional);
  return h;
}

// Whether a headline of another story reads as clickbait.
bool LooksClickbait(const HeadlineStyle& h) {
  return h.caps_prefix || h.exclamation || h.clickbait > 0 || h.sensational > 0;
}

std::string_view TitleOf(const Article& a) {
  if (!a.title.empty()) return a.title;
  for (const Block& b : a.blocks) {
    if (b.kind == BlockKind::kTitle) return SafeSpanText(a, b.span);
  }
  return {};
}

bool IsBoilerplateKind(BlockKind k) {
  return k == BlockKind::kTagLine || k == BlockKind::kRelatedLink ||
         k == BlockKind::kNavigation || k == BlockKind::kAdvertisement ||
         k == BlockKind::kOther;
}

void HeadlineSignals(const Article& a, ScanText* scan, double* v) {
  using namespace analyze;
  scan->Clear();
  ScanSegment(TitleOf(a), scan);
  const HeadlineStyle h = ReadHeadline(*scan);
  v[kHeadlineWords] = Capped(h.words, 50);
  v[kHeadlineCapsPrefix] = h.caps_prefix;
  v[kHeadlineCapsShare] = h.caps_share;
  v[kHeadlineCapsRun] = Capped(h.caps_run, 10);
  v[kHeadlineQuestion] = h.question;
  v[kHeadlineExclamation] = h.exclamation;
  v[kHeadlineNumeralStart] = h.numeral_start;
  v[kHeadlineSecondPerson] = h.second_person;
  v[kHeadlineClickbait] = Capped(h.clickbait, 3);
  v[kHeadlineSensational] = Capped(h.sensational, 3);
}

void BodySignals(const Record& record, bool quotes_found, ScanText* scan,
                 double* v) {
  using namespace analyze;
  const Article& a = record.article;
  scan->Clear();
  size_t bytes = 0;
  for (const Block& b : a.blocks) {
    if (IsBodyKind(b.kind)) bytes += SafeSpanText(a, b.span).size();
  }
  scan->words.reserve(bytes / 5 + 16);  // about one word in 6 bytes
  for (const Block& b : a.blocks) {
    if (IsBodyKind(b.kind)) ScanSegment(SafeSpanText(a, b.span), scan);
  }
  const size_t words = scan->words.size();
  LexiconCounts c = CountLexicon(*scan, 0, words);
  size_t urls = 0;
  for (const ScanWord& w : scan->words) urls += w.url;
  v[kBodyWords] = Capped(words, 10000);
  v[kClickbaitRate] = Per100(c.phrase(PhraseList::kClickbait), words);
  v[kSensationalRate] = Per100(c.word(WordList::kSensational), words);
  v[kEmotionalRate] = Per100(c.word(WordList::kEmotional), words);
  v[kExclamationRate] = Per100(scan->exclamations, words);
  v[kFirstPersonRate] = Per100(c.word(WordList::kFirstPerson), words);
  v[kSecondPersonRate] = Per100(c.word(WordList::kSecondPerson), words);
  v[kAccordingToRate] = Per100(c.phrase(PhraseList::kAccordingTo), words);
  v[kStatementRate] = Per100(c.phrase(PhraseList::kStatement), words);
  v[kOutletRate] = Per100(c.phrase(PhraseList::kOutlet), words);
  v[kUrlRate] = Per100(urls, words);
  if (quotes_found) {
    size_t quotes = 0, named = 0;
    for (const Quote& q : record.quotes) {
      if (q.kind == QuoteKind::kScare) continue;
      ++quotes;
      named += q.speaker.has_value() && q.speaker->resolved();
    }
    v[kQuoteRate] = Per100(quotes, words);
    v[kNamedQuoteRate] = Per100(named, words);
    v[kNamedQuoteShare] =
        quotes == 0 ? 0
                    : static_cast<double>(named) / static_cast<double>(quotes);
  }
  if (words > 0 && scan->sentences > 0) {
    const double w = static_cast<double>(words);
    const double per_sentence = w / static_cast<double>(scan->sentences);
    const double per_word = static_cast<double>(scan->syllables) / w;
    v[kFleschReadingEase] = std::clamp(
        206.835 - 1.015 * per_sentence - 84.6 * per_word, 0.0, kMaxFlesch);
    v[kMeanSentenceWords] = std::min(per_sentence, 100.0);
  }
}

void PageSignals(const Article& a, ScanText* scan, double* v) {
  using namespace analyze;
  size_t tags = 0, related = 0, ads = 0, clickbait = 0;
  size_t all_bytes = 0, boiler_bytes = 0;
  for (const Block& b : a.blocks) {
    std::string_view text = SafeSpanText(a, b.span);
    all_bytes += text.size();
    if (IsBoilerplateKind(b.kind)) boiler_bytes += text.size();
    tags += b.kind == BlockKind::kTagLine;
    ads += b.kind == BlockKind::kAdvertisement;
    if (b.kind != BlockKind::kRelatedLink) continue;
    ++related;
    // A block may hold several headlines, one a line.
    size_t i = 0;
    while (i < text.size() && clickbait < 10) {
      size_t j = text.find('\n', i);
      if (j == std::string_view::npos) j = text.size();
      scan->Clear();
      ScanSegment(text.substr(i, j - i), scan);
      clickbait += LooksClickbait(ReadHeadline(*scan));
      i = j + 1;
    }
  }
  v[kTagLineBlocks] = Capped(tags, 10);
  v[kRelatedLinkBlocks] = Capped(related, 20);
  v[kAdvertisementBlocks] = Capped(ads, 20);
  v[kBoilerplateShare] = all_bytes == 0 ? 0
                                        : static_cast<double>(boiler_bytes) /
                                              static_cast<double>(all_bytes);
  v[kRelatedLinkClickbait] = Capped(clickbait, 10);
}

}  // namespace

const std::vector<SignalInfo>& SignalCatalog() {
  static const std::vector<SignalInfo>* catalog =
      new std::vector<SignalInfo>(kCatalog.begin(), kCatalog.end());
  return *catalog;
}

const SignalInfo* FindSignalInfo(std::string_view name) {
  for (const SignalInfo& info : SignalCatalog()) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

namespace analyze {

void ComputeSignals(bool quotes_found, Record* record) {
  std::array<double, kSignalCount> v{};
  ScanText scan;
  HeadlineSignals(record->article, &scan, v.data());
  BodySignals(*record, quotes_found, &scan, v.data());
  PageSignals(record->article, &scan, v.data());
  const std::vector<SignalInfo>& catalog = SignalCatalog();
  record->signals.clear();
  record->signals.reserve(kSignalCount);
  for (size_t i = 0; i < kSignalCount; ++i) {
    record->signals.push_back({catalog[i].name, Round4(v[i])});
  }
}

}  // namespace analyze
}  // namespace newstrace
