// Parameters of the measures' definitions, each citing ANALYSIS.md. (The classifier's anchors,
// weights and gates live in classify/constants.h.)
#pragma once

#include <cstdint>

namespace meshcheck::metrics {

// B.4 item 1: a group has a host-centred structure only if the dominant poster's share of
// human messages is at least kHostVoiceFactor / n (n = human posters).
inline constexpr double kHostVoiceFactor = 2.0;
// Below this many human posters no host is inferred from the data (B.4 item 7: tiny groups).
inline constexpr uint32_t kMinPostersToInferHost = 3;
// B.1 item 1: degree centralization is undefined or unstable for n < 5.
inline constexpr uint32_t kMinNodesForCentralization = 5;

}  // namespace meshcheck::metrics
