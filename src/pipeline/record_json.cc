// RecordToJson: the JSON contract of docs/format/record.md, written with
// nlohmann-json.
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
