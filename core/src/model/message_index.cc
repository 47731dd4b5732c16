#include "model/message_index.h"

#include "base/pages.h"

namespace meshcheck::model {
namespace {

uint64_t Check(uint64_t key) {
  return key >> 32;
}

}  // namespace

size_t MessageIndex::SlotFor(uint64_t key) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = Home(key);; i = (i + 1) & mask) {
    const uint64_t s = slots_[i];
    if (s == kEmpty)
      return i;
    if (s >> 32 == Check(key) && keys_[static_cast<uint32_t>(s) - 1] == key)
      return i;
  }
}

uint32_t MessageIndex::Find(uint64_t key) const {
  if (slots_.empty())
    return kMissing;
  const uint64_t s = slots_[SlotFor(key)];
  return s == kEmpty ? kMissing : static_cast<uint32_t>(s) - 1;
}

uint32_t MessageIndex::Insert(uint64_t key, uint32_t index) {
  if ((size_ + 1) * 3 > slots_.size() * 2)
    Grow(size_ + 1);
  const size_t i = SlotFor(key);
  if (slots_[i] != kEmpty)
    return static_cast<uint32_t>(slots_[i]) - 1;
  slots_[i] = (Check(key) << 32) | (uint64_t{index} + 1);
  if (keys_.size() <= index) {
    keys_.resize(index, 0);  // Indices skipped (messages never inserted) keep key 0.
    keys_.push_back(key);    // Amortized growth; a resize by one would fill one key a call.
  } else {
    keys_[index] = key;
  }
  ++size_;
  return index;
}

void MessageIndex::Reserve(size_t n) {
  if (n * 3 > slots_.size() * 2)
    Grow(n);
  keys_.reserve(n);
}

void MessageIndex::Grow(size_t n) {
  size_t size = slots_.empty() ? 1024 : slots_.size() * 2;
  while (n * 3 > size * 2)
    size *= 2;
  std::vector<uint64_t> old;
  old.swap(slots_);
  base::AssignPopulated(&slots_, size, kEmpty);
  shift_ = 64 - __builtin_ctzll(slots_.size());
  const size_t mask = slots_.size() - 1;
  for (uint64_t s : old) {
    if (s == kEmpty)
      continue;
    size_t i = Home(s);  // The slot's upper half is its key's check.
    while (slots_[i] != kEmpty)
      i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void MessageIndex::Clear() {
  std::vector<uint64_t>().swap(slots_);
  std::vector<uint64_t>().swap(keys_);
  size_ = 0;
  shift_ = 64;
}

}  // namespace meshcheck::model
