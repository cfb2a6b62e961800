// StripRawText against libxml2 itself: for every input, the tree parsed
// from the stripped text must equal the tree parsed from the original, but
// for the texts of script/style elements and comments.
#include "extract/html_strip.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "extract/html_document.h"
#include "testutil/files.h"

namespace newstrace::extract {
namespace {

// A dump of the tree in which script/style texts and comment contents are
// left out; the two dumps of a page must be equal.
// With `kept_only`, only the attributes IsKeptAttribute names are dumped.
void Dump(const xmlNode* node, bool raw_parent, std::string* out,
          bool kept_only = false) {
  for (const xmlNode* n = node; n != nullptr; n = n->next) {
    switch (n->type) {
      case XML_ELEMENT_NODE: {
        *out += "<";
        *out += reinterpret_cast<const char*>(n->name);
        for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
          if (kept_only &&
              !IsKeptAttribute(reinterpret_cast<const char*>(a->name))) {
            continue;
          }
          *out += " ";
          *out += reinterpret_cast<const char*>(a->name);
          *out += "=";
          for (const xmlNode* v = a->children; v != nullptr; v = v->next) {
            if (v->content) *out += reinterpret_cast<const char*>(v->content);
          }
        }
        *out += ">";
        std::string_view name = NodeName(n);
        Dump(n->children, name == "script" || name == "style", out, kept_only);
        *out += "</>";
        break;
      }
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (!raw_parent) {
          *out += "[";
          if (n->content) *out += reinterpret_cast<const char*>(n->content);
          *out += "]";
        }
        break;
      case XML_COMMENT_NODE:
        *out += "<!>";
        break;
      default:
        *out += "?" + std::to_string(n->type);
        break;
    }
  }
}

std::string ParseDump(std::string_view html, bool strip) {
  HtmlParseOptions options;
  options.strip_raw_text = strip;
  // Every attribute: the pass must keep the tokenizer's view of them all.
  options.all_attributes = true;
  auto doc = HtmlDocument::Parse(html, options);
  if (!doc.ok()) return "error";
  std::string out;
  Dump((*doc)->doc()->children, false, &out);
  return out;
}

// The texts of the JSON scripts, which must survive.
std::string JsonTexts(std::string_view html) {
  auto doc = HtmlDocument::Parse(html, HtmlParseOptions());
  std::string out;
  if (!doc.ok()) return out;
  std::vector<const xmlNode*> stack{(*doc)->root()};
  while (!stack.empty()) {
    const xmlNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) continue;
    if (NodeName(n) == "script") out += NodeText(n) + "|";
    for (const xmlNode* c = n->last; c != nullptr; c = c->prev) {
      stack.push_back(c);
    }
  }
  return out;
}

void ExpectSameTree(std::string_view html) {
  EXPECT_EQ(ParseDump(html, false), ParseDump(html, true)) << html;
}

const char* const kCases[] = {
    "<html><head><script>var a = '<p>x</p>';</script></head>"
    "<body><p>Hi</p></body></html>",
    "<p>a<script type=\"text/javascript\">if (a < b) x();</script>b</p>",
    "<p>a<SCRIPT>document.write('</div>')</SCRIPT>b</p>",
    "<p>a<script>x</SCRIPT >b</p>",
    "<p>a<script>x</scriptfoo>y</script>b</p>",
    "<p>a<script>never closed <p>and more text",
    "<p>a<script",
    "<p>a<script src=x",
    "<p>a<script data-x=\"a>b\" data-y='<script>'>var q;</script>b</p>",
    "<p>a<script/>b</p><p>c</p>",
    "<p>a<script />b</p>",
    "<div title=\"<script>x</script>\">text</div>",
    "<div title='<!-- not a comment -->'>text</div>",
    "<div @click=\"a > b\"><script>x</script>t</div>",
    "<div a=1 b=2/>x<script>y</script></div>",
    "<div a=x\"y><script>z</script></div>",
    "<style>p { color: red } /* </p> */</style><p>t</p>",
    "<STYLE type=text/css>p{}</STYLE><p>t</p>",
    "<style>never closed",
    "<p>a<!-- comment <script> -->b</p>",
    "<p>a<!---->b<!-- x -->c</p>",
    "<p>a<!-->b<!-- x -->c</p>",
    "<p>a<!--->b<!-- x -->c</p>",
    "<p>a<!-- x --!>b<!-- y -->c</p>",
    "<p>a<!-- unterminated <p>b</p>",
    "<p>a<!-- a -- b -->c</p>",
    "<!DOCTYPE html><html><body><!-- c --><p>x</p></body></html>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"
    "<html><body><script>x</script><p>y</p></body></html>",
    "<?xml version=\"1.0\" encoding=\"utf-8\"?><html><body><script>x</script>"
    "</body></html>",
    "<p>1 < 2 <script>x</script> 3 > 2</p>",
    "<p>a </ b<script>x</script></p>",
    "<p>a</p ><script>x</script></p>",
    "<title>T<script>x</script></title><p>b</p>",
    "<textarea><script>x</script></textarea><p>b</p>",
    "<xmp><script>x</script></xmp><p>b</p>",
    "<noscript><p>no js</p><style>x</style></noscript><p>b</p>",
    "<template><p>t</p><script>x</script></template><p>b</p>",
    "<table><tr><script>x</script><td>c</td></tr></table>",
    "<svg><style>.a{}</style><text>t</text></svg><p>b</p>",
    "<html><head></head><body>  <script>x</script>  <p>b</p>  </body></html>",
    "<ul>\n<li>a</li>\n<script>x</script>\n<li>b</li>\n</ul>",
    "<p>a<script>x\x01y</script>b</p>",
    "<body><div><script>var s = \"<!--\";</script><p>after</p></div></body>",
    "<p>a<_x>b</_x><script>c</script></p>",
    "<p>a<:x>b</:x><script>c</script></p>",
    "<p>a</3 b<script>c</script></p>",
    "<p>a<![endif]-->b<script>c</script></p>",
    "<p>a<!meta x=\"<i>\">b<script>c</script></p>",
    "<p>a<?pi <i>x</i> ?>b<script>c</script></p>",
    "<p>a</div!-->b<script>c</script></p>",
    "<p>a</div x=\"<script>\">b<script>c</script></p>",
    "<p>a</script>b<script>c</script></p>",
    "<p x=a\"b>c<script>d</script></p>",
    "<p x= >c<script>d</script></p>",
    "<p @x=\"a>b\">c<script>d</script></p>",
    "<p class=\"a\"\">c<script>d</script></p>",
    "<p a=\"1\"b='2'c=3>c<script>d</script></p>",
    "<p *x y / / />c<script>d</script></p>",
    "<img src=x //><script>d</script>",
    "<body </div><script>d</script>",
    "<p>a<script>x</script foo=\">\">b<script>c</script></p>",
    "<p>a<script>x</script/>b<script>c</script></p>",
    "<p>a<style>x</stylez>b</style>c</p>",
    "<!DOCTYPE html \"a>b\"><script>x</script><p>x</p>",
    "<!doctype html><script>x</script>",
    "<p>a<!---->b<!----!>c<!-- x --!>d<script>e</script></p>",
    "<p>a<!-- x ---->b<!-- y --->c<script>e</script></p>",
};

// The default parse keeps the attributes IsKeptAttribute names, and the
// tree is otherwise the one libxml2 builds with every attribute.
void ExpectKeptAttributes(std::string_view html) {
  HtmlParseOptions all;
  all.all_attributes = true;
  auto full = HtmlDocument::Parse(html, all);
  auto kept = HtmlDocument::Parse(html, HtmlParseOptions());
  ASSERT_TRUE(full.ok() && kept.ok());
  std::string want, got;
  Dump((*full)->doc()->children, false, &want, true);
  Dump((*kept)->doc()->children, false, &got);
  EXPECT_EQ(got, want) << html;
}

TEST(HtmlStripTest, SameTreeAsLibxml2) {
  for (const char* html : kCases) ExpectSameTree(html);
}

TEST(HtmlStripTest, SameTreeAtEveryCut) {
  for (const char* html : kCases) {
    std::string page(html);
    for (size_t cut = 1; cut < page.size(); ++cut) {
      ExpectSameTree(page.substr(0, cut));
      ExpectKeptAttributes(page.substr(0, cut));
    }
  }
}

TEST(HtmlStripTest, DropsScriptStyleAndComments) {
  std::string out;
  ASSERT_TRUE(StripRawText(
      "<p>a<script>var x;</script><style>p{}</style><!-- c -->b</p>", &out));
  EXPECT_EQ(out, "<p>a<script></script><style></style><!---->b</p>");
  EXPECT_FALSE(StripRawText("<p>nothing to drop</p>", &out));
  EXPECT_FALSE(StripRawText("", &out));
}

TEST(HtmlStripTest, EmptiesUnreadAttributeValues) {
  std::string out;
  ASSERT_TRUE(StripRawText(
      "<img SRC=\"a.jpg\" Class='c' data-x='{\"a\": \">\"}' width=10>", &out,
      IsKeptAttribute));
  EXPECT_EQ(out, "<img SRC=\"\" Class='c' data-x='' width=10>");
  EXPECT_FALSE(StripRawText("<img src=\"a.jpg\">", &out));
}

TEST(HtmlStripTest, StopsAtWhatItDoesNotKnow) {
  std::string out;
  // Unterminated script: libxml2 takes the rest of the page as its text.
  EXPECT_FALSE(StripRawText("<p>a<script>x<p>b</p>", &out));
  ASSERT_TRUE(StripRawText("<script>a</script><p>b<script>c</scriptx>", &out));
  EXPECT_EQ(out, "<script></script><p>b<script>c</scriptx>");
  // A bogus attribute ends at '>', quotes or not, as in libxml2.
  ASSERT_TRUE(StripRawText("<div @x='>'><script>b</script>", &out));
  EXPECT_EQ(out, "<div @x='>'><script></script>");
  ASSERT_TRUE(StripRawText("<!-- a --><p>b<!-- unterminated", &out));
  EXPECT_EQ(out, "<!----><p>b<!-- unterminated");
}

TEST(HtmlStripTest, KeepsJsonScripts) {
  const char html[] =
      "<head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\","
      " \"headline\": \"</p>\"}</script><SCRIPT TYPE='APPLICATION/JSON'>[1]"
      "</SCRIPT><script>var dropped = 1;</script></head>";
  std::string out;
  ASSERT_TRUE(StripRawText(html, &out));
  EXPECT_NE(out.find("NewsArticle"), std::string::npos);
  EXPECT_NE(out.find("[1]"), std::string::npos);
  EXPECT_EQ(out.find("dropped"), std::string::npos);
  EXPECT_EQ(JsonTexts(html),
            "{\"@type\": \"NewsArticle\", \"headline\": \"</p>\"}|[1]||");
}

TEST(HtmlStripTest, KeepsTheAttributesReadersAskFor) {
  ExpectKeptAttributes(
      "<html lang=de><head><meta property=og:title content=T>"
      "<link rel=canonical href=/x></head><body class=b data-x=1>"
      "<p id=a style='display:none' onclick=f() hidden>x</p>"
      "<img src=a.jpg srcset='a 1x' alt=A><time datetime=2020-01-01 pubdate>"
      "</time><span itemprop=author role=note aria-hidden=true title=t>y"
      "</span><html data-late=1 class=late><body data-more=2 id=late>z");
  for (const char* html : kCases) ExpectKeptAttributes(html);
}

// Every attribute the extractor's code reads by name is one the default
// parse keeps: a reader of another one would silently find nothing.
TEST(HtmlDocumentTest, KeepsEveryAttributeTheCodeReads) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(NEWSTRACE_SOURCE_DIR) / "src";
  if (!fs::exists(dir)) GTEST_SKIP() << "no sources";
  const std::regex read(
      R"re((NodeAttr|AttrText|AttrView|xmlHasProp|xmlGetProp)\([^,;()]+,\s*)re"
      R"re((BAD_CAST\s*)?"([^"]+)")re");
  int reads = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string file = e.path().filename().string();
    if (e.path().extension() != ".cc" || file.ends_with("_test.cc")) continue;
    const std::string text = testutil::ReadWholeFile(e.path());
    for (std::sregex_iterator it(text.begin(), text.end(), read), end;
         it != end; ++it) {
      EXPECT_TRUE(IsKeptAttribute((*it)[3].str()))
          << file << " reads attribute \"" << (*it)[3].str()
          << "\": add it to kKeptAttributes (html_document.cc)";
      ++reads;
    }
  }
  EXPECT_GT(reads, 10);
}

// The text handed to Parse is UTF-8 already: a declared charset must not
// make libxml2 decode it again, and non-ASCII text without one must not
// make it guess.
TEST(HtmlDocumentTest, ReadsUtf8WhateverThePageDeclares) {
  for (const char* html :
       {"<html><head><meta charset=\"iso-8859-1\"></head><body><p>caf\xc3\xa9 "
        "\xe2\x80\x9cx\xe2\x80\x9d</p></body></html>",
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
        "charset=windows-1251\"></head><body><p>caf\xc3\xa9 "
        "\xe2\x80\x9cx\xe2\x80\x9d</p></body></html>",
        "<p>caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d</p>"}) {
    for (int round = 0; round < 2; ++round) {  // a fresh, then a reused parser
      auto doc = HtmlDocument::Parse(html, HtmlParseOptions());
      ASSERT_TRUE(doc.ok());
      EXPECT_EQ(NodeText((*doc)->root()),
                "caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d")
          << html;
    }
  }
}

// Every golden HTML input, as a sample of real pages.
TEST(HtmlStripTest, SameTreeOnGoldenInputs) {
  const auto pages = testutil::GoldenHtmlInputs();
  ASSERT_FALSE(pages.empty());
  for (const auto& page : pages) {
    const std::string html = testutil::ReadWholeFile(page);
    ExpectSameTree(html);
    ExpectKeptAttributes(html);
  }
}

}  // namespace
}  // namespace newstrace::extract
