#include <gtest/gtest.h>

#include <random>
#include <string>

#include "ingest/charset.h"
#include "newstrace/ingest.h"

namespace newstrace {
namespace {

Result<DecodedText> Decode(std::string_view bytes, Format f = Format::kText,
                           bool strict = false, std::string_view cs = "") {
  DecodeOptions o;
  o.strict = strict;
  return DecodeToUtf8(bytes, cs, f, o);
}

bool HasDiag(const DecodedText& d, const std::string& code) {
  for (const auto& x : d.diagnostics) {
    if (x.code == code) return true;
  }
  return false;
}

TEST(DecodeTest, EmptyAndBlankInputAreCorruption) {
  for (std::string_view s : {"", "   \n\n\t "}) {
    auto r = Decode(s);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  }
}

TEST(DecodeTest, BinaryInputIsRejectedWithItsKind) {
  auto r = Decode(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("png"), std::string::npos);
  std::string noise;
  for (int i = 0; i < 4000; ++i) noise.push_back(static_cast<char>(i * 7 % 32));
  auto r2 = Decode(noise);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kCorruption);
}

TEST(DecodeTest, Utf8BomIsStripped) {
  auto r = Decode("\xEF\xBB\xBFHello");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Hello");
  EXPECT_EQ(r->charset, "utf-8");
}

TEST(DecodeTest, Utf16WithBomBothOrders) {
  auto le = Decode(std::string("\xFF\xFEH\0i\0 \0\xE9\0", 10));
  ASSERT_TRUE(le.ok());
  EXPECT_EQ(le->text, "Hi \xC3\xA9");
  auto be = Decode(std::string("\xFE\xFF\0H\0i", 6));
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(be->text, "Hi");
}

TEST(DecodeTest, Utf16WithoutBomIsDetected) {
  std::string s;
  for (char c : std::string("Breaking news: the vote is in.")) {
    s.push_back(c);
    s.push_back('\0');
  }
  auto r = Decode(s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "Breaking news: the vote is in.");
  EXPECT_TRUE(HasDiag(*r, "utf16_without_bom"));
}

TEST(DecodeTest, DeclaredLatin1InHtmlMeta) {
  std::string html =
      "<html><head><meta charset=\"iso-8859-1\"></head><body>"
      "<p>Caf\xE9 \x93quoted\x94</p></body></html>";
  auto r = Decode(html, Format::kHtml);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->charset, "windows-1252");
  EXPECT_NE(r->text.find("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"),
            std::string::npos);
}

TEST(DecodeTest, ValidUtf8WinsOverLatin1Declaration) {
  std::string html =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; "
      "charset=ISO-8859-1\"><p>Caf\xC3\xA9</p>";
  auto r = Decode(html, Format::kHtml);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("Caf\xC3\xA9"), std::string::npos);
}

TEST(DecodeTest, OtherDeclaredCharsetsGoThroughIconv) {
  // "Привет" in windows-1251.
  auto r =
      Decode("\xCF\xF0\xE8\xE2\xE5\xF2", Format::kText, false, "windows-1251");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
}

TEST(DecodeTest, UndeclaredLegacyTextIsGuessedAsCp1252) {
  auto r = Decode(
      "Caf\xE9 cr\xE8me br\xFB"
      "l\xE9"
      "e");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text,
            "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBB"
            "l\xC3\xA9"
            "e");
  EXPECT_TRUE(HasDiag(*r, "charset_guessed"));
}

TEST(DecodeTest, InvalidUtf8IsRepairedOrRejectedWhenStrict) {
  std::string s = "Caf\xC3\xA9 na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 \xFF end";
  auto r = Decode(s);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->text.find("\xEF\xBF\xBD end"), std::string::npos);
  EXPECT_TRUE(HasDiag(*r, "invalid_encoding"));
  auto strict = Decode(s, Format::kText, true);
  ASSERT_FALSE(strict.ok());
  EXPECT_EQ(strict.status().code(), StatusCode::kCorruption);
}

TEST(DecodeTest, TruncatedMultibyteAtEndIsRepaired) {
  auto r = Decode("He said \xE2\x80");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "He said \xEF\xBF\xBD");
}

TEST(DecodeTest, NulAndControlBytesAreDroppedWithDiagnostic) {
  auto r =
      Decode(std::string("a\0b\x01"
                         "c\r\nd\re",
                         10));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "abc\nd\ne");
  EXPECT_TRUE(HasDiag(*r, "nul_bytes"));
  EXPECT_TRUE(HasDiag(*r, "control_bytes"));
  EXPECT_FALSE(Decode(std::string("a\0b", 3), Format::kText, true).ok());
}

TEST(DecodeTest, HugeSingleLine) {
  std::string line(50u << 20, 'a');
  for (size_t i = 100; i < line.size(); i += 100) line[i] = ' ';
  auto r = Decode(line);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text.size(), line.size());
}

TEST(DecodeTest, DetectFormat) {
  EXPECT_EQ(DetectFormat("<!DOCTYPE html><html><body>x</body></html>"),
            Format::kHtml);
  EXPECT_EQ(DetectFormat("  <div><p>Hello</p></div>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("A headline\n\nA paragraph with <b> in it."),
            Format::kText);
  EXPECT_EQ(DetectFormat("Plain text."), Format::kText);
}

}  // namespace
}  // namespace newstrace

namespace newstrace::ingest {
namespace {

// The byte sniffers as first written (one byte, or one pair, at a time).
std::string ReferenceSniffControls(std::string_view b) {
  std::string_view head = b.substr(0, 16384);
  size_t control = 0;
  for (char ch : head) {
    const unsigned char c = static_cast<unsigned char>(ch);
    control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
               c != 0x1b;
  }
  return control >= 8 && control * 20 > head.size() ? "binary data" : "";
}

bool ReferenceLooksLikeUtf16(std::string_view bytes, bool* big_endian) {
  std::string_view head = bytes.substr(0, 4096);
  if (head.size() < 4) return false;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    if (head[i] == 0) ++even_nul;
    if (head[i + 1] == 0) ++odd_nul;
  }
  size_t pairs = head.size() / 2;
  if (odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs) {
    *big_endian = false;
    return true;
  }
  if (even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs) {
    *big_endian = true;
    return true;
  }
  return false;
}

// Text, text with a few controls, NUL-rich (UTF-16-like) and noisy bytes,
// of lengths around the 4 KiB and 16 KiB heads; no magic numbers (their
// checks are unchanged, and the reference leaves them out).
std::string RandomInput(std::mt19937* rng) {
  static const size_t kLengths[] = {0,    1,     3,     4,     5,
                                    17,   100,   4095,  4096,  4097,
                                    8000, 16383, 16384, 16385, 20000};
  const size_t len = kLengths[(*rng)() % (sizeof kLengths / sizeof *kLengths)];
  const int kind = static_cast<int>((*rng)() % 4);
  std::string s;
  for (size_t i = 0; i < len; ++i) {
    char c = static_cast<char>('a' + (*rng)() % 26);
    const unsigned r = (*rng)() % 100;
    if (kind == 1 && r < 3) c = static_cast<char>((*rng)() % 32);
    if (kind == 2 && (i % 2 == (*rng)() % 2 || r < 60)) c = '\0';
    if (kind == 3 && r < 30) c = static_cast<char>((*rng)() % 256);
    s += c;
  }
  if (!s.empty()) s[0] = 'a';  // no magic number
  return s;
}

TEST(CharsetTest, SniffersMatchTheirReferences) {
  std::mt19937 rng(17);
  for (int t = 0; t < 3000; ++t) {
    const std::string s = RandomInput(&rng);
    bool be = false, want_be = false;
    const bool utf16 = LooksLikeUtf16(s, &be);
    ASSERT_EQ(utf16, ReferenceLooksLikeUtf16(s, &want_be)) << t;
    if (utf16) ASSERT_EQ(be, want_be) << t;
    ASSERT_EQ(SniffBinary(s), ReferenceSniffControls(s)) << t;
  }
}

}  // namespace
}  // namespace newstrace::ingest
