#include <catch2/catch.hpp>

#include <string>

#include "base/time.h"

using meshcheck::base::CivilDate;
using meshcheck::base::CivilFromDays;
using meshcheck::base::DayOf;
using meshcheck::base::DaysFromCivil;
using meshcheck::base::FormatDate;
using meshcheck::base::kMsPerDay;
using meshcheck::base::kMsPerHour;
using meshcheck::base::kMsPerMinute;
using meshcheck::base::ParseIso8601;

namespace {

// 2023-01-06T14:03:03.853Z: 1673013783 s (date -u -d 2023-01-06T14:03:03Z +%s) and 853 ms.
constexpr int64_t kRef = 1673013783853;

int64_t Ms(const char* text) {
  const auto t = ParseIso8601(text);
  INFO(text);
  REQUIRE(t.has_value());
  return t->ms;
}

}  // namespace

TEST_CASE("ISO-8601 timestamps with offsets resolve to UTC") {
  const auto t = ParseIso8601("2023-01-06T14:03:03.853+00:00");
  REQUIRE(t.has_value());
  CHECK(t->ms == kRef);
  CHECK(t->has_offset);
  const auto plus2 = ParseIso8601("2023-01-06T16:03:03.853+02:00");
  REQUIRE(plus2.has_value());
  CHECK(plus2->ms == t->ms);
  CHECK(Ms("2023-01-06T09:03:03.853-05:00") == kRef);
  CHECK(Ms("2023-01-06T19:33:03.853+05:30") == kRef);
  CHECK(Ms("2023-01-06T19:33:03.853+0530") == kRef);
  CHECK(Ms("2023-01-06T16:03:03.853+02") == kRef);
  CHECK(Ms("2023-01-06T14:03:03.853Z") == kRef);
  CHECK(Ms("2023-01-06T14:03:03.853z") == kRef);
  CHECK(Ms("2023-01-06 14:03:03.853Z") == kRef);
  // An offset moves the instant across a day, month and year boundary.
  CHECK(Ms("2022-12-31T23:30:00-01:00") == Ms("2023-01-01T00:30:00Z"));
  CHECK(Ms("2024-03-01T00:30:00+01:00") == Ms("2024-02-29T23:30:00Z"));
}

TEST_CASE("ISO-8601 without a zone is naive wall-clock time") {
  const auto t = ParseIso8601("2023-01-06T14:03:03.853");
  REQUIRE(t.has_value());
  CHECK_FALSE(t->has_offset);
  CHECK(t->ms == kRef);
  CHECK(ParseIso8601("2023-01-06T14:03Z")->ms == kRef - 3853);
  CHECK(Ms("1970-01-01T00:00:00Z") == 0);
  CHECK(Ms("1969-12-31T23:59:59.999Z") == -1);
}

TEST_CASE("ISO-8601 fractions of any length truncate to milliseconds") {
  const int64_t base = Ms("2023-01-06T14:03:03Z");
  CHECK(Ms("2023-01-06T14:03:03.2Z") == base + 200);
  CHECK(Ms("2023-01-06T14:03:03.02Z") == base + 20);
  CHECK(Ms("2023-01-06T14:03:03.209+00:00") == base + 209);
  CHECK(Ms("2023-01-06T14:03:03.0000000+00:00") == base);
  CHECK(Ms("2023-01-06T14:03:03.1234567+00:00") == base + 123);
  CHECK(Ms("2023-01-06T14:03:03.9999999999999999999Z") == base + 999);
  CHECK(Ms("2023-01-06T14:03:03,5Z") == base + 500);
}

TEST_CASE("ISO-8601 rejects malformed text and out-of-range fields") {
  const char* bad[] = {
      "",
      "2023",
      "2023-01-06",
      "2023-1-06T14:03:03Z",
      "2023-01-6T14:03:03Z",
      "2023/01/06T14:03:03Z",
      "2023-01-06X14:03:03Z",
      "2023-01-06T14-03-03Z",
      "2023-01-06T14:03:03.Z",  // empty fraction
      "2023-01-06T14:03:3Z",
      "2023-01-06T14:03.5Z",  // fraction without seconds
      "2023-01-06T14:03:03ZZ",
      "2023-01-06T14:03:03 ",
      "2023-01-06T14:03:03+5",
      "2023-01-06T14:03:03+05:",
      "2023-01-06T14:03:03+05:3",
      "2023-01-06T14:03:03+24:00",
      "2023-01-06T14:03:03+05:60",
      "2023-01-06T14:03:03+05:00junk",
      "2023-00-06T14:03:03Z",
      "2023-13-06T14:03:03Z",
      "2023-01-00T14:03:03Z",
      "2023-01-32T14:03:03Z",
      "2023-04-31T14:03:03Z",
      "2023-02-29T14:03:03Z",  // not a leap year
      "1900-02-29T00:00:00Z",  // divisible by 100, not by 400
      "2023-01-06T24:00:00Z",
      "2023-01-06T14:60:00Z",
      "2023-01-06T14:03:61Z",
      "２０２３-01-06T14:03:03Z",
  };
  for (const char* text : bad) {
    INFO(text);
    CHECK_FALSE(ParseIso8601(text).has_value());
  }
}

TEST_CASE("ISO-8601 leap years and leap seconds") {
  CHECK(Ms("2024-02-29T00:00:00Z") == Ms("2024-02-28T00:00:00Z") + kMsPerDay);
  CHECK(Ms("2000-02-29T00:00:00Z") == Ms("2000-03-01T00:00:00Z") - kMsPerDay);
  CHECK(Ms("2024-03-01T00:00:00Z") - Ms("2024-01-01T00:00:00Z") == 60 * kMsPerDay);
  CHECK(Ms("2023-03-01T00:00:00Z") - Ms("2023-01-01T00:00:00Z") == 59 * kMsPerDay);
  // RFC 3339 allows second 60; it reads as the next second.
  CHECK(Ms("2016-12-31T23:59:60Z") == Ms("2017-01-01T00:00:00Z"));
}

TEST_CASE("Civil dates: known anchors") {
  // Anchors from the Unix epoch: 2000-01-01 is 946684800 s, 1900-01-01 is -2208988800 s, and
  // 0001-01-01 is ordinal 1 against 719163 for 1970-01-01 (Python's date.toordinal).
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(1969, 12, 31) == -1);
  CHECK(DaysFromCivil(2000, 1, 1) == 946684800 / 86400);
  CHECK(DaysFromCivil(1900, 1, 1) == -2208988800 / 86400);
  CHECK(DaysFromCivil(1, 1, 1) == -719162);
  CHECK(DaysFromCivil(2023, 1, 6) == kRef / kMsPerDay);
}

TEST_CASE("Civil dates: round trip and consecutive days over 5000 years") {
  const int64_t first = DaysFromCivil(-1000, 1, 1);
  const int64_t last = DaysFromCivil(4000, 12, 31);
  CivilDate prev = CivilFromDays(first - 1);
  uint64_t bad = 0;
  for (int64_t d = first; d <= last; ++d) {
    const CivilDate c = CivilFromDays(d);
    bad += DaysFromCivil(c.year, c.month, c.day) != d;
    // The next day of `prev` by the calendar's own rules.
    const bool leap = (prev.year % 4 == 0 && prev.year % 100 != 0) || prev.year % 400 == 0;
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const unsigned month_days = prev.month == 2 && leap ? 29 : kDays[prev.month - 1];
    CivilDate want = prev;
    if (++want.day > month_days) {
      want.day = 1;
      if (++want.month > 12) {
        want.month = 1;
        ++want.year;
      }
    }
    bad += c.year != want.year || c.month != want.month || c.day != want.day;
    prev = c;
  }
  CHECK(bad == 0);
  CHECK(last - first + 1 == 5001 * 365 + 1213);  // 1213 leap days in -1000..4000.
}

TEST_CASE("DayOf floors negative times") {
  CHECK(DayOf(0) == 0);
  CHECK(DayOf(kMsPerDay - 1) == 0);
  CHECK(DayOf(kMsPerDay) == 1);
  CHECK(DayOf(-1) == -1);
  CHECK(DayOf(-kMsPerDay) == -1);
  CHECK(DayOf(-kMsPerDay - 1) == -2);
  CHECK(DayOf(kRef) == DaysFromCivil(2023, 1, 6));
  CHECK(DayOf(Ms("2023-01-06T23:59:59.999Z")) == DayOf(Ms("2023-01-06T00:00:00Z")));
  CHECK(kMsPerHour * 24 == kMsPerDay);
  CHECK(kMsPerMinute * 60 == kMsPerHour);
}

TEST_CASE("FormatDate writes YYYY-MM-DD") {
  char out[11];
  FormatDate(0, out);
  CHECK(std::string(out) == "1970-01-01");
  FormatDate(DaysFromCivil(2023, 1, 6), out);
  CHECK(std::string(out) == "2023-01-06");
  FormatDate(DaysFromCivil(2024, 2, 29), out);
  CHECK(std::string(out) == "2024-02-29");
  FormatDate(-1, out);
  CHECK(std::string(out) == "1969-12-31");
  FormatDate(DaysFromCivil(1, 1, 1), out);
  CHECK(std::string(out) == "0001-01-01");
  FormatDate(DaysFromCivil(9999, 12, 31), out);
  CHECK(std::string(out) == "9999-12-31");
}
