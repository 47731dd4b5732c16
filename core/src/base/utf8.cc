#include "base/utf8.h"

#include <cstring>

namespace meshcheck::base {
namespace {

// Length of the valid sequence starting at text[i], or 0 if it is invalid or incomplete.
// Follows the Unicode "well-formed UTF-8 byte sequences" table (Unicode 15, table 3-7).
size_t ValidSequenceLength(const unsigned char* p, size_t remaining) {
  const unsigned char c = p[0];
  if (c < 0x80) {
    return 1;
  }
  size_t len;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) {
      lo = 0xA0;
    } else if (c == 0xED) {
      hi = 0x9F;
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) {
      lo = 0x90;
    } else if (c == 0xF4) {
      hi = 0x8F;
    }
  } else {
    return 0;
  }
  if (remaining < len) {
    return 0;
  }
  if (p[1] < lo || p[1] > hi) {
    return 0;
  }
  for (size_t k = 2; k < len; ++k) {
    if (p[k] < 0x80 || p[k] > 0xBF) {
      return 0;
    }
  }
  return len;
}

// Bytes of the maximal invalid subsequence starting at p (at least 1), as in the Unicode
// "substitution of maximal subparts" practice: a truncated but well-begun sequence is one error.
size_t InvalidRunLength(const unsigned char* p, size_t remaining) {
  const unsigned char c = p[0];
  size_t want = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    want = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    want = 3;
    lo = c == 0xE0 ? 0xA0 : 0x80;
    hi = c == 0xED ? 0x9F : 0xBF;
  } else if (c >= 0xF0 && c <= 0xF4) {
    want = 4;
    lo = c == 0xF0 ? 0x90 : 0x80;
    hi = c == 0xF4 ? 0x8F : 0xBF;
  } else {
    return 1;
  }
  size_t n = 1;
  if (n < remaining && p[n] >= lo && p[n] <= hi) {
    ++n;
    while (n < want && n < remaining && p[n] >= 0x80 && p[n] <= 0xBF) {
      ++n;
    }
  }
  return n;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ULL) {
        break;
      }
      i += 8;
    }
    if (i >= n) {
      break;
    }
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    const size_t len = ValidSequenceLength(p + i, n - i);
    if (len == 0) {
      return i;
    }
    i += len;
  }
  return kUtf8Valid;
}

size_t AppendRepairedUtf8(std::string_view text, std::string* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t replaced = 0;
  size_t i = 0;
  while (i < n) {
    const size_t bad = FindInvalidUtf8(text.substr(i));
    if (bad == kUtf8Valid) {
      out->append(text.substr(i));
      break;
    }
    out->append(text.substr(i, bad));
    i += bad;
    i += InvalidRunLength(p + i, n - i);
    out->append("\xEF\xBF\xBD");
    ++replaced;
  }
  return replaced;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool AppendUnmojibakedUtf8(std::string_view text, std::string* out) {
  const size_t start = out->size();
  bool high = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
      continue;
    }
    // U+0080..U+00FF is C2 80..C3 BF; anything else is a code point a byte cannot stand for.
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if ((c != 0xC2 && c != 0xC3) || (next & 0xC0) != 0x80) {
      out->resize(start);
      return false;
    }
    out->push_back(static_cast<char>(((c & 0x03) << 6) | (next & 0x3F)));
    high = true;
    ++i;
  }
  if (!high || !IsValidUtf8(std::string_view(*out).substr(start))) {
    out->resize(start);
    return false;
  }
  return true;
}

}  // namespace meshcheck::base
