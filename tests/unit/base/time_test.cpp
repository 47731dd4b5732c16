#include <catch2/catch.hpp>

#include "base/time.h"

using meshcheck::base::ParseIso8601;

TEST_CASE("ISO-8601 timestamps with offsets resolve to UTC") {
  const auto t = ParseIso8601("2023-01-06T14:03:03.853+00:00");
  REQUIRE(t.has_value());
  CHECK(t->ms == 1673013783853);
  CHECK(t->has_offset);
  const auto plus2 = ParseIso8601("2023-01-06T16:03:03.853+02:00");
  REQUIRE(plus2.has_value());
  CHECK(plus2->ms == t->ms);
}
