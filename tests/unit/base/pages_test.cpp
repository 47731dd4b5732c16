// PopulatePages: the pages of a block become resident in one call (Linux 5.14+), and
// AssignPopulated fills a table like std::vector::assign.
#include <catch2/catch.hpp>

#include <cerrno>
#include <cstdint>
#include <vector>

#include "base/pages.h"

#if MESHCHECK_POPULATES_PAGES
#include <sys/mman.h>
#include <unistd.h>

namespace {

// How many of the n pages at `block` are resident.
size_t ResidentPages(void* block, size_t n) {
  std::vector<unsigned char> resident(n);
  REQUIRE(mincore(block, n * 4096, resident.data()) == 0);
  size_t count = 0;
  for (unsigned char r : resident)
    count += r & 1;
  return count;
}

}  // namespace

TEST_CASE("PopulatePages makes the whole pages of a block resident, and only those") {
  REQUIRE(sysconf(_SC_PAGESIZE) == 4096);
  constexpr size_t kPages = 64;
  void* map =
      mmap(nullptr, kPages * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(map != MAP_FAILED);
  auto* bytes = static_cast<char*>(map);
  CHECK(ResidentPages(map, kPages) == 0);
  if (madvise(bytes, 4096, 23) != 0 && errno == EINVAL) {
    WARN("this kernel has no MADV_POPULATE_WRITE (Linux < 5.14): PopulatePages does nothing");
    munmap(map, kPages * 4096);
    return;
  }
  CHECK(ResidentPages(map, kPages) == 1);
  // From the middle of page 2 to the middle of page 40: pages 3-39 are whole.
  meshcheck::base::PopulatePages(bytes + 2 * 4096 + 100, 38 * 4096);
  std::vector<unsigned char> resident(kPages);
  REQUIRE(mincore(map, kPages * 4096, resident.data()) == 0);
  for (size_t p = 1; p < kPages; ++p) {
    INFO("page " << p);
    CHECK((resident[p] & 1) == (p >= 3 && p <= 39 ? 1 : 0));
  }
  // Under kMinPopulateBytes nothing is done: the page faults in when written, as before.
  meshcheck::base::PopulatePages(bytes + 50 * 4096, 8 * 4096);
  CHECK(ResidentPages(bytes + 50 * 4096, 8) == 0);
  CHECK(bytes[20 * 4096] == 0);  // Populated memory reads as zeros.
  munmap(map, kPages * 4096);
}
#endif

TEST_CASE("AssignPopulated fills a vector like assign, replacing what it held") {
  std::vector<uint64_t> table = {1, 2, 3};
  meshcheck::base::AssignPopulated(&table, 100000, uint64_t{7});
  REQUIRE(table.size() == 100000);
  bool all = true;
  for (uint64_t v : table)
    all = all && v == 7;
  CHECK(all);
  meshcheck::base::AssignPopulated(&table, 5, uint64_t{0});
  CHECK(table == std::vector<uint64_t>(5, 0));
}
