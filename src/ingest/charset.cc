#include "ingest/charset.h"

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "base/byte_scan.h"
#include "base/strings.h"
#include "base/utf8.h"

namespace newstrace::ingest {
namespace {

// windows-1252 bytes 0x80..0x9F; 0 marks the five undefined bytes, which
// map to the C1 control of the same value.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool IsCharsetChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' || c == '.';
}

// The charset name at s[pos], skipping spaces, '=' and quotes.
std::string CharsetAt(std::string_view s, size_t pos) {
  while (pos < s.size() &&
         (s[pos] == ' ' || s[pos] == '=' || s[pos] == '"' || s[pos] == '\'')) {
    ++pos;
  }
  size_t end = pos;
  while (end < s.size() && IsCharsetChar(s[end])) ++end;
  return std::string(s.substr(pos, end - pos));
}

}  // namespace

std::string CanonicalCharset(std::string_view name) {
  std::string n = base::AsciiLower(base::Trim(name));
  if (n == "utf8" || n == "utf-8" || n == "unicode-1-1-utf-8") return "utf-8";
  if (n == "latin1" || n == "latin-1" || n == "iso-8859-1" ||
      n == "iso8859-1" || n == "iso_8859-1" || n == "l1" || n == "ascii" ||
      n == "us-ascii" || n == "cp1252" || n == "windows-1252" ||
      n == "x-cp1252" || n == "cp819" || n == "ibm819") {
    return "windows-1252";
  }
  if (n == "utf-16" || n == "utf16") return "utf-16";
  if (n == "utf-16le" || n == "utf16le") return "utf-16le";
  if (n == "utf-16be" || n == "utf16be") return "utf-16be";
  return n;
}

std::string SniffHtmlCharset(std::string_view bytes) {
  std::string head = base::AsciiLower(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag(head.data() + pos, end - pos);
    size_t cs = tag.find("charset");
    if (cs != std::string_view::npos) {
      std::string name = CharsetAt(tag, cs + 7);
      if (!name.empty()) return CanonicalCharset(name);
    }
    pos = end;
  }
  // XML declaration (XHTML): <?xml version="1.0" encoding="...">
  size_t xml = head.find("<?xml");
  if (xml != std::string::npos) {
    size_t enc = head.find("encoding", xml);
    size_t close = head.find("?>", xml);
    if (enc != std::string::npos &&
        (close == std::string::npos || enc < close)) {
      std::string name = CharsetAt(head, enc + 8);
      if (!name.empty()) return CanonicalCharset(name);
    }
  }
  return "";
}

std::string SniffBinary(std::string_view b) {
  auto starts = [&](std::string_view magic) {
    return b.substr(0, magic.size()) == magic;
  };
  if (starts("\x1f\x8b")) return "gzip";
  if (starts("\x89PNG")) return "png";
  if (starts("\xff\xd8\xff")) return "jpeg";
  if (starts("GIF8")) return "gif";
  if (starts("%PDF")) return "pdf";
  if (starts(std::string_view("PK\x03\x04", 4))) return "zip";
  if (starts("\x7f"
             "ELF"))
    return "elf";
  if (starts("BZh")) return "bzip2";
  if (starts("\xfd"
             "7zXZ"))
    return "xz";
  if (starts(std::string_view("\x28\xb5\x2f\xfd", 4))) return "zstd";
  if (starts("SQLite format 3")) return "sqlite";
  // Many control or NUL bytes in the first 16 KiB: text has almost none
  // (callers rule out UTF-16 first), random or compressed data has ~10%.
  std::string_view head = b.substr(0, 16384);
  const size_t control = base::CountControls(
      head, base::ControlBit('\t') | base::ControlBit('\n') |
                base::ControlBit('\r') | base::ControlBit('\f') |
                base::ControlBit(0x1b));
  if (control >= 8 && control * 20 > head.size()) return "binary data";
  return "";
}

bool LooksLikeUtf16(std::string_view bytes, bool* big_endian) {
  std::string_view head = bytes.substr(0, 4096);
  if (head.size() < 4) return false;
  // Without a NUL both counts are 0: no need to count (the common case).
  if (std::memchr(head.data(), 0, head.size()) == nullptr) return false;
  size_t even_nul = 0, odd_nul = 0;
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    if (head[i] == 0) ++even_nul;
    if (head[i + 1] == 0) ++odd_nul;
  }
  size_t pairs = head.size() / 2;
  // ASCII-range text in UTF-16 has a NUL in nearly every pair, on one side.
  if (odd_nul * 10 >= pairs * 7 && even_nul * 10 < pairs) {
    *big_endian = false;
    return true;
  }
  if (even_nul * 10 >= pairs * 7 && odd_nul * 10 < pairs) {
    *big_endian = true;
    return true;
  }
  return false;
}

std::string DecodeUtf16(std::string_view b, bool big_endian, size_t* bad) {
  std::string out;
  out.reserve(b.size());
  auto unit = [&](size_t i) -> char32_t {
    unsigned lo = static_cast<unsigned char>(b[i]);
    unsigned hi = static_cast<unsigned char>(b[i + 1]);
    return big_endian ? ((lo << 8) | hi) : ((hi << 8) | lo);
  };
  size_t i = 0;
  while (i + 1 < b.size()) {
    char32_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 < b.size()) {
        char32_t u2 = unit(i);
        if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
          i += 2;
          base::AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00),
                           &out);
          continue;
        }
      }
      ++*bad;
      base::AppendUtf8(base::kReplacementChar, &out);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      ++*bad;
      base::AppendUtf8(base::kReplacementChar, &out);
    } else {
      base::AppendUtf8(u, &out);
    }
  }
  if (i < b.size()) {  // a dangling odd byte: truncated input
    ++*bad;
    base::AppendUtf8(base::kReplacementChar, &out);
  }
  return out;
}

std::string DecodeCp1252(std::string_view b) {
  std::string out;
  out.reserve(b.size() + b.size() / 8);
  for (char ch : b) {
    unsigned c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out.push_back(ch);
    } else if (c < 0xA0) {
      char16_t m = kCp1252High[c - 0x80];
      base::AppendUtf8(m != 0 ? m : c, &out);
    } else {
      base::AppendUtf8(c, &out);
    }
  }
  return out;
}

Result<std::string> DecodeWithIconv(std::string_view bytes,
                                    const std::string& charset, size_t* bad) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::Unsupported("unknown charset '" + charset + "'");
  }
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t out_pos = 0;
  while (in_left > 0) {
    if (out.size() - out_pos < 16) out.resize(out.size() * 2);
    char* out_ptr = out.data() + out_pos;
    size_t out_left = out.size() - out_pos;
    size_t rc = iconv(cd, &in, &in_left, &out_ptr, &out_left);
    out_pos = static_cast<size_t>(out_ptr - out.data());
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else {  // EILSEQ or EINVAL: skip one byte, emit U+FFFD
      ++*bad;
      out.resize(out_pos);
      base::AppendUtf8(base::kReplacementChar, &out);
      out_pos = out.size();
      out.resize(out_pos + in_left * 2 + 16);
      ++in;
      --in_left;
    }
  }
  iconv_close(cd);
  out.resize(out_pos);
  return out;
}

}  // namespace newstrace::ingest
