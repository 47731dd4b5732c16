// Every constant of the classifier, each citing the section of ANALYSIS.md it comes from.
// (The parameters of the measures themselves live in metrics/params.h.)
#pragma once

#include <array>
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
// C.1 component 2, AUT (autonomy, the practical test): 0.6 HSR_n + 0.4 MOC_n when a silent
// window is observed, else MOC_n.
inline constexpr Anchor kHsrAnchor{0.15, 0.75};
inline constexpr Anchor kMocAnchor{0.05, 0.50};
inline constexpr double kAutHsrShare = 0.6;
inline constexpr double kAutWeight = 0.20;
// C.1 component 3, ORR (organic response rate); falls back to PRS_n without member discussions.
inline constexpr Anchor kOrrAnchor{0.10, 0.70};
inline constexpr double kOrrWeight = 0.15;
// C.1 component 4, HRC (host-removed connectivity).
inline constexpr Anchor kHrcAnchor{0.10, 0.80};
inline constexpr double kHrcWeight = 0.15;
// C.1 component 5, PRC (peer reciprocity).
inline constexpr Anchor kPrcAnchor{0.02, 0.40};
inline constexpr double kPrcWeight = 0.15;
// C.1 component 6, MIS (member-initiated discussions).
inline constexpr Anchor kMisAnchor{0.10, 0.60};
inline constexpr double kMisWeight = 0.10;

// B.4 item 7: small groups (<= 10 posters) saturate the graph measures: "small-group mode"
// scores PRS, PRC and the practical test (AUT) only.
inline constexpr uint32_t kSmallGroupMaxPosters = 10;

// C.2 label bands on the Community Index.
inline constexpr double kCommunityMin = 70;
inline constexpr double kEmergingMin = 45;
// C.2 item 2: a Community label requires PRS >= 0.40, and HSR >= 0.5 when HSR is observed;
// else it is downgraded to Emerging.
inline constexpr double kCommunityMinPrs = 0.40;
inline constexpr double kCommunityMinHsr = 0.5;
// C.2 item 4: Engaged (hub-and-spoke) audience if members write >= 10% of messages, there are
// >= 10 replies, and (HRR >= 0.25 or CI >= 20); otherwise Broadcast audience.
inline constexpr double kEngagedMinMemberShare = 0.10;
inline constexpr uint64_t kEngagedMinReplies = 10;
inline constexpr double kEngagedMinHrr = 0.25;
inline constexpr double kEngagedMinIndex = 20;

// C.2 item 1 with C.7 fix 3 (the floor is about evidence, not raw size): when members write
// >= 5% of the messages, judging needs >= 5 non-host posters and >= 30 reply links. Below that
// share the group is a broadcast audience whatever its index: a few stray replies in a feed do
// not make a community (C.2 item 1, C.7 fix 2). The same share applies to replies: "the
// many-to-many components must also weigh how much conversation there is at all (share of
// messages that are replies ...), so that a feed with a stray reply stays an audience whoever
// is host" (C.7 fix 2): with fewer than 5% of the messages replying to someone, the label is
// a broadcast audience too (the floors stay C.2 item 1's: members' share, people, links).
inline constexpr double kParticipationShare = 0.05;
inline constexpr uint32_t kMinNonHostPosters = 5;
inline constexpr uint64_t kMinReplyLinks = 30;
// C.2 item 1 with C.7 fix 3: a broadcast is judged on the members' silence, but needs some
// history: at least this many messages over at least kMinBroadcastSpanDays days.
inline constexpr uint64_t kMinBroadcastMessages = 10;
inline constexpr uint32_t kMinBroadcastSpanDays = 14;
// C.7 fix 3: a broadcast reading is judged the same way when members do write but under this
// share of the messages answers anyone ("almost no member reply": r-announce-2010, one reply
// in 18 messages over a year, is a broadcast audience).
inline constexpr double kSparseReplyShare = 0.10;

// A bot feed (FORMATS.md "Broadcast containers": GitHub, Weblate, Bugzilla channels): bots
// write at least this share of the raw messages and people leave fewer reply links than C.2
// item 1 asks for. Read as a broadcast by the bots, judged on its history like one (C.2 item
// 1: "0 participation is itself the evidence").
inline constexpr double kBotFeedShare = 0.80;
// C.2 item 5, flags. Bots write more than 20% of the raw messages (people's and bots').
inline constexpr double kBotFlagShare = 0.20;
// "Single answer person": the Contributor Absence Factor on peer answers is 1, judged on at
// least as many peer answers as C.2 item 4 asks replies of a hub-and-spoke reading (10).
inline constexpr uint64_t kAnswerPersonMinPeerAnswers = kEngagedMinReplies;
// "Borderline": the 90% interval of the index crosses a band edge (C.2 items 2-4).
inline constexpr std::array<double, 2> kBandEdges = {kEmergingMin, kCommunityMin};

// C.4 "recommended for High confidence"; each shortfall is one caveat (C.3 item 2), as is a
// host set that was inferred rather than declared (C.3 item 2, C.4).
inline constexpr uint64_t kConfidentMessages = 500;
inline constexpr uint32_t kConfidentSpanDays = 28;
inline constexpr uint32_t kConfidentNonHostPosters = 20;
// C.3 item 1: the statistical uncertainty comes from a week-block jackknife (deterministic,
// <= 52 blocks, metrics/params.h). Its 90% interval is the index +- z * SE with the normal
// quantile z = 1.645; label stability is the share of replicates whose label is the modal one,
// each replicate's deviation from the replicates' mean scaled by sqrt(n - 1) so that their
// spread is the jackknife's standard error (unscaled leave-one-out replicates barely move).
inline constexpr double kIntervalZ = 1.6448536269514722;
// C.3 item 3: High = width <= 15, stability >= 0.9 and no caveat; Medium = width <= 30,
// stability >= 0.7 and at most one caveat; Low otherwise (and whenever a data floor of C.2
// item 1 is missed).
inline constexpr double kHighMaxWidth = 15;
inline constexpr double kHighMinStability = 0.9;
inline constexpr double kMediumMaxWidth = 30;
inline constexpr double kMediumMinStability = 0.7;
inline constexpr size_t kMediumMaxCaveats = 1;
// B.6 mitigations: inferred replies with concurrency kappa > 0.3, or an index that moves by
// more than 15 points across the inference windows, make the confidence Low.
inline constexpr double kMaxConcurrency = 0.3;
inline constexpr double kMaxSensitivitySpread = 15;

// C.5 Boundary Index: E enumerability (roster 1, posters only 0.3, no membership 0), A access
// (private 1, joinable by public link 0.5, no membership 0), P repeat participation, C coverage
// (replaced by S without a roster), S size (log-scaled: <= 50 people -> 1, >= 5,000 -> 0).
inline constexpr double kEnumerableRoster = 1.0;
inline constexpr double kEnumerablePosters = 0.3;
inline constexpr double kEnumerableNone = 0.0;
inline constexpr double kAccessPrivate = 1.0;
inline constexpr double kAccessNone = 0.0;
inline constexpr double kEnumerabilityWeight = 0.25;
inline constexpr double kAccessWeight = 0.20;
inline constexpr Anchor kRepeatAnchor{0.2, 0.7};
inline constexpr double kRepeatWeight = 0.20;
inline constexpr Anchor kCoverageAnchor{0.05, 0.5};
inline constexpr double kCoverageWeight = 0.20;
inline constexpr double kSizeSmall = 50;
inline constexpr double kSizeLarge = 5000;
inline constexpr double kSizeWeight = 0.15;
// C.5 two-axis map: the columns split at CI 45 (the table's "CI < 45" / "CI >= 45", the
// audience/community band edge of C.2), the rows at Boundary 50.
inline constexpr double kMapIndexCut = kEmergingMin;
inline constexpr double kMapBoundaryCut = 50;

}  // namespace meshcheck::classify
