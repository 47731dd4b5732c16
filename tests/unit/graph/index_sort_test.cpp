// graph::ScatterByIndex, and a sort by a pair of indices as two of them (the second index
// first), against std::stable_sort on the same items.
#include "graph/index_sort.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <span>
#include <vector>

#include "base/hash.h"

namespace {

using meshcheck::base::Mix64;
using meshcheck::graph::ScatterByIndex;

struct Item {
  uint32_t a;
  uint32_t b;
  uint32_t arrival;  // Position before sorting: shows stability.
};

std::vector<Item> Items(size_t n, uint32_t indices, uint64_t seed) {
  std::vector<Item> items(n);
  for (size_t i = 0; i < n; ++i) {
    const uint64_t r = Mix64(seed + i);
    items[i] = {static_cast<uint32_t>(r % indices), static_cast<uint32_t>((r >> 32) % indices),
                static_cast<uint32_t>(i)};
  }
  return items;
}

bool Same(const std::vector<Item>& x, const std::vector<Item>& y) {
  return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Item& p, const Item& q) {
    return p.a == q.a && p.b == q.b && p.arrival == q.arrival;
  });
}

void CheckPairSort(std::vector<Item> items, uint32_t indices) {
  std::vector<Item> expected = items;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const Item& x, const Item& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  std::vector<Item> by_b(items.size());
  std::vector<size_t> start;
  ScatterByIndex(
      std::span<const Item>(items), indices, [](const Item& x) { return x.b; }, by_b.data(),
      &start);
  ScatterByIndex(
      std::span<const Item>(by_b), indices, [](const Item& x) { return x.a; }, items.data(),
      &start);
  REQUIRE(Same(items, expected));
}

void CheckIndexSort(std::vector<Item> items, uint32_t indices) {
  std::vector<Item> expected = items;
  std::stable_sort(expected.begin(), expected.end(),
                   [](const Item& x, const Item& y) { return x.a < y.a; });
  std::vector<Item> sorted(items.size());
  std::vector<size_t> start;
  ScatterByIndex(
      std::span<const Item>(items), indices, [](const Item& x) { return x.a; }, sorted.data(),
      &start);
  REQUIRE(Same(sorted, expected));
}

}  // namespace

TEST_CASE("index sort: pairs of indices past 2^16, many ties") {
  CheckPairSort(Items(400'000, 100'000, 1), 100'000);
}

TEST_CASE("index sort: pairs with few indices keep the arrival order of equal pairs") {
  CheckPairSort(Items(50'000, 7, 2), 7);
}

TEST_CASE("index sort: fewer items than indices") {
  CheckPairSort(Items(1'000, 1'000'000, 3), 1'000'000);
  CheckIndexSort(Items(1'000, 1'000'000, 4), 1'000'000);
}

TEST_CASE("index sort: a single index, many ties") {
  CheckIndexSort(Items(300'000, 100'000, 5), 100'000);
  CheckIndexSort(Items(10, 1, 6), 1);
}

TEST_CASE("index sort: empty input") {
  std::vector<Item> none;
  std::vector<size_t> start;
  ScatterByIndex(
      std::span<const Item>(none), 0, [](const Item& x) { return x.a; }, none.data(), &start);
  REQUIRE(start == std::vector<size_t>{0});
}
