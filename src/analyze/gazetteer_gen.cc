// gazetteer_gen: builds the gazetteer's tables (gazetteer_tables.inc, which
// gazetteer.cc includes) at build time. A host tool, not part of the library.
//
//   gazetteer_gen --iso-dir DIR --data-dir DIR --out FILE
//
// Inputs: DIR/iso_3166-1.json and DIR/iso_3166-2.json from Debian's
// iso-codes package, and the text files of src/analyze/data (formats in
// data/README.md). Output: sorted constexpr arrays.
//
// Design note. Names (LookupName's keys) come from four sources, in priority
// order: countries (every ISO 3166-1 form plus country_aliases.tsv),
// organizations.tsv, places.tsv (cities and regions), and ISO 3166-2
// subdivisions. A key two curated sources give different meanings is an
// error (fix the data); a subdivision never overrides a curated key, and a
// subdivision whose words are all common English words (subdivision_stop.txt)
// or that is a given name ("Victoria", "Paul") is left out, so that
// "Central" or "Mary" never reads as a place. ISO names written inverted
// ("Iran, Islamic Republic of") are turned around ("Islamic Republic of
// Iran") when that reads as English and dropped otherwise; parentheticals
// ("Holy See (Vatican City State)") are dropped. A country's canonical name
// is an alias marked `canonical`, else common_name, else name.
//
// Errors (unreadable input, malformed line, conflicting keys) go to stderr
// with file and line, and the exit code is 1; the build then fails.
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace {

bool g_failed = false;

void Error(const std::string& where, const std::string& what) {
  std::fprintf(stderr, "gazetteer_gen: %s: %s\n", where.c_str(), what.c_str());
  g_failed = true;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(sep, start);
    out.push_back(Trim(s.substr(start, pos - start)));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

// One data line: its fields and where it came from.
struct Line {
  std::string where;  // "file:line"
  std::vector<std::string> fields;
};

// The non-empty, non-comment lines of a data file, split at tabs.
std::vector<Line> ReadData(const std::string& dir, const std::string& name) {
  std::vector<Line> lines;
  std::ifstream in(dir + "/" + name);
  if (!in) {
    Error(dir + "/" + name, "cannot read");
    return lines;
  }
  std::string text;
  int number = 0;
  while (std::getline(in, text)) {
    ++number;
    const std::string trimmed = Trim(text);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    Line line{name + ":" + std::to_string(number), Split(trimmed, '\t')};
    std::erase(line.fields, std::string());  // tolerate runs of tabs
    lines.push_back(std::move(line));
  }
  return lines;
}

// A key must be non-empty, single-spaced, with no tab, quote or backslash.
bool ValidKey(std::string_view key) {
  if (key.empty() || key.front() == ' ' || key.back() == ' ') return false;
  if (key.find("  ") != std::string_view::npos) return false;
  return key.find_first_of("\t\"\\") == std::string_view::npos;
}

size_t WordCount(std::string_view key) {
  return 1 + std::count(key.begin(), key.end(), ' ');
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// True when every code point of `s` is a letter of the Latin script (ASCII
// or the Latin-1, Extended-A/B and Extended Additional blocks) or one of
// space, hyphen, period and ASCII apostrophe. Combining marks and other
// scripts fail.
bool IsLatinText(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = s[i];
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c, len = 1;
    } else if ((c & 0xE0) == 0xC0) {
      cp = c & 0x1F, len = 2;
    } else if ((c & 0xF0) == 0xE0) {
      cp = c & 0x0F, len = 3;
    } else {
      return false;  // 4-byte sequences are never Latin letters
    }
    if (i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      const unsigned char cc = s[i + k];
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    i += len;
    const bool ok = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
                    cp == ' ' || cp == '-' || cp == '.' || cp == '\'' ||
                    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
                    (cp >= 0x1E00 && cp <= 0x1EFF);
    if (!ok) return false;
  }
  return true;
}

// "Holy See (Vatican City State)" -> "Holy See"; also drops "[...]".
std::string DropParentheticals(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (depth > 0) --depth;
    } else if (depth == 0) {
      out += c;
    }
  }
  std::string collapsed;
  for (char c : Trim(out)) {
    if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
    collapsed += c;
  }
  return collapsed;
}

std::string DropLeadingThe(std::string s) {
  if (s.starts_with("the ") || s.starts_with("The ")) s.erase(0, 4);
  return s;
}

// An ISO 3166-1 name as a key: parentheticals and a leading "the" dropped,
// an inverted name turned around ("Korea, Republic of" -> "Republic of
// Korea", "Virgin Islands, British" -> "British Virgin Islands") or, when it
// cannot be ("Taiwan, Province of China"), "" (no key). A comma before a list
// ("Bonaire, Sint Eustatius and Saba") is not an inversion.
std::string CountryKey(std::string_view raw) {
  std::string s = DropLeadingThe(DropParentheticals(raw));
  const size_t comma = s.find(", ");
  if (comma == std::string::npos) return s;
  const std::string head = s.substr(0, comma);
  const std::string tail = s.substr(comma + 2);
  if (tail.find(" and ") != std::string::npos) return s;
  const bool of_phrase = tail.ends_with(" of") || tail.ends_with(" of the");
  if (!of_phrase && WordCount(tail) != 1) return "";
  return DropLeadingThe(tail + " " + head);
}

// The names table under construction.
class Names {
 public:
  enum Source { kCountry, kOrganization, kPlace, kSubdivision };

  // Adds `key` for (canonical, type). A conflict between curated sources is
  // an error; a subdivision yields to a curated key, silently.
  void Add(const std::string& key, const std::string& canonical,
           const std::string& type, Source source, const std::string& where) {
    if (!ValidKey(key) || !ValidKey(canonical)) {
      Error(where, "bad name \"" + key + "\" / \"" + canonical + "\"");
      return;
    }
    auto it = keys_.find(key);
    if (it == keys_.end()) {
      keys_.emplace(key, Key{EntryIndex(canonical, type), source, where});
      return;
    }
    const auto& [old_name, old_type] = entries_[it->second.entry];
    if (old_name == canonical && old_type == type) return;
    if (source == kSubdivision) return;  // a curated key wins
    if (it->second.source == kSubdivision) {
      it->second = Key{EntryIndex(canonical, type), source, where};
      return;
    }
    Error(where, "\"" + key + "\" already names \"" + old_name + "\" (" +
                     it->second.where + ")");
  }

  // The canonical name of `key`'s entry; "" when unknown.
  std::string CanonicalOf(const std::string& key) const {
    auto it = keys_.find(key);
    return it == keys_.end() ? "" : entries_[it->second.entry].first;
  }

  void Emit(std::ostream& out) const;

 private:
  struct Key {
    size_t entry;
    Source source;
    std::string where;
  };

  size_t EntryIndex(const std::string& canonical, const std::string& type) {
    auto [it, inserted] =
        entry_index_.try_emplace({canonical, type}, entries_.size());
    if (inserted) entries_.emplace_back(canonical, type);
    return it->second;
  }

  std::vector<std::pair<std::string, std::string>> entries_;  // (name, type)
  std::map<std::pair<std::string, std::string>, size_t> entry_index_;
  std::map<std::string, Key> keys_;  // sorted by byte order
};

void Names::Emit(std::ostream& out) const {
  out << "constexpr GazetteerEntry kEntries[] = {\n";
  for (const auto& [name, type] : entries_) {
    out << "    {\"" << name << "\", EntityType::" << type << "},\n";
  }
  out << "};\n\nconstexpr NameKey kNameKeys[] = {\n";
  size_t max_words = 0;
  for (const auto& [key, k] : keys_) {
    out << "    {\"" << key << "\", " << k.entry << "},\n";
    max_words = std::max(max_words, WordCount(key));
  }
  out << "};\n\nconstexpr size_t kMaxNameWords = " << max_words << ";\n\n";
}

// One Gender enumerator from a data field: m, f or u.
std::string GenderOf(const Line& line, const std::string& field) {
  if (field == "m") return "Gender::kMale";
  if (field == "f") return "Gender::kFemale";
  if (field == "u") return "Gender::kUnknown";
  Error(line.where, "gender must be m, f or u, not \"" + field + "\"");
  return "Gender::kUnknown";
}

// key -> gender from a two-field file; duplicate keys must agree.
std::map<std::string, std::string> ReadGenders(const std::string& dir,
                                               const std::string& name) {
  std::map<std::string, std::string> out;
  for (const Line& line : ReadData(dir, name)) {
    if (line.fields.size() != 2 || !ValidKey(line.fields[0])) {
      Error(line.where, "want: key<TAB>m|f|u");
      continue;
    }
    const std::string gender = GenderOf(line, line.fields[1]);
    auto [it, inserted] = out.try_emplace(line.fields[0], gender);
    if (!inserted && it->second != gender) {
      Error(line.where, "\"" + line.fields[0] + "\" listed with two genders");
    }
  }
  return out;
}

// One-field word list, optionally lower-cased.
std::set<std::string> ReadWords(const std::string& dir, const std::string& name,
                                bool lower) {
  std::set<std::string> out;
  for (const Line& line : ReadData(dir, name)) {
    if (line.fields.size() != 1 || !ValidKey(line.fields[0])) {
      Error(line.where, "want one word or phrase per line");
      continue;
    }
    out.insert(lower ? Lower(line.fields[0]) : line.fields[0]);
  }
  return out;
}

void AddCountries(const simdjson::dom::element& root,
                  const std::string& data_dir, Names* names) {
  // alpha_2 -> (alias, canonical?) from our table.
  std::map<std::string, std::vector<std::pair<std::string, bool>>> aliases;
  for (const Line& line : ReadData(data_dir, "country_aliases.tsv")) {
    const auto& f = line.fields;
    if (f.size() < 2 || f.size() > 3 ||
        (f.size() == 3 && f[2] != "canonical")) {
      Error(line.where, "want: alpha_2<TAB>name[<TAB>canonical]");
      continue;
    }
    aliases[f[0]].emplace_back(f[1], f.size() == 3);
  }
  std::set<std::string> seen_codes;
  for (simdjson::dom::element country : root["3166-1"].get_array()) {
    std::string_view code, name, common, official;
    if (country["alpha_2"].get(code) || country["name"].get(name)) {
      Error("iso_3166-1.json", "country without alpha_2 or name");
      continue;
    }
    const bool has_common = !country["common_name"].get(common);
    const bool has_official = !country["official_name"].get(official);
    const std::string where = "iso_3166-1.json:" + std::string(code);
    seen_codes.insert(std::string(code));

    std::string canonical;
    for (const auto& [alias, is_canonical] : aliases[std::string(code)]) {
      if (is_canonical) canonical = alias;
    }
    if (canonical.empty() && has_common) canonical = CountryKey(common);
    if (canonical.empty()) canonical = CountryKey(name);
    if (canonical.empty()) {
      Error(where, "no usable name; add a canonical alias");
      continue;
    }
    std::vector<std::string> keys = {CountryKey(name)};
    if (has_common) keys.push_back(CountryKey(common));
    if (has_official) keys.push_back(CountryKey(official));
    for (const auto& [alias, is_canonical] : aliases[std::string(code)]) {
      keys.push_back(alias);
    }
    for (const std::string& key : keys) {
      if (!key.empty()) {
        names->Add(key, canonical, "kPlace", Names::kCountry, where);
      }
    }
  }
  for (const auto& [code, list] : aliases) {
    if (!seen_codes.count(code)) {
      Error("country_aliases.tsv", "unknown alpha_2 code " + code);
    }
  }
}

// "canonical<TAB>alias<TAB>..." lines: every field is a key of the entry.
void AddCurated(const std::string& data_dir, const std::string& file,
                const std::string& type, Names::Source source, Names* names) {
  for (const Line& line : ReadData(data_dir, file)) {
    for (const std::string& key : line.fields) {
      names->Add(key, line.fields[0], type, source, line.where);
    }
  }
}

void AddSubdivisions(const simdjson::dom::element& root,
                     const std::set<std::string>& stop_words,
                     const std::map<std::string, std::string>& given_names,
                     Names* names) {
  for (simdjson::dom::element sub : root["3166-2"].get_array()) {
    std::string_view raw, code;
    if (sub["name"].get(raw) || sub["code"].get(code)) continue;
    std::string name = DropParentheticals(raw);
    if (const size_t comma = name.find(", "); comma != std::string::npos) {
      // "Dagestan, Respublika" -> "Dagestan"; a list is left out.
      const std::string tail = name.substr(comma + 2);
      if (tail.find(" and ") != std::string::npos ||
          tail.find(" y ") != std::string::npos) {
        continue;
      }
      name.resize(comma);
    }
    if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z') ||
        static_cast<unsigned char>(name[0]) >= 0x80 || !IsLatinText(name) ||
        !ValidKey(name)) {
      continue;
    }
    bool all_stop = true;
    for (const std::string& word : Split(name, ' ')) {
      if (!stop_words.count(word)) all_stop = false;
    }
    if (all_stop || given_names.count(name)) continue;
    names->Add(name, name, "kPlace", Names::kSubdivision,
               "iso_3166-2.json:" + std::string(code));
  }
}

void EmitGenders(std::ostream& out, const char* table,
                 const std::map<std::string, std::string>& rows) {
  out << "constexpr GenderRow " << table << "[] = {\n";
  for (const auto& [key, gender] : rows) {
    out << "    {\"" << key << "\", " << gender << "},\n";
  }
  out << "};\n\n";
}

void EmitWords(std::ostream& out, const char* table,
               const std::set<std::string>& words) {
  out << "constexpr std::string_view " << table << "[] = {\n";
  for (const std::string& word : words) out << "    \"" << word << "\",\n";
  out << "};\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::string iso_dir, data_dir, out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--iso-dir") {
      iso_dir = argv[i + 1];
    } else if (flag == "--data-dir") {
      data_dir = argv[i + 1];
    } else if (flag == "--out") {
      out_path = argv[i + 1];
    }
  }
  if (iso_dir.empty() || data_dir.empty() || out_path.empty()) {
    std::fprintf(stderr,
                 "usage: gazetteer_gen --iso-dir DIR --data-dir DIR "
                 "--out FILE\n");
    return 2;
  }

  simdjson::dom::parser countries_parser, subdivisions_parser;
  simdjson::dom::element countries, subdivisions;
  for (auto [parser, root, file] :
       {std::tuple{&countries_parser, &countries, "iso_3166-1.json"},
        std::tuple{&subdivisions_parser, &subdivisions, "iso_3166-2.json"}}) {
    if (auto err = parser->load(iso_dir + "/" + file).get(*root)) {
      Error(iso_dir + "/" + file, simdjson::error_message(err));
      return 1;
    }
  }

  const auto given_names = ReadGenders(data_dir, "given_names.tsv");
  const auto honorifics = ReadGenders(data_dir, "honorifics.tsv");
  const auto role_nouns = ReadWords(data_dir, "role_nouns.txt", true);
  const auto org_heads = ReadWords(data_dir, "organization_heads.txt", false);
  const auto stop_words = ReadWords(data_dir, "subdivision_stop.txt", false);

  Names names;
  AddCountries(countries, data_dir, &names);
  AddCurated(data_dir, "organizations.tsv", "kOrganization",
             Names::kOrganization, &names);
  AddCurated(data_dir, "places.tsv", "kPlace", Names::kPlace, &names);
  AddSubdivisions(subdivisions, stop_words, given_names, &names);

  // Demonyms name their place by any key; the table holds its canonical.
  std::map<std::string, std::string> demonyms;
  for (const Line& line : ReadData(data_dir, "demonyms.tsv")) {
    if (line.fields.size() != 2 || !ValidKey(line.fields[0])) {
      Error(line.where, "want: demonym<TAB>place");
      continue;
    }
    const std::string place = names.CanonicalOf(line.fields[1]);
    if (place.empty()) {
      Error(line.where, "unknown place \"" + line.fields[1] + "\"");
      continue;
    }
    auto [it, inserted] = demonyms.try_emplace(line.fields[0], place);
    if (!inserted && it->second != place) {
      Error(line.where, "\"" + line.fields[0] + "\" names two places");
    }
  }

  size_t max_role = 0;
  for (const std::string& role : role_nouns) {
    max_role = std::max(max_role, role.size());
  }
  if (g_failed) return 1;

  std::ostringstream out;
  out << "// Generated by gazetteer_gen (src/analyze/gazetteer_gen.cc) from "
         "iso-codes\n// and src/analyze/data. Do not edit.\n\n";
  names.Emit(out);
  out << "constexpr DemonymRow kDemonyms[] = {\n";
  for (const auto& [demonym, place] : demonyms) {
    out << "    {\"" << demonym << "\", \"" << place << "\"},\n";
  }
  out << "};\n\n";
  EmitGenders(out, "kGivenNames", given_names);
  EmitGenders(out, "kHonorifics", honorifics);
  EmitWords(out, "kRoleNouns", role_nouns);
  out << "constexpr size_t kMaxRoleNounSize = " << max_role << ";\n\n";
  EmitWords(out, "kOrganizationHeads", org_heads);

  const std::string text = out.str();
  std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
  file << text;
  if (!file.flush()) {
    Error(out_path, "cannot write");
    return 1;
  }
  return 0;
}
