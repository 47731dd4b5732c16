#include "base/intern.h"

#include <cstring>

namespace meshcheck::base {
namespace {
constexpr size_t kBlockBytes = 64 * 1024;
}

uint32_t StringInterner::Find(std::string_view text) const {
  for (uint32_t id = by_hash_.Find(Hash64(text)); id != FlatMap64::kMissing; id = next_[id]) {
    if (views_[id] == text) {
      return id;
    }
  }
  return FlatMap64::kMissing;
}

uint32_t StringInterner::Intern(std::string_view text) {
  const uint64_t h = Hash64(text);
  const uint32_t head = by_hash_.Find(h);
  for (uint32_t id = head; id != FlatMap64::kMissing; id = next_[id]) {
    if (views_[id] == text) {
      return id;
    }
  }
  const auto id = static_cast<uint32_t>(views_.size());
  views_.push_back(Store(text));
  next_.push_back(head);
  by_hash_.Set(h, id);  // The new id heads the chain of strings sharing hash h.
  return id;
}

std::string_view StringInterner::Store(std::string_view text) {
  if (text.empty()) {
    return {};
  }
  if (text.size() > kBlockBytes / 4) {
    auto big = std::make_unique<char[]>(text.size());
    std::memcpy(big.get(), text.data(), text.size());
    std::string_view view(big.get(), text.size());
    blocks_.insert(blocks_.begin(), std::move(big));  // Keep the current block at the back.
    return view;
  }
  if (blocks_.empty() || block_used_ + text.size() > block_size_) {
    blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
    block_used_ = 0;
    block_size_ = kBlockBytes;
  }
  char* dst = blocks_.back().get() + block_used_;
  std::memcpy(dst, text.data(), text.size());
  block_used_ += text.size();
  return {dst, text.size()};
}

}  // namespace meshcheck::base
