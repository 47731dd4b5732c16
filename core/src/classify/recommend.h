// What to work on first (ANALYSIS.md C.6, "a roadmap ... ordered by the weakest data component
// (largest w_k (1 - s_k))"): the index components furthest from a community's level, each with
// the measure behind it, its value, where a community stands, and a sentence citing both. The
// checklist practices that move each component come from the quiz definition (the session
// joins them).
#pragma once

#include <string>
#include <vector>

#include "classify/verdict.h"
#include "metrics/measures.h"

namespace meshcheck::classify {

struct Weakness {
  std::string component;  // "PRS", ... (C.1).
  std::string measure;    // The report's `measures` key.
  double value = 0;
  double target = 0;  // The full-score anchor c of C.1: where a community stands.
  double gap = 0;     // w_k (1 - s_k).
  std::string text;
};

// At most this many, weakest first.
inline constexpr size_t kMaxWeaknesses = 3;

// The available components with a gap, weakest first (ties in C.1 order). Empty when the index
// has no component.
std::vector<Weakness> Weaknesses(const Verdict& verdict, const metrics::Measures& measures);

}  // namespace meshcheck::classify
