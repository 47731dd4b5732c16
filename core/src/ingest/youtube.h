// YouTube comments readers (FORMATS.md 9): Data API commentThreads JSON and Google Takeout CSV.
// TODO(issue 3): contract and rules.
#pragma once

#include <memory>

#include "ingest/reader.h"
#include "ingest/sniff.h"

namespace meshcheck::ingest {

// YouTube Data API v3 commentThreads.list responses (helper jsonfam): one response, several
// concatenated, a list of responses, or bare commentThread objects. Chunks may split anywhere;
// memory is one comment plus the authors of the thread being read.
// - Channel: one per video ("youtube:video:<videoId>", kForum), grouped by the video's owner
//   channel ("youtube:channel:<channelId>"); comments on a channel itself (no videoId):
//   "youtube:channel:<channelId>:comments".
// - A comment is a message: id, author keyed by `authorChannelId.value` and named by
//   `authorDisplayName`, `publishedAt`, `likeCount` as its reaction count (count only), text_bytes
//   from `textOriginal`, else the text of `textDisplay` outside HTML tags. The owner of the video
//   (`authorChannelId.value` == `channelId`) is the host (is_host_hint). No bot is flagged.
// - Replies (`replies.comments[]`, often only the first few) reply to `parentId` (the top-level
//   comment: the API keeps one level) and sit in its thread. A leading "@handle" (how a reply
//   to a reply is written) is a mention, keyed as that author when the handle is the display
//   name of someone who already wrote in the thread.
// - A document with no `items` and no comment is kUnsupportedFormat
//   "ingest.youtube.not_comment_threads".
std::unique_ptr<Reader> MakeYouTubeJsonReader(const ReaderContext& context);
// Yes for JSON with a "kind" key whose text names "youtube#commentThread".
bool SniffYouTubeJson(const Head& head);
// Google Takeout "YouTube and YouTube Music" comments CSV (comments.csv). It holds only the
// account's own comments (FORMATS.md 9), so every comment's author is that account, marked as
// the host (is_host_hint), and the input gets the warning "ingest.youtube.own_comments_only".
// - Columns are found by name, any case, in any order (Takeout reordered them in 2024):
//   "Comment ID", "Channel ID" (the account), "Comment Create Timestamp" (ISO 8601) and
//   "Video ID" are required, else kUnsupportedFormat "ingest.youtube.not_takeout_csv";
//   "Parent Comment ID", "Post ID", "Comment Text", "Top-level Comment ID" are read if present.
// - Channel: one per video, keyed and typed as the JSON reader does ("youtube:video:<id>",
//   kForum), so both exports of a video meet; a community post's: "youtube:post:<id>".
// - reply_to is the parent comment; thread the top-level comment (else the parent).
// - The text is JSON segments ({"takeoutSegments":[{"text":..}]} before mid-2024,
//   {"text":..},{"text":..} after); text_bytes is the size of their texts.
// - An unreadable timestamp leaves the comment undated (counted "ingest.youtube.bad_timestamp").
std::unique_ptr<Reader> MakeYouTubeCsvReader(const ReaderContext& context);
// Sure when the first line holds the four required column names, comma-separated.
bool SniffYouTubeCsv(const Head& head);

}  // namespace meshcheck::ingest
