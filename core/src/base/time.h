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

// "2023-01-06" for a UTC day number.
void FormatDate(int64_t day, char out[11]);

}  // namespace meshcheck::base
