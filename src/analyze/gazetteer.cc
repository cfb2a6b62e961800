#include "analyze/gazetteer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <deque>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "analyze/word_set.h"

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

// A hash index over one table's keys (a WordSet of them), built once on
// first use (thread-safe static initialization). Lookups run for most
// capitalized words of every article: one hash and usually one comparison,
// where a binary search over the largest table takes a dozen.
class KeyIndex {
 public:
  template <typename Row, typename KeyOf>
  KeyIndex(std::span<const Row> table, KeyOf key_of)
      : set_(Keys(table, key_of)) {}

  // The row index of `key`, or -1.
  int64_t Find(std::string_view key) const { return set_.Find(key); }

 private:
  template <typename Row, typename KeyOf>
  static std::vector<std::string_view> Keys(std::span<const Row> table,
                                            KeyOf key_of) {
    std::vector<std::string_view> keys;
    keys.reserve(table.size());
    for (const Row& row : table) keys.push_back(key_of(row));
    return keys;
  }

  WordSet set_;
};

// A hash table of short keys kept in its 16-byte slots, each with a byte of
// flags: a lookup usually reads one cache line, where an index of views
// reads the slot, the view and the key's bytes (three likely cache misses
// when the tables have left the cache between articles).
class InlineKeys {
 public:
  static constexpr size_t kMaxKey = 14;

  explicit InlineKeys(size_t n) {
    size_t capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    slots_.resize(capacity);
    mask_ = capacity - 1;
  }

  // REQUIRES: 0 < key.size() <= kMaxKey; key not inserted before.
  void Insert(std::string_view key, uint8_t flags) {
    size_t s = WordSet::Hash(key) & mask_;
    while (slots_[s].len != 0) s = (s + 1) & mask_;
    slots_[s].len = static_cast<uint8_t>(key.size());
    slots_[s].flags = flags;
    std::memcpy(slots_[s].key, key.data(), key.size());
  }

  // The flags of `key` (0 < size <= kMaxKey), or 0 when it is not a key.
  uint8_t Find(std::string_view key) const {
    for (size_t s = WordSet::Hash(key) & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.len == 0) return 0;
      if (slot.len == key.size() &&
          std::memcmp(slot.key, key.data(), key.size()) == 0) {
        return slot.flags;
      }
    }
  }

 private:
  struct alignas(16) Slot {
    uint8_t len = 0;  // 0: empty
    uint8_t flags = 0;
    char key[kMaxKey];
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0;
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
    // Static, so the keys the index spans stay reachable for the leak
    // checker as well as alive.
    static auto* owned = new std::vector<std::string_view>;
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
  // Keys of up to InlineKeys::kMaxKey bytes (nearly all single words) in
  // `short_keys`, the others in `index`.
  static_assert(kWordHonorificPrefix <= 0xFF, "flags fit InlineKeys' byte");
  struct Index {
    std::vector<std::string_view> keys;
    std::vector<uint32_t> flags;
    KeyIndex* index = nullptr;
    InlineKeys* short_keys = nullptr;
  };
  static const Index* all = [] {
    auto* x = new Index;
    // Each key numbered once (no node per key, as a std::unordered_map
    // would allocate), with the bits of every table that has it.
    ViewIndex ids(16384);
    std::vector<std::string_view> keys;
    std::vector<uint32_t> bits;
    auto add = [&](std::string_view k, uint32_t f) {
      const uint32_t id = ids.Insert(k);
      if (id == keys.size()) {
        keys.push_back(k);
        bits.push_back(0);
      }
      bits[id] |= f;
    };
    for (const NameKey& k : kNameKeys) {
      add(k.key, kWordName);
      for (size_t sp = k.key.find(' '); sp != std::string_view::npos;
           sp = k.key.find(' ', sp + 1)) {
        add(k.key.substr(0, sp), kWordNamePrefix);
      }
    }
    for (const GenderRow& r : kGivenNames) add(r.key, kWordGiven);
    for (const GenderRow& r : kHonorifics) {
      add(r.key, kWordHonorific);
      size_t sp = r.key.find(' ');
      if (sp != std::string_view::npos) {
        add(r.key.substr(0, sp), kWordHonorificPrefix);
      }
    }
    for (const DemonymRow& r : kDemonyms) add(r.demonym, kWordDemonym);
    for (std::string_view k : kOrganizationHeads) add(k, kWordOrgHead);
    // Role nouns are lower-case keys; their capitalized forms ("Spokesman",
    // as a title or at a sentence start) are added so that a capitalized
    // word needs one lookup. The forms live as long as the program (a
    // deque's elements never move).
    static auto* capitalized = new std::deque<std::string>;
    for (std::string_view k : kRoleNouns) {
      add(k, kWordRoleNoun);
      if (!k.empty() && k[0] >= 'a' && k[0] <= 'z') {
        std::string cap(k);
        cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
        capitalized->push_back(std::move(cap));
        add(capitalized->back(), kWordRoleNoun);
      }
    }
    auto is_short = [](std::string_view k) {
      return !k.empty() && k.size() <= InlineKeys::kMaxKey;
    };
    size_t n_short = 0;
    for (std::string_view k : keys) n_short += is_short(k);
    x->short_keys = new InlineKeys(n_short);
    for (size_t id = 0; id < keys.size(); ++id) {
      if (is_short(keys[id])) {
        x->short_keys->Insert(keys[id], static_cast<uint8_t>(bits[id]));
        continue;
      }
      x->keys.push_back(keys[id]);
      x->flags.push_back(bits[id]);
    }
    x->index = new KeyIndex(std::span<const std::string_view>(x->keys),
                            [](std::string_view k) { return k; });
    return x;
  }();
  if (!words.empty() && words.size() <= InlineKeys::kMaxKey) {
    return all->short_keys->Find(words);
  }
  int64_t i = all->index->Find(words);
  return i < 0 ? 0 : all->flags[i];
}

}  // namespace newstrace::analyze
