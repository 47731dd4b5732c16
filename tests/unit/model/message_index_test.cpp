// model::MessageIndex against std::unordered_map on the same keys, including keys that share
// their upper half (the slot's check) or their lower bits (the slot's position).
#include "model/message_index.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <unordered_map>

#include "base/hash.h"

using meshcheck::model::MessageIndex;

TEST_CASE("message index: inserts, duplicates and lookups agree with a hash map") {
  MessageIndex index;
  std::unordered_map<uint64_t, uint32_t> expected;
  uint32_t next = 0;
  for (uint64_t i = 0; i < 200'000; ++i) {
    // Every third key repeats an earlier one; a skipped index stands for a message without id.
    const uint64_t key = meshcheck::base::Mix64(i % 3 == 2 ? i / 2 : i);
    next += 1 + (i % 7 == 0);
    const auto [it, added] = expected.emplace(key, next);
    REQUIRE(index.Insert(key, next) == it->second);
    (void)added;
  }
  for (uint64_t i = 0; i < 400'000; ++i) {
    const uint64_t key = meshcheck::base::Mix64(i);
    const auto it = expected.find(key);
    REQUIRE(index.Find(key) == (it == expected.end() ? MessageIndex::kMissing : it->second));
  }
  index.Clear();
  CHECK(index.Find(meshcheck::base::Mix64(0)) == MessageIndex::kMissing);
  CHECK(index.MemoryBytes() == 0);
}

TEST_CASE("message index: keys with equal checks or equal positions stay apart") {
  MessageIndex index;
  uint32_t next = 0;
  // Same upper half (check), different lower bits; then same lower bits, different checks.
  for (uint64_t i = 0; i < 5000; ++i, ++next)
    REQUIRE(index.Insert((uint64_t{0xABCD} << 32) | (i * 977), next) == next);
  for (uint64_t i = 1; i <= 5000; ++i, ++next)
    REQUIRE(index.Insert((i << 32) | 0x1234, next) == next);
  next = 0;
  for (uint64_t i = 0; i < 5000; ++i)
    REQUIRE(index.Find((uint64_t{0xABCD} << 32) | (i * 977)) == next++);
  for (uint64_t i = 1; i <= 5000; ++i)
    REQUIRE(index.Find((i << 32) | 0x1234) == next++);
  CHECK(index.Find((uint64_t{0xABCD} << 32) | 1) == MessageIndex::kMissing);
  CHECK(index.Insert((uint64_t{0xABCD} << 32) | 977, 99'999) == 1);  // Already there.
}

TEST_CASE("message index: a reservation makes room once, midway too, and changes no answer") {
  for (uint64_t held_before : {uint64_t{0}, uint64_t{30'000}}) {
    INFO(held_before << " keys held before the reservation");
    MessageIndex index;
    uint32_t next = 0;
    for (uint64_t i = 0; i < held_before; ++i, ++next)
      REQUIRE(index.Insert(meshcheck::base::Mix64(i), next) == next);
    index.Reserve(100'000);
    const size_t reserved = index.MemoryBytes();
    // Slots for 100,000 keys within the load factor of 2/3 (a power of two), and their keys.
    CHECK(reserved == (262'144 + 100'000) * sizeof(uint64_t));
    for (uint64_t i = held_before; i < 100'000; ++i, ++next)
      REQUIRE(index.Insert(meshcheck::base::Mix64(i), next) == next);
    CHECK(index.MemoryBytes() == reserved);  // Nothing grew.
    for (uint64_t i = 0; i < 100'000; ++i)
      REQUIRE(index.Find(meshcheck::base::Mix64(i)) == i);
    CHECK(index.Find(meshcheck::base::Mix64(100'000)) == MessageIndex::kMissing);
    index.Reserve(10);  // Smaller than held: nothing changes.
    CHECK(index.MemoryBytes() == reserved);
  }
}
