// NetworkCut: the part of the interaction graph a page draws (Session::DrawnNetwork): its most
// active people and the strongest ties between them, with the whole graph's size.
#pragma once

#include <cstdint>
#include <vector>

namespace meshcheck {

struct NetworkCut {
  uint32_t people = 0;  // People in the whole network, before the cut.
  uint64_t ties = 0;    // Distinct unordered pairs of people with a tie, before the cut.
  // The people kept, one entry each, in order: hosts first, then the most messages.
  std::vector<uint32_t> member;    // Member index (the report's and the edge list's).
  std::vector<uint8_t> host;       // 1 for a host.
  std::vector<uint32_t> messages;  // Messages written (0 for people who only appear in ties).
  // The ties kept, heaviest first: positions in the people above, and the tie's weight (its
  // replies, mentions and reactions in both directions; an integer).
  std::vector<uint32_t> tie_a;
  std::vector<uint32_t> tie_b;
  std::vector<double> weight;

  bool operator==(const NetworkCut&) const = default;
};

}  // namespace meshcheck
