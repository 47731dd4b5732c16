// A Slack workspace export (FORMATS.md section 2) as modern Slack writes it: channels.json (one
// channel, every person a member), users.json (hosts as owner/admins, bots with is_bot), and the
// channel's folder of YYYY-MM-DD.json day files cut at local midnight of the workspace's zone,
// four-space indented with '/' escaped. Messages carry ts, user, text (<@U...> mentions, <url>
// links, &amp; &lt; &gt;), user_profile, blocks, reactions, files, link attachments and edits.
//
// Replies: a Slack channel has no reply link, only threads, so a conversation is a thread: its
// first message is the parent (thread_ts = ts, reply_count, reply_users, latest_reply, from the
// model's plan) and every reply, whatever it answers, is a thread reply (thread_ts of the
// parent, parent_user_id). A reply that answers someone other than the parent's author names
// them (<@U...>) when the model pings them, as people do in Slack threads.
// Joins are channel_join messages; bots post bot_message messages (bot_id, username).
//
// Streaming: one day file is held in memory at a time. A size limit is kept through FileSet:
// a message that would not fit is dropped and the export ends with the files written so far.
#pragma once

#include <string>
#include <vector>

#include "gen/chat_writer.h"
#include "gen/file_set.h"
#include "gen/pretty_json.h"

namespace meshcheck::gen {

class SlackWriter : public ChatWriter {
 public:
  SlackWriter(const ExportInfo& info, FileSet* files);

  // Writes channels.json and users.json.
  void Begin() override;
  bool OnMessage(const ChatMessage& m) override;
  // Writes the last day file.
  void End() override;
  uint64_t messages_written() const override { return written_; }
  std::string PersonKey(uint32_t person) const override { return users_[person].id; }

 private:
  struct User {
    std::string id;       // "U0..." (bots: their user; messages use bot_id).
    std::string bot_id;   // "B0..." for bots.
    std::string profile;  // The user_profile object at a message field's depth.
  };

  void WriteChannels();
  void WriteUsers();
  void WriteMessage(const ChatMessage& m);
  void WriteText(const ChatMessage& m);
  void WriteBlocks(const ChatMessage& m);
  void WriteThread(const ChatMessage& m);
  void WriteFile(const ChatMessage& m);
  void WriteLink(const ChatMessage& m);
  void WriteReactions(const ChatMessage& m);
  void StartDay(const std::string& day);
  void FlushDay();
  std::string DayOf(int64_t utc_ms) const;
  std::string Id(char prefix, uint64_t salt) const;
  std::string Uuid(uint64_t salt) const;

  ExportInfo info_;
  FileSet* files_;
  std::string team_id_, channel_id_;
  std::vector<User> users_;
  std::string day_name_;  // "2024-01-31" of the day file being written, or empty.
  std::string day_;       // Its bytes so far.
  PrettyJson json_;
  std::string text_;
  uint64_t written_ = 0;
};

}  // namespace meshcheck::gen
