#include "gen/zone.h"

#include "base/time.h"

namespace meshcheck::gen {
namespace {

using base::kMsPerDay;
using base::kMsPerHour;
using base::kMsPerMinute;

// Day number of the n-th (1-based) Sunday of a month, or of its last Sunday for n = 0.
int64_t Sunday(int64_t year, unsigned month, int n) {
  if (n == 0) {
    const int64_t last =
        base::DaysFromCivil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) - 1;
    const int64_t weekday = (last + 4) % 7;  // 0 = Sunday (1970-01-01 was a Thursday).
    return last - weekday;
  }
  const int64_t first = base::DaysFromCivil(year, month, 1);
  const int64_t weekday = (first + 4) % 7;
  return first + (7 - weekday) % 7 + 7 * (n - 1);
}

bool InDaylightTime(const Zone& zone, int64_t utc_ms) {
  const int64_t year = base::CivilFromDays(base::DayOf(utc_ms)).year;
  int64_t begin = 0, end = 0;
  switch (zone.dst) {
    case DstRule::kNone:
      return false;
    case DstRule::kEurope:
      begin = Sunday(year, 3, 0) * kMsPerDay + kMsPerHour;
      end = Sunday(year, 10, 0) * kMsPerDay + kMsPerHour;
      break;
    case DstRule::kUsa: {
      const int64_t standard = zone.standard_minutes * kMsPerMinute;
      begin = Sunday(year, 3, 2) * kMsPerDay + 2 * kMsPerHour - standard;
      end = Sunday(year, 11, 1) * kMsPerDay + 2 * kMsPerHour - (standard + kMsPerHour);
      break;
    }
  }
  return utc_ms >= begin && utc_ms < end;
}

}  // namespace

std::span<const Zone> Zones() {
  static constexpr Zone kZones[] = {
      {"Europe/Berlin", 60, DstRule::kEurope},
      {"America/New_York", -300, DstRule::kUsa},
      {"UTC", 0, DstRule::kNone},
      {"Europe/London", 0, DstRule::kEurope},
      {"America/Los_Angeles", -480, DstRule::kUsa},
      {"Asia/Tokyo", 540, DstRule::kNone},
  };
  return kZones;
}

int OffsetMinutes(const Zone& zone, int64_t utc_ms) {
  return zone.standard_minutes + (InDaylightTime(zone, utc_ms) ? 60 : 0);
}

LocalTime ToLocal(const Zone& zone, int64_t utc_ms) {
  LocalTime t;
  t.offset_minutes = OffsetMinutes(zone, utc_ms);
  const int64_t local = utc_ms + t.offset_minutes * kMsPerMinute;
  const int64_t day = base::DayOf(local);
  const base::CivilDate date = base::CivilFromDays(day);
  int64_t in_day = local - day * kMsPerDay;
  t.year = date.year;
  t.month = date.month;
  t.day = date.day;
  t.hour = static_cast<unsigned>(in_day / kMsPerHour);
  in_day %= kMsPerHour;
  t.minute = static_cast<unsigned>(in_day / kMsPerMinute);
  in_day %= kMsPerMinute;
  t.second = static_cast<unsigned>(in_day / 1000);
  t.millisecond = static_cast<unsigned>(in_day % 1000);
  return t;
}

int64_t LocalMidnightUtc(const Zone& zone, int64_t local_day) {
  const int64_t local = local_day * kMsPerDay;
  const int64_t guess = local - zone.standard_minutes * kMsPerMinute;
  return local - OffsetMinutes(zone, guess) * kMsPerMinute;
}

}  // namespace meshcheck::gen
