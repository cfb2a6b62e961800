#include "analyze/gazetteer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

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

// An open-addressing hash index over one table's keys, built once on first
// use (thread-safe static initialization). Lookups run for most capitalized
// words of every article: one hash and usually one comparison, where a
// binary search over the largest table takes a dozen.
class KeyIndex {
 public:
  template <typename Row, typename KeyOf>
  KeyIndex(std::span<const Row> table, KeyOf key_of) {
    size_t capacity = 16;
    while (capacity < table.size() * 2) capacity *= 2;
    mask_ = capacity - 1;
    slots_.assign(capacity, kEmpty);
    keys_.reserve(table.size());
    for (const Row& row : table) keys_.push_back(key_of(row));
    for (uint32_t i = 0; i < keys_.size(); ++i) {
      size_t h = Hash(keys_[i]) & mask_;
      while (slots_[h] != kEmpty) h = (h + 1) & mask_;
      slots_[h] = i;
    }
  }

  // The row index of `key`, or -1.
  int64_t Find(std::string_view key) const {
    for (size_t h = Hash(key) & mask_;; h = (h + 1) & mask_) {
      uint32_t i = slots_[h];
      if (i == kEmpty) return -1;
      if (keys_[i] == key) return i;
    }
  }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFF;

  // FNV-1a: keys are short words.
  static size_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }

  size_t mask_ = 0;
  std::vector<uint32_t> slots_;
  std::vector<std::string_view> keys_;
};

// The row of `table` whose key (projected by `key_of`) is `key`, or
// nullptr. One index per table: the table is a template argument.
template <const auto& table, typename KeyOf>
auto Find(std::string_view key, KeyOf key_of) -> decltype(&table[0]) {
  using Row = std::remove_cvref_t<decltype(table[0])>;
  static const KeyIndex* index = new KeyIndex(
      std::span<const Row>(std::begin(table), std::end(table)), key_of);
  int64_t i = index->Find(key);
  return i < 0 ? nullptr : &table[i];
}

constexpr auto kKeyOfGender = [](const GenderRow& r) { return r.key; };
constexpr auto kIdentity = [](std::string_view k) { return k; };

}  // namespace

const GazetteerEntry* LookupName(std::string_view name) {
  const NameKey* row =
      Find<kNameKeys>(name, [](const NameKey& r) { return r.key; });
  return row == nullptr ? nullptr : &kEntries[row->entry];
}

size_t MaxNameWords() { return kMaxNameWords; }

bool IsNamePrefix(std::string_view words) {
  // The proper word prefixes of every multi-word key ("United", "United
  // Nations" for "United Nations Security Council"), indexed once.
  static const auto* prefixes = [] {
    auto* owned = new std::vector<std::string_view>;
    for (const NameKey& k : kNameKeys) {
      for (size_t sp = k.key.find(' '); sp != std::string_view::npos;
           sp = k.key.find(' ', sp + 1)) {
        owned->push_back(k.key.substr(0, sp));
      }
    }
    std::sort(owned->begin(), owned->end());
    owned->erase(std::unique(owned->begin(), owned->end()), owned->end());
    return new KeyIndex(std::span<const std::string_view>(*owned),
                        [](std::string_view k) { return k; });
  }();
  return prefixes->Find(words) >= 0;
}

std::optional<std::string_view> PlaceOfDemonym(std::string_view word) {
  const DemonymRow* row =
      Find<kDemonyms>(word, [](const DemonymRow& r) { return r.demonym; });
  if (row == nullptr) return std::nullopt;
  return row->place;
}

std::optional<Gender> GivenName(std::string_view word) {
  const GenderRow* row = Find<kGivenNames>(word, kKeyOfGender);
  if (row == nullptr) return std::nullopt;
  return row->gender;
}

std::optional<Gender> Honorific(std::string_view words) {
  const GenderRow* row = Find<kHonorifics>(words, kKeyOfGender);
  if (row == nullptr) return std::nullopt;
  return row->gender;
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
  return Find<kRoleNouns>(lower, kIdentity) != nullptr;
}

bool IsOrganizationHead(std::string_view word) {
  return Find<kOrganizationHeads>(word, kIdentity) != nullptr;
}

uint32_t WordFlags(std::string_view words) {
  // Every key of every table in one index, with what it is a key of: one
  // lookup answers the questions the entity finder asks of each word.
  struct Index {
    std::vector<std::string_view> keys;
    std::vector<uint32_t> flags;
    KeyIndex* index = nullptr;
  };
  static const Index* all = [] {
    auto* x = new Index;
    std::unordered_map<std::string_view, uint32_t> flags;
    for (const NameKey& k : kNameKeys) {
      flags[k.key] |= kWordName;
      for (size_t sp = k.key.find(' '); sp != std::string_view::npos;
           sp = k.key.find(' ', sp + 1)) {
        flags[k.key.substr(0, sp)] |= kWordNamePrefix;
      }
    }
    for (const GenderRow& r : kGivenNames) flags[r.key] |= kWordGiven;
    for (const GenderRow& r : kHonorifics) flags[r.key] |= kWordHonorific;
    for (const DemonymRow& r : kDemonyms) flags[r.demonym] |= kWordDemonym;
    for (std::string_view k : kOrganizationHeads) flags[k] |= kWordOrgHead;
    // Role nouns are lower-case keys; their capitalized forms ("Spokesman",
    // as a title or at a sentence start) are added so that a capitalized
    // word needs one lookup. The forms live as long as the program.
    static auto* capitalized = new std::deque<std::string>;
    for (std::string_view k : kRoleNouns) {
      flags[k] |= kWordRoleNoun;
      if (!k.empty() && k[0] >= 'a' && k[0] <= 'z') {
        std::string cap(k);
        cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
        capitalized->push_back(std::move(cap));
        flags[capitalized->back()] |= kWordRoleNoun;
      }
    }
    for (const auto& [k, f] : flags) {
      x->keys.push_back(k);
      x->flags.push_back(f);
    }
    x->index = new KeyIndex(std::span<const std::string_view>(x->keys),
                            [](std::string_view k) { return k; });
    return x;
  }();
  int64_t i = all->index->Find(words);
  return i < 0 ? 0 : all->flags[i];
}

}  // namespace newstrace::analyze
