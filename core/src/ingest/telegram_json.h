// Telegram Desktop result.json reader (FORMATS.md section 3). Two shapes: a single-chat export
// ("Export chat history": the root is one chat) and a full-account export (Settings > Export
// Telegram data: the chats of `chats.list[]` and `left_chats.list[]`; personal_information,
// contacts, frequent_contacts, sessions and the rest are skipped unread). Chunks may split
// anywhere; memory is one message (plus the ids of a chat's forum topics).
//
// Rules implemented here:
// - Each chat is a channel whose group is that chat. Kinds: personal_chat, bot_chat,
//   saved_messages, replies -> kDirect; private_group, private_supergroup, public_supergroup ->
//   kChat; private_channel, public_channel -> kAnnouncement. The key is "telegram:" + the chat's
//   peer as tdesktop writes peers ("user1", "chat2", "channel3"), so one chat read from a
//   single-chat export and from a full export is one channel.
// - People are keyed by `from_id` / `actor_id` ("user123", "channel123"). Exports before April
//   2021 wrote bare integer user ids: 123 is keyed "user123". `from: null` with an id is a deleted
//   account keeping its id; a message that names nobody is a deleted account.
// - Host hints: every poster of a broadcast channel (only its admins post there: the channel
//   itself, or an admin signing), and in groups the chat's own peer (anonymous admins post as
//   the group). Telegram exports flag no bots and none are guessed: a `via_bot` message is its
//   sender's own.
// - `type: "service"` messages are system events of their `actor`: invite_members,
//   join_group_by_link, join_group_by_request -> kJoin; remove_members -> kLeave; every other
//   action -> kOther. Service messages naming no actor (payments, bot permissions) and stubs of
//   unsupported media (`type: "unsupported"`, only an id) are skipped and counted (kInfo).
// - Times: `date_unixtime` (UTC seconds, a string). Without it the naive local `date` is read as
//   if it were UTC and counted ("ingest.telegram.naive_date"); an unreadable one is counted
//   ("ingest.telegram.bad_date") and the message has no time.
// - Replies: `reply_to_message_id`, unless `reply_to_peer_id` names another chat than this one
//   (a reply to a message elsewhere is no local reply). Forum topics: a message replying to a
//   topic's `topic_created` service message is posted in that topic, not addressed to the topic's
//   creator: it gets `thread` = that message's id and no reply target. (The General topic has no
//   creation message; its messages are plain messages.)
// - `forwarded_from` (even null: a hidden sender) and `saved_from` make a forward.
// - Text: `text` is a string or an array of strings and entity objects; text_bytes is the size
//   of all of it (of `text_entities` when there is no `text`). Mentions: `mention` entities (name
//   "@username", no key) and `mention_name` entities (key "user" + user_id, the visible name),
//   taken from `text_entities` when present (it lists entities even where `text` is a plain
//   string), else from `text`.
// - Reactions (2024-09+): the sum of `count`; reactors from `recent[]` (the latest few only).
// - A document without a chat holding a `messages` array, or whose first message has neither a
//   tdesktop `type` (message, service, unsupported) nor a `date` / `date_unixtime` (other
//   exports have "messages" too), is kUnsupportedFormat "ingest.telegram.not_telegram".
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeTelegramJsonReader(const ReaderContext& context);
// Yes for an object whose key paths are tdesktop's: a full export (`chats.list`,
// `left_chats.list`, or "about" followed by personal_information, contacts...) or a chat whose
// `messages` carry tdesktop message keys (from_id, actor_id, date_unixtime, text_entities...).
bool SniffTelegramJson(const Head& head);

}  // namespace meshcheck::ingest
