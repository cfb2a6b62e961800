#include "extract/metadata.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/meta_title.h"

namespace newstrace::extract {
namespace {

using Names = std::vector<std::string>;

HtmlMetadata MetaOf(const std::string& html) {
  auto doc = HtmlDocument::Parse(html, HtmlParseOptions());
  EXPECT_TRUE(doc.ok());
  return ExtractHtmlMetadata(**doc);
}

TEST(ExtractMetadataTest, ReadsOpenGraph) {
  HtmlMetadata m = MetaOf(
      "<html lang=en><head><meta property='og:title' content='Big news'>"
      "<meta property='og:site_name' content='Daily'>"
      "<meta property='article:published_time' content='2019-03-21'>"
      "<link rel=canonical href='https://daily.example/a/1'>"
      "</head><body><p>x</p></body></html>");
  EXPECT_EQ(m.title, "Big news");
  EXPECT_EQ(m.site_name, "Daily");
  EXPECT_EQ(m.published, "2019-03-21");
  EXPECT_EQ(m.language, "en");
  EXPECT_EQ(m.url, "https://daily.example/a/1");
}

TEST(ExtractMetadataTest, JsonLdWinsOverMetaTags) {
  HtmlMetadata m = MetaOf(R"(<html><head>
    <meta name="author" content="Meta Person">
    <meta property="article:published_time" content="2018-01-01">
    <script type="application/ld+json">{"@type":"NewsArticle",
      "headline":"From JSON-LD","datePublished":"2019-05-06T08:00:00+02:00",
      "author":{"@type":"Person","name":"Ld Person"}}</script>
    </head><body><h1>Something else entirely</h1>
    <p>Story: Ld Person</p></body></html>)");
  EXPECT_EQ(m.authors, Names{"Ld Person"});
  EXPECT_EQ(m.published, "2019-05-06");
}

TEST(ExtractMetadataTest, SplitsTheSiteNameOffTheTitle) {
  HtmlMetadata m = MetaOf(
      "<html><head><title>Rain in Spain stays mainly in the plain | The "
      "Weather Gazette</title></head><body><p>Text.</p></body></html>");
  EXPECT_EQ(m.title, "Rain in Spain stays mainly in the plain");
  m = MetaOf(
      "<html><head><title>Weather Gazette » Rain in Spain stays mainly in "
      "the plain</title><meta property='og:site_name' content='Weather "
      "Gazette'></head><body></body></html>");
  EXPECT_EQ(m.title, "Rain in Spain stays mainly in the plain");
}

TEST(ExtractMetadataTest, PrefersTheHeadlineTheTitleConfirms) {
  HtmlMetadata m = MetaOf(R"(<html><head>
    <title>Local council approves new bridge - Town Crier</title></head>
    <body><h1><a href="/">Town Crier</a></h1>
    <article><h1><span class="kicker">Infrastructure</span>
      Local council approves new bridge</h1></article></body></html>)");
  EXPECT_EQ(m.title, "Local council approves new bridge");
}

TEST(ExtractMetadataTest, FindsABylineAndDatelineInThePage) {
  HtmlMetadata m = MetaOf(R"(<html><body>
    <nav><span class="date">1. Januar 2000</span></nav>
    <article><h1>Ein Titel für den Test</h1>
    <div class="byline">Von Anna Berg und Carl Dorn</div>
    <div class="entry-meta">Veröffentlicht am 21. März 2019</div>
    <p>Text.</p></article>
    <div class="comments"><span class="author">Troll</span>
      <span class="date">22. März 2019</span></div></body></html>)");
  EXPECT_EQ(m.authors, (Names{"Anna Berg", "Carl Dorn"}));
  EXPECT_EQ(m.published, "2019-03-21");
}

TEST(ExtractMetadataTest, NoAuthorNoDateMeansNone) {
  HtmlMetadata m = MetaOf(
      "<html><head><title>About us</title><meta name=author "
      "content=admin></head><body><h1>About us</h1><p>We sell bread since "
      "1990.</p></body></html>");
  EXPECT_TRUE(m.authors.empty());
  EXPECT_EQ(m.published, "");
  EXPECT_EQ(m.title, "About us");
}

TEST(ExtractMetadataTest, UsesTheCanonicalUrlDateLast) {
  HtmlMetadata m = MetaOf(
      "<html><head><link rel=canonical "
      "href='https://blog.example/2016/04/05/post/'></head><body><h1>A "
      "post</h1></body></html>");
  EXPECT_EQ(m.published, "2016-04-05");
}

TEST(ExtractMetadataTest, PrefersTheShownDateToAUtcTimestampADayOff) {
  HtmlMetadata m = MetaOf(R"(<html><head>
    <meta property="article:published_time" content="2019-10-18T22:04:00Z">
    </head><body><h1>Late night story</h1>
    <p class="date">19. Oktober 2019 00:04 Uhr</p></body></html>)");
  EXPECT_EQ(m.published, "2019-10-19");
  m = MetaOf(R"(<html><head>
    <meta property="article:published_time"
      content="2019-10-18T22:04:00-03:00"></head><body><h1>Late story</h1>
    <p class="date">18.10.2019, 22:04</p>
    <p class="updated-date">19. Oktober 2019</p></body></html>)");
  EXPECT_EQ(m.published, "2019-10-18");  // shown, with a local offset
}

TEST(ExtractMetadataTest, AShownDateBeatsAConflictingDeclaredOne) {
  HtmlMetadata m = MetaOf(R"(<html><head>
    <meta property="article:published_time" content="2015-01-01T00:00:00">
    </head><body><h1>Old import, new post</h1>
    <p class="date">3. Juni 2019</p></body></html>)");
  EXPECT_EQ(m.published, "2019-06-03");
  m = MetaOf(R"(<html><head>
    <meta property="article:published_time" content="2015-01-01T00:00:00">
    </head><body><h1>Date rendered by a script</h1></body></html>)");
  EXPECT_EQ(m.published, "2015-01-01");  // nothing contradicts it
}

TEST(ExtractMetadataTest, DropsDeclaredAuthorsThePageNeverShows) {
  HtmlMetadata m = MetaOf(
      "<html><head><meta name=author content='cms_account_7'></head>"
      "<body><h1>Notice</h1><p>The office is closed on Monday.</p>"
      "</body></html>");
  EXPECT_TRUE(m.authors.empty());
}

TEST(ExtractMetadataTest, SurvivesEmptyAndBrokenPages) {
  for (const char* html :
       {"", "<html>", "<html><head><script type='application/ld+json'>{{{",
        "<h1></h1><time datetime='2099-99-99'>x</time>",
        "<meta name=author content=''><meta property=og:title content=''>"}) {
    auto doc = HtmlDocument::Parse(html, HtmlParseOptions());
    if (!doc.ok()) continue;
    HtmlMetadata m = ExtractHtmlMetadata(**doc);
    EXPECT_EQ(m.published, "") << html;
  }
}

TEST(ExtractMetadataTest, TitleHelpers) {
  EXPECT_EQ(TitleKey("„Wir dekorieren“ – um!"), "wir dekorieren um");
  EXPECT_EQ(TitleKey("Straße"), "strasse");
  EXPECT_EQ(DecodeEntities("A &amp; B &#8211; C&#x27;s &hellip;"),
            "A & B – C's …");
  EXPECT_EQ(DecodeEntities("&bogus; &#0; &"), "&bogus; &#0; &");
  EXPECT_EQ(SplitTitle("A | B - C"), (Names{"A", "B", "C"}));
  EXPECT_EQ(SiteNames({"Daily"}, "https://www.mdr.de/x"),
            (Names{"Daily", "mdr.de", "mdr"}));
  EXPECT_EQ(SiteNames({}, "https://auto.oe24.at/x"),
            (Names{"auto.oe24.at", "oe24.at", "oe24"}));
  EXPECT_EQ(SiteNames({}, "http://news.bbc.co.uk/x"),
            (Names{"news.bbc.co.uk", "bbc.co.uk", "bbc"}));
  EXPECT_TRUE(IsSitePart("MDR.DE", {"mdr.de"}, true));
  EXPECT_TRUE(IsSitePart("Spektrum der Wissenschaft", {"spektrum"}, false));
  EXPECT_FALSE(IsSitePart("Spektrum der Wissenschaft", {"spektrum"}, true));
}

TEST(ExtractMetadataTest, MetaNamingCoAuthorsCompletesJsonLd) {
  HtmlMetadata m = MetaOf(R"(<html><head>
    <meta name="author" content="Ann Vale,Bert Moss">
    <script type="application/ld+json">{"@type":"Article",
      "headline":"Ferry late again","author":{"@type":"Person",
      "name":"Ann Vale"}}</script></head>
    <body><h1>Ferry late again</h1><p>Ann Vale, Bert Moss</p>
    <p>The ferry left late again.</p></body></html>)");
  EXPECT_EQ(m.authors, (Names{"Ann Vale", "Bert Moss"}));
}

TEST(ExtractMetadataTest, DropsInitialsOfAListedAuthor) {
  HtmlMetadata m = MetaOf(R"(<html><head>
    <meta name="author" content="Tina Roe, TR"></head>
    <body><h1>Winter walks</h1><p>Tina Roe</p>
    <p>Five walks for short days.</p></body></html>)");
  EXPECT_EQ(m.authors, (Names{"Tina Roe"}));
}

TEST(ExtractMetadataTest, DateOpeningTheTitle) {
  HtmlMetadata m = MetaOf(
      "<html><head><title>08.11.2021 | Fachtag zum Gedenken</title></head>"
      "<body><h1>Fachtag zum Gedenken</h1><p>Ein Fachtag.</p></body></html>");
  EXPECT_EQ(m.published, "2021-11-08");
  HtmlMetadata about = MetaOf(
      "<html><head><title>1. Mai 2022 wird gefeiert</title></head>"
      "<body><h1>1. Mai 2022 wird gefeiert</h1><p>Ein Fest.</p></body></html>");
  EXPECT_EQ(about.published, "");
}

TEST(ExtractMetadataTest, DatelineOpeningTheFirstParagraph) {
  HtmlMetadata m = MetaOf(
      "<html><head><title>Bioenergie gedrosselt</title></head><body>"
      "<h1>Bioenergie gedrosselt</h1><p>29.11.2022 \u2013 Mehrfach hatte die "
      "Branche vor den Folgen des Gesetzes gewarnt, nun ist es "
      "beschlossen, und die Betreiber rechnen mit Verlusten.</p>"
      "</body></html>");
  EXPECT_EQ(m.published, "2022-11-29");
}

TEST(ExtractMetadataTest, DatelineBelowTheArticleHeadlineNotTheLogo) {
  // The first <h1> is the site's name in the header, far above the
  // article: the short dated line below the article's own <h1> is its
  // dateline.
  std::string menu;
  for (int i = 0; i < 100; ++i) {
    menu += "<li><a href=\"/r" + std::to_string(i) + "\">Rubrik</a></li>";
  }
  HtmlMetadata m = MetaOf(
      "<html><head><title>Neue Br\u00fccke er\u00f6ffnet</title></head>"
      "<body><header><h1>Stadtbote</h1><ul>" +
      menu +
      "</ul></header><article><h1>Neue Br\u00fccke er\u00f6ffnet</h1>"
      "<div><span>14.03.2021</span></div><p>Die Stadt hat die neue "
      "Br\u00fccke \u00fcber den Fluss f\u00fcr den Verkehr "
      "freigegeben.</p></article></body></html>");
  EXPECT_EQ(m.published, "2021-03-14");
}

TEST(ExtractMetadataTest, LongLineOpeningWithADatelineWord) {
  HtmlMetadata m = MetaOf(
      "<html><head><title>Folge 12</title></head><body>"
      "<div class=box><p>Ver\u00f6ffentlicht am 16.08.2019<br>Dauer: 1 "
      "Stunde 4 Minuten<br>Lizenz: CC-BY 4.0, mit Dank an alle, die "
      "mitgeholfen haben</p></div><h2>Folge 12</h2></body></html>");
  EXPECT_EQ(m.published, "2019-08-16");
}

TEST(ExtractMetadataTest, DateInTheByline) {
  HtmlMetadata m = MetaOf(
      "<html><head><title>Keynes revisited</title></head><body>"
      "<h1>Keynes revisited</h1><div class=author><a href='/a/gq'>Gerd "
      "Quast</a>, 21. Jan. 2015</div><p>Ein Beitrag.</p></body></html>");
  EXPECT_EQ(m.published, "2015-01-21");
}

TEST(ExtractMetadataTest, ShareaholicPublishedTime) {
  HtmlMetadata m = MetaOf(
      "<html><head><meta name='shareaholic:article_published_time' "
      "content='2014-03-17T01:44:37+01:00'></head>"
      "<body><h1>Wie funktioniert es?</h1><p>So.</p></body></html>");
  EXPECT_EQ(m.published, "2014-03-17");
}

TEST(ExtractMetadataTest, PressReleaseLine) {
  HtmlMetadata m = MetaOf(
      "<html><head><title>Hilfe gegen Hunger</title></head><body>"
      "<h1>Hilfe gegen Hunger</h1><div class=teaser><p>Pressemitteilung "
      "vom 25. Januar 2022 | Berlin \u2013 Die Zusammenarbeit mit dem "
      "Programm wird ausgebaut, teilte das Ministerium mit.</p></div>"
      "</body></html>");
  EXPECT_EQ(m.published, "2022-01-25");
}

TEST(ExtractMetadataTest, AuthorAfterTheDateInTheDateline) {
  HtmlMetadata m = MetaOf(
      "<html><body><h1>Neue Wege im Unterricht</h1>"
      "<p class=meta>11.12.2019 - Mara Quinn</p><p>Ein Text.</p>"
      "</body></html>");
  EXPECT_EQ(m.authors, Names{"Mara Quinn"});
  EXPECT_EQ(m.published, "2019-12-11");
  // A byline word in a dateline that opens with the date.
  m = MetaOf(
      "<html><body><h1>Ein Titel</h1><h2><span>06.11.2023 13:30 von "
      "Ines</span></h2><p>Ein Text.</p></body></html>");
  EXPECT_EQ(m.authors, Names{"Ines"});
  // A section name after the date is no author; nor is a line that
  // does not open with the date.
  m = MetaOf(
      "<html><body><h1>Ein Titel</h1><p>12.05.2021 - Umwelt</p>"
      "<p>2009 Fertigstellung von Haus 4</p></body></html>");
  EXPECT_TRUE(m.authors.empty());
}

TEST(ExtractMetadataTest, AuthorAfterALabelElement) {
  HtmlMetadata m = MetaOf(
      "<html><body><h1>Ein Titel</h1><div class=info>"
      "<span class=label>Datum:</span> 19.11.2021<br>"
      "<span class=label>Autor:</span> Tom Hale<br>"
      "<span class=label>Quelle:</span> Archiv</div><p>Text.</p>"
      "</body></html>");
  EXPECT_EQ(m.authors, Names{"Tom Hale"});
  m = MetaOf(
      "<html><body><h1>Un titre</h1><dl><dt>Auteur</dt><dd><a "
      "href=/staff/lv>Lena Vogt</a></dd><dt>Cover</dt><dd>Photo</dd></dl>"
      "<p>Texte.</p></body></html>");
  EXPECT_EQ(m.authors, Names{"Lena Vogt"});
}

TEST(ExtractMetadataTest, NewsAgencyCreditsAreNoAuthors) {
  HtmlMetadata m = MetaOf(
      "<html><body><h1>Ein Titel</h1><div class=byline>Von dpa</div>"
      "<p>Text.</p></body></html>");
  EXPECT_TRUE(m.authors.empty());
  m = MetaOf(
      "<html><body><h1>Ein Titel</h1><div class=byline>Von Mara Quinn, "
      "dpa</div><p>Text.</p></body></html>");
  EXPECT_EQ(m.authors, Names{"Mara Quinn"});
}

TEST(ExtractMetadataTest, DateLabelInsideALongerBlock) {
  // The label opens a line after a <br>, not the element.
  HtmlMetadata m = MetaOf(
      "<html><body><p>Text.</p><div class=foot>"
      "<p>Letzte Pflege: 03.02.2021<br>Erschienen am: 05.02.2021<br>"
      "Aufrufe: 40</p></div></body></html>");
  EXPECT_EQ(m.published, "2021-02-05");
  // Loose text in a long block, the date in a link.
  m = MetaOf(
      "<html><body><h1>Rosa Wend</h1><div>Ein langer Einleitungstext, der "
      "mehr als achtzig Zeichen hat und damit keine Datumszeile ist.<br>"
      "Ver&ouml;ffentlichung: <a href=/list>14.03.2020</a><br>Label: "
      "Eigenverlag</div></body></html>");
  EXPECT_EQ(m.published, "2020-03-14");
}

TEST(ExtractMetadataTest, DatelineByAHeadlineWithoutH1) {
  // The <h4> the <title> opens with is the headline; the dated line just
  // above it is its dateline.
  HtmlMetadata m = MetaOf(
      "<html><head><title>Neue Br&uuml;cke am Fluss er&ouml;ffnet | "
      "Stadtblatt</title></head><body><p><em>14.06.2021 09:10</em></p>"
      "<h4>Neue Br&uuml;cke am Fluss er&ouml;ffnet</h4><p>Text.</p>"
      "</body></html>");
  EXPECT_EQ(m.published, "2021-06-14");
  // A headline-marked element stands in for the <h1>.
  m = MetaOf(
      "<html><body><div class=entry-title>Garden club meets</div>"
      "<p>May 6, 2020</p><p>Text.</p></body></html>");
  EXPECT_EQ(m.published, "2020-05-06");
  // A heading the title does not open with is no headline.
  m = MetaOf(
      "<html><head><title>Stadtblatt</title></head><body>"
      "<h2>Weitere Meldungen</h2><p>01.02.2020</p></body></html>");
  EXPECT_EQ(m.published, "");
}

TEST(ExtractMetadataTest, CopyrightLineIsNoDateline) {
  HtmlMetadata m = MetaOf(
      "<html><body><h1>Ein Titel</h1><figure><img src=a.jpg><figcaption>"
      "<span>&copy; Tom Hale, 31.05.2013</span></figcaption></figure>"
      "<p>Text.</p></body></html>");
  EXPECT_EQ(m.published, "");
}

// A canonical link relative to the host is read against the page's URL,
// so the site's host names it ("NDR" on ndr.de is the site, not a writer).
TEST(ExtractMetadataTest, ResolvesARelativeCanonical) {
  auto doc = HtmlDocument::Parse(
      "<html><head><meta name=author content='Beispielfunk'>"
      "<link rel=canonical href='/nachrichten/impfstoff,podcast140.html'>"
      "</head><body><h1>Der Podcast</h1><p>Ein Podcast von Beispielfunk."
      "</p></body></html>",
      HtmlParseOptions());
  ASSERT_TRUE(doc.ok());
  HtmlMetadata m = ExtractHtmlMetadata(
      **doc, "https://www.beispielfunk.de/nachrichten/x.html");
  EXPECT_EQ(
      m.url,
      "https://www.beispielfunk.de/nachrichten/impfstoff,podcast140.html");
  EXPECT_EQ(m.authors, Names{});
}

// A one-word display name is completed from the bio the JSON-LD Person
// gives, when the page shows the full name.
TEST(ExtractMetadataTest, CompletesAFirstNameFromTheBio) {
  const std::string head =
      "<html><head><script type='application/ld+json'>{\"@graph\":["
      "{\"@type\":\"BlogPosting\",\"headline\":\"Ein Titel\","
      "\"author\":{\"@id\":\"#p\"}},{\"@type\":\"Person\","
      "\"@id\":\"#p\",\"name\":\"Jane\",\"description\":"
      "\"Jane Roe ist freie Autorin in Bonn.\"}]}</script></head><body>"
      "<h1>Ein Titel</h1><p class=byline>Von Jane</p><p>Text.</p>";
  HtmlMetadata m = MetaOf(head +
                          "<p class=bio>Jane Roe ist freie Autorin in "
                          "Bonn.</p></body></html>");
  EXPECT_EQ(m.authors, Names{"Jane Roe"});
  // Not shown: the name stays as the page gives it.
  m = MetaOf(head + "</body></html>");
  EXPECT_EQ(m.authors, Names{"Jane"});
}

// A full name set off below the article's last paragraph signs it, when
// nothing else names the author; a bold crosshead does not.
TEST(ExtractMetadataTest, ReadsTheSignatureBelowTheText) {
  const std::string prose(
      "<p>Der Rat hat am Abend lange über den Haushalt beraten und am Ende "
      "mit knapper Mehrheit beschlossen, die Mittel für Schulen zu "
      "erhöhen.</p>");
  HtmlMetadata m = MetaOf("<html><body><h1>Ein Titel</h1><div>" + prose +
                          "<p><b><i>Jane Roe</i></b></p></div>"
                          "<footer>Impressum</footer></body></html>");
  EXPECT_EQ(m.authors, Names{"Jane Roe"});
  m = MetaOf("<html><body><h1>Ein Titel</h1><div>" + prose +
             "<p><strong>Neue Regeln</strong></p>" + prose +
             "</div></body></html>");
  EXPECT_EQ(m.authors, Names{});
  m = MetaOf("<html><body><h1>Ein Titel</h1><p>Von John Doe</p><div>" + prose +
             "<p><b>Jane Roe</b></p></div></body></html>");
  EXPECT_EQ(m.authors, Names{"John Doe"});
}

// A date in a "Letzte Änderung" line dates the last change: it yields to
// a declared publication date the page does not show, and is taken only
// when nothing else dates the page.
TEST(ExtractMetadataTest, ModifiedLineIsALastResort) {
  HtmlMetadata m = MetaOf(
      "<html><head><meta property='article:published_time' "
      "content='2019-01-10'></head><body><h1>Ein Titel</h1>"
      "<p>Letzte Änderung 14.02.2019</p><p>Text.</p></body></html>");
  EXPECT_EQ(m.published, "2019-01-10");
  m = MetaOf(
      "<html><body><h1>Ein Titel</h1><p>Letzte Änderung 14.02.2019</p>"
      "<p>Text.</p></body></html>");
  EXPECT_EQ(m.published, "2019-02-14");
}

// A short line below the headline that ends with a colon introduces a
// quotation or a list; the date inside it is the quoted text's, not the
// page's. A dateline that opens with its date still counts.
TEST(ExtractMetadataTest, LineEndingInAColonIsNoDateline) {
  HtmlMetadata m = MetaOf(
      "<html><head><meta property='article:published_time' "
      "content='2021-11-12T13:00:00'></head><body><h1>Ein Titel</h1>"
      "<p>Aus der Rede des Bischofs vom 24. Mai 1998:</p>"
      "<blockquote>Ein Zitat.</blockquote><p>Text.</p></body></html>");
  EXPECT_EQ(m.published, "2021-11-12");
  m = MetaOf(
      "<html><body><h1>Ein Titel</h1><p>Stand der Spenden am 3. Mai 2020:"
      "</p><ul><li>1200 Euro</li></ul><p>Text.</p></body></html>");
  EXPECT_EQ(m.published, "");  // no date of its own
  m = MetaOf(
      "<html><body><h1>Ein Titel</h1><p>03.05.2020:</p><p>Text.</p>"
      "</body></html>");
  EXPECT_EQ(m.published, "2020-05-03");
}

// The date line above the headline may be a dozen elements away, past a
// print link and an image with its credit.
TEST(ExtractMetadataTest, DatelineAboveTheHeadlinePastAnImage) {
  HtmlMetadata m = MetaOf(
      "<html><body><div class=box><div class=head><span>14. Februar 2012"
      "</span><ul><li><a href='/print'>Drucken</a></li></ul></div>"
      "<div class=images><a href='/img'><img src=a.jpg></a>"
      "<span>Bild: Agentur</span></div><span class=category>Politik</span>"
      "<h1>Ein Titel</h1><p>Text.</p></div></body></html>");
  EXPECT_EQ(m.published, "2012-02-14");
  // Farther up, a dated line is the page's, not the headline's.
  m = MetaOf(
      "<html><body><div><span>14. Februar 2012</span><ul><li>a</li>"
      "<li>b</li><li>c</li><li>d</li><li>e</li><li>f</li><li>g</li>"
      "<li>h</li><li>i</li><li>j</li><li>k</li></ul></div><h1>Ein Titel</h1>"
      "<p>Text.</p></body></html>");
  EXPECT_EQ(m.published, "");
}

}  // namespace
}  // namespace newstrace::extract
