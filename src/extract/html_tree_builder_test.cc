// The arena tree builder against libxml2's own: for every input and option
// set, the two trees must agree field by field (types, names, contents,
// attributes, line numbers, links), and so must truncated().
#include "extract/html_tree_builder.h"

#include <gtest/gtest.h>
#include <libxml/parserInternals.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "extract/html_document.h"
#include "testutil/files.h"

namespace newstrace::extract {
namespace {

std::string Str(const xmlChar* s) {
  if (s == nullptr) return "(null)";
  return "\"" + std::string(reinterpret_cast<const char*>(s)) + "\"";
}

// Checks the links of `n`, a child of `parent` after `prev`, within its
// own tree; returns "" or what is wrong.
std::string CheckLinks(const xmlNode* n, const xmlNode* parent,
                       const xmlNode* prev, const xmlDoc* doc) {
  if (n->parent != parent) return "parent";
  if (n->prev != prev) return "prev";
  if (n->doc != doc) return "doc";
  if (n->next == nullptr && parent->last != n) return "last";
  return "";
}

// A description of how node `a` differs from node `b` (same position in
// their trees), or "" when they agree. Children are not compared.
std::string NodeDiff(const xmlNode* a, const xmlNode* b) {
  if (a->type != b->type) {
    return "type " + std::to_string(a->type) + " vs " + std::to_string(b->type);
  }
  if (Str(a->name) != Str(b->name)) {
    return "name " + Str(a->name) + " vs " + Str(b->name);
  }
  if ((a->name == xmlStringText) != (b->name == xmlStringText)) {
    return "text name pointer";
  }
  if (a->type == XML_DTD_NODE) {
    auto* da = reinterpret_cast<const xmlDtd*>(a);
    auto* db = reinterpret_cast<const xmlDtd*>(b);
    if (Str(da->ExternalID) != Str(db->ExternalID) ||
        Str(da->SystemID) != Str(db->SystemID)) {
      return "dtd ids";
    }
    return "";
  }
  if (a->line != b->line) {
    return "line " + std::to_string(a->line) + " vs " + std::to_string(b->line);
  }
  if (a->type != XML_ELEMENT_NODE) {
    if (Str(a->content) != Str(b->content)) {
      return "content " + Str(a->content) + " vs " + Str(b->content);
    }
    return "";
  }
  if (a->ns != nullptr || b->ns != nullptr) return "element ns";
  if (a->nsDef != nullptr || b->nsDef != nullptr) return "element nsDef";
  const xmlAttr* pa = a->properties;
  const xmlAttr* pb = b->properties;
  const xmlAttr* prev_a = nullptr;
  const xmlAttr* prev_b = nullptr;
  for (; pa != nullptr && pb != nullptr; pa = pa->next, pb = pb->next) {
    if (pa->type != XML_ATTRIBUTE_NODE || pb->type != XML_ATTRIBUTE_NODE) {
      return "attribute type";
    }
    if (Str(pa->name) != Str(pb->name)) {
      return "attribute " + Str(pa->name) + " vs " + Str(pb->name);
    }
    if (pa->ns != nullptr || pb->ns != nullptr) return "attribute ns";
    if (pa->parent != a || pb->parent != b) return "attribute parent";
    if (pa->prev != prev_a || pb->prev != prev_b) return "attribute prev";
    if (pa->doc != a->doc || pb->doc != b->doc) return "attribute doc";
    const xmlNode* va = pa->children;
    const xmlNode* vb = pb->children;
    const xmlNode* last_a = nullptr;
    const xmlNode* last_b = nullptr;
    for (; va != nullptr && vb != nullptr; va = va->next, vb = vb->next) {
      std::string d = NodeDiff(va, vb);
      if (!d.empty()) return "value of " + Str(pa->name) + ": " + d;
      if (va->parent != reinterpret_cast<const xmlNode*>(pa) ||
          vb->parent != reinterpret_cast<const xmlNode*>(pb)) {
        return "value parent";
      }
      if (va->doc != a->doc || vb->doc != b->doc) return "value doc";
      last_a = va;
      last_b = vb;
    }
    if (va != nullptr || vb != nullptr) return "value count";
    if (pa->last != last_a || pb->last != last_b) return "value last";
    prev_a = pa;
    prev_b = pb;
  }
  if (pa != nullptr || pb != nullptr) return "attribute count";
  return "";
}

// "" when the trees of `a` and `b` are the same, else where they differ.
// Iterative: any depth.
std::string TreeDiff(const HtmlDocument& a, const HtmlDocument& b) {
  const xmlDoc* da = a.doc();
  const xmlDoc* db = b.doc();
  if (da->type != db->type || da->properties != db->properties ||
      da->parseFlags != db->parseFlags || da->charset != db->charset ||
      da->standalone != db->standalone || Str(da->URL) != Str(db->URL) ||
      Str(da->encoding) != Str(db->encoding) || da->doc != da ||
      db->doc != db) {
    return "document fields";
  }
  if ((da->intSubset == nullptr) != (db->intSubset == nullptr)) {
    return "intSubset";
  }
  if (a.truncated() != b.truncated()) return "truncated()";
  struct Frame {
    const xmlNode* parent_a;
    const xmlNode* parent_b;
    const xmlNode* a;
    const xmlNode* b;
    const xmlNode* prev_a;
    const xmlNode* prev_b;
  };
  auto doc_a = reinterpret_cast<const xmlNode*>(da);
  auto doc_b = reinterpret_cast<const xmlNode*>(db);
  std::vector<Frame> stack{
      {doc_a, doc_b, da->children, db->children, nullptr, nullptr}};
  std::string path;
  while (!stack.empty()) {
    Frame& f = stack.back();
    if (f.a == nullptr || f.b == nullptr) {
      if (f.a != f.b) return "child count under " + Str(f.parent_a->name);
      stack.pop_back();
      continue;
    }
    const xmlNode* na = f.a;
    const xmlNode* nb = f.b;
    std::string d = NodeDiff(na, nb);
    if (d.empty()) d = CheckLinks(na, f.parent_a, f.prev_a, da);
    if (d.empty()) d = CheckLinks(nb, f.parent_b, f.prev_b, db);
    if (!d.empty()) return d + " at a child of " + Str(f.parent_a->name);
    if (na->type == XML_DTD_NODE &&
        (reinterpret_cast<const xmlNode*>(da->intSubset) != na ||
         reinterpret_cast<const xmlNode*>(db->intSubset) != nb)) {
      return "intSubset is not the DTD child";
    }
    f.prev_a = na;
    f.prev_b = nb;
    f.a = na->next;
    f.b = nb->next;
    if (na->type == XML_ELEMENT_NODE) {
      stack.push_back({na, nb, na->children, nb->children, nullptr, nullptr});
    }
  }
  return "";
}

// Parses `html` with both builders under every option set and expects the
// same trees.
void ExpectSameTrees(std::string_view html, size_t max_recovery_work = 0) {
  for (int strip = 0; strip < 2; ++strip) {
    for (int all = 0; all < 2; ++all) {
      HtmlParseOptions options;
      options.strip_raw_text = strip != 0;
      options.all_attributes = all != 0;
      options.url = "http://example.com/a b";
      if (max_recovery_work != 0) {
        options.max_recovery_work = max_recovery_work;
      }
      options.arena_tree = false;
      auto want = HtmlDocument::Parse(html, options);
      options.arena_tree = true;
      auto got = HtmlDocument::Parse(html, options);
      ASSERT_EQ(want.ok(), got.ok()) << html;
      if (!want.ok()) continue;
      EXPECT_EQ(TreeDiff(**got, **want), "")
          << "strip=" << strip << " all=" << all << ": " << html;
    }
  }
}

const char* const kCases[] = {
    "",
    "   ",
    "plain text",
    "<p>a &amp; b &lt;c&gt; &eacute;&#233;&#x41; &bogus; &amp</p>",
    "<!DOCTYPE html><html><head><title>T</title></head><body><p>x</p>"
    "</body></html>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01//EN\">"
    "<html><body> <p>a</p> <b>b</b> </body></html>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
    "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><p>x",
    "<!-- first --><!DOCTYPE html><?pi data?><html><body>x</body></html>"
    "<!-- after -->",
    "<html><body>x</body></html>  <p>after the root</p>tail",
    "<!DOCTYPE html><html><body>x</body></html><p>after</p><!--end-->",
    "<html><head> <meta charset=utf-8> <title>t</title> </head> <body> x"
    " </body> </html>",
    "<div class=a id=b data-x=1 CLASS=dup hidden checked disabled=x "
    "selected noval>t</div>",
    "<input checked><option selected>o</option><td nowrap>n</td>",
    "<fb:like href=x></fb:like><og:x>y</og:x><a:>z</a:><fb:1x>w</fb:1x>"
    "<xml:x>v</xml:x><p xml:lang=en lang=fr>u</p>",
    "<p>a<!--c-->b<!---->c<?pi x?>d</p>",
    "<script>var a = '<p>x</p>';</script><style>p{}</style>"
    "<script type=\"application/ld+json\">{\"a\": 1}</script>",
    "<p>a<script>x</script>b<script>y</script></p>",
    "<textarea>a<b>c</textarea><title>a &amp; b</title>",
    "<table><tr><td>a<td>b</table><ul><li>x<li>y</ul>",
    "<p>1 < 2 and 3 > 2 & so on</p>",
    "<b><i>x</b>y</i>z",
    "</p></div></span>x</body></html>",
    "<html lang=de><html data-late=1 class=late><body id=b><body class=c>x",
    "<head><p>in head</p></head><head><title>2</title></head>",
    "<frameset><frame src=x></frameset><noframes>n</noframes>",
    "<svg><text>t</text></svg><math><mi>x</mi></math>",
    "<p>a\0b</p>",
    "<p>caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d</p>",
    "<p>\xff\xfe bad utf-8 \xc3</p>",
    "<?xml version=\"1.0\" encoding=\"utf-8\"?><html><body>x</body></html>",
    "<p\n>line\n<b\n>two\n</b>\n</p>",
};

TEST(HtmlTreeBuilderTest, SameTreeAsLibxml2) {
  for (const char* html : kCases) ExpectSameTrees(html);
}

TEST(HtmlTreeBuilderTest, SameTreeAtEveryCut) {
  for (const char* html : kCases) {
    std::string page(html);
    for (size_t cut = 1; cut < page.size(); ++cut) {
      ExpectSameTrees(page.substr(0, cut));
    }
  }
}

// Long texts come in 1000-byte pieces and merge; so do long attribute
// values and comments.
TEST(HtmlTreeBuilderTest, SameTreeForLongTexts) {
  std::string text(5000, 'x');
  for (size_t i = 0; i < text.size(); i += 97) text[i] = ' ';
  ExpectSameTrees("<p>" + text + "&amp;" + text + "</p><p title='" + text +
                  "'>" + text + "<!--" + text + "-->" + text + "</p>");
  ExpectSameTrees("<script>" + text + "</script><pre>" + text + "</pre>");
}

// A parse the recovery budget stops: the trees stop at the same point.
TEST(HtmlTreeBuilderTest, SameTreeWhenTruncated) {
  std::string html;
  for (int i = 0; i < 300; ++i) html += "<div><span>x";
  for (int i = 0; i < 300; ++i) html += "</b></i>";
  html += "<p>rest</p>";
  ExpectSameTrees(html, 5000);
  HtmlParseOptions options;
  options.max_recovery_work = 5000;
  auto doc = HtmlDocument::Parse(html, options);
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE((*doc)->truncated());
}

// Random tag soup from a fixed seed.
TEST(HtmlTreeBuilderTest, SameTreeOnTagSoup) {
  const char* const pieces[] = {
      "<p>",
      "</p>",
      "<div class=c>",
      "</div>",
      "<b>",
      "</b>",
      "<br>",
      "<img src=x alt=y>",
      "<table>",
      "<tr>",
      "<td>",
      "</table>",
      "<li>",
      "<ul>",
      "</ul>",
      "text ",
      " ",
      "\n",
      "&amp;",
      "&nbsp;",
      "&#8220;",
      "<!-- c -->",
      "<?pi x?>",
      "<script>s</script>",
      "<style>t</style>",
      "<html>",
      "</html>",
      "<body>",
      "</body>",
      "<head>",
      "</head>",
      "<title>t</title>",
      "<meta name=a content=b>",
      "<fb:x>",
      "</fb:x>",
      "<input checked>",
      "<a href='h' rel=r>",
      "</a>",
      "<span hidden>",
      "</span>",
      "<!DOCTYPE html>",
      "</x>",
      "<h1 id=i>",
      "</h1>",
      "<textarea>",
      "</textarea>",
      "<",
      ">",
      "\"",
      "<p title=\"a &amp; b\">",
      "<select>",
      "<option selected>",
      "<noscript>",
      "</noscript>",
      "<pre>",
      "</pre>",
  };
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1);
  std::uniform_int_distribution<int> length(1, 60);
  for (int doc = 0; doc < 1500; ++doc) {
    std::string html;
    for (int i = length(rng); i > 0; --i) html += pieces[pick(rng)];
    ExpectSameTrees(html);
  }
}

// Every golden HTML input, as a sample of real pages.
TEST(HtmlTreeBuilderTest, SameTreeOnGoldenInputs) {
  const auto pages = testutil::GoldenHtmlInputs();
  ASSERT_FALSE(pages.empty());
  for (const auto& page : pages) {
    ExpectSameTrees(testutil::ReadWholeFile(page));
  }
}

TEST(HtmlDocumentTest, IsKeptAttributeNamesExactlyItsList) {
  for (const char* name :
       {"id",       "rel",      "lang",     "href",       "name",
        "role",     "type",     "class",    "style",      "title",
        "value",    "hidden",   "content",  "pubdate",    "itemprop",
        "datetime", "property", "xml:lang", "http-equiv", "aria-hidden"}) {
    EXPECT_TRUE(IsKeptAttribute(name)) << name;
  }
  for (const char* name :
       {"", "i", "ids", "Class", "classx", "clas", "src", "data-id", "alt",
        "aria-label", "xml:lan", "http-equi", "contents", "rev", "typ"}) {
    EXPECT_FALSE(IsKeptAttribute(name)) << name;
  }
}

}  // namespace
}  // namespace newstrace::extract
