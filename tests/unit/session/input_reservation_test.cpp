// RecordsToReserve (session/input_reservation.h): when and how much room the Session makes for an
// input's message records, from the rate read so far.
#include <catch2/catch.hpp>

#include <cstdint>

#include "session/input_reservation.h"

namespace {

using meshcheck::kReserveMinInputBytes;
using meshcheck::RecordsToReserve;

constexpr uint64_t kMiB = uint64_t{1} << 20;

TEST_CASE("room is made once a 64th of a large input is read, at its rate plus 1/8") {
  const uint64_t size = 200 * kMiB;
  CHECK(RecordsToReserve(size / 64 - 1, size, 34'375, 0) == 0);  // Not a 64th yet.
  // 34,375 records in the first 3.125 MiB: 2.2 million in 200 MiB, and 1/8 more.
  CHECK(RecordsToReserve(size / 64, size, 34'375, 0) == 2'475'000);
  // Later (the Session asks until it gets an answer): the rate of what was read.
  CHECK(RecordsToReserve(size / 2, size, 1'000'000, 0) == 2'250'000);
}

TEST_CASE("small, unsized and empty-rate inputs get no reservation") {
  CHECK(RecordsToReserve(kReserveMinInputBytes - 1, kReserveMinInputBytes - 1, 9'000, 0) == 0);
  CHECK(RecordsToReserve(10 * kMiB, 0, 9'000, 0) == 0);  // Size unknown (size_hint 0).
  CHECK(RecordsToReserve(0, 64 * kMiB, 0, 0) == 0);
  CHECK(RecordsToReserve(8 * kMiB, 64 * kMiB, 0, 0) == 0);  // No records yet: nothing to reserve.
  CHECK(RecordsToReserve(8 * kMiB, 64 * kMiB, 0, 5'000) == 0);  // Not even after earlier inputs.
}

TEST_CASE("a total beyond 32-bit record indexes reserves nothing") {
  const uint64_t size = uint64_t{1} << 40;  // A size hint of a terabyte.
  CHECK(RecordsToReserve(size / 8, size, 600'000'000, 0) == 0);
  CHECK(RecordsToReserve(size / 8, size, 480'000'000, 0) == 0);  // 4.32 billion: just too many.
  CHECK(RecordsToReserve(size / 8, size, 100'000'000, 0) == 900'000'000);
  // With the records of earlier inputs: the total counts.
  CHECK(RecordsToReserve(size / 8, size, 100'000'000, 1'000'000) == 901'000'000);
  CHECK(RecordsToReserve(size / 8, size, 100'000'000, 3'500'000'000) == 0);
}

}  // namespace
