#include "metrics/host_calendar.h"

#include <algorithm>

#include "base/time.h"
#include "metrics/params.h"

namespace meshcheck::metrics {
namespace {

// Sets days[b, e) to `kind` when the run is at least `min_length` long, else to `otherwise`.
void MarkRun(std::vector<DayKind>* days,
             size_t b,
             size_t e,
             size_t min_length,
             DayKind kind,
             DayKind otherwise) {
  for (size_t d = b; d < e; ++d)
    (*days)[d] = e - b >= min_length ? kind : otherwise;
}

}  // namespace

DayKind HostCalendar::Of(int64_t day) const {
  if (day < first_day || day - first_day >= static_cast<int64_t>(days.size()))
    return DayKind::kNotObserved;
  return days[static_cast<size_t>(day - first_day)];
}

HostCalendar BuildHostCalendar(const model::Dataset& data,
                               const GroupFacts& facts,
                               const HostSet& hosts) {
  HostCalendar cal;
  if (facts.first_ms == model::kNoTime)
    return cal;
  cal.first_day = base::DayOf(facts.first_ms);
  const size_t n = static_cast<size_t>(base::DayOf(facts.last_ms) - cal.first_day + 1);
  std::vector<bool> any_record(n, false);
  std::vector<bool> host_day(n, false);
  size_t first_host_day = n;
  for (const model::MessageRecord& m : data.messages()) {
    if (m.time_ms() == model::kNoTime)
      continue;
    const int64_t offset = base::DayOf(m.time_ms()) - cal.first_day;
    if (offset < 0 || offset >= static_cast<int64_t>(n))
      continue;
    const auto d = static_cast<size_t>(offset);
    any_record[d] = true;
    if (!m.is_system() && hosts.is_host[m.author]) {
      host_day[d] = true;
      first_host_day = std::min(first_host_day, d);
    }
  }
  cal.days.assign(n, DayKind::kNotObserved);
  // Gaps in the export: long runs of days without any record.
  for (size_t b = 0; b < n;) {
    size_t e = b;
    while (e < n && !any_record[e])
      ++e;
    if (e > b)
      MarkRun(&cal.days, b, e, kMissingRunDays, DayKind::kMissing, DayKind::kNotObserved);
    b = e + 1;
  }
  // From the first host message on: active days, and runs of observed days without a host.
  for (size_t b = first_host_day; b < n;) {
    if (host_day[b]) {
      cal.days[b++] = DayKind::kHostActive;
      continue;
    }
    if (cal.days[b] == DayKind::kMissing) {
      ++b;
      continue;
    }
    size_t e = b;
    while (e < n && !host_day[e] && cal.days[e] != DayKind::kMissing)
      ++e;
    MarkRun(&cal.days, b, e, kSilentWindowDays, DayKind::kHostSilent, DayKind::kHostQuiet);
    cal.silent_windows += e - b >= kSilentWindowDays;
    b = e;
  }
  for (DayKind k : cal.days) {
    cal.silent_days += k == DayKind::kHostSilent;
    cal.active_days += k == DayKind::kHostActive;
    cal.missing_days += k == DayKind::kMissing;
  }
  return cal;
}

}  // namespace meshcheck::metrics
