// RecordArray: a growable array of trivially copyable records, for the millions of records of a
// large export. It grows with realloc, which extends a block in place where it can (at the top of
// the heap), so growing rarely holds the old and the new block at once; a std::vector copies into
// a new block and briefly needs both (copying on every growth took the 200 MB WhatsApp text's peak
// from 118 to 137 MiB). The interface is the part of std::vector that the model's users need.
//
// Natively, memory is made resident ahead of use in steps of kPopulateStepBytes (base/pages.h)
// instead of one page fault per page as records are appended; the step keeps what is resident
// but unused under 256 KiB, where populating a whole doubled block would add up to the array's
// size.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

#include "base/pages.h"

namespace meshcheck::base {

template <typename T>
class RecordArray {
  static_assert(std::is_trivially_copyable_v<T>, "RecordArray moves records as bytes");

 public:
  using value_type = T;

  RecordArray() = default;
  RecordArray(const RecordArray& other) { *this = other; }
  RecordArray(RecordArray&& other) noexcept { swap(other); }
  RecordArray& operator=(const RecordArray& other) {
    if (this != &other) {
      size_ = 0;
      reserve(other.size_);
      if (other.size_ > 0)
        std::memcpy(data_, other.data_, other.size_ * sizeof(T));
      size_ = other.size_;
      ready_ = std::max(ready_, size_);
    }
    return *this;
  }
  RecordArray& operator=(RecordArray&& other) noexcept {
    swap(other);
    return *this;
  }
  ~RecordArray() { std::free(data_); }

  void push_back(const T& record) {
    if (size_ == ready_)
      MakeRoom();
    data_[size_++] = record;
  }
  // Capacity for at least n records.
  void reserve(size_t n) {
    if (n > capacity_)
      Reallocate(n);
  }
  // n records; new ones are T{}.
  void resize(size_t n) {
    reserve(n);
    std::fill(data_ + std::min(size_, n), data_ + n, T{});
    size_ = n;
    ready_ = std::max(ready_, n);
  }
  // Capacity down to the size: the block shrinks in place and its tail is freed.
  void shrink_to_fit() {
    if (capacity_ > size_ && size_ > 0)
      Reallocate(size_);
  }
  void swap(RecordArray& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(ready_, other.ready_);
    std::swap(capacity_, other.capacity_);
  }

  size_t size() const { return size_; }
  size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  const T& front() const { return data_[0]; }
  const T& back() const { return data_[size_ - 1]; }

 private:
  static constexpr size_t kPopulateStepBytes = size_t{256} << 10;

  // Makes room for one more record: populates the next step of the block, growing it first
  // when it is full.
  void MakeRoom() {
    if (ready_ == capacity_)
      Reallocate(capacity_ == 0 ? 64 : capacity_ * 2);
    const size_t step = std::max<size_t>(kPopulateStepBytes / sizeof(T), 1);
    const size_t ready = std::min(capacity_, size_ + step);
    PopulatePages(data_ + size_, (ready - size_) * sizeof(T));
    ready_ = ready;
  }

  void Reallocate(size_t new_capacity) {
    void* grown = std::realloc(data_, new_capacity * sizeof(T));
    if (grown == nullptr)
      throw std::bad_alloc();
    data_ = static_cast<T*>(grown);
    capacity_ = new_capacity;
    ready_ = kPopulatesPages ? size_ : new_capacity;
  }

  T* data_ = nullptr;
  size_t size_ = 0;
  size_t ready_ = 0;  // Records up to which the block is populated; push_back's limit.
  size_t capacity_ = 0;
};

}  // namespace meshcheck::base
