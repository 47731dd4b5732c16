// The second axis (ANALYSIS.md C.5, Article 2): from open audience (0) to bounded group
// (100), from the evidence the export holds, and the two-axis map (Community Index x Boundary
// Index) with its four quadrants.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "classify/index.h"
#include "meshcheck/options.h"
#include "metrics/facts.h"
#include "metrics/participation.h"
#include "model/dataset.h"

namespace meshcheck::classify {

// What the export itself says about membership.
struct ExportTraits {
  // Every input is public comments (YouTube, Reddit): there is no membership to join.
  bool no_membership = false;
  // Every channel with messages is a direct or group conversation: people are added by
  // invitation, not joined by link.
  bool invitation_only = false;
};
ExportTraits TraitsOf(const model::Dataset& data, const std::vector<Format>& formats);

enum class Enumerability : uint8_t { kNone, kPosters, kRoster };
const char* EnumerabilityName(Enumerability e);  // "none", "posters", "roster"
enum class Access : uint8_t { kUnknown, kNone, kPrivate };
const char* AccessName(Access a);  // "unknown", "none", "private"

struct Boundary {
  bool has_index = false;
  double index = 0;                   // Boundary Index, 0 (open) to 100 (closed).
  std::vector<Component> components;  // E, A, P, C, S (C.5 order).
  Enumerability enumerability = Enumerability::kNone;
  Access access = Access::kUnknown;
  std::vector<std::string> reasons;  // Plain language, citing the numbers.
};

Boundary ComputeBoundary(const metrics::GroupFacts& facts,
                         const metrics::Participation& participation,
                         const ExportTraits& traits);

enum class Quadrant : uint8_t { kAudience, kManagedGroup, kOpenCommunity, kCloseKnitCommunity };
const char* QuadrantName(Quadrant q);   // "audience", "managed_group", ...
const char* QuadrantTitle(Quadrant q);  // "Audience", "Managed group", ...
// What to track in the quadrant (C.5's table).
std::vector<std::string> QuadrantTracks(Quadrant q);

struct Placement {
  bool placed = false;  // Both indices exist.
  Quadrant quadrant = Quadrant::kAudience;
  double community_index = 0;
  double boundary_index = 0;
  bool provisional = false;  // The Community Index rests on insufficient data.
};

Placement Place(bool has_community_index,
                double community_index,
                const Boundary& boundary,
                bool provisional);

}  // namespace meshcheck::classify
