#include "quiz/diagnostic.h"

namespace meshcheck::quiz {
namespace {
// ANALYSIS.md C.6, Part 1: item weights.
constexpr std::array<double, kDiagnosticItems> kItemWeights = {0.30, 0.30, 0.15, 0.15, 0.10};
}  // namespace

std::optional<double> PerceivedConnectedness(const std::array<int, kDiagnosticItems>& answers) {
  double sum = 0;
  for (int i = 0; i < kDiagnosticItems; ++i) {
    if (answers[i] < 0 || answers[i] > kMaxAnswer)
      return std::nullopt;
    sum += kItemWeights[i] * answers[i];
  }
  return 25 * sum;
}

}  // namespace meshcheck::quiz
