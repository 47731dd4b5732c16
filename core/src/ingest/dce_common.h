// What the DiscordChatExporter CSV and PlainText readers share (FORMATS.md 1b and "Discord
// pitfalls"): the channel a file belongs to, author tags, bridge relays, mentions in the text,
// dates, and the message all of that makes.
//
// Rules:
// - Channel key, from the file's path: DCE's default name "… [<channel id>].csv" (a
//   " [part N]" suffix dropped) gives the channel id, as the JSON reader keys channels; a
//   numbered partition "<folder>/<N>.csv" gives the folder's path, so partitions 1..N meet on
//   one channel (numbered files without a folder share the key "."); any other name gives the
//   path without its extension. These exports have no reply links: replies_exported = false.
// - Channel kind: these formats drop Discord's channel type, so an announcement channel
//   (GuildNews, a strong audience prior: FORMATS.md 1 and "Broadcast containers") is recognised
//   by what people call it: "announce" in its name, folder path or topic, or a megaphone emoji
//   (U+1F4E2, U+1F4E3) in its name. Counted ("ingest.discord.announcement_by_name").
// - Authors "Name#1234": name "Name"; key the AuthorID (CSV) or the whole tag (PlainText has
//   no ids). "Deleted User#0000" is a deleted account; any other "#0000" is a webhook (a bot).
// - Bridge relays (matterbridge's "[slack] <nick> text", FORMATS.md "Discord pitfalls"): a
//   message whose text starts with "[<protocol>] <nick>" (a protocol matterbridge knows) is the
//   relayed person's: key "<protocol>:<nick>", name the nick; its text is what follows. Counted
//   ("ingest.discord.bridge_relay"). An author once seen relaying is a bot for the rest of the
//   file (its own notices).
// - Mentions: DCE writes a mention as "@name", a name that may be a nickname, hold spaces or
//   belong to someone who never posted, so it cannot be resolved reliably. "@word" counts as a
//   mention only when `word` (case-insensitive; trailing punctuation and "'s" dropped) is the
//   name of exactly one author seen earlier in the same file (a Discord name without its
//   "#1234", or a relayed nick). Everything else is left unresolved.
// - Dates: base::ParseDceDate. Times without a zone are read as UTC and counted once per file
//   ("ingest.discord.local_time"); an unreadable date leaves its message undated, counted
//   ("ingest.discord.bad_date").
// - No message ids: they are left empty, so nothing is deduplicated (the text must never stand
//   in for an id). Reactions: only their count.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/csv_table.h"
#include "ingest/reader.h"

namespace meshcheck::ingest {

struct DceChannelPath {
  std::string key;
  std::string name;
};
DceChannelPath DceChannelFromPath(std::string_view path);

struct BridgeRelay {
  std::string_view protocol;  // As written ("slack").
  std::string_view nick;
  std::string_view text;  // The relayed text after the prefix.
};
// The relay prefix "[<protocol>] <nick> " at the start of `text`, if it has one.
std::optional<BridgeRelay> ParseBridgeRelay(std::string_view text);

// One message as a DCE file gives it; views valid during DceMessages::Emit.
struct DceRecord {
  std::string_view author_id;  // CSV's AuthorID; empty in PlainText.
  std::string_view author;     // "Name#1234", or "name" for new Discord usernames.
  std::string_view date;
  std::string_view content;    // May be cut short (PlainText keeps a bounded prefix)...
  uint64_t content_bytes = 0;  // ...of this many bytes.
  uint32_t reactions = 0;
  Location at;  // Where the record starts.
};

// Turns the records of one file into channel and message events by the rules above.
class DceMessages {
 public:
  explicit DceMessages(const ReaderContext& context) : context_(context) {}

  // Call once, before Emit: declares the file's channel. `name`, `guild` and `topic` come from
  // a PlainText header (may be empty: the path names the channel).
  void DeclareChannel(std::string_view name, std::string_view guild, std::string_view topic);
  void Emit(const DceRecord& record);
  // Call once at the end of the file: the diagnostics that sum it up.
  void Finish();
  uint64_t messages() const { return messages_; }

 private:
  struct Known {
    std::string key, name;
    bool is_bot = false;
    bool ambiguous = false;
  };
  model::PersonRef Author(const DceRecord& record, std::string_view* text);
  void Remember(const model::PersonRef& person);
  void FindMentions(std::string_view text);
  const Known* Lookup(std::string_view word) const;

  ReaderContext context_;
  uint32_t channel_ = 0;
  Utf8Strings strings_;
  std::string relay_key_;
  std::set<std::string, std::less<>> bridges_;    // Keys of authors seen relaying.
  std::unordered_map<std::string, Known> known_;  // Lower-cased name -> author.
  std::vector<model::PersonRef> mentions_;
  uint64_t messages_ = 0, relays_ = 0, naive_ = 0, bad_dates_ = 0;
  bool announcement_ = false;
  Location first_message_, first_relay_, first_bad_date_;
};

}  // namespace meshcheck::ingest
