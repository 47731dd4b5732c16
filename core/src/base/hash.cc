#include "base/hash.h"

#include "base/pages.h"

namespace meshcheck::base {

uint64_t Hash64(std::string_view bytes, uint64_t seed) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  uint64_t h = seed ^ (bytes.size() * kMul);
  const char* p = bytes.data();
  size_t n = bytes.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = Mix64(h ^ w) * kMul;
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  if (n > 0) {  // An empty view may hold a null pointer, and memcpy from null is undefined.
    std::memcpy(&tail, p, n);
  }
  return Mix64(h ^ tail ^ (static_cast<uint64_t>(n) << 59));
}

uint32_t FlatMap64::Find(uint64_t key) const {
  if (slots_.empty()) {
    return kMissing;
  }
  const size_t mask = slots_.size() - 1;
  for (size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.value == kMissing) {
      return kMissing;
    }
    if (s.key == key) {
      return s.value;
    }
  }
}

FlatMap64::Slot& FlatMap64::SlotFor(uint64_t key) {
  if ((size_ + 1) * 2 > slots_.size()) {
    Grow();
  }
  const size_t mask = slots_.size() - 1;
  for (size_t i = Mix64(key) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.value == kMissing || s.key == key) {
      return s;
    }
  }
}

uint32_t FlatMap64::Insert(uint64_t key, uint32_t value) {
  Slot& s = SlotFor(key);
  if (s.value == kMissing) {
    s.key = key;
    s.value = value;
    ++size_;
  }
  return s.value;
}

void FlatMap64::Set(uint64_t key, uint32_t value) {
  Slot& s = SlotFor(key);
  size_ += s.value == kMissing;
  s.key = key;
  s.value = value;
}

void FlatMap64::Grow() {
  std::vector<Slot> old = std::move(slots_);
  AssignPopulated(&slots_, old.empty() ? 64 : old.size() * 2, Slot{0, kMissing});
  size_ = 0;
  for (const Slot& s : old) {
    if (s.value != kMissing) {
      Insert(s.key, s.value);
    }
  }
}

void FlatMap64::Clear() {
  std::vector<Slot>().swap(slots_);
  size_ = 0;
}

}  // namespace meshcheck::base
