// String interning: equal strings get one dense id (0, 1, 2, ...) and one stored copy.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "base/hash.h"

namespace meshcheck::base {

class StringInterner {
 public:
  // Returns the id of `text`, adding it if new. Ids are dense and stable.
  uint32_t Intern(std::string_view text);
  // Returns the id of `text`, or FlatMap64::kMissing.
  uint32_t Find(std::string_view text) const;
  // Views stay valid for the interner's lifetime.
  std::string_view Get(uint32_t id) const { return views_[id]; }
  size_t size() const { return views_.size(); }

 private:
  std::string_view Store(std::string_view text);
  // Keys are 64-bit hashes; collisions are resolved by chaining through `next_`.
  FlatMap64 by_hash_;
  std::vector<uint32_t> next_;
  std::vector<std::string_view> views_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t block_used_ = 0;
  size_t block_size_ = 0;
};

}  // namespace meshcheck::base
