// Local time of the exporting machine. Exports write local times with the offset in force at
// each instant (DiscordChatExporter) or bare local times (WhatsApp), so a zone with daylight
// saving time makes the offsets change inside one file, as they do in real exports.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace meshcheck::gen {

enum class DstRule : uint8_t {
  kNone,
  kEurope,  // Last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC.
  kUsa,     // Second Sunday of March 02:00 local to first Sunday of November 02:00 local.
};

struct Zone {
  std::string_view name;
  int standard_minutes;  // Offset from UTC outside daylight saving time.
  DstRule dst;
};

// A few real zones to pick from.
std::span<const Zone> Zones();

int OffsetMinutes(const Zone& zone, int64_t utc_ms);

struct LocalTime {
  int64_t year;
  unsigned month, day, hour, minute, second, millisecond;
  int offset_minutes;
};
LocalTime ToLocal(const Zone& zone, int64_t utc_ms);

// UTC time of local midnight starting `local_day` (days since 1970-01-01 on the local calendar).
int64_t LocalMidnightUtc(const Zone& zone, int64_t local_day);

}  // namespace meshcheck::gen
