#include "extract/html_hints.h"

#include <string>
#include <vector>

namespace newstrace::extract {
namespace {

// How a hint word is matched: as a whole token, as a token prefix, or as a
// substring of the value with separators removed ("author-bio" ->
// "authorbio"). Short or ambiguous words ("ad", "nav", "tag") must be whole
// tokens; long distinctive ones may be substrings.
enum Mode : char { kToken, kPrefix, kSub };

struct Rule {
  std::string_view word;
  Mode mode;
  uint32_t bits;
};

// Mostly English (as class names mostly are), with the German, French,
// Spanish and Italian words sites use for the same things.
constexpr Rule kRules[] = {
    // Content.
    {"article", kSub, kHintPositive},
    {"content", kSub, kHintPositive},
    {"entry", kPrefix, kHintPositive},
    {"hentry", kToken, kHintPositive},
    {"post", kPrefix, kHintPositive},
    {"story", kPrefix, kHintPositive},
    {"body", kToken, kHintPositive},
    {"main", kToken, kHintPositive},
    {"text", kToken, kHintPositive},
    {"prose", kToken, kHintPositive},
    {"artikel", kSub, kHintPositive},
    {"inhalt", kSub, kHintPositive},
    {"beitrag", kSub, kHintPositive},
    {"contenu", kSub, kHintPositive},
    {"contenido", kSub, kHintPositive},
    {"texto", kToken, kHintPositive},
    {"texte", kToken, kHintPositive},
    {"articolo", kSub, kHintPositive},
    {"noticia", kSub, kHintPositive},
    // Reader comments.
    {"comment", kPrefix, kHintComment},
    {"comments", kSub, kHintComment},
    {"kommentar", kPrefix, kHintComment},
    {"comentario", kPrefix, kHintComment},
    {"commento", kPrefix, kHintComment},
    {"disqus", kSub, kHintComment},
    {"respond", kToken, kHintComment},
    {"replies", kToken, kHintComment},
    {"discussion", kToken, kHintComment},
    // Navigation.
    {"nav", kPrefix, kHintNav},
    {"menu", kSub, kHintNav},
    {"breadcrumb", kSub, kHintNav},
    {"pagination", kPrefix, kHintNav},
    {"pager", kToken, kHintNav},
    {"paging", kToken, kHintNav},
    {"sitemap", kSub, kHintNav},
    {"skip", kToken, kHintNav},
    {"skiplink", kPrefix, kHintNav},
    {"toolbar", kSub, kHintNav},
    {"topbar", kSub, kHintNav},
    {"header", kToken, kHintHeader},
    {"masthead", kToken, kHintHeader},
    {"footer", kPrefix, kHintFooter},
    {"foot", kToken, kHintFooter},
    {"contentinfo", kSub, kHintFooter},
    // Links to other pages.
    {"related", kSub, kHintRelated},
    {"recommend", kSub, kHintRelated},
    {"outbrain", kSub, kHintRelated},
    {"taboola", kSub, kHintRelated},
    {"trending", kPrefix, kHintRelated},
    {"popular", kToken, kHintRelated},
    {"mostread", kSub, kHintRelated},
    {"mostpopular", kSub, kHintRelated},
    {"morestories", kSub, kHintRelated},
    {"morenews", kSub, kHintRelated},
    {"morearticles", kSub, kHintRelated},
    {"readalso", kSub, kHintRelated},
    {"alsoread", kSub, kHintRelated},
    {"verwandt", kSub, kHintRelated},
    {"empfehl", kSub, kHintRelated},
    {"similar", kSub, kHintRelated},
    // Advertising.
    {"ad", kToken, kHintAd},
    {"ads", kToken, kHintAd},
    {"advert", kPrefix, kHintAd},
    {"adsense", kPrefix, kHintAd},
    {"adslot", kPrefix, kHintAd},
    {"adunit", kPrefix, kHintAd},
    {"adbox", kToken, kHintAd},
    {"adcontainer", kPrefix, kHintAd},
    {"adwrap", kPrefix, kHintAd},
    {"adzone", kPrefix, kHintAd},
    {"dfp", kToken, kHintAd},
    {"gpt", kToken, kHintAd},
    {"sponsor", kSub, kHintAd},
    {"promo", kSub, kHintAd},
    {"banner", kSub, kHintAd},
    {"anzeige", kSub, kHintAd},
    {"werbung", kSub, kHintAd},
    {"publicite", kSub, kHintAd},
    {"publicidad", kSub, kHintAd},
    {"pubblicita", kSub, kHintAd},
    {"billboard", kSub, kHintAd},
    {"skyscraper", kSub, kHintAd},
    {"leaderboard", kSub, kHintAd},
    {"affiliate", kSub, kHintAd},
    // Sharing and page tools.
    {"share", kPrefix, kHintSocial},
    {"sharing", kPrefix, kHintSocial},
    {"social", kSub, kHintSocial},
    {"teilen", kSub, kHintSocial},
    {"partage", kSub, kHintSocial},
    {"follow", kToken, kHintSocial},
    {"print", kToken, kHintSocial},
    {"email", kToken, kHintSocial},
    {"tools", kToken, kHintSocial},
    // Newsletters, subscriptions, consent prompts.
    {"newsletter", kSub, kHintPromo},
    {"subscri", kPrefix, kHintPromo},
    {"abonn", kSub, kHintPromo},
    {"paywall", kSub, kHintPromo},
    {"signup", kPrefix, kHintPromo},
    {"cta", kToken, kHintPromo},
    {"login", kToken, kHintPromo},
    {"cookie", kSub, kHintConsent},
    {"consent", kSub, kHintConsent},
    {"gdpr", kSub, kHintConsent},
    {"popup", kPrefix, kHintConsent},
    {"modal", kPrefix, kHintConsent},
    {"overlay", kToken, kHintConsent},
    // Sidebars.
    {"sidebar", kSub, kHintSidebar},
    {"aside", kToken, kHintSidebar},
    {"side", kToken, kHintSidebar},
    {"rail", kToken, kHintSidebar},
    {"widget", kSub, kHintWidget},
    // Captions and credits.
    {"caption", kSub, kHintCaption},
    {"legend", kPrefix, kHintCaption},
    {"cutline", kToken, kHintCaption},
    {"bildunterschrift", kSub, kHintCaption},
    {"credit", kSub, kHintCredit},
    {"copyright", kSub, kHintCredit},
    {"photographer", kSub, kHintCredit},
    {"bildnachweis", kSub, kHintCredit},
    {"bildquelle", kSub, kHintCredit},
    {"attribution", kToken, kHintCredit},
    // Bylines, dates, tags, biographies, titles.
    {"byline", kSub, kHintByline},
    {"author", kPrefix, kHintByline},
    {"autor", kPrefix, kHintByline},
    {"auteur", kPrefix, kHintByline},
    {"writer", kToken, kHintByline},
    {"by", kToken, kHintByline},
    {"reporter", kToken, kHintByline},
    {"date", kPrefix, kHintDate},
    {"time", kToken, kHintDate},
    {"timestamp", kPrefix, kHintDate},
    {"published", kSub, kHintDate},
    {"pubdate", kSub, kHintDate},
    {"datum", kPrefix, kHintDate},
    {"fecha", kPrefix, kHintDate},
    {"tags", kToken, kHintTags},
    {"tag", kToken, kHintTags},
    {"taglist", kPrefix, kHintTags},
    {"tagged", kToken, kHintTags},
    {"keywords", kToken, kHintTags},
    {"topics", kToken, kHintTags},
    {"schlagw", kSub, kHintTags},
    {"bio", kToken, kHintBio},
    {"authorbio", kSub, kHintBio},
    {"aboutauthor", kSub, kHintBio},
    {"authorbox", kSub, kHintBio},
    {"autorbox", kSub, kHintBio},
    {"headline", kSub, kHintTitle},
    {"title", kToken, kHintTitle},
    {"sronly", kSub, kHintHidden},
    {"screenreader", kSub, kHintHidden},
    {"visuallyhidden", kSub, kHintHidden},
    {"offscreen", kToken, kHintHidden},
};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

// kRules indexed by first letter, so a token or position is compared only
// with the few rules that can match it.
struct RuleIndex {
  std::vector<const Rule*> by_letter[26];  // token and prefix rules
  // Substring rules by their first two letters (every word opens with
  // two), flat: the rules of pair p are sub[sub_begin[p], sub_begin[p+1]).
  std::vector<const Rule*> sub;
  uint16_t sub_begin[26 * 26 + 1] = {};
  RuleIndex() {
    std::vector<const Rule*> by_pair[26 * 26];
    for (const Rule& r : kRules) {
      if (r.mode == kSub) {
        by_pair[(r.word[0] - 'a') * 26 + (r.word[1] - 'a')].push_back(&r);
      } else {
        by_letter[r.word[0] - 'a'].push_back(&r);
      }
    }
    for (int p = 0; p < 26 * 26; ++p) {
      sub_begin[p] = static_cast<uint16_t>(sub.size());
      sub.insert(sub.end(), by_pair[p].begin(), by_pair[p].end());
    }
    sub_begin[26 * 26] = static_cast<uint16_t>(sub.size());
  }
};

const RuleIndex& Index() {
  static const RuleIndex* index = new RuleIndex();
  return *index;
}

void MatchToken(std::string_view token, uint32_t* bits) {
  if (token.empty() || token[0] < 'a' || token[0] > 'z') return;
  // "commentary" is an article genre, not reader comments.
  if (token.starts_with("commentar")) return;
  for (const Rule* r : Index().by_letter[token[0] - 'a']) {
    if ((r->mode == kToken && token == r->word) ||
        (r->mode == kPrefix && token.starts_with(r->word))) {
      *bits |= r->bits;
    }
  }
}

// Substring rules over `joined`.
void MatchSubstrings(std::string_view joined, uint32_t* bits) {
  const RuleIndex& index = Index();
  for (size_t i = 0; i + 1 < joined.size(); ++i) {
    char c = joined[i];
    char d = joined[i + 1];
    if (c < 'a' || c > 'z' || d < 'a' || d > 'z') continue;
    int pair = (c - 'a') * 26 + (d - 'a');
    std::string_view rest = joined.substr(i);
    for (int k = index.sub_begin[pair]; k < index.sub_begin[pair + 1]; ++k) {
      const Rule* r = index.sub[k];
      if (rest.starts_with(r->word)) *bits |= r->bits;
    }
  }
}

// True for a CMS taxonomy class that names the page's categories or tags,
// not the element's role: "tag-election", "category-news", "author-jdoe",
// "format-standard", "postid-42" (WordPress and its imitators).
bool IsTaxonomyClass(std::string_view name) {
  static constexpr std::string_view kPrefixes[] = {
      "tag-",  "category-", "author-",   "format-", "status-",
      "type-", "postid-",   "post-type", "term-",   "tax-"};
  for (std::string_view p : kPrefixes) {
    if (name.size() > p.size() && name.substr(0, p.size()) == p) return true;
  }
  return false;
}

}  // namespace

uint32_t ClassHints(std::string_view value) {
  if (value.size() > 512) value = value.substr(0, 512);
  char joined[600];  // lower-cased alphanumerics, class names space-separated
  size_t jn = 0;
  char token[64];  // the current token (longer ones are cut)
  size_t tn = 0;
  uint32_t bits = 0;
  auto end_token = [&] {
    MatchToken(std::string_view(token, tn), &bits);
    tn = 0;
  };
  size_t i = 0;
  while (i < value.size()) {
    // One class name at a time.
    size_t end = i;
    while (end < value.size() && value[end] != ' ' && value[end] != '\t' &&
           value[end] != '\n') {
      ++end;
    }
    std::string_view name = value.substr(i, end - i);
    i = end + 1;
    if (name.empty() || IsTaxonomyClass(name)) continue;
    char prev = 0;
    for (char c : name) {
      if (!IsAlnum(c)) {
        end_token();
      } else {
        // A camelCase boundary ends a token too ("adSlot" -> "ad", "slot").
        if (c >= 'A' && c <= 'Z' && prev >= 'a' && prev <= 'z') end_token();
        if (tn < sizeof token) token[tn++] = Lower(c);
        joined[jn++] = Lower(c);
      }
      prev = c;
    }
    end_token();
    joined[jn++] = ' ';
  }
  std::string_view j(joined, jn);
  MatchSubstrings(j, &bits);
  // "contentinfo" is a footer, not content.
  if (j.find("contentinfo") != std::string_view::npos) bits &= ~kHintPositive;
  return bits;
}

uint32_t RoleHints(std::string_view v) {
  if (v == "navigation" || v == "menu" || v == "menubar" || v == "search") {
    return kHintNav;
  }
  if (v == "banner") return kHintHeader;
  if (v == "contentinfo") return kHintFooter;
  if (v == "complementary") return kHintSidebar;
  if (v == "main" || v == "article") return kHintPositive;
  if (v == "dialog" || v == "alertdialog") return kHintConsent;
  return 0;
}

uint32_t ItempropHints(std::string_view v) {
  if (v == "articleBody" || v == "articlebody") return kHintArticleBody;
  if (v == "author" || v == "creator") return kHintByline;
  if (v == "datePublished" || v == "dateModified" || v == "dateCreated") {
    return kHintDate;
  }
  if (v == "headline") return kHintTitle;
  if (v == "comment") return kHintComment;
  if (v == "keywords") return kHintTags;
  return 0;
}

int HintWeight(uint32_t bits) {
  int w = 0;
  if (bits & kHintPositive) w += 25;
  if (bits & kNegativeHints) w -= 25;
  return w;
}

}  // namespace newstrace::extract
