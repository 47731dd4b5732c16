// Discourse topic JSON reader (FORMATS.md section 8): `/t/{id}.json` as the forum serves it, or
// a scraper's merge of all its posts. Chunks may split anywhere; memory is one post.
//
// Rules implemented here:
// - The topic is one channel, key "discourse:topic:<id>" from the root `id` or, when
//   `post_stream` comes first (scrapers write it first), the posts' `topic_id`; its parent is
//   "discourse:category:<category_id>". A title or category found after the posts is declared
//   again when the document ends (the sink fills in what was empty). Its kind is kChat, not
//   kThread: a long topic holds many conversations, told apart by its explicit reply links
//   (kThread would make the whole topic one conversation, with its opener in it).
// - A post is a message whose id is its `post_number`. People are keyed by lower-cased
//   `username` and named by it (it is the handle @mentions use). `system` and `discobot` (and
//   negative user ids) are bots. Host hints: `staff`, `admin`, `moderator` only. The topic's
//   opener is not flagged (the export does not mark them): where they dominate, the analysis
//   infers them as host from the data.
// - Replies: `reply_to_post_number` names the post answered. Null means "a reply to the topic":
//   a new contribution to it, addressed to no one (not to the opener, ANALYSIS C.7 fix 1), so it
//   has no reply target and no thread; but when such a post quotes a post of this topic (its
//   first `<aside class="quote" data-post="N" data-topic="<this topic>">`), it answers post N.
// - `post_type` 2 (moderator action), 3 (small action: closed, pinned...) and 4 (whisper, seen
//   by staff only) are system events (kOther); 1 is a post.
// - Likes: `actions_summary` entry id 2, its `count` (who liked is not exported).
// - Mentions: `<a class="mention" href="/u/x">@X</a>` in `cooked`. text_bytes: `raw` when present,
//   else the text of `cooked` outside HTML tags.
// - A topic holding fewer posts than `posts_count` (the forum sends 20 at a time) is partial:
//   counted as "ingest.discourse.partial", one per missing post.
// - A document without `post_stream.posts` is kUnsupportedFormat "ingest.discourse.not_topic".
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

std::unique_ptr<Reader> MakeDiscourseJsonReader(const ReaderContext& context);
// Yes for an object with a `post_stream` key, or with Discourse's topic keys `archetype` and
// `posts_count` (which come before `post_stream` when keys are sorted).
bool SniffDiscourseJson(const Head& head);

}  // namespace meshcheck::ingest
