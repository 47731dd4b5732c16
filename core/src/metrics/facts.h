// GroupFacts: the plain counts of a dataset (who posted, when, how much).
#pragma once

#include <cstdint>
#include <vector>

#include "model/dataset.h"

namespace meshcheck::metrics {

struct GroupFacts {
  uint64_t messages = 0;  // Speech messages by people (bots and system events excluded).
  uint64_t bot_messages = 0;
  uint64_t system_events = 0;
  uint64_t forwards = 0;          // Among `messages`.
  uint32_t posters = 0;           // People with at least one message.
  uint32_t bots = 0;              // Bot accounts that posted.
  uint32_t deleted_accounts = 0;  // Deleted-account authors (each counted apart).
  uint32_t channels = 0;          // Channels with at least one message.
  int64_t first_ms = model::kNoTime;
  int64_t last_ms = model::kNoTime;
  uint32_t span_days = 0;            // Calendar days from the first to the last dated message.
  uint32_t span_days_with_bots = 0;  // The same over bots' messages too.
  uint32_t active_days = 0;          // Days with at least one human message.

  // Per member (index aligned with Dataset::members()): a person (not a bot) who posted.
  std::vector<bool> is_poster;
};

GroupFacts ComputeFacts(const model::Dataset& data);

// True for members that count as people: not bots.
inline bool IsPerson(const model::Member& m) {
  return !m.is_bot;
}

}  // namespace meshcheck::metrics
