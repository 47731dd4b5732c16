// The timeline of the index (DESIGN.md "Report"; C.5: "each group's monthly points form a
// trajectory"): per calendar month, or per Monday week when the span is under 3 months, the
// messages by hosts and members, the people posting, and the Community Index with its
// components where the period alone meets the data floors of C.2 item 1 (else null).
#pragma once

#include <cstdint>
#include <vector>

#include "classify/index.h"
#include "metrics/tally.h"

namespace meshcheck::classify {

struct TimelinePoint {
  int64_t start_day = 0;  // First day of the month or week (may precede the data).
  uint32_t days = 0;      // Days of the group's span in the period.
  uint64_t host_messages = 0;
  uint64_t member_messages = 0;
  uint32_t active_posters = 0;
  bool judged = false;  // The period meets the data floors: index and components follow.
  double index = 0;
  std::vector<Component> components;
};

struct Timeline {
  bool weekly = false;
  std::vector<TimelinePoint> points;
};

Timeline BuildTimeline(const metrics::TallyTable& table, bool weekly);

}  // namespace meshcheck::classify
