// Facebook Messenger / Instagram "Download your information" JSON reader (FORMATS.md section 5):
// one messages/<folder>/<thread>/message_N.json file of a thread. Chunks may split anywhere;
// memory is one message plus the participants list.
//
// Rules implemented here:
// - Strings are repaired from Facebook's Latin-1 mojibake (base::AppendUnmojibakedUtf8) before
//   use: names, reactors, the title, and the content whose size is text_bytes.
// - People are known by name only (PersonRef.key empty): `participants[].name` are declared as
//   members, `sender_name` is the author. "Facebook user" / "Instagram User" (deactivated
//   accounts) and a missing sender are deleted accounts, never merged.
// - The thread is one channel whose group is itself; the export has no reply links
//   (replies_exported = false). Its key must be the same in every message_N.json of the thread,
//   but Facebook writes `title` and `thread_path` after the messages, so the key is chosen when
//   the messages start, from the first of: `thread_path` (if it came first), the file's last two
//   folders ("inbox/alice_123", which is what thread_path says), the sorted participant names,
//   the file name. Kind: `thread_type` Regular -> kDirect, RegularGroup -> kGroupDirect, else
//   two participants -> kDirect, more -> kGroupDirect. A title (and kind) found after the
//   messages is declared again when the document ends (the sink fills in what was empty).
// - Messages come newest first; ids do not exist (Message.id stays empty).
// - `timestamp_ms` is UTC milliseconds. Reactions: one per `reactions[]` entry, by its `actor`.
// - System events: `type` Subscribe -> kJoin, Unsubscribe -> kLeave, Call (or a
//   `call_duration`) -> kOther; and English notices written as content by their actor ("<sender>
//   joined the group.", "... added X to the group." -> kJoin; "... left the group.", "...
//   removed X from the group." -> kLeave; renames, photo, theme, nickname, emoji and poll
//   notices -> kOther). Other languages' notices stay messages.
// - `is_unsent` messages are kept as messages of their sender with no text.
// - A document with no `messages` array is kUnsupportedFormat "ingest.messenger.not_messenger".
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeMessengerJsonReader(const ReaderContext& context);
// Yes for an object whose `messages` carry `sender_name` or `timestamp_ms`.
bool SniffMessengerJson(const Head& head);

}  // namespace meshcheck::ingest
