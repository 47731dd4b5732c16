#include "model/scope.h"

#include <algorithm>
#include <string>

#include "base/hash.h"
#include "base/strings.h"

namespace meshcheck::model {
namespace {

// The channel a thread folds into: its parent when the dataset has it, else itself.
std::vector<uint32_t> FoldThreads(const Dataset& data) {
  const auto& channels = data.channels();
  base::FlatMap64 by_key;
  for (uint32_t c = 0; c < channels.size(); ++c)
    by_key.Insert(channels[c].key, c);
  std::vector<uint32_t> home(channels.size());
  for (uint32_t c = 0; c < channels.size(); ++c) {
    const uint32_t parent = data.Text(channels[c].parent_key).empty()
                                ? base::FlatMap64::kMissing
                                : by_key.Find(channels[c].parent_key);
    home[c] = parent == base::FlatMap64::kMissing ? c : parent;
  }
  return home;
}

// A channel's group: its group key, else its group name; 0 (the empty string) for none.
uint32_t GroupOf(const Dataset& data, const Channel& c) {
  return data.Text(c.group_key).empty() ? c.group_name : c.group_key;
}

// `text` names `want` (folded): equal, or equal once a "#" or "r/" prefix is dropped.
bool Names(std::string_view text, const std::string& want) {
  const std::string t = base::AsciiLowered(text);
  for (std::string_view prefix : {"", "#", "r/"}) {
    if (t.size() >= prefix.size() && t.compare(0, prefix.size(), prefix) == 0 &&
        t.compare(prefix.size(), std::string::npos, want) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

Scope ScopeOf(const Dataset& data) {
  const auto& channels = data.channels();
  Scope scope;
  std::vector<uint32_t> groups;
  for (const Channel& c : channels) {
    if (c.messages > 0 && !data.Text(GroupOf(data, c)).empty())
      groups.push_back(GroupOf(data, c));
  }
  std::sort(groups.begin(), groups.end());
  groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
  scope.separate_groups = static_cast<uint32_t>(groups.size());
  scope.one_group = groups.size() <= 1;

  const std::vector<uint32_t> home = FoldThreads(data);
  base::FlatMap64 unit_of;  // Group key id or home channel -> unit index.
  for (uint32_t c = 0; c < channels.size(); ++c) {
    if (channels[c].messages == 0)
      continue;
    const Channel& h = channels[home[c]];
    const uint32_t id = scope.one_group ? home[c] : GroupOf(data, channels[c]);
    const auto index = static_cast<uint32_t>(scope.units.size());
    const uint32_t u = unit_of.Insert(id, index);
    if (u == index) {
      Unit unit;
      unit.key = scope.one_group ? h.key : id;
      unit.name = scope.one_group ? h.name : channels[c].group_name;
      unit.group_name = h.group_name;
      unit.kind = scope.one_group ? h.kind : ChannelKind::kUnknown;
      scope.units.push_back(unit);
      scope.channels += scope.one_group ? 1 : 0;
    }
    scope.units[u].channels.push_back(c);
    scope.units[u].messages += channels[c].messages;
  }
  if (!scope.one_group) {
    std::vector<uint32_t> homes;
    for (uint32_t c = 0; c < channels.size(); ++c) {
      if (channels[c].messages > 0)
        homes.push_back(home[c]);
    }
    std::sort(homes.begin(), homes.end());
    scope.channels = static_cast<uint32_t>(std::unique(homes.begin(), homes.end()) - homes.begin());
  }
  std::stable_sort(scope.units.begin(), scope.units.end(), [&](const Unit& a, const Unit& b) {
    if (a.messages != b.messages)
      return a.messages > b.messages;
    return data.Text(a.key) < data.Text(b.key);
  });
  return scope;
}

std::vector<bool> ChannelsNamed(const Dataset& data, const std::vector<std::string_view>& names) {
  const auto& channels = data.channels();
  std::vector<bool> keep(channels.size(), false);
  bool any = false;
  for (std::string_view name : names) {
    std::string want = base::AsciiLowered(name);
    for (std::string_view prefix : {"#", "r/"}) {
      if (want.compare(0, prefix.size(), prefix) == 0)
        want.erase(0, prefix.size());
    }
    for (uint32_t c = 0; c < channels.size(); ++c) {
      const Channel& ch = channels[c];
      if (Names(data.Text(ch.key), want) || Names(data.Text(ch.name), want) ||
          Names(data.Text(ch.group_key), want) || Names(data.Text(ch.group_name), want)) {
        keep[c] = true;
        any = true;
      }
    }
  }
  // Threads go with their channel.
  const std::vector<uint32_t> home = FoldThreads(data);
  for (uint32_t c = 0; c < channels.size(); ++c) {
    if (keep[home[c]])
      keep[c] = true;
  }
  return any ? keep : std::vector<bool>();
}

}  // namespace meshcheck::model
