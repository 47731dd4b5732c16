#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace {

using meshcheck::base::AppendRepairedUtf8;
using meshcheck::base::AppendUnmojibakedUtf8;
using meshcheck::base::AppendUtf8;
using meshcheck::base::FindInvalidUtf8;
using meshcheck::base::IsValidUtf8;
using meshcheck::base::kUtf8Valid;

std::string Bytes(std::initializer_list<unsigned> bytes) {
  std::string out;
  for (unsigned b : bytes)
    out.push_back(static_cast<char>(b));
  return out;
}

// An independent reference: decode generically (the lead byte gives the length), then accept
// only shortest forms of scalar values. This is the definition behind Unicode table 3-7.
bool ReferenceValid(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      len = 1, cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size())
      return false;
    for (size_t k = 1; k < len; ++k) {
      const auto t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xC0) != 0x80)
        return false;
      cp = (cp << 6) | (t & 0x3F);
    }
    const size_t shortest = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (len != shortest || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return false;
    i += len;
  }
  return true;
}

std::string Repaired(const std::string& in, size_t* count) {
  std::string out;
  *count = AppendRepairedUtf8(in, &out);
  return out;
}

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("UTF-8: boundary code points are valid") {
  const std::vector<std::string> valid = {
      "",
      "plain ascii",
      Bytes({0x00}),
      Bytes({0x7F}),
      Bytes({0xC2, 0x80}),              // U+0080
      Bytes({0xDF, 0xBF}),              // U+07FF
      Bytes({0xE0, 0xA0, 0x80}),        // U+0800
      Bytes({0xED, 0x9F, 0xBF}),        // U+D7FF, last before the surrogates
      Bytes({0xEE, 0x80, 0x80}),        // U+E000, first after them
      Bytes({0xEF, 0xBF, 0xBF}),        // U+FFFF
      Bytes({0xF0, 0x90, 0x80, 0x80}),  // U+10000
      Bytes({0xF4, 0x8F, 0xBF, 0xBF}),  // U+10FFFF
      "na\xC3\xAFve \xE2\x82\xAC \xF0\x9F\x98\x80",
  };
  for (const std::string& s : valid) {
    INFO(s);
    CHECK(IsValidUtf8(s));
    CHECK(ReferenceValid(s));
  }
}

TEST_CASE("UTF-8: overlongs, surrogates, out of range and truncations are invalid") {
  const std::vector<std::string> invalid = {
      Bytes({0x80}),  // lone continuation
      Bytes({0xBF}),
      Bytes({0xC0, 0x80}),        // overlong NUL
      Bytes({0xC1, 0xBF}),        // overlong 2-byte
      Bytes({0xE0, 0x80, 0x80}),  // overlong 3-byte
      Bytes({0xE0, 0x9F, 0xBF}),
      Bytes({0xF0, 0x80, 0x80, 0x80}),  // overlong 4-byte
      Bytes({0xF0, 0x8F, 0xBF, 0xBF}),
      Bytes({0xED, 0xA0, 0x80}),        // U+D800
      Bytes({0xED, 0xBF, 0xBF}),        // U+DFFF
      Bytes({0xF4, 0x90, 0x80, 0x80}),  // U+110000
      Bytes({0xF5, 0x80, 0x80, 0x80}),
      Bytes({0xF8, 0x88, 0x80, 0x80, 0x80}),  // old 5-byte form
      Bytes({0xFE}),
      Bytes({0xFF}),
      Bytes({0xC2}),  // truncated at the end
      Bytes({0xE2, 0x82}),
      Bytes({0xF0, 0x9F, 0x98}),
      Bytes({0xE2, 0x82, 0x41}),  // truncated before ASCII
      Bytes({0xC3, 0xC3, 0xA9}),  // a lead byte where a continuation belongs
  };
  for (const std::string& s : invalid) {
    INFO(s);
    CHECK_FALSE(IsValidUtf8(s));
    CHECK_FALSE(ReferenceValid(s));
    CHECK(FindInvalidUtf8(s) == 0);
  }
}

TEST_CASE("UTF-8: the first invalid offset is exact, inside and after ASCII runs") {
  for (size_t prefix = 0; prefix < 40; ++prefix) {
    const std::string ascii(prefix, 'x');
    INFO("prefix " << prefix);
    CHECK(FindInvalidUtf8(ascii + "\xC3\xA9" + "\xFF" + ascii) == prefix + 2);
    CHECK(FindInvalidUtf8(ascii + "\xE2\x82") == prefix);
    CHECK(FindInvalidUtf8(ascii + "\xF0\x9F\x98\x80" + ascii) == kUtf8Valid);
    // A high byte inside an 8-byte word, the rest ASCII.
    CHECK(FindInvalidUtf8(ascii + "abc\x80"
                                  "defgh") == prefix + 3);
  }
}

TEST_CASE("UTF-8: validation agrees with the reference on every 1-, 2- and 3-byte string") {
  std::string s(3, '\0');
  uint64_t disagreements = 0;
  uint64_t valid = 0;
  for (unsigned a = 0; a < 256; ++a) {
    s.assign(1, static_cast<char>(a));
    disagreements += IsValidUtf8(s) != ReferenceValid(s);
    for (unsigned b = 0; b < 256; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      disagreements += IsValidUtf8(s) != ReferenceValid(s);
      for (unsigned c = 0; c < 256; ++c) {
        s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        const bool ok = IsValidUtf8(s);
        valid += ok;
        disagreements += ok != ReferenceValid(s);
      }
    }
  }
  CHECK(disagreements == 0);
  // Valid 3-byte strings: 128^3 ASCII triples + 2 * 128 * 1920 (ASCII + 2-byte, either order)
  // + 61440 three-byte scalars (U+0800..U+FFFF minus 2048 surrogates).
  CHECK(valid == 128ull * 128 * 128 + 2ull * 128 * 1920 + 61440);
}

TEST_CASE("UTF-8: 4-byte sequences agree with the reference") {
  const unsigned tails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0xA0, 0xBF, 0xC0, 0xF4, 0xFF};
  uint64_t disagreements = 0;
  for (unsigned lead = 0xF0; lead <= 0xFF; ++lead) {
    for (unsigned second = 0; second < 256; ++second) {
      for (unsigned third : tails) {
        for (unsigned fourth : tails) {
          const std::string s = Bytes({lead, second, third, fourth});
          disagreements += IsValidUtf8(s) != ReferenceValid(s);
        }
      }
    }
  }
  CHECK(disagreements == 0);
}

TEST_CASE("UTF-8: repair replaces each maximal subpart with one U+FFFD") {
  size_t n = 0;
  // Unicode 15, section 3.9, table 3-8 (U+FFFD for maximal subparts).
  CHECK(Repaired(
            Bytes({0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64}),
            &n) == "a" + kFffd + kFffd + kFffd + "b" + kFffd + "c" + kFffd + kFffd + "d");
  CHECK(n == 6);
  // Sequences that can never be well formed: every byte is its own subpart.
  CHECK(Repaired(Bytes({0xC0, 0xAF}), &n) == kFffd + kFffd);
  CHECK(n == 2);
  CHECK(Repaired(Bytes({0xED, 0xA0, 0x80}), &n) == kFffd + kFffd + kFffd);
  CHECK(n == 3);
  CHECK(Repaired(Bytes({0xF4, 0x90, 0x80, 0x80}), &n) == kFffd + kFffd + kFffd + kFffd);
  CHECK(n == 4);
  CHECK(Repaired(Bytes({0xE0, 0x80, 0x80}), &n) == kFffd + kFffd + kFffd);
  CHECK(n == 3);
  // A well-begun sequence cut short is one subpart, at the end too.
  CHECK(Repaired(Bytes({0x41, 0xF0, 0x9F, 0x98}), &n) == "A" + kFffd);
  CHECK(n == 1);
  CHECK(Repaired(Bytes({0xE2, 0x82, 0xE2, 0x82, 0xAC}), &n) == kFffd + "\xE2\x82\xAC");
  CHECK(n == 1);
  // Valid input is copied unchanged.
  const std::string good = "ok \xF0\x9F\x98\x80 \xC3\xA9";
  CHECK(Repaired(good, &n) == good);
  CHECK(n == 0);
}

TEST_CASE("UTF-8: repair output is always valid") {
  uint64_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string junk;
    for (int k = 0; k < 24; ++k) {
      seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
      junk.push_back(static_cast<char>(seed >> 56));
    }
    size_t n = 0;
    const std::string out = Repaired(junk, &n);
    INFO(junk);
    CHECK(IsValidUtf8(out));
    CHECK((n == 0) == IsValidUtf8(junk));
  }
}

TEST_CASE("UTF-8: AppendUtf8 encodes every scalar value in shortest form") {
  uint64_t bad = 0;
  for (uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF)
      continue;
    std::string s;
    AppendUtf8(cp, &s);
    const size_t expected = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    bad += s.size() != expected || !IsValidUtf8(s);
  }
  CHECK(bad == 0);
  std::string euro;
  AppendUtf8(0x20AC, &euro);
  CHECK(euro == "\xE2\x82\xAC");
  std::string face;
  AppendUtf8(0x1F600, &face);
  CHECK(face == "\xF0\x9F\x98\x80");
}

namespace {

// Facebook's mojibake, built independently: each byte of a UTF-8 string becomes the code point of
// the same value, written as UTF-8 by hand (bytes >= 0x80 take two bytes, C2/C3 + low six bits).
std::string Mojibake(const std::string& utf8) {
  std::string out;
  for (char ch : utf8) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else {
      out.push_back(static_cast<char>(b < 0xC0 ? 0xC2 : 0xC3));
      out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("UTF-8: Facebook mojibake is undone, byte for byte") {
  // The corpus's Instagram fixture: "J\u00e2\u009d\u00a4\u00ef\u00b8\u008fhn" is "J❤️hn".
  const std::string heart_name = "J\xC3\xA2\xC2\x9D\xC2\xA4\xC3\xAF\xC2\xB8\xC2\x8Fhn";
  std::string out = "prefix:";
  CHECK(AppendUnmojibakedUtf8(heart_name, &out));
  CHECK(out == "prefix:J\xE2\x9D\xA4\xEF\xB8\x8Fhn");
  CHECK(Mojibake("J\xE2\x9D\xA4\xEF\xB8\x8Fhn") == heart_name);
  // Round trip over scripts of every UTF-8 length.
  const std::string samples[] = {
      "caf\xC3\xA9",                               // é (2 bytes)
      "\xD0\x92\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBB",  // Cyrillic
      "\xE7\x8F\xBE\xE6\x8B\x9B",                  // CJK (3 bytes)
      "\xF0\x9F\x92\x96 ok",                       // U+1F496 (4 bytes)
      "\xC2\xA0\xC3\xBF\xC2\x80",                  // U+00A0, U+00FF, U+0080
  };
  for (const std::string& s : samples) {
    INFO(s);
    std::string back;
    CHECK(AppendUnmojibakedUtf8(Mojibake(s), &back));
    CHECK(back == s);
  }
}

TEST_CASE("UTF-8: text that is not mojibake is left alone") {
  const std::string cases[] = {
      "",                               // Nothing to do.
      "plain ASCII",                    // No code point above U+007F.
      "caf\xC3\xA9",                    // Real "café": U+00E9 alone is not a UTF-8 byte sequence.
      "\xE2\x9D\xA4",                   // Real U+2764: above U+00FF, so not bytes.
      "\xC3\xA2\xC2\x9D \xE2\x82\xAC",  // Mojibake mixed with a real U+20AC.
      "\xC3\xA2\xC2\x9D",               // A cut sequence (E2 9D): invalid once re-read.
      "\xC3\xB0\xC2\x9F\xC2\x92",       // F0 9F 92: a 4-byte sequence missing its last byte.
      "\xC3\x80\xC2\x80",               // C0 80: an overlong NUL.
  };
  for (const std::string& s : cases) {
    INFO(s);
    std::string out = "kept";
    CHECK_FALSE(AppendUnmojibakedUtf8(s, &out));
    CHECK(out == "kept");
  }
}
