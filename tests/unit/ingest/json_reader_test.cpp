// RecordStrings: copies that stay valid until Reset, short and long, and reuse after Reset.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ingest/json_reader.h"

using meshcheck::ingest::RecordStrings;

TEST_CASE("RecordStrings: every copy stays intact until Reset, across blocks and long strings") {
  RecordStrings strings;
  for (int record = 0; record < 3; ++record) {
    std::vector<std::string> originals;
    std::vector<std::string_view> copies;
    // Sizes from empty to beyond a block, so copies fill blocks, spill over and go long.
    for (size_t size = 0; size < 5000; size += 97 + static_cast<size_t>(record)) {
      std::string text(size, static_cast<char>('a' + size % 26));
      if (!text.empty())
        text.back() = '!';
      std::string scratch = text;  // The source dies or changes right after Put.
      copies.push_back(strings.Put(scratch));
      scratch.assign(scratch.size(), '?');
      originals.push_back(std::move(text));
    }
    REQUIRE(copies.size() == originals.size());
    for (size_t i = 0; i < copies.size(); ++i)
      CHECK(copies[i] == originals[i]);
    strings.Reset();
  }
  CHECK(strings.Put("").empty());
  CHECK(strings.Put("id") == "id");
}
