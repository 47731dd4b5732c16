// What a dataset holds: one group (a server, a workspace, a chat, a list) with its channels, or
// several separate groups read together (a Reddit dump of many subreddits, a Telegram
// full-account export of unrelated chats: FORMATS.md "Containers/partitions"). ANALYSIS.md B.4
// item 4 computes per channel besides the whole, so each unit here gets a verdict of its own.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/dataset.h"

namespace meshcheck::model {

// A part of the dataset analysed on its own: a separate group, or a channel of the one group
// (its threads folded in).
struct Unit {
  uint32_t key = 0;                          // Interned: the group's or the channel's key.
  uint32_t name = 0;                         // Interned display name.
  uint32_t group_name = 0;                   // Interned name of the group holding it.
  ChannelKind kind = ChannelKind::kUnknown;  // The channel's (kUnknown for a separate group).
  std::vector<uint32_t> channels;            // Channel indices, ascending.
  uint64_t messages = 0;                     // Messages written there (bots' included).
};

struct Scope {
  // Distinct groups (a channel's group key, else its group name) among channels with messages.
  // Channels naming no group do not count (a format that names none); when the groups are
  // separate, they form one more unit.
  uint32_t separate_groups = 0;
  uint32_t channels = 0;  // Channels with messages, threads folded into their parent.
  bool one_group = true;  // separate_groups <= 1.
  // The separate groups when !one_group, else the channels; by messages (descending), then key.
  std::vector<Unit> units;
};

Scope ScopeOf(const Dataset& data);

// keep[c] for the channels whose key, name, group key or group name equals one of `names`
// (ASCII case-insensitive; a leading '#' or "r/" in a name is optional). Empty if none match.
std::vector<bool> ChannelsNamed(const Dataset& data, const std::vector<std::string_view>& names);

}  // namespace meshcheck::model
