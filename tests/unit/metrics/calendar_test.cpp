// metrics/calendar.h: Monday weeks, months, jackknife blocks and timeline periods.
#include <catch2/catch.hpp>

#include <vector>

#include "base/time.h"
#include "metrics/calendar.h"
#include "model/dataset.h"

namespace {

using meshcheck::base::DaysFromCivil;
using meshcheck::metrics::DayBuckets;
using meshcheck::metrics::FirstDayOfMonth;
using meshcheck::metrics::MonthOf;
using meshcheck::metrics::Periods;
using meshcheck::metrics::WeekBlocks;
using meshcheck::metrics::WeekOf;

}  // namespace

TEST_CASE("weeks start on Monday and months are calendar months") {
  // 1970-01-01 was a Thursday; 1969-12-29 a Monday; 1970-01-05 the next Monday.
  CHECK(WeekOf(0) == 0);
  CHECK(WeekOf(-3) == 0);
  CHECK(WeekOf(-4) == -1);
  CHECK(WeekOf(3) == 0);  // Sunday 1970-01-04.
  CHECK(WeekOf(4) == 1);
  const int64_t monday = DaysFromCivil(2024, 1, 1);  // A Monday.
  CHECK(WeekOf(monday) == WeekOf(monday + 6));
  CHECK(WeekOf(monday) + 1 == WeekOf(monday + 7));
  CHECK(WeekOf(monday - 1) + 1 == WeekOf(monday));
  CHECK(MonthOf(DaysFromCivil(2024, 1, 31)) == 2024 * 12);
  CHECK(MonthOf(DaysFromCivil(2024, 2, 1)) == 2024 * 12 + 1);
  CHECK(FirstDayOfMonth(2024 * 12 + 1) == DaysFromCivil(2024, 2, 1));
  CHECK(FirstDayOfMonth(1969 * 12 + 11) == DaysFromCivil(1969, 12, 1));
}

TEST_CASE("jackknife blocks merge weeks into at most the given number of runs") {
  const int64_t monday = DaysFromCivil(2024, 1, 1);
  // Ten weeks into four blocks: block of week w = w * 4 / 10 -> 0 0 0 1 1 2 2 2 3 3.
  const DayBuckets b = WeekBlocks(monday, monday + 69, 4);
  CHECK(b.count() == 4);
  std::vector<uint32_t> by_week;
  for (int w = 0; w < 10; ++w)
    by_week.push_back(b.OfDay(monday + 7 * w + 3));
  CHECK(by_week == std::vector<uint32_t>{0, 0, 0, 1, 1, 2, 2, 2, 3, 3});
  CHECK(b.start_day == std::vector<int64_t>{monday, monday + 21, monday + 35, monday + 56});
  CHECK(b.OfDay(monday - 1) == meshcheck::model::kNone);
  CHECK(b.OfDay(monday + 70) == meshcheck::model::kNone);
  CHECK(b.OfTime(meshcheck::model::kNoTime) == meshcheck::model::kNone);
  // Fewer weeks than blocks: one block per week; a span inside one week: one block.
  CHECK(WeekBlocks(monday + 2, monday + 9, 52).count() == 2);
  CHECK(WeekBlocks(monday + 2, monday + 4, 52).count() == 1);
}

TEST_CASE("timeline periods are calendar months, or Monday weeks") {
  const int64_t jan20 = DaysFromCivil(2024, 1, 20);
  const int64_t mar5 = DaysFromCivil(2024, 3, 5);
  const DayBuckets months = Periods(jan20, mar5, false);
  CHECK(months.start_day == std::vector<int64_t>{DaysFromCivil(2024, 1, 1),
                                                 DaysFromCivil(2024, 2, 1),
                                                 DaysFromCivil(2024, 3, 1)});
  CHECK(months.OfDay(DaysFromCivil(2024, 2, 29)) == 1);
  // 2024-01-20 is a Saturday: its week starts on Monday the 15th.
  const DayBuckets weeks = Periods(jan20, jan20 + 8, true);  // To Sunday the 28th.
  CHECK(weeks.start_day ==
        std::vector<int64_t>{DaysFromCivil(2024, 1, 15), DaysFromCivil(2024, 1, 22)});
  CHECK(weeks.OfDay(jan20 + 1) == 0);  // Sunday.
  CHECK(weeks.OfDay(jan20 + 2) == 1);  // Monday.
}
