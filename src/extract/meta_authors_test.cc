#include "extract/meta_authors.h"

#include <gtest/gtest.h>

#include "extract/meta_names.h"

namespace newstrace::extract {
namespace {

using Names = std::vector<std::string>;

Names Clean(std::string_view raw) {
  return CleanAuthors(raw, AuthorCleanOptions());
}

TEST(ExtractAuthorsTest, StripsBylineWords) {
  EXPECT_EQ(Clean("By Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Von Hans Meier"), Names{"Hans Meier"});
  EXPECT_EQ(Clean("Par Loïc Le Clerc"), Names{"Loïc Le Clerc"});
  EXPECT_EQ(Clean("Por Ana López"), Names{"Ana López"});
  EXPECT_EQ(Clean("Autor: Fritz Imhof"), Names{"Fritz Imhof"});
  EXPECT_EQ(Clean("Autorin: Uta Muster, Projektleiterin"), Names{"Uta Muster"});
  EXPECT_EQ(Clean("Posted by Konstantin"), Names{"Konstantin"});
  EXPECT_EQ(Clean("Eingestellt von der Michel"), Names{"der Michel"});
  EXPECT_EQ(Clean("Redaktion: Eberhard Fuhr (Pressesprecher)"),
            Names{"Eberhard Fuhr"});
  EXPECT_EQ(Clean("~ Cem Basman"), Names{"Cem Basman"});
}

// A post's meta line runs on into its tags and categories, which name
// topics (and people written about), not authors.
TEST(ExtractAuthorsTest, StopsAtFieldLabels) {
  EXPECT_EQ(Clean("Veröffentlicht am 3. März 2021 von Lena Vogt Tags: Wahl, "
                  "Otto von Stein, Karl Brandt"),
            Names{"Lena Vogt"});
  EXPECT_EQ(Clean("By Tom Hale Filed under: Politics, Ann Lee"),
            Names{"Tom Hale"});
  EXPECT_EQ(Clean("Posted by Ann Lee Categories: News Tags: Bob Ray"),
            Names{"Ann Lee"});
  EXPECT_EQ(Clean("Tags: Karl Brandt, Otto von Stein"), Names{});
  // A name that merely contains a label's letters is kept.
  EXPECT_EQ(Clean("Von Mia Tagstedt"), Names{"Mia Tagstedt"});
}

TEST(ExtractAuthorsTest, SplitsSeveralAuthors) {
  EXPECT_EQ(Clean("Jane Roe and John Doe"), (Names{"Jane Roe", "John Doe"}));
  EXPECT_EQ(Clean("Von Anna Berg und Carl Dorn"),
            (Names{"Anna Berg", "Carl Dorn"}));
  EXPECT_EQ(Clean("Anna Berg, Carl Dorn & Eva Fink"),
            (Names{"Anna Berg", "Carl Dorn", "Eva Fink"}));
  EXPECT_EQ(Clean("Anna Berg; Carl Dorn"), (Names{"Anna Berg", "Carl Dorn"}));
  EXPECT_EQ(Clean("dpa/lno"), (Names{"dpa", "lno"}));
  EXPECT_EQ(Clean("Jane Roe, Jane Roe"), Names{"Jane Roe"});
}

TEST(ExtractAuthorsTest, DropsRolesDatesAndContacts) {
  EXPECT_EQ(Clean("By Jane Roe, Staff Writer"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Jane Roe Senior Editor"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("By Jane Roe | March 3, 2019"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("VON JANE ROE am 21. April 2020"), Names{"JANE ROE"});
  EXPECT_EQ(Clean("Jane Roe 21.03.2019 10:00"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Jane Roe Thursday"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Jane Roe jane.roe@example.org"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("https://example.org/authors/jane-roe"), Names{});
  EXPECT_EQ(Clean("Text: Jane Roe, Fotos: John Doe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Grant Tinsley, PhD"), Names{"Grant Tinsley"});
  EXPECT_EQ(Clean("Jane Roe | Reuters"), Names{"Jane Roe"});
  // A handle after the name repeats it; a handle alone is the name given.
  EXPECT_EQ(Clean("Williams Roe @wroe"), Names{"Williams Roe"});
  EXPECT_EQ(Clean("@janeroe"), Names{"janeroe"});
}

TEST(ExtractAuthorsTest, RejectsPlaceholdersAndOrganizations) {
  EXPECT_EQ(Clean("admin"), Names{});
  EXPECT_EQ(Clean("wordpressadmin"), Names{});
  EXPECT_EQ(Clean("Unknown"), Names{});
  EXPECT_EQ(Clean("Eingestellt von Unknown"), Names{});
  EXPECT_EQ(Clean("Super User"), Names{});
  EXPECT_EQ(Clean("By"), Names{});
  EXPECT_EQ(Clean("Olympia-Verlag GmbH, Nürnberg, Germany"), Names{});
  EXPECT_EQ(Clean("Frankfurt a. M., Germany"), Names{});
  EXPECT_EQ(Clean("Departement für Wirtschaft, Bildung und Forschung"),
            Names{});
  EXPECT_EQ(Clean("Share this article"), Names{});
}

TEST(ExtractAuthorsTest, RejectsTheSiteItself) {
  AuthorCleanOptions options;
  options.site_names = {"Reuters", "example.org"};
  EXPECT_EQ(CleanAuthors("Reuters", options), Names{});
  EXPECT_EQ(CleanAuthors("Example.org", options), Names{});
  EXPECT_EQ(CleanAuthors("Jane Roe, Reuters", options), Names{"Jane Roe"});
}

TEST(ExtractAuthorsTest, OnlyWithBylineWordWhenAsked) {
  AuthorCleanOptions options;
  options.require_byline_word = true;
  EXPECT_EQ(CleanAuthors("Jane Roe", options), Names{});
  EXPECT_EQ(CleanAuthors("By Jane Roe", options), Names{"Jane Roe"});
  EXPECT_EQ(CleanAuthors("Posted on March 3, 2019 by Jane Roe", options),
            Names{"Jane Roe"});
}

TEST(ExtractAuthorsTest, BylineAfterTheDate) {
  EXPECT_EQ(BylineAfterDate("11.12.2019 - Mara Quinn"), "Mara Quinn");
  EXPECT_EQ(BylineAfterDate("04.02.2022 | 13:10 Uhr | Tom Hale"), "Tom Hale");
  EXPECT_EQ(BylineAfterDate("March 3, 2021 \u2013 Lena de Vries"),
            "Lena de Vries");
  // A category, a label or a listing is not a byline.
  EXPECT_EQ(BylineAfterDate("12.05.2021 - Umwelt"), "");
  EXPECT_EQ(BylineAfterDate("12.05.2021 - PAID CONTENT"), "");
  EXPECT_EQ(BylineAfterDate("02.11.2022 - The Band - City Hall"), "");
  EXPECT_EQ(BylineAfterDate("12.05.2021 - Tipps und Tricks"), "");
  EXPECT_EQ(BylineAfterDate("Mara Quinn - Tom Hale"), "");  // no date
}

TEST(ExtractAuthorsTest, NewsAgencies) {
  EXPECT_TRUE(IsNewsAgency("dpa"));
  EXPECT_TRUE(IsNewsAgency("AFP"));
  EXPECT_TRUE(IsNewsAgency(" Reuters "));
  EXPECT_FALSE(IsNewsAgency("Jane Roe"));
  EXPECT_FALSE(IsNewsAgency("Redaktion"));  // a desk: kept as a byline
}

TEST(ExtractAuthorsTest, KnowsAFullName) {
  EXPECT_TRUE(IsFullName("Jane Roe"));
  EXPECT_TRUE(IsFullName("Anna-Lena de Vries"));
  EXPECT_FALSE(IsFullName("Jane"));
  EXPECT_FALSE(IsFullName("JANE ROE"));
  EXPECT_FALSE(IsFullName("Umwelt, Klima"));
  EXPECT_FALSE(IsFullName("Read more"));
}

// An author's bio opens with the full name: "Jane" is "Jane Roe".
TEST(ExtractAuthorsTest, FullNameABioOpensWith) {
  EXPECT_EQ(OpeningFullName("Jane Roe ist freie Autorin.", "Jane"), "Jane Roe");
  EXPECT_EQ(OpeningFullName("Jane Roe - Reporterin, Bergsteigerin", "jane"),
            "Jane Roe");
  EXPECT_EQ(OpeningFullName("Jane Roe, Reporterin", "Jane"), "Jane Roe");
  EXPECT_EQ(OpeningFullName("Jane Anna Roe schreibt", "Jane"), "Jane Anna Roe");
  EXPECT_EQ(OpeningFullName("Jane schreibt über Berge.", "Jane"), "");
  EXPECT_EQ(OpeningFullName("Ich bin Jane Roe.", "Jane"), "");
  EXPECT_EQ(OpeningFullName("Jane Roe Berlin Hamburg Bonn", "Jane"), "");
  EXPECT_EQ(OpeningFullName("Jane ROE schreibt", "Jane"), "");
}

// A meta author that describes an organization and then gives its short
// name ("Landesamt für Wald - LWA") names no one: the short name is the
// same organization's, not an author.
TEST(ExtractAuthorsTest, NoNameAfterADescription) {
  EXPECT_EQ(Clean("Landesamt für Wald und Forst - LWF"), Names{});
  EXPECT_EQ(Clean("Weine aus Spanien in Bonn - Vinos Y Tapas"), Names{});
  // A byline word makes the first segment the byline all the same.
  EXPECT_EQ(Clean("Veröffentlicht am 3. März | Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Jane Roe - Leiterin der Abteilung"), Names{"Jane Roe"});
}

TEST(ExtractAuthorsTest, KnowsWhatANameLooksLike) {
  EXPECT_TRUE(IsPlausibleAuthor("Jane Roe"));
  EXPECT_TRUE(IsPlausibleAuthor("Christoph von Eichhorn"));
  EXPECT_TRUE(IsPlausibleAuthor("gnaddrig"));  // a user name
  EXPECT_TRUE(IsPlausibleAuthor("Perry Bacon Jr."));
  EXPECT_FALSE(IsPlausibleAuthor("hit save. CTRL"));
  EXPECT_FALSE(IsPlausibleAuthor("Read more"));
  EXPECT_FALSE(IsPlausibleAuthor("1234"));
  EXPECT_FALSE(IsPlausibleAuthor("Donnerstag"));
  EXPECT_FALSE(IsPlausibleAuthor("stunnel_rsync.html"));
  EXPECT_FALSE(IsPlausibleAuthor("a b c d e f g"));
  EXPECT_EQ(Dedouble("Kristen Falc Kristen Falc"), "Kristen Falc");
  EXPECT_EQ(Dedouble("R. R."), "R. R.");
}

// A label that credits the text together with the pictures names the
// text's author ("Text & Fotos: Jane Roe"); a photo credit alone does not.
TEST(ExtractAuthorsTest, ReadsJointTextCredits) {
  EXPECT_EQ(Clean("Text & Fotos: Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Text und Bild: Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Text/Fotos: Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Fotos: Jane Roe"), Names{});
}

TEST(ExtractAuthorsTest, ReadsGenreAndGenderedBylineWords) {
  EXPECT_EQ(Clean("Ein Interview von Jane Roe mit John Doe."),
            Names{"Jane Roe"});
  EXPECT_EQ(Clean("Ein Kommentar von Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Erstellt von Fabian am Dienstag 6. Mai 2014"),
            Names{"Fabian"});
  EXPECT_EQ(Clean("Autor/in: Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Autor*innen: Jane Roe, John Doe"),
            (Names{"Jane Roe", "John Doe"}));
  EXPECT_EQ(Clean("Autor:in Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Autor: Ines Roe"), Names{"Ines Roe"});
}

TEST(ExtractAuthorsTest, DropsAffiliationsAroundTheName) {
  AuthorCleanOptions site;
  site.site_names = {"Daily Planet", "dailyplanet.example"};
  // "<site> Staff" after the name; without "Staff" a desk keeps its name.
  EXPECT_EQ(CleanAuthors("By Jane Roe Daily Planet Staff", site),
            Names{"Jane Roe"});
  EXPECT_EQ(CleanAuthors("Redaktion Daily Planet", site),
            Names{"Redaktion Daily Planet"});
  // After the site's name come the desk and the place.
  EXPECT_EQ(CleanAuthors("By Jane Roe, Daily Planet, New York", site),
            Names{"Jane Roe"});
  // A leading job title before a full name.
  EXPECT_EQ(Clean("Gastautor Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Online-Experte Jane Roe"), Names{"Jane Roe"});
  EXPECT_EQ(StripLeadingRole("Gastautorin Jane"), "Gastautorin Jane");
  // An agency's or desk's code after a slash.
  EXPECT_EQ(Clean("Jane Roe/SP-X"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Jane Roe / KNA"), Names{"Jane Roe"});
  EXPECT_EQ(Clean("Jane Roe/John Doe"), (Names{"Jane Roe", "John Doe"}));
  // Soft hyphens are break hints, not letters.
  EXPECT_EQ(Clean("Von Mat\u00adthi\u00adas Roe"), Names{"Matthias Roe"});
}

TEST(ExtractAuthorsTest, KnowsLegalForms) {
  EXPECT_EQ(WithoutLegalForm("Beispielhilfe Deutschland e.V."),
            "Beispielhilfe Deutschland");
  EXPECT_EQ(WithoutLegalForm("Musterverband Windkraft e. V."),
            "Musterverband Windkraft");
  EXPECT_EQ(WithoutLegalForm("Beispiel Verlag GmbH & Co. KG"),
            "Beispiel Verlag");
  EXPECT_EQ(WithoutLegalForm("Jane Roe"), "");
  EXPECT_EQ(WithoutLegalForm("GmbH"), "");
  EXPECT_EQ(Clean("Musterverband Windkraft e. V."), Names{});
}

}  // namespace
}  // namespace newstrace::extract
