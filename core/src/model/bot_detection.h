// Bots the export does not mark (ANALYSIS.md B.4 item 2: "Add heuristics: template repetition,
// inhuman rates, reply latency < 2 s, names. Never count bots as members."). Readers pass no
// message text, so template repetition is out of reach; the two signals used are:
//   - the name: a well-known bot's name, a name ending in a separate word "bot" ("Carl-bot",
//     "Dyno Bot", "HelperBot", "dependabot[bot]"), or ending in a word naming a feed or webhook
//     ("Release Feed");
//   - reflexes: nearly every message follows another person's message (or a join) within a few
//     seconds, which no person typing keeps up (only where the export's times have seconds).
// Members the export marks as staff (is_host_hint) or the user names as hosts are never bots.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/dataset.h"

namespace meshcheck::model {

enum class BotSignal : uint8_t { kName, kReflex };

struct DetectedBot {
  uint32_t member = 0;
  BotSignal signal = BotSignal::kName;
};

// Members of a finalized dataset, not marked as bots, that behave like bots; ascending by member.
// `hosts`: the names the user gave as hosts (Options::hosts). Linear in messages and members.
std::vector<DetectedBot> DetectBots(const Dataset& data, const std::vector<std::string>& hosts);

// True when `name` names a bot or an automated feed (the name signal above). Exposed for tests.
bool IsBotName(std::string_view name);

}  // namespace meshcheck::model
