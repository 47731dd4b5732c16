// Byte encodings of e-mail headers: base64, the "Q" encoding and RFC 2047 encoded-words.
// Decoders never fail hard: what cannot be decoded is kept as written.
#pragma once

#include <string>
#include <string_view>

namespace meshcheck::base {

// RFC 4648 base64 (whitespace skipped, padding optional). Appends the bytes to `out` and returns
// true, or returns false (leaving `out` unspecified) on a byte outside the alphabet or a
// dangling single sextet.
bool DecodeBase64(std::string_view text, std::string* out);

// RFC 2047 "Q" encoding: '_' is a space and "=XX" a hex byte; a malformed "=" stays as written.
void DecodeQ(std::string_view text, std::string* out);

// A header value with its RFC 2047 encoded-words ("=?utf-8?q?Jos=C3=A9?=", "=?ISO-8859-1?B?...?=")
// decoded, the blanks between two adjacent encoded-words dropped. UTF-8 and US-ASCII are kept,
// ISO-8859-1/Latin-1 and Windows-1252 are converted; other charsets keep their bytes. The
// result is valid UTF-8: invalid sequences become U+FFFD, counted in *repaired if given.
std::string DecodeEncodedWords(std::string_view text, size_t* repaired = nullptr);

}  // namespace meshcheck::base
