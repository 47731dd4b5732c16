// The statistical uncertainty of the Community Index (ANALYSIS.md C.3 item 1): a week-block
// jackknife over the tally's leave-one-block-out replicates. Deterministic (no random draws),
// at most 52 recomputations of the index, each from sufficient statistics.
//
// With n blocks and replicate indices I_b: SE = sqrt((n - 1) / n * sum (I_b - mean)^2); the
// 90% interval is the index +- kIntervalZ * SE (clamped to 0-100) and its width 2 z SE.
// Label stability: every replicate's index and gate measures (PRS, HSR, HRR, member share)
// are moved to the full-data value plus sqrt(n - 1) times their deviation from the replicates'
// mean, which gives them the spread of the sampling distribution; stability is the share of
// those replicates whose label is the modal one.
#pragma once

#include <cstdint>

#include "classify/index.h"
#include "metrics/tally.h"

namespace meshcheck::classify {

struct Uncertainty {
  bool estimated = false;  // False with fewer than two blocks of weeks (or no dates).
  uint32_t blocks = 0;
  double standard_error = 0;
  double lower = 0;  // 90% interval, clamped to [0, 100].
  double upper = 0;
  double width = 0;  // 2 z SE (unclamped): what C.3's rule compares.
  double label_stability = 0;
  Label modal_label = Label::kInsufficientData;
};

// `full`: the headline label inputs; `small_group`: as for the headline index.
Uncertainty Jackknife(const metrics::TallyTable& table, const LabelInputs& full, bool small_group);

}  // namespace meshcheck::classify
