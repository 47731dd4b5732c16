#include <catch2/catch.hpp>

#include "base/diagnostics.h"
#include "meshcheck/status.h"

using meshcheck::Location;
using meshcheck::Status;
using meshcheck::StatusCode;
using meshcheck::StatusCodeName;
using meshcheck::base::Diagnostics;
using meshcheck::base::Severity;

TEST_CASE("Status::ToString names the id, the place and the message") {
  CHECK(Status::Ok().ToString() == "ok");
  CHECK(Status().ok());
  const Status s(StatusCode::kParseError, "ingest.x.bad", "Broken.", Location{0, 10231, 311});
  CHECK_FALSE(s.ok());
  CHECK(s.ToString() == "ingest.x.bad at input 0, byte 10231, line 311: Broken.");
  const Status no_line(StatusCode::kParseError, "a.b", "M.", Location{2, 7, 0});
  CHECK(no_line.ToString() == "a.b at input 2, byte 7: M.");
  const Status nowhere(StatusCode::kInvalidArgument, "api.misuse", "Call order.");
  CHECK(nowhere.ToString() == "api.misuse: Call order.");
}

TEST_CASE("Status::At relocates and keeps a known input") {
  const Status s(StatusCode::kLimitExceeded, "id", "m", Location{3, 1, 1});
  const Status moved = s.At(Location{-1, 50, 4});
  CHECK(moved.location().input == 3);
  CHECK(moved.location().byte == 50);
  CHECK(moved.location().line == 4);
  CHECK(moved.code() == StatusCode::kLimitExceeded);
  CHECK(moved.id() == "id");
  CHECK(moved.message() == "m");
  const Status other = s.At(Location{5, 0, 0});
  CHECK(other.location().input == 5);
  CHECK(s.location().byte == 1);  // The original is unchanged.
}

TEST_CASE("StatusCodeName is stable") {
  CHECK(std::string(StatusCodeName(StatusCode::kOk)) == "ok");
  CHECK(std::string(StatusCodeName(StatusCode::kInvalidArgument)) == "invalid_argument");
  CHECK(std::string(StatusCodeName(StatusCode::kUnsupportedFormat)) == "unsupported_format");
  CHECK(std::string(StatusCodeName(StatusCode::kParseError)) == "parse_error");
  CHECK(std::string(StatusCodeName(StatusCode::kLimitExceeded)) == "limit_exceeded");
  CHECK(std::string(StatusCodeName(StatusCode::kCancelled)) == "cancelled");
  CHECK(std::string(StatusCodeName(StatusCode::kInternal)) == "internal");
}

TEST_CASE("Diagnostics count per id and keep the first report") {
  Diagnostics d;
  CHECK(d.Count("x") == 0);
  d.Add("z.last", Severity::kInfo, "Z.", Location{0, 1, 1});
  d.Add("a.first", Severity::kWarning, "First message.", Location{1, 100, 5});
  d.Add("a.first", Severity::kInfo, "Second message.", Location{1, 900, 9});
  d.Add("a.first", Severity::kInfo, "Third.", Location{2, 5, 1}, 40);
  CHECK(d.Count("a.first") == 42);
  CHECK(d.Count("z.last") == 1);
  REQUIRE(d.entries().size() == 2);
  const auto& first = d.entries().begin()->second;
  CHECK(d.entries().begin()->first == "a.first");  // Sorted by id.
  CHECK(first.message == "First message.");
  CHECK(first.severity == Severity::kWarning);
  CHECK(first.first.input == 1);
  CHECK(first.first.byte == 100);
  CHECK(first.first.line == 5);
}
