#include "base/strings.h"

#include "base/utf8.h"

namespace newstrace::base {

std::string_view Trim(std::string_view s) {
  // Ends that are ASCII and not white space: nothing to trim (an ASCII
  // byte is a whole code point). Most lines and fields.
  if (!s.empty()) {
    const unsigned char first = static_cast<unsigned char>(s.front());
    const unsigned char last = static_cast<unsigned char>(s.back());
    if (first < 0x80 && last < 0x80 && first > ' ' && last > ' ') return s;
  }
  size_t b = 0;
  while (b < s.size()) {
    size_t next = b;
    if (!IsSpace(NextCodePoint(s, &next))) break;
    b = next;
  }
  size_t e = s.size();
  while (e > b) {
    // Step back to the start of the last code point.
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 &&
           e - start < 4) {
      --start;
    }
    size_t next = start;
    char32_t cp = NextCodePoint(s, &next);
    if (next != e || !IsSpace(cp)) break;
    e = start;
  }
  return s.substr(b, e - b);
}

namespace {

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D);
}

// Calls piece(text, space_before) for each run of `s` that is not white
// space, in order; space_before is true when white space separates it from
// an earlier run. Stops when piece returns false, and returns false then.
// The walk CollapseWhitespace and CollapsesTo share.
template <typename Piece>
bool ForEachPiece(std::string_view s, Piece piece) {
  bool any = false, space = false;
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t start = i;
    if (c < 0x80) {
      // ASCII: a space, or a run of other ASCII taken at once.
      if (IsAsciiSpace(c)) {
        space = any;
        ++i;
        continue;
      }
      ++i;
      while (i < n) {
        const unsigned char d = static_cast<unsigned char>(s[i]);
        if (d >= 0x80 || IsAsciiSpace(d)) break;
        ++i;
      }
    } else if (IsSpace(NextCodePoint(s, &i))) {
      space = any;
      continue;
    }
    if (!piece(s.substr(start, i - start), space)) return false;
    any = true;
    space = false;
  }
  return true;
}

}  // namespace

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachPiece(s, [&out](std::string_view piece, bool space) {
    if (space) out.push_back(' ');
    out.append(piece);
    return true;
  });
  return out;
}

bool CollapsesTo(std::string_view s, std::string_view collapsed) {
  // CollapseWhitespace's walk, comparing each piece where it would append.
  size_t k = 0;  // bytes of `collapsed` matched
  const bool whole = ForEachPiece(s, [&](std::string_view piece, bool space) {
    if (space) {
      if (k == collapsed.size() || collapsed[k] != ' ') return false;
      ++k;
    }
    if (collapsed.size() - k < piece.size() ||
        collapsed.substr(k, piece.size()) != piece) {
      return false;
    }
    k += piece.size();
    return true;
  });
  return whole && k == collapsed.size();
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
      ++i;
      continue;
    }
    AppendUtf8(ToLower(NextCodePoint(s, &i)), &out);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

namespace {
char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() &&
         EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      break;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
  return out;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp = NextCodePoint(s, &i);
    bool w = IsLetter(cp) || IsDigit(cp);
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

}  // namespace newstrace::base
