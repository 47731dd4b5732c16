// RecordArray: a growable array of trivially copyable records, for the millions of records of a
// large export. It grows with realloc, which moves a large block without copying it (glibc
// remaps its pages), so growing never holds the old and the new block at once; a std::vector
// copies into a new block and briefly needs both. The interface is the part of std::vector that
// the model's users need.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

namespace meshcheck::base {

template <typename T>
class RecordArray {
  static_assert(std::is_trivially_copyable_v<T>, "RecordArray moves records with realloc");

 public:
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
    }
    return *this;
  }
  RecordArray& operator=(RecordArray&& other) noexcept {
    swap(other);
    return *this;
  }
  ~RecordArray() { std::free(data_); }

  void push_back(const T& record) {
    if (size_ == capacity_)
      Reallocate(capacity_ == 0 ? 64 : capacity_ * 2);
    data_[size_++] = record;
  }
  // Capacity for at least n records.
  void reserve(size_t n) {
    if (n > capacity_)
      Reallocate(n);
  }
  void swap(RecordArray& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
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
  void Reallocate(size_t new_capacity) {
    void* grown = std::realloc(data_, new_capacity * sizeof(T));
    if (grown == nullptr)
      throw std::bad_alloc();
    data_ = static_cast<T*>(grown);
    capacity_ = new_capacity;
  }

  T* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace meshcheck::base
