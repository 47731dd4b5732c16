// MessageIndex: a message's 64-bit id key -> its index, for deduplication and for resolving
// reply and thread references while reading. Half the memory of a FlatMap64 for millions of
// messages (the largest structure while reading, and wasm memory never shrinks): open
// addressing with 8-byte slots holding the key's upper half as a check and the index, at a
// load factor of at most 2/3, plus the full keys by index (8 bytes per message, written in
// order) to confirm a slot whose check matches. Keys must be hashes: their upper bits, the
// check, place them too, so growing moves slots by their checks alone, in a nearly sequential
// pass (no read of the keys, which would miss the cache once per message). Indices must be
// given in increasing order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace meshcheck::model {

class MessageIndex {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Returns the index stored for `key`, or kMissing.
  uint32_t Find(uint64_t key) const;
  // Stores key -> index unless key is present; returns the index now stored for key. `index`
  // must exceed every index inserted before (a later message).
  uint32_t Insert(uint64_t key, uint32_t index);
  // Starts loading the slot where `key` would be (a hint; no effect on results).
  void Prefetch(uint64_t key) const {
    if (!slots_.empty())
      __builtin_prefetch(&slots_[Home(key)]);
  }
  // Makes room for `n` keys in all (a hint): the slots grow to hold them at once, and the keys'
  // array is made for them, instead of growing (and pausing for a rehash or a copy) step by step.
  void Reserve(size_t n);
  // Frees everything.
  void Clear();
  // Keys held.
  size_t size() const { return size_; }
  size_t MemoryBytes() const {
    return slots_.capacity() * sizeof(uint64_t) + keys_.capacity() * sizeof(uint64_t);
  }

 private:
  static constexpr uint64_t kEmpty = 0;  // Indices are stored plus one.
  static constexpr uint64_t kCheckBits = 0xFFFFFFFF00000000;

  // Where probing for `key` (or for a slot holding its check) starts: the check's top bits.
  size_t Home(uint64_t key) const { return static_cast<size_t>((key & kCheckBits) >> shift_); }
  // The slot holding key, or the empty slot where it belongs.
  size_t SlotFor(uint64_t key) const;
  // Doubles the slots until they hold `n` keys within the load factor, moving those held.
  void Grow(size_t n);

  std::vector<uint64_t> slots_;  // (check << 32) | (index + 1); 0 = empty.
  // Per index: its key (0 for indices never inserted). A std::vector: as a RecordArray, growing
  // by realloc beside the messages' array, it left holes that took graph_bench's peak from 435
  // to 496 MiB.
  std::vector<uint64_t> keys_;
  size_t size_ = 0;
  int shift_ = 64;  // 64 - log2(slots_.size()).
};

}  // namespace meshcheck::model
