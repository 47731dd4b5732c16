// What the reader fuzz targets share: feeding a Reader its chunks, and the diagnostics it left.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "ingest/reader.h"

namespace meshcheck::fuzz {

// Pushes `chunks` to `reader` until one is refused, then ends it if none was; returns the id of
// the error (empty when none), the outcome the split must not change.
inline std::string DriveReader(ingest::Reader* reader,
                               const std::vector<std::string_view>& chunks) {
  Status status;
  for (std::string_view chunk : chunks) {
    if (!(status = reader->Push(chunk)).ok())
      break;
  }
  if (status.ok())
    status = reader->End();
  return status.id();
}

// Id -> count of every diagnostic raised.
inline std::map<std::string, uint64_t> DiagnosticCounts(const base::Diagnostics& diagnostics) {
  std::map<std::string, uint64_t> out;
  for (const auto& [id, entry] : diagnostics.entries())
    out[id] = entry.count;
  return out;
}

}  // namespace meshcheck::fuzz
