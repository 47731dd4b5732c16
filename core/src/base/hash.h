// Hashing and a flat hash map for the hot path (interning, message-id lookups).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace meshcheck::base {

// 64-bit hash of bytes (multiply-xorshift over 8-byte words). Deterministic on every platform;
// not for adversarial keys beyond memory use: FlatMap caps its probe lengths by resizing.
uint64_t Hash64(std::string_view bytes, uint64_t seed = 0);

// Finalizer for 64-bit integers (splitmix64).
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Open-addressing map from 64-bit keys to 32-bit values (linear probing, power-of-two size,
// load factor <= 1/2). Keys are arbitrary 64-bit values; emptiness is tracked separately.
class FlatMap64 {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Returns the value for `key`, or kMissing.
  uint32_t Find(uint64_t key) const;
  // Inserts key -> value if absent; returns the value now stored for key.
  uint32_t Insert(uint64_t key, uint32_t value);
  // Inserts or overwrites.
  void Set(uint64_t key, uint32_t value);
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Slot); }
  void Clear();

 private:
  struct Slot {
    uint64_t key;
    uint32_t value;  // kMissing = empty slot.
  };
  Slot& SlotFor(uint64_t key);  // The slot holding key, or the empty slot where it belongs.
  void Grow();
  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace meshcheck::base
