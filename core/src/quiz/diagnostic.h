// Part 1 of the self-assessment quiz (ANALYSIS.md C.6): the five diagnostic items and the
// Perceived Connectedness Score.
#pragma once

#include <array>
#include <optional>

namespace meshcheck::quiz {

inline constexpr int kDiagnosticItems = 5;
inline constexpr int kMaxAnswer = 4;  // Each item is answered 0..4.

// Perceived Connectedness Score, PCS = 25 * sum(w_i * q_i), 0..100 (ANALYSIS.md C.6, item
// weights Q1 .30, Q2 .30, Q3 .15, Q4 .15, Q5 .10). nullopt if an answer is out of range.
std::optional<double> PerceivedConnectedness(const std::array<int, kDiagnosticItems>& answers);

}  // namespace meshcheck::quiz
