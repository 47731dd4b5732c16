// Printable text from untrusted bytes, for messages shown in a terminal or on a page: file and
// entry names, JSON keys, anything an export controls that goes into a Status or a diagnostic.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"

namespace meshcheck::base {

// True for code points that change how text around them is shown: C0 and C1 controls (ESC
// starts terminal escape sequences), DEL, and the bidirectional controls (U+061C, U+200E,
// U+200F, U+202A..U+202E, U+2066..U+2069), which can make a name read backwards.
inline bool IsUnsafeForDisplay(uint32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// `text` as valid UTF-8 with every unsafe code point (above) and invalid sequence replaced by
// U+FFFD, cut to at most `max_bytes` on a character boundary.
inline std::string Printable(std::string_view text, size_t max_bytes = 200) {
  std::string valid;
  AppendRepairedUtf8(text, &valid);
  std::string out;
  size_t i = 0;
  while (i < valid.size()) {
    const auto lead = static_cast<unsigned char>(valid[i]);
    const size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    uint32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t k = 1; k < length; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(valid[i + k]) & 0x3F);
    const std::string_view shown = IsUnsafeForDisplay(cp)
                                       ? std::string_view("\xEF\xBF\xBD")
                                       : std::string_view(valid).substr(i, length);
    if (out.size() + shown.size() > max_bytes)
      break;
    out += shown;
    i += length;
  }
  return out;
}

}  // namespace meshcheck::base
