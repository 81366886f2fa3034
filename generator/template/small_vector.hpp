#pragma once
// A vector that keeps its first N elements inline: call arguments are built for every call, and
// most calls have a handful of them.
#include <cstddef>
#include <new>
#include <utility>
#include <vector>

namespace gongkai::tmpl {

template <typename T, size_t N>
class SmallVector {
 public:
  SmallVector() = default;
  SmallVector(const SmallVector&) = delete;
  SmallVector& operator=(const SmallVector&) = delete;
  ~SmallVector() { clear(); }

  void push_back(T v) {
    if (size_ < N) {
      new (inline_ptr() + size_) T(std::move(v));
    } else {
      if (size_ == N) {
        heap_.reserve(N * 2);
        for (size_t i = 0; i < N; ++i) heap_.push_back(std::move(inline_ptr()[i]));
        destroy_inline();
      }
      heap_.push_back(std::move(v));
    }
    ++size_;
  }
  template <typename... A>
  void emplace_back(A&&... a) {
    push_back(T(std::forward<A>(a)...));
  }
  void insert(size_t at, T v) {
    push_back(std::move(v));
    T* d = data();
    for (size_t i = size_ - 1; i > at; --i) std::swap(d[i], d[i - 1]);
  }
  T* data() { return size_ > N ? heap_.data() : inline_ptr(); }
  const T* data() const { return size_ > N ? heap_.data() : inline_ptr(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T* begin() { return data(); }
  T* end() { return data() + size_; }
  void clear() {
    if (size_ <= N) destroy_inline();
    heap_.clear();
    size_ = 0;
  }

 private:
  T* inline_ptr() { return reinterpret_cast<T*>(storage_); }
  const T* inline_ptr() const { return reinterpret_cast<const T*>(storage_); }
  void destroy_inline() {
    size_t n = size_ < N ? size_ : N;
    for (size_t i = 0; i < n; ++i) inline_ptr()[i].~T();
  }

  alignas(T) unsigned char storage_[sizeof(T) * N];
  size_t size_ = 0;
  std::vector<T> heap_;
};

}  // namespace gongkai::tmpl
