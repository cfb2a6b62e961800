// RecordToJson: the JSON contract of docs/format/record.md, written with
// nlohmann-json.
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "newstrace/pipeline.h"

namespace newstrace {
namespace {

using json = nlohmann::ordered_json;

json SpanJson(const Article& a, Span s) {
  json j;
  j["begin"] = s.begin;
  j["end"] = s.end;
  j["text"] = std::string(a.SpanText(s));
  return j;
}

json RefJson(const Article& a, const PersonRef& r) {
  json j;
  if (r.resolved()) j["name"] = r.name;
  json span = SpanJson(a, r.span);  // items() must not outlive it
  for (auto& [k, v] : span.items()) j[k] = v;
  j["via"] = std::string(RefViaName(r.via));
  return j;
}

json QuotesJson(const Record& record) {
  const Article& a = record.article;
  json out = json::array();
  for (const Quote& q : record.quotes) {
    json j;
    j["kind"] = std::string(QuoteKindName(q.kind));
    json span = SpanJson(a, q.span);
    for (auto& [k, v] : span.items()) j[k] = v;
    if (!q.cue.empty()) j["cue"] = SpanJson(a, q.cue);
    if (q.speaker) j["speaker"] = RefJson(a, *q.speaker);
    if (q.addressee) j["addressee"] = RefJson(a, *q.addressee);
    out.push_back(std::move(j));
  }
  return out;
}

json EntitiesJson(const Record& record) {
  json out = json::array();
  for (const Entity& e : record.entities) {
    json j;
    j["name"] = e.name;
    j["type"] = std::string(EntityTypeName(e.type));
    json mentions = json::array();
    for (Span s : e.mentions) mentions.push_back(SpanJson(record.article, s));
    j["mentions"] = std::move(mentions);
    out.push_back(std::move(j));
  }
  return out;
}

json FiguresJson(const Record& record) {
  json out = json::array();
  for (const Figure& f : record.figures) {
    json j;
    j["kind"] = std::string(FigureKindName(f.kind));
    json span = SpanJson(record.article, f.span);
    for (auto& [k, v] : span.items()) j[k] = v;
    if (f.kind == FigureKind::kNumber) {
      j["value"] = f.value;
      if (!f.unit.empty()) j["unit"] = f.unit;
    } else {
      j["date"] = f.date;
      if (f.relative) j["relative"] = true;
    }
    out.push_back(std::move(j));
  }
  return out;
}

// {"name": value, ...} in catalogue order; whole values as integers.
json SignalsJson(const Record& record) {
  json out = json::object();
  for (const Signal& s : record.signals) {
    const std::string name(s.name);
    if (std::isfinite(s.value) && s.value == std::trunc(s.value) &&
        std::fabs(s.value) < 1e15) {
      out[name] = static_cast<int64_t>(s.value);
    } else {
      out[name] = s.value;
    }
  }
  return out;
}

}  // namespace

std::string RecordToJson(const Record& record, const JsonOptions& options) {
  const Article& a = record.article;
  json j;
  if (!a.id.empty()) j["id"] = a.id;
  if (!a.source.url.empty()) j["url"] = a.source.url;
  if (!a.source.domain.empty()) j["domain"] = a.source.domain;
  j["format"] = std::string(FormatName(a.format));
  if (!a.title.empty()) j["title"] = a.title;
  if (!a.authors.empty()) j["authors"] = a.authors;
  if (!a.published.empty()) j["published"] = a.published;
  if (!a.language.empty()) j["language"] = a.language;
  if (!a.source.label.empty()) j["label"] = a.source.label;
  if (!a.source.fetched.empty()) j["fetched"] = a.source.fetched;
  j["text"] = a.text;
  json blocks = json::array();
  for (const Block& b : a.blocks) {
    json jb;
    jb["kind"] = std::string(BlockKindName(b.kind));
    json span = SpanJson(a, b.span);
    for (auto& [k, v] : span.items()) jb[k] = v;
    if (!b.credit.empty()) jb["credit"] = b.credit;
    blocks.push_back(std::move(jb));
  }
  j["blocks"] = std::move(blocks);
  if (!record.quotes.empty()) j["quotes"] = QuotesJson(record);
  if (!record.entities.empty()) j["entities"] = EntitiesJson(record);
  if (!record.figures.empty()) j["figures"] = FiguresJson(record);
  if (!record.signals.empty()) j["signals"] = SignalsJson(record);
  json diags = json::array();
  for (const Diagnostic& d : a.diagnostics) {
    diags.push_back({{"code", d.code}, {"message", d.message}});
  }
  if (!diags.empty()) j["diagnostics"] = std::move(diags);
  // Text is valid UTF-8 by construction; replace rather than throw if a bug
  // ever breaks that.
  return j.dump(options.pretty ? 2 : -1, ' ', false,
                json::error_handler_t::replace);
}

}  // namespace newstrace
