// Charset sniffing and decoding helpers behind DecodeToUtf8 (ingest.h).
#ifndef NEWSTRACE_INGEST_CHARSET_H_
#define NEWSTRACE_INGEST_CHARSET_H_

#include <string>
#include <string_view>

#include "newstrace/result.h"

namespace newstrace::ingest {

// A charset name in canonical lower case ("utf-8", "windows-1252", ...):
// aliases such as "latin1", "iso-8859-1", "us-ascii" and "cp1252" map to
// "windows-1252" as browsers do; unknown names are lower-cased.
std::string CanonicalCharset(std::string_view name);

// The charset declared by an HTML <meta charset> or http-equiv
// Content-Type in the first 4 KiB of `bytes`, or "" when none.
std::string SniffHtmlCharset(std::string_view bytes);

// Names the kind of binary file `bytes` is ("gzip", "png", ...) when it
// starts with a known magic number or more than 5% of its first 16 KiB are
// control or NUL bytes (at least 8), else "". REQUIRES: `bytes` is not UTF-16
// (NULs).
std::string SniffBinary(std::string_view bytes);

// Decodes UTF-16 (little- or big-endian) into UTF-8; unpaired surrogates
// become U+FFFD and are counted in *bad.
std::string DecodeUtf16(std::string_view bytes, bool big_endian, size_t* bad);

// Decodes windows-1252 into UTF-8 (the five undefined bytes map to C1).
std::string DecodeCp1252(std::string_view bytes);

// Decodes `bytes` from `charset` with iconv. Fails with kUnsupported when
// iconv does not know the charset; ill-formed bytes become U+FFFD and are
// counted in *bad.
Result<std::string> DecodeWithIconv(std::string_view bytes,
                                    const std::string& charset, size_t* bad);

// True when `bytes` looks like UTF-16 without a BOM (NULs in every other
// byte of mostly-ASCII text); *big_endian tells which order.
bool LooksLikeUtf16(std::string_view bytes, bool* big_endian);

}  // namespace newstrace::ingest

#endif  // NEWSTRACE_INGEST_CHARSET_H_
