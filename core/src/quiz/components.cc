#include "quiz/components.h"

namespace meshcheck::quiz {
namespace {

// C.1: PRS .25, AUT .20, ORR .15, HRC .15, PRC .15, MIS .10.
constexpr std::array<ComponentInfo, kComponentCount> kInfo = {{
    {"PRS", 0.25, "members replying to each other", "peer_reply_share"},
    {"AUT", 0.20, "activity that goes on without you", "host_silent_survival"},
    {"ORR", 0.15, "members answering each other first", "organic_response_rate"},
    {"HRC", 0.15, "members staying connected without you", "host_removed_connectivity"},
    {"PRC", 0.15, "two-way ties between members", "peer_reciprocity"},
    {"MIS", 0.10, "discussions members start", "member_initiated_discussions"},
}};

constexpr std::array<const char*, kLevelCount> kLevelIds = {
    "broadcast_audience", "engaged_audience", "emerging_community", "community"};

}  // namespace

const ComponentInfo& Info(Component component) {
  return kInfo[static_cast<size_t>(component)];
}

std::optional<Component> ParseComponent(std::string_view id) {
  for (Component c : kComponents) {
    if (id == Info(c).id)
      return c;
  }
  return std::nullopt;
}

const char* LevelId(Level level) {
  return kLevelIds[static_cast<size_t>(level)];
}

std::optional<Level> ParseLevelId(std::string_view id) {
  for (size_t i = 0; i < kLevelCount; ++i) {
    if (id == kLevelIds[i])
      return static_cast<Level>(i);
  }
  return std::nullopt;
}

Level LevelOf(double score) {
  if (score >= kCommunityMin)
    return Level::kCommunity;
  if (score >= kEmergingMin)
    return Level::kEmergingCommunity;
  if (score >= kEngagedMin)
    return Level::kEngagedAudience;
  return Level::kBroadcastAudience;
}

}  // namespace meshcheck::quiz
