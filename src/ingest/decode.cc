// DecodeToUtf8 and DetectFormat (ingest.h).
//
// Decoding order: byte order mark, then the caller's declared charset, then
// an HTML <meta> declaration, then the bytes themselves. Valid UTF-8 wins
// over a declared single-byte charset, since pages that declare latin-1 but
// send UTF-8 are far more common than latin-1 text that happens to be valid
// UTF-8. Text that is not valid UTF-8 and declares nothing is decoded as
// cp1252 when it has more ill-formed bytes than well-formed UTF-8
// sequences (a legacy page), and
// repaired with U+FFFD otherwise (a UTF-8 page with a few broken bytes, or
// a file cut inside its last character).
#include <cstdint>
#include <cstring>
#include <string>

#include "base/byte_scan.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/charset.h"
#include "newstrace/ingest.h"

namespace newstrace {
namespace {

void AddDiag(DecodedText* d, std::string code, std::string message) {
  d->diagnostics.push_back({std::move(code), std::move(message)});
}

// True when `s` has a byte CleanControls changes: a C0 control other than
// tab and newline.
bool HasControls(std::string_view s) {
  return base::FindControl(
             s, base::ControlBit('\t') | base::ControlBit('\n')) != s.size();
}

// Drops NULs and C0 controls other than tab/newline, turns CRLF and CR into
// LF, and form feeds into newlines. Counts what was dropped.
std::string CleanControls(std::string_view s, size_t* nuls, size_t* controls) {
  std::string out;
  out.reserve(s.size());
  size_t run = 0;  // start of the clean run not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    // Skip eight bytes at a time while none is below 0x20 (SWAR test).
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      constexpr uint64_t kOnes = 0x0101010101010101ull;
      if (((w - kOnes * 0x20) & ~w & (kOnes * 0x80)) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned u = static_cast<unsigned char>(s[i]);
    if (u >= 0x20 || u == '\t' || u == '\n') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (u == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') run = ++i + 1;
    } else if (u == '\f' || u == '\v') {
      out.push_back('\n');
    } else if (u == 0) {
      ++*nuls;
    } else {
      ++*controls;
    }
  }
  out.append(s.data() + run, s.size() - run);
  return out;
}

// True when s[i..] is an incomplete but so far well-formed UTF-8 sequence
// running into the end of the input: a truncated file, not a wrong charset.
bool TruncatedTail(std::string_view s, size_t i) {
  unsigned c = static_cast<unsigned char>(s[i]);
  size_t need = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (need == 0 || s.size() - i >= need) return false;
  for (size_t k = i + 1; k < s.size(); ++k) {
    if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) return false;
  }
  return true;
}

// Counts well-formed multi-byte sequences and ill-formed bytes (a truncated
// tail is not counted as ill-formed).
void CountUtf8(std::string_view s, size_t* bad, size_t* valid_multi) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (TruncatedTail(s, i)) return;
    size_t before = i;
    char32_t cp = base::NextCodePoint(s, &i);
    if (cp == base::kReplacementChar && i - before == 1) {
      ++*bad;
    } else {
      ++*valid_multi;
    }
  }
}

}  // namespace

Result<DecodedText> DecodeToUtf8(std::string_view bytes,
                                 std::string_view declared_charset,
                                 Format format, const DecodeOptions& options) {
  DecodedText d;
  if (bytes.empty()) return Status::Corruption("empty input");

  std::string utf8;
  size_t bad = 0;
  bool decoded = false;

  // 1. Byte order marks.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    d.charset = "utf-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE" ||
             bytes.substr(0, 2) == "\xFE\xFF") {
    bool be = bytes[0] == '\xFE';
    utf8 = ingest::DecodeUtf16(bytes.substr(2), be, &bad);
    d.charset = be ? "utf-16be" : "utf-16le";
    decoded = true;
  }

  if (!decoded) {
    bool be = false;
    if (d.charset.empty() && ingest::LooksLikeUtf16(bytes, &be)) {
      utf8 = ingest::DecodeUtf16(bytes, be, &bad);
      d.charset = be ? "utf-16be" : "utf-16le";
      decoded = true;
      AddDiag(&d, "utf16_without_bom",
              "decoded as " + d.charset + " detected from the byte pattern");
    } else {
      std::string binary = ingest::SniffBinary(bytes);
      if (!binary.empty()) {
        return Status::Corruption("binary input (" + binary +
                                  "), not a document");
      }
    }
  }

  if (!decoded) {
    std::string declared = ingest::CanonicalCharset(declared_charset);
    if (declared.empty() && format != Format::kText) {
      declared = ingest::SniffHtmlCharset(bytes);
    }
    if (d.charset == "utf-8") declared = "utf-8";  // a BOM outranks <meta>
    if (declared == "utf-16" || declared == "utf-16le" ||
        declared == "utf-16be") {
      // A UTF-16 declaration in bytes we could read as ASCII is a lie.
      declared.clear();
    }
    bool valid = base::IsValidUtf8(bytes);
    if (valid || declared == "utf-8" || declared.empty()) {
      size_t ill = 0, good = 0;
      if (!valid) CountUtf8(bytes, &ill, &good);
      if (!valid && declared.empty() && ill > good) {
        utf8 = ingest::DecodeCp1252(bytes);
        d.charset = "windows-1252";
        bad = 0;
        AddDiag(&d, "charset_guessed",
                "not UTF-8 and no charset declared: decoded as windows-1252");
      } else {
        d.charset = "utf-8";
        if (valid) {
          utf8.assign(bytes);
        } else {
          bad = base::RepairUtf8(bytes, &utf8);
        }
      }
    } else if (declared == "windows-1252") {
      utf8 = ingest::DecodeCp1252(bytes);
      d.charset = declared;
    } else {
      Result<std::string> r = ingest::DecodeWithIconv(bytes, declared, &bad);
      if (!r.ok()) {
        // An unknown label: fall back to repaired UTF-8 rather than fail.
        AddDiag(&d, "unknown_charset",
                "declared charset '" + declared + "' unknown; read as UTF-8");
        bad = base::RepairUtf8(bytes, &utf8);
        d.charset = "utf-8";
      } else {
        utf8 = std::move(r).value();
        d.charset = declared;
      }
    }
  }

  if (bad > 0) {
    if (options.strict) {
      return Status::Corruption(std::to_string(bad) +
                                " invalid byte sequence(s) in " + d.charset +
                                " input");
    }
    AddDiag(&d, "invalid_encoding",
            std::to_string(bad) + " invalid byte sequence(s) in " + d.charset +
                " replaced by U+FFFD");
  }

  size_t nuls = 0, controls = 0;
  if (HasControls(utf8)) utf8 = CleanControls(utf8, &nuls, &controls);
  if (nuls + controls > 0) {
    if (options.strict) {
      return Status::Corruption(std::to_string(nuls + controls) +
                                " NUL or control byte(s) in input");
    }
    if (nuls > 0) {
      AddDiag(&d, "nul_bytes", std::to_string(nuls) + " NUL byte(s) removed");
    }
    if (controls > 0) {
      AddDiag(&d, "control_bytes",
              std::to_string(controls) + " control byte(s) removed");
    }
  }
  base::NormalizeNfcInPlace(&utf8);
  d.text = std::move(utf8);
  if (base::Trim(d.text).empty()) {
    return Status::Corruption("empty input (only whitespace)");
  }
  return d;
}

Format DetectFormat(std::string_view text) {
  std::string head = base::AsciiLower(text.substr(0, 8192));
  std::string_view t = base::Trim(head);
  if (base::StartsWith(t, "<!doctype html") || base::StartsWith(t, "<html") ||
      base::StartsWith(t, "<?xml") || base::StartsWith(t, "<!--")) {
    return Format::kHtml;
  }
  // Count tags that only HTML has; a text article may mention one in
  // passing but not several.
  static constexpr std::string_view kTags[] = {
      "<html",  "<head",    "<body",   "<div",    "<p>",
      "<p ",    "<br",      "<span",   "<a href", "<meta",
      "<title", "<article", "<script", "<table",  "<li"};
  size_t hits = 0;
  for (std::string_view tag : kTags) {
    if (head.find(tag) != std::string::npos) ++hits;
  }
  if (hits >= 3 || (!t.empty() && t[0] == '<' && hits >= 1)) {
    return Format::kHtml;
  }
  return Format::kText;
}

}  // namespace newstrace
