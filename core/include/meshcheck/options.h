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
  std::string name;  // File name as the user sees it (used for sniffing and the report).
  // Total bytes if known, else 0: for progress, for the room reserved for the input's records,
  // and as the bytes of an input that fails (the report's inputs[].bytes).
  uint64_t size_hint = 0;
  Format format = Format::kAuto;
};

struct Options {
  // People the user declares as host(s): matched against member ids, user names and display
  // names, case-insensitively. Empty: meshcheck finds the host from the export and the data.
  std::vector<std::string> hosts;
  // Analyse only these channels or groups: matched against channel and group ids and names,
  // case-insensitively ("#general", "r/rstats", a Telegram chat's name). Empty: everything read.
  // Naming nothing that exists ends Finish with "session.group_not_found".
  std::vector<std::string> groups;
  // Member names in the report are replaced by stable pseudonyms ("member-3f9a") unless false.
  bool pseudonymize = true;
  // Accounts the export does not mark as bots but whose names or reflexes are a bot's count as
  // bots (model/bot_detection.h), unless false; a diagnostic says how many.
  bool detect_bots = true;
  // Reddit: one group per thread (link_id) instead of one per subreddit.
  bool group_by_thread = false;
  // Generic CSV: header names for meshcheck's columns, "field=Header,field=Header" (fields: id,
  // timestamp, author, reply_to, thread, channel, kind). Empty: the documented header names.
  std::string csv_columns;
  // Memory ceiling in bytes for what the session holds (0 = none). Passing it ends the session
  // with "session.memory_limit", telling the user to split the export.
  uint64_t max_memory_bytes = 0;
};

}  // namespace meshcheck
