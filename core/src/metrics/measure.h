// Measure: a number with the counts behind it, so every figure in the report can be checked.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace meshcheck::metrics {

struct Measure {
  bool available = false;
  double value = 0;  // Meaningful only if available.
  // Counts behind the value, in a fixed order ("replies", "peer_replies", ...).
  std::vector<std::pair<std::string, uint64_t>> evidence;
  std::string why_unavailable;  // Plain language, when !available.

  void Count(std::string name, uint64_t n) { evidence.emplace_back(std::move(name), n); }
  // value = num / den if den > 0; else unavailable with `why`.
  void Ratio(uint64_t num, uint64_t den, std::string why) {
    available = den > 0;
    value = available ? static_cast<double>(num) / static_cast<double>(den) : 0;
    if (!available)
      why_unavailable = std::move(why);
  }
};

}  // namespace meshcheck::metrics
