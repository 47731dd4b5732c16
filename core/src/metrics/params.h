// Parameters of the measures' definitions, each citing ANALYSIS.md. (The classifier's anchors,
// weights and gates live in classify/constants.h.)
#pragma once

#include <array>
#include <cstdint>

#include "base/time.h"
#include "graph/turn_taking.h"

namespace meshcheck::metrics {

// B.4 item 1: a group has a host-centred structure only if the dominant poster's share of
// human messages is at least kHostVoiceFactor / n (n = human posters).
inline constexpr double kHostVoiceFactor = 2.0;
// Below this many human posters no host is inferred from the data (B.4 item 7: tiny groups).
inline constexpr uint32_t kMinPostersToInferHost = 3;
// B.1 item 1: degree centralization is undefined or unstable for n < 5.
inline constexpr uint32_t kMinNodesForCentralization = 5;

// B.1 item 9 (HSR): a silent window is a run of at least 7 days without a host message.
inline constexpr uint32_t kSilentWindowDays = 7;
// B.4 item 6 (missing days are not silence): a run of days with no record at all this long is a
// gap in the export. As long as a silent window, so that a gap can never pass for one.
inline constexpr uint32_t kMissingRunDays = kSilentWindowDays;

// B.1 item 4 (HRC grows with window length and volume: "compute it on a fixed window, e.g. the
// last 90 days"): the headline HRC covers the conversations started in the last 90 days.
inline constexpr uint32_t kConnectivityWindowDays = 90;

// B.1 item 8 (right-censoring of recent posts): response times and answer rates leave out
// conversations started in the last 7 days of the export.
inline constexpr uint32_t kCensorDays = 7;
// C.5 (response rate to host prompts): the share of the roster replying within 7 days.
inline constexpr uint32_t kPromptResponseDays = 7;
// C.5 component C (coverage): posters in the last 28 days.
inline constexpr uint32_t kCoverageDays = 28;
// B.1 item 8: the share of conversations answered within 24 hours.
inline constexpr int64_t kAnsweredWithinMs = 24 * base::kMsPerHour;

// B.1 item 6 (participation inequality): the CHAOSS Contributor Absence Factor counts the
// fewest people who together account for 50% of the contributions; 90-9-1 shares cut the
// population at its top 1% and next 9%; the Lorenz curve is drawn at tenths of the population.
inline constexpr double kAbsenceFactorShare = 0.5;
inline constexpr double kSuperuserShare = 0.01;
inline constexpr double kContributorShare = 0.09;
inline constexpr int kLorenzPoints = 11;

// C.2 item 5 (flag "host is the only bridge"): without the hosts, members fall apart into >= 2
// groups that each hold >= 20% of the posters and that a host ties together.
inline constexpr double kBridgeMinComponentShare = 0.20;
// B.1 item 12 (Welser et al. 2007, the "answer person" signature) as meshcheck reads it, for
// the flag "possible undeclared staff" (C.2 item 5; B.4 item 1: suggest, never reassign):
// a member who replied to at least 10 people, wrote mostly (>= 80% of the conversations they
// wrote in) in conversations others started, with one or a few messages each (<= 2 on
// average), and at least half of whose correspondents are relative isolates (tied by replies
// to at most 2 people). The numbers are meshcheck's: B.1 item 12 gives the signature, not
// thresholds. Triangles (the fourth signature) are left out: counting them is not linear.
inline constexpr uint32_t kStaffMinCorrespondents = 10;
inline constexpr double kStaffMinAnsweringShare = 0.8;
inline constexpr double kStaffMaxMessagesPerConversation = 2.0;
inline constexpr uint32_t kIsolateMaxTies = 2;
inline constexpr double kStaffMinIsolateShare = 0.5;
// Member roles (issue "the verdict", item 5; the checklist's "recognise community leaders",
// ANALYSIS.md C.6). B.1 item 12 names the roles' signatures, not thresholds; these are
// meshcheck's:
// - a connector is a non-host articulation point of the reply ties between members: removing
//   them splits off at least two sides of >= kConnectorMinSide people each (B.1 item 4 asks the
//   same of the host);
// - a peer helper answered first, before anyone else, in >= kPeerHelperMinAnswers discussions
//   other people started (B.1 item 12's answer person, ORR's first responder);
// - a regular posted in >= kRegularMinWeeks distinct weeks (C.5's repeat participation asks 2);
// - a newcomer's first message falls in the last kNewcomerDays days, when the history spans at
//   least twice that (else everyone would be new);
// - a one-time poster wrote exactly one message.
// The people to recognise first: up to kRecogniseCount connectors and peer helpers, by answers
// given, then people answered.
inline constexpr uint32_t kConnectorMinSide = 2;
inline constexpr uint32_t kPeerHelperMinAnswers = 3;
inline constexpr uint32_t kRegularMinWeeks = 4;
inline constexpr uint32_t kNewcomerDays = 28;
inline constexpr size_t kRecogniseCount = 5;

// C.3 item 1: the week-block jackknife uses at most 52 blocks of weeks.
inline constexpr uint32_t kMaxJackknifeBlocks = 52;
// DESIGN.md "Report", the timeline of the index: a point per month, or per week for spans
// under 3 months (C.5: "each group's monthly points form a trajectory").
inline constexpr uint32_t kMonthlyTimelineMinSpanDays = 90;

// B.6 turn-taking inference: same-author messages within 2 min form one turn (step 2); a turn
// answers the latest other speaker within W = 15 min (step 3); kappa looks back 15 min.
// C.7 fix 4: a channel of an export that could carry reply links but where none of 50 or more
// messages by people has one is inferred too. 50 because where people use reply links at all,
// they link at least one message in ten (the corpus: Slack threads 656 of 940 and 120 of 166
// messages, Discourse 257 of 340 and 81 of 175): the chance of no link in 50 such messages is
// 0.9^50 < 1%, so none means the export (or its era) had no links to give.
inline constexpr graph::InferenceOptions kInference{
    .merge_gap_ms = 2 * base::kMsPerMinute,
    .window_ms = 15 * base::kMsPerMinute,
    .concurrency_window_ms = 15 * base::kMsPerMinute,
    .min_unlinked_messages = 50,
};
// B.6 mitigations: the Community Index is recomputed with these W (minutes) to show its
// sensitivity to the window.
inline constexpr std::array<int64_t, 4> kSensitivityWindowsMinutes = {5, 10, 15, 30};

// kInference with another W.
inline graph::InferenceOptions InferenceWithWindow(int64_t window_ms) {
  graph::InferenceOptions o = kInference;
  o.window_ms = window_ms;
  return o;
}

}  // namespace meshcheck::metrics
