#include "base/phase_timer.h"

#include <chrono>

namespace meshcheck::base {
namespace {

using Clock = std::chrono::steady_clock;

// The open recording of this thread: where time goes, and since when.
struct State {
  PhaseTimes* times = nullptr;
  Phase current = Phase::kRead;
  Clock::time_point mark;
  uint32_t sample_tick = 0;  // SampledPhase entries seen.
};
thread_local State state;

// Charges the time since the mark to the current phase and moves the mark to now.
void Charge() {
  const Clock::time_point now = Clock::now();
  (*state.times)[state.current] += std::chrono::duration<double>(now - state.mark).count();
  state.mark = now;
}

}  // namespace

const char* PhaseName(Phase phase) {
  static constexpr const char* kNames[kPhaseCount] = {"read",    "tokenize", "model", "graph",
                                                      "metrics", "classify", "report"};
  return kNames[static_cast<size_t>(phase)];
}

PhaseRecording::PhaseRecording(PhaseTimes* times, Phase outer) {
  if (state.times != nullptr || times == nullptr)
    return;
  active_ = true;
  state.times = times;
  state.current = outer;
  state.mark = Clock::now();
}

PhaseRecording::~PhaseRecording() {
  if (!active_)
    return;
  Charge();
  state.times = nullptr;
}

ScopedPhase::ScopedPhase(Phase phase) {
  if (state.times == nullptr)
    return;
  active_ = true;
  Charge();
  previous_ = state.current;
  state.current = phase;
}

ScopedPhase::~ScopedPhase() {
  if (!active_ || state.times == nullptr)
    return;
  Charge();
  state.current = previous_;
}

SampledPhase::SampledPhase(Phase phase) {
  if (state.times == nullptr || ++state.sample_tick % kSampleEvery != 0)
    return;
  active_ = true;
  Charge();
  previous_ = state.current;
  state.current = phase;
}

SampledPhase::~SampledPhase() {
  if (!active_ || state.times == nullptr)
    return;
  const Clock::time_point now = Clock::now();
  const double seconds = std::chrono::duration<double>(now - state.mark).count();
  (*state.times)[state.current] += seconds * kSampleEvery;
  (*state.times)[previous_] -= seconds * (kSampleEvery - 1);
  state.mark = now;
  state.current = previous_;
}

}  // namespace meshcheck::base
