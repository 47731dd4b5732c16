// The verdict (ANALYSIS.md C): the Community Index (C.1) with its label, gates and flags
// (C.2), data floors (C.2 item 1, C.4, C.7 fix 3), confidence (C.3) and plain-language reasons;
// the sensitivity to turn-taking inference (B.6); the Boundary Index and the two-axis placement
// (C.5); and the timeline of the index.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "classify/boundary.h"
#include "classify/index.h"
#include "classify/timeline.h"
#include "classify/uncertainty.h"
#include "meshcheck/options.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "model/dataset.h"

namespace meshcheck::classify {

enum class Confidence : uint8_t { kLow, kMedium, kHigh };
const char* ConfidenceName(Confidence confidence);  // "low", "medium", "high"

// C.2 item 5.
enum class Flag : uint8_t {
  kHostOnlyBridge,
  kSingleAnswerPerson,
  kManyBots,
  kPossibleUndeclaredStaff,
  kInferredHighConcurrency,
  kBorderline,
};
inline constexpr Flag kAllFlags[] = {
    Flag::kHostOnlyBridge,          Flag::kSingleAnswerPerson,      Flag::kManyBots,
    Flag::kPossibleUndeclaredStaff, Flag::kInferredHighConcurrency, Flag::kBorderline};
const char* FlagName(Flag flag);  // "host_only_bridge", ...

struct FlagNote {
  Flag flag;
  std::string text;  // Plain language, citing the numbers.
};

// The index recomputed with another turn-taking window W (B.6 mitigations).
struct SensitivityPoint {
  int64_t window_minutes = 0;
  double index = 0;
};

struct Verdict {
  Label label = Label::kInsufficientData;
  // What the data points to even when it is insufficient (equal to label otherwise).
  Label provisional = Label::kInsufficientData;
  bool has_index = false;
  double index = 0;  // Community Index, 0-100.
  Confidence confidence = Confidence::kLow;
  bool small_group = false;  // B.4 item 7: <= 10 posters.
  std::vector<Component> components;
  Uncertainty uncertainty;
  // Empty unless replies were inferred; then one point per W of kSensitivityWindowsMinutes.
  std::vector<SensitivityPoint> sensitivity;
  double sensitivity_spread = 0;  // Largest minus smallest index across them.
  std::vector<FlagNote> flags;
  std::vector<std::string> reasons;       // Why this label, citing the numbers.
  std::vector<std::string> caveats;       // What lowers confidence.
  std::vector<std::string> insufficient;  // Which data floor was missed.
  Boundary boundary;
  Placement placement;
  Timeline timeline;
};

// The verdict from the measures. `sensitivity`: InferenceSensitivity's result (empty when
// nothing is inferred). Pure: no I/O, no dataset.
Verdict Classify(const metrics::GroupFacts& facts,
                 const metrics::HostSet& hosts,
                 const metrics::Measures& measures,
                 const std::vector<SensitivityPoint>& sensitivity,
                 const ExportTraits& traits);

// The index for every W of kSensitivityWindowsMinutes but kInference's, rebuilding the graph
// with each; empty when no channel's replies are inferred. Needs no measures: the Session runs
// it before the headline graph and its measures exist, so that the two are never in memory at
// once (wasm memory keeps its high-water mark: the 200 MB WhatsApp text's heap reached 162 MiB
// with them together).
std::vector<SensitivityPoint> OtherWindowsSensitivity(const model::Dataset& data,
                                                      const metrics::GroupFacts& facts,
                                                      const metrics::HostSet& hosts);

// `others` (OtherWindowsSensitivity's) with the headline window's point from `measures`, in
// window order; empty if `others` is.
std::vector<SensitivityPoint> WithHeadlineWindow(std::vector<SensitivityPoint> others,
                                                 const metrics::GroupFacts& facts,
                                                 const metrics::Measures& measures);

// The index for every W of kSensitivityWindowsMinutes, rebuilding the graph with each; empty
// when no channel's replies are inferred. WithHeadlineWindow(OtherWindowsSensitivity(...)).
std::vector<SensitivityPoint> InferenceSensitivity(const model::Dataset& data,
                                                   const metrics::GroupFacts& facts,
                                                   const metrics::HostSet& hosts,
                                                   const metrics::Measures& measures);

// Everything: InferenceSensitivity, TraitsOf(data, formats) and Classify. `formats`: the
// formats of the inputs read.
Verdict Assess(const model::Dataset& data,
               const metrics::GroupFacts& facts,
               const metrics::HostSet& hosts,
               const metrics::Measures& measures,
               const std::vector<Format>& formats);

// A reading over several separate groups (a dump of many subreddits, a full-account export of
// unrelated chats) is no verdict: the label becomes "insufficient data" with the reason first,
// the confidence low, and the placement provisional. `names`: the largest groups' names.
void MarkSeparateGroups(uint32_t groups, const std::vector<std::string>& names, Verdict* v);

}  // namespace meshcheck::classify
