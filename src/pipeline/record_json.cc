// RecordToJson: the JSON contract of docs/format/record.md.
//
// Design note. nlohmann-json writes the record: its head (id .. blocks)
// and its tail (signals, scores, diagnostics) are nlohmann objects, built by
// appending members in contract order to a reserved object_t (no key
// lookups: each object's keys are distinct by construction) and written by
// dump(). The quotes, entities and figures arrays in between, tens of small
// span objects per article, are written straight into the output by
// SectionWriter instead of going through a DOM and dump(), which cost more
// than finding the quotes and entities did (docs/design.md, "Writing the
// record's JSON"). SectionWriter writes what dump() would, byte for byte:
// the same separators and indentation, and strings escaped as dump() with
// ensure_ascii off and error_handler_t::replace escapes them. A string that
// is not valid UTF-8, and a number whose form is not plain, are handed to
// nlohmann itself.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "newstrace/pipeline.h"

namespace newstrace {
namespace {

using json = nlohmann::ordered_json;
using Members = json::object_t;  // insertion-ordered

constexpr json::error_handler_t kReplace = json::error_handler_t::replace;

// ---------------------------------------------------------------- the DOM

// Makes `*j` an empty object with room for `n` members and returns them.
Members& MakeObject(json* j, size_t n) {
  *j = json(json::value_t::object);
  Members& m = *j->get_ptr<json::object_t*>();
  m.reserve(n);
  return m;
}

json::array_t& MakeArray(json* j, size_t n) {
  *j = json(json::value_t::array);
  json::array_t& a = *j->get_ptr<json::array_t*>();
  a.reserve(n);
  return a;
}

json Str(std::string_view s) { return json(json::string_t(s)); }

// Appends a member; REQUIRES: `key` is not in `m` yet.
template <typename V>
void Add(Members& m, const char* key, V&& value) {
  m.emplace_back(key, std::forward<V>(value));
}

// id .. blocks.
json HeadJson(const Article& a) {
  json j;
  Members& m = MakeObject(&j, 12);
  if (!a.id.empty()) Add(m, "id", a.id);
  if (!a.source.url.empty()) Add(m, "url", a.source.url);
  if (!a.source.domain.empty()) Add(m, "domain", a.source.domain);
  Add(m, "format", Str(FormatName(a.format)));
  if (!a.title.empty()) Add(m, "title", a.title);
  if (!a.authors.empty()) Add(m, "authors", a.authors);
  if (!a.published.empty()) Add(m, "published", a.published);
  if (!a.language.empty()) Add(m, "language", a.language);
  if (!a.source.label.empty()) Add(m, "label", a.source.label);
  if (!a.source.fetched.empty()) Add(m, "fetched", a.source.fetched);
  Add(m, "text", a.text);
  json blocks;
  json::array_t& ba = MakeArray(&blocks, a.blocks.size());
  for (const Block& b : a.blocks) {
    json& jb = ba.emplace_back();
    Members& bm = MakeObject(&jb, 5);
    Add(bm, "kind", Str(BlockKindName(b.kind)));
    Add(bm, "begin", b.span.begin);
    Add(bm, "end", b.span.end);
    Add(bm, "text", Str(a.SpanText(b.span)));
    if (!b.credit.empty()) Add(bm, "credit", b.credit);
  }
  Add(m, "blocks", std::move(blocks));
  return j;
}

// signals, scores and diagnostics; an empty object when none is there.
json TailJson(const Record& record) {
  const Article& a = record.article;
  json j;
  Members& m = MakeObject(&j, 3);
  if (!record.signals.empty()) {
    // {"name": value, ...} in catalogue order; whole values as integers.
    // The names are distinct (the catalogue's), so members are appended.
    json signals;
    Members& sm = MakeObject(&signals, record.signals.size());
    for (const Signal& s : record.signals) {
      json value;
      if (std::isfinite(s.value) && s.value == std::trunc(s.value) &&
          std::fabs(s.value) < 1e15) {
        value = static_cast<int64_t>(s.value);
      } else {
        value = s.value;
      }
      sm.emplace_back(std::string(s.name), std::move(value));
    }
    Add(m, "signals", std::move(signals));
  }
  if (!record.scores.empty()) {
    // {"model": {"label", "probability", "probabilities": {...}}}; a
    // record's model names are distinct, as are a model's labels.
    json scores;
    Members& sm = MakeObject(&scores, record.scores.size());
    for (const ModelScore& s : record.scores) {
      json one;
      Members& om = MakeObject(&one, 3);
      Add(om, "label", s.label);
      Add(om, "probability", s.probability);
      json probabilities;
      Members& pm = MakeObject(&probabilities, s.probabilities.size());
      for (const auto& [label, p] : s.probabilities) pm.emplace_back(label, p);
      Add(om, "probabilities", std::move(probabilities));
      sm.emplace_back(s.model, std::move(one));
    }
    Add(m, "scores", std::move(scores));
  }
  if (!a.diagnostics.empty()) {
    json diags;
    json::array_t& da = MakeArray(&diags, a.diagnostics.size());
    for (const Diagnostic& d : a.diagnostics) {
      json& jd = da.emplace_back();
      Members& dm = MakeObject(&jd, 2);
      Add(dm, "code", d.code);
      Add(dm, "message", d.message);
    }
    Add(m, "diagnostics", std::move(diags));
  }
  return j;
}

// ------------------------------------------------------ the section writer

// The length of the well-formed UTF-8 sequence (Unicode table 3-7: no
// overlong forms, surrogates or code points past U+10FFFF; what
// nlohmann's decoder accepts) that starts at non-ASCII byte `p[0]`, or 0.
size_t Utf8Length(const unsigned char* p, const unsigned char* end) {
  auto cont = [](unsigned char b) { return (b & 0xC0) == 0x80; };
  const unsigned c = p[0];
  const size_t left = static_cast<size_t>(end - p);
  if (c < 0xC2) return 0;
  if (c < 0xE0) return left >= 2 && cont(p[1]) ? 2 : 0;
  if (c < 0xF0) {
    if (left < 3 || !cont(p[2])) return 0;
    const unsigned b = p[1];
    bool ok = c == 0xE0   ? b >= 0xA0 && b <= 0xBF
              : c == 0xED ? b >= 0x80 && b <= 0x9F
                          : cont(b);
    return ok ? 3 : 0;
  }
  if (c < 0xF5) {
    if (left < 4 || !cont(p[2]) || !cont(p[3])) return 0;
    const unsigned b = p[1];
    bool ok = c == 0xF0   ? b >= 0x90 && b <= 0xBF
              : c == 0xF4 ? b >= 0x80 && b <= 0x8F
                          : cont(b);
    return ok ? 4 : 0;
  }
  return 0;
}

// What a byte needs in a string: 0 nothing, 1 an escape, 2 a UTF-8 check.
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 1;
  t['"'] = 1;
  t['\\'] = 1;
  for (int c = 0x80; c < 0x100; ++c) t[c] = 2;
  return t;
}();

// True when one of the 8 bytes of `w` is not plain printable ASCII: below
// 0x20, '"', '\\' or 0x80 and above.
inline bool AnySpecial(uint64_t w) {
  constexpr uint64_t k01 = 0x0101010101010101ULL;
  constexpr uint64_t k80 = 0x8080808080808080ULL;
  const uint64_t quote = w ^ (k01 * '"');
  const uint64_t slash = w ^ (k01 * '\\');
  return (((w - k01 * 0x20) & ~w) | ((quote - k01) & ~quote) |
          ((slash - k01) & ~slash) | w) &
         k80;
}

// Writes the escape of ASCII byte `c` (class 1) as nlohmann writes it and
// returns the end: at most 6 bytes.
char* WriteEscape(char* p, unsigned char c) {
  char e = 0;
  switch (c) {
    case '\b':
      e = 'b';
      break;
    case '\t':
      e = 't';
      break;
    case '\n':
      e = 'n';
      break;
    case '\f':
      e = 'f';
      break;
    case '\r':
      e = 'r';
      break;
    case '"':
      e = '"';
      break;
    case '\\':
      e = '\\';
      break;
    default:
      break;
  }
  *p++ = '\\';
  if (e != 0) {
    *p++ = e;
    return p;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  p[0] = 'u';
  p[1] = '0';
  p[2] = '0';
  p[3] = kHex[c >> 4];
  p[4] = kHex[c & 0xF];
  return p + 5;
}

// Writes JSON into a string as nlohmann's dump() lays it out: compact, or
// (kPretty) two spaces a level with "key": value, one member or element a
// line, and empty containers as [] and {}; strings escaped as dump() with
// ensure_ascii off and error_handler_t::replace escapes them. It continues
// an object that is already open and has members, at nesting `depth` (the
// record's own members are at depth 1): what it writes is more members of
// that object. Keys are written as given (ASCII names that need no escape).
// Call Finish() when done; until then `out` holds spare bytes at its end.
template <bool kPretty>
class SectionWriter {
 public:
  // REQUIRES: `out` ends inside a non-empty object at `depth`. `expect`:
  // about how many bytes will be written (more are fine).
  SectionWriter(std::string* out, int depth, size_t expect)
      : out_(out), depth_(depth) {
    const size_t n = out->size();
    out->resize(n + expect);
    p_ = out->data() + n;
    end_ = out->data() + out->size();
  }
  // Drops the spare bytes; the writer must not be used afterwards.
  void Finish() { out_->resize(p_ - out_->data()); }

  void Key(std::string_view key) {
    Room(key.size() + 4);
    Element();
    *p_++ = '"';
    std::memcpy(p_, key.data(), key.size());
    p_ += key.size();
    *p_++ = '"';
    *p_++ = ':';
    if (kPretty) *p_++ = ' ';
    after_key_ = true;
  }
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Unsigned(uint64_t v) {
    Room(24);
    Value();
    p_ = std::to_chars(p_, p_ + 24, v).ptr;
  }
  // Whole numbers from 1 to 1e15 are written here as dump() writes them
  // ("2300000000.0"); other values by nlohmann.
  void Double(double v) {
    const double mag = std::fabs(v);
    if (mag >= 1 && mag < 1e15 && v == std::trunc(v)) {
      Room(32);
      Value();
      p_ = std::to_chars(p_, p_ + 24, static_cast<int64_t>(v)).ptr;
      *p_++ = '.';
      *p_++ = '0';
    } else {
      Raw(json(v).dump());
    }
  }
  void True() { Raw("true"); }
  void String(std::string_view s);

 private:
  // Makes room for `n` bytes past the separator and indentation.
  void Room(size_t n) {
    n += 2 + (kPretty ? 2 * depth_ + 2 : 0);
    if (static_cast<size_t>(end_ - p_) < n) Grow(n);
  }
  void Grow(size_t n) {
    const size_t used = p_ - out_->data();
    out_->resize(std::max(out_->size() * 2, used + n));
    p_ = out_->data() + used;
    end_ = out_->data() + out_->size();
  }
  void Raw(std::string_view s) {
    Room(s.size());
    Value();
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // Before an array element or an object's key: the separator, and in
  // pretty form the line break and indentation.
  void Element() {
    if (!empty_) *p_++ = ',';
    if (kPretty) {
      *p_++ = '\n';
      std::memset(p_, ' ', 2 * depth_);
      p_ += 2 * depth_;
    }
    empty_ = false;
  }
  void Value() {
    if (after_key_) {
      after_key_ = false;
    } else {
      Element();
    }
  }
  void Open(char c) {
    Room(1);
    Value();
    *p_++ = c;
    ++depth_;
    empty_ = true;
  }
  // The container closed is an element of its parent, which therefore is
  // not empty.
  void Close(char c) {
    --depth_;
    Room(1);
    if (kPretty && !empty_) {
      *p_++ = '\n';
      std::memset(p_, ' ', 2 * depth_);
      p_ += 2 * depth_;
    }
    *p_++ = c;
    empty_ = false;
  }

  std::string* out_;
  char* p_;    // where the next byte goes
  char* end_;  // end of the room in *out_
  int depth_;
  bool empty_ = false;
  bool after_key_ = false;
};

template <bool kPretty>
void SectionWriter<kPretty>::String(std::string_view s) {
  Room(6 * s.size() + 2);  // every byte escaped as \u00XX, at worst
  Value();
  char* const start = p_;
  char* p = p_;
  *p++ = '"';
  const auto* q = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = q + s.size();
  const auto* run = q;  // start of the bytes not copied yet
  while (q < end) {
    uint64_t w;
    while (end - q >= 8 && (std::memcpy(&w, q, 8), !AnySpecial(w))) q += 8;
    if (q == end) break;
    const uint8_t k = kByteClass[*q];
    if (k == 0) {
      ++q;
    } else if (k == 2) {
      const size_t n = Utf8Length(q, end);
      if (n == 0) {
        // Invalid UTF-8: nlohmann's replacement rules, by nlohmann.
        p_ = start;
        const std::string d =
            json(std::string(s)).dump(-1, ' ', false, kReplace);
        Room(d.size());
        std::memcpy(p_, d.data(), d.size());
        p_ += d.size();
        return;
      }
      q += n;
    } else {
      std::memcpy(p, run, q - run);
      p = WriteEscape(p + (q - run), *q);
      run = ++q;
    }
  }
  std::memcpy(p, run, end - run);
  p += end - run;
  *p++ = '"';
  p_ = p;
}

// The span's "begin", "end" and "text" members.
template <typename W>
void WriteSpanMembers(W& w, const Article& a, Span s) {
  w.Key("begin");
  w.Unsigned(s.begin);
  w.Key("end");
  w.Unsigned(s.end);
  w.Key("text");
  w.String(a.SpanText(s));
}

template <typename W>
void WriteSpan(W& w, const Article& a, Span s) {
  w.BeginObject();
  WriteSpanMembers(w, a, s);
  w.EndObject();
}

template <typename W>
void WriteRef(W& w, const Article& a, const PersonRef& r) {
  w.BeginObject();
  if (r.resolved()) {
    w.Key("name");
    w.String(r.name);
  }
  WriteSpanMembers(w, a, r.span);
  w.Key("via");
  w.String(RefViaName(r.via));
  w.EndObject();
}

template <typename W>
void WriteQuotes(W& w, const Record& record) {
  const Article& a = record.article;
  w.Key("quotes");
  w.BeginArray();
  for (const Quote& q : record.quotes) {
    w.BeginObject();
    w.Key("kind");
    w.String(QuoteKindName(q.kind));
    WriteSpanMembers(w, a, q.span);
    if (!q.cue.empty()) {
      w.Key("cue");
      WriteSpan(w, a, q.cue);
    }
    if (q.speaker) {
      w.Key("speaker");
      WriteRef(w, a, *q.speaker);
    }
    if (q.addressee) {
      w.Key("addressee");
      WriteRef(w, a, *q.addressee);
    }
    w.EndObject();
  }
  w.EndArray();
}

template <typename W>
void WriteEntities(W& w, const Record& record) {
  w.Key("entities");
  w.BeginArray();
  for (const Entity& e : record.entities) {
    w.BeginObject();
    w.Key("name");
    w.String(e.name);
    w.Key("type");
    w.String(EntityTypeName(e.type));
    w.Key("mentions");
    w.BeginArray();
    for (Span s : e.mentions) WriteSpan(w, record.article, s);
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
}

template <typename W>
void WriteFigures(W& w, const Record& record) {
  w.Key("figures");
  w.BeginArray();
  for (const Figure& f : record.figures) {
    w.BeginObject();
    w.Key("kind");
    w.String(FigureKindName(f.kind));
    WriteSpanMembers(w, record.article, f.span);
    if (f.kind == FigureKind::kNumber) {
      w.Key("value");
      w.Double(f.value);
      if (!f.unit.empty()) {
        w.Key("unit");
        w.String(f.unit);
      }
    } else {
      w.Key("date");
      w.String(f.date);
      if (f.relative) {
        w.Key("relative");
        w.True();
      }
    }
    w.EndObject();
  }
  w.EndArray();
}

// Appends the quotes, entities and figures members to the open record
// object in `out`.
template <bool kPretty>
void WriteSections(const Record& record, std::string* out) {
  if (record.quotes.empty() && record.entities.empty() &&
      record.figures.empty()) {
    return;
  }
  // A little more than the average record of the quote evaluation's sets
  // needs (260 bytes a quote, 175 an entity, 96 a figure, compact).
  const size_t expect = (kPretty ? 3 : 1) * (320 * record.quotes.size() +
                                             224 * record.entities.size() +
                                             128 * record.figures.size());
  SectionWriter<kPretty> w(out, 1, expect);
  if (!record.quotes.empty()) WriteQuotes(w, record);
  if (!record.entities.empty()) WriteEntities(w, record);
  if (!record.figures.empty()) WriteFigures(w, record);
  w.Finish();
}

}  // namespace

std::string RecordToJson(const Record& record, const JsonOptions& options) {
  const int indent = options.pretty ? 2 : -1;
  // Text is valid UTF-8 by construction; replace rather than throw if a bug
  // ever breaks that.
  std::string out = HeadJson(record.article).dump(indent, ' ', false, kReplace);
  // Reopen the head object (never empty: it has "format", "text" and
  // "blocks"): drop its "}", and in pretty form the line break before it.
  out.resize(out.size() - (options.pretty ? 2 : 1));
  if (options.pretty) {
    WriteSections<true>(record, &out);
  } else {
    WriteSections<false>(record, &out);
  }
  json tail = TailJson(record);
  if (tail.empty()) {
    out.append(options.pretty ? "\n}" : "}");
  } else {
    // The tail object's members, after a comma, and its closing brace.
    const std::string t = tail.dump(indent, ' ', false, kReplace);
    out.push_back(',');
    out.append(t, 1);
  }
  return out;
}

}  // namespace newstrace
