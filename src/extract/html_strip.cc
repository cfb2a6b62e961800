// StripRawText (html_strip.h).
//
// Design note. The pass walks the page as libxml2 2.9's HTML tokenizer does
// in recovery mode (HTMLparser.c; html_strip_test.cc checks each rule
// against the linked libxml2):
//   text            up to the next '<'; "<" not followed by a letter, '/',
//                   '!' + "--"/"DOCTYPE" or '?' is text, so is "<!";
//   start tag       '<' letter name, then attributes: a name, optionally
//                   '=' and a value ("..." and '...' may hold '>', an
//                   unquoted one runs to a blank or '>'); anything else
//                   is skipped to the next blank, '>' or "/>"; the tag ends
//                   at '>' or "/>" (empty element);
//   end tag         "</" letter name, to the next '>' whatever is between;
//                   "</" and no letter: dropped, the rest is text;
//   comment         "<!--" to the first "-->" or "--!>" after it;
//   declaration     "<!DOCTYPE" and "<?pi" to the next '>';
//   script, style   after "<script ...>" (not "/>"), raw text up to the
//                   first "</script" in any case (htmlParseScript in
//                   recovery mode); likewise for style.
// On request, the quoted values of attributes the reader never looks at
// are emptied as well: a quoted value ends at its closing quote whatever it
// holds, so its extent is as certain as a comment's; or such attributes
// are dropped whole (name, '=' and value), which the tree builder would
// discard anyway.
// Where the page leaves these rules (a tag, comment or script running into
// the end of the page, a script ended by "</scriptx", control bytes in a
// dropped region, a doctype with quoted '>', names past libxml2's 100-byte
// cut) the pass stops and copies the rest of the page as is: libxml2 then
// sees exactly the bytes it would have seen, and everything before was
// only emptied inside constructs whose extent is certain.
#include "extract/html_strip.h"

#include <cstring>
#include <utility>
#include <vector>

namespace newstrace::extract {
namespace {

// libxml2's HTML name limit (HTML_PARSER_BUFFER_SIZE): longer names are
// cut, which this pass does not model.
constexpr size_t kMaxName = 99;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsLetter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsNameChar(char c) {
  return IsLetter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' ||
         c == '_' || c == '.';
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != lower[i]) return false;
  }
  return true;
}

bool ContainsIgnoreCase(std::string_view s, std::string_view lower) {
  if (s.size() < lower.size()) return false;
  for (size_t i = 0; i + lower.size() <= s.size(); ++i) {
    if (EqualsIgnoreCase(s.substr(i, lower.size()), lower)) return true;
  }
  return false;
}

// True when s has a byte libxml2 may treat specially in raw text or
// comments (a control other than tab, newline, carriage return). It reads
// every script byte of the page: blocks of 32 bytes without an early exit
// let the compiler use vector compares.
bool HasControl(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    unsigned char any = 0;
    for (size_t k = 0; k < 32; ++k) {
      unsigned char c = p[i + k];
      any |= static_cast<unsigned char>((c < 0x20) & (c != '\t') & (c != '\n') &
                                        (c != '\r'));
    }
    if (any != 0) return true;
  }
  for (; i < n; ++i) {
    if (p[i] < 0x20 && !IsBlank(static_cast<char>(p[i]))) return true;
  }
  return false;
}

// A start tag at s[pos] == '<', s[pos + 1] a letter.
struct StartTag {
  size_t begin = 0;  // the '<'
  std::string_view name;
  size_t end = 0;  // one past the closing '>'
  bool self_closing = false;
  // Byte ranges of the quoted attribute values to empty, in order.
  std::vector<std::pair<size_t, size_t>> blank;
};

// True when `keep` accepts attribute `name` as libxml2 names it (lower
// case).
bool KeepsAttribute(KeepAttribute keep, std::string_view name) {
  char lower[kMaxName + 1];
  for (size_t i = 0; i < name.size(); ++i) lower[i] = Lower(name[i]);
  return keep(std::string_view(lower, name.size()));
}

// Parses the start tag at `pos` as libxml2's htmlParseStartTag does; false
// when it runs into the end of the page or a name libxml2 would cut. With
// `keep`, lists the quoted values of the attributes it rejects in
// tag->blank.
bool ScanStartTag(std::string_view s, size_t pos, KeepAttribute keep,
                  bool drop_attributes, StartTag* tag) {
  size_t n = s.size();
  size_t i = pos + 1;
  tag->begin = pos;
  tag->blank.clear();
  while (i < n && IsNameChar(s[i])) ++i;
  tag->name = s.substr(pos + 1, i - pos - 1);
  if (tag->name.size() > kMaxName) return false;
  while (true) {
    while (i < n && IsBlank(s[i])) ++i;
    if (i >= n) return false;
    char c = s[i];
    if (c == '>') {
      tag->end = i + 1;
      tag->self_closing = false;
      return true;
    }
    if (c == '/' && i + 1 < n && s[i + 1] == '>') {
      tag->end = i + 2;
      tag->self_closing = true;
      return true;
    }
    if (IsLetter(c) || c == '_' || c == ':' || c == '.') {
      // An attribute: name, then optionally '=' and a value.
      size_t name_begin = i;
      while (i < n && IsNameChar(s[i])) ++i;
      if (i - name_begin > kMaxName) return false;
      size_t j = i;
      while (j < n && IsBlank(s[j])) ++j;
      if (j < n && s[j] == '=') {
        ++j;
        while (j < n && IsBlank(s[j])) ++j;
        if (j >= n) return false;
        if (s[j] == '"' || s[j] == '\'') {
          size_t close = s.find(s[j], j + 1);
          if (close == std::string_view::npos) return false;
          // The value runs to the closing quote whatever it holds; control
          // bytes are left to libxml2, as everywhere in this pass.
          if (keep != nullptr && (drop_attributes || close > j + 1) &&
              !KeepsAttribute(keep, s.substr(name_begin, i - name_begin)) &&
              !HasControl(s.substr(j + 1, close - j - 1))) {
            if (drop_attributes) {
              // The whole attribute: name, '=' and quoted value.
              tag->blank.emplace_back(name_begin, close + 1);
            } else {
              tag->blank.emplace_back(j + 1, close);
            }
          }
          j = close + 1;
        } else {
          // Unquoted: up to a blank or '>', quotes and all.
          while (j < n && !IsBlank(s[j]) && s[j] != '>') ++j;
        }
      }
      i = j;
    } else {
      // A bogus attribute ("@click=...", a stray quote): libxml2 skips to
      // the next blank or the end of the tag, quotes or not.
      while (i < n && !IsBlank(s[i]) && s[i] != '>' &&
             !(s[i] == '/' && i + 1 < n && s[i + 1] == '>')) {
        ++i;
      }
    }
  }
}

// Writes the stripped text; see the design note.
class Stripper {
 public:
  Stripper(std::string_view s, KeepAttribute keep, bool drop_attributes,
           std::string* out)
      : s_(s), keep_(keep), drop_attributes_(drop_attributes), out_(out) {}

  // Returns true when some bytes were dropped.
  bool Run() {
    size_t n = s_.size();
    size_t i = 0;
    while (i < n) {
      const void* p = std::memchr(s_.data() + i, '<', n - i);
      if (p == nullptr) break;
      i = static_cast<const char*>(p) - s_.data();
      if (i + 1 >= n) break;
      char c = s_[i + 1];
      if (IsLetter(c)) {
        if (!ScanStartTag(s_, i, keep_, drop_attributes_, &tag_)) break;
        const StartTag& tag = tag_;
        for (const auto& [begin, end] : tag.blank) Drop(begin, end);
        i = tag.end;
        if (tag.self_closing) continue;
        if (EqualsIgnoreCase(tag.name, "script")) {
          if (!RawText(tag, "script", &i)) break;
        } else if (EqualsIgnoreCase(tag.name, "style")) {
          if (!RawText(tag, "style", &i)) break;
        }
      } else if (c == '/') {
        // An end tag ends at the next '>', quotes or not; "</" without a
        // name is dropped and what follows is text.
        size_t j = i + 2;
        if (j >= n || !IsLetter(s_[j])) {
          i = j;
          continue;
        }
        while (j < n && IsNameChar(s_[j])) ++j;
        if (j - i - 2 > kMaxName) break;
        size_t gt = s_.find('>', j);
        if (gt == std::string_view::npos) break;
        i = gt + 1;
      } else if (c == '!') {
        if (s_.substr(i, 4) == "<!--") {
          if (!Comment(&i)) break;
        } else if (EqualsIgnoreCase(s_.substr(i, 9), "<!doctype")) {
          if (!SkipDeclaration(&i)) break;
        } else {
          ++i;  // "<!" is text
        }
      } else if (c == '?') {
        // A processing instruction ends at the next '>'.
        if (i + 2 >= n || !IsLetter(s_[i + 2])) break;
        size_t gt = s_.find('>', i + 2);
        if (gt == std::string_view::npos) break;
        i = gt + 1;
      } else {
        ++i;  // a lone '<' is text
      }
    }
    if (!dropped_) return false;
    out_->append(s_.data() + copied_, s_.size() - copied_);
    return true;
  }

 private:
  // Drops s_[begin, end): copies what precedes it first.
  void Drop(size_t begin, size_t end) {
    if (begin == end) return;
    if (!dropped_) {
      out_->clear();
      out_->reserve(s_.size());
      dropped_ = true;
    }
    out_->append(s_.data() + copied_, begin - copied_);
    copied_ = end;
  }

  // The raw text of the script or style element whose start tag `tag`
  // (named `name`, lower case) ended at *pos. On success drops it (unless
  // it is a JSON script) and sets *pos to its end tag.
  bool RawText(const StartTag& tag, std::string_view name, size_t* pos) {
    size_t begin = *pos;
    size_t n = s_.size();
    size_t i = begin;
    while (true) {
      const void* p = std::memchr(s_.data() + i, '<', n - i);
      if (p == nullptr) return false;
      i = static_cast<const char*>(p) - s_.data();
      if (i + 2 + name.size() > n) return false;
      if (s_[i + 1] == '/' &&
          EqualsIgnoreCase(s_.substr(i + 2, name.size()), name)) {
        break;
      }
      ++i;
    }
    // libxml2 ends the text at "</script" whatever follows; keep to the
    // cases where what follows makes an ordinary end tag.
    size_t after = i + 2 + name.size();
    if (after >= n ||
        (s_[after] != '>' && s_[after] != '/' && !IsBlank(s_[after]))) {
      return false;
    }
    if (HasControl(s_.substr(begin, i - begin))) return false;
    std::string_view start_tag = s_.substr(tag.begin, tag.end - tag.begin);
    if (name == "style" || !ContainsIgnoreCase(start_tag, "json")) {
      Drop(begin, i);
    }
    *pos = i;
    return true;
  }

  // The comment at *pos ("<!--"), which ends at the first "-->" or "--!>"
  // after the "<!--". On success empties it and sets *pos past it.
  bool Comment(size_t* pos) {
    size_t begin = *pos + 4;
    std::string_view rest = s_.substr(begin);
    size_t end = rest.find("-->");
    size_t bang = rest.substr(0, end).find("--!>");
    size_t close = 3;
    if (bang != std::string_view::npos) {
      end = bang;
      close = 4;
    }
    if (end == std::string_view::npos) return false;
    if (HasControl(rest.substr(0, end))) return false;
    Drop(begin, begin + end);
    *pos = begin + end + close;
    return true;
  }

  // Steps over "<!DOCTYPE ...>" at *pos, which must end at the next '>'
  // with no '<' and no quoted '>' inside.
  bool SkipDeclaration(size_t* pos) {
    size_t end = s_.find('>', *pos + 2);
    if (end == std::string_view::npos) return false;
    std::string_view body = s_.substr(*pos + 2, end - *pos - 2);
    size_t dq = 0, sq = 0;
    for (char c : body) {
      if (c == '<') return false;
      dq += c == '"';
      sq += c == '\'';
    }
    if (dq % 2 != 0 || sq % 2 != 0) return false;
    *pos = end + 1;
    return true;
  }

  std::string_view s_;
  KeepAttribute keep_;
  bool drop_attributes_;
  std::string* out_;
  StartTag tag_;  // the last start tag (reused: no allocation per tag)
  size_t copied_ = 0;
  bool dropped_ = false;
};

}  // namespace

bool StripRawText(std::string_view html, std::string* out,
                  KeepAttribute keep_attribute, bool drop_attributes) {
  return Stripper(html, keep_attribute, drop_attributes, out).Run();
}

}  // namespace newstrace::extract
