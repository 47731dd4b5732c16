// base::PhaseRecording, base::ScopedPhase and base::SampledPhase: time goes to the innermost open
// phase, once.
#include "base/phase_timer.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace {

using meshcheck::base::Phase;
using meshcheck::base::PhaseRecording;
using meshcheck::base::PhaseTimes;
using meshcheck::base::SampledPhase;
using meshcheck::base::ScopedPhase;

void Sleep(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

double Total(const PhaseTimes& t) {
  double sum = 0;
  for (double s : t.seconds)
    sum += s;
  return sum;
}

}  // namespace

TEST_CASE("phases: nested scopes take their own time from the outer phase") {
  PhaseTimes times;
  const auto start = std::chrono::steady_clock::now();
  {
    PhaseRecording recording(&times, Phase::kClassify);
    Sleep(20);  // classify
    {
      ScopedPhase graph(Phase::kGraph);
      Sleep(30);  // graph
      {
        ScopedPhase metrics(Phase::kMetrics);
        Sleep(40);  // metrics
      }
      Sleep(10);  // graph again
    }
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Sleeps last at least as asked; the phases add up to the recorded time, never more.
  CHECK(times[Phase::kClassify] >= 0.020);
  CHECK(times[Phase::kGraph] >= 0.040);
  CHECK(times[Phase::kMetrics] >= 0.040);
  CHECK(times[Phase::kRead] == 0);
  CHECK(times[Phase::kReport] == 0);
  CHECK(Total(times) <= elapsed);
  CHECK(Total(times) >= 0.100);
}

TEST_CASE("phases: scopes without a recording, and a nested recording, record nothing") {
  PhaseTimes times;
  {
    ScopedPhase model(Phase::kModel);
    Sleep(5);
  }
  CHECK(Total(times) == 0);
  PhaseTimes inner;
  {
    PhaseRecording recording(&times, Phase::kTokenize);
    PhaseRecording ignored(&inner, Phase::kReport);
    Sleep(5);
  }
  CHECK(Total(inner) == 0);
  CHECK(times[Phase::kTokenize] >= 0.005);
  CHECK(std::string(meshcheck::base::PhaseName(Phase::kTokenize)) == "tokenize");
}

TEST_CASE("phases: a sampled scope's time is estimated from one entry in 61, moved, not added") {
  auto spin = [](double seconds) {  // Busy, so each scope lasts at least `seconds`.
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < until) {
    }
  };
  constexpr int kEntries = 8 * SampledPhase::kSampleEvery;
  PhaseTimes times;
  const auto start = std::chrono::steady_clock::now();
  {
    PhaseRecording recording(&times, Phase::kTokenize);
    for (int i = 0; i < kEntries; ++i) {
      {
        SampledPhase model(Phase::kModel);
        spin(100e-6);
      }
      spin(100e-6);
    }
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Exactly 8 entries are timed, each at least 100 us and counted 61 times.
  CHECK(times[Phase::kModel] >= kEntries * 100e-6);
  CHECK(Total(times) <= elapsed + 1e-9);  // Moved time cancels up to rounding.
  CHECK(Total(times) >= 2 * kEntries * 100e-6);
}

TEST_CASE("phases: one slow sample never leaves the enclosing phase negative") {
  // kSampleEvery recordings of one 5 ms entry each: one of them is timed and would claim 61 x
  // 5 ms of a recording that lasted 5 ms.
  int timed = 0;
  for (uint32_t i = 0; i < SampledPhase::kSampleEvery; ++i) {
    PhaseTimes times;
    const auto start = std::chrono::steady_clock::now();
    {
      PhaseRecording recording(&times, Phase::kTokenize);
      SampledPhase model(Phase::kModel);
      Sleep(5);
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO("recording " << i);
    CHECK(times[Phase::kTokenize] >= 0);
    CHECK(times[Phase::kModel] <= elapsed + 1e-9);
    CHECK(Total(times) <= elapsed + 1e-9);
    timed += times[Phase::kModel] > 0;
  }
  CHECK(timed == 1);
}
