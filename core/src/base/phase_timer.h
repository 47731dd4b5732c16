// Wall-clock time per phase of an analysis (read, tokenize, model, graph, metrics, classify,
// report), for `meshcheck analyze --timings` and the benchmarks; never part of a report.
//
//   PhaseTimes times;
//   { PhaseRecording recording(&times, Phase::kTokenize);  // time goes to kTokenize...
//     ... { ScopedPhase model(Phase::kModel); ... }          // ...except inside this scope
//   }
//
// Time always goes to the innermost open scope of the thread, so phases never count twice and
// add up to the recorded time. A ScopedPhase with no PhaseRecording open on its thread does
// nothing but read a thread-local pointer, so code can be instrumented unconditionally.
// Recordings do not nest (an inner one is ignored).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace meshcheck::base {

enum class Phase : uint8_t { kRead, kTokenize, kModel, kGraph, kMetrics, kClassify, kReport };
inline constexpr size_t kPhaseCount = 7;

// "read", "tokenize", "model", "graph", "metrics", "classify", "report".
const char* PhaseName(Phase phase);

struct PhaseTimes {
  std::array<double, kPhaseCount> seconds{};  // Indexed by Phase.

  double& operator[](Phase p) { return seconds[static_cast<size_t>(p)]; }
  double operator[](Phase p) const { return seconds[static_cast<size_t>(p)]; }
};

// Adds the time until its destruction to `times`, by phase; `outer` gets what no ScopedPhase
// claims.
class PhaseRecording {
 public:
  PhaseRecording(PhaseTimes* times, Phase outer);
  ~PhaseRecording();
  PhaseRecording(const PhaseRecording&) = delete;
  PhaseRecording& operator=(const PhaseRecording&) = delete;

 private:
  bool active_ = false;
};

// Within an open PhaseRecording, the time until its destruction goes to `phase`.
class ScopedPhase {
 public:
  explicit ScopedPhase(Phase phase);
  ~ScopedPhase();
  ScopedPhase(const ScopedPhase&) = delete;
  ScopedPhase& operator=(const ScopedPhase&) = delete;

 private:
  Phase previous_ = Phase::kRead;
  bool active_ = false;
};

// A ScopedPhase for a scope entered very often and briefly (once per message), where two clock
// reads per entry would cost more than the work: only one entry in kSampleEvery (counted per
// thread) reads the clock, and its time counts kSampleEvery times, moved from the enclosing
// phase, less the cost of a clock read (measured when the recording opens: a call out to
// JavaScript in wasm). Phases still add up to the recorded time; this phase's share is an
// estimate, good when the entries are many and alike. Open no other scope inside one.
class SampledPhase {
 public:
  // Prime, so the sample never falls into step with costs that recur every 2^k entries (a new
  // page of records every 128 messages would otherwise be always or never sampled).
  static constexpr uint32_t kSampleEvery = 61;

  explicit SampledPhase(Phase phase);
  ~SampledPhase();
  SampledPhase(const SampledPhase&) = delete;
  SampledPhase& operator=(const SampledPhase&) = delete;

 private:
  Phase previous_ = Phase::kRead;
  bool active_ = false;
};

}  // namespace meshcheck::base
