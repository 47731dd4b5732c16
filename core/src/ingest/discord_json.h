// DiscordChatExporter JSON reader (FORMATS.md section 1). One file is one channel, thread or
// partition; several files of one server are read into one session.
//
// Rules implemented here:
// - A message replies to another only if `reference.messageId` is set, `reference.type` is not
//   "Forward", and `reference.channelId` is this channel (crossposts point elsewhere). The
//   message `type` ("Reply" or "Default") is not trusted.
// - Forwards are kept as messages of their forwarder, flagged, and never replies. Crossposts
//   (a reference to a message of another server, `reference.guildId` != `guild.id`) are
//   flagged the same way.
// - System kinds (joins, pins, renames, calls, thread creation) are system events.
// - `author.isBot` marks bots and webhooks; "Deleted User#0000" is a deleted account, never
//   merged with other deleted accounts.
// - Reactions: `count` always, `users` when the export has them (DCE 2023-07+).
// - Timestamps carry the exporting machine's offset; a missing or unreadable one falls back to
//   the snowflake id's creation time (counted as a diagnostic).
// - Roles named like staff (admin, moderator, owner, staff, team, founder) mark a host hint.
// - The document must be an object whose `messages` array follows a `channel` object, as DCE
//   writes them; anything else (other exports that also have "messages") is
//   kUnsupportedFormat "ingest.discord.not_dce".
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeDiscordJsonReader(const ReaderContext& context);
// A DCE export is known as soon as its first key, "guild", is: even a damaged one is read, so
// its reader can say where the damage is.
bool SniffDiscordJson(const Head& head);

}  // namespace meshcheck::ingest
