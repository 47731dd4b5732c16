// JSONTestSuite (nst/JSONTestSuite, test_parsing/): y_ files must be accepted, n_ files
// rejected, i_ files must end (either way) the same in every chunking.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "json_events.h"

namespace {

using meshcheck::ingest::JsonErrorKind;
using meshcheck::ingest::JsonLimits;
using meshcheck::testing::Chunks;
using meshcheck::testing::kChunkSizes;
using meshcheck::testing::NlohmannEvents;
using meshcheck::testing::ReadFile;
using meshcheck::testing::Tokenize;
using meshcheck::testing::TokenizeResult;

struct Case {
  std::string name;
  std::string bytes;
};

// Every test_parsing case whose name starts with `prefix` ("y_", "n_", "i_"), sorted.
std::vector<Case> SuiteCases(const std::string& prefix) {
  const std::filesystem::path dir = std::filesystem::path(MESHCHECK_JSONTESTSUITE) / "test_parsing";
  std::vector<Case> out;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0)
      out.push_back({name, ReadFile(e.path())});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

// Runs every chunking and checks they agree; returns the whole-input result.
TokenizeResult RunAllChunkings(const Case& c, JsonLimits limits) {
  const TokenizeResult whole = Tokenize(c.bytes, 0, limits);
  for (size_t chunk : kChunkSizes) {
    const TokenizeResult split = Tokenize(c.bytes, chunk, limits);
    INFO(c.name << " in chunks of " << chunk);
    CHECK(split.Summary() == whole.Summary());
    CHECK(split.events == whole.events);
  }
  return whole;
}

const JsonLimits kStrict{.repair_utf8 = false};

// n_ cases whose only fault is invalid UTF-8 (or a lone surrogate escape): repair mode reads
// them by replacing the bad sequence with U+FFFD, by design (json_stream.h, JsonLimits).
const std::map<std::string, const char*> kRepairedInRepairMode = {};

}  // namespace

TEST_CASE("JSONTestSuite: the suite is present") {
  CHECK(SuiteCases("y_").size() >= 90);
  CHECK(SuiteCases("n_").size() >= 180);
  CHECK(SuiteCases("i_").size() >= 30);
}

TEST_CASE("JSONTestSuite: strict mode accepts every y_ case like nlohmann") {
  for (const Case& c : SuiteCases("y_")) {
    const TokenizeResult r = RunAllChunkings(c, kStrict);
    INFO(c.name << ": " << r.Summary());
    CHECK(r.ok);
    const auto reference = NlohmannEvents(c.bytes);
    REQUIRE(reference.ok);
    CHECK(r.events == reference.events);
  }
}

TEST_CASE("JSONTestSuite: strict mode rejects every n_ case") {
  for (const Case& c : SuiteCases("n_")) {
    const TokenizeResult r = RunAllChunkings(c, kStrict);
    INFO(c.name << ": " << r.Summary());
    CHECK_FALSE(r.ok);
    CHECK(r.error.kind != JsonErrorKind::kAborted);
    CHECK_FALSE(r.error.message.empty());
  }
}

TEST_CASE("JSONTestSuite: i_ cases end the same way in every chunking") {
  for (const Case& c : SuiteCases("i_")) {
    for (const JsonLimits& limits : {kStrict, JsonLimits{}}) {
      const TokenizeResult r = RunAllChunkings(c, limits);
      INFO(c.name << " (repair " << limits.repair_utf8 << "): " << r.Summary());
      if (r.ok) {
        CHECK(r.values == 1);
      } else {
        CHECK(r.error.kind != JsonErrorKind::kNone);
      }
      // Strict mode agrees with nlohmann wherever nlohmann accepts.
      const auto reference = NlohmannEvents(c.bytes);
      if (!limits.repair_utf8 && reference.ok && r.ok)
        CHECK(r.events == reference.events);
    }
  }
}

TEST_CASE("JSONTestSuite: repair mode accepts y_ and rejects n_ except invalid UTF-8") {
  for (const Case& c : SuiteCases("y_")) {
    const TokenizeResult r = RunAllChunkings(c, JsonLimits{});
    INFO(c.name << ": " << r.Summary());
    CHECK(r.ok);
    CHECK(r.repaired == 0);
  }
  for (const Case& c : SuiteCases("n_")) {
    const TokenizeResult r = RunAllChunkings(c, JsonLimits{});
    INFO(c.name << ": " << r.Summary());
    const auto listed = kRepairedInRepairMode.find(c.name);
    if (listed == kRepairedInRepairMode.end()) {
      CHECK_FALSE(r.ok);
    } else {
      INFO(listed->second);
      CHECK(r.ok);
      CHECK(r.repaired > 0);
    }
  }
}

TEST_CASE("JSONTestSuite: 100000 opening arrays fail on the depth limit") {
  for (const Case& c : SuiteCases("n_structure_100000_opening_arrays")) {
    const TokenizeResult r = RunAllChunkings(c, kStrict);
    CHECK(r.error.kind == JsonErrorKind::kDepth);
    CHECK(r.error.offset == JsonLimits{}.max_depth);
  }
  for (const Case& c : SuiteCases("i_structure_500_nested_arrays")) {
    const TokenizeResult r = RunAllChunkings(c, kStrict);
    CHECK(r.error.kind == JsonErrorKind::kDepth);
    const TokenizeResult deep = Tokenize(c.bytes, 0, JsonLimits{.max_depth = 500});
    CHECK(deep.ok);
  }
}
