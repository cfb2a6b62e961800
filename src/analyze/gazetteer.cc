#include "analyze/gazetteer.h"

#include <algorithm>
#include <array>
#include <span>

namespace newstrace::analyze {
namespace {

// The row types of the generated tables. Every table is sorted by its key
// (byte order, as std::string_view compares) and has unique keys.
struct NameKey {
  std::string_view key;
  unsigned entry;  // index into kEntries
};
struct DemonymRow {
  std::string_view demonym;
  std::string_view place;  // a canonical name of kEntries
};
struct GenderRow {
  std::string_view key;
  Gender gender;
};

// Defines kEntries, kNameKeys, kMaxNameWords, kDemonyms, kGivenNames,
// kHonorifics, kRoleNouns (lower-case), kMaxRoleNounSize and
// kOrganizationHeads.
#include "analyze/gazetteer_tables.inc"

// The row of sorted `table` whose key (projected by `key_of`) is `key`, or
// nullptr.
template <typename Row, typename KeyOf>
const Row* Find(std::span<const Row> table, std::string_view key,
                KeyOf key_of) {
  auto it = std::lower_bound(
      table.begin(), table.end(), key,
      [&](const Row& row, std::string_view k) { return key_of(row) < k; });
  if (it == table.end() || key_of(*it) != key) return nullptr;
  return &*it;
}

std::optional<Gender> FindGender(std::span<const GenderRow> table,
                                 std::string_view key) {
  const GenderRow* row =
      Find(table, key, [](const GenderRow& r) { return r.key; });
  if (row == nullptr) return std::nullopt;
  return row->gender;
}

}  // namespace

const GazetteerEntry* LookupName(std::string_view name) {
  const NameKey* row = Find(std::span<const NameKey>(kNameKeys), name,
                            [](const NameKey& r) { return r.key; });
  return row == nullptr ? nullptr : &kEntries[row->entry];
}

size_t MaxNameWords() { return kMaxNameWords; }

std::optional<std::string_view> PlaceOfDemonym(std::string_view word) {
  const DemonymRow* row = Find(std::span<const DemonymRow>(kDemonyms), word,
                               [](const DemonymRow& r) { return r.demonym; });
  if (row == nullptr) return std::nullopt;
  return row->place;
}

std::optional<Gender> GivenName(std::string_view word) {
  return FindGender(kGivenNames, word);
}

std::optional<Gender> Honorific(std::string_view words) {
  return FindGender(kHonorifics, words);
}

bool IsRoleNoun(std::string_view words) {
  // The table is lower-case: fold the query.
  std::array<char, kMaxRoleNounSize> buffer;
  if (words.size() > buffer.size()) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    const char c = words[i];
    buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const std::string_view lower(buffer.data(), words.size());
  return std::binary_search(std::begin(kRoleNouns), std::end(kRoleNouns),
                            lower);
}

bool IsOrganizationHead(std::string_view word) {
  return std::binary_search(std::begin(kOrganizationHeads),
                            std::end(kOrganizationHeads), word);
}

}  // namespace newstrace::analyze
