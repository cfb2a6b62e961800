// One walk over an HTML tree that collects every place metadata may come
// from: <meta> tags, links, JSON-LD scripts, <title>, headings, <time>,
// microdata (itemprop) and elements whose class or id names a byline or a
// date. Choosing among them is metadata.cc's job; this file only finds.
#ifndef NEWSTRACE_EXTRACT_META_SCAN_H_
#define NEWSTRACE_EXTRACT_META_SCAN_H_

#include <string>
#include <vector>

#include "extract/html_document.h"

namespace newstrace::extract {

// Where in the page an element sits (bit flags of its ancestors).
enum ScanContext : unsigned {
  kCtxComments = 1,  // inside reader comments or a microdata review item
  // Inside nav, aside (but an article's own meta aside), footer, a
  // sidebar or widget, or the page's header when it lacks the headline;
  // for an author or date candidate also: inside a teaser link to another
  // page (InTeaserLink).
  kCtxBoilerplate = 2,
  kCtxArticle = 4,  // inside <article>, <main> or an article body
  kCtxHead = 8,     // inside <head>
};

// A piece of text found at one place in the page.
struct ScanItem {
  std::string text;      // whitespace-collapsed text or attribute value
  std::string key;       // what named it: a meta key, an itemprop, a class
  int order = 0;         // document order of the element
  unsigned context = 0;  // ScanContext bits
  bool strong = false;   // kind-specific: see the fields of PageScan
};

struct PageScan {
  std::string html_lang;  // <html lang> / xml:lang as written
  // <meta name|property|itemprop|http-equiv=... content=...>; key lower-case.
  std::vector<ScanItem> metas;
  std::string canonical;            // <link rel=canonical href>
  std::vector<std::string> jsonld;  // texts of ld+json scripts
  std::string title;                // the first <title>, collapsed
  // <h1> texts (strong: the h1 is inside the article), then elements marked
  // as a headline (itemprop=headline, class entry-title / post-title ...)
  // with strong=false, all in document order.
  std::vector<ScanItem> headings;
  // <h2> and <h3> texts, for telling which part of a <title> is the
  // headline; never titles by themselves.
  std::vector<ScanItem> subheadings;
  // Author candidates in document order: itemprop=author/creator (strong),
  // rel=author links (strong), class/id naming a byline or author (key: the
  // class and id), <address> (key "address"), and short texts that open
  // with a byline word ("Von Jane Roe", key "text"), and a paragraph that
  // is only an emphasized line after prose and before nothing of
  // substance, as a signature ends an article (key "signature",
  // SignatureText).
  std::vector<ScanItem> authors;
  // Date candidates in document order: <time> (text is the datetime
  // attribute or else the element text; strong for pubdate, a
  // datePublished itemprop, or a class naming publication), itemprop
  // date* (key is the itemprop), the text of elements whose class or id
  // names a date (key "class"), and short texts with a digit in the few
  // elements after the first <h1>, and after the first <h1> inside the
  // article when the first one is outside it (key "near"); on a page
  // without an <h1> (until one comes), after the first headline-marked
  // element or the <h2>-<h6> the <title> opens with. Also every line, at
  // any place in an element, that opens with a publication-date label
  // ("Erschienen am: 01.11.2023", key "label").
  std::vector<ScanItem> dates;
  int first_h1_order = -1;  // order of the first <h1>, -1 when none
  // The text readers see (outside <head>, script and style), each text
  // node after a space, in element order; at most 4 MiB.
  std::string visible_text;
};

// Walks `doc` once. Texts are capped (long elements are skipped as byline or
// date candidates). Never fails.
PageScan ScanPage(const HtmlDocument& doc);

}  // namespace newstrace::extract

#endif  // NEWSTRACE_EXTRACT_META_SCAN_H_
