// Every constant of the classifier, each citing the section of ANALYSIS.md it comes from.
#pragma once

#include <cstddef>
#include <cstdint>

namespace meshcheck::classify {

// A component's normalisation: raw a -> 0, raw c -> 1, clamped (ANALYSIS.md C.1).
struct Anchor {
  double a;
  double c;
};

// C.1 component 1, PRS (peer reply share).
inline constexpr Anchor kPrsAnchor{0.05, 0.60};
inline constexpr double kPrsWeight = 0.25;
// C.1 component 3, ORR (organic response rate); falls back to PRS_n without member discussions.
inline constexpr Anchor kOrrAnchor{0.10, 0.70};
inline constexpr double kOrrWeight = 0.15;
// C.1 component 5, PRC (peer reciprocity).
inline constexpr Anchor kPrcAnchor{0.02, 0.40};
inline constexpr double kPrcWeight = 0.15;
// C.1 component 6, MIS (member-initiated discussions).
inline constexpr Anchor kMisAnchor{0.10, 0.60};
inline constexpr double kMisWeight = 0.10;

// C.2 label bands on the Community Index.
inline constexpr double kCommunityMin = 70;
inline constexpr double kEmergingMin = 45;
// C.2 item 2: a Community label requires PRS >= 0.40, else it is downgraded to Emerging.
inline constexpr double kCommunityMinPrs = 0.40;
// C.2 item 4: Engaged (hub-and-spoke) audience if members write >= 10% of messages, there are
// >= 10 replies, and (HRR >= 0.25 or CI >= 20); otherwise Broadcast audience.
inline constexpr double kEngagedMinMemberShare = 0.10;
inline constexpr uint64_t kEngagedMinReplies = 10;
inline constexpr double kEngagedMinHrr = 0.25;
inline constexpr double kEngagedMinIndex = 20;

// C.2 item 1 with C.7 fix 3 (the floor is about evidence, not raw size): when members write
// >= 5% of the messages, judging needs >= 5 non-host posters and >= 30 reply links. Below that
// share the group is a broadcast audience whatever its index: a few stray replies in a feed do
// not make a community (C.2 item 1, C.7 fix 2).
inline constexpr double kParticipationShare = 0.05;
inline constexpr uint32_t kMinNonHostPosters = 5;
inline constexpr uint64_t kMinReplyLinks = 30;
// C.2 item 1 with C.7 fix 3: a broadcast is judged on the members' silence, but needs some
// history: at least this many messages over at least kMinBroadcastSpanDays days.
inline constexpr uint64_t kMinBroadcastMessages = 10;
inline constexpr uint32_t kMinBroadcastSpanDays = 14;

// C.4 "recommended for High confidence"; each shortfall is one caveat (C.3 item 2), as is a
// host set that was inferred rather than declared (C.3 item 2, C.4).
inline constexpr uint64_t kConfidentMessages = 500;
inline constexpr uint32_t kConfidentSpanDays = 28;
inline constexpr uint32_t kConfidentNonHostPosters = 20;
// C.3 item 3: High with no caveat, Medium with at most this many, Low otherwise (and Low
// whenever a data floor of C.2 item 1 is missed).
inline constexpr size_t kMediumMaxCaveats = 1;

}  // namespace meshcheck::classify
