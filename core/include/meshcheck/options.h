// Options of an analysis and the description of one input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshcheck {

// Export formats. The names returned by FormatName are the CLI's `--format` values and the
// report's `inputs[].format`; both are stable.
enum class Format : uint8_t {
  kAuto = 0,       // Sniffed from the first bytes and the file name.
  kZip,            // A zip archive: each entry is sniffed and read as an input of its own.
  kDiscordJson,    // DiscordChatExporter JSON.
  kDiscordCsv,     // DiscordChatExporter CSV (old ';' and current ',' variants).
  kDiscordText,    // DiscordChatExporter PlainText.
  kSlack,          // Slack workspace export: users.json, channels.json, <channel>/<day>.json.
  kTelegramJson,   // Telegram Desktop result.json (one chat or a full-account export).
  kWhatsAppText,   // WhatsApp "Export chat" text (Android and iOS layouts).
  kMessengerJson,  // Facebook Messenger / Instagram "Download your information" JSON.
  kRedditNdjson,   // Reddit Pushshift / Arctic Shift NDJSON comments and submissions.
  kMbox,           // Mailing list mbox or Pipermail text archive.
  kDiscourseJson,  // Discourse topic JSON (/t/{id}.json).
  kYouTubeJson,    // YouTube Data API commentThreads JSON.
  kYouTubeCsv,     // Google Takeout YouTube comments CSV.
  kGenericCsv,     // meshcheck's documented generic CSV (docs/generic-csv.md).
};

const char* FormatName(Format format);  // "auto", "discord-json", ...
std::optional<Format> ParseFormatName(std::string_view name);
// Every format meshcheck reads, in a stable order (kAuto excluded).
std::vector<Format> SupportedFormats();

struct InputInfo {
  std::string name;        // File name as the user sees it (used for sniffing and the report).
  uint64_t size_hint = 0;  // Total bytes if known, else 0 (used for progress only).
  Format format = Format::kAuto;
};

struct Options {
  // People the user declares as host(s): matched against member ids, user names and display
  // names, case-insensitively. Empty: meshcheck finds the host from the export and the data.
  std::vector<std::string> hosts;
  // Member names in the report are replaced by stable pseudonyms ("member-3f9a") unless false.
  bool pseudonymize = true;
  // Reddit: one group per thread (link_id) instead of one per subreddit.
  bool group_by_thread = false;
  // Generic CSV: header names for meshcheck's columns, "field=Header,field=Header" (fields: id,
  // timestamp, author, reply_to, thread, channel, kind). Empty: the documented header names.
  std::string csv_columns;
};

}  // namespace meshcheck
