// Reader: one per export format. A reader turns the bytes of one input into normalized events
// pushed into an EventSink; it knows nothing of the graph or the analysis.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "base/diagnostics.h"
#include "meshcheck/options.h"
#include "meshcheck/status.h"
#include "model/event_sink.h"

namespace meshcheck::ingest {

struct ReaderContext {
  model::EventSink* sink = nullptr;
  base::Diagnostics* diagnostics = nullptr;
  int32_t input = 0;      // Index of the input, for locations.
  std::string_view name;  // File name of the input: a '/' path for zip entries and folders.
  const Options* options = nullptr;  // The session's options; never null.
};

class Reader {
 public:
  virtual ~Reader() = default;
  // Chunks may split anywhere. A non-ok status is an input error: the caller stops pushing.
  virtual Status Push(std::string_view chunk) = 0;
  // Call once at the end of the input. An input that ends early after records were read is a
  // diagnostic (the records are kept), not an error.
  virtual Status End() = 0;
};

// The reader for `format` (never kAuto), or nullptr if meshcheck has none.
std::unique_ptr<Reader> MakeReader(Format format, const ReaderContext& context);

}  // namespace meshcheck::ingest
