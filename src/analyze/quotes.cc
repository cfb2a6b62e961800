#include "analyze/quotes.h"

#include <algorithm>
#include <optional>
#include <string>

#include "analyze/attributor.h"
#include "analyze/word_set.h"

namespace newstrace::analyze {

uint32_t Attributor::ParticleAt(uint32_t i) const {
  static const WordSet kBack = {"shot",   "fired",   "hit",   "wrote",
                                "pushed", "snapped", "struck"};
  if (!IsWordAt(i + 1) || v_.tokens[i + 1].sentence != v_.tokens[i].sentence) {
    return 0;
  }
  // The particle is one of back, out, in, on, up.
  const std::string_view next_text = Text(i + 1);
  if (next_text.size() < 2 || next_text.size() > 4) return 0;
  const LowerWord next(next_text);
  // Most words are followed by none of the particles: the verb is lowered
  // only when one follows.
  if (next != "back" && next != "out" && next != "in" && next != "on" &&
      next != "up") {
    return 0;
  }
  const LowerWord w(Text(i));
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

std::vector<Quote> AttributeQuotes(const TextView& view,
                                   const std::vector<QuoteMarks>& marks,
                                   const EntityIndex* entities) {
  return Attributor(view, marks, entities).Run();
}

}  // namespace newstrace::analyze
