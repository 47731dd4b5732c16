// base::Worker: jobs run one at a time on another thread, in the order posted; Post waits for the
// job before; Wait rethrows what a job threw, once; the destructor waits for the last job.
#include "base/worker.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

using meshcheck::base::Worker;

void Sleep(int ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

}  // namespace

TEST_CASE("a worker runs its jobs on another thread, one at a time, in order") {
  std::vector<int> done;
  std::vector<std::thread::id> where;
  {
    Worker worker;
    for (int i = 0; i < 200; ++i) {
      // A job that would lose to the next one if two ran at once.
      worker.Post([&done, &where, i] {
        if (i % 50 == 0)
          Sleep(5);
        done.push_back(i);
        where.push_back(std::this_thread::get_id());
      });
    }
    worker.Wait();
    REQUIRE(done.size() == 200);
  }
  for (int i = 0; i < 200; ++i)
    CHECK(done[i] == i);
  for (const std::thread::id id : where) {
    CHECK(id == where.front());
    CHECK(id != std::this_thread::get_id());
  }
}

TEST_CASE("a job runs beside the caller until Wait") {
  Worker worker;
  bool ended = false;
  worker.Post([&ended] {
    Sleep(50);
    ended = true;
  });
  const bool ended_at_post = ended;  // Read before the job could end.
  worker.Wait();
  CHECK_FALSE(ended_at_post);
  CHECK(ended);
}

TEST_CASE("Wait rethrows what a job threw, once, and the worker goes on") {
  Worker worker;
  worker.Post([] { throw std::runtime_error("job failed"); });
  CHECK_THROWS_WITH(worker.Wait(), "job failed");
  CHECK_NOTHROW(worker.Wait());
  int ran = 0;
  worker.Post([&ran] { ++ran; });
  worker.Post([] { throw std::runtime_error("second"); });
  CHECK_THROWS_WITH(worker.Post([&ran] { ++ran; }), "second");  // Post waits, so it rethrows.
  worker.Post([&ran] { ++ran; });
  worker.Wait();
  CHECK(ran == 2);
}

TEST_CASE("destroying a worker waits for its last job") {
  bool ended = false;
  {
    Worker worker;
    worker.Post([&ended] {
      Sleep(30);
      ended = true;
    });
  }
  CHECK(ended);
  {
    Worker dropped;  // What its last job throws is dropped, never terminating the program.
    dropped.Post([] { throw std::runtime_error("dropped"); });
  }
  Worker idle;  // One that never ran a job ends too.
}
