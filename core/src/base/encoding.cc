#include "base/encoding.h"

#include <cstdint>

#include "base/strings.h"
#include "base/utf8.h"

namespace meshcheck::base {
namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  c = AsciiLower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int Base64Value(char c) {
  if (c >= 'A' && c <= 'Z')
    return c - 'A';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 26;
  if (c >= '0' && c <= '9')
    return c - '0' + 52;
  if (c == '+')
    return 62;
  if (c == '/')
    return 63;
  return -1;
}

// Windows-1252 code points of bytes 0x80..0x9F (0 where the byte is undefined: kept as Latin-1).
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Appends `bytes` of `charset` to `out` as UTF-8 (or as they are, for charsets not known here).
void AppendCharset(std::string_view charset, std::string_view bytes, std::string* out) {
  const bool latin1 = EqualsIgnoreCase(charset, "iso-8859-1") ||
                      EqualsIgnoreCase(charset, "latin1") || EqualsIgnoreCase(charset, "latin-1");
  const bool cp1252 =
      EqualsIgnoreCase(charset, "windows-1252") || EqualsIgnoreCase(charset, "cp1252");
  if (!latin1 && !cp1252) {
    out->append(bytes);
    return;
  }
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    uint32_t cp = b;
    if (cp1252 && b >= 0x80 && b < 0xA0 && kCp1252High[b - 0x80] != 0)
      cp = kCp1252High[b - 0x80];
    AppendUtf8(cp, out);
  }
}

// Decodes the encoded-word at text[pos] ("=?charset?enc?data?="). Returns its length, or 0 if
// there is no well-formed encoded-word there.
size_t DecodeWordAt(std::string_view text, size_t pos, std::string* out) {
  if (text.substr(pos, 2) != "=?")
    return 0;
  const size_t q1 = text.find('?', pos + 2);
  if (q1 == std::string_view::npos || q1 + 2 >= text.size() || text[q1 + 2] != '?')
    return 0;
  const size_t end = text.find("?=", q1 + 3);
  if (end == std::string_view::npos)
    return 0;
  std::string_view charset = text.substr(pos + 2, q1 - pos - 2);
  charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix.
  const char encoding = AsciiLower(text[q1 + 1]);
  const std::string_view data = text.substr(q1 + 3, end - q1 - 3);
  if (data.find(' ') != std::string_view::npos)
    return 0;
  std::string bytes;
  if (encoding == 'q') {
    DecodeQ(data, &bytes);
  } else if (encoding != 'b' || !DecodeBase64(data, &bytes)) {
    return 0;
  }
  AppendCharset(charset, bytes, out);
  return end + 2 - pos;
}

}  // namespace

bool DecodeBase64(std::string_view text, std::string* out) {
  uint32_t acc = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
      continue;
    if (c == '=')
      break;
    const int v = Base64Value(c);
    if (v < 0)
      return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xFF));
    }
  }
  return bits < 6;  // A lone trailing sextet carries no byte.
}

void DecodeQ(std::string_view text, std::string* out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '_') {
      out->push_back(' ');
    } else if (c == '=' && i + 2 < text.size() && HexDigit(text[i + 1]) >= 0 &&
               HexDigit(text[i + 2]) >= 0) {
      out->push_back(static_cast<char>(HexDigit(text[i + 1]) * 16 + HexDigit(text[i + 2])));
      i += 2;
    } else {
      out->push_back(c);
    }
  }
}

std::string DecodeEncodedWords(std::string_view text, size_t* repaired) {
  std::string raw;
  size_t i = 0;
  size_t after_word = std::string_view::npos;  // Where the last encoded-word ended.
  while (i < text.size()) {
    if (text[i] == '=' && i + 1 < text.size() && text[i + 1] == '?') {
      std::string decoded;
      const size_t n = DecodeWordAt(text, i, &decoded);
      if (n > 0) {
        // Only blanks between two encoded-words: they are dropped.
        if (after_word != std::string_view::npos &&
            TrimAscii(text.substr(after_word, i - after_word)).empty()) {
          raw.resize(raw.size() - (i - after_word));
        }
        raw += decoded;
        i += n;
        after_word = i;
        continue;
      }
    }
    raw.push_back(text[i]);
    ++i;
  }
  std::string out;
  const size_t count = AppendRepairedUtf8(raw, &out);
  if (repaired)
    *repaired = count;
  return out;
}

}  // namespace meshcheck::base
