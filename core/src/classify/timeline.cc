#include "classify/timeline.h"

#include "classify/constants.h"

namespace meshcheck::classify {

Timeline BuildTimeline(const metrics::TallyTable& table, bool weekly) {
  Timeline t;
  t.weekly = weekly;
  for (size_t p = 0; p < table.by_period.size(); ++p) {
    const metrics::Tally& tally = table.by_period[p];
    const metrics::PeriodActivity& a = table.activity[p];
    TimelinePoint point;
    point.start_day = table.periods.start_day[p];
    point.days = a.days;
    point.host_messages = a.host_messages;
    point.member_messages = a.member_messages;
    point.active_posters = a.active_posters;
    FloorInputs floors;
    floors.messages = tally.counts.messages;
    floors.host_messages = tally.counts.host_messages;
    floors.non_host_posters = tally.peers.non_host_posters;
    floors.reply_links = tally.counts.replies;
    floors.span_days = a.days;
    floors.has_host = tally.has_host;
    point.judged = Floors(floors).empty();
    if (point.judged) {
      point.components =
          IndexComponents(metrics::MeasuresOf(tally), a.active_posters <= kSmallGroupMaxPosters);
      point.index = IndexOf(point.components);
    }
    t.points.push_back(std::move(point));
  }
  return t;
}

}  // namespace meshcheck::classify
