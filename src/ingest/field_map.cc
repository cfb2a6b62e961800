// FieldMap::Apply (reader.h) and the record-to-document mapping shared by
// the structured readers.
#include "ingest/field_map.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

#include "base/strings.h"
#include "base/url.h"

namespace newstrace {

Status FieldMap::Apply(std::string_view spec) {
  struct Target {
    std::string_view name;
    std::vector<std::string>* names;
  };
  const Target targets[] = {
      {"text", &text},       {"html", &html},           {"title", &title},
      {"url", &url},         {"published", &published}, {"domain", &domain},
      {"authors", &authors}, {"label", &label},         {"fetched", &fetched},
  };
  for (std::string_view pair : base::Split(spec, ',')) {
    pair = base::Trim(pair);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view target =
        eq == std::string_view::npos ? "" : base::Trim(pair.substr(0, eq));
    std::string_view name =
        eq == std::string_view::npos ? "" : base::Trim(pair.substr(eq + 1));
    if (target.empty() || name.empty()) {
      return Status::InvalidArgument("field spec \"" + std::string(pair) +
                                     "\": expected target=name");
    }
    bool found = false;
    for (const Target& t : targets) {
      if (base::EqualsIgnoreCase(t.name, target)) {
        *t.names = {std::string(name)};
        found = true;
        break;
      }
    }
    if (!found) {
      return Status::InvalidArgument(
          "field spec: unknown target \"" + std::string(target) +
          "\" (known: text, html, title, url, published, domain, authors, "
          "label, fetched)");
    }
  }
  return Status::Ok();
}

namespace ingest {

std::vector<size_t> CandidateIndices(const std::vector<std::string_view>& keys,
                                     const std::vector<std::string>& names) {
  std::vector<size_t> out;
  for (const std::string& name : names) {
    for (size_t i = 0; i < keys.size(); ++i) {
      if (keys[i].size() >= name.size() &&
          base::EqualsIgnoreCase(base::Trim(keys[i]), name)) {
        out.push_back(i);
      }
    }
  }
  return out;
}

namespace {

bool IsBlank(std::string_view s) { return base::Trim(s).empty(); }

std::string TrimmedCopy(std::string_view s) {
  return std::string(base::Trim(s));
}

}  // namespace

bool BuildRecordDocument(RecordValues values, std::string_view default_label,
                         RawDoc* doc, bool title_as_text) {
  if (title_as_text && IsBlank(values.text) && IsBlank(values.html) &&
      !IsBlank(values.title)) {
    values.text = values.title;
  }
  if (!IsBlank(values.text)) {
    doc->bytes = std::move(values.text);
    doc->format = Format::kText;
  } else if (!IsBlank(values.html)) {
    doc->bytes = std::move(values.html);
    doc->format = Format::kHtml;
  } else {
    return false;
  }
  doc->charset = "utf-8";
  Source& s = doc->source;
  s = Source();
  s.url = TrimmedCopy(values.url);
  s.title = TrimmedCopy(values.title);
  s.published = TrimmedCopy(values.published);
  s.fetched = TrimmedCopy(values.fetched);
  std::string_view domain = base::Trim(values.domain);
  if (base::StartsWithIgnoreCase(domain, "http://") ||
      base::StartsWithIgnoreCase(domain, "https://")) {
    s.domain = base::UrlDomain(domain);
  } else {
    s.domain = std::string(domain);
  }
  std::string_view label = base::Trim(values.label);
  s.label = std::string(label.empty() ? default_label : label);
  s.authors = std::move(values.authors);
  return true;
}

std::vector<std::string> SplitAuthors(std::string_view s) {
  std::vector<std::string> out;
  auto add = [&out](std::string_view piece) {
    piece = base::Trim(piece);
    if (!piece.empty()) out.emplace_back(piece);
  };
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',' || s[i] == ';') {
      std::string_view piece = s.substr(start, i - start);
      // "A and B" inside one piece: split on the word "and".
      size_t from = 0;
      while (true) {
        size_t at = piece.find(" and ", from);
        if (at == std::string_view::npos) break;
        add(piece.substr(from, at - from));
        from = at + 5;
      }
      std::string_view rest = piece.substr(from);
      if (base::StartsWith(base::Trim(rest), "and ")) {
        rest = base::Trim(rest).substr(4);  // ", and C"
      }
      add(rest);
      start = i + 1;
    }
  }
  return out;
}

std::optional<std::string> EpochToIsoDate(double value) {
  if (!std::isfinite(value) || value < 0) return std::nullopt;
  // Seconds up to 2100 are below 4.2e9; larger values are milliseconds.
  constexpr double kMaxSeconds = 4102444800.0;  // 2100-01-01
  double seconds = value > kMaxSeconds ? value / 1000.0 : value;
  if (seconds >= kMaxSeconds) return std::nullopt;
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(
      std::chrono::seconds(static_cast<int64_t>(seconds))));
  std::chrono::year_month_day ymd(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return std::string(buf);
}

}  // namespace ingest
}  // namespace newstrace
