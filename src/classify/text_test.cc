// Differential tests of what the classifier reads: the tokenizer
// (ClassifierTokens, ClassifierLine) and the linear view's n-gram counts
// (SparseModel::Featurize) against naive references, the straightforward
// code they replaced for speed. Stored models depend on both being exact.
#include "classify/text.h"

#include <gtest/gtest.h>
#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "classify/sparse_model.h"

namespace newstrace::classify {
namespace {

// --- Reference tokenizer: one string built token by token. ---

bool RefWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80 || c == '\'';
}

template <typename Fn>
size_t RefScan(std::string_view text, size_t max_tokens, Fn fn) {
  size_t count = 0, i = 0;
  while (i < text.size() && count < max_tokens) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '!' || c == '?') {
      fn(text.substr(i, 1));
      ++count;
      ++i;
      continue;
    }
    if (!RefWordByte(c) || c == '\'') {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < text.size() && RefWordByte(static_cast<unsigned char>(text[i])))
      ++i;
    size_t end = i;
    while (end > start && text[end - 1] == '\'') --end;
    fn(text.substr(start, end - start));
    ++count;
  }
  return count;
}

size_t RefTokens(std::string_view text, std::string_view prefix,
                 size_t max_tokens, std::string* out) {
  return RefScan(text, max_tokens, [&](std::string_view token) {
    if (!out->empty()) out->push_back(' ');
    out->append(prefix);
    for (char ch : token) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      if (ch >= '0' && ch <= '9') ch = '0';
      out->push_back(ch);
    }
  });
}

size_t RefShapes(std::string_view text, size_t max_tokens, std::string* out) {
  return RefScan(text, max_tokens, [&](std::string_view token) {
    size_t upper = 0, lower = 0, digits = 0;
    for (char ch : token) {
      upper += ch >= 'A' && ch <= 'Z';
      lower += ch >= 'a' && ch <= 'z';
      digits += ch >= '0' && ch <= '9';
    }
    const char* shape = "s:l";
    if (token == "!" || token == "?") {
      shape = "s:p";
    } else if (digits == token.size()) {
      shape = "s:d";
    } else if (upper >= 2 && lower == 0) {
      shape = "s:u";
    } else if (token[0] >= 'A' && token[0] <= 'Z') {
      shape = "s:c";
    }
    if (!out->empty()) out->push_back(' ');
    out->append(shape);
  });
}

std::string RefLine(const Record& record, size_t max_tokens,
                    bool headline_only) {
  const Article& a = record.article;
  std::string line;
  if (!headline_only) RefTokens(a.title, "t:", max_tokens, &line);
  RefShapes(a.title, max_tokens, &line);
  size_t used = RefTokens(a.title, "", max_tokens, &line);
  if (headline_only) return line;
  bool any_block = false;
  for (const Block& b : a.blocks) {
    if (used >= max_tokens) break;
    if (!IsBodyKind(b.kind)) continue;
    any_block = true;
    used += RefTokens(a.SpanText(b.span), "", max_tokens - used, &line);
  }
  if (!any_block && used < max_tokens && a.blocks.empty()) {
    RefTokens(a.text, "", max_tokens - used, &line);
  }
  return line;
}

// --- Reference n-gram counts: hash every n-gram, sort, count runs. ---

uint64_t RefMix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

std::vector<std::pair<uint32_t, float>> RefCount(std::vector<uint32_t> v) {
  std::sort(v.begin(), v.end());
  std::vector<std::pair<uint32_t, float>> out;
  for (uint32_t b : v) {
    if (!out.empty() && out.back().first == b) {
      out.back().second += 1;
    } else {
      out.push_back({b, 1.0f});
    }
  }
  return out;
}

SparseDoc RefFeaturize(std::string_view line, int bits, bool title_marks,
                       bool title_form) {
  constexpr uint64_t kBigramMix = 0x9e3779b97f4a7c15ull;
  constexpr uint64_t kTitleSalt = 0x7469746c653a0000ull;
  constexpr uint64_t kCharSeed = 0x63686172;
  constexpr uint64_t kShapeSalt = 0x7368617065000000ull;
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  std::vector<uint32_t> words, chars, shapes;
  std::vector<uint64_t> shape_hashes;
  uint64_t prev = 0;
  bool have_prev = false;
  size_t i = 0;
  while (i < line.size()) {
    size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    std::string_view tok = line.substr(i, j - i);
    i = j + 1;
    if (tok.empty()) continue;
    const uint64_t h = XXH3_64bits(tok.data(), tok.size());
    const bool marked = tok.size() > 2 && tok.substr(0, 2) == "t:";
    if (tok.size() > 2 && tok.substr(0, 2) == "s:") {
      if (!title_form) continue;
      const uint64_t s = h ^ kShapeSalt;
      const size_t k = shape_hashes.size();
      shapes.push_back(static_cast<uint32_t>(RefMix(s) & mask));
      if (k >= 1) {
        shapes.push_back(static_cast<uint32_t>(
            RefMix(shape_hashes[k - 1] * kBigramMix + s + 1) & mask));
      }
      if (k >= 2) {
        shapes.push_back(static_cast<uint32_t>(
            RefMix((shape_hashes[k - 2] * kBigramMix + shape_hashes[k - 1]) *
                       kBigramMix +
                   s + 2) &
            mask));
      }
      shape_hashes.push_back(s);
      continue;
    }
    if (title_form && marked == title_marks) {
      std::string_view word = marked ? tok.substr(2) : tok;
      std::string framed = " " + std::string(word.substr(0, 40)) + " ";
      for (size_t n = 2; n <= 5; ++n) {
        for (size_t at = 0; at + n <= framed.size(); ++at) {
          chars.push_back(static_cast<uint32_t>(
              XXH3_64bits_withSeed(framed.data() + at, n, kCharSeed) & mask));
        }
      }
    }
    if (marked) {
      if (title_marks) {
        words.push_back(static_cast<uint32_t>(RefMix(h ^ kTitleSalt) & mask));
      }
      continue;
    }
    words.push_back(static_cast<uint32_t>(RefMix(h) & mask));
    if (have_prev) {
      words.push_back(
          static_cast<uint32_t>(RefMix(prev * kBigramMix + h + 1) & mask));
    }
    prev = h;
    have_prev = true;
  }
  return SparseDoc{RefCount(words), RefCount(chars), RefCount(shapes)};
}

// --- Random input. ---

// Text rich in the tokenizer's edge cases: capitals, digits, apostrophes
// before, inside and after words, marks, UTF-8 and stray bytes, runs of
// separators; `words` pieces.
std::string RandomText(std::mt19937_64& rng, size_t words) {
  static const char* kPieces[] = {
      "the",   "The",  "FEMA", "McCain", "don't", "students'", "'quoted'",
      "''",    "'",    "!",    "?!",     "17",    "2024th",    "caf\xc3\xa9",
      "\xff",  "a",    "I",    "x1y2",   "U.S.",  "--",        "\xe2\x80\x9cso",
      "word!", "it's", "ALL",  "Ok?",    "\t",    "\n\n",      "(lol)",
  };
  static const char* kGaps[] = {" ", " ", " ", "  ", ", ", ". ", "\n", ""};
  std::string out;
  for (size_t i = 0; i < words; ++i) {
    out += kPieces[rng() % std::size(kPieces)];
    out += kGaps[rng() % std::size(kGaps)];
  }
  return out;
}

Record RandomRecord(std::mt19937_64& rng) {
  Record r;
  r.article.title = RandomText(rng, rng() % 12);
  std::string& text = r.article.text;
  const size_t blocks = rng() % 5;
  for (size_t b = 0; b < blocks; ++b) {
    const size_t begin = text.size();
    text += RandomText(rng, rng() % 60);
    static const BlockKind kKinds[] = {
        BlockKind::kParagraph, BlockKind::kHeading, BlockKind::kRelatedLink,
        BlockKind::kCaption};
    r.article.blocks.push_back(
        {kKinds[rng() % std::size(kKinds)], Span{begin, text.size()}, ""});
    text += "\n\n";
  }
  if (blocks == 0) text = RandomText(rng, rng() % 80);
  return r;
}

TEST(ClassifierTokensTest, MatchesTheReferenceLine) {
  std::mt19937_64 rng(7);
  LineTokens tokens;  // reused, as prediction reuses it
  for (int trial = 0; trial < 3000; ++trial) {
    const Record r = RandomRecord(rng);
    static const size_t kMax[] = {0, 1, 2, 3, 5, 17, 1000};
    const size_t max_tokens = kMax[rng() % std::size(kMax)];
    const bool headline_only = rng() % 4 == 0;
    const std::string want = RefLine(r, max_tokens, headline_only);
    ASSERT_EQ(ClassifierLine(r, max_tokens, headline_only), want)
        << "trial " << trial;
    ClassifierTokens(r, max_tokens, headline_only, &tokens);
    ASSERT_EQ(tokens.Join(), want) << "trial " << trial;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view t = tokens.text(i);
      ASSERT_FALSE(t.empty());
      ASSERT_EQ(t.find(' '), std::string_view::npos);
      ASSERT_EQ(tokens.hash(i), XXH3_64bits(t.data(), t.size()));
    }
  }
}

// Random bytes of every value, words long enough to span several of the
// scan's eight-byte loads, apostrophes, marks and digits at every offset,
// in texts that are views short of their buffer: AddWords (twice into one
// list, so one call's tokens follow another's) and AddShapes against the
// reference scan.
TEST(LineTokensTest, MatchesTheReferenceOnRandomBytes) {
  std::mt19937_64 rng(23);
  auto random_bytes = [&] {
    std::string buf;
    const size_t len = rng() % 64;
    for (size_t k = 0; k < len; ++k) {
      switch (rng() % 8) {
        case 0:
          buf.push_back(static_cast<char>(rng() % 256));
          break;
        case 1:
          buf.push_back('\'');
          break;
        case 2:
          buf.push_back(" !?"[rng() % 3]);
          break;
        case 3:
          buf.push_back(static_cast<char>('0' + rng() % 10));
          break;
        case 4:
          buf.push_back(static_cast<char>('A' + rng() % 26));
          break;
        default:
          buf.push_back(static_cast<char>('a' + rng() % 26));
          break;
      }
    }
    return buf;
  };
  LineTokens tokens;  // reused, as prediction reuses it
  for (int trial = 0; trial < 20000; ++trial) {
    const std::string a = random_bytes(), b = random_bytes();
    // Views short of their buffers: the bytes after them are not theirs.
    const std::string_view text_a(a.data(), rng() % (a.size() + 1));
    const std::string_view text_b(b.data(), rng() % (b.size() + 1));
    static const char* kPrefixes[] = {"", "t:"};
    const std::string_view prefix = kPrefixes[rng() % 2];
    const size_t max_tokens = rng() % 4 == 0 ? rng() % 5 : 1000;
    std::string want;
    const size_t want_a = RefTokens(text_a, prefix, max_tokens, &want);
    const size_t want_b = RefTokens(text_b, "", max_tokens, &want);
    tokens.Clear();
    ASSERT_EQ(tokens.AddWords(text_a, prefix, max_tokens), want_a) << trial;
    ASSERT_EQ(tokens.AddWords(text_b, "", max_tokens), want_b) << trial;
    ASSERT_EQ(tokens.Join(), want) << "trial " << trial;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const std::string_view t = tokens.text(i);
      ASSERT_EQ(tokens.hash(i), XXH3_64bits(t.data(), t.size()));
    }
    std::string want_shapes;
    const size_t shapes = RefShapes(text_a, max_tokens, &want_shapes);
    tokens.Clear();
    ASSERT_EQ(tokens.AddShapes(text_a, max_tokens), shapes) << trial;
    ASSERT_EQ(tokens.Join(), want_shapes) << "trial " << trial;
  }
}

TEST(LineTokensTest, SplitsLinesAtSpaces) {
  LineTokens t;
  t.AddLine("  ab  c d ");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t.text(0), "ab");
  EXPECT_EQ(t.text(2), "d");
  EXPECT_EQ(t.Join(), "ab c d");
  t.Clear();
  EXPECT_TRUE(t.empty());
  t.AddLine("");
  EXPECT_TRUE(t.empty());
}

void ExpectSameDoc(const SparseDoc& got, const SparseDoc& want,
                   const std::string& what) {
  EXPECT_EQ(got.counts, want.counts) << what;
  EXPECT_EQ(got.chars, want.chars) << what;
  EXPECT_EQ(got.shapes, want.shapes) << what;
}

TEST(SparseFeaturizeTest, MatchesTheReferenceCounts) {
  std::mt19937_64 rng(11);
  std::vector<std::string> lines;
  for (int i = 0; i < 300; ++i) {
    lines.push_back(ClassifierLine(RandomRecord(rng), 1000, i % 5 == 0));
  }
  // Long lines of few distinct words: runs of equal buckets, and a
  // line of one word, whose two buckets alternate thousands of times.
  std::string few, one;
  for (int i = 0; i < 4000; ++i) {
    few += (i ? " w" : "w") + std::to_string(rng() % 40);
    one += i ? " same" : "same";
  }
  lines.push_back(few);
  lines.push_back(one);
  lines.push_back("");
  lines.push_back("t:a s:c a");
  SparseDoc doc;  // reused, as prediction reuses it
  LineTokens tokens;
  for (const std::string& line : lines) {
    for (int bits : {4, 16, 20, 26}) {
      for (int flags = 0; flags < 4; ++flags) {
        const bool marks = flags & 1, form = flags & 2;
        const SparseDoc want = RefFeaturize(line, bits, marks, form);
        const std::string what = "bits " + std::to_string(bits) + " flags " +
                                 std::to_string(flags) + ": " +
                                 line.substr(0, 60);
        ExpectSameDoc(SparseModel::Featurize(line, bits, marks, form), want,
                      what);
        tokens.Clear();
        tokens.AddLine(line);
        SparseModel::Featurize(tokens, bits, marks, form, &doc);
        ExpectSameDoc(doc, want, what);
      }
    }
  }
}

}  // namespace
}  // namespace newstrace::classify
