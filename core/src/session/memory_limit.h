// The memory ceiling of a session (Options::max_memory_bytes): the Dataset's memory, estimated
// from what it holds, checked as inputs are read.
#pragma once

#include <cstdint>
#include <string>

#include "meshcheck/options.h"
#include "meshcheck/status.h"
#include "model/dataset.h"

namespace meshcheck {

// Bytes the dataset holds: its records and message columns as allocated, plus per message its
// id-index slot (16 bytes, the index at most half full) and per member and channel their interned
// strings and map slots (estimated at 64 and 128 bytes). An estimate: it grows with what was read,
// never with the input's bytes.
inline uint64_t EstimatedMemoryBytes(const model::Dataset& data) {
  return data.messages().capacity() * (sizeof(model::MessageRecord) + 32) + data.ColumnBytes() +
         data.links().capacity() * sizeof(model::PersonLink) +
         data.members().capacity() * (sizeof(model::Member) + 64) +
         data.channels().capacity() * (sizeof(model::Channel) + 128);
}

// Ok, or `session.memory_limit` (kLimitExceeded) once the estimate passes the ceiling (0: none),
// telling the user how to stay under it.
inline Status CheckMemoryLimit(const model::Dataset& data, const Options& options) {
  const uint64_t used = EstimatedMemoryBytes(data);
  if (options.max_memory_bytes == 0 || used <= options.max_memory_bytes)
    return Status::Ok();
  constexpr uint64_t kMiB = uint64_t{1} << 20;
  return Status(StatusCode::kLimitExceeded, "session.memory_limit",
                "The analysis stopped: after " + std::to_string(data.messages().size()) +
                    " messages it needs more than its memory limit of " +
                    std::to_string(options.max_memory_bytes / kMiB) +
                    " MiB. Split the export (fewer channels, or a shorter period) and analyse "
                    "the parts one at a time, or analyse fewer channels.");
}

}  // namespace meshcheck
