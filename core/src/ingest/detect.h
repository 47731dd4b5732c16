// Format sniffing from the first bytes of an input and its file name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "meshcheck/options.h"
#include "meshcheck/status.h"

namespace meshcheck::ingest {

// Detect never needs more than this many leading bytes.
inline constexpr size_t kSniffBytes = 64 * 1024;

struct Detection {
  enum class State { kNeedMore, kKnown, kUnknown };
  State state = State::kNeedMore;
  Format format = Format::kAuto;  // kKnown only.
  std::string looks_like;         // kUnknown only: "a PDF document", "an HTML page", ...
};

// `head` holds the first bytes of the input; `complete` is true when it holds all of it (or
// kSniffBytes were given). Returns kNeedMore only if !complete: a format is known as soon as
// its sniffer (sniff.h) is sure; an input no sniffer claims is named only when complete, and
// never called JSON unless the JSON tokenizer accepts it.
// `whole` is true when `head` is all of the input (not merely all Detect will see): only then
// may a cut-off last line or JSON value count as the input's end.
Detection Detect(std::string_view head, std::string_view file_name, bool complete, bool whole);
inline Detection Detect(std::string_view head, std::string_view file_name, bool complete) {
  return Detect(head, file_name, complete, complete);
}

// The error for an input Detect could not place: what it looks like and what to export instead.
Status UnsupportedInput(const Detection& detection, std::string_view file_name, int32_t input);

}  // namespace meshcheck::ingest
