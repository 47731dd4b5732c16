// Status: the result of every fallible call of the public API. No exception ever crosses the
// API (nor the wasm boundary); errors travel as values.
#pragma once

#include <cstdint>
#include <string>

namespace meshcheck {

// Error classes. The numeric values are part of the CLI and wasm contract: never renumber,
// only append.
enum class StatusCode : uint8_t {
  kOk = 0,
  kInvalidArgument = 1,    // API misuse: Push before BeginInput, Finish twice, a bad option.
  kUnsupportedFormat = 2,  // The bytes are not an export meshcheck reads.
  kParseError = 3,         // The export is damaged where no record can be skipped.
  kLimitExceeded = 4,      // A safety limit (nesting, record size, memory) was hit.
  kCancelled = 5,
  kInternal = 6,
};

// Where an error was found. Byte offsets and lines are counted within one input.
struct Location {
  int32_t input = -1;  // Index of the input in BeginInput order; -1 = not tied to an input.
  uint64_t byte = 0;   // Byte offset within the input.
  uint64_t line = 0;   // 1-based line number; 0 = unknown.
};

class Status {
 public:
  Status() = default;  // OK.
  // `id` is a stable dotted identifier ("ingest.discord.bad_json"); `message` is a plain-language
  // sentence for users.
  Status(StatusCode code, std::string id, std::string message, Location where = {});

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& id() const { return id_; }
  const std::string& message() const { return message_; }
  const Location& location() const { return where_; }

  // Returns a copy located at `where` (keeps an already known input index if `where` has none).
  Status At(const Location& where) const;

  // "ingest.whatsapp.bad_header at input 0, byte 10231, line 311: <message>", or "ok".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string id_;
  std::string message_;
  Location where_;
};

// Stable lower-case name of a code ("ok", "unsupported_format", ...).
const char* StatusCodeName(StatusCode code);

}  // namespace meshcheck
