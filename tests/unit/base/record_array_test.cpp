// RecordArray: std::vector's behaviour for the operations the model uses.
#include <catch2/catch.hpp>

#include <cstdint>
#include <utility>
#include <vector>

#include "base/record_array.h"

using meshcheck::base::RecordArray;

namespace {

struct Record {
  int64_t time;
  uint32_t a;
  uint32_t b;
};

}  // namespace

TEST_CASE("RecordArray: grows keeping every record, copies and moves like a vector") {
  RecordArray<Record> records;
  std::vector<Record> expected;
  CHECK(records.empty());
  for (uint32_t i = 0; i < 100000; ++i) {
    const Record r{int64_t{i} * 1000 - 7, i, ~i};
    records.push_back(r);
    expected.push_back(r);
  }
  REQUIRE(records.size() == expected.size());
  CHECK(records.capacity() >= records.size());
  auto same = [&](const RecordArray<Record>& got) {
    REQUIRE(got.size() == expected.size());
    size_t i = 0;
    for (const Record& r : got) {
      CHECK((r.time == expected[i].time && r.a == expected[i].a && r.b == expected[i].b));
      ++i;
    }
    CHECK(got.front().a == 0);
    CHECK(got.back().a == 99999);
  };
  same(records);
  records[5].a = 42;
  RecordArray<Record> copy = records;
  CHECK(copy[5].a == 42);
  copy[5].a = 5;
  CHECK(records[5].a == 42);
  records[5].a = 5;
  RecordArray<Record> moved = std::move(copy);
  same(moved);
  RecordArray<Record> reserved;
  reserved.reserve(10);
  CHECK(reserved.capacity() >= 10);
  CHECK(reserved.empty());
  reserved.swap(moved);
  same(reserved);
  CHECK(moved.empty());
}
