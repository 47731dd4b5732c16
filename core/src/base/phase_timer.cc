#include "base/phase_timer.h"

#include <algorithm>
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
  double clock_seconds = 0;  // What one clock read costs (ClockReadSeconds).
};
thread_local State state;

// The least time between two consecutive clock reads: what a measured interval includes beyond
// the work it times. About 20 ns natively, but a call out to JavaScript in wasm, which a
// SampledPhase would otherwise multiply by kSampleEvery (it read model time 2-5x too high).
double ClockReadSeconds() {
  constexpr int kTries = 16;
  Clock::duration least = Clock::duration::max();
  Clock::time_point last = Clock::now();
  for (int i = 0; i < kTries; ++i) {
    const Clock::time_point now = Clock::now();
    least = std::min(least, now - last);
    last = now;
  }
  return std::chrono::duration<double>(least).count();
}

// Charges the time since the mark to the current phase and moves the mark to now.
void Charge() {
  const Clock::time_point now = Clock::now();
  (*state.times)[state.current] += std::chrono::duration<double>(now - state.mark).count();
  state.mark = now;
}

// Opens `phase` within the recording; returns the phase to restore when it closes.
Phase Enter(Phase phase) {
  Charge();
  const Phase previous = state.current;
  state.current = phase;
  return previous;
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
  state.clock_seconds = ClockReadSeconds();
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
  previous_ = Enter(phase);
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
  previous_ = Enter(phase);
}

SampledPhase::~SampledPhase() {
  if (!active_ || state.times == nullptr)
    return;
  const Clock::time_point now = Clock::now();
  // The interval, less a clock read's cost, stands for kSampleEvery entries; the enclosing phase
  // gives up that time and keeps the rest (phases still add up). It never gives up more than it
  // holds: one slow sample (the thread preempted on a busy machine) would otherwise leave it
  // negative.
  const double interval = std::chrono::duration<double>(now - state.mark).count();
  const double seconds = std::max(0.0, interval - state.clock_seconds);
  const double claimed = std::min(seconds * kSampleEvery, (*state.times)[previous_] + interval);
  (*state.times)[state.current] += claimed;
  (*state.times)[previous_] += interval - claimed;
  state.mark = now;
  state.current = previous_;
}

}  // namespace meshcheck::base
