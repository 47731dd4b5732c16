// The data components a quiz item checks or a practice moves, and the self-view levels.
// Constants cite ANALYSIS.md; the quiz module depends on base only, so the Community Index
// weights and bands of classify/constants.h are restated here (tests/unit/quiz checks that they
// still agree).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace meshcheck::quiz {

// The Community Index components of ANALYSIS.md C.1.
enum class Component : uint8_t { kPrs, kAut, kOrr, kHrc, kPrc, kMis };
inline constexpr size_t kComponentCount = 6;
inline constexpr std::array<Component, kComponentCount> kComponents = {
    Component::kPrs, Component::kAut, Component::kOrr,
    Component::kHrc, Component::kPrc, Component::kMis};

struct ComponentInfo {
  const char* id;       // "PRS", as in the report's verdict.components[].id.
  double weight;        // w_k of C.1.
  const char* about;    // What it measures, for people: "members replying to each other".
  const char* measure;  // The report's measures key that explains its absence.
};
const ComponentInfo& Info(Component component);
std::optional<Component> ParseComponent(std::string_view id);

// Self-view levels: the Community Index bands of C.2, which C.6 applies to the Perceived
// Connectedness Score too.
enum class Level : uint8_t { kBroadcastAudience, kEngagedAudience, kEmergingCommunity, kCommunity };
inline constexpr size_t kLevelCount = 4;
inline constexpr double kEngagedMin = 20;    // C.6: < 20 Broadcast.
inline constexpr double kEmergingMin = 45;   // C.2 item 3.
inline constexpr double kCommunityMin = 70;  // C.2 item 2.

const char* LevelId(Level level);  // "broadcast_audience", ... (the report's label ids).
std::optional<Level> ParseLevelId(std::string_view id);
// The band of a 0-100 score.
Level LevelOf(double score);

// C.6 reconciliation: |PCS - CI| <= kAlignedDelta (and the same band) is Aligned.
inline constexpr double kAlignedDelta = 15;
// An item's claim (answer / highest answer) and its data score (the normalised component
// score, 0-1) agree when they are at most this far apart: one step of the 0-4 scale.
inline constexpr double kItemTolerance = 0.25;
// The standing assumed for a component neither the data nor any answered item speaks to.
inline constexpr double kUnknownStanding = 0.5;

}  // namespace meshcheck::quiz
