// Differential tests: the streaming CSV and JSON Lines readers against
// naive whole-file parsers (tests/testutil/naive_records.h, and
// nlohmann::json for JSON) on generated records, plain and gzip.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "base/strings.h"
#include "ingest/field_map.h"
#include "testutil/naive_records.h"
#include "testutil/reader_testutil.h"

namespace newstrace::ingest {
namespace {

using testutil::Gzip;
using testutil::ReadAll;
using testutil::ReadResult;
using testutil::TempDir;

// Random text with the characters that trouble parsers.
std::string RandomText(std::mt19937* rng, size_t max_len) {
  static const char* kPieces[] = {"word",
                                  " ",
                                  ",",
                                  "\"",
                                  "\"\"",
                                  "\n",
                                  "\r\n",
                                  "\t",
                                  "caf\xC3\xA9",
                                  "\xE4\xB8\xAD\xE6\x96\x87",
                                  "\xF0\x9F\x93\xB0",
                                  "'",
                                  ";",
                                  " and ",
                                  "{",
                                  "}",
                                  "\\",
                                  "a longer run of text"};
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  size_t n = len(*rng);
  std::string s;
  while (s.size() < n) s += kPieces[pick(*rng)];
  return s;
}

struct Generated {
  std::string text, title, url, authors, label;
};

std::vector<Generated> Generate(uint32_t seed, int n) {
  std::mt19937 rng(seed);
  std::vector<Generated> out;
  for (int i = 0; i < n; ++i) {
    Generated g;
    // Mostly short texts, a few long ones that cross buffer boundaries;
    // one in 20 has no text (malformed in both readers).
    g.text = rng() % 20 == 0   ? ""
             : rng() % 50 == 0 ? RandomText(&rng, 300000)
                               : RandomText(&rng, 3000);
    g.title = RandomText(&rng, 80);
    g.url = "https://site" + std::to_string(rng() % 7) + ".example/" +
            std::to_string(i);
    g.authors = RandomText(&rng, 40);
    g.label = std::to_string(rng() % 2);
    out.push_back(std::move(g));
  }
  return out;
}

std::string CsvField(const std::string& s, char delimiter, bool force) {
  if (!force &&
      s.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) {
    return s;
  }
  std::string q = "\"";
  for (char c : s) {
    q += c;
    if (c == '"') q += '"';
  }
  return q + "\"";
}

std::string WriteCsv(const std::vector<Generated>& records, char d,
                     const char* eol, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out = std::string("title") + d + "text" + d + "url" + d +
                    "authors" + d + "label" + eol;
  for (const Generated& g : records) {
    for (const std::string* f : {&g.title, &g.text, &g.url, &g.authors}) {
      out += CsvField(*f, d, rng() % 4 == 0) + d;
    }
    out += CsvField(g.label, d, false) + eol;
  }
  return out;
}

// The documents a reference parse gives, mapped as the readers map.
struct Expected {
  std::vector<RawDoc> docs;
  size_t malformed = 0;
};

Expected FromCsv(const std::string& all, char d, const std::string& path) {
  Expected e;
  std::vector<std::vector<std::string>> rows = testutil::NaiveParseCsv(all, d);
  for (size_t i = 1; i < rows.size(); ++i) {
    const std::vector<std::string>& row = rows[i];
    RecordValues v;
    v.title = row[0];
    v.text = row[1];
    v.url = row[2];
    v.authors = SplitAuthors(row[3]);
    v.label = row[4];
    RawDoc doc;
    if (!BuildRecordDocument(v, "", &doc)) {
      ++e.malformed;
      continue;
    }
    doc.id = path + ":" + std::to_string(i);
    e.docs.push_back(std::move(doc));
  }
  return e;
}

std::string WriteJsonl(const std::vector<Generated>& records, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out;
  for (const Generated& g : records) {
    nlohmann::json j;
    j["text"] = g.text;
    j["title"] = g.title;
    j["url"] = g.url;
    if (rng() % 2) {
      j["authors"] = SplitAuthors(g.authors);
    } else {
      j["authors"] = g.authors;
    }
    j["label"] = std::stoi(g.label);
    j["extra"] = {{"nested", {1, 2, {{"deep", true}}}}};
    out += j.dump() + (rng() % 3 == 0 ? "\r\n" : "\n");
    if (rng() % 10 == 0) out += "\n";  // blank lines are skipped
  }
  return out;
}

Expected FromJsonl(const std::string& all, const std::string& path) {
  Expected e;
  std::vector<std::string> lines = testutil::NaiveSplitLines(all);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (base::Trim(lines[i]).empty()) continue;
    nlohmann::json j = nlohmann::json::parse(lines[i]);
    RecordValues v;
    v.text = j["text"].get<std::string>();
    v.title = j["title"].get<std::string>();
    v.url = j["url"].get<std::string>();
    if (j["authors"].is_array()) {
      for (const auto& a : j["authors"]) {
        std::string s(base::Trim(a.get<std::string>()));
        if (!s.empty()) v.authors.push_back(s);
      }
    } else {
      v.authors = SplitAuthors(j["authors"].get<std::string>());
    }
    v.label = std::to_string(j["label"].get<int>());
    RawDoc doc;
    if (!BuildRecordDocument(v, "", &doc)) {
      ++e.malformed;
      continue;
    }
    doc.id = path + ":" + std::to_string(i + 1);
    e.docs.push_back(std::move(doc));
  }
  return e;
}

void ExpectSame(const Expected& want, const ReadResult& got) {
  ASSERT_TRUE(got.status.ok()) << got.status.ToString();
  EXPECT_EQ(got.stats.malformed, want.malformed);
  ASSERT_EQ(got.docs.size(), want.docs.size());
  for (size_t i = 0; i < want.docs.size(); ++i) {
    const RawDoc& a = got.docs[i];
    const RawDoc& b = want.docs[i];
    ASSERT_EQ(a.id, b.id);
    EXPECT_EQ(a.bytes, b.bytes) << a.id;
    EXPECT_EQ(a.format, b.format) << a.id;
    EXPECT_EQ(a.source.title, b.source.title) << a.id;
    EXPECT_EQ(a.source.url, b.source.url) << a.id;
    EXPECT_EQ(a.source.authors, b.source.authors) << a.id;
    EXPECT_EQ(a.source.label, b.source.label) << a.id;
  }
}

TEST(ReaderDifferentialTest, CsvMatchesNaiveParser) {
  TempDir dir;
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::vector<Generated> records = Generate(seed, 1500);
    const char* eol = seed % 2 ? "\r\n" : "\n";
    std::string csv = WriteCsv(records, ',', eol, seed);
    std::string path = dir.Write("d" + std::to_string(seed) + ".csv", csv);
    ExpectSame(FromCsv(csv, ',', path), ReadAll(path));
    std::string gz = path + ".gz";
    dir.Write("d" + std::to_string(seed) + ".csv.gz", Gzip(csv, 1));
    ExpectSame(FromCsv(csv, ',', gz), ReadAll(gz));
  }
  std::vector<Generated> records = Generate(9, 800);
  std::string tsv = WriteCsv(records, '\t', "\n", 9);
  std::string path = dir.Write("d.tsv", tsv);
  ExpectSame(FromCsv(tsv, '\t', path), ReadAll(path));
}

TEST(ReaderDifferentialTest, JsonlMatchesNaiveParser) {
  TempDir dir;
  for (uint32_t seed : {4u, 5u}) {
    std::vector<Generated> records = Generate(seed, 1500);
    std::string jsonl = WriteJsonl(records, seed);
    std::string path = dir.Write("d" + std::to_string(seed) + ".jsonl", jsonl);
    ExpectSame(FromJsonl(jsonl, path), ReadAll(path));
    std::string gz = path + ".gz";
    dir.Write("d" + std::to_string(seed) + ".jsonl.gz", Gzip(jsonl, 1));
    ExpectSame(FromJsonl(jsonl, gz), ReadAll(gz));
  }
}

}  // namespace
}  // namespace newstrace::ingest
