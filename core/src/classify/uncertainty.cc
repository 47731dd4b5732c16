#include "classify/uncertainty.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "classify/constants.h"

namespace meshcheck::classify {
namespace {

// Mean of the values whose `available` flag is set (0 if none).
template <typename Get, typename Has>
double Mean(const std::vector<LabelInputs>& reps, Get get, Has has) {
  double sum = 0;
  size_t n = 0;
  for (const LabelInputs& r : reps) {
    if (has(r)) {
      sum += get(r);
      ++n;
    }
  }
  return n == 0 ? 0 : sum / static_cast<double>(n);
}

double Spread(double full, double value, double mean, double scale, double hi) {
  return std::clamp(full + scale * (value - mean), 0.0, hi);
}

}  // namespace

Uncertainty Jackknife(const metrics::TallyTable& table, const LabelInputs& full, bool small_group) {
  Uncertainty u;
  u.blocks = static_cast<uint32_t>(table.leave_out.size());
  if (u.blocks < 2)
    return u;
  std::vector<LabelInputs> reps;
  for (const metrics::Tally& t : table.leave_out) {
    const metrics::StructureMeasures m = metrics::MeasuresOf(t);
    reps.push_back(LabelInputsOf(t.counts.messages, t.counts.host_messages, m,
                                 IndexOf(IndexComponents(m, small_group))));
  }
  const auto n = static_cast<double>(reps.size());
  auto always = [](const LabelInputs&) { return true; };
  const double mean_index = Mean(
      reps, [](const LabelInputs& r) { return r.index; }, always);
  double squares = 0;
  for (const LabelInputs& r : reps)
    squares += (r.index - mean_index) * (r.index - mean_index);
  u.estimated = true;
  u.standard_error = std::sqrt((n - 1) / n * squares);
  u.width = 2 * kIntervalZ * u.standard_error;
  u.lower = std::clamp(full.index - kIntervalZ * u.standard_error, 0.0, 100.0);
  u.upper = std::clamp(full.index + kIntervalZ * u.standard_error, 0.0, 100.0);

  const double scale = std::sqrt(n - 1);
  const double mean_prs = Mean(
      reps, [](const LabelInputs& r) { return r.prs; },
      [](const LabelInputs& r) { return r.prs_available; });
  const double mean_hsr = Mean(
      reps, [](const LabelInputs& r) { return r.hsr; },
      [](const LabelInputs& r) { return r.hsr_available; });
  const double mean_hrr = Mean(
      reps, [](const LabelInputs& r) { return r.hrr; },
      [](const LabelInputs& r) { return r.hrr_available; });
  const double mean_share = Mean(
      reps, [](const LabelInputs& r) { return r.member_share; }, always);
  std::array<uint32_t, 5> votes{};
  for (LabelInputs r : reps) {
    r.index = Spread(full.index, r.index, mean_index, scale, 100);
    r.member_share = Spread(full.member_share, r.member_share, mean_share, scale, 1);
    if (r.prs_available && full.prs_available)
      r.prs = Spread(full.prs, r.prs, mean_prs, scale, 1);
    if (r.hsr_available && full.hsr_available)
      r.hsr = Spread(full.hsr, r.hsr, mean_hsr, scale, 1);
    if (r.hrr_available && full.hrr_available)
      r.hrr = Spread(full.hrr, r.hrr, mean_hrr, scale, 1);
    ++votes[static_cast<size_t>(DecideLabel(r))];
  }
  const auto modal = std::max_element(votes.begin(), votes.end());  // First (lowest) on ties.
  u.modal_label = static_cast<Label>(modal - votes.begin());
  u.label_stability = *modal / n;
  return u;
}

}  // namespace meshcheck::classify
