// Civil-time arithmetic and timestamp parsing shared by every reader. All times are
// milliseconds since 1970-01-01T00:00:00Z (UTC); no function here looks at the local zone.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace meshcheck::base {

inline constexpr int64_t kMsPerSecond = 1000;
inline constexpr int64_t kMsPerMinute = 60 * kMsPerSecond;
inline constexpr int64_t kMsPerHour = 60 * kMsPerMinute;
inline constexpr int64_t kMsPerDay = 24 * kMsPerHour;

// Timestamps outside [kMinPlausibleMs, kMaxPlausibleMs) are treated as absurd by the model
// (counted, kept out of the timeline): 1980-01-01 to 2100-01-01.
inline constexpr int64_t kMinPlausibleMs = 315532800000;
inline constexpr int64_t kMaxPlausibleMs = 4102444800000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

// Days in a month (1..12) of a proleptic Gregorian year.
unsigned DaysInMonth(int64_t year, unsigned month);

struct CivilDate {
  int64_t year;
  unsigned month;
  unsigned day;
};
CivilDate CivilFromDays(int64_t days);

// Floor division of a UTC millisecond time into a day number.
inline int64_t DayOf(int64_t ms) {
  return ms >= 0 ? ms / kMsPerDay : -((-ms + kMsPerDay - 1) / kMsPerDay);
}

struct ParsedTime {
  int64_t ms = 0;           // UTC if has_offset, else the naive wall-clock read as UTC.
  bool has_offset = false;  // "Z" or "+hh:mm" was present.
};

// ISO-8601 / RFC 3339 date-time: "YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH[:MM]]". A space may
// replace 'T'. Fractions of any length are truncated to milliseconds. Returns nullopt for
// anything else, including out-of-range fields.
std::optional<ParsedTime> ParseIso8601(std::string_view text);

// ParseIso8601 for a run of timestamps that mostly share their date, as a chat export's do: it
// remembers the last date read, so a timestamp of the same day skips the date's digits and
// calendar arithmetic. Same results as ParseIso8601.
class Iso8601Reader {
 public:
  std::optional<ParsedTime> Parse(std::string_view text);

  // The last valid date read ("YYYY-MM-DD") and its day number.
  struct LastDate {
    bool known = false;
    char text[10] = {};
    int64_t days = 0;
  };

 private:
  LastDate last_;
};

// An e-mail date (RFC 2822 section 3.3), read leniently as real archives need: the day name
// is optional, day, month name, year and time may come in any order (asctime, as in mbox
// "From " lines: "Fri Jan  8 11:01:14 2010"), seconds are optional, a 2-digit year is 19xx
// from 50 up and 20xx below (a 3-digit one counts from 1900), and `(comments)` are ignored.
// The zone is "+hhmm"/"-hhmm" (also "+hh:mm"), or a name: UT, UTC, GMT, Z, the US zones of
// RFC 2822 (EST, EDT, CST, ... PDT) and a few common others (CET, CEST, BST, JST...). A missing,
// unknown or impossible zone ("-7900") leaves has_offset false: the time reads as UTC. Returns
// nullopt unless a valid day, month, year and time were found.
std::optional<ParsedTime> ParseRfc2822(std::string_view text);

// Dates as DiscordChatExporter writes them (FORMATS.md 1b): ISO 8601 (ParseIso8601), its
// long-time default "dd-MMM-yy hh:mm tt" ("10-Jun-18 09:43 AM", English month names), and the
// culture "g" patterns "M/d/yyyy h:mm tt", "d/M/yyyy H:mm", "d.M.yyyy H:mm", "yyyy/M/d H:mm".
// Seconds are optional; "tt" is AM/PM or a.m./p.m. in any case, and without it the clock is
// 24-hour. Two-digit years are 20yy. "a/b/yyyy" is month first when a designator follows (en-US)
// and day first without one, unless a field over 12 settles it. These times carry no zone
// (has_offset false) unless ISO gives one. Returns nullopt for anything else, including
// out-of-range fields.
std::optional<ParsedTime> ParseDceDate(std::string_view text);

// "2023-01-06" for a UTC day number.
void FormatDate(int64_t day, char out[11]);

}  // namespace meshcheck::base
