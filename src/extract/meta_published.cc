// The publication date of an HTML page. See meta_published.h and the
// design note in metadata.cc.
#include "extract/meta_published.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "base/strings.h"
#include "extract/meta_rules.h"
#include "extract/meta_zones.h"

namespace newstrace::extract {
namespace {

// <meta> keys for the publication date, strongest first.
constexpr std::string_view kPublishedKeys[] = {
    "article:published_time",
    "og:published_time",
    "article:published",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "publication_date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "article.published",
    "article_date_original",
    "release_date",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "datecreated",
    "created",
    "dc.created",
    "shareaholic:article_published_time"};

// Dates read from a page's visible text, at most.
constexpr size_t kMaxShownDates = 2000;

class DatePicker {
 public:
  DatePicker(const PageScan& scan, const JsonLdNode* article,
             base::SlashOrder slash, std::string_view language,
             std::string_view url)
      : scan_(&scan),
        article_(article),
        slash_(slash),
        language_(language),
        url_(url) {}

  std::string Date(std::string_view raw) const {
    if (auto d = base::ParseDate(raw, slash_)) return *d;
    return {};
  }

  // The date the page declares in JSON-LD or <meta>, or "".
  // Sets *raw to the value as written.
  std::string DeclaredDate(std::string* raw) const {
    auto take = [&](const std::string& value) {
      std::string d = Date(value);
      if (d.empty()) return d;
      *raw = value;
      // A UTC timestamp dates the article by the publisher's local day.
      if (auto local = LocalDateOfUtc(value, language_, url_)) d = *local;
      return d;
    };
    if (article_) {
      if (std::string d = take(article_->date_published); !d.empty()) return d;
    }
    for (std::string_view key : kPublishedKeys) {
      for (const ScanItem& m : scan_->metas) {
        if (m.key != key) continue;
        if (std::string d = take(m.text); !d.empty()) return d;
      }
    }
    if (article_) {
      if (std::string d = take(article_->date_created); !d.empty()) return d;
    }
    return {};
  }

  // True when `line` ends with a colon and does not open with a date: it
  // introduces the text after it rather than dating the page.
  bool IntroducesNext(std::string_view line) const {
    line = base::Trim(line);
    return !line.empty() && line.back() == ':' && Date(line).empty();
  }

  // True when an ISO timestamp carries a zone offset other than UTC
  // ("2019-10-18T22:04:00-03:00"): its date is the local date.
  static bool HasLocalOffset(std::string_view raw) {
    size_t t = raw.find('T');
    if (t == std::string_view::npos) t = raw.find(' ');
    if (t == std::string_view::npos) return false;
    std::string_view time = raw.substr(t + 1);
    size_t sign = time.find_last_of("+-");
    if (sign == std::string_view::npos) return false;
    std::string_view offset = time.substr(sign + 1);
    for (char c : offset) {
      if (c >= '1' && c <= '9') return true;
    }
    return false;
  }

  // The date the page shows: strong candidates (pubdate, itemprop), then
  // the first <time> or date-named element outside boilerplate; or "".
  // Only candidates at or after element `min_order` count.
  std::string VisibleDate(int min_order = 0) const {
    for (const ScanItem& c : scan_->dates) {
      if (!c.strong || (c.context & kCtxBoilerplate)) continue;
      if (c.key == "dateModified" || c.order < min_order) continue;
      if (std::string d = Date(c.text); !d.empty()) return d;
    }
    for (const ScanItem& c : scan_->dates) {
      if ((c.context & kCtxBoilerplate) || c.order < min_order) continue;
      if (c.key == "dateModified") continue;
      // A line found by its place that carries a copyright sign is a
      // photo credit or a copyright notice ("© Jane Roe, 31.05.2013").
      if (c.key == "near" && c.text.find("\u00a9") != std::string::npos) {
        continue;
      }
      // A line found by its place that ends with a colon introduces what
      // follows, a quotation or a list ("Aus der Rede vom 24. Mai 1998:"),
      // and its date is theirs; a dateline that does so opens with it.
      if (c.key == "near" && IntroducesNext(c.text)) continue;
      // A line that gives the date of the last change ("Letzte Änderung
      // 14.02.2019") does not date the publication (ModifiedShown).
      if (StartsWithModifiedWord(c.text)) continue;
      std::string d = Date(c.text);
      if (d.empty()) {
        if (auto f = base::FindDate(c.text, slash_)) d = *f;
      }
      if (!d.empty()) return d;
    }
    // A byline often carries the date ("Jane Roe, 21. Jan. 2015").
    for (const ScanItem& a : scan_->authors) {
      if ((a.context & kCtxBoilerplate) || a.order < min_order) continue;
      if (a.strong || a.key == "address") continue;
      if (auto f = base::FindDate(a.text, slash_)) return *f;
    }
    return {};
  }

  // The first date the page shows outside navigation in a line that
  // labels it as the publication date ("Erschienen am: 13.10.2021",
  // "Published on May 3, 2021"), or "".
  std::string LabelledDate() const {
    for (const ScanItem& c : scan_->dates) {
      if ((c.context & kCtxBoilerplate) || !StartsWithDatelineWord(c.text)) {
        continue;
      }
      if (auto f = base::FindDate(c.text, slash_)) return *f;
    }
    return {};
  }

  // The date of the last change the page shows outside navigation ("Letzte
  // Änderung 14.02.2019", "Aktualisiert: 30.12.2016"), or "".
  std::string ModifiedShown() const {
    for (const ScanItem& c : scan_->dates) {
      if ((c.context & kCtxBoilerplate) || !StartsWithModifiedWord(c.text)) {
        continue;
      }
      if (auto f = base::FindDate(c.text, slash_)) return *f;
    }
    return {};
  }

  // True when the page shows `date` (a "YYYY-MM-DD") in any written form.
  // Reads the visible text only up to that date.
  bool DateShown(const std::string& date) const {
    return base::ShowsDate(scan_->visible_text, date, kMaxShownDates, slash_);
  }

  // A date that opens the page's title, set off from the headline by a
  // separator: "23.01.2022 - Headline", "2022-01-23 | Headline"; or "".
  std::string TitleDate() const {
    std::vector<std::string_view> titles = {scan_->title};
    for (const ScanItem& m : scan_->metas) {
      if (m.key == "og:title") titles.push_back(m.text);
    }
    for (std::string_view t : titles) {
      std::string d = Date(t);
      if (d.empty()) continue;
      // The date must be all that comes before a separator: not a
      // headline about a day ("1. Mai 2022 wird ...").
      size_t sep = std::string_view::npos;
      for (std::string_view x : {" - ", " | ", " \u2013 ", " \u2014 "}) {
        sep = std::min(sep, t.find(x));
      }
      if (sep == std::string_view::npos) continue;
      std::string_view before = t.substr(0, sep);
      if (WordCount(before) <= 4 && Date(before) == d) return d;
    }
    return {};
  }

  static base::SlashOrder Other(base::SlashOrder slash) {
    return slash == base::SlashOrder::kDayFirst ? base::SlashOrder::kMonthFirst
                                                : base::SlashOrder::kDayFirst;
  }

  static int WordCount(std::string_view s) {
    int n = 0;
    bool in = false;
    for (char c : s) {
      bool sp = c == ' ';
      if (!sp && !in) ++n;
      in = !sp;
    }
    return n;
  }

  std::string PickPublished(const std::string& url) const {
    std::string raw;
    std::string declared = DeclaredDate(&raw);
    std::string visible = VisibleDate();
    if (!declared.empty()) {
      // A date the page labels as its publication date ("Erschienen am:
      // 13.10.2021") is the page's own word on it.
      // (Read with the other slash order, it may agree: "11/01/2021".)
      if (std::string l = LabelledDate();
          !l.empty() && l != declared &&
          DatePicker(*scan_, article_, Other(slash_), language_, url_)
                  .LabelledDate() != declared) {
        return l;
      }
      // "11/01/2021" read day first is January 11, month first November 1:
      // a shown date that reads as the declared one either way agrees
      // with it.
      if (!visible.empty() && visible != declared &&
          DatePicker(*scan_, article_, Other(slash_), language_, url_)
                  .VisibleDate() == declared) {
        return declared;
      }
      // The page shows a date and never the declared one: what readers see
      // wins (the declared one is often a creation or import stamp). A
      // declared date the page does not contradict stands, since many
      // pages render their dates with scripts.
      if (!visible.empty() && !DateShown(declared)) return visible;
      // A timestamp declared in UTC (or without a zone) can fall on the day
      // before or after the date the page shows its readers in the site's
      // time zone; the date shown near the headline then wins. A header's
      // "today" above the headline does not count.
      if (!HasLocalOffset(raw)) {
        int from = scan_->first_h1_order < 0 ? 0 : scan_->first_h1_order - 10;
        std::string near = VisibleDate(from);
        std::optional<long> apart = base::DaysBetween(declared, near);
        if (apart && (*apart == 1 || *apart == -1)) return near;
      }
      return declared;
    }
    if (!visible.empty()) return visible;
    if (std::optional<std::string> d = base::FindDateInUrl(url)) return *d;
    if (std::string d = TitleDate(); !d.empty()) return d;
    // Last resort: the date of the last change the page shows. One it
    // only declares (article:modified_time, dateModified) is not taken:
    // CMSs restamp it whenever a page is saved.
    if (std::string d = ModifiedShown(); !d.empty()) return d;
    return {};
  }

 private:
  const PageScan* scan_;
  const JsonLdNode* article_;
  base::SlashOrder slash_;
  std::string_view language_;  // the page's language tag, lower case
  std::string_view url_;       // the page's URL
};

}  // namespace

std::string PickPublishedDate(const PageScan& scan, const JsonLdNode* article,
                              const std::string& url, base::SlashOrder slash,
                              std::string_view language) {
  return DatePicker(scan, article, slash, language, url).PickPublished(url);
}

}  // namespace newstrace::extract
