#include "ingest/detect.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <vector>

#include "base/printable.h"
#include "base/strings.h"
#include "ingest/discord_csv.h"
#include "ingest/discord_json.h"
#include "ingest/discord_text.h"
#include "ingest/discourse_json.h"
#include "ingest/generic_csv.h"
#include "ingest/json_stream.h"
#include "ingest/mbox.h"
#include "ingest/messenger_json.h"
#include "ingest/reddit_ndjson.h"
#include "ingest/slack.h"
#include "ingest/telegram_json.h"
#include "ingest/whatsapp_text.h"
#include "ingest/youtube.h"

namespace meshcheck::ingest {
namespace {

using base::StartsWith;

// The ids of UnsupportedInput errors (LooksLike).
constexpr std::string_view kNotAnExportIds[] = {"ingest.unsupported_format",
                                                "ingest.empty",
                                                "ingest.pdf",
                                                "ingest.html",
                                                "ingest.xml",
                                                "ingest.image",
                                                "ingest.compressed",
                                                "ingest.utf16",
                                                "ingest.binary",
                                                "ingest.unknown_json_shape"};

size_t SkipJsonSpace(std::string_view s, size_t i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t'))
    ++i;
  return i;
}

// Collects key paths ("a.b", "[].c") into a Head while the tokenizer checks the grammar.
class KeyCollector {
 public:
  explicit KeyCollector(Head* head) : head_(head) {}

  bool null() { return Value(); }
  bool boolean(bool) { return Value(); }
  bool number_integer(int64_t) { return Value(); }
  bool number_unsigned(uint64_t) { return Value(); }
  bool number_float(double, std::string_view) { return Value(); }
  bool string(std::string_view) { return Value(); }
  bool key(std::string_view k) {
    pending_key_.assign(k);
    if (path_.size() < kSniffMaxKeyDepth && head_->keys.size() < kSniffMaxKeyPaths) {
      std::string path = Prefix();
      path += pending_key_;
      if (std::find(head_->keys.begin(), head_->keys.end(), path) == head_->keys.end())
        head_->keys.push_back(std::move(path));
    }
    return true;
  }
  bool start_object() { return Open('{'); }
  bool start_array() { return Open('['); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

 private:
  std::string Prefix() const {
    std::string p;
    for (const std::string& part : path_) {
      if (!part.empty()) {
        p += part;
        p += '.';
      }
    }
    return p;
  }
  bool Open(char kind) {
    if (path_.empty() && open_.empty() && head_->json_top == 0)
      head_->json_top = kind;
    // The path part this container adds: its key in an object, "[]" in an array, none at top.
    std::string part;
    if (!open_.empty())
      part = open_.back() == '[' ? "[]" : pending_key_;
    open_.push_back(kind);
    path_.push_back(std::move(part));
    return true;
  }
  bool Close() {
    open_.pop_back();
    path_.pop_back();
    if (open_.empty())
      ++head_->json_values;
    return true;
  }
  bool Value() {
    if (open_.empty())
      ++head_->json_values;
    return true;
  }

  Head* head_;
  std::vector<char> open_;
  std::vector<std::string> path_;
  std::string pending_key_;
};

// Fills head->json, json_top, keys and json_values from head->text.
void ReadJsonView(Head* head) {
  const size_t i = SkipJsonSpace(head->text, 0);
  if (i >= head->text.size() || (head->text[i] != '{' && head->text[i] != '['))
    return;
  KeyCollector collector(head);
  JsonTokenizer<KeyCollector> tokenizer(&collector, JsonLimits{.multiple_values = true});
  head->json = tokenizer.Push(head->text) && (!head->whole || tokenizer.Finish());
}

Detection Known(Format f) {
  Detection d;
  d.state = Detection::State::kKnown;
  d.format = f;
  return d;
}

Detection Unknown(std::string looks_like,
                  std::string id = "ingest.unsupported_format",
                  std::string advice = {}) {
  Detection d;
  d.state = Detection::State::kUnknown;
  d.looks_like = std::move(looks_like);
  d.id = std::move(id);
  d.advice = std::move(advice);
  return d;
}

bool SniffZip(const Head& head) {
  return StartsWith(head.text, "PK\x03\x04") || StartsWith(head.text, "PK\x05\x06");
}

// In order: specific before general (generic CSV last).
struct Sniffer {
  Format format;
  bool (*matches)(const Head&);
};
constexpr Sniffer kSniffers[] = {
    {Format::kZip, SniffZip},
    {Format::kDiscordJson, SniffDiscordJson},
    {Format::kSlack, SniffSlack},
    {Format::kTelegramJson, SniffTelegramJson},
    {Format::kMessengerJson, SniffMessengerJson},
    {Format::kDiscourseJson, SniffDiscourseJson},
    {Format::kYouTubeJson, SniffYouTubeJson},
    {Format::kRedditNdjson, SniffRedditNdjson},
    {Format::kDiscordCsv, SniffDiscordCsv},
    {Format::kDiscordText, SniffDiscordText},
    {Format::kWhatsAppText, SniffWhatsAppText},
    {Format::kMbox, SniffMbox},
    {Format::kYouTubeCsv, SniffYouTubeCsv},
    {Format::kGenericCsv, SniffGenericCsv},
};

// What an input no reader claimed looks like, for the error message.
Detection LooksLike(const Head& head) {
  const std::string_view t = head.text;
  if (StartsWith(t, "%PDF")) {
    return Unknown("a PDF document", "ingest.pdf",
                   "A PDF is a printed view of a chat: export the chat's data (JSON, CSV or "
                   "text) instead.");
  }
  if (StartsWith(t, "\x89PNG") || StartsWith(t, "\xFF\xD8\xFF") || StartsWith(t, "GIF8")) {
    return Unknown("an image", "ingest.image",
                   "Give meshcheck the export's message files, not its media.");
  }
  if (StartsWith(t, "\x1F\x8B")) {
    return Unknown("a gzip-compressed file", "ingest.compressed",
                   "Decompress it first (gunzip) and give meshcheck the file inside.");
  }
  if (StartsWith(t, "\xFF\xFE") || StartsWith(t, "\xFE\xFF")) {
    return Unknown("a UTF-16 text file (meshcheck reads UTF-8)", "ingest.utf16",
                   "Save it again as UTF-8.");
  }
  if (t.find('\0') != std::string_view::npos) {
    return Unknown("a binary file", "ingest.binary",
                   "It is not text: give meshcheck the export's JSON, CSV or text files.");
  }
  constexpr char kEmptyAdvice[] =
      "It holds no messages: export again and check that the file was saved completely.";
  const size_t i = SkipJsonSpace(t, 0);
  if (i >= t.size())
    return Unknown("an empty file (only blank space)", "ingest.empty", kEmptyAdvice);
  constexpr char kJsonAdvice[] =
      "It is JSON, but not shaped like any export meshcheck knows: give it the export itself "
      "(a Slack export as its zip or folder), or convert the data to the generic CSV "
      "(docs/generic-csv.md).";
  if (head.json && head.json_top == '{') {
    const std::string_view first = head.FirstKey();
    return Unknown(first.empty() ? "a JSON document"
                                 : "a JSON document whose first field is \"" +
                                       base::Printable(first, 40) + "\"",
                   "ingest.unknown_json_shape", kJsonAdvice);
  }
  if (head.json)
    return Unknown("a JSON list", "ingest.unknown_json_shape", kJsonAdvice);
  const std::string lower = base::AsciiLowered(t.substr(i, 512));
  if (StartsWith(lower, "<!doctype html") || lower.find("<html") != std::string::npos) {
    return Unknown("an HTML page", "ingest.html",
                   "meshcheck reads data exports, not web pages: export as JSON instead "
                   "(DiscordChatExporter: JSON format; Telegram Desktop: machine-readable JSON; "
                   "Facebook and Instagram: JSON format).");
  }
  if (StartsWith(lower, "<?xml")) {
    return Unknown("an XML document", "ingest.xml", "Export the data as JSON or CSV instead.");
  }
  return Unknown("a plain-text file", "ingest.unsupported_format",
                 "If it is a chat log of another platform, convert it to the generic CSV "
                 "(docs/generic-csv.md).");
}

}  // namespace

bool Head::HasKey(std::string_view path) const {
  return std::find(keys.begin(), keys.end(), path) != keys.end();
}

std::string_view Head::FirstKey() const {
  for (const std::string& k : keys) {
    if (k.find('.') == std::string::npos && !StartsWith(k, "[]"))
      return k;
  }
  return {};
}

std::vector<std::string_view> Head::Lines(size_t max_lines) const {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (out.size() < max_lines && start < text.size()) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos && !whole)
      break;
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    out.push_back(line);
    start = end + 1;
  }
  return out;
}

Detection Detect(std::string_view head_bytes,
                 std::string_view file_name,
                 bool complete,
                 bool whole) {
  if (head_bytes.empty()) {
    return complete ? Unknown("an empty file", "ingest.empty",
                              "It holds no data: export again and check that the file was "
                              "saved completely.")
                    : Detection();
  }
  Head head;
  head.text = head_bytes;
  if (StartsWith(head.text, "\xEF\xBB\xBF"))
    head.text.remove_prefix(3);
  head.file_name = file_name;
  const size_t slash = file_name.rfind('/');
  head.base_name = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  if (slash != std::string_view::npos && slash > 0) {
    const std::string_view dir = file_name.substr(0, slash);
    const size_t prev = dir.rfind('/');
    head.folder = prev == std::string_view::npos ? dir : dir.substr(prev + 1);
  }
  head.complete = complete;
  head.whole = whole;
  ReadJsonView(&head);
  for (const Sniffer& s : kSniffers) {
    if (s.matches(head))
      return Known(s.format);
  }
  return complete ? LooksLike(head) : Detection();
}

Status UnsupportedInput(const Detection& detection, std::string_view file_name, int32_t input) {
  std::string supported;
  const std::vector<Format> formats = SupportedFormats();
  for (size_t k = 0; k < formats.size(); ++k) {
    if (k > 0)
      supported += ", ";
    supported += FormatName(formats[k]);
  }
  std::string advice = detection.advice;
  if (!advice.empty())
    advice += ' ';
  return Status(StatusCode::kUnsupportedFormat, detection.id,
                base::Printable(file_name, 300) + " is " + detection.looks_like +
                    ", not an export meshcheck reads. " + advice + "Supported: " + supported +
                    " (see the README for how to export each platform).",
                Location{input, 0, 0});
}

bool IsNotAnExport(const Status& status) {
  return status.code() == StatusCode::kUnsupportedFormat &&
         std::find(std::begin(kNotAnExportIds), std::end(kNotAnExportIds), status.id()) !=
             std::end(kNotAnExportIds);
}

}  // namespace meshcheck::ingest
