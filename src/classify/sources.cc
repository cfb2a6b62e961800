// Source lists: CSV and JSON readers and the domain table (classify.h).
//
// Design note. Both readers turn a file into SourceRows (raw domain cell,
// label cells, note, line); one builder then normalizes the domains with
// SourceDomain(), checks them, merges repeated domains and indexes them.
// Lookups try the host and then each parent domain with at least one dot,
// nearest first, so a listed "example.co.uk" covers "news.example.co.uk"
// but a listed "co.uk" is needed to cover every ".co.uk" site. Input is
// checked before parsing (UTF-8, no NUL bytes, not empty) so each parser
// only meets text; every failure names the file and a line.
#include "classify/sources.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "base/file_io.h"
#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace {
namespace classify {
namespace {

std::string Where(std::string_view name, size_t line) {
  return std::string(name) + ":" + std::to_string(line) + ": ";
}

// A short printable excerpt of `s` for messages.
std::string Excerpt(std::string_view s) {
  std::string out = base::CollapseWhitespace(s.substr(0, 60));
  if (s.size() > 60) out += "...";
  return out;
}

// Reads the CSV record at text[*pos] into `cells`, advancing *pos past its
// line break and *line past the lines it spans.
Status NextCsvRecord(std::string_view text, std::string_view name,
                     size_t max_bytes, size_t* pos, size_t* line,
                     std::vector<std::string>* cells) {
  cells->clear();
  const size_t start = *pos;
  const size_t start_line = *line;
  std::string cell;
  bool in_quotes = false, was_quoted = false;
  size_t quote_line = 0;
  size_t i = *pos;
  while (i < text.size()) {
    if (i - start > max_bytes) {
      return Status::ResourceExhausted(Where(name, start_line) +
                                       "a row longer than " +
                                       std::to_string(max_bytes) + " bytes");
    }
    const char c = text[i];
    if (in_quotes) {
      if (c != '"') {
        if (c == '\n') ++*line;
        cell += c;
        ++i;
        continue;
      }
      if (i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        i += 2;
        continue;
      }
      in_quotes = false;
      ++i;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      if (i < text.size() && text[i] != ',' && text[i] != '\n' &&
          text[i] != '\r') {
        return Status::Corruption(Where(name, *line) +
                                  "text after the closing quote of a field");
      }
      continue;
    }
    if (c == '"' && !was_quoted && base::Trim(cell).empty()) {
      in_quotes = was_quoted = true;
      quote_line = *line;
      cell.clear();
      ++i;
    } else if (c == ',') {
      cells->push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
      ++i;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++*line;
      break;
    } else {
      cell += c;
      ++i;
    }
  }
  if (in_quotes) {
    return Status::Corruption(Where(name, quote_line) +
                              "a quoted field is not closed");
  }
  cells->push_back(std::move(cell));
  *pos = i;
  return Status::Ok();
}

bool IsLabelKey(std::string_view k) {
  return k == "label" || k == "labels" || k == "type" || k == "2nd type" ||
         k == "3rd type";
}
bool IsNoteKey(std::string_view k) {
  return k == "note" || k == "notes" || base::StartsWith(k, "source notes");
}
bool IsDomainKey(std::string_view k) {
  return k == "domain" || k == "site" || k == "source" || k == "url" ||
         k == "host";
}
std::string Key(std::string_view k) {
  return base::AsciiLower(base::CollapseWhitespace(k));
}

// The line of the first problem a simple scan of `text` finds: nesting past
// `max_depth`, a mismatched bracket, a control character in a string, a
// stray character, or the end inside a string or a bracket (the last line).
size_t JsonProblemLine(std::string_view text, size_t max_depth) {
  std::vector<char> stack;
  size_t line = 1;
  bool in_string = false, seen_root = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        return line - (c == '\n');
      }
      continue;
    }
    const unsigned char u = static_cast<unsigned char>(c);
    if (seen_root && stack.empty() && !std::isspace(u)) return line;
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '{':
      case '[':
        stack.push_back(c == '{' ? '}' : ']');
        if (stack.size() > max_depth) return line;
        break;
      case '}':
      case ']':
        if (stack.empty() || stack.back() != c) return line;
        stack.pop_back();
        if (stack.empty()) seen_root = true;
        break;
      default:
        if (!std::isspace(u) && !std::isalnum(u) && !std::strchr(":,-+.", c)) {
          return line;
        }
    }
  }
  return line;
}

// Reads a label or note value: a string, a number or boolean as written
// (OpenSources has a note 0), or null (nothing). Fails for anything else.
Status AddLabel(simdjson::dom::element v, std::string_view where,
                std::string_view key, std::vector<std::string>* labels) {
  std::string_view s;
  if (v.is_null()) return Status::Ok();
  if (v.get_string().get(s) == simdjson::SUCCESS) {
    labels->emplace_back(s);
  } else if (v.is_number() || v.is_bool()) {
    labels->push_back(simdjson::minify(v));
  } else {
    return Status::Corruption(std::string(where) + "\"" + std::string(key) +
                              "\" is not a string");
  }
  return Status::Ok();
}

Status AddLabels(simdjson::dom::element v, std::string_view where,
                 std::string_view key, std::vector<std::string>* labels) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) {
    return AddLabel(v, where, key, labels);
  }
  for (simdjson::dom::element e : a) {
    NT_RETURN_IF_ERROR(AddLabel(e, where, key, labels));
  }
  return Status::Ok();
}

bool ValidDomainChar(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c >= 0x80;
}

Result<SourceList::Impl> Build(std::vector<SourceRow> rows,
                               std::string_view name) {
  SourceList::Impl t;
  t.name = std::string(name);
  for (SourceRow& row : rows) {
    std::string domain = SourceDomain(row.domain);
    if (domain.empty() ||
        !std::all_of(domain.begin(), domain.end(), [](char c) {
          return ValidDomainChar(static_cast<unsigned char>(c));
        })) {
      return Status::Corruption(Where(name, row.line) + "not a domain: \"" +
                                Excerpt(row.domain) + "\"");
    }
    auto [it, added] = t.index.emplace(domain, t.entries.size());
    if (added) t.entries.push_back(SourceEntry{domain, {}, ""});
    SourceEntry& e = t.entries[it->second];
    for (const std::string& raw : row.labels) {
      std::string label = Key(raw);
      if (!label.empty() && std::find(e.labels.begin(), e.labels.end(),
                                      label) == e.labels.end()) {
        e.labels.push_back(std::move(label));
      }
    }
    std::string note = base::CollapseWhitespace(row.note);
    if (!note.empty() && e.note.find(note) == std::string::npos) {
      e.note += (e.note.empty() ? "" : "; ") + note;
    }
  }
  if (t.entries.empty()) {
    return Status::Corruption(std::string(name) + ": no domains listed");
  }
  return t;
}

}  // namespace

size_t LineAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + std::count(text.begin(), text.begin() + offset, '\n');
}

Result<std::vector<SourceRow>> ParseSourcesCsv(
    std::string_view text, std::string_view name,
    const SourceListOptions& options) {
  size_t pos = 0, line = 1;
  std::vector<std::string> cells;
  NT_RETURN_IF_ERROR(
      NextCsvRecord(text, name, options.max_record_bytes, &pos, &line, &cells));
  int domain_col = -1, note_col = -1;
  std::vector<size_t> label_cols;
  for (size_t c = 0; c < cells.size(); ++c) {
    std::string k = Key(cells[c]);
    if (domain_col < 0 && (IsDomainKey(k) || (c == 0 && k.empty()))) {
      domain_col = static_cast<int>(c);
    } else if (IsLabelKey(k)) {
      label_cols.push_back(c);
    } else if (note_col < 0 && IsNoteKey(k)) {
      note_col = static_cast<int>(c);
    }
  }
  if (domain_col < 0 || label_cols.empty()) {
    return Status::Corruption(
        Where(name, 1) +
        "the header names no domain and label columns (want "
        "\"domain,label[,note]\" or the OpenSources header)");
  }
  std::vector<SourceRow> rows;
  while (pos < text.size()) {
    const size_t row_line = line;
    NT_RETURN_IF_ERROR(NextCsvRecord(text, name, options.max_record_bytes, &pos,
                                     &line, &cells));
    if (std::all_of(cells.begin(), cells.end(), [](const std::string& s) {
          return base::Trim(s).empty();
        })) {
      continue;
    }
    auto cell = [&cells](int c) -> std::string {
      return c >= 0 && static_cast<size_t>(c) < cells.size() ? cells[c] : "";
    };
    SourceRow row;
    row.line = row_line;
    row.domain = cell(domain_col);
    for (size_t c : label_cols) row.labels.push_back(cell(c));
    row.note = cell(note_col);
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<SourceRow>> ParseSourcesJson(
    std::string_view text, std::string_view name,
    const SourceListOptions& options) {
  simdjson::dom::parser parser;
  if (parser.allocate(text.size(), options.max_depth) != simdjson::SUCCESS) {
    return Status::ResourceExhausted(std::string(name) +
                                     ": no memory to parse it");
  }
  simdjson::padded_string padded(text.data(), text.size());
  simdjson::dom::element root;
  simdjson::error_code err = parser.parse(padded).get(root);
  if (err == simdjson::DEPTH_ERROR) {
    return Status::ResourceExhausted(
        Where(name, JsonProblemLine(text, options.max_depth)) +
        "nested deeper than " + std::to_string(options.max_depth) + " levels");
  }
  if (err != simdjson::SUCCESS) {
    return Status::Corruption(
        Where(name, JsonProblemLine(text, options.max_depth)) +
        "not valid JSON (" + simdjson::error_message(err) + ")");
  }
  simdjson::dom::object top;
  if (root.get_object().get(top) != simdjson::SUCCESS) {
    return Status::Corruption(Where(name, 1) +
                              "want an object of domain -> label(s)");
  }
  std::vector<SourceRow> rows;
  size_t cursor = 0;  // where the previous key was found in `text`
  for (auto [key, value] : top) {
    // The key's line: its next quoted occurrence (keys come in file order).
    size_t at = text.find("\"" + std::string(key) + "\"", cursor);
    if (at != std::string_view::npos) cursor = at + 1;
    SourceRow row;
    row.line = LineAt(text, cursor);
    row.domain = std::string(key);
    const std::string where =
        Where(name, row.line) + "\"" + Excerpt(key) + "\": ";
    simdjson::dom::object fields;
    if (value.get_object().get(fields) == simdjson::SUCCESS) {
      for (auto [k, v] : fields) {
        std::string field = Key(k);
        if (field == "labels" || IsLabelKey(field)) {
          NT_RETURN_IF_ERROR(AddLabels(v, where, k, &row.labels));
        } else if (IsNoteKey(field)) {
          std::vector<std::string> notes;
          NT_RETURN_IF_ERROR(AddLabel(v, where, k, &notes));
          if (!notes.empty()) row.note = notes[0];
        }
      }
    } else if (value.is_string() || value.is_array()) {
      NT_RETURN_IF_ERROR(AddLabels(value, where, "label", &row.labels));
    } else {
      return Status::Corruption(
          where + "want a label, a list of labels or an object of fields");
    }
    size_t bytes = row.note.size();
    for (const std::string& l : row.labels) bytes += l.size();
    if (bytes > options.max_record_bytes) {
      return Status::ResourceExhausted(
          where + "an entry longer than " +
          std::to_string(options.max_record_bytes) + " bytes");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace classify

std::string SourceDomain(std::string_view s) {
  s = base::Trim(s);
  size_t scheme = s.find("://");
  if (scheme != std::string_view::npos &&
      std::all_of(s.begin(), s.begin() + scheme, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' ||
               c == '-' || c == '.';
      })) {
    s.remove_prefix(scheme + 3);
  } else if (base::StartsWith(s, "//")) {
    s.remove_prefix(2);
  }
  s = s.substr(0, s.find_first_of("/?#"));
  size_t at = s.rfind('@');
  if (at != std::string_view::npos) s.remove_prefix(at + 1);
  if (base::StartsWith(s, "[")) {  // an IPv6 literal
    s = s.substr(0, s.find(']') + 1);
  } else {
    s = s.substr(0, s.find(':'));
  }
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!out.empty() && out.back() == '.') out.pop_back();
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  if (base::StartsWith(out, "www.") && out.size() > 4) out.erase(0, 4);
  return out;
}

SourceList::SourceList(std::shared_ptr<const Impl> impl)
    : impl_(std::move(impl)) {}

Result<SourceList> SourceList::Load(const std::string& path,
                                    const SourceListOptions& options) {
  NT_ASSIGN_OR_RETURN(std::string bytes,
                      base::ReadFile(path, options.max_bytes));
  return FromBytes(bytes, path, options);
}

Result<SourceList> SourceList::FromBytes(std::string_view text,
                                         std::string_view name,
                                         const SourceListOptions& options) {
  if (text.size() > options.max_bytes) {
    return Status::ResourceExhausted(std::string(name) + ": larger than " +
                                     std::to_string(options.max_bytes) +
                                     " bytes");
  }
  if (base::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  if (base::Trim(text).empty()) {
    return Status::Corruption(std::string(name) + ": empty file");
  }
  if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
    return Status::Corruption(
        classify::Where(name, classify::LineAt(text, nul)) +
        "binary data (a NUL byte), not a source list");
  }
  if (!base::IsValidUtf8(text)) {
    size_t line = 1;
    for (std::string_view l : base::Split(text, '\n')) {
      if (!base::IsValidUtf8(l)) break;
      ++line;
    }
    return Status::Corruption(classify::Where(name, line) + "not UTF-8 text");
  }
  const std::string lower = base::AsciiLower(name);
  bool json;
  if (base::EndsWith(lower, ".json")) {
    json = true;
  } else if (base::EndsWith(lower, ".csv")) {
    json = false;
  } else {
    std::string_view t = base::Trim(text);
    json = !t.empty() && (t[0] == '{' || t[0] == '[');
  }
  Result<std::vector<classify::SourceRow>> rows =
      json ? classify::ParseSourcesJson(text, name, options)
           : classify::ParseSourcesCsv(text, name, options);
  if (!rows.ok()) return rows.status();
  NT_ASSIGN_OR_RETURN(Impl table,
                      classify::Build(std::move(rows).value(), name));
  return SourceList(std::make_shared<const Impl>(std::move(table)));
}

const SourceEntry* SourceList::Find(std::string_view domain_or_url) const {
  std::string host = SourceDomain(domain_or_url);
  std::string_view h = host;
  bool first = true;
  while (!h.empty()) {
    if (!first && h.find('.') == std::string_view::npos) break;
    auto it = impl_->index.find(std::string(h));
    if (it != impl_->index.end()) return &impl_->entries[it->second];
    size_t dot = h.find('.');
    if (dot == std::string_view::npos) break;
    h.remove_prefix(dot + 1);
    first = false;
  }
  return nullptr;
}

const std::vector<SourceEntry>& SourceList::entries() const {
  return impl_->entries;
}

const std::string& SourceList::name() const { return impl_->name; }

}  // namespace newstrace
