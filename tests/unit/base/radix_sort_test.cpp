// base::StableSortByKey against std::stable_sort on the same items.
#include "base/radix_sort.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>

#include "base/hash.h"

namespace {

using meshcheck::base::Mix64;
using meshcheck::base::StableSortByKey;

struct Item {
  uint64_t key;
  uint32_t arrival;  // Position before sorting: shows stability.
};

std::vector<Item> Items(size_t n, uint64_t mask, uint64_t seed) {
  std::vector<Item> items(n);
  for (size_t i = 0; i < n; ++i)
    items[i] = {Mix64(seed + i) & mask, static_cast<uint32_t>(i)};
  return items;
}

void CheckSortsLikeStableSort(std::vector<Item> items) {
  std::vector<Item> expected = items;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const Item& a, const Item& b) { return a.key < b.key; });
  StableSortByKey(&items, [](const Item& x) { return x.key; });
  REQUIRE(items.size() == expected.size());
  for (size_t i = 0; i < items.size(); ++i) {
    REQUIRE(items[i].key == expected[i].key);
    REQUIRE(items[i].arrival == expected[i].arrival);
  }
}

}  // namespace

TEST_CASE("radix sort: small keys with many ties keep their arrival order") {
  CheckSortsLikeStableSort(Items(100'000, 0xFF, 1));
}

TEST_CASE("radix sort: keys using all 64 bits, including the top digit") {
  CheckSortsLikeStableSort(Items(50'000, ~uint64_t{0}, 2));
}

TEST_CASE("radix sort: keys differing only in the middle digits") {
  CheckSortsLikeStableSort(Items(50'000, 0x0000'FFFF'FFFF'0000ull, 3));
}

TEST_CASE("radix sort: below the radix threshold, the same order") {
  CheckSortsLikeStableSort(Items(meshcheck::base::kRadixMinItems - 1, 0xFFFF'FFFF, 4));
}

TEST_CASE("radix sort: empty, single, all-equal and already sorted inputs") {
  CheckSortsLikeStableSort({});
  CheckSortsLikeStableSort({{7, 0}});
  CheckSortsLikeStableSort(std::vector<Item>(1000, Item{42, 0}));
  std::vector<Item> sorted(1000);
  for (uint32_t i = 0; i < sorted.size(); ++i)
    sorted[i] = {uint64_t{i} << 40, i};
  CheckSortsLikeStableSort(sorted);
  std::vector<Item> reversed(sorted.rbegin(), sorted.rend());
  CheckSortsLikeStableSort(reversed);
}
