#include "base/worker.h"

#include <utility>

namespace meshcheck::base {

Worker::Worker() : thread_([this] { Run(); }) {}

Worker::~Worker() {
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !busy_; });
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void Worker::Post(std::function<void()> job) {
  Wait();
  {
    const std::lock_guard lock(mutex_);
    job_ = std::move(job);
    busy_ = true;
  }
  changed_.notify_all();
}

void Worker::Wait() {
  std::exception_ptr failure;
  {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return !busy_; });
    std::swap(failure, failure_);
  }
  if (failure)
    std::rethrow_exception(failure);
}

void Worker::Run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return busy_ || stop_; });
    if (!busy_)
      return;  // Stopped, with no job left.
    std::function<void()> job = std::move(job_);
    lock.unlock();
    std::exception_ptr failure;
    try {
      job();
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    if (failure && !failure_)
      failure_ = failure;
    busy_ = false;
    changed_.notify_all();
  }
}

}  // namespace meshcheck::base
