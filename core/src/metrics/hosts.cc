#include "metrics/hosts.h"

#include <algorithm>

#include "base/plural.h"
#include "metrics/params.h"
#include "model/members_named.h"

namespace meshcheck::metrics {
namespace {

void Add(HostSet* hosts, uint32_t member) {
  if (!hosts->is_host[member]) {
    hosts->is_host[member] = true;
    hosts->members.push_back(member);
  }
}

bool FromDeclared(const model::Dataset& data,
                  const std::vector<std::string>& declared,
                  HostSet* hosts) {
  for (const uint32_t i : model::MembersNamed(data, declared, &hosts->unmatched))
    Add(hosts, i);
  return !hosts->members.empty();
}

bool FromExport(const model::Dataset& data, const GroupFacts& facts, HostSet* hosts) {
  const auto& members = data.members();
  uint32_t staff = 0;
  uint32_t announcers = 0;
  for (uint32_t i = 0; i < members.size(); ++i) {
    if (members[i].is_host_hint && facts.is_poster[i]) {
      Add(hosts, i);
      ++staff;
    }
  }
  const auto& messages = data.messages();
  for (uint32_t i = 0; i < messages.size(); ++i) {
    const model::MessageRecord& m = messages[i];
    if (m.is_system() || !facts.is_poster[m.author])
      continue;
    if (data.channels()[data.channel_of(i)].kind == model::ChannelKind::kAnnouncement &&
        !hosts->is_host[m.author]) {
      Add(hosts, m.author);
      ++announcers;
    }
  }
  if (staff + announcers == 0)
    return false;
  hosts->how = "Found in the export: ";
  if (staff > 0) {
    hosts->how +=
        base::Plural(staff, "poster", "posters") + " with a staff role (owner, admin, moderator)";
  }
  if (announcers > 0) {
    hosts->how += std::string(staff > 0 ? " and " : "") +
                  base::Plural(announcers, "poster", "posters") + " in an announcement channel";
  }
  hosts->how += ".";
  return true;
}

bool FromData(const model::Dataset& data, const GroupFacts& facts, HostSet* hosts) {
  if (facts.posters < kMinPostersToInferHost || facts.messages == 0)
    return false;
  const auto& members = data.members();
  uint32_t top = model::kNone;
  for (uint32_t i = 0; i < members.size(); ++i) {
    if (!facts.is_poster[i])
      continue;
    if (top == model::kNone || members[i].messages > members[top].messages)
      top = i;
  }
  const double share =
      static_cast<double>(members[top].messages) / static_cast<double>(facts.messages);
  if (share < kHostVoiceFactor / facts.posters)
    return false;
  Add(hosts, top);
  hosts->how = "Inferred from the data: the most active poster wrote " +
               std::to_string(static_cast<int>(share * 100 + 0.5)) +
               "% of the messages. Name the host yourself if this is wrong.";
  return true;
}

}  // namespace

const char* HostSourceName(HostSource source) {
  switch (source) {
    case HostSource::kDeclared:
      return "declared";
    case HostSource::kExportSignal:
      return "export";
    case HostSource::kData:
      return "data";
    case HostSource::kNone:
      return "none";
  }
  return "none";
}

HostSet DetectHosts(const model::Dataset& data,
                    const GroupFacts& facts,
                    const std::vector<std::string>& declared) {
  HostSet hosts;
  hosts.is_host.assign(data.members().size(), false);
  if (!declared.empty() && FromDeclared(data, declared, &hosts)) {
    hosts.source = HostSource::kDeclared;
    hosts.how = "Named by you.";
  } else if (FromExport(data, facts, &hosts)) {
    hosts.source = HostSource::kExportSignal;
  } else if (FromData(data, facts, &hosts)) {
    hosts.source = HostSource::kData;
  } else {
    hosts.source = HostSource::kNone;
    hosts.how = "Nobody holds a host-like share of the messages: no host-centred structure.";
  }
  std::sort(hosts.members.begin(), hosts.members.end());
  for (uint32_t i = 0; i < data.members().size(); ++i) {
    if (!facts.is_poster[i])
      continue;
    if (hosts.is_host[i]) {
      hosts.host_messages += data.members()[i].messages;
    } else {
      ++hosts.non_host_posters;
    }
  }
  return hosts;
}

}  // namespace meshcheck::metrics
