#include "metrics/calendar.h"

#include <algorithm>

#include "base/time.h"
#include "model/dataset.h"

namespace meshcheck::metrics {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

// Buckets of [first_day, last_day] by `unit(day)` (non-decreasing), numbered from 0.
template <typename Unit, typename Start>
DayBuckets ByUnit(int64_t first_day, int64_t last_day, Unit unit, Start start) {
  DayBuckets b;
  b.first_day = first_day;
  b.of_day.reserve(static_cast<size_t>(last_day - first_day + 1));
  int64_t current = 0;
  for (int64_t day = first_day; day <= last_day; ++day) {
    const int64_t u = unit(day);
    if (b.start_day.empty() || u != current) {
      current = u;
      b.start_day.push_back(start(u, day));
    }
    b.of_day.push_back(b.count() - 1);
  }
  return b;
}

}  // namespace

int64_t WeekOf(int64_t day) {
  return FloorDiv(day + 3, 7);
}

int64_t MonthOf(int64_t day) {
  const base::CivilDate c = base::CivilFromDays(day);
  return c.year * 12 + (c.month - 1);
}

int64_t FirstDayOfMonth(int64_t month) {
  const int64_t year = FloorDiv(month, 12);
  return base::DaysFromCivil(year, static_cast<unsigned>(month - year * 12) + 1, 1);
}

uint32_t DayBuckets::OfDay(int64_t day) const {
  if (day < first_day || day - first_day >= static_cast<int64_t>(of_day.size()))
    return model::kNone;
  return of_day[static_cast<size_t>(day - first_day)];
}

uint32_t DayBuckets::OfTime(int64_t ms) const {
  return ms == model::kNoTime ? model::kNone : OfDay(base::DayOf(ms));
}

DayBuckets WeekBlocks(int64_t first_day, int64_t last_day, uint32_t max_blocks) {
  const int64_t first_week = WeekOf(first_day);
  const int64_t weeks = WeekOf(last_day) - first_week + 1;
  const int64_t blocks = std::min<int64_t>(weeks, max_blocks);
  return ByUnit(
      first_day, last_day, [&](int64_t day) { return (WeekOf(day) - first_week) * blocks / weeks; },
      [](int64_t, int64_t day) { return day; });
}

DayBuckets Periods(int64_t first_day, int64_t last_day, bool weekly) {
  if (weekly) {
    return ByUnit(first_day, last_day, WeekOf, [](int64_t week, int64_t) { return week * 7 - 3; });
  }
  return ByUnit(first_day, last_day, MonthOf,
                [](int64_t month, int64_t) { return FirstDayOfMonth(month); });
}

}  // namespace meshcheck::metrics
