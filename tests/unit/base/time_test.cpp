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
using meshcheck::base::ParseDceDate;
using meshcheck::base::ParseIso8601;
using meshcheck::base::ParseRfc2822;

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

// ---- RFC 2822 e-mail dates. Expected instants computed with Python's
// email.utils.mktime_tz(parsedate_tz(text)) * 1000.

namespace {

int64_t Mail(const char* text, bool want_offset = true) {
  const auto t = ParseRfc2822(text);
  INFO(text);
  REQUIRE(t.has_value());
  CHECK(t->has_offset == want_offset);
  return t->ms;
}

}  // namespace

TEST_CASE("RFC 2822 dates with numeric and named zones") {
  CHECK(Mail("Fri, 8 Jan 2010 10:01:14 +0000") == 1262944874000);
  CHECK(Mail("Mon, 1 Feb 2010 14:31:12 -0500 (EST)") == 1265052672000);
  CHECK(Mail("Tue, 3 Nov 2015 06:23:17 -0600") == 1446553397000);
  CHECK(Mail("Wed, 04 Nov 2015 13:46:25 +0100") == 1446641185000);
  CHECK(Mail("Mon, 17 Mar 2008 10:35:05 +0100") == 1205746505000);
  CHECK(Mail("Wed, 22 Sep 2004 02:03:40 -0700") == 1095843820000);
  CHECK(Mail("Thu, 01 Jan 1998 00:00:00 EST") == 883630800000);
  CHECK(Mail("8 Jan 2010 10:01:14 GMT") == 1262944874000);
  CHECK(Mail("Fri, 8 Jan 2010 11:01:14 +01:00") == 1262944874000);
  CHECK(Mail("Fri, 8 Jan 2010 11:01:14 CET") == 1262944874000);
  // A comment may hold anything, also nested parentheses and digits.
  CHECK(Mail("Fri, 8 Jan 2010 10:01:14 +0000 (GMT (1 2:3))") == 1262944874000);
}

TEST_CASE("RFC 2822 obsolete and malformed variants real archives hold") {
  // Two-digit years (RFC 2822 4.3), missing seconds, missing day name, dotted names.
  CHECK(Mail("Fri, 8 Jan 10 10:01 +0000") == 1262944860000);
  CHECK(Mail("Sat, 31 Dec 99 23:59:59 -0000") == 946684799000);
  CHECK(Mail("Fri., 8 Jan. 2010 10:01:14 +0000") == 1262944874000);
  CHECK(Mail("8-Jan-2010 10:01:14 +0000") == 1262944874000);
  CHECK(Mail("Fri, 8 January 2010 10:01:14 +0000") == 1262944874000);
  CHECK(Mail("Fri, 08 Jan 2010 10:01:14 UT") == 1262944874000);
  // asctime, as in mbox "From " lines: no zone, read as UTC.
  CHECK(Mail("Fri Jan  8 10:01:14 2010", false) == 1262944874000);
  CHECK(Mail("Fri Jan 8 10:01:14 GMT 2010") == 1262944874000);
  // Impossible or unknown zones leave the naive time (FORMATS.md 7: "-7900 (MST)").
  CHECK(Mail("Fri, 8 Jan 2010 10:01:14 -7900 (MST)", false) == 1262944874000);
  CHECK(Mail("Fri, 8 Jan 2010 10:01:14 XYZT", false) == 1262944874000);
  CHECK(Mail("Fri, 8 Jan 2010 10:01:14", false) == 1262944874000);
  // 12-hour clocks some mailers write.
  CHECK(Mail("Fri, 8 Jan 2010 10:01:14 PM +0000") == 1262944874000 + 12 * kMsPerHour);
  CHECK(Mail("Fri, 8 Jan 2010 12:01:14 AM +0000") == 1262944874000 - 10 * kMsPerHour);
}

TEST_CASE("RFC 2822 rejects dates without their parts or with impossible fields") {
  const char* bad[] = {
      "",
      "garbage",
      "Fri, 8 Jan 2010",               // no time
      "Fri, Jan 2010 10:01:14 +0000",  // no day
      "Fri, 8 2010 10:01:14 +0000",    // no month
      "Fri, 8 Jan 10:01:14 +0000",     // no year
      "Fri, 31 Feb 2010 10:01:14 +0000",
      "Fri, 0 Jan 2010 10:01:14 +0000",
      "Fri, 8 Jan 2010 24:01:14 +0000",
      "Fri, 8 Jan 2010 10:61:14 +0000",
      "Fri, 8 Jan 2010 10:01:14 +0000 2011",  // two years
      "Fri, 8 Jan 2010 13:01:14 PM +0000",
      "Fri, 8 Jan 2010 10:x1:14 +0000",
      "Fri, 8 Jan 20100 10:01:14 +0000",
  };
  for (const char* text : bad) {
    INFO(text);
    CHECK_FALSE(ParseRfc2822(text).has_value());
  }
}

// DiscordChatExporter dates. Expected values from Python:
// int((datetime.strptime("2018-06-10 09:43", "%Y-%m-%d %H:%M") - datetime(1970, 1, 1))
//     .total_seconds() * 1000).
TEST_CASE("DCE dates: the default dd-MMM-yy hh:mm tt and culture patterns, all naive") {
  struct Case {
    const char* text;
    int64_t ms;
  };
  const Case cases[] = {
      {"10-Jun-18 09:43 AM", 1528623780000},     // 2018-06-10 09:43, the corpus's first.
      {"04-Dec-19 03:51 PM", 1575474660000},     // 2019-12-04 15:51, the corpus's last.
      {"10-Jun-18 12:30 AM", 1528590600000},     // Midnight hour.
      {"10-Jun-18 12:30 PM", 1528633800000},     // Noon hour.
      {"10-Jun-18 09:43:15 pm", 1528666995000},  // Seconds, lower case.
      {"10-June-2018 09:43:15 p.m.", 1528666995000},
      {"29-Feb-24 11:59 PM", 1709251140000},  // Leap day.
      {"6/10/2018 9:43 AM", 1528623780000},   // en-US: month first with a designator.
      {"10/06/2018 09:43", 1528623780000},    // en-GB, fr-FR: day first without one.
      {"10.06.2018 09:43", 1528623780000},    // de-DE.
      {"2018/06/10 9:43", 1528623780000},     // ja-JP.
      {"13/06/2018 9:43 AM", 1528882980000},  // 13 cannot be a month: day first.
      {"6/13/2018 21:43", 1528926180000},     // 13 cannot be a month: month first.
      {"10-Jun-18 21:43", 1528666980000},     // A custom 24-hour format.
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto t = ParseDceDate(c.text);
    REQUIRE(t.has_value());
    CHECK(t->ms == c.ms);
    CHECK_FALSE(t->has_offset);
  }
  // ISO 8601 (current DCE with an ISO date format) keeps its offset.
  const auto iso = ParseDceDate("2018-06-10T11:43:00+02:00");
  REQUIRE(iso.has_value());
  CHECK(iso->has_offset);
  CHECK(iso->ms == 1528623780000);
}

TEST_CASE("DCE dates: malformed and out-of-range text is refused") {
  const char* bad[] = {
      "",
      "10-Jun-18",               // No time.
      "09:43 AM",                // No date.
      "31-Feb-18 09:43 AM",      // No such day.
      "10-Foo-18 09:43 AM",      // No such month.
      "10-Ju-18 09:43 AM",       // Too short for a month.
      "10-Jun-18 13:43 PM",      // 12-hour clock past 12.
      "10-Jun-18 00:43 AM",      // 12-hour clock at 0.
      "10-Jun-18 24:00",         // 24-hour clock at 24.
      "10-Jun-18 09:60 AM",      // Minute 60.
      "10-Jun-18 9:4 AM",        // One-digit minute.
      "10-Jun-183 09:43 AM",     // Three-digit year.
      "100-Jun-18 09:43 AM",     // Three-digit day.
      "10-Jun-18 09:43 AM UTC",  // Trailing text.
      "10-Jun-18 09:43 XM",      // Not a designator.
      "13/13/2018 10:00",        // Neither field a month.
      "10/06/18 09:43",          // Two-digit year in a numeric date.
      "10-Jun-18T09:43",         // No space before the time.
  };
  for (const char* text : bad) {
    INFO(text);
    CHECK_FALSE(ParseDceDate(text).has_value());
  }
}

TEST_CASE("Iso8601Reader reads every timestamp as ParseIso8601, whatever came before") {
  // Runs of one day, day changes, invalid dates and times right after a remembered date, and
  // text that is not a timestamp at all, in an order that exercises the remembered date.
  const std::string nuls(10, '\0');
  const std::string texts[] = {
      nuls + "T14:03:03Z",              // Nothing remembered yet: no date.
      "2023-01-06T14:03:03.853+00:00",  // Remembered.
      "2023-01-06T16:03:03.853+02:00",  // Same day, another offset.
      "2023-01-06 23:59:59.999Z",
      "2023-01-06T24:00:00Z",  // Same date, invalid hour.
      "2023-01-06T14:03:03.",  // Same date, fraction without digits.
      "2023-01-06",            // Same date, no time.
      "2023-01-06T14:03Z",
      "2023-01-07T00:00:00Z",  // The next day.
      "2023-02-29T12:00:00Z",  // Not a leap year.
      "2023-02-28T12:00:00Z",
      "2024-02-29T12:00:00Z",   // A leap year.
      "2024-02-29T12:00:00Z+",  // Same date, trailing byte.
      "2024-13-01T12:00:00Z",   // Month 13.
      "2024-02-29T12:00:00",    // Back to the remembered date, naive.
      nuls + "T14:03:03Z",      // A date remembered: still no date.
      "0000-01-01T00:00:00Z",
      "9999-12-31T23:59:59.9999999Z",
  };
  meshcheck::base::Iso8601Reader reader;
  for (int pass = 0; pass < 2; ++pass) {  // The second pass starts with a date remembered.
    for (const std::string& text : texts) {
      INFO(pass << ": " << text);
      const auto expected = ParseIso8601(text);
      const auto got = reader.Parse(text);
      REQUIRE(got.has_value() == expected.has_value());
      if (expected) {
        CHECK(got->ms == expected->ms);
        CHECK(got->has_offset == expected->has_offset);
      }
    }
  }
  CHECK(reader.Parse("2024-02-29T12:00:00Z")->ms == Ms("2024-02-29T00:00:00Z") + 12 * kMsPerHour);
  CHECK_FALSE(ParseIso8601(nuls + "T14:03:03Z").has_value());
}
