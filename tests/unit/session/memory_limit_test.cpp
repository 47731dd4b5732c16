// The session's memory ceiling (Options::max_memory_bytes, issue 8 item 4): passing it ends the
// session with session.memory_limit and advice, early, the same in every chunking; no ceiling
// or a high one changes nothing.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <string_view>

#include "meshcheck/session.h"
#include "test_files.h"

namespace {

using meshcheck::Options;
using meshcheck::Session;
using meshcheck::Status;
using meshcheck::StatusCode;
using meshcheck::testing::Chunks;

// A generic CSV of `n` messages by 500 people over a year.
std::string ManyMessages(int n) {
  std::string out = "id,timestamp,author,reply_to,thread,channel,kind,text\n";
  char row[96];
  for (int i = 0; i < n; ++i) {
    std::snprintf(row, sizeof row, "%d,2024-%02d-%02dT09:%02d:00Z,p%d,,,general,,x\n", i,
                  1 + i % 12, 1 + i % 28, i % 60, i % 500);
    out += row;
  }
  return out;
}

struct Outcome {
  Status first_error;       // The first non-ok Push or EndInput.
  size_t bytes_before = 0;  // Bytes pushed before it.
  Status finish;
};

Outcome Analyse(const std::string& bytes, uint64_t ceiling, size_t chunk) {
  Options options;
  options.max_memory_bytes = ceiling;
  Session s(options);
  Outcome o;
  REQUIRE(s.BeginInput({"big.csv", bytes.size(), meshcheck::Format::kAuto}).ok());
  for (std::string_view piece : Chunks(bytes, chunk)) {
    const Status pushed = s.Push(piece);
    if (!pushed.ok() && o.first_error.ok())
      o.first_error = pushed;
    if (o.first_error.ok())
      o.bytes_before += piece.size();
  }
  const Status end = s.EndInput();
  if (o.first_error.ok())
    o.first_error = end;
  o.finish = s.Finish();
  return o;
}

TEST_CASE("passing the memory ceiling ends the session with session.memory_limit") {
  const std::string bytes = ManyMessages(100000);
  for (size_t chunk : {size_t{0}, size_t{4096}, size_t{1} << 16}) {
    INFO("chunks of " << chunk);
    const Outcome o = Analyse(bytes, uint64_t{1} << 20, chunk);
    CHECK(o.first_error.code() == StatusCode::kLimitExceeded);
    CHECK(o.first_error.id() == "session.memory_limit");
    CHECK(o.first_error.message().find("1 MiB") != std::string::npos);
    CHECK(o.first_error.message().find("Split the export") != std::string::npos);
    CHECK(o.finish.ToString() == o.first_error.ToString());  // Sticky for the session.
    if (chunk != 0)
      CHECK(o.bytes_before < bytes.size() / 2);  // It stops early, not after reading it all.
  }
}

TEST_CASE("no ceiling, or one above what the data needs, reads everything") {
  const std::string bytes = ManyMessages(100000);
  for (uint64_t ceiling : {uint64_t{0}, uint64_t{512} << 20}) {
    const Outcome o = Analyse(bytes, ceiling, 1 << 16);
    CHECK(o.first_error.ok());
    CHECK(o.finish.ok());
  }
}

}  // namespace
