// Slack workspace export reader (FORMATS.md section 2). An export is many files, each read as its
// own input and named by its '/' path ("export/general/2016-01-01.json"). Files come in any order
// (day files before users.json), so each file is read on its own, with no state shared between
// files; the Dataset joins them by key:
// - people by Slack user id (PersonRef.key "U123"), names from users.json and, in newer exports,
//   from each message's `user_profile`;
// - channels by name, which is also the folder of their day files (ChannelInfo.key "general");
//   a channel without a name (dms.json) by its id, which is then its folder's name.
//
// What each file gives, by its base name:
// - users.json: one EventSink::OnMember per user. Name: profile.display_name, else real_name,
//   else profile.real_name, else name. is_bot: `is_bot`, `is_app_user`, or Slackbot
//   ("USLACKBOT", which Slack does not flag). is_host_hint: is_owner, is_primary_owner or
//   is_admin (workspace staff). Deleted users (`deleted: true`) are listed like the others and
//   are not PersonRef::is_deleted: a deleted Slack account keeps its own id and its messages, so
//   it is one former member, not the shared placeholder is_deleted stands for.
// - channels.json and groups.json (private channels): channels of kind kChat; mpims.json:
//   kGroupDirect; dms.json: kDirect. One OnChannel per entry, then one OnMember (key only) per id
//   in `members` (the current membership). Not mapped, as the model has no place for them:
//   `created` (the channel's birth is not a message), `creator` (any member may create a channel
//   in Slack, so it is not a host hint; the workspace owner and admin flags of users.json are),
//   `is_general` (the default channel every member joins; its `members` are read like any
//   other), `topic`, `purpose`, `pins`, `is_archived`.
// - <folder>/YYYY-MM-DD.json, a day file: the channel named <folder> (kind kUnknown until
//   channels.json says), then one OnMessage per element of the array. A day file without a
//   folder is read as a channel named by its path (diagnostic ingest.slack.no_folder).
// - integration_logs.json, canvases.json, lists.json, huddle_transcripts.json,
//   file_conversations.json: no messages; ignored.
// - Any other file (canvas_in_the_conversation.json in a channel folder, a stray file): skipped
//   and counted (ingest.slack.skipped_file, info), never an error. So is a users, channel or day
//   file whose top-level value is not an array (ingest.slack.not_a_list).
//
// Messages (elements of a day file; nested objects such as a thread_broadcast's `root`,
// `attachments`, `files` or `replies` are never read as messages):
// - `ts` ("1455551220.000002", seconds and microseconds) is the message id within the channel,
//   kept as written, and its time, truncated to ms. A missing or unreadable ts leaves the
//   message undated and without id (ingest.slack.bad_ts).
// - Threads: `thread_ts` is the thread. A thread reply (thread_ts differs from ts,
//   `thread_broadcast` included) replies (reply_to) to the person it names, as B.6 reads chat:
//   the latest earlier message, in this day file's thread, of the first person it mentions
//   other than its author; else to the thread's root (thread_ts), whose author the Dataset
//   links it to. So a host answering members inside its own thread answers them, not itself.
//   Messages of the same thread in other day files are not known here (files share no state):
//   a reply naming only such people replies to the root. System messages have no reply_to.
//   This is meshcheck's reading of ANALYSIS.md C.7 fix 1 for Slack: `thread_ts` names the
//   message the thread hangs under (Slack's "reply in thread" is an action on that message), so
//   it is the explicit target fix 1 asks for, unlike a Discourse post whose
//   `reply_to_post_number` is null (it answers the topic). The other reading (an unnamed thread
//   reply answers nobody) was measured: a host's answer in a member's thread then answers no
//   one, so the support desk (D's A4, HRR .72-.80) read HRR .04-.08 and "broadcast audience",
//   and rcwg's #general and #core-dev-help (COM in corpus/SOURCES.md) read as broadcasts too.
// - Author: `user`, named by `user_profile` (or `bot_profile.name` for bots). Bots: a message
//   with `bot_id` (unless it is a system message such as bot_add, whose `user` is the person who
//   added the bot) or from Slackbot. A `bot_message` with a `username` is a bot or relay posting
//   under that name (bridges use the human's real name): it is keyed "<bot_id>/<username>", a
//   bot, never merged with the person of that name. A message without `user` is authored by its
//   bot (`bot_id`, `username`) or, for old `file_comment`s, by `comment.user`; with none of these
//   it is a deleted-account placeholder (ingest.slack.no_author).
// - `tombstone` (a deleted thread parent kept for its replies): written by a deleted-account
//   placeholder when Slack put Slackbot (or nobody) in `user`, else by its `user`; it stays a
//   message so that its replies keep their thread.
// - System messages (kSystem): channel_join / group_join (kJoin), channel_leave / group_leave
//   (kLeave), every other channel_* and group_* subtype, bot_add / bot_remove, pinned_item /
//   unpinned_item, reminder_add, welcome_party, huddle_thread, message_changed /
//   message_deleted / message_replied (kOther). Other subtypes (file_share, file_comment,
//   me_message, thread_broadcast, bot_message, ...) are messages.
// - Mentions: `<@U123>` and `<@U123|name>` in `text`, and `user` elements of `blocks` rich text;
//   each person once per message, in order of first appearance, at most 1000 per message
//   (ingest.slack.too_many_mentions). System messages have none (Slack writes the actor into
//   their text).
// - Reactions: reaction_count sums each reaction's `count` (at least its number of `users`);
//   reactors lists each reaction's `users` in order.
// - text_bytes: the size of `text` (JSON-unescaped; Slack's &amp; entities are kept as written).
//
// Pre-thread exports (before 2017) have no thread_ts at all; one file cannot know whether its
// channel ever had threads, so ChannelInfo::replies_exported stays true.
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeSlackReader(const ReaderContext& context);
// Yes for the files of a Slack export, known by base name and JSON shape: users.json,
// channels.json, groups.json, mpims.json, dms.json, integration_logs.json (arrays of their
// records, or empty arrays), canvases.json, lists.json, huddle_transcripts.json,
// file_conversations.json (arrays), canvas_in_the_conversation.json inside a folder, and day
// files: YYYY-MM-DD.json inside a folder, an array whose elements have a "ts" key (or empty).
// The JSON needs to be valid only as far as the keys that decide (a damaged file is the
// reader's to locate).
bool SniffSlack(const Head& head);

}  // namespace meshcheck::ingest
