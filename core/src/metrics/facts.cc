#include "metrics/facts.h"

#include <algorithm>

#include "base/phase_timer.h"
#include "base/time.h"

namespace meshcheck::metrics {

GroupFacts ComputeFacts(const model::Dataset& data) {
  const base::ScopedPhase phase(base::Phase::kMetrics);
  GroupFacts f;
  const auto& members = data.members();
  f.is_poster.assign(members.size(), false);
  std::vector<bool> channel_used(data.channels().size(), false);
  std::vector<bool> bot_posted(members.size(), false);
  int64_t last_day = INT64_MIN;
  int64_t bot_first = model::kNoTime, bot_last = model::kNoTime;
  const auto& messages = data.messages();
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system()) {
      ++f.system_events;
      continue;
    }
    channel_used[data.channel_of(i)] = true;
    if (!IsPerson(members[m.author])) {
      ++f.bot_messages;
      bot_posted[m.author] = true;
      if (m.time_ms() != model::kNoTime) {
        bot_first = bot_first == model::kNoTime ? m.time_ms() : bot_first;
        bot_last = m.time_ms();
      }
      continue;
    }
    ++f.messages;
    f.forwards += m.is_forward();
    f.is_poster[m.author] = true;
    if (m.time_ms() == model::kNoTime)
      continue;
    if (f.first_ms == model::kNoTime)
      f.first_ms = m.time_ms();  // Messages are sorted by time.
    f.last_ms = m.time_ms();
    const int64_t day = base::DayOf(m.time_ms());
    if (day != last_day) {
      ++f.active_days;
      last_day = day;
    }
  }
  for (size_t i = 0; i < members.size(); ++i) {
    if (f.is_poster[i]) {
      ++f.posters;
      f.deleted_accounts += members[i].is_deleted;
    }
    f.bots += bot_posted[i];
  }
  for (bool used : channel_used)
    f.channels += used;
  if (f.first_ms != model::kNoTime) {
    f.span_days = static_cast<uint32_t>(base::DayOf(f.last_ms) - base::DayOf(f.first_ms) + 1);
  }
  if (bot_first != model::kNoTime) {
    const int64_t first =
        f.first_ms == model::kNoTime ? bot_first : std::min(bot_first, f.first_ms);
    const int64_t last = std::max(bot_last, f.last_ms);
    f.span_days_with_bots = static_cast<uint32_t>(base::DayOf(last) - base::DayOf(first) + 1);
  } else {
    f.span_days_with_bots = f.span_days;
  }
  return f;
}

}  // namespace meshcheck::metrics
