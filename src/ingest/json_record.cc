#include "ingest/json_record.h"

#include <charconv>
#include <cmath>
#include <vector>

#include "base/strings.h"
#include "ingest/field_map.h"

namespace newstrace::ingest {
namespace {

namespace dom = simdjson::dom;

std::string NumberText(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
    return std::to_string(static_cast<int64_t>(d));
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

std::string ScalarText(dom::element v) {
  switch (v.type()) {
    case dom::element_type::STRING:
      return std::string(v.get_string().value_unsafe());
    case dom::element_type::INT64:
      return std::to_string(v.get_int64().value_unsafe());
    case dom::element_type::UINT64:
      return std::to_string(v.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE:
      return NumberText(v.get_double().value_unsafe());
    case dom::element_type::BOOL:
      return v.get_bool().value_unsafe() ? "true" : "false";
    default:
      return {};
  }
}

// The "$date" member of a MongoDB-style date object, or a null element.
bool DateMember(dom::element v, dom::element* out) {
  dom::object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return false;
  return o.at_key("$date").get(*out) == simdjson::SUCCESS;
}

std::string PublishedText(dom::element v) {
  dom::element inner;
  if (DateMember(v, &inner)) v = inner;
  // {"$date": {"$numberLong": "1474272304000"}}
  dom::object o;
  if (v.get_object().get(o) == simdjson::SUCCESS) {
    std::string_view s;
    if (o.at_key("$numberLong").get_string().get(s) == simdjson::SUCCESS) {
      double d = 0;
      auto r = std::from_chars(s.data(), s.data() + s.size(), d);
      if (r.ec == std::errc()) return EpochToIsoDate(d).value_or("");
    }
    return {};
  }
  double d;
  if (v.is_number() && v.get_double().get(d) == simdjson::SUCCESS) {
    return EpochToIsoDate(d).value_or("");
  }
  return ScalarText(v);
}

std::vector<std::string> AuthorsOf(dom::element v) {
  dom::array arr;
  if (v.get_array().get(arr) != simdjson::SUCCESS) {
    return SplitAuthors(JsonValueText(v, ", "));
  }
  std::vector<std::string> out;
  for (dom::element item : arr) {
    std::string name;
    dom::object o;
    if (item.get_object().get(o) == simdjson::SUCCESS) {
      dom::element n;
      if (o.at_key("name").get(n) == simdjson::SUCCESS) name = ScalarText(n);
    } else {
      name = ScalarText(item);
    }
    std::string_view trimmed = base::Trim(name);
    if (!trimmed.empty()) out.emplace_back(trimmed);
  }
  return out;
}

}  // namespace

std::string JsonValueText(dom::element value, std::string_view separator) {
  dom::array arr;
  if (value.get_array().get(arr) == simdjson::SUCCESS) {
    std::string out;
    for (dom::element item : arr) {
      std::string s = ScalarText(item);
      if (s.empty()) continue;
      if (!out.empty()) out += separator;
      out += s;
    }
    return out;
  }
  dom::element inner;
  if (DateMember(value, &inner)) return ScalarText(inner);
  return ScalarText(value);
}

bool JsonObjectToDocument(dom::object object, const FieldMap& fields,
                          std::string_view default_label, RawDoc* doc) {
  std::vector<std::string_view> keys;
  std::vector<dom::element> values;
  for (dom::key_value_pair kv : object) {
    keys.push_back(kv.key);
    values.push_back(kv.value);
  }
  // The first candidate whose value has non-blank text.
  auto pick = [&](const std::vector<std::string>& names,
                  auto text_of) -> std::string {
    for (size_t i : CandidateIndices(keys, names)) {
      std::string s = text_of(values[i]);
      if (!base::Trim(s).empty()) return s;
    }
    return {};
  };
  auto text = [](dom::element e) { return JsonValueText(e, ", "); };
  auto paragraphs = [](dom::element e) { return JsonValueText(e, "\n\n"); };
  RecordValues v;
  v.text = pick(fields.text, paragraphs);
  if (base::Trim(v.text).empty()) v.html = pick(fields.html, paragraphs);
  v.title = pick(fields.title, text);
  v.url = pick(fields.url, text);
  v.published = pick(fields.published, PublishedText);
  v.domain = pick(fields.domain, text);
  v.label = pick(fields.label, text);
  v.fetched = pick(fields.fetched, text);
  for (size_t i : CandidateIndices(keys, fields.authors)) {
    v.authors = AuthorsOf(values[i]);
    if (!v.authors.empty()) break;
  }
  return BuildRecordDocument(std::move(v), default_label, doc,
                             fields.title_as_text);
}

}  // namespace newstrace::ingest
