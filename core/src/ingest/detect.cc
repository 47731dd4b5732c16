#include "ingest/detect.h"

#include <algorithm>
#include <vector>

#include "ingest/json_stream.h"

namespace meshcheck::ingest {
namespace {

// How far text is looked at. A head that starts like a JSON list is named only once this many
// bytes (or all) are known: "[15-01-20 02:22:56] Ann: hi" (WhatsApp on iOS) tokenizes as JSON for
// its first few bytes.
constexpr size_t kTextSniffBytes = 512;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

size_t SkipJsonSpace(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
    ++i;
  return i;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Reads the first key of a JSON object starting at s[i] == '{'. Returns false if more bytes
// are needed or the text is not an object with a plain first key.
bool FirstJsonKey(std::string_view s, size_t i, std::string* key, bool* need_more) {
  *need_more = false;
  i = SkipJsonSpace(s, i + 1);
  if (i >= s.size()) {
    *need_more = true;
    return false;
  }
  if (s[i] != '"')
    return false;
  const size_t end = s.find('"', i + 1);
  if (end == std::string_view::npos) {
    *need_more = true;
    return false;
  }
  key->assign(s.substr(i + 1, end - i - 1));
  return true;
}

// At most 40 bytes of `s`, not cutting a UTF-8 sequence.
std::string Shortened(const std::string& s) {
  size_t n = std::min<size_t>(s.size(), 40);
  while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
    --n;
  return s.substr(0, n);
}

// A SAX handler that accepts everything: only the tokenizer's verdict matters.
struct AcceptAll {
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(int64_t) { return true; }
  bool number_unsigned(uint64_t) { return true; }
  bool number_float(double, std::string_view) { return true; }
  bool string(std::string_view) { return true; }
  bool key(std::string_view) { return true; }
  bool start_object() { return true; }
  bool end_object() { return true; }
  bool start_array() { return true; }
  bool end_array() { return true; }
};

// True if `head` is JSON (or NDJSON) as far as it goes (it may stop anywhere): text that merely
// starts with '[' or '{', like a WhatsApp iOS line "[01/02/2020, 10:00:00] ...", is not.
bool IsJsonSoFar(std::string_view head) {
  AcceptAll handler;
  JsonTokenizer<AcceptAll> tokenizer(&handler, JsonLimits{.multiple_values = true});
  return tokenizer.Push(head);
}

Detection Known(Format f) {
  Detection d;
  d.state = Detection::State::kKnown;
  d.format = f;
  return d;
}

Detection Unknown(std::string looks_like) {
  Detection d;
  d.state = Detection::State::kUnknown;
  d.looks_like = std::move(looks_like);
  return d;
}

Detection SniffBinary(std::string_view head) {
  if (StartsWith(head, "PK\x03\x04") || StartsWith(head, "PK\x05\x06")) {
    return Unknown("a zip archive");
  }
  if (StartsWith(head, "%PDF"))
    return Unknown("a PDF document");
  if (StartsWith(head, "\x89PNG") || StartsWith(head, "\xFF\xD8\xFF") || StartsWith(head, "GIF8")) {
    return Unknown("an image");
  }
  if (StartsWith(head, "\x1F\x8B"))
    return Unknown("a gzip-compressed file");
  if (StartsWith(head, "\xFF\xFE") || StartsWith(head, "\xFE\xFF")) {
    return Unknown("a UTF-16 text file (meshcheck reads UTF-8)");
  }
  if (head.find('\0') != std::string_view::npos)
    return Unknown("a binary file");
  return Detection();
}

// Names text that is not JSON. Waits (if !complete) while the head could still become one of
// the markers it looks for.
Detection SniffText(std::string_view body, bool complete) {
  static constexpr std::string_view kMarkers[] = {"<!doctype html", "<html", "<?xml", "from "};
  const std::string lower = Lower(body.substr(0, kTextSniffBytes));
  for (std::string_view marker : kMarkers) {
    if (!complete && lower.size() < marker.size() && StartsWith(marker, lower))
      return Detection();
  }
  if (StartsWith(body, "From "))
    return Unknown("a mailbox (mbox) file");
  if (StartsWith(lower, "<!doctype html") || StartsWith(lower, "<html") ||
      lower.find("<html") != std::string::npos) {
    return Unknown("an HTML page");
  }
  if (StartsWith(lower, "<?xml"))
    return Unknown("an XML document");
  return Unknown("a plain-text file");
}

}  // namespace

Detection Detect(std::string_view head, std::string_view file_name, bool complete) {
  (void)file_name;
  if (head.empty()) {
    return complete ? Unknown("an empty file") : Detection();
  }
  if (head.size() < 4 && !complete)
    return Detection();
  Detection binary = SniffBinary(head);
  if (binary.state != Detection::State::kNeedMore)
    return binary;

  std::string_view text = head;
  if (StartsWith(text, "\xEF\xBB\xBF"))
    text.remove_prefix(3);
  const size_t i = SkipJsonSpace(text, 0);
  if (i >= text.size()) {
    return complete ? Unknown("an empty file (only blank space)") : Detection();
  }
  const std::string_view body = text.substr(i);
  if (body[0] == '{') {
    std::string key;
    bool need_more = false;
    const bool has_key = FirstJsonKey(body, 0, &key, &need_more);
    // Even a damaged DCE export is one: its reader says where the damage is.
    if (has_key && key == "guild")
      return Known(Format::kDiscordJson);
    if (need_more && !complete)
      return Detection();
    if (IsJsonSoFar(body)) {
      return Unknown(has_key ? "a JSON document whose first field is \"" + Shortened(key) + "\""
                             : "a JSON document");
    }
  } else if (body[0] == '[' && IsJsonSoFar(body)) {
    if (!complete && body.size() < kTextSniffBytes)
      return Detection();
    return Unknown("a JSON list");
  }
  return SniffText(body, complete);
}

Status UnsupportedInput(const Detection& detection, std::string_view file_name, int32_t input) {
  std::string supported;
  const std::vector<Format> formats = SupportedFormats();
  for (size_t k = 0; k < formats.size(); ++k) {
    if (k > 0)
      supported += ", ";
    supported += FormatName(formats[k]);
  }
  return Status(StatusCode::kUnsupportedFormat, "ingest.unsupported_format",
                std::string(file_name) + " is " + detection.looks_like +
                    ", not an export meshcheck reads. Supported: " + supported +
                    " (for Discord, export the channel with DiscordChatExporter as JSON).",
                Location{input, 0, 0});
}

}  // namespace meshcheck::ingest
