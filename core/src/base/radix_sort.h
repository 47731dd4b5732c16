// StableSortByKey: sorts by a 64-bit key, keeping the order of equal keys, in linear time (a
// least significant digit radix sort). For the millions of records of a large export, where a
// comparison sort's n log n and unpredictable branches dominate.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace meshcheck::base {

inline constexpr size_t kRadixMinItems = size_t{1} << 16;

// Sorts `items` (a std::vector or base::RecordArray) by key(item). 16-bit digits; digits that every
// key shares are skipped, so keys below 2^32 take at most two passes. Uses a second buffer of the
// items' size. Fewer items than digit values go to std::stable_sort (the digit counts would cost
// more than the items).
template <typename Items, typename Key>
void StableSortByKey(Items* items, Key key) {
  using T = typename Items::value_type;
  if (items->size() < kRadixMinItems) {
    std::stable_sort(items->begin(), items->end(),
                     [&](const T& a, const T& b) { return key(a) < key(b); });
    return;
  }
  uint64_t any = 0;
  uint64_t all = ~uint64_t{0};
  for (const T& x : *items) {
    any |= key(x);
    all &= key(x);
  }
  if (any == all)
    return;  // One key (or none): already sorted.
  Items buffer;
  buffer.resize(items->size());
  std::vector<size_t> start(65537);
  for (int shift = 0; shift < 64; shift += 16) {
    if ((((any ^ all) >> shift) & 0xFFFF) == 0)
      continue;  // Every key has the same digit here.
    std::fill(start.begin(), start.end(), 0);
    for (const T& x : *items)
      ++start[((key(x) >> shift) & 0xFFFF) + 1];
    for (size_t d = 1; d < start.size(); ++d)
      start[d] += start[d - 1];
    for (const T& x : *items)
      buffer[start[(key(x) >> shift) & 0xFFFF]++] = x;
    items->swap(buffer);
  }
}

}  // namespace meshcheck::base
