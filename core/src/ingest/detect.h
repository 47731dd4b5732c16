// Format sniffing from the first bytes of an input and its file name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/limits.h"
#include "meshcheck/options.h"
#include "meshcheck/status.h"

namespace meshcheck::ingest {

// Detect never needs more than kSniffBytes (ingest/limits.h) leading bytes.

struct Detection {
  enum class State { kNeedMore, kKnown, kUnknown };
  State state = State::kNeedMore;
  Format format = Format::kAuto;  // kKnown only.
  // kUnknown only: what the input looks like ("a PDF document", "an HTML page", ...), the
  // Status id saying so ("ingest.pdf", "ingest.html", ...; see UnsupportedInput) and a sentence
  // telling the user what to give meshcheck instead (may be empty).
  std::string looks_like;
  std::string id = "ingest.unsupported_format";
  std::string advice;
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
// Code kUnsupportedFormat; id by what it looks like: ingest.empty, ingest.pdf, ingest.html,
// ingest.xml, ingest.image, ingest.compressed, ingest.utf16, ingest.binary,
// ingest.unknown_json_shape, or ingest.unsupported_format (text no reader claims).
Status UnsupportedInput(const Detection& detection, std::string_view file_name, int32_t input);

// True if `status` says the input is not an export (an UnsupportedInput error), as opposed to a
// readable export that failed.
bool IsNotAnExport(const Status& status);

}  // namespace meshcheck::ingest
