// The gazetteer's lookups, and its generated tables against the data files
// they were built from.
#include "analyze/gazetteer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace newstrace::analyze {
namespace {

// The canonical name of `name`'s entry, or "" when unknown.
std::string_view Canonical(std::string_view name) {
  const GazetteerEntry* entry = LookupName(name);
  return entry == nullptr ? std::string_view() : entry->canonical;
}

void ExpectPlace(std::string_view name) {
  const GazetteerEntry* entry = LookupName(name);
  ASSERT_NE(entry, nullptr) << name;
  EXPECT_EQ(entry->type, EntityType::kPlace) << name;
}

void ExpectOrganization(std::string_view name) {
  const GazetteerEntry* entry = LookupName(name);
  ASSERT_NE(entry, nullptr) << name;
  EXPECT_EQ(entry->type, EntityType::kOrganization) << name;
}

TEST(GazetteerTest, CountryFormsShareOneEntry) {
  ASSERT_NE(LookupName("Russia"), nullptr);
  EXPECT_EQ(LookupName("Russia"), LookupName("Russian Federation"));
  EXPECT_EQ(Canonical("Russian Federation"), "Russia");
  EXPECT_EQ(LookupName("Russia")->type, EntityType::kPlace);

  ASSERT_NE(LookupName("Syria"), nullptr);
  EXPECT_EQ(LookupName("Syria"), LookupName("Syrian Arab Republic"));
  EXPECT_EQ(Canonical("Syrian Arab Republic"), "Syria");

  for (std::string_view us :
       {"United States of America", "America", "USA", "US", "U.S."}) {
    EXPECT_EQ(LookupName(us), LookupName("United States")) << us;
  }
  for (std::string_view uk :
       {"Britain", "Great Britain", "UK", "U.K.",
        "United Kingdom of Great Britain and Northern Ireland"}) {
    EXPECT_EQ(LookupName(uk), LookupName("United Kingdom")) << uk;
  }
  EXPECT_EQ(Canonical("Islamic Republic of Iran"), "Iran");
  EXPECT_EQ(Canonical("Republic of Korea"), "South Korea");
  EXPECT_EQ(Canonical("Viet Nam"), "Vietnam");
  EXPECT_EQ(Canonical("Holland"), "Netherlands");
  EXPECT_EQ(Canonical("Ivory Coast"), Canonical("Côte d'Ivoire"));
  EXPECT_EQ(Canonical("Congo, The Democratic Republic of the"), "");
  EXPECT_EQ(Canonical("DRC"), "Democratic Republic of the Congo");
  EXPECT_EQ(Canonical("Türkiye"), "Turkey");
  EXPECT_EQ(Canonical("Holy See"), "Vatican City");
}

TEST(GazetteerTest, InvertedIsoNamesAreNotKeys) {
  EXPECT_EQ(LookupName("Iran, Islamic Republic of"), nullptr);
  EXPECT_EQ(LookupName("Korea, Republic of"), nullptr);
  EXPECT_EQ(LookupName("Taiwan, Province of China"), nullptr);
  EXPECT_EQ(LookupName("Holy See (Vatican City State)"), nullptr);
}

TEST(GazetteerTest, CitiesRegionsAndSubdivisionsArePlaces) {
  for (std::string_view place :
       {"Moscow", "Sochi", "Idlib", "Aleppo", "Damascus", "Kyiv", "Kiev",
        "Washington", "New York", "London", "Paris", "Beijing", "Crimea",
        "Middle East", "Gaza Strip",
        // From ISO 3166-2:
        "Texas", "Bavaria", "Bayern", "Scotland", "Tatarstan", "Queensland"}) {
    ExpectPlace(place);
  }
  EXPECT_EQ(LookupName("Kiev"), LookupName("Kyiv"));
  // Subdivision names that are common words or given names are left out.
  EXPECT_EQ(LookupName("Central"), nullptr);
  EXPECT_EQ(LookupName("North West"), nullptr);
  EXPECT_EQ(LookupName("Paul"), nullptr);
}

TEST(GazetteerTest, Organizations) {
  ExpectOrganization("United Nations");
  EXPECT_EQ(LookupName("UN"), LookupName("United Nations"));
  EXPECT_EQ(LookupName("U.N."), LookupName("United Nations"));
  ExpectOrganization("Kremlin");
  EXPECT_EQ(Canonical("Kremlin"), "Kremlin");
  EXPECT_EQ(LookupName("the Kremlin"), nullptr);  // callers drop "the"
  for (std::string_view org :
       {"NATO", "European Union", "EU", "White House", "Pentagon", "FBI",
        "Reuters", "AFP", "Associated Press", "Facebook", "Google", "Hamas",
        "Hezbollah", "Taliban", "GOP", "Labour", "World Health Organization"}) {
    ExpectOrganization(org);
  }
  EXPECT_EQ(LookupName("ISIS"), LookupName("Islamic State"));
  EXPECT_EQ(LookupName("GOP"), LookupName("Republican Party"));
  EXPECT_EQ(LookupName("AP"), LookupName("Associated Press"));
}

TEST(GazetteerTest, LookupIsExactCased) {
  EXPECT_EQ(LookupName("moscow"), nullptr);
  EXPECT_EQ(LookupName("MOSCOW"), nullptr);
  EXPECT_EQ(LookupName("united nations"), nullptr);
  EXPECT_EQ(LookupName("Russian  Federation"), nullptr);  // two spaces
  EXPECT_EQ(LookupName(""), nullptr);
  EXPECT_EQ(LookupName("Qwertyville"), nullptr);
  EXPECT_EQ(GivenName("vladimir"), std::nullopt);
  EXPECT_EQ(Honorific("mr"), std::nullopt);
  EXPECT_EQ(PlaceOfDemonym("russian"), std::nullopt);
  EXPECT_FALSE(IsOrganizationHead("committee"));
}

TEST(GazetteerTest, MaxNameWordsCoversTheLongestKey) {
  // "United Kingdom of Great Britain and Northern Ireland" has 8 words.
  EXPECT_GE(MaxNameWords(), 8u);
  EXPECT_LE(MaxNameWords(), 16u);
}

TEST(GazetteerTest, Demonyms) {
  EXPECT_EQ(PlaceOfDemonym("Russian"), Canonical("Russia"));
  EXPECT_EQ(PlaceOfDemonym("Russian"), "Russia");
  EXPECT_EQ(PlaceOfDemonym("Syrian"), "Syria");
  EXPECT_EQ(PlaceOfDemonym("American"), Canonical("United States"));
  EXPECT_EQ(PlaceOfDemonym("British"), Canonical("United Kingdom"));
  EXPECT_EQ(PlaceOfDemonym("Iranian"), "Iran");
  EXPECT_EQ(PlaceOfDemonym("Chinese"), "China");
  EXPECT_EQ(PlaceOfDemonym("Saudi"), "Saudi Arabia");
  EXPECT_EQ(PlaceOfDemonym("Qwertian"), std::nullopt);
  // The view is the entry's own.
  EXPECT_EQ(PlaceOfDemonym("Russian")->data(),
            LookupName("Russia")->canonical.data());
}

TEST(GazetteerTest, GivenNames) {
  EXPECT_EQ(GivenName("Vladimir"), Gender::kMale);
  EXPECT_EQ(GivenName("Bashar"), Gender::kMale);
  EXPECT_EQ(GivenName("Donald"), Gender::kMale);
  EXPECT_EQ(GivenName("Staffan"), Gender::kMale);
  EXPECT_EQ(GivenName("Hillary"), Gender::kFemale);
  EXPECT_EQ(GivenName("Angela"), Gender::kFemale);
  EXPECT_EQ(GivenName("Alexis"), Gender::kUnknown);
  EXPECT_EQ(GivenName("Putin"), std::nullopt);
  EXPECT_EQ(GivenName("Qwerty"), std::nullopt);
}

TEST(GazetteerTest, Honorifics) {
  EXPECT_EQ(Honorific("Mr"), Gender::kMale);
  EXPECT_EQ(Honorific("Mr."), Gender::kMale);
  EXPECT_EQ(Honorific("Sir"), Gender::kMale);
  EXPECT_EQ(Honorific("King"), Gender::kMale);
  EXPECT_EQ(Honorific("Lord"), Gender::kMale);
  EXPECT_EQ(Honorific("Mrs"), Gender::kFemale);
  EXPECT_EQ(Honorific("Ms"), Gender::kFemale);
  EXPECT_EQ(Honorific("Queen"), Gender::kFemale);
  EXPECT_EQ(Honorific("Dr"), Gender::kUnknown);
  EXPECT_EQ(Honorific("Sen."), Gender::kUnknown);
  EXPECT_EQ(Honorific("President"), Gender::kUnknown);
  EXPECT_EQ(Honorific("Prime Minister"), Gender::kUnknown);
  EXPECT_EQ(Honorific("Pope"), Gender::kMale);
  EXPECT_EQ(Honorific("Moscow"), std::nullopt);
}

TEST(GazetteerTest, RoleNounsAreCaseInsensitive) {
  for (std::string_view role :
       {"president", "President", "PRESIDENT", "leader", "envoy", "spokesman",
        "spokeswoman", "prime minister", "Prime Minister", "police officer",
        "lawmaker", "analyst", "attorney", "prosecutor"}) {
    EXPECT_TRUE(IsRoleNoun(role)) << role;
  }
  EXPECT_FALSE(IsRoleNoun("table"));
  EXPECT_FALSE(IsRoleNoun(""));
  EXPECT_FALSE(IsRoleNoun(std::string(200, 'a')));
}

TEST(GazetteerTest, OrganizationHeads) {
  for (std::string_view head :
       {"Committee", "Ministry", "Party", "Council", "Agency", "University",
        "Inc", "Corp", "Company", "Bank", "Court", "Times", "News"}) {
    EXPECT_TRUE(IsOrganizationHead(head)) << head;
  }
  EXPECT_FALSE(IsOrganizationHead("Moscow"));
}

// The data lines of one of data/'s files, split at tabs.
std::vector<std::vector<std::string>> ReadData(const std::string& name) {
  std::ifstream in(std::string(NEWSTRACE_SOURCE_DIR) + "/src/analyze/data/" +
                   name);
  EXPECT_TRUE(in) << name;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::stringstream stream(line);
    for (std::string field; std::getline(stream, field, '\t');) {
      if (!field.empty()) fields.push_back(field);
    }
    rows.push_back(fields);
  }
  return rows;
}

// Every curated key is found with its canonical name and type: the generated
// tables are sorted and complete.
TEST(GazetteerTest, TablesHoldEveryCuratedKey) {
  for (const auto& [file, type] :
       {std::pair{"organizations.tsv", EntityType::kOrganization},
        std::pair{"places.tsv", EntityType::kPlace}}) {
    const auto rows = ReadData(file);
    EXPECT_GT(rows.size(), 100u) << file;
    for (const auto& row : rows) {
      for (const std::string& key : row) {
        const GazetteerEntry* entry = LookupName(key);
        ASSERT_NE(entry, nullptr) << file << ": " << key;
        EXPECT_EQ(entry->type, type) << key;
        // A country key keeps the country's own canonical name.
        if (entry->canonical != row[0]) {
          EXPECT_EQ(LookupName(row[0]), entry) << key;
        }
      }
    }
  }
  for (const auto& row : ReadData("given_names.tsv")) {
    ASSERT_EQ(row.size(), 2u);
    const Gender want = row[1] == "m"   ? Gender::kMale
                        : row[1] == "f" ? Gender::kFemale
                                        : Gender::kUnknown;
    EXPECT_EQ(GivenName(row[0]), want) << row[0];
  }
  for (const auto& row : ReadData("demonyms.tsv")) {
    ASSERT_EQ(row.size(), 2u);
    EXPECT_EQ(PlaceOfDemonym(row[0]), Canonical(row[1])) << row[0];
  }
  for (const auto& row : ReadData("honorifics.tsv")) {
    EXPECT_TRUE(Honorific(row[0]).has_value()) << row[0];
  }
  for (const auto& row : ReadData("role_nouns.txt")) {
    EXPECT_TRUE(IsRoleNoun(row[0])) << row[0];
  }
  for (const auto& row : ReadData("organization_heads.txt")) {
    EXPECT_TRUE(IsOrganizationHead(row[0])) << row[0];
  }
}

// WordFlags' bits as the lookups it stands for define them.
uint32_t FlagsByDefinition(std::string_view w) {
  uint32_t f = 0;
  if (LookupName(w) != nullptr) f |= kWordName;
  if (IsNamePrefix(w)) f |= kWordNamePrefix;
  if (GivenName(w).has_value()) f |= kWordGiven;
  if (Honorific(w).has_value()) f |= kWordHonorific;
  if (PlaceOfDemonym(w).has_value()) f |= kWordDemonym;
  if (IsOrganizationHead(w)) f |= kWordOrgHead;
  // Role nouns: the lower-case key and its form with a capital first letter.
  std::string lower(w);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const bool key_case =
      w == lower || (!w.empty() && w[0] >= 'A' && w[0] <= 'Z' &&
                     w.substr(1) == std::string_view(lower).substr(1));
  if (key_case && IsRoleNoun(w)) f |= kWordRoleNoun;
  return f;
}

// The one index WordFlags builds over every table (built without a node
// per key since) answers as the tables do, for every curated key, its word
// prefixes, other casings and near misses.
TEST(GazetteerTest, WordFlagsAgreesWithEachLookup) {
  std::vector<std::string> probes = {
      "", " ", "the", "Prime", "prime", "Vladimir", "President", "Mr", "Mr."};
  for (const char* file :
       {"organizations.tsv", "places.tsv", "given_names.tsv", "demonyms.tsv",
        "honorifics.tsv", "role_nouns.txt", "organization_heads.txt"}) {
    for (const auto& row : ReadData(file)) {
      for (const std::string& key : row) {
        probes.push_back(key);
        for (size_t sp = key.find(' '); sp != std::string::npos;
             sp = key.find(' ', sp + 1)) {
          probes.push_back(key.substr(0, sp));
        }
        std::string upper = key;
        for (char& c : upper) {
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
        probes.push_back(upper);
        if (!key.empty() && key[0] >= 'a' && key[0] <= 'z') {
          std::string cap = key;
          cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
          probes.push_back(cap);
        }
        probes.push_back(key + "s");
        if (key.size() > 1) probes.push_back(key.substr(1));
      }
    }
  }
  EXPECT_GT(probes.size(), 10000u);
  for (const std::string& w : probes) {
    ASSERT_EQ(WordFlags(w) & ~uint32_t{kWordHonorificPrefix},
              FlagsByDefinition(w))
        << w;
  }
  // The first word of a two-word title, and only such a word.
  for (const auto& row : ReadData("honorifics.tsv")) {
    const size_t sp = row[0].find(' ');
    if (sp == std::string::npos) continue;
    EXPECT_NE(WordFlags(row[0].substr(0, sp)) & kWordHonorificPrefix, 0u)
        << row[0];
  }
  EXPECT_NE(WordFlags("Prime") & kWordHonorificPrefix, 0u);
  EXPECT_EQ(WordFlags("Vladimir") & kWordHonorificPrefix, 0u);
  EXPECT_EQ(WordFlags("Minister") & kWordHonorificPrefix, 0u);
}

}  // namespace
}  // namespace newstrace::analyze
