// DiscordChatExporter JSON, shaped like DCE's JsonMessageWriter of 2024 (FORMATS.md section 1):
// guild, channel, dateRange, exportedAt, messages[] (id snowflakes matching the timestamps,
// local times with the zone's offset, author objects with roles, attachments, embeds for links,
// stickers, reactions with their users, mentions, reference for replies), then messageCount.
// Pre-2024-11 layout: no inlineEmojis, components or reference.type.
#pragma once

#include <string>
#include <vector>

#include "gen/chat_writer.h"
#include "gen/pretty_json.h"

namespace meshcheck::gen {

class DceWriter : public ChatWriter {
 public:
  DceWriter(const ExportInfo& info, Output* out);

  void Begin() override;
  bool OnMessage(const ChatMessage& m) override;
  void End() override;
  uint64_t messages_written() const override { return written_; }
  std::string PersonKey(uint32_t person) const override {
    return std::to_string(users_[person].id);
  }

 private:
  struct Role {
    uint64_t id;
    std::string_view name;
    std::string_view color;
    int64_t position;
  };
  struct User {
    uint64_t id;
    std::string author;   // Rendered at the depth of a message's author.
    std::string mention;  // At the depth of a mentions[] entry.
    std::string reactor;  // At the depth of a reaction's users[] entry (no roles).
  };

  void RenderUser(const Person& person,
                  uint64_t id,
                  uint32_t depth,
                  bool with_roles,
                  std::string* out) const;
  std::vector<const Role*> RolesOf(const Person& person) const;
  void WriteMessage(const ChatMessage& m);
  void WriteContent(const ChatMessage& m);
  void WriteAttachment(const ChatMessage& m);
  void WriteEmbed(const Link& link);
  void WriteReactions(const ChatMessage& m);
  void WriteMentions(const ChatMessage& m);
  void WriteTime(std::string_view key, int64_t utc_ms, int extra_digits = 0);
  uint64_t Snowflake(int64_t ms, uint64_t low) const;
  // Pseudo-random characters from `alphabet`, fixed by the seed and `salt`.
  std::string Token(uint64_t salt, size_t length, std::string_view alphabet) const;
  std::string Hex(uint64_t salt, size_t length) const;

  ExportInfo info_;
  Output* out_;
  PrettyJson json_;
  uint64_t guild_id_, channel_id_, category_id_;
  std::vector<Role> roles_;
  std::vector<User> users_;
  std::vector<std::string> emoji_urls_;
  std::vector<uint64_t> emoji_ids_;
  std::vector<uint64_t> sticker_ids_;
  std::string scratch_;
  uint64_t written_ = 0;
};

}  // namespace meshcheck::gen
