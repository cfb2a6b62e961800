#include "extract/jsonld.h"

#include <simdjson.h>

#include <string>

namespace newstrace::extract {
namespace {

namespace dom = simdjson::dom;

// Deepest nesting walked; deeper values are ignored.
constexpr int kMaxDepth = 24;

std::string_view StringOf(dom::element e) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

// The value of `key` in `obj`, or a null-typed miss.
bool Field(dom::object obj, std::string_view key, dom::element* out) {
  return obj.at_key(key).get(*out) == simdjson::SUCCESS;
}

std::string FieldString(dom::object obj, std::string_view key) {
  dom::element e;
  if (!Field(obj, key, &e)) return {};
  if (e.is_string()) return std::string(StringOf(e));
  dom::array arr;
  if (e.get_array().get(arr) == simdjson::SUCCESS) {
    for (dom::element item : arr) {
      if (item.is_string()) return std::string(StringOf(item));
    }
  }
  dom::object o;
  if (e.get_object().get(o) == simdjson::SUCCESS) {
    dom::element v;
    if (Field(o, "@value", &v) && v.is_string()) {
      return std::string(StringOf(v));
    }
  }
  return {};
}

std::vector<std::string> TypesOf(dom::object obj) {
  std::vector<std::string> out;
  dom::element t;
  if (!Field(obj, "@type", &t)) return out;
  if (t.is_string()) {
    out.emplace_back(StringOf(t));
  } else if (dom::array arr; t.get_array().get(arr) == simdjson::SUCCESS) {
    for (dom::element item : arr) {
      if (item.is_string()) out.emplace_back(StringOf(item));
    }
  }
  // "http://schema.org/NewsArticle" -> "NewsArticle".
  for (std::string& s : out) {
    size_t slash = s.find_last_of("/#");
    if (slash != std::string::npos) s.erase(0, slash + 1);
  }
  return out;
}

// The person-or-organization name of an author object: "name", else
// "givenName familyName".
std::string PersonName(dom::object obj) {
  std::string name = FieldString(obj, "name");
  if (!name.empty()) return name;
  std::string given = FieldString(obj, "givenName");
  std::string family = FieldString(obj, "familyName");
  if (!given.empty() && !family.empty()) return given + " " + family;
  return given.empty() ? family : given;
}

bool AnyOf(const std::vector<std::string>& types,
           bool (*pred)(std::string_view)) {
  for (const std::string& t : types) {
    if (pred(t)) return true;
  }
  return false;
}

}  // namespace

// Walks one parsed JSON value and appends nodes to a reader.
class JsonLdWalker {
 public:
  explicit JsonLdWalker(JsonLdReader* reader) : reader_(reader) {}

  void Visit(dom::element e, std::string_view via, int depth) {
    if (depth > kMaxDepth) return;
    dom::array arr;
    if (e.get_array().get(arr) == simdjson::SUCCESS) {
      for (dom::element item : arr) Visit(item, via, depth + 1);
      return;
    }
    dom::object obj;
    if (e.get_object().get(obj) != simdjson::SUCCESS) return;
    std::vector<std::string> types = TypesOf(obj);
    if (!types.empty()) AddNode(obj, std::move(types), via);
    for (dom::key_value_pair kv : obj) {
      if (kv.key == "@type" || kv.key == "@context") continue;
      Visit(kv.value, kv.key, depth + 1);
    }
  }

 private:
  void AddNode(dom::object obj, std::vector<std::string> types,
               std::string_view via) {
    JsonLdNode node;
    node.types = std::move(types);
    node.top_level = via.empty() || via == "@graph" || via == "mainEntity";
    node.id = FieldString(obj, "@id");
    node.headline = FieldString(obj, "headline");
    node.name = FieldString(obj, "name");
    node.date_published = FieldString(obj, "datePublished");
    node.date_created = FieldString(obj, "dateCreated");
    node.date_modified = FieldString(obj, "dateModified");
    node.url = FieldString(obj, "url");
    node.in_language = FieldString(obj, "inLanguage");
    node.description = FieldString(obj, "description");
    size_t index = reader_->nodes_.size();
    dom::element pub;
    if (Field(obj, "publisher", &pub)) {
      dom::object po;
      if (pub.get_object().get(po) == simdjson::SUCCESS) {
        node.publisher = PersonName(po);
        std::string ref = FieldString(po, "@id");
        if (node.publisher.empty() && !ref.empty()) {
          reader_->refs_.push_back({index, ref, true});
        }
      } else if (pub.is_string()) {
        node.publisher = std::string(StringOf(pub));
      }
    }
    dom::element author;
    if (Field(obj, "author", &author) || Field(obj, "creator", &author)) {
      AddAuthors(author, index, &node, 0);
    }
    reader_->nodes_.push_back(std::move(node));
  }

  void AddAuthors(dom::element e, size_t index, JsonLdNode* node, int depth) {
    if (depth > 3) return;
    if (e.is_string()) {
      std::string_view s = StringOf(e);
      if (!s.empty()) node->authors.emplace_back(s);
      return;
    }
    dom::array arr;
    if (e.get_array().get(arr) == simdjson::SUCCESS) {
      for (dom::element item : arr) AddAuthors(item, index, node, depth + 1);
      return;
    }
    dom::object obj;
    if (e.get_object().get(obj) != simdjson::SUCCESS) return;
    std::string name = PersonName(obj);
    if (name.empty()) {
      std::string ref = FieldString(obj, "@id");
      if (!ref.empty()) reader_->refs_.push_back({index, ref, false});
      return;
    }
    if (IsOrganizationOnly(TypesOf(obj))) {
      node->author_orgs.push_back(std::move(name));
    } else {
      node->authors.push_back(std::move(name));
    }
  }

  JsonLdReader* reader_;
};

bool JsonLdReader::Add(std::string_view script_text) {
  dom::parser parser;
  auto try_parse = [&](std::string_view text) {
    simdjson::padded_string padded(text.data(), text.size());
    size_t before = nodes_.size();
    dom::element root;
    if (parser.parse(padded).get(root) == simdjson::SUCCESS) {
      JsonLdWalker(this).Visit(root, "", 0);
      return true;
    }
    nodes_.resize(before);
    return false;
  };
  if (try_parse(script_text)) return true;
  std::string cleaned = CleanJsonLd(script_text);
  if (cleaned.empty()) return false;
  return try_parse(cleaned);
}

void JsonLdReader::Finish() {
  std::unordered_map<std::string, size_t> by_id;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    if (!nodes_[i].id.empty()) by_id.emplace(nodes_[i].id, i);
  }
  for (const Ref& ref : refs_) {
    auto it = by_id.find(ref.id);
    if (it == by_id.end()) continue;
    const JsonLdNode& target = nodes_[it->second];
    JsonLdNode& node = nodes_[ref.node];
    std::string name = target.name;
    if (name.empty()) continue;
    if (ref.publisher) {
      node.publisher = name;
    } else if (IsOrganizationOnly(target.types)) {
      node.author_orgs.push_back(name);
    } else {
      node.authors.push_back(name);
    }
  }
  refs_.clear();
}

namespace {

// Removes one wrapper prefix or suffix ("<!--", "//<![CDATA[", ...) per call;
// returns false when there was none.
bool StripWrapper(std::string_view* s) {
  static constexpr std::string_view kPrefixes[] = {
      "<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["};
  static constexpr std::string_view kSuffixes[] = {"-->", "//]]>", "/*]]>*/",
                                                   "]]>"};
  auto trim = [](std::string_view* v) {
    while (!v->empty() && static_cast<unsigned char>(v->front()) <= ' ') {
      v->remove_prefix(1);
    }
    while (!v->empty() && static_cast<unsigned char>(v->back()) <= ' ') {
      v->remove_suffix(1);
    }
  };
  trim(s);
  for (std::string_view p : kPrefixes) {
    if (s->substr(0, p.size()) == p) {
      s->remove_prefix(p.size());
      return true;
    }
  }
  for (std::string_view p : kSuffixes) {
    if (s->size() >= p.size() && s->substr(s->size() - p.size()) == p) {
      s->remove_suffix(p.size());
      return true;
    }
  }
  return false;
}

std::string ReplaceAll(std::string s, std::string_view from,
                       std::string_view to) {
  size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

// The next character of `s` after position `i` that is not whitespace, or
// '\0' at the end.
char NextNonSpace(std::string_view s, size_t i) {
  for (++i; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) > ' ') return s[i];
  }
  return '\0';
}

}  // namespace

std::string CleanJsonLd(std::string_view text) {
  std::string_view body = text;
  while (StripWrapper(&body)) {
  }
  std::string s(body);
  if (s.find('"') == std::string::npos &&
      s.find("&quot;") != std::string::npos) {
    s = ReplaceAll(std::move(s), "&quot;", "\"");
    s = ReplaceAll(std::move(s), "&#39;", "'");
    s = ReplaceAll(std::move(s), "&lt;", "<");
    s = ReplaceAll(std::move(s), "&gt;", ">");
    s = ReplaceAll(std::move(s), "&amp;", "&");
  }
  std::string out;
  out.reserve(s.size() + 8);
  std::vector<char> open;  // the brackets still open
  bool in_string = false;
  bool top_values = false;  // a second top-level value followed a first
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\') {
        char n = i + 1 < s.size() ? s[i + 1] : '\0';
        if (n != '\0' &&
            std::string_view("\"\\/bfnrtu").find(n) != std::string_view::npos) {
          out += c;
          out += n;
        } else if (n != '\0') {
          out += n;  // "\'" and other bad escapes: keep the character
        }
        ++i;
      } else if (c == '"') {
        char n = NextNonSpace(s, i);
        if (n == ',' || n == ':' || n == '}' || n == ']' || n == '\0') {
          in_string = false;
          out += c;
        } else {
          out += "\\\"";  // an unescaped quote inside a string
        }
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out += ' ';
      } else {
        out += c;
      }
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {  // line comment
      while (i < s.size() && s[i] != '\n') ++i;
      continue;
    }
    if (c == ',') {
      char n = NextNonSpace(s, i);
      if (n == '}' || n == ']' || n == '\0') continue;  // trailing comma
    }
    if ((c == '{' || c == '[') && open.empty() && !out.empty()) {
      size_t last = out.find_last_not_of(" \t\r\n");
      if (last == std::string::npos || out[last] != ',') out += ',';
      top_values = true;
    }
    if (c == '"') in_string = true;
    if (c == '{' || c == '[') open.push_back(c == '{' ? '}' : ']');
    if ((c == '}' || c == ']') && !open.empty()) open.pop_back();
    if (c == ';' && open.empty()) continue;  // "{...};"
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  // Truncated text: close what is open.
  if (in_string) out += '"';
  while (!open.empty()) {
    out += open.back();
    open.pop_back();
  }
  if (top_values) out = "[" + out + "]";
  return out;
}

bool IsOrganizationOnly(const std::vector<std::string>& types) {
  for (const std::string& t : types) {
    if (t == "Person") return false;
  }
  return AnyOf(types, IsOrganizationType);
}

bool IsArticleType(std::string_view t) {
  auto ends_with = [&](std::string_view suffix) {
    return t.size() >= suffix.size() &&
           t.substr(t.size() - suffix.size()) == suffix;
  };
  return ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" ||
         t == "SocialMediaPosting" || t == "DiscussionForumPosting" ||
         t == "Report" || t == "Posting";
}

bool IsContentType(std::string_view t) {
  return t == "Recipe" || t == "HowTo" || t == "Review" ||
         t == "CreativeWork" || t == "VideoObject" || t == "PodcastEpisode" ||
         t == "Episode" || t == "Book" || t == "Course" || t == "Question" ||
         t == "Guide" || t == "Thesis" || t == "Dataset";
}

bool IsPageType(std::string_view t) {
  return t == "WebPage" || t == "ItemPage" || t == "AboutPage" ||
         t == "ProfilePage" || t == "QAPage" || t == "FAQPage" ||
         t == "CollectionPage" || t == "ContactPage" || t == "MedicalWebPage";
}

bool IsOrganizationType(std::string_view t) {
  return t == "Organization" || t == "NewsMediaOrganization" ||
         t == "Corporation" || t == "LocalBusiness" ||
         t == "GovernmentOrganization" || t == "EducationalOrganization" ||
         t == "NGO" || t == "OnlineBusiness" || t == "WebSite" || t == "Brand";
}

}  // namespace newstrace::extract
