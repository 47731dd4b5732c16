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
// kSniffBytes were given). Returns kNeedMore only if !complete. A DiscordChatExporter export is
// known as soon as its first key is; other text is named once 512 bytes (or all) are known, and
// never called JSON unless the JSON tokenizer accepts it so far.
Detection Detect(std::string_view head, std::string_view file_name, bool complete);

// The error for an input Detect could not place: what it looks like and what to export instead.
Status UnsupportedInput(const Detection& detection, std::string_view file_name, int32_t input);

}  // namespace meshcheck::ingest
