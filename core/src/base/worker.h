// Worker: a second thread that runs jobs one at a time, in the order posted, beside the thread
// that posts them: a pipeline of two stages (model/event_pipe.h).
//
//   Worker worker;
//   worker.Post([&] { Consume(batch_a); });  // Runs beside the caller...
//   Produce(&batch_b);
//   worker.Post([&] { Consume(batch_b); });  // ...after waiting for the job before.
//   worker.Wait();                           // Every job posted has ended.
//
// Contracts: one thread posts and waits. Post waits for the previous job to end before it
// starts the next. What a job throws is rethrown by the next Wait (Post calls it), once; the
// destructor waits for the last job and drops what it threw. Native builds only: the wasm module
// has no threads (aside.h).
#pragma once

#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace meshcheck::base {

class Worker {
 public:
  Worker();
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Wait(), then starts `job` on the worker's thread.
  void Post(std::function<void()> job);
  // Blocks until the last job posted has ended; rethrows what a job threw since the last Wait.
  void Wait();

 private:
  void Run();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::function<void()> job_;   // The job running or about to (guarded).
  bool busy_ = false;           // job_ has not ended (guarded).
  bool stop_ = false;           // The destructor asks the thread to end (guarded).
  std::exception_ptr failure_;  // What a job threw (guarded).
  std::thread thread_;          // Last: it starts once the members above are ready.
};

}  // namespace meshcheck::base
