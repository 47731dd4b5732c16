#include <catch2/catch.hpp>

#include <cstring>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/hash.h"
#include "base/intern.h"

using meshcheck::base::FlatMap64;
using meshcheck::base::Hash64;
using meshcheck::base::Mix64;
using meshcheck::base::StringInterner;

namespace {

std::string Word(uint64_t w) {
  std::string s(8, '\0');
  std::memcpy(s.data(), &w, 8);
  return s;
}

// Mix64 is a bijection; its inverse lets a test steer keys into chosen slots and hashes.
uint64_t UnMix64(uint64_t x) {
  auto unshift = [](uint64_t v, int s) {
    uint64_t r = v;
    for (int k = 0; k < 64 / s + 1; ++k)
      r = v ^ (r >> s);
    return r;
  };
  x = unshift(x, 31);
  x *= 0x319642b2d24d8ec3ULL;  // Inverse of 0x94d049bb133111eb mod 2^64.
  x = unshift(x, 27);
  x *= 0x96de1b173f119089ULL;  // Inverse of 0xbf58476d1ce4e5b9 mod 2^64.
  return unshift(x, 30);
}

}  // namespace

TEST_CASE("Mix64 is invertible (the collision tests below rely on it)") {
  for (uint64_t x : {0ull, 1ull, 42ull, 0x8000000000000000ull, ~0ull, 0x0123456789abcdefull}) {
    CHECK(UnMix64(Mix64(x)) == x);
  }
}

TEST_CASE("Hash64 separates lengths, seeds and nearby strings") {
  CHECK(Hash64("") != Hash64(std::string_view("\0", 1)));
  CHECK(Hash64("a") != Hash64(std::string_view("a\0", 2)));
  CHECK(Hash64("abcdefgh") != Hash64(std::string_view("abcdefgh\0", 9)));
  CHECK(Hash64("abc", 1) != Hash64("abc", 2));
  CHECK(Hash64("abc") == Hash64(std::string("abc")));
  std::set<uint64_t> seen;
  for (uint64_t i = 0; i < 100000; ++i)
    seen.insert(Hash64(std::to_string(i)));
  CHECK(seen.size() == 100000);
}

TEST_CASE("FlatMap64: many keys, growth, Insert keeps, Set overwrites") {
  FlatMap64 map;
  CHECK(map.Find(7) == FlatMap64::kMissing);
  std::unordered_map<uint64_t, uint32_t> reference;
  uint64_t key = 0;
  for (uint32_t i = 0; i < 200000; ++i) {
    key = key * 2862933555777941757ULL + 3037000493ULL;  // Keys include 0-like and huge values.
    reference.emplace(key, i);
    CHECK(map.Insert(key, i) == reference[key]);
  }
  CHECK(map.size() == reference.size());
  uint64_t wrong = 0;
  for (const auto& [k, v] : reference)
    wrong += map.Find(k) != v;
  CHECK(wrong == 0);
  CHECK(map.Insert(key, 1) == reference[key]);  // An existing key keeps its value.
  map.Set(key, 5);
  CHECK(map.Find(key) == 5);
  CHECK(map.size() == reference.size());
  map.Set(0xFFFFFFFFFFFFFFFFULL, 9);
  map.Set(0, 10);
  CHECK(map.Find(0xFFFFFFFFFFFFFFFFULL) == 9);
  CHECK(map.Find(0) == 10);
  CHECK(map.size() == reference.size() + 2 - reference.count(0) - reference.count(~0ull));
  CHECK(map.MemoryBytes() >= map.size() * 2 * 12);
  map.Clear();
  CHECK(map.size() == 0);
  CHECK(map.Find(key) == FlatMap64::kMissing);
  map.Insert(key, 3);
  CHECK(map.Find(key) == 3);
}

TEST_CASE("FlatMap64: keys that all want the last slot wrap around and survive growth") {
  // Keys whose home slot is 63 of the first table (64 slots): each probe chain wraps to 0.
  std::vector<uint64_t> keys;
  for (uint64_t k = 0; keys.size() < 31; ++k)
    keys.push_back(UnMix64((k << 6) | 63));
  FlatMap64 map;
  for (uint32_t i = 0; i < keys.size(); ++i) {
    REQUIRE((Mix64(keys[i]) & 63) == 63);
    CHECK(map.Insert(keys[i], i) == i);
  }
  CHECK(map.MemoryBytes() == 64 * 16);  // Still the first table: the cluster is real.
  for (uint32_t i = 0; i < keys.size(); ++i)
    CHECK(map.Find(keys[i]) == i);
  CHECK(map.Find(UnMix64((1000 << 6) | 63)) == FlatMap64::kMissing);  // Walks the cluster.
  map.Set(keys[17], 1000);
  for (uint32_t i = 31; i < 100; ++i)
    map.Insert(UnMix64(i), i);  // Grows.
  CHECK(map.MemoryBytes() > 64 * 16);
  for (uint32_t i = 0; i < keys.size(); ++i)
    CHECK(map.Find(keys[i]) == (i == 17 ? 1000 : i));
}

TEST_CASE("StringInterner: dense stable ids, stable views") {
  StringInterner interner;
  CHECK(interner.Find("x") == FlatMap64::kMissing);
  CHECK(interner.Intern("") == 0);
  CHECK(interner.Get(0).empty());
  std::vector<std::string_view> early;
  for (int i = 0; i < 1000; ++i)
    early.push_back(interner.Get(interner.Intern(std::to_string(i))));
  const std::string big(100000, 'b');  // Larger than a storage block.
  const uint32_t big_id = interner.Intern(big);
  for (int i = 0; i < 100000; ++i) {
    const std::string s =
        "name-" + std::to_string(i) + std::string(static_cast<size_t>(i % 50), 'x');
    CHECK(interner.Intern(s) == static_cast<uint32_t>(1002 + i));
  }
  CHECK(interner.size() == 101002);
  for (int i = 0; i < 1000; ++i) {
    CHECK(early[static_cast<size_t>(i)] == std::to_string(i));  // Views never moved.
    CHECK(interner.Intern(std::to_string(i)) == static_cast<uint32_t>(i + 1));
  }
  CHECK(interner.Get(big_id) == big);
  CHECK(interner.Find(big) == big_id);
  CHECK(interner.Find(std::string_view("1\0", 2)) == FlatMap64::kMissing);
  CHECK(interner.Intern(std::string_view("1\0", 2)) == 101002);
}

TEST_CASE("StringInterner: strings with equal hashes stay distinct (collision chains)") {
  // Hash64 of a 16-byte string is Mix64(Mix64(h0 ^ w1) * K ^ w2) * K) with h0 = 16 * K:
  // choosing w2' = w2 ^ Mix64(h0 ^ w1) * K ^ Mix64(h0 ^ w1') * K gives a full collision.
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  const uint64_t h0 = 16 * kMul;
  auto first_round = [&](uint64_t w1) { return Mix64(h0 ^ w1) * kMul; };
  const uint64_t w2 = 0x6161616161616161ULL;
  std::vector<std::string> colliding;
  for (uint64_t w1 : {0x4141414141414141ULL, 0x4242424242424242ULL, 0x4343434343434343ULL}) {
    colliding.push_back(Word(w1) + Word(w2 ^ first_round(0x4141414141414141ULL) ^ first_round(w1)));
  }
  REQUIRE(Hash64(colliding[0]) == Hash64(colliding[1]));
  REQUIRE(Hash64(colliding[1]) == Hash64(colliding[2]));
  StringInterner interner;
  interner.Intern("before");
  CHECK(interner.Find(colliding[1]) == FlatMap64::kMissing);
  CHECK(interner.Intern(colliding[0]) == 1);
  CHECK(interner.Find(colliding[1]) == FlatMap64::kMissing);  // Same hash, other text.
  CHECK(interner.Intern(colliding[1]) == 2);
  CHECK(interner.Intern(colliding[2]) == 3);
  interner.Intern("after");
  for (uint32_t i = 0; i < 3; ++i) {
    CHECK(interner.Find(colliding[i]) == i + 1);
    CHECK(interner.Intern(colliding[i]) == i + 1);
    CHECK(interner.Get(i + 1) == colliding[i]);
  }
  CHECK(interner.size() == 5);
}
