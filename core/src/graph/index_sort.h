// Stable sorts of records by dense indices (member indices below the member count): one
// counting pass and one scatter per index, linear in records + indices. For the millions of
// reply records of a large export, where a 64-bit radix sort of a packed (a, b) key needs four
// passes as soon as the indices pass 2^16.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace meshcheck::graph {

// Moves `items` into `out` (same size) by index(item) < `indices`, keeping the order of equal
// indices.
template <typename T, typename Index>
void ScatterByIndex(const std::vector<T>& items,
                    size_t indices,
                    Index index,
                    std::vector<T>* out,
                    std::vector<size_t>* start) {
  start->assign(indices + 1, 0);
  for (const T& x : items)
    ++(*start)[index(x) + 1];
  for (size_t k = 1; k <= indices; ++k)
    (*start)[k] += (*start)[k - 1];
  for (const T& x : items)
    (*out)[(*start)[index(x)]++] = x;
}

// Sorts `items` by (first(item), second(item)), both below `indices`, keeping the order of
// equal pairs: the order of a stable sort on that pair. With fewer items than indices, a
// comparison sort (the counts would cost more than the items).
template <typename T, typename First, typename Second>
void StableSortByIndexPair(std::vector<T>* items, size_t indices, First first, Second second) {
  if (items->size() < indices) {
    std::stable_sort(items->begin(), items->end(), [&](const T& a, const T& b) {
      return first(a) != first(b) ? first(a) < first(b) : second(a) < second(b);
    });
    return;
  }
  std::vector<T> buffer(items->size());
  std::vector<size_t> start;
  ScatterByIndex(*items, indices, second, &buffer, &start);  // Least significant first.
  ScatterByIndex(buffer, indices, first, items, &start);
}

// Sorts `items` by index(item) < `indices`, keeping the order of equal indices.
template <typename T, typename Index>
void StableSortByIndex(std::vector<T>* items, size_t indices, Index index) {
  if (items->size() < indices) {
    std::stable_sort(items->begin(), items->end(),
                     [&](const T& a, const T& b) { return index(a) < index(b); });
    return;
  }
  std::vector<T> buffer(items->size());
  std::vector<size_t> start;
  ScatterByIndex(*items, indices, index, &buffer, &start);
  items->swap(buffer);
}

}  // namespace meshcheck::graph
