// The normalized events every reader produces: the seam between formats and analysis. Readers
// know nothing of the graph; the graph knows nothing of formats.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace meshcheck::model {

enum class ChannelKind : uint8_t {
  kUnknown,
  kChat,          // A text channel or group chat where members post.
  kAnnouncement,  // Host-only broadcast (Discord GuildNews, Telegram channel).
  kThread,        // A thread or forum post living in its own channel (Discord threads).
  kForum,         // A forum channel whose posts are threads.
  kDirect,        // One-to-one conversation.
  kGroupDirect,   // Small private group conversation (Discord group DM).
  kVoice,         // Text chat of a voice or stage channel.
};

// A person as a reader sees them. Views are valid only during the sink call.
struct PersonRef {
  std::string_view key;       // Stable platform id; empty = derive from the name.
  std::string_view name;      // Display name as people see it (may be empty).
  bool is_bot = false;        // Bot, webhook, integration or relay.
  bool is_deleted = false;    // A deleted account placeholder: never merged with another.
  bool is_host_hint = false;  // The export marks this person as owner, admin or staff.
};

struct ChannelInfo {
  std::string_view key;  // Stable id of the channel across inputs (partitions share it).
  std::string_view name;
  std::string_view group_key;  // Server, workspace or chat that holds the channel.
  std::string_view group_name;
  std::string_view parent_key;  // Threads: the channel the thread hangs off; else empty.
  ChannelKind kind = ChannelKind::kUnknown;
  // False where the export has no reply links at all (WhatsApp, Messenger, DCE CSV and
  // PlainText): the graph then infers replies from turn-taking (ANALYSIS.md B.6) and marks them.
  bool replies_exported = true;
};

enum class MessageKind : uint8_t {
  kMessage,  // Something a person (or bot) wrote.
  kSystem,   // Joins, pins, renames, calls...: kept for the roster, never counted as speech.
};

enum class SystemAction : uint8_t { kNone, kJoin, kLeave, kOther };

struct Message {
  uint32_t channel = 0;  // Handle returned by EventSink::OnChannel.
  MessageKind kind = MessageKind::kMessage;
  SystemAction action = SystemAction::kNone;
  std::string_view id;  // Platform message id, unique within the channel; empty = none.
  PersonRef author;
  int64_t time_ms = 0;  // UTC milliseconds since the epoch.
  bool has_time = false;
  std::string_view reply_to;  // Explicit reply target: a message id in the same channel.
  std::string_view thread;    // Id of the thread root message in the same channel, if any.
  bool is_forward = false;    // Forwarded or crossposted: not the author's own speech act.
  uint32_t text_bytes = 0;    // Size of the text (the text itself never leaves the reader).
  std::span<const PersonRef> mentions;
  uint32_t reaction_count = 0;          // All reactions, including those whose users are unknown.
  std::span<const PersonRef> reactors;  // Who reacted, where the export says (may be partial).
};

}  // namespace meshcheck::model
