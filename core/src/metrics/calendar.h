// Calendar buckets over a group's dated span: UTC days grouped into Monday weeks, calendar
// months, or runs of weeks. Buckets never decrease with time, so they never decrease with the
// conversation index either (conversations are numbered in time order).
#pragma once

#include <cstdint>
#include <vector>

namespace meshcheck::metrics {

// Monday-based week number of a day number (1970-01-01, day 0, was a Thursday).
int64_t WeekOf(int64_t day);
// 12 * year + (month - 1) of a day number.
int64_t MonthOf(int64_t day);
// The day number of the first day of a MonthOf() month.
int64_t FirstDayOfMonth(int64_t month);

// A partition of the days [first_day, first_day + days) into consecutive buckets.
struct DayBuckets {
  int64_t first_day = 0;
  std::vector<uint32_t> of_day;    // Per day of the span, from first_day: its bucket.
  std::vector<int64_t> start_day;  // Per bucket: the first day of its calendar unit.

  uint32_t count() const { return static_cast<uint32_t>(start_day.size()); }
  // The bucket of day `day`, or model::kNone outside the span.
  uint32_t OfDay(int64_t day) const;
  // The bucket of UTC time `ms`, or model::kNone if undated (model::kNoTime) or outside.
  uint32_t OfTime(int64_t ms) const;
};

// Monday weeks of [first_day, last_day], merged into at most `max_blocks` runs of consecutive
// weeks of near-equal length (the jackknife's blocks, ANALYSIS.md C.3 item 1).
DayBuckets WeekBlocks(int64_t first_day, int64_t last_day, uint32_t max_blocks);
// Calendar months of [first_day, last_day], or Monday weeks if `weekly`; start_day is the
// first day of the month or the Monday, which may precede first_day.
DayBuckets Periods(int64_t first_day, int64_t last_day, bool weekly);

}  // namespace meshcheck::metrics
