// Plain-text cleaning (text_blocks.h).
//
// Design. The text is cut into units (text_features: one per line, or one
// per wrapped paragraph when the text is hard-wrapped), each unit gets
// features, and rules label the units in passes that go from what a line
// says about itself to what its place in the article says:
//
//  1. Alone (text_label). Cue phrases (text_cues: "Advertisement", "Share
//     this article", "READ MORE: ...", "Related articles", "12 Comments",
//     "Tags: ..."; text_notices: copyright notices, share prompts and
//     counters, "h/t" and "originally published" notes, an embedded post's
//     signature), explicit bylines ("By ..."), photo credits
//     (text_credits: a credit line, or a credit fused to a caption, split
//     into a credit block and a caption block) and cued datelines
//     ("Published ...").
//  2. Title: the first unit left (skipping possible bylines and dates and
//     one-word kickers) when it reads as a headline: 2-30 words, no final
//     period or colon, at most two sentences.
//  3. Repetition: a copy of the title is `other`; a short line without
//     sentence punctuation or lower-case function words that occurs twice
//     is an image's tag line.
//  4. Prose: a final period and 3+ words, a colon after 6+ words, two
//     sentences (not Title Case), or 25+ words (12+ in a text that seldom
//     ends its long lines with punctuation). Prose feeds the body
//     vocabulary. A comment header after two prose units turns what
//     follows into comments; a "Related" header turns the non-prose lines
//     under it into links. The body runs from the first prose unit of 10+
//     words to the last prose unit; before it is the head, after it the
//     tail.
//  5. In context. Prose is a paragraph. In the head and tail, implicit
//     bylines ("Jane Doe, Political Correspondent"), bare dates, and a bare
//     name next to a date count. A keyword list (6+ capitalized words, no
//     function word, no sentence punctuation) is a tag line next to a
//     picture or right under the title, or at the end when it shares half
//     its words with the body. Head: caption next to a picture, one-word
//     kicker, else heading (a standfirst). Tail: headline-like lines (Title
//     Case, an all-caps "VEGAS MYSTERY:" prefix, or words the body does not
//     use) are related links. Between paragraphs: list bullets, lines
//     ending in "." "," ";" ":" and runs of unpunctuated lines are
//     paragraphs; a bare date (a live report's time stamp) is a
//     dateline; the line above an embedded post's signature is the post; a
//     sentence-like line next to a picture or naming one
//     ("pictured") is a caption; a question, a Title Case line or a short
//     line is a heading; a sentence-like line of 8+ words is a caption,
//     unless the text seldom punctuates (then it is a paragraph).
//
// Every rule reads features (word counts, capitalization, function words as
// a verb proxy, final punctuation, position, repetition, vocabulary), never
// a particular site's wording. Each pass is linear in the text; cue and
// credit matching look at bounded prefixes and suffixes only.
#include "extract/text_blocks.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/dates.h"
#include "base/strings.h"
#include "extract/text_byline.h"
#include "extract/text_credits.h"
#include "extract/text_cues.h"
#include "extract/text_features.h"
#include "extract/text_label.h"

namespace newstrace::extract {
namespace {

using text::Cue;
using text::Features;
using text::KeywordList;
using text::Unit;

class Classifier {
 public:
  Classifier(const TextBlocksOptions& options, Article* article)
      : options_(options), article_(article) {}

  void Run() {
    Split();
    for (Unit& u : units_) text::LabelAlone(&u);
    FindTitle();
    MarkRepeats();
    FindProse();
    MarkSections();
    open_.assign(units_.size(), false);
    for (size_t i = 0; i < units_.size(); ++i) {
      const Unit& u = units_[i];
      open_[i] = !u.kind && !u.prose && !u.f.Terminal() && u.f.words >= 6 &&
                 u.f.lower_words >= 2;
    }
    for (size_t i = 0; i < units_.size(); ++i) {
      if (!units_[i].kind) units_[i].kind = InContext(i);
    }
    Emit();
    FillMetadata();
  }

 private:
  void Split() {
    text::WrapOptions wrap;
    wrap.min_width = options_.min_wrap_width;
    wrap.max_width = options_.max_wrap_width;
    bool wrapped = false;
    std::string_view all = article_->text;
    const std::vector<Span> spans = text::SplitUnits(all, wrap, &wrapped);
    // Units are large: built in place, never moved.
    units_.reserve(spans.size());
    for (Span s : spans) {
      Unit& u = units_.emplace_back();
      u.span = s;
      u.text = all.substr(s.begin, s.size());
      u.f = text::ComputeFeatures(u.text);
    }
  }

  // False when CollapseWhitespace(text) cannot be `key`: collapsing only
  // drops bytes, and keeps a first byte that is not white space. Rules out
  // most lines before they are compared. REQUIRES: !text.empty().
  static bool MayCollapseTo(std::string_view text, std::string_view key) {
    if (text.size() < key.size()) return false;
    unsigned char c = static_cast<unsigned char>(text[0]);
    bool ascii_space = c == ' ' || (c >= '\t' && c <= '\r');
    return key.empty() || c >= 0x80 || ascii_space || text[0] == key[0];
  }

  bool Candidate(const Unit& u) const {
    return u.byline.has_value() || u.dateline.has_value();
  }

  void FindTitle() {
    for (size_t i = 0; i < units_.size(); ++i) {
      const Unit& u = units_[i];
      // Skip labeled lines, possible bylines and dates, and one-word
      // kickers ("Opinion") above the headline.
      if (u.kind || Candidate(u) || u.f.words < 2) continue;
      if (text::TitleLike(u.f) && !text::StartsWithListMarker(u.text)) {
        title_ = i;
        units_[i].kind = BlockKind::kTitle;
      }
      return;
    }
  }

  void MarkRepeats() {
    std::unordered_map<std::string, int> counts;
    std::vector<std::string> keys(units_.size());
    for (size_t i = 0; i < units_.size(); ++i) {
      const Features& f = units_[i].f;
      char last = units_[i].text.back();
      if (f.bytes > 300 || f.words < 2 || f.period_end || f.sentences > 1 ||
          f.lower_functions > 0 || last == ',' || last == ';') {
        continue;
      }
      keys[i] = base::CollapseWhitespace(units_[i].text);
      ++counts[keys[i]];
    }
    std::string title_key =
        title_ ? base::CollapseWhitespace(units_[*title_].text) : "";
    for (size_t i = 0; i < units_.size(); ++i) {
      Unit& u = units_[i];
      if (u.kind) continue;
      if (title_ && u.f.bytes <= 300 && MayCollapseTo(u.text, title_key) &&
          base::CollapsesTo(u.text, title_key)) {
        u.kind = BlockKind::kOther;  // a copy of the headline
      } else if (!keys[i].empty() && counts[keys[i]] >= 2) {
        u.kind = BlockKind::kTagLine;
      }
    }
  }

  void FindProse() {
    // A text that seldom ends its long lines with punctuation (some scrapes
    // drop it) has prose without final stops: there a line of 12+ words is
    // prose too.
    size_t long_units = 0, long_terminal = 0;
    for (const Unit& u : units_) {
      if (u.kind || u.f.words < 15) continue;
      ++long_units;
      long_terminal += u.f.Terminal() || u.f.ellipsis_end;
    }
    loose_punctuation_ = long_units >= 3 && long_terminal * 2 < long_units;
    size_t budget = options_.max_vocabulary_bytes;
    for (Unit& u : units_) {
      if (u.kind) continue;
      if (!text::IsProse(u.f) && !(loose_punctuation_ && u.f.words >= 12))
        continue;
      u.prose = true;
      if (budget >= u.text.size()) {
        u.in_vocabulary = true;  // its words are added when first needed
        budget -= u.text.size();
      }
    }
  }

  // Comment sections and the lines under "Related" headers; then the body
  // bounds.
  void MarkSections() {
    int prose_before = 0;
    for (size_t h = 0; h < units_.size(); ++h) {
      prose_before += units_[h].prose;
      Cue cue = units_[h].cue;
      if (cue == Cue::kCommentHeader && prose_before >= 2) {
        for (size_t i = h + 1; i < units_.size(); ++i) {
          if (!units_[i].kind) units_[i].kind = BlockKind::kComment;
        }
        break;
      }
      if (cue != Cue::kRelatedHeader && cue != Cue::kSponsoredHeader) continue;
      BlockKind kind = cue == Cue::kRelatedHeader ? BlockKind::kRelatedLink
                                                  : BlockKind::kAdvertisement;
      for (size_t i = h + 1; i < units_.size(); ++i) {
        Unit& u = units_[i];
        if (u.kind) {
          if (u.cue == Cue::kRelatedHeader || u.cue == Cue::kSponsoredHeader ||
              u.cue == Cue::kCommentHeader) {
            break;
          }
          continue;
        }
        if (u.prose && !u.f.TitleCased()) break;
        u.kind = kind;
        u.prose = false;
      }
    }
    // Lines taken by a section are no longer body prose. The body starts
    // at the first prose unit of 10+ words (a short sentence near the top
    // is more often a kicker or a teaser than the lead).
    std::optional<size_t> first, last;
    for (size_t i = 0; i < units_.size(); ++i) {
      if (!units_[i].prose || units_[i].kind) continue;
      if (!first) first = i;
      if (!first_prose_ && units_[i].f.words >= 10) first_prose_ = i;
      last = i;
    }
    if (!first_prose_) first_prose_ = first;
    // A one-sentence question at the end that shares few words with the
    // body is an appended headline ("Why are young people giving up
    // alcohol?"), not the last paragraph; a quoted or spoken one ("After
    // all, who would?") is the article's own.
    while (last && first && *last > *first) {
      const Unit& u = units_[*last];
      if (!u.f.question_end || u.f.sentences > 1 || u.f.words > 20 ||
          text::SpokenQuestion(u.text)) {
        break;
      }
      double overlap = Overlap(u);
      if (overlap < 0 || overlap >= 0.34) break;
      units_[*last].prose = false;
      do --*last;
      while (!units_[*last].prose || units_[*last].kind);
    }
    last_prose_ = last;
  }

  bool Head(size_t i) const { return !first_prose_ || i < *first_prose_; }
  bool Tail(size_t i) const { return last_prose_ && i > *last_prose_; }

  bool NextTo(size_t i, BlockKind kind) const {
    auto is = [&](size_t j) { return units_[j].kind == kind; };
    return (i > 0 && is(i - 1)) || (i + 1 < units_.size() && is(i + 1));
  }

  bool NextToDateline(size_t i) const {
    auto is = [&](size_t j) {
      return units_[j].kind == BlockKind::kDateline ||
             (!units_[j].kind && units_[j].dateline && (Head(j) || Tail(j)));
    };
    return (i > 0 && is(i - 1)) || (i + 1 < units_.size() && is(i + 1));
  }

  // A caption's picture: a credit or a tag line just before, or a lone
  // credit just after. An embedded post's signature is no picture: the
  // post's words above it are quoted text.
  bool NextToPicture(size_t i) const {
    auto picture_credit = [&](size_t j) {
      return units_[j].kind == BlockKind::kCredit &&
             units_[j].cue != Cue::kEmbedCredit;
    };
    if (i > 0 &&
        (picture_credit(i - 1) || units_[i - 1].kind == BlockKind::kTagLine)) {
      return true;
    }
    return i + 1 < units_.size() && picture_credit(i + 1);
  }

  // Two open lines in a row (verse, a list, text without punctuation)
  // are body text, not captions.
  bool InRun(size_t i) const {
    return open_[i] &&
           ((i > 0 && open_[i - 1]) || (i + 1 < open_.size() && open_[i + 1]));
  }

  // The prose's vocabulary is built on the first question asked of it:
  // most articles ask none, and stemming every word of the body is a
  // large share of the time spent on plain text. The units marked
  // `in_vocabulary` are added in order, as if added when marked.
  const text::Vocabulary& Vocabulary() const {
    if (!vocabulary_built_) {
      for (const Unit& u : units_) {
        if (u.in_vocabulary) vocabulary_.Add(u.text);
      }
      vocabulary_built_ = true;
    }
    return vocabulary_;
  }

  double Overlap(const Unit& u) const {
    const text::Vocabulary& v = Vocabulary();
    return v.size() < 20 ? -1.0 : v.Overlap(u.text, u.in_vocabulary);
  }

  bool RelatedLike(const Unit& u) const {
    const Features& f = u.f;
    if (f.words < 3 || f.words > 30 || f.period_end || f.colon_end) {
      return false;
    }
    if (f.TitleCased() || f.caps_prefix) return true;
    double overlap = Overlap(u);
    return overlap >= 0 && overlap < 0.34;
  }

  BlockKind InContext(size_t i) const {
    const Unit& u = units_[i];
    const Features& f = u.f;
    bool head = Head(i), tail = Tail(i);
    if (u.prose) return BlockKind::kParagraph;
    if (head || tail) {
      if (u.byline) return BlockKind::kByline;
      if (u.dateline) return BlockKind::kDateline;
      if (head && text::IsBareName(u.text) && NextToDateline(i)) {
        return BlockKind::kByline;
      }
    }
    // An image's keywords stand by the image (a credit or caption), or
    // right under the title; at the end, they are the body's own words.
    if (KeywordList(u) &&
        (NextToPicture(i) || NextTo(i, BlockKind::kCaption) ||
         (title_ && i == *title_ + 1) || (tail && Overlap(u) >= 0.5))) {
      return BlockKind::kTagLine;
    }
    bool sentence_like = f.words >= 3 && f.lower_words > 0;
    if (f.list_bullet && !tail) return BlockKind::kParagraph;
    // A line that is only a date and time between paragraphs stamps the
    // entry of a live report; a numbered one is a list item.
    if (u.dateline && !f.list_number) return BlockKind::kDateline;
    // The words of an embedded post, above its signature, are quoted text.
    if (!head && f.words >= 2 && i + 1 < units_.size() &&
        units_[i + 1].cue == Cue::kEmbedCredit) {
      return BlockKind::kParagraph;
    }
    if (head) {
      if (sentence_like &&
          (NextToPicture(i) || text::HasCaptionWords(u.text))) {
        return BlockKind::kCaption;
      }
      if (f.words == 1 && (!title_ || i < *title_)) {
        return BlockKind::kNavigation;  // a section kicker: "Politics"
      }
      return BlockKind::kHeading;
    }
    if (tail) {
      if (RelatedLike(u)) return BlockKind::kRelatedLink;
      if (f.colon_end || f.list_bullet || InRun(i) || loose_punctuation_) {
        return BlockKind::kParagraph;
      }
      if (sentence_like && !f.Terminal()) return BlockKind::kCaption;
      return BlockKind::kOther;
    }
    // Between paragraphs.
    if (f.period_end || f.colon_end || f.list_bullet || InRun(i) ||
        u.text.back() == ',' || u.text.back() == ';' || loose_punctuation_) {
      return BlockKind::kParagraph;
    }
    if (f.list_number) {
      return f.words <= 15 ? BlockKind::kHeading : BlockKind::kParagraph;
    }
    if (sentence_like && (NextToPicture(i) || text::HasCaptionWords(u.text))) {
      return BlockKind::kCaption;
    }
    if (f.question_end && f.words <= 12) return BlockKind::kHeading;
    if (f.TitleCase() >= 0.6 && f.words <= 15) return BlockKind::kHeading;
    if (f.words >= 8 && f.lower_functions > 0) return BlockKind::kCaption;
    if (f.words <= 12) return BlockKind::kHeading;
    return BlockKind::kParagraph;
  }

  void Emit() {
    article_->blocks.reserve(article_->blocks.size() + units_.size());
    for (const Unit& u : units_) {
      Block b;
      b.kind = *u.kind;
      if (!u.credit || u.credit->caption.empty()) {
        b.span = u.span;
        article_->blocks.push_back(b);
        continue;
      }
      Block credit;
      credit.kind = BlockKind::kCredit;
      credit.span = {u.span.begin + u.credit->credit.begin,
                     u.span.begin + u.credit->credit.end};
      Block caption;
      caption.kind = BlockKind::kCaption;
      caption.span = {u.span.begin + u.credit->caption.begin,
                      u.span.begin + u.credit->caption.end};
      caption.credit = u.credit->value;
      if (u.credit->credit_first) {
        article_->blocks.push_back(credit);
        article_->blocks.push_back(caption);
      } else {
        article_->blocks.push_back(caption);
        article_->blocks.push_back(credit);
      }
    }
  }

  void FillMetadata() {
    if (title_) {
      article_->title = base::CollapseWhitespace(units_[*title_].text);
    }
    // Authors: the first byline that names persons; else a contributors
    // line ("Reporting by ...").
    for (const Unit& u : units_) {
      if (u.kind != BlockKind::kByline || !article_->authors.empty()) continue;
      if (u.byline) {
        article_->authors = u.byline->names;
      } else if (text::IsBareName(u.text)) {
        article_->authors = {base::CollapseWhitespace(u.text)};
      }
    }
    for (const Unit& u : units_) {
      if (!article_->authors.empty()) break;
      if (u.kind == BlockKind::kByline && u.cue == Cue::kContributors) {
        article_->authors = text::ContributorNames(u.text);
      }
    }
    // Published: a dated dateline or byline; one that is not an update
    // first.
    std::string fallback;
    for (const Unit& u : units_) {
      if (u.kind != BlockKind::kDateline && u.kind != BlockKind::kByline) {
        continue;
      }
      text::Dateline d;
      if (u.dateline) {
        d = *u.dateline;
      } else if (u.f.bytes <= 200) {
        // "By Jane Doe | Published 21 November 2017"
        if (auto date = base::FindDate(u.text)) d.date = *date;
      }
      if (d.date.empty()) continue;
      if (!d.updated) {
        article_->published = d.date;
        return;
      }
      if (fallback.empty()) fallback = d.date;
    }
    article_->published = fallback;
  }

  const TextBlocksOptions& options_;
  Article* article_;
  std::vector<Unit> units_;
  std::optional<size_t> title_;
  std::optional<size_t> first_prose_;
  std::optional<size_t> last_prose_;
  mutable text::Vocabulary vocabulary_;  // see Vocabulary()
  mutable bool vocabulary_built_ = false;
  std::vector<bool> open_;  // unlabeled lines of 6+ words, no final stop
  bool loose_punctuation_ = false;
};

}  // namespace

void ClassifyTextBlocks(const TextBlocksOptions& options, Article* article) {
  Classifier(options, article).Run();
}

}  // namespace newstrace::extract
