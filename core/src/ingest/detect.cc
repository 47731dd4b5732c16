#include "ingest/detect.h"

#include <vector>

namespace meshcheck::ingest {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

size_t SkipJsonSpace(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i;
  return i;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
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
  if (s[i] != '"') return false;
  const size_t end = s.find('"', i + 1);
  if (end == std::string_view::npos) {
    *need_more = true;
    return false;
  }
  key->assign(s.substr(i + 1, end - i - 1));
  return true;
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
  if (StartsWith(head, "%PDF")) return Unknown("a PDF document");
  if (StartsWith(head, "\x89PNG") || StartsWith(head, "\xFF\xD8\xFF") ||
      StartsWith(head, "GIF8")) {
    return Unknown("an image");
  }
  if (StartsWith(head, "\x1F\x8B")) return Unknown("a gzip-compressed file");
  if (head.find('\0') != std::string_view::npos) return Unknown("a binary file");
  return Detection();
}

}  // namespace

Detection Detect(std::string_view head, std::string_view file_name, bool complete) {
  (void)file_name;
  if (head.empty()) {
    return complete ? Unknown("an empty file") : Detection();
  }
  if (head.size() < 4 && !complete) return Detection();
  Detection binary = SniffBinary(head);
  if (binary.state != Detection::State::kNeedMore) return binary;

  std::string_view text = head;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const size_t i = SkipJsonSpace(text, 0);
  if (i >= text.size()) {
    return complete ? Unknown("an empty file (only blank space)") : Detection();
  }
  if (text[i] == '{') {
    std::string key;
    bool need_more = false;
    if (FirstJsonKey(text, i, &key, &need_more)) {
      if (key == "guild") return Known(Format::kDiscordJson);
      return Unknown("a JSON document whose first field is \"" + key.substr(0, 40) + "\"");
    }
    if (need_more && !complete) return Detection();
    return Unknown("a JSON document");
  }
  if (text[i] == '[') return Unknown("a JSON list");
  const std::string lower = Lower(text.substr(i, 512));
  if (StartsWith(lower, "<!doctype html") || StartsWith(lower, "<html") ||
      lower.find("<html") != std::string::npos) {
    return Unknown("an HTML page");
  }
  if (StartsWith(lower, "<?xml")) return Unknown("an XML document");
  return Unknown("a plain-text file");
}

Status UnsupportedInput(const Detection& detection, std::string_view file_name, int32_t input) {
  std::string supported;
  const std::vector<Format> formats = SupportedFormats();
  for (size_t k = 0; k < formats.size(); ++k) {
    if (k > 0) supported += ", ";
    supported += FormatName(formats[k]);
  }
  return Status(StatusCode::kUnsupportedFormat, "ingest.unsupported_format",
                std::string(file_name) + " is " + detection.looks_like +
                    ", not an export meshcheck reads. Supported: " + supported +
                    " (for Discord, export the channel with DiscordChatExporter as JSON).",
                Location{input, 0, 0});
}

}  // namespace meshcheck::ingest
