// RecordArray: std::vector's behaviour for the operations the model uses.
#include <catch2/catch.hpp>

#include <cstdint>
#include <utility>
#include <vector>

#include "base/radix_sort.h"
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

// Natively the array populates its block ahead of use in 256 KiB steps and copies into a fresh
// block when it grows: every way of changing the size must leave push_back a valid limit.
TEST_CASE("RecordArray: appends past populate steps after copies, resizes, reserves and a shrink") {
  RecordArray<Record> records;
  std::vector<Record> expected;
  auto append = [&](uint32_t n) {
    for (uint32_t k = 0; k < n; ++k) {
      const auto i = static_cast<uint32_t>(expected.size());
      records.push_back({int64_t{i}, i, ~i});
      expected.push_back({int64_t{i}, i, ~i});
    }
  };
  auto same = [&] {
    REQUIRE(records.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      if (records[i].a != expected[i].a || records[i].b != expected[i].b) {
        FAIL("record " << i << " differs");
      }
    }
  };
  append(40000);  // 640 KB: three populate steps and several blocks.
  same();
  RecordArray<Record> larger;
  larger.reserve(60000);
  larger = records;  // Into a larger block: its limit must cover the copied records.
  records.swap(larger);
  append(50000);
  same();
  records.resize(30000);  // Shrink: push_back continues after the kept records.
  expected.resize(30000);
  append(20000);
  same();
  records.resize(90000);  // Grow: the new records are Record{}, then push_back goes on.
  for (size_t i = expected.size(); i < 90000; ++i) {
    CHECK((records[i].time == 0 && records[i].a == 0 && records[i].b == 0));
  }
  expected.resize(90000, Record{0, 0, 0});
  append(70000);
  same();
  records.reserve(1000000);  // A reserve far ahead, then appends into it.
  append(100000);
  same();
  records.shrink_to_fit();  // Down to the size: appends then grow it again.
  CHECK(records.capacity() == records.size());
  same();
  append(1000);
  same();
}

TEST_CASE("StableSortByKey sorts a RecordArray like a vector") {
  RecordArray<Record> records;
  std::vector<Record> expected;
  for (uint32_t i = 0; i < 100000; ++i) {
    const Record r{int64_t{(i * 7919) % 1000}, i, 0};
    records.push_back(r);
    expected.push_back(r);
  }
  auto key = [](const Record& r) { return static_cast<uint64_t>(r.time); };
  meshcheck::base::StableSortByKey(&records, key);
  meshcheck::base::StableSortByKey(&expected, key);
  REQUIRE(records.size() == expected.size());
  bool same = true;
  for (size_t i = 0; i < expected.size(); ++i)
    same = same && records[i].time == expected[i].time && records[i].a == expected[i].a;
  CHECK(same);
  CHECK(records[0].time == 0);
  CHECK(records[1].a > records[0].a);  // Equal keys keep their order.
}
