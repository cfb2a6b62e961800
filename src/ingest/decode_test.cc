#include <gtest/gtest.h>

#include <string>

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
