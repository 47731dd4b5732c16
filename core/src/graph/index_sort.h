// Stable sorts of records by dense indices (member indices below the member count): one
// counting pass and one scatter per index, linear in records + indices. For the millions of
// reply records of a large export, where a 64-bit radix sort of a packed (a, b) key needs four
// passes as soon as the indices pass 2^16. Sorting by a pair of indices is two scatters, the
// second index first. The output is written, never filled first: a record type whose default
// constructor leaves its fields unset makes sizing a vector for it free.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace meshcheck::graph {

// Moves `items` into `out` (room for as many) by index(item) < `indices`, keeping the order of
// equal indices. `start` is scratch (on return, where each index's run ends).
template <typename T, typename Index>
void ScatterByIndex(std::span<const T> items,
                    size_t indices,
                    Index index,
                    T* out,
                    std::vector<size_t>* start) {
  start->assign(indices + 1, 0);
  for (const T& x : items)
    ++(*start)[index(x) + 1];
  for (size_t k = 1; k <= indices; ++k)
    (*start)[k] += (*start)[k - 1];
  for (const T& x : items)
    out[(*start)[index(x)]++] = x;
}

}  // namespace meshcheck::graph
