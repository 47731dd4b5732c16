// What format sniffers look at: the first bytes of an input, its file name, and (for JSON) the
// keys those bytes hold. Each reader exports `bool Sniff<Format>(const Head&)`; detect.cc asks
// them in a fixed order. A sniffer says yes only when what it sees is enough to be sure; it is
// asked again with more bytes, and finally with `complete` (all of the input, or kSniffBytes).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace meshcheck::ingest {

struct Head {
  std::string_view text;       // Leading bytes, UTF-8 BOM removed.
  std::string_view file_name;  // As given: a path with '/' (zip entries, folders) or a name.
  std::string_view base_name;  // Last path component of file_name.
  std::string_view folder;     // The path component before base_name; empty if none.
  bool complete = false;       // `text` is all Detect will ever see: decide now.
  bool whole = false;          // `text` is all of the input (implies complete).

  // JSON view of `text`, valid when `json` (the bytes tokenize as JSON or NDJSON so far).
  bool json = false;
  char json_top = 0;  // '{' or '[' for the first top-level value.
  // Keys seen so far, as paths: "guild", "channel.type"; inside arrays "[]" stands for any
  // element: "[].ts" (Slack day file), "messages.[].sender_name". Top-level values of NDJSON
  // share one namespace. At most a few hundred paths, at most four levels deep.
  std::vector<std::string> keys;
  int json_values = 0;  // Top-level values completed so far (NDJSON has several).

  bool HasKey(std::string_view path) const;
  // The first top-level key, or empty.
  std::string_view FirstKey() const;
  // The first `max_lines` lines of `text` (without '\r' / '\n'); a last line is included only
  // if it is terminated or `whole`.
  std::vector<std::string_view> Lines(size_t max_lines) const;
};

}  // namespace meshcheck::ingest
