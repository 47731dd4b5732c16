// Header encodings: base64 (RFC 4648 test vectors), Q and RFC 2047 encoded-words (examples of
// RFC 2047 section 8 and real archive headers; expected strings checked with Python's
// email.header.decode_header).
#include <catch2/catch.hpp>

#include <string>

#include "base/encoding.h"

using meshcheck::base::DecodeBase64;
using meshcheck::base::DecodeEncodedWords;
using meshcheck::base::DecodeQ;

namespace {

std::string Base64(const std::string& text) {
  std::string out;
  INFO(text);
  REQUIRE(DecodeBase64(text, &out));
  return out;
}

}  // namespace

TEST_CASE("Base64 decodes the RFC 4648 test vectors, padded or not") {
  CHECK(Base64("") == "");
  CHECK(Base64("Zg==") == "f");
  CHECK(Base64("Zm8=") == "fo");
  CHECK(Base64("Zm9v") == "foo");
  CHECK(Base64("Zm9vYg==") == "foob");
  CHECK(Base64("Zm9vYmE=") == "fooba");
  CHECK(Base64("Zm9vYmFy") == "foobar");
  CHECK(Base64("Zm9vYg") == "foob");
  CHECK(Base64("Zm9v\r\nYmFy") == "foobar");
  CHECK(Base64("+/+/") == "\xfb\xff\xbf");
  std::string out;
  CHECK_FALSE(DecodeBase64("Zm9v!", &out));
  CHECK_FALSE(DecodeBase64("Zm9vY", &out));  // a lone sextet
}

TEST_CASE("Q encoding: underscores are spaces, =XX are bytes, broken escapes stay") {
  std::string out;
  DecodeQ("Keith_Moore", &out);
  CHECK(out == "Keith Moore");
  out.clear();
  DecodeQ("Andr=E9=3d=", &out);
  CHECK(out == "Andr\xe9==");
  out.clear();
  DecodeQ("=ZZ=4", &out);
  CHECK(out == "=ZZ=4");
}

TEST_CASE("RFC 2047 encoded-words decode to UTF-8") {
  // RFC 2047 section 8.
  CHECK(DecodeEncodedWords("=?US-ASCII?Q?Keith_Moore?=") == "Keith Moore");
  CHECK(DecodeEncodedWords("=?ISO-8859-1?Q?Andr=E9?= Pirard") == "Andr\xc3\xa9 Pirard");
  CHECK(DecodeEncodedWords("=?ISO-8859-1?Q?Olle_J=E4rnefors?=") == "Olle J\xc3\xa4rnefors");
  CHECK(DecodeEncodedWords("(=?ISO-8859-1?Q?a?= b)") == "(a b)");
  CHECK(DecodeEncodedWords("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)") == "(ab)");
  CHECK(DecodeEncodedWords("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)") == "(ab)");
  CHECK(DecodeEncodedWords("=?ISO-8859-1?Q?a_b?=") == "a b");
  // The perceval corpus file: "Danilo =?utf-8?Q?=C5=A0egan?=".
  CHECK(DecodeEncodedWords("Danilo =?utf-8?Q?=C5=A0egan?=") ==
        "Danilo \xc5\xa0"
        "egan");
  // Base64, lower-case markers, Windows-1252 punctuation.
  CHECK(DecodeEncodedWords("=?utf-8?b?Sm9zw6k=?=") == "Jos\xc3\xa9");
  CHECK(DecodeEncodedWords("=?windows-1252?q?=93hi=94?=") == "\xe2\x80\x9chi\xe2\x80\x9d");
}

TEST_CASE("RFC 2047 leaves malformed words and repairs invalid UTF-8") {
  CHECK(DecodeEncodedWords("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=");
  CHECK(DecodeEncodedWords("=?utf-8?q?never closed") == "=?utf-8?q?never closed");
  CHECK(DecodeEncodedWords("=?utf-8?b?!!!?=") == "=?utf-8?b?!!!?=");
  CHECK(DecodeEncodedWords("plain text") == "plain text");
  size_t repaired = 0;
  // A KOI8-R word is not converted: its bytes are not UTF-8, so they are replaced.
  const std::string koi = DecodeEncodedWords("=?koi8-r?b?8NLJ?=", &repaired);
  CHECK(repaired == 3);  // Python: b"\xf0\xd2\xc9".decode("utf-8", "replace")
  CHECK(koi == "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
}
