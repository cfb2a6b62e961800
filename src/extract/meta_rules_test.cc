// Differential tests: the fast metadata helpers against the rule-by-rule
// or two-pass definitions they replace.
#include "extract/meta_rules.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "base/strings.h"
#include "base/utf8.h"
#include "extract/html_document.h"
#include "extract/meta_title.h"

namespace newstrace::extract {
namespace {

// Class strings built from pieces that each rule looks for, and near misses.
std::vector<std::string> ClassStrings() {
  const std::vector<std::string> pieces = {"",
                                           "post",
                                           "meta",
                                           "entry-title",
                                           "_nav",
                                           "nav-bar",
                                           "-comment",
                                           "commentary",
                                           "respond",
                                           "disqus_x",
                                           "footer",
                                           "site-footer",
                                           "has-sidebar",
                                           "sidebar",
                                           "author",
                                           "avatar",
                                           "author-bio",
                                           "byline",
                                           "date",
                                           "updated",
                                           "date-update",
                                           "time",
                                           "headline",
                                           "x-title",
                                           "story-title",
                                           "is-date",
                                           "a\tdate",
                                           "no-comments",
                                           "photo-credit",
                                           "writer",
                                           "timestamp",
                                           "dateline",
                                           "--",
                                           "related_posts",
                                           "publication",
                                           "DATUM"};
  std::vector<std::string> out;
  for (const std::string& a : pieces) {
    for (const std::string& b : pieces) {
      out.push_back(base::AsciiLower(a + " " + b));
      out.push_back(base::AsciiLower(a + "-" + b + " " + a));
    }
  }
  return out;
}

TEST(MetaRulesTest, ReadClassFactsMatchesRules) {
  for (const std::string& joined : ClassStrings()) {
    SCOPED_TRACE(joined);
    std::vector<std::string> tokens = JoinedTokens(joined);
    ClassFacts f = ReadClassFacts(joined);
    EXPECT_EQ(f.comments, IsCommentsClass(joined));
    EXPECT_EQ(f.boilerplate, IsBoilerplateClass(joined, false));
    EXPECT_EQ(f.boilerplate_in, IsBoilerplateClass(joined, true));
    EXPECT_EQ(f.headline, IsHeadlineClass(tokens, joined));
    EXPECT_EQ(f.author, !tokens.empty() && IsAuthorClass(tokens));
    EXPECT_EQ(f.date, !tokens.empty() && IsDateClass(tokens));
  }
}

// TitleKey's definition: lower-case (base::Lower), then keep letter and
// digit runs, one space between them, "ß" as "ss".
std::string TwoPassTitleKey(std::string_view s) {
  std::string lower = base::Lower(s);
  std::string out;
  bool space = false;
  size_t i = 0;
  while (i < lower.size()) {
    size_t start = i;
    char32_t cp = base::NextCodePoint(lower, &i);
    if (base::IsLetter(cp) || base::IsDigit(cp)) {
      if (space && !out.empty()) out += ' ';
      space = false;
      if (cp == U'\u00df') {
        out += "ss";
      } else {
        out.append(lower, start, i - start);
      }
    } else {
      space = true;
    }
  }
  return out;
}

TEST(MetaRulesTest, TitleKeyMatchesTwoPassDefinition) {
  for (std::string_view s :
       {"", "  Hello, World!  ", "\u201eWir dekorieren\u201c \u2013 um!",
        "Stra\u00dfe GROSS \u1e9e",
        "\u0130stanbul \u00c9t\u00c9 \u03a3\u039f\u03a3", "tab\tnew\nline 42",
        "bad \xff\xfe utf8 \xc3", "\xed\xa0\x80 x", "\u00a0nbsp\u00a0",
        "mixed123abc\u0663\u0664"}) {
    EXPECT_EQ(TitleKey(s), TwoPassTitleKey(s)) << s;
  }
}

std::unique_ptr<HtmlDocument> Parse(const std::string& html) {
  auto doc = HtmlDocument::Parse(html, HtmlParseOptions());
  EXPECT_TRUE(doc.ok());
  return std::move(*doc);
}

const xmlNode* FindById(const xmlNode* n, std::string_view id) {
  for (; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && AttrView(n, "id") == id) return n;
    if (const xmlNode* f = FindById(n->children, id)) return f;
  }
  return nullptr;
}

TEST(MetaRulesTest, VisibleTextAndShorterMatchesTwoCalls) {
  std::string many_nodes;
  for (int i = 0; i < 150; ++i) many_nodes += "<b></b>";
  std::string spaces(420, ' ');
  for (const std::string& inner : std::vector<std::string>{
           std::string("Von Jane Roe, 12.03.2020"), std::string(""),
           std::string(90, 'x'), std::string(81, 'y'), "a" + many_nodes + "b",
           "a" + spaces + "b", "<span>By</span> <em>Jane</em> Roe",
           std::string(120, 'z'), "<script>x</script>10. Mai 2021"}) {
    auto doc = Parse("<html><body><div id=t>" + inner + "</div></body></html>");
    const xmlNode* t = FindById(doc->root(), "t");
    ASSERT_NE(t, nullptr);
    std::string small;
    EXPECT_EQ(VisibleTextAndShorter(t, 100, 80, &small), VisibleText(t, 100));
    EXPECT_EQ(small, VisibleText(t, 80)) << inner;
  }
}

TEST(MetaRulesTest, AttrTextMatchesNodeAttr) {
  auto doc = Parse(
      "<html><body><p id=t class='A &amp; b' data-x='' itemprop=name>x</p>"
      "</body></html>");
  const xmlNode* t = FindById(doc->root(), "t");
  ASSERT_NE(t, nullptr);
  std::string scratch;
  for (const char* name : {"class", "id", "data-x", "itemprop", "missing"}) {
    EXPECT_EQ(AttrText(t, name, &scratch), NodeAttr(t, name)) << name;
  }
}

TEST(MetaRulesTest, BylineWords) {
  EXPECT_TRUE(StartsWithBylineWord("Autoren Jane Roe und John Doe"));
  EXPECT_TRUE(StartsWithBylineWord("Autorin: Jane Roe"));
  EXPECT_FALSE(StartsWithBylineWord("Autorennen am Ring"));
}

TEST(MetaRulesTest, AuthorLabels) {
  EXPECT_TRUE(IsAuthorLabel("Autor:", false));
  EXPECT_TRUE(IsAuthorLabel(" Von: ", false));
  EXPECT_TRUE(IsAuthorLabel("Author :", false));
  EXPECT_FALSE(IsAuthorLabel("Author", false));  // a heading, not a label
  EXPECT_TRUE(IsAuthorLabel("Auteur", true));    // a <dt> needs no colon
  EXPECT_FALSE(IsAuthorLabel("Autor: Jane Roe", false));
  EXPECT_FALSE(IsAuthorLabel("Datum:", false));
}

TEST(MetaRulesTest, TextAfterLabel) {
  auto doc = Parse(
      "<html><body>"
      "<p><strong id=a>Autor:</strong> <a href=/p/1>Mara Quinn</a><br>"
      "<strong>Tags:</strong> Wahl</p>"
      "<div><span id=b>Autor:</span> Tom Hale <span>Quelle:</span> x</div>"
      "<div><b id=c>Von:</b><br><br>Ines Wolf</div>"
      "<dl><dt id=d>Author</dt><dd>Lena Vogt</dd></dl>"
      "<div><span id=e>Von:</span><input name=q></div>"
      "<div id=f>Von: <div>Suche</div></div><div>Filter</div>"
      "</body></html>");
  auto after = [&](const char* id) {
    const xmlNode* n = FindById(doc->root(), id);
    EXPECT_NE(n, nullptr) << id;
    return n == nullptr ? std::string("?") : TextAfterLabel(n, 100);
  };
  EXPECT_EQ(after("a"), "Mara Quinn");  // up to the line break
  EXPECT_EQ(after("b"), "Tom Hale");    // up to the next label
  EXPECT_EQ(after("c"), "Ines Wolf");   // breaks before the name skipped
  EXPECT_EQ(after("d"), "Lena Vogt");   // the <dd> of a <dt>
  EXPECT_EQ(after("e"), "");            // a form field's label
  EXPECT_EQ(after("f"), "");            // a label holds no block
}

TEST(MetaRulesTest, PublicationClassNamesADate) {
  EXPECT_TRUE(IsDateClass(JoinedTokens("publication")));
  EXPECT_TRUE(ReadClassFacts("article-publication ").date);
}

TEST(MetaRulesTest, ColumnWithTheHeadlineIsNotLinks) {
  // A short "sidebar" column that holds the article's <h1>, byline and
  // date is the article's own column.
  auto doc = Parse(
      "<html><body><div id=t class=sidebar><h1>Courts in the Crisis</h1>"
      "<a href=/a>Mara Quinn</a> <time>9 Apr 2020</time></div>"
      "<div id=u class=sidebar><h2>Popular</h2><a href=/b>One story</a>"
      "<a href=/c>Another story</a></div></body></html>");
  const xmlNode* t = FindById(doc->root(), "t");
  const xmlNode* u = FindById(doc->root(), "u");
  ASSERT_NE(t, nullptr);
  ASSERT_NE(u, nullptr);
  EXPECT_FALSE(LooksLikeLinks(t));
  EXPECT_TRUE(LooksLikeLinks(u));
}

// A byline inside a link that also holds a headline belongs to the teaser
// of another page; an author's profile link around the name does not.
TEST(MetaRulesTest, TeaserLinks) {
  auto doc = Parse(
      "<html><body><p>Von <a href=/autor/jr><span id=a>Jane Roe</span></a>"
      "</p><a href=/andere-geschichte><strong>Die andere Geschichte des Tages"
      "</strong> <span id=b>Von John Doe</span></a><span id=c>Jane Roe</span>"
      "</body></html>");
  EXPECT_FALSE(InTeaserLink(FindById(doc->root(), "a")));
  EXPECT_TRUE(InTeaserLink(FindById(doc->root(), "b")));
  EXPECT_FALSE(InTeaserLink(FindById(doc->root(), "c")));
}

TEST(MetaRulesTest, SignatureBelowTheText) {
  const std::string prose(
      "Der Rat hat am Abend lange über den Haushalt beraten und am Ende mit "
      "knapper Mehrheit beschlossen, die Mittel für Schulen zu erhöhen.");
  auto doc = Parse("<html><body><div><p>" + prose +
                   "</p><p id=a><b><i>Jane Roe</i></b></p></div>"
                   "<div><p>" +
                   prose +
                   "</p><p id=b><strong>Zwischentitel"
                   "</strong></p><p>" +
                   prose +
                   "</p></div>"
                   "<div><p>Kurz.</p><p id=c><b>Jane Roe</b></p></div>"
                   "<div><p>" +
                   prose +
                   "</p><p id=d>Jane Roe</p></div>"
                   "<div><p>" +
                   prose +
                   "</p><p id=e><b>Jane</b> Roe</p></div>"
                   "</body></html>");
  EXPECT_EQ(SignatureText(FindById(doc->root(), "a"), 60), "Jane Roe");
  // A crosshead heads more text; a name after a short line, a plain or
  // half-emphasized line are no signature.
  EXPECT_EQ(SignatureText(FindById(doc->root(), "b"), 60), "");
  EXPECT_EQ(SignatureText(FindById(doc->root(), "c"), 60), "");
  EXPECT_EQ(SignatureText(FindById(doc->root(), "d"), 60), "");
  EXPECT_EQ(SignatureText(FindById(doc->root(), "e"), 60), "");
}

TEST(MetaRulesTest, HiddenByStyle) {
  auto doc = Parse(
      "<html><body><a id=a rel=author style='display: none;'>Profile</a>"
      "<div style='VISIBILITY:hidden'><span><b id=b>x</b></span></div>"
      "<a id=c rel=author style='color:red'>Jane Roe</a></body></html>");
  EXPECT_TRUE(IsHiddenByStyle(FindById(doc->root(), "a")));
  EXPECT_TRUE(IsHiddenByStyle(FindById(doc->root(), "b")));
  EXPECT_FALSE(IsHiddenByStyle(FindById(doc->root(), "c")));
}

TEST(MetaRulesTest, ModifiedWords) {
  for (const char* line :
       {"Letzte Änderung 14.02.2019", "Zuletzt geändert am: 15.10.2021",
        "Aktualisiert: 30.12.2016", "Last updated May 3, 2021",
        "Mis à jour le 3 mai 2021"}) {
    EXPECT_TRUE(StartsWithModifiedWord(line)) << line;
    EXPECT_FALSE(StartsWithDatelineWord(line)) << line;
  }
  EXPECT_FALSE(StartsWithModifiedWord("Veröffentlicht am 3. Mai 2021"));
  EXPECT_FALSE(StartsWithModifiedWord("By Jane Roe, updated May 3"));
}

}  // namespace
}  // namespace newstrace::extract

namespace newstrace::extract {
namespace {

// The pre-checks are derived from the word lists: every opener's first
// letter passes (any case), letters that open none fail, non-ASCII passes.
TEST(MetaRulesPrecheckTest, DerivedFromTheWordLists) {
  for (const char* opener :
       {"Von ", "By ", "Autor:", "Text:", "Ein Artikel von ",
        "Geschrieben von ", "Written by ", "Posted by ", "Par ", "Door ",
        "Eingestellt von ", "Ein Interview von ", "Erstellt von ",
        "Autor/in: "}) {
    EXPECT_TRUE(StartsWithBylineWord(std::string(opener) + "Ana Ruiz"));
    EXPECT_TRUE(MayOpenBylineWord(static_cast<unsigned char>(opener[0])));
  }
  EXPECT_FALSE(MayOpenBylineWord('x'));
  EXPECT_FALSE(MayOpenBylineWord('1'));
  EXPECT_TRUE(MayOpenBylineWord(0xC3));
  for (const char* opener : {"Stand: 1.2.2020", "Published on May 2",
                             "Datum: 3.4.2021", "Erschienen am 5.5.2019"}) {
    EXPECT_TRUE(StartsWithDatelineWord(opener));
    EXPECT_TRUE(MayOpenDatelineWord(static_cast<unsigned char>(opener[0])));
  }
  EXPECT_FALSE(MayOpenDatelineWord('z'));
  EXPECT_TRUE(MayOpenDatelineWord(0xE2));
  for (const char* name : {"script", "style", "svg", "option", "button",
                           "textarea", "template", "select"}) {
    EXPECT_TRUE(extract::IsSkipped(name));
    EXPECT_TRUE(MayBeSkippedName(static_cast<unsigned char>(name[0])));
  }
  EXPECT_FALSE(MayBeSkippedName('d'));
  EXPECT_FALSE(MayBeSkippedName('p'));
}

}  // namespace
}  // namespace newstrace::extract
