// base::Printable: what untrusted names become in messages (issue 8, item 7).
#include <catch2/catch.hpp>

#include <string>

#include "base/printable.h"

namespace {

TEST_CASE("Printable keeps text and neutralises controls, bidi overrides and bad UTF-8",
          "[printable]") {
  using meshcheck::base::Printable;
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(Printable("general/2016-01-01.json") == "general/2016-01-01.json");
  CHECK(Printable("caf\xC3\xA9 \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xF0\x9F\x98\x80");
  CHECK(Printable("a\x1B[2Jb") == "a" + fffd + "[2Jb");                     // ESC.
  CHECK(Printable("x\ny\tz\x7F") == "x" + fffd + "y" + fffd + "z" + fffd);  // C0 and DEL.
  CHECK(Printable("\xC2\x9B"
                  "1m") == fffd + "1m");                                     // C1 CSI.
  CHECK(Printable("evil\xE2\x80\xAEtxt.exe") == "evil" + fffd + "txt.exe");  // U+202E.
  CHECK(Printable("a\xE2\x81\xA6"
                  "b\xE2\x80\x8F") == "a" + fffd + "b" + fffd);  // U+2066, U+200F.
  CHECK(Printable("bad\xFF") == "bad" + fffd);
  CHECK(Printable(std::string(300, 'n')).size() == 200);
  CHECK(Printable("\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9");  // Cut on a character boundary.
}

}  // namespace
