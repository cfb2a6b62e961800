// The eight-byte scans of byte_blocks.h against byte loops, and the credit
// and byline rules that use them (text_credits.cc, text_byline.cc) on
// tables of tricky lines.
#include "extract/text_credits.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "extract/byte_blocks.h"
#include "extract/text_byline.h"
#include "extract/text_features.h"

namespace newstrace::extract::text {
namespace {

// Every b in [from, to) with s[b] in 'A'..'Z', then `to`: what Capitals
// must return, one call of Next() each.
std::vector<size_t> CapitalsByByte(std::string_view s, size_t from, size_t to) {
  std::vector<size_t> out;
  for (size_t b = from; b < to; ++b) {
    if (s[b] >= 'A' && s[b] <= 'Z') out.push_back(b);
  }
  out.push_back(to);
  return out;
}

TEST(CapitalsTest, EqualsTheByteLoop) {
  // Bytes whose low seven bits are a capital ("\xC1" = 0x80 | 'A'), the
  // neighbours of the range, and lengths around the eight-byte blocks.
  const std::string alphabet = "AZ@[az`{ \x01\x7F\xC1\xDA\xC0\xDB\xFF\x80Mm";
  std::mt19937 rng(21);
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 40, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    const size_t to = s.empty() ? 0 : rng() % (s.size() + 1);
    const size_t from = rng() % (to + 2);  // sometimes past `to`
    Capitals capitals(s, from, to);
    std::vector<size_t> got;
    for (size_t k = 0; k < s.size() + 1; ++k) {
      got.push_back(capitals.Next());
      if (got.back() >= to) break;
    }
    EXPECT_EQ(got, CapitalsByByte(s, std::min(from, to), to))
        << s << " " << from << " " << to;
    EXPECT_EQ(capitals.Next(), to);  // and stays there
  }
}

TEST(CapitalBitsTest, MarksExactlyTheCapitals) {
  for (int c = 0; c < 256; ++c) {
    std::string eight(8, 'a');
    eight[c % 8] = static_cast<char>(c);
    const uint64_t want =
        c >= 'A' && c <= 'Z' ? uint64_t{0x80} << (8 * (c % 8)) : 0;
    EXPECT_EQ(CapitalBits(Load8(eight.data())), want) << c;
  }
}

TEST(FindByteTest, EqualsFind) {
  const std::string alphabet = std::string("  ab\xA0\xFF\x80") + '\0';
  std::mt19937 rng(23);
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 30, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    const size_t from = rng() % (s.size() + 2);
    for (char c : {' ', 'b', '\xA0', '\0'}) {
      EXPECT_EQ(FindByte(s, c, from), std::string_view(s).find(c, from))
          << s << " " << from << " " << int{c};
    }
  }
}

// The credit of `s` as "value|credit first|has caption", or "none".
std::string Credit(std::string_view s) {
  std::optional<CreditSplit> c = FindCredit(s, ComputeFeatures(s));
  if (!c) return "none";
  return c->value + "|" + (c->credit_first ? "first" : "last") + "|" +
         (c->caption.begin == c->caption.end ? "alone" : "caption");
}

TEST(FindCreditTest, TrickyLines) {
  struct Case {
    std::string_view line;
    std::string_view credit;
  };
  const Case cases[] = {
      // Fused to the caption's start (a capital after a letter).
      {"GETTYThe leaders met in Paris", "GETTY|first|caption"},
      {"Getty ImagesProtesters gather outside", "Getty Images|first|caption"},
      {"BARCROFTThe dog waited for hours", "BARCROFT|first|caption"},
      {"AFPA man walks past the ruins", "AFP|first|caption"},
      {"McDonald opened a new store on Main Street", "none"},
      {"iPhone sales fell sharply this quarter", "none"},
      // Labels near the end, any case of the label.
      {"Protesters gather outside the court Photo: AFP", "AFP|last|caption"},
      {"Protesters gather outside the court PHOTO: AFP", "AFP|last|caption"},
      {"Protesters gather outside the court pHOTO: AFP", "none"},
      {"Protesters gather outside | Photograph: Jane Doe/Reuters",
       "Jane Doe/Reuters|last|caption"},
      {"Protesters gather outside (Photo by Jane Doe/Getty Images)",
       "Jane Doe/Getty Images|last|caption"},
      {"Protesters gather outside Pictures of the day", "none"},
      // Slash expressions: at most four segments.
      {"Protesters gather outside REUTERS/Jane Doe",
       "REUTERS/Jane Doe|last|caption"},
      {"AFP/Getty Images/Reuters/AP",
       "AFP/Getty Images/Reuters/AP|first|alone"},
      // Five segments are no credit; the four that end the line are, with
      // the first as its caption.
      {"AFP/Getty Images/Reuters/AP/EPA", "Images/Reuters/AP/EPA|last|caption"},
      {"Chip Somodevilla via Getty Images",
       "Chip Somodevilla via Getty Images|first|alone"},
      // Alone on the line.
      {"Photo: AFP", "AFP|first|alone"},
      {"(AP Photo/Jane Doe)", "AP Photo/Jane Doe|first|alone"},
      {"Getty Images", "Getty Images|first|alone"},
      {"", "none"},
      {"A", "none"},
      {"AB", "none"},
      {"\xC3\x89LYS\xC3\x89"
       "EThe president spoke",
       "none"},
  };
  for (const Case& c : cases) EXPECT_EQ(Credit(c.line), c.credit) << c.line;
}

// The names of the byline `s`, joined by ";", or "none".
std::string Names(std::string_view s) {
  std::optional<Byline> b = ParseByline(s);
  if (!b) return "none";
  std::string out = b->explicit_by ? "by:" : "";
  for (const std::string& n : b->names) out += n + ";";
  return out;
}

// Without "By", the first name ends at one of the marks ParseByline looks
// for in one pass before it tokenizes.
TEST(ParseBylineTest, MarksAfterTheFirstName) {
  struct Case {
    std::string_view line;
    std::string_view names;
  };
  const Case cases[] = {
      {"Jane Doe, Political Correspondent", "Jane Doe;"},
      {"Jane Doe for The Daily Post", "Jane Doe;"},
      // Past the filter, but "For" reads as a fifth name word.
      {"Jane Doe For The Daily Post", "none"},
      {"Jane Doe FOR The Daily Post", "none"},
      {"Jane Doe | Reuters", "Jane Doe;"},
      {"Jane Doe - Reuters", "Jane Doe;"},
      {"Jane Doe / Reuters", "Jane Doe;"},
      {"Jane Doe \xE2\x80\x94 Reuters", "Jane Doe;"},
      {"Jane Doe \xE2\x80\x93 Reuters", "Jane Doe;"},
      {"Jane Doe \xC2\xB7 Reuters", "Jane Doe;"},
      {"Jane Doe \xE2\x80\xA2 Reuters", "Jane Doe;"},
      {"Jane Doe \xE2\x80\x9C Reuters", "none"},
      {"Jane Doe Reuters Correspondent", "none"},
      {"Jane Doe fo", "none"},
      {"Jane Doe \xE2\x80", "none"},
      {"By Jane Doe and John Roe", "by:Jane Doe;John Roe;"},
  };
  for (const Case& c : cases) EXPECT_EQ(Names(c.line), c.names) << c.line;
}

}  // namespace
}  // namespace newstrace::extract::text
