// The host's presence day by day: the ground of the practical test "if you stopped posting,
// would activity continue?" (ANALYSIS.md B.1 item 9, host-silent window survival).
//
// Over the UTC days from the first to the last dated message by a person:
// - days before the first message of any host (or every day, without a host) are not observed;
// - a day with a message by any host is host-active (all hosts count together);
// - a run of at least kMissingRunDays days with no record at all (no message, bot post or
//   system event) is a gap in the export, not silence (B.4 item 6: missing days are not
//   silence); such days are missing and break runs;
// - the other days without a host message are host-silent when they form a run of at least
//   kSilentWindowDays (a silent window), else merely quiet (a short pause).
#pragma once

#include <cstdint>
#include <vector>

#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "model/dataset.h"

namespace meshcheck::metrics {

enum class DayKind : uint8_t {
  kNotObserved,  // Before the first host message, or there is no host.
  kHostActive,
  kHostSilent,  // In a silent window.
  kHostQuiet,   // Without a host message, in a run shorter than a silent window.
  kMissing,     // In a gap of the export.
};

struct HostCalendar {
  int64_t first_day = 0;      // Day number of days[0].
  std::vector<DayKind> days;  // One per day of the span (empty if nothing is dated).
  uint32_t silent_windows = 0;
  uint32_t silent_days = 0;
  uint32_t active_days = 0;
  uint32_t missing_days = 0;

  // The kind of day `day` (kNotObserved outside the span).
  DayKind Of(int64_t day) const;
};

HostCalendar BuildHostCalendar(const model::Dataset& data,
                               const GroupFacts& facts,
                               const HostSet& hosts);

}  // namespace meshcheck::metrics
